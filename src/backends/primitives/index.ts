/**
 * The primitive definition table: one home per primitive. Each family file
 * declares its primitives' attributes and their definitions (arity, shape and
 * dtype rule); this file joins them. Everything else about a primitive is a table
 * typed as a mapped type over the same names, so a primitive declared here and
 * missing anywhere does not compile:
 * - gradient rules: src/api/grad-rules (`GradientRules`);
 * - each backend's kernels: `KernelTable` (src/backends/types.ts);
 * - the ONNX lowerings: src/backends/onnx/lower.ts.
 */
import { ElementwiseAttrs, ELEMENTWISE_PRIMITIVES } from './elementwise';
import { IndexingAttrs, INDEXING_PRIMITIVES } from './indexing';
import { LayoutAttrs, LAYOUT_PRIMITIVES } from './layout';
import { LinalgAttrs, LINALG_PRIMITIVES } from './linalg';
import { ReductionAttrs, REDUCTION_PRIMITIVES } from './reduction';
import { PrimitiveDef, PrimitiveDefs, StaticInfo, checkArity } from './definition';
import { HigherOrderAttrs, HIGHER_ORDER_PRIMITIVES } from './higher-order';
import { CompositeAttrs, COMPOSITE_DEFS } from './composite';

export * from './definition';
export * from './elementwise';
export * from './reduction';
export * from './linalg';
export * from './layout';
export * from './indexing';
export * from './higher-order';
export * from './composite';

/** Attributes of each primitive, one key per primitive: every table over the primitives is typed from it. */
export type PrimitiveAttrs = ElementwiseAttrs & ReductionAttrs & LinalgAttrs & LayoutAttrs & IndexingAttrs;

/** The name of a primitive. */
export type PrimitiveName = keyof PrimitiveAttrs;

/** The definition of every primitive. */
export const PRIMITIVE_DEFS: PrimitiveDefs<PrimitiveAttrs> = {
  ...ELEMENTWISE_PRIMITIVES,
  ...REDUCTION_PRIMITIVES,
  ...LINALG_PRIMITIVES,
  ...LAYOUT_PRIMITIVES,
  ...INDEXING_PRIMITIVES,
};

/** Every primitive name, at run time (the keys of the definition table). */
export const PRIMITIVES: readonly PrimitiveName[] = Object.keys(PRIMITIVE_DEFS) as PrimitiveName[];

/**
 * Attributes of every op a graph node may apply: the primitives (a kernel each, in
 * every backend), the higher-order ones (scan, pick: run by the graph runner) and
 * the composites (a kernel where the backend declares one; otherwise src/api
 * expands them into their decomposition before the graph reaches the backend).
 */
export type OpAttrs = PrimitiveAttrs & HigherOrderAttrs & CompositeAttrs;

/** The name of an op a graph node may apply. */
export type OpName = keyof OpAttrs;

/** The definition of every op: the primitives' and the higher-order ones'. */
export const OP_DEFS: PrimitiveDefs<OpAttrs> = { ...PRIMITIVE_DEFS, ...HIGHER_ORDER_PRIMITIVES, ...COMPOSITE_DEFS };

/**
 * Output shape and dtype of op `op` on `inputs` with `attrs`, after checking
 * its arity and the contract its definition asserts.
 */
export function inferPrimitive<P extends OpName>(op: P, inputs: readonly StaticInfo[], attrs: OpAttrs[P]): StaticInfo {
  const def: PrimitiveDef<OpAttrs[P]> = OP_DEFS[op];
  checkArity(op, def.arity, inputs.length);
  return def.infer(inputs, attrs);
}
