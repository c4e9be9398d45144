/**
 * Runs a graph kernel by kernel. The default `compile` for any backend; adapters
 * may use it inside their own compile (tfjs wraps it in one `tidy`). Loops (`scan`)
 * are run here with the backend's own kernels: the body once per step.
 */
import { KerasValueError } from '../errors';
import type { Backend } from './backend';
import { hostDataFor, isComposite } from './types';
import type { DType, HostData, BodyGraph, CompiledGraph, Graph, GraphResult, PrimitiveName, OpNode, OutputInfo, ScanAttrs } from './types';

/** Runs one op node's kernel (a primitive's, or a composite's the backend declares) on native inputs (scan and pick are run by the graph runner). */
export function runKernel<T>(backend: Backend<T>, node: OpNode, inputs: readonly T[]): T {
  type Run = (i: readonly T[], a: unknown, o: OutputInfo) => T;
  if (node.op === 'scan' || node.op === 'pick') throw new Error(`internal error: '${node.op}' has no kernel; the graph runner runs it`);
  if (isComposite(node.op)) {
    const kernel = backend.composites?.[node.op] as Run | undefined;
    if (kernel === undefined) throw new Error(`${backend.name} backend: no kernel for composite '${node.op}' (src/api should have expanded it)`);
    return kernel(inputs, node.attrs, node);
  }
  const kernel = backend.kernels[node.op as PrimitiveName] as Run;
  return kernel(inputs, node.attrs, node);
}

/** Compiled bodies, per body graph and backend (a body is interpreted many times). */
const bodies = new WeakMap<BodyGraph, Map<Backend<unknown>, CompiledGraph<unknown>>>();

function compiledBody<T>(backend: Backend<T>, body: BodyGraph): CompiledGraph<T> {
  let perBackend = bodies.get(body);
  if (perBackend === undefined) {
    perBackend = new Map();
    bodies.set(body, perBackend);
  }
  let c = perBackend.get(backend as Backend<unknown>);
  if (c === undefined) {
    const nodes = body.nodes.map((n) => (n.kind === 'input' ? { ...n, name: '' } : n));
    c = interpretGraph(backend as Backend<unknown>, { nodes, inputs: body.inputs, outputs: body.outputs, variables: [], updates: [] });
    perBackend.set(backend as Backend<unknown>, c);
  }
  return c as CompiledGraph<T>;
}

/**
 * Runs a `scan` (see `ScanAttrs`) with the backend's kernels: each step slices the
 * sequences (gather), runs the body, and frees what the step no longer needs; the
 * per-step outputs are stacked once at the end. `wanted[k]` false: output k is not
 * made (undefined in the result). Every returned tensor is new and owned by the caller.
 */
export function runScan<T>(backend: Backend<T>, attrs: ScanAttrs, inputs: readonly T[], wanted?: readonly boolean[]): (T | undefined)[] {
  const nc = attrs.carries;
  const ns = attrs.sequences;
  const body = attrs.body;
  const ny = body.outputs.length - nc;
  const seqs = inputs.slice(nc, nc + ns);
  const invariants = inputs.slice(nc + ns);
  if (seqs.length === 0) throw new Error('internal error: scan needs at least one sequence');
  const lengths = seqs.map((s) => backend.shapeOf(s)[0]);
  const n = lengths[0];
  if (lengths.some((l) => l !== n)) {
    throw new KerasValueError(`scan: the sequences have different lengths on the scanned axis (${lengths.join(', ')})`);
  }
  const run = compiledBody(backend, body);
  const k = backend.kernels;
  const want = (j: number): boolean => wanted === undefined || wanted[j] !== false;
  const sliceInfo = seqs.map((_, j) => body.nodes[body.inputs[nc + j]] as OutputInfo);
  const yInfo = Array.from({ length: ny }, (_, j) => body.nodes[body.outputs[nc + j]] as OutputInfo);
  let carries: T[] = inputs.slice(0, nc);
  let ownCarries = false;
  const ys: T[][] = Array.from({ length: ny }, () => []);
  const disposeAll = (xs: readonly T[]): void => {
    for (const x of xs) backend.dispose(x);
  };
  try {
    for (let step = 0; step < n; step++) {
      const t = attrs.reverse ? n - 1 - step : step;
      const idx = backend.fromHost(Int32Array.of(t), [], 'int32');
      let slices: T[];
      try {
        slices = seqs.map((s, j) => k.gather([s, idx], { axis: 0 }, sliceInfo[j]));
      } finally {
        backend.dispose(idx);
      }
      let res: GraphResult<T>;
      try {
        res = run.run([...carries, ...slices, ...invariants], []);
      } finally {
        disposeAll(slices);
      }
      if (ownCarries) disposeAll(carries);
      carries = res.outputs.slice(0, nc);
      ownCarries = true;
      for (let j = 0; j < ny; j++) {
        const y = res.outputs[nc + j];
        if (want(nc + j)) {
          const info = yInfo[j];
          ys[j].push(k.expandDims([y], { axes: [0] }, { dtype: info.dtype, shape: [1, ...info.shape] }));
        }
        backend.dispose(y);
      }
    }
    const finals = carries.map((c, j) => {
      if (!want(j)) {
        if (ownCarries) backend.dispose(c);
        return undefined;
      }
      return ownCarries ? c : k.identity([c], {}, body.nodes[body.inputs[j]] as OutputInfo);
    });
    ownCarries = false;
    const stacked = ys.map((parts, j) => {
      if (!want(nc + j)) return undefined;
      const info = yInfo[j];
      const out = { dtype: info.dtype, shape: [null, ...info.shape] };
      if (n === 0) {
        // No step ran: dims unknown before a step runs are 0 (the result is empty anyway).
        const shape = [0, ...info.shape.map((d) => d ?? 0)];
        return backend.fromHost(emptyHost(info.dtype), shape, info.dtype);
      }
      const ordered = attrs.reverse ? [...parts].reverse() : parts;
      const joined = k.concat(ordered, { axis: 0 }, out);
      disposeAll(parts);
      parts.length = 0;
      return joined;
    });
    return [...finals, ...stacked];
  } catch (e) {
    if (ownCarries) disposeAll(carries);
    for (const parts of ys) disposeAll(parts);
    throw e;
  }
}

