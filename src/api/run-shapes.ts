/**
 * The run-time shape check of `K.function`: the shape rules every op checks when a
 * graph is built are applied again to the shapes the fed values have, before the
 * engine runs. A shape that fits only at build time (a dim unknown then: a reshape to
 * the wrong number of elements, operands that do not broadcast, a matrix product
 * whose inner dims differ) raises the library's own error, with the same class and
 * message on every backend, instead of whatever the engine says.
 */
import type { Graph, OpName, Shape } from '../backends/types';
import { KerasTypeError, KerasValueError } from '../errors';
import { inferPrimitive } from './infer';

/** A fully known shape, or null. */
function concrete(shape: Shape): number[] | null {
  return shape.every((d) => d !== null) ? (shape as number[]) : null;
}

/**
 * Infers every node's shape from `inputShapes` (one per `graph.inputs`, in feed
 * order); an op whose rule refuses those shapes raises its error, prefixed with
 * `function: at run time,`, of the same class. Loops
 * (`scan`, `pick`) are not re-inferred: their outputs keep their static shapes, and
 * ops that read an output whose shape is still unknown are not checked.
 */
export function checkRunTimeShapes(graph: Graph<unknown>, inputShapes: readonly (readonly number[])[]): void {
  const shapes: (readonly number[] | null)[] = graph.nodes.map((n) => (n.kind === 'op' ? null : concrete(n.shape)));
  graph.inputs.forEach((n, i) => {
    shapes[n] = inputShapes[i];
  });
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'op') return;
    const ins = node.inputs.map((j) => shapes[j]);
    if (node.op === 'scan' || node.op === 'pick' || ins.some((s) => s === null)) {
      shapes[i] = concrete(node.shape);
      return;
    }
    const infos = ins.map((s, k) => ({ shape: s as number[], dtype: graph.nodes[node.inputs[k]].dtype }));
    try {
      shapes[i] = concrete(inferPrimitive(node.op as OpName, infos, node.attrs as never).shape);
    } catch (e) {
      if (!(e instanceof KerasValueError || e instanceof KerasTypeError)) throw e;
      const Cls = e.constructor as new (message: string) => Error;
      throw new Cls(`function: at run time, ${e.message}`);
    }
  });
}
