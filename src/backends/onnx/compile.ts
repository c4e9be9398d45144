/**
 * Whole-graph compilation: a `Graph` becomes ONE ONNX model and ONE session.
 * Model inputs are the graph inputs (null dims symbolic, so one session serves
 * every batch size) then the variables; constants are initializers; model outputs
 * are the graph outputs then the update values. `run` is one synchronous run.
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import type { BodyNode, CompiledGraph, ConvWindow, Graph, GraphNode, GraphResult, OpNode, ScanAttrs, Shape } from '../types';
import { constantData, ModelEmitter } from './emit';
import { LowerInput, lowerPrimitive, reluKeepingMinusZero } from './lower';
import { lowerComposite, lowerConvBiasAdd } from './lower-composites';
import { CompositeName, isComposite } from '../types';
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

/** Which nodes the outputs and updates of `graph` need (only those are lowered). */
function neededNodes(graph: Graph<unknown>): Uint8Array {
  const n = graph.nodes.length;
  const needed = new Uint8Array(n);
  for (const o of graph.outputs) needed[o] = 1;
  for (const u of graph.updates) needed[u.value] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    if (needed[i] && node.kind === 'op') for (const j of node.inputs) needed[j] = 1;
  }
  return needed;
}

/**
 * Whether node `i` adds a bias to a float32 conv that nothing else reads: `add(c, b)` or
 * `add(b, c)` with b of the conv's (static) channel count on its last axis and 1 on any
 * other, and the sum of the conv's shape. Returns the conv node's attributes and inputs,
 * and which input of the add is the bias.
 */
function convBiasAdd(
  nodes: readonly (GraphNode<unknown> | BodyNode)[],
  i: number,
  reads: Uint32Array,
): { attrs: ConvWindow; inputs: readonly number[]; bias: number } | null {
  const node = nodes[i];
  if (node.kind !== 'op' || node.op !== 'add' || node.dtype !== 'float32') return null;
  for (let side = 0; side < 2; side++) {
    const c = nodes[node.inputs[side]];
    const b = nodes[node.inputs[1 - side]];
    if (c.kind !== 'op' || c.op !== 'conv' || reads[node.inputs[side]] !== 1) continue;
    const channels = c.shape[c.shape.length - 1];
    if (channels === null || b.shape.length === 0 || b.shape.length > c.shape.length) continue;
    if (b.shape[b.shape.length - 1] !== channels || b.shape.slice(0, -1).some((d) => d !== 1)) continue;
    if (node.shape.length !== c.shape.length || node.shape.some((d, a) => d !== c.shape[a])) continue;
    return { attrs: c.attrs, inputs: c.inputs, bias: 1 - side };
  }
  return null;
}

/** What composites applied to the same first input with equal attributes share. */
function compositeKey(node: OpNode): string {
  return `${node.inputs[0]}|${JSON.stringify(node.attrs)}`;
}

/** 1 when every element of `t` (a constant's value) is a float +0, 2 when each is +0 or -0 (some -0), else 0. */
function zeroTensorKind(t: unknown): number {
  if (!(t instanceof ort.Tensor) || (t.type !== 'float32' && t.type !== 'float64' && t.type !== 'float16')) return 0;
  const data = t.data as Float32Array | Float64Array | Uint16Array;
  if (data.length === 0) return 0;
  let kind = 1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (t.type === 'float16' ? (v & 0x7fff) !== 0 : v !== 0) return 0;
    if (t.type === 'float16' ? v !== 0 : !Object.is(v, 0)) kind = 2;
  }
  return kind;
}

/**
 * Marks the nodes whose every element is a float zero: 1 for +0 only, 2 when some are
 * -0. Float constants and their broadcasts (`broadcastTo`, `broadcastLike` of a marked
 * node), e.g. zerosLike.
 */