function emptyHost(dtype: DType): HostData {
  return hostDataFor(dtype, 0);
}

/**
 * Prepares a graph for interpretation: computes when each node is last used, so
 * intermediates are disposed as soon as nothing needs them.
 */
export function interpretGraph<T>(backend: Backend<T>, graph: Graph<T>): CompiledGraph<T> {
  const n = graph.nodes.length;
  const lastUse = new Int32Array(n).fill(-1);
  graph.nodes.forEach((node, i) => {
    if (node.kind === 'op') for (const j of node.inputs) lastUse[j] = i;
  });
  // Outputs and update values are kept to the end.
  const kept = new Uint8Array(n);
  for (const o of graph.outputs) kept[o] = 1;
  for (const u of graph.updates) kept[u.value] = 1;
  const inputSlot = new Int32Array(n).fill(-1);
  graph.inputs.forEach((node, k) => (inputSlot[node] = k));
  const variableSlot = new Int32Array(n).fill(-1);
  graph.variables.forEach((node, k) => (variableSlot[node] = k));
  // Only nodes the outputs or updates need are run.
  const needed = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (kept[i]) needed[i] = 1;
    const node = graph.nodes[i];
    if (needed[i] && node.kind === 'op') for (const j of node.inputs) needed[j] = 1;
  }
  // The outputs of each loop that some needed node picks.
  const wanted = new Map<number, boolean[]>();
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'op') return;
    if (node.op === 'scan') wanted.set(i, new Array<boolean>(node.attrs.body.outputs.length).fill(false));
    if (node.op === 'pick' && needed[i]) (wanted.get(node.inputs[0]) as boolean[])[node.attrs.index] = true;
  });

  return {
    run(feeds: readonly T[], variables: readonly T[]): GraphResult<T> {
      const values: (T | undefined)[] = new Array(n);
      const tuples = new Map<number, (T | undefined)[]>(); // loop outputs not yet picked
      const owned = new Uint8Array(n); // values made here, ours to dispose
      const release = (j: number): void => {
        const tuple = tuples.get(j);
        if (tuple !== undefined) {
          for (const x of tuple) if (x !== undefined) backend.dispose(x);
          tuples.delete(j);
        } else if (owned[j] && !kept[j]) {
          backend.dispose(values[j] as T);
          values[j] = undefined;
          owned[j] = 0;
        }
      };
      try {
        for (let i = 0; i < n; i++) {
          if (!needed[i]) continue;
          const node = graph.nodes[i];
          switch (node.kind) {
            case 'input':
              values[i] = feeds[inputSlot[i]];
              break;
            case 'variable':
              values[i] = variables[variableSlot[i]];
              break;
            case 'constant':
              values[i] = node.value;
              break;
            case 'op': {
              if (node.op === 'scan') {
                tuples.set(i, runScan(backend, node.attrs, node.inputs.map((j) => values[j] as T), wanted.get(i)));
              } else if (node.op === 'pick') {
                const tuple = tuples.get(node.inputs[0]) as (T | undefined)[];
                const x = tuple[node.attrs.index];
                if (x === undefined) throw new Error(`internal error: loop output ${node.attrs.index} was not made`);
                // Taken over (a second pick of the same output gets a copy).
                values[i] = x;
                tuple[node.attrs.index] = undefined;
                owned[i] = 1;
              } else {
                values[i] = runKernel(backend, node, node.inputs.map((j) => values[j] as T));
                owned[i] = 1;
              }
              for (const j of node.inputs) if (lastUse[j] === i) release(j);
              break;
            }
          }
        }
        // The caller owns every result: a node handed out twice, or a feed, variable
        // or constant, is copied so that each result can be disposed on its own.
        const taken = new Uint8Array(n);
        const give = (i: number): T => {
          if (owned[i] && !taken[i]) {
            taken[i] = 1;
            return values[i] as T;
          }
          return backend.kernels.identity([values[i] as T], {}, graph.nodes[i]);
        };
        const outputs = graph.outputs.map(give);
        const updates = graph.updates.map((u) => give(u.value));
        return { outputs, updates };
      } catch (e) {
        for (let i = 0; i < n; i++) if (owned[i] && values[i] !== undefined) backend.dispose(values[i] as T);
        for (const tuple of tuples.values()) for (const x of tuple) if (x !== undefined) backend.dispose(x);
        throw e;
      }
    },
  };
}
