/**
 * Turning the tensors reachable from some outputs (and updates) into the plain
 * `Graph` a backend executes, and running it.
 */
import type { Backend } from '../backends/backend';
import { interpretGraph } from '../backends/interpret';
import { Graph, GraphNode, isComposite } from '../backends/types';
import { runsComposite } from '../backends/backend';
import { expansionOf } from './composites';
import { KerasValueError } from '../errors';
import { onEngine } from './engine';
import { inferRunTimeShapes } from './scan';
import { drawRandom } from './host-random';
import { formatPrinted } from '../format';
import { constantValue, KTensor, OpTensorNode, pinConstant, printMessageOf, topoSort, variableValue } from './tensor';

/** A graph together with the tensors behind its inputs and variables. */
export interface BuiltGraph {
  readonly graph: Graph<unknown>;
  /** The variable tensors, in `graph.variables` order. */
  readonly variables: readonly KTensor[];
  /** The placeholder tensors, in `graph.inputs` order. */
  readonly inputs: readonly KTensor[];
  /** The random tensors, fed after the placeholders (`graph.inputs` order). */
  readonly randoms: readonly KTensor[];
  /** Every tensor of the graph, inputs before users. */
  readonly order: readonly KTensor[];
  /** Tensors to print when the graph runs (printTensor): extra graph outputs after the real ones. */
  readonly prints: readonly KTensor[];
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
  keepsComposite: (node: OpTensorNode) => boolean = (n) => runsComposite(backend, n.op as never, n.attrs as never, n.inputs),
): BuiltGraph {
  const roots = [...outputs, ...updates.map((u) => u[1]), ...updates.map((u) => u[0]), ...(inputs ?? [])];
  const order = topoSort(roots);
  const index = new Map<number, number>();
  const nodes: GraphNode<unknown>[] = [];
  const variables: KTensor[] = [];
  const inputNodes: number[] = new Array(inputs?.length ?? 0);
  const randoms: KTensor[] = [];
  const inputPos = new Map<number, number>();
  (inputs ?? []).forEach((t, i) => inputPos.set(t.id, i));
  // A constant node holding the native value of constant tensor `c` (kept alive as long as the graph).
  const pushConstant = (t: KTensor, c: KTensor): void => {
    pinConstant(c);
    nodes.push({ kind: 'constant', shape: t.shape, dtype: t.dtype, value: constantValue(c, backend) });
  };
  const emit = (t: KTensor): void => {
    if (index.has(t.id)) return;
    const n = t.node;
    if (n.kind === 'op' && isComposite(n.op) && !keepsComposite(n)) {
      // An engine without its own kernel runs the decomposition.
      const e = expansionOf(t);
      for (const u of topoSort([e])) emit(u);
      index.set(t.id, index.get(e.id) as number);
      return;
    }
    const i = nodes.length;
    index.set(t.id, i);
    switch (n.kind) {
      case 'constant':
        pushConstant(t, t);
        break;
      case 'variable':
        nodes.push({ kind: 'variable', shape: t.shape, dtype: t.dtype, name: t.name });
        variables.push(t);
        break;
      case 'placeholder': {
        const pos = inputPos.get(t.id);
        if (pos === undefined && n.defaultValue !== undefined) {
          // Not fed: its default value (the learning phase, say).
          pushConstant(t, n.defaultValue);
          break;
        }
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
      case 'random':
        // Drawn on the host at each call and fed: the same values on every backend.
        nodes.push({ kind: 'input', shape: t.shape, dtype: t.dtype, name: t.name });
        randoms.push(t);
        break;
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
  };
  for (const t of order) emit(t);
  const prints = order.filter((t) => printMessageOf(t) !== undefined);
  const at = (t: KTensor): number => index.get(t.id) as number;
  const varIndex = new Map<number, number>();
  variables.forEach((v, k) => varIndex.set(v.id, k));
  const graph: Graph<unknown> = {
    nodes,
    inputs: [...inputNodes, ...randoms.map(at)],
    variables: variables.map(at),
    outputs: [...outputs, ...prints].map(at),
    updates: updates.map(([v, value]) => ({ variable: varIndex.get(v.id) as number, value: at(value) })),
  };
  return { graph, variables, inputs: inputs ?? [], randoms, order, prints };
}

/** Current native values of a graph's variables on `backend`. */
export function variableValues(backend: Backend, variables: readonly KTensor[]): unknown[] {
  return variables.map((v) => variableValue(v, backend));
}

/**
 * The run-time shapes of the random tensors of a graph, given the shapes of the
 * placeholders fed: static when known, else inferred through the graph.
 */
function randomShapes(built: BuiltGraph, feedShapes: readonly (readonly number[])[]): number[][] {
  const known = (t: KTensor): boolean => t.shape.every((d) => d !== null);
  if (built.randoms.every(known)) return built.randoms.map((t) => t.shape as number[]);
  const shapes = new Map<number, readonly number[]>();
  built.inputs.forEach((t, i) => shapes.set(t.id, feedShapes[i]));
  inferRunTimeShapes(built.order, shapes);
  return built.randoms.map((t) => [...(shapes.get(t.id) as number[])]);
}

/** Draws this call's values of the graph's random tensors, as native tensors the caller disposes. */
export function drawRandomFeeds(backend: Backend, built: BuiltGraph, feedShapes: readonly (readonly number[])[]): unknown[] {
  if (built.randoms.length === 0) return [];
  const shapes = randomShapes(built, feedShapes);
  return built.randoms.map((t, i) => {
    const host = drawRandom(t, shapes[i]);
    return backend.fromHost(host, shapes[i], t.dtype);
  });
}

/**
 * Splits a run's outputs into the real ones and the printTensor ones, prints the
 * latter (message, a space, then the values, to stdout, as Keras 2.3.1's `tf.print`) and frees them.
 */
export function takePrints(backend: Backend, built: BuiltGraph, outputs: unknown[]): unknown[] {
  const real = outputs.length - built.prints.length;
  built.prints.forEach((t, k) => {
    const v = outputs[real + k];
    const data = backend.toHost(v);
    const shape = backend.shapeOf(v);
    backend.dispose(v);
    process.stdout.write(formatPrinted(printMessageOf(t) ?? '', data, shape, t.dtype));
  });
  return outputs.slice(0, real);
}

/** Computes the values of lazy tensors (no placeholders) on `backend`, kernel by kernel. */
export function runLazy(backend: Backend, outputs: readonly KTensor[], fn: string): unknown[] {
  const built = buildGraph(backend, outputs, [], null, fn);
  const run = interpretGraph(backend, built.graph);
  const feeds = drawRandomFeeds(backend, built, []);
  try {
    return takePrints(backend, built, onEngine(fn, backend, () => run.run(feeds, variableValues(backend, built.variables))).outputs);
  } finally {
    for (const f of feeds) backend.dispose(f);
  }
}