function zeroFillKinds(nodes: readonly (GraphNode<unknown> | BodyNode)[]): Uint8Array {
  const marks = new Uint8Array(nodes.length);
  nodes.forEach((node, i) => {
    if (node.kind === 'constant') marks[i] = zeroTensorKind(node.value);
    else if (node.kind === 'op' && (node.op === 'broadcastTo' || node.op === 'broadcastLike')) marks[i] = marks[node.inputs[0]];
  });
  return marks;
}

/**
 * Whether input `k` of an op (its input node indices `inputs`) has a run-time shape
 * that the broadcast of the op's other inputs already holds, so that leaving it out
 * of a broadcasting op changes no result shape: it is `broadcastLike(v, like)` of a
 * scalar v with `like` one of those other inputs, or its static shape is known and
 * each of its axes is 1 or equals the same (known) axis of another input.
 */
function isCovered(nodes: readonly (GraphNode<unknown> | BodyNode)[], inputs: readonly number[], k: number): boolean {
  const self = nodes[inputs[k]];
  const others = inputs.filter((_, m) => m !== k);
  if (self.kind === 'op' && self.op === 'broadcastLike' && nodes[self.inputs[0]].shape.length === 0 && others.includes(self.inputs[1])) return true;
  const rank = self.shape.length;
  return self.shape.every((d, axis) => {
    if (d === 1) return true;
    if (d === null) return false;
    return others.some((j) => {
      const s = nodes[j].shape;
      const at = s.length - rank + axis;
      return at >= 0 && s[at] === d;
    });
  }) && others.some((j) => nodes[j].shape.length >= rank);
}

/**
 * Lowers the needed op nodes of `graph` in order, filling `names` (node index -> ONNX
 * value name; inputs must already be named). `leaf` names an input, variable or
 * constant node not named yet. A `scan` becomes an ONNX `Scan` whose body is a
 * subgraph of the same model (lowered by this same function); its outputs are
 * named by the `pick` nodes that read them.
 */
export function lowerNodes<N extends GraphNode<unknown> | BodyNode>(
  builder: ModelBuilder,
  emitter: ModelEmitter,
  graph: { readonly nodes: readonly N[] },
  needed: Uint8Array,
  names: (string | undefined)[],
  leaf: (i: number, node: Exclude<N, OpNode>) => string,
  roots: readonly number[],
): void {
  const n = graph.nodes.length;
  // how many times each node's value is read (by needed ops, or as a result)
  const reads = new Uint32Array(n);
  for (const r of roots) reads[r]++;
  graph.nodes.forEach((node, i) => {
    if (needed[i] && node.kind === 'op') for (const j of node.inputs) reads[j]++;
  });
  const zeroFills = zeroFillKinds(graph.nodes);
  // the composites applied to each (first input, attributes), among the needed nodes
  const compositeUses = new Map<string, CompositeName[]>();
  graph.nodes.forEach((node, i) => {
    if (!needed[i] || node.kind !== 'op' || !isComposite(node.op)) return;
    const key = compositeKey(node);
    compositeUses.set(key, [...(compositeUses.get(key) ?? []), node.op]);
  });
  const loopOutputs = new Map<number, string[]>();
  // The outputs of each scan that a needed pick reads.
  const wanted = new Map<number, boolean[]>();
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'op') return;
    if (node.op === 'scan') wanted.set(i, new Array<boolean>(node.attrs.body.outputs.length).fill(false));
    if (node.op === 'pick' && needed[i]) (wanted.get(node.inputs[0]) as boolean[])[node.attrs.index] = true;
  });
  for (let i = 0; i < n; i++) {
    if (!needed[i]) continue;
    const node = graph.nodes[i];
    if (node.kind !== 'op') {
      if (names[i] === undefined) names[i] = leaf(i, node as Exclude<N, OpNode>);
      continue;
    }
    const inputs: (LowerInput & { readonly shape: Shape; readonly minusZeros?: boolean })[] = node.inputs.map((j, k) => {
      const src = graph.nodes[j];
      const name = names[j];
      if (name === undefined && !loopOutputs.has(j)) throw new Error(`onnx compile: node ${i} uses node ${j}, which comes later or is missing`);
      const plusZeroFill = zeroFills[j] === 1 && isCovered(graph.nodes, node.inputs, k);
      const zeroConstant = zeroFills[j] !== 0;
      return {
        name: name ?? '',
        dtype: src.dtype,
        rank: src.shape.length,
        shape: src.shape,
        ...(plusZeroFill ? { plusZeroFill } : {}),
        ...(zeroConstant ? { zeroConstant } : {}),
      };
    });
    if (isComposite(node.op)) {
      const partners = new Set(compositeUses.get(compositeKey(node))?.filter((op) => op !== node.op));
      const src = graph.nodes[node.inputs[0]];
      if ((node.op === 'maxPool' || node.op === 'maxPoolGrad') && src.kind === 'op' && src.op === 'relu') {
        // max pooling of a relu reads ORT's Relu before the relu's -0 fix (an Abs over
        // the whole tensor, pruned when nothing else reads it) and fixes its maxima instead
        const z = names[src.inputs[0]] as string;
        const [raw] = emitter.shared(`relu|${z}`, () => [reluKeepingMinusZero(emitter, z)]);
        inputs[0] = { ...inputs[0], name: raw, minusZeros: true };
      }
      names[i] = lowerComposite(emitter, node.op, node.attrs as never, inputs, node, partners);
    } else if (node.op === 'scan') {
      loopOutputs.set(i, lowerScan(builder, emitter, node.attrs, inputs, wanted.get(i) as boolean[]));
    } else if (node.op === 'pick') {
      names[i] = (loopOutputs.get(node.inputs[0]) as string[])[node.attrs.index];
    } else {
      const conv = convBiasAdd(graph.nodes, i, reads);
      if (conv !== null) {
        // the conv's own lowering, now unread, is pruned (ModelBuilder.pruneUnused)
        const [x, k] = conv.inputs.map((j) => names[j] as string);
        names[i] = lowerConvBiasAdd(emitter, conv.attrs, x, k, inputs[conv.bias]);
      } else {
        names[i] = lowerPrimitive(emitter, node.op, node.attrs as never, inputs, { dtype: node.dtype, rank: node.shape.length });
      }
    }
  }
}

