/**
 * Whole-graph compilation: a `Graph` becomes ONE ONNX model and ONE session.
 * Model inputs are the graph inputs (null dims symbolic, so one session serves
 * every batch size) then the variables; constants are initializers; model outputs
 * are the graph outputs then the update values. `run` is one synchronous run.
 */
import * as ort from 'onnxruntime-node';
import type { CompiledGraph, Graph, GraphResult } from '../types';
import { ModelEmitter } from './emit';
import { LowerInput, lowerPrimitive } from './lower';
import { ModelBuilder } from './model';
import { SyncSession, SyncSessionOptions } from './ort-binding';
import { dtypeOfTensor } from './tensors';

/** How the backend makes the sessions of compiled graphs (keras.json's `onnx` object). */
export interface OnnxSessionConfig {
  /** Threads inside one op; 0: ONNX Runtime's default (one per core). */
  readonly intraOpNumThreads: number;
  /** Threads across independent ops; more than 1 runs the graph in parallel mode. */
  readonly interOpNumThreads: number;
  /** ONNX Runtime's graph optimisation level. */
  readonly graphOptimizationLevel: 'disabled' | 'basic' | 'extended' | 'all';
  /** Execution provider names, in order of preference ('cpu', 'cuda', ...). */
  readonly executionProviders: readonly string[];
  /**
   * How many compiled graphs may hold a multi-threaded session at once. Each
   * session owns its thread pool, so graphs compiled while that many are alive get
   * a single-threaded session: thread count stays bounded however many functions a
   * program makes.
   */
  readonly threadedSessions: number;
}

/** The defaults: one thread per core for up to 4 live compiled graphs, full optimisation, CPU. */
export const DEFAULT_SESSION_CONFIG: OnnxSessionConfig = {
  intraOpNumThreads: 0,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionProviders: ['cpu'],
  threadedSessions: 4,
};

/** Live compiled sessions that own a multi-threaded pool (process-wide: ORT's pools are per session). */
let threadedLive = 0;

/** How many compiled-graph sessions with their own multi-threaded pool are alive now. */
export function threadedSessionCount(): number {
  return threadedLive;
}

/** The session options for a compiled graph, and whether the session takes a threaded slot. */
function sessionOptions(config: OnnxSessionConfig): { options: SyncSessionOptions; threaded: boolean } {
  const threaded = config.intraOpNumThreads !== 1 && threadedLive < config.threadedSessions;
  const parallel = config.interOpNumThreads > 1 && threadedLive < config.threadedSessions;
  return {
    threaded: threaded || parallel,
    options: {
      graphOptimizationLevel: config.graphOptimizationLevel,
      executionMode: parallel ? 'parallel' : 'sequential',
      intraOpNumThreads: threaded ? config.intraOpNumThreads : 1,
      interOpNumThreads: parallel ? config.interOpNumThreads : 1,
      executionProviders: config.executionProviders,
    },
  };
}

/** The ONNX model of a graph and how to feed and read it. */
export interface LoweredGraph {
  /** The encoded model. */
  readonly model: Uint8Array;
  /** Model input name of each graph input (in `graph.inputs` order); null when no output needs it. */
  readonly inputNames: readonly (string | null)[];
  /** Model input name of each variable (in `graph.variables` order); null when unused. */
  readonly variableNames: readonly (string | null)[];
  /** Model output name of each graph output. */
  readonly outputNames: readonly string[];
  /** Model output name of each update value. */
  readonly updateNames: readonly string[];
}

