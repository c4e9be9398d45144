/**
 * Room for higher-order primitives (issue 9): a primitive whose attributes hold a
 * graph, such as a scan whose body runs once per step. Types only; no primitive
 * uses them yet (see docs/architecture.md, "Higher-order primitives").
 */
import type { DType, Shape } from '../dtypes';
import type { OpNode } from '../types';

/**
 * A graph held in a primitive's attributes. It has no constants and no variables
 * of its own: whatever the body closes over becomes an explicit input of the
 * primitive that holds it (as JAX's scan passes its consts), so a body is plain
 * data that every backend and every pass can read, compare and serialise.
 * Nodes are in topological order; an op node's inputs are earlier node indices.
 */
export interface BodyGraph {
  readonly nodes: readonly BodyNode[];
  /** Node indices of the `input` nodes, in the order the holder binds them. */
  readonly inputs: readonly number[];
  /** Node indices of the body's results, in order. */
  readonly outputs: readonly number[];
}

/** A node of a body graph: an input bound by the holding primitive, or a primitive applied to earlier nodes. */
export type BodyNode = { readonly kind: 'input'; readonly shape: Shape; readonly dtype: DType } | OpNode;