/**
 * A `scan` as an ONNX `Scan`: the carries are its states, the sequences its scan
 * inputs (axis 0, reversed for `reverse`, and so are the stacked outputs, which
 * keeps them in sequence order); the body's other inputs (the invariants) are read
 * from the enclosing graph by name. Per-step outputs nobody picks are left out of
 * the body. Returns one name per scan output ('' for those left out).
 */
export function lowerScan(
  builder: ModelBuilder,
  emitter: ModelEmitter,
  attrs: ScanAttrs,
  inputs: readonly LowerInput[],
  wanted: readonly boolean[],
): string[] {
  const body = attrs.body;
  const nc = attrs.carries;
  const ns = attrs.sequences;
  const sub = builder.child();
  const subEmitter = new ModelEmitter(sub, 'initializers');
  const names: (string | undefined)[] = new Array(body.nodes.length);
  const local = new Set<string>();
  body.inputs.forEach((node, k) => {
    const info = body.nodes[node];
    if (k < nc + ns) {
      const name = sub.fresh('b');
      sub.addInput(name, info.dtype, info.shape);
      names[node] = name;
      local.add(name);
    } else {
      names[node] = inputs[k].name; // an invariant: read from the enclosing graph
    }
  });
  const keptYs = body.outputs.slice(nc).map((_, j) => wanted[nc + j]);
  const bodyOutputs = [...body.outputs.slice(0, nc), ...body.outputs.slice(nc).filter((_, j) => keptYs[j])];
  const needed = new Uint8Array(body.nodes.length);
  for (const o of bodyOutputs) needed[o] = 1;
  for (let i = body.nodes.length - 1; i >= 0; i--) {
    const node = body.nodes[i];
    if (needed[i] && node.kind === 'op') for (const j of node.inputs) needed[j] = 1;
  }
  lowerNodes(
    sub,
    subEmitter,
    body,
    needed,
    names,
    (i) => {
      throw new Error(`onnx compile: loop body node ${i} is not an input or an op`);
    },
    bodyOutputs,
  );
  // A body output must be a value made in the body, once.
  const used = new Set<string>();
  for (const o of bodyOutputs) {
    let name = names[o] as string;
    if (local.has(name) || !isMadeIn(sub, name) || used.has(name)) name = subEmitter.node('Identity', [name]);
    used.add(name);
    sub.addOutput(name, body.nodes[o].dtype, body.nodes[o].shape);
  }
  sub.pruneUnused();
  const nk = bodyOutputs.length - nc;
  const dir = attrs.reverse ? 1 : 0;
  // ORT's Scan refuses zero iterations: an If runs it only when there are steps, and
  // otherwise gives the initial carries and empty stacked outputs (their dims unknown
  // before a step runs are 0, as the other engines make them).
  const loop = builder.child();
  const scanOuts = Array.from({ length: bodyOutputs.length }, () => loop.fresh('s'));
  loop.addNode('Scan', inputs.slice(0, nc + ns).map((x) => x.name), scanOuts, {
    body: { graph: sub.toGraph(builder.fresh('body')) },
    num_scan_inputs: ns,
    scan_input_directions: new Array<number>(ns).fill(dir),
    scan_output_directions: new Array<number>(nk).fill(dir),
  });
  const outShape = (o: number, k: number): Shape => (k < nc ? body.nodes[o].shape : [null, ...body.nodes[o].shape]);
  bodyOutputs.forEach((o, k) => loop.addOutput(scanOuts[k], body.nodes[o].dtype, outShape(o, k)));
  const none = builder.child();
  const noneEmitter = new ModelEmitter(none, 'initializers');
  bodyOutputs.forEach((o, k) => {
    const info = body.nodes[o];
    let name: string;
    if (k < nc) name = noneEmitter.node('Identity', [inputs[k].name]);
    else {
      const dims = [0, ...info.shape.map((d) => d ?? 0)];
      const zero = info.dtype === 'bool' ? 'bool' : info.dtype;
      name = noneEmitter.node('ConstantOfShape', [noneEmitter.constant('int64', [dims.length], dims)], {
        value: { tensor: { dtype: zero, dims: [1], data: constantData(zero, [0]) } },
      });
    }
    none.addOutput(name, info.dtype, outShape(o, k));
  });
  const len = emitter.node('Shape', [inputs[nc].name], { start: 0, end: 1 });
  const empty = emitter.node('Equal', [len, emitter.constant('int64', [1], [0])]);
  const outs = Array.from({ length: bodyOutputs.length }, () => builder.fresh('s'));
  builder.addNode('If', [empty], outs, {
    then_branch: { graph: none.toGraph(builder.fresh('no_steps')) },
    else_branch: { graph: loop.toGraph(builder.fresh('steps')) },
  });
  const result: string[] = outs.slice(0, nc);
  let k = nc;
  keptYs.forEach((kept) => result.push(kept ? outs[k++] : ''));
  return result;
}

/** Whether `name` is the output of a node of `builder`'s graph. */
function isMadeIn(builder: ModelBuilder, name: string): boolean {
  return builder.producedNames().has(name);
}

/** Lowers `graph` to one ONNX model (see the file comment). Does not create a session. */
export function lowerGraph(graph: Graph<ort.Tensor>): LoweredGraph {
  const n = graph.nodes.length;
  const needed = neededNodes(graph);

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

  lowerNodes(builder, emitter, graph, needed, names, (i, node) => {
    if (node.kind === 'input' || node.kind === 'variable') {
      throw new Error(`onnx compile: node ${i} (${node.kind}) is not listed in the graph's ${node.kind}s`);
    }
    const t = node.value;
    const name = `const${i}`;
    builder.addInitializer(name, dtypeOfTensor(t), t.dims, t.data as Float32Array | Float64Array | Int32Array | Uint8Array);
    sources.add(name);
    return name;
  }, [...graph.outputs, ...graph.updates.map((u) => u.value)]);

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
  builder.pruneUnused();
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