/** Lowers `graph` to one ONNX model (see the file comment). Does not create a session. */
export function lowerGraph(graph: Graph<ort.Tensor>): LoweredGraph {
  const n = graph.nodes.length;
  // Only nodes the outputs or updates need are lowered.
  const needed = new Uint8Array(n);
  for (const o of graph.outputs) needed[o] = 1;
  for (const u of graph.updates) needed[u.value] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    if (needed[i] && node.kind === 'op') for (const j of node.inputs) needed[j] = 1;
  }

  const builder = new ModelBuilder();
  const emitter = new ModelEmitter(builder, 'initializers');
  const names: (string | undefined)[] = new Array(n);
  const sources = new Set<string>(); // names that are model inputs or initializers

  // Graph inputs, then variables, become model inputs (null when nothing needs them).
  const declare = (kind: 'input' | 'variable', nodes: readonly number[]): (string | null)[] =>
    nodes.map((i, k) => {
      const node = graph.nodes[i];
      if (node.kind !== kind) throw new Error(`onnx compile: graph.${kind === 'input' ? 'inputs' : 'variables'}[${k}] = ${i} is not a${kind === 'input' ? 'n' : ''} ${kind} node`);
      if (!needed[i]) return null;
      const name = `${kind}${k}`;
      builder.addInput(name, node.dtype, node.shape);
      names[i] = name;
      sources.add(name);
      return name;
    });
  const inputNames = declare('input', graph.inputs);
  const variableNames = declare('variable', graph.variables);

  for (let i = 0; i < n; i++) {
    if (!needed[i]) continue;
    const node = graph.nodes[i];
    switch (node.kind) {
      case 'input':
      case 'variable':
        if (names[i] === undefined) throw new Error(`onnx compile: node ${i} (${node.kind}) is not listed in the graph's ${node.kind}s`);
        break;
      case 'constant': {
        const t = node.value;
        const dtype = dtypeOfTensor(t);
        const name = `const${i}`;
        builder.addInitializer(name, dtype, t.dims, t.data as Float32Array | Float64Array | Int32Array | Uint8Array);
        names[i] = name;
        sources.add(name);
        break;
      }
      case 'op': {
        const inputs: LowerInput[] = node.inputs.map((j) => {
          const src = graph.nodes[j];
          const name = names[j];
          if (name === undefined) throw new Error(`onnx compile: node ${i} uses node ${j}, which comes later or is missing`);
          return { name, dtype: src.dtype, rank: src.shape.length };
        });
        names[i] = lowerPrimitive(emitter, node.op, node.attrs as never, inputs, { dtype: node.dtype, rank: node.shape.length });
        break;
      }
    }
  }

  // Each result gets its own output name: an input, variable or constant, or a
  // value handed out twice, goes through an Identity.
  const used = new Set<string>();
  const output = (i: number): string => {
    let name = names[i] as string;
    if (sources.has(name) || used.has(name)) name = emitter.node('Identity', [name]);
    used.add(name);
    builder.addOutput(name, graph.nodes[i].dtype);
    return name;
  };
  const outputNames = graph.outputs.map(output);
  const updateNames = graph.updates.map((u) => {
    const v = graph.nodes[graph.variables[u.variable]];
    const val = graph.nodes[u.value];
    if (v === undefined || v.kind !== 'variable') throw new Error(`onnx compile: update target ${u.variable} is not a variable node`);
    if (val.dtype !== v.dtype) throw new Error(`onnx compile: update of a ${v.dtype} variable with a ${val.dtype} value`);
    return output(u.value);
  });
  return { model: builder.toBytes('compiled'), inputNames, variableNames, outputNames, updateNames };
}

/**
 * Compiles `graph` into one ONNX Runtime session. `run(feeds, variables)` is one
 * synchronous session run; every returned tensor is new and owned by the caller.
 */
export function compileGraph(graph: Graph<ort.Tensor>, config: OnnxSessionConfig = DEFAULT_SESSION_CONFIG): CompiledGraph<ort.Tensor> {
  const lowered = lowerGraph(graph);
  if (lowered.outputNames.length === 0 && lowered.updateNames.length === 0) {
    return { run: () => ({ outputs: [], updates: [] }) };
  }
  const { options, threaded } = sessionOptions(config);
  const session = SyncSession.create(lowered.model, options);
  let holdsSlot = threaded;
  if (holdsSlot) threadedLive++;
  return {
    run(feeds: readonly ort.Tensor[], variables: readonly ort.Tensor[]): GraphResult<ort.Tensor> {
      if (feeds.length !== lowered.inputNames.length) {
        throw new Error(`onnx compiled graph: expected ${lowered.inputNames.length} feeds, got ${feeds.length}`);
      }
      if (variables.length !== lowered.variableNames.length) {
        throw new Error(`onnx compiled graph: expected ${lowered.variableNames.length} variables, got ${variables.length}`);
      }
      const inputs: Record<string, ort.Tensor> = {};
      lowered.inputNames.forEach((name, k) => {
        if (name !== null) inputs[name] = feeds[k];
      });
      lowered.variableNames.forEach((name, k) => {
        if (name !== null) inputs[name] = variables[k];
      });
      const res = session.run(inputs);
      return {
        outputs: lowered.outputNames.map((name) => res[name]),
        updates: lowered.updateNames.map((name) => res[name]),
      };
    },
    dispose(): void {
      session.dispose();
      if (holdsSlot) {
        holdsSlot = false;
        threadedLive--;
      }
    },
  };
}
