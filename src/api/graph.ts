/**
 * Turning the tensors reachable from some outputs (and updates) into the plain
 * `Graph` a backend executes, and running it.
 */
import type { Backend } from '../backends/backend';
import { interpretGraph } from '../backends/interpret';
import { Graph, GraphNode } from '../backends/types';
import { KerasValueError } from '../errors';
import { constantValue, KTensor, pinConstant, variableValue } from './tensor';

/** A graph together with the tensors behind its inputs and variables. */
export interface BuiltGraph {
  readonly graph: Graph<unknown>;
  /** The variable tensors, in `graph.variables` order. */
  readonly variables: readonly KTensor[];
  /** The placeholder tensors, in `graph.inputs` order. */
  readonly inputs: readonly KTensor[];
}

/** All tensors reachable from `roots`, inputs before users (iterative, so deep graphs are fine). */
export function topoSort(roots: readonly KTensor[]): KTensor[] {
  const order: KTensor[] = [];
  const state = new Map<number, number>(); // 1: entered, 2: done
  const stack: [KTensor, number][] = [];
  for (const r of roots) {
    if (state.has(r.id)) continue;
    stack.push([r, 0]);
    state.set(r.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [t, k] = top;
      const ins = t.node.kind === 'op' ? t.node.inputs : [];
      if (k < ins.length) {
        top[1] = k + 1;
        const c = ins[k];
        if (!state.has(c.id)) {
          state.set(c.id, 1);
          stack.push([c, 0]);
        }
      } else {
        stack.pop();
        state.set(t.id, 2);
        order.push(t);
      }
    }
  }
  return order;
}

/**
 * Builds the graph computing `outputs` and `updates` on `backend`. Placeholders must
 * be among `inputs` (when `inputs` is null, none may be reached: `fn` names the caller).
 */
export function buildGraph(
  backend: Backend,
  outputs: readonly KTensor[],
  updates: readonly (readonly [KTensor, KTensor])[],
  inputs: readonly KTensor[] | null,
  fn: string,
): BuiltGraph {
  const roots = [...outputs, ...updates.map((u) => u[1]), ...updates.map((u) => u[0]), ...(inputs ?? [])];
  const order = topoSort(roots);
  const index = new Map<number, number>();
  const nodes: GraphNode<unknown>[] = [];
  const variables: KTensor[] = [];
  const variableNodes: number[] = [];
  const inputNodes: number[] = new Array(inputs?.length ?? 0);
  const inputPos = new Map<number, number>();
  (inputs ?? []).forEach((t, i) => inputPos.set(t.id, i));
  for (const t of order) {
    const i = nodes.length;
    index.set(t.id, i);
    const n = t.node;
    switch (n.kind) {
      case 'constant':
        pinConstant(t);
        nodes.push({ kind: 'constant', shape: t.shape, dtype: t.dtype, value: constantValue(t, backend) });
        break;
      case 'variable':
        nodes.push({ kind: 'variable', shape: t.shape, dtype: t.dtype, name: t.name });
        variables.push(t);
        variableNodes.push(i);
        break;
      case 'placeholder': {
        const pos = inputPos.get(t.id);
        if (pos === undefined) {
          throw new KerasValueError(
            inputs === null
              ? `${fn}: the tensor depends on placeholder '${t.name}', which has no value here; feed it through K.function(inputs, outputs)`
              : `${fn}: the outputs depend on placeholder '${t.name}', which is not among the inputs`,
          );
        }
        nodes.push({ kind: 'input', shape: t.shape, dtype: t.dtype, name: t.name });
        inputNodes[pos] = i;
        break;
      }
      case 'op':
        nodes.push({
          kind: 'op',
          op: n.op,
          attrs: n.attrs,
          inputs: n.inputs.map((c) => index.get(c.id) as number),
          shape: t.shape,
          dtype: t.dtype,
        } as GraphNode<unknown>);
        break;
    }
  }
  const varIndex = new Map<number, number>();
  variables.forEach((v, k) => varIndex.set(v.id, k));
  const graph: Graph<unknown> = {
    nodes,
    inputs: inputNodes,
    variables: variableNodes,
    outputs: outputs.map((t) => index.get(t.id) as number),
    updates: updates.map(([v, value]) => ({ variable: varIndex.get(v.id) as number, value: index.get(value.id) as number })),
  };
  return { graph, variables, inputs: inputs ?? [] };
}

/** Current native values of a graph's variables on `backend`. */
export function variableValues(backend: Backend, variables: readonly KTensor[]): unknown[] {
  return variables.map((v) => variableValue(v, backend));
}

/** Computes the values of lazy tensors (no placeholders) on `backend`, kernel by kernel. */
export function runLazy(backend: Backend, outputs: readonly KTensor[], fn: string): unknown[] {
  const built = buildGraph(backend, outputs, [], null, fn);
  const run = interpretGraph(backend, built.graph);
  return run.run([], variableValues(backend, built.variables)).outputs;
}
