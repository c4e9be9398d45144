/**
 * Runs a graph kernel by kernel. The default `compile` for any backend; adapters
 * may use it inside their own compile (tfjs wraps it in one `tidy`).
 */
import type { Backend } from './backend';
import type { CompiledGraph, Graph, GraphResult, OpNode, OutputInfo } from './types';

/** Runs one op node's kernel on native inputs. */
export function runKernel<T>(backend: Backend<T>, node: OpNode, inputs: readonly T[]): T {
  const kernel = backend.kernels[node.op] as (i: readonly T[], a: unknown, o: OutputInfo) => T;
  return kernel(inputs, node.attrs, node);
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

  return {
    run(feeds: readonly T[], variables: readonly T[]): GraphResult<T> {
      const values: (T | undefined)[] = new Array(n);
      const owned = new Uint8Array(n); // values made here, ours to dispose
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
              const ins = node.inputs.map((j) => values[j] as T);
              values[i] = runKernel(backend, node, ins);
              owned[i] = 1;
              for (const j of node.inputs) {
                if (lastUse[j] === i && owned[j] && !kept[j]) {
                  backend.dispose(values[j] as T);
                  values[j] = undefined;
                  owned[j] = 0;
                }
              }
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
        throw e;
      }
    },
  };
}
