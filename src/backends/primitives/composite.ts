/**
 * Room for composite ops (issue 8): an op with a decomposition into primitives
 * (written once, in src/api) that an engine may replace by its own kernel.
 * Types only; no composite is declared yet (see docs/architecture.md, "Composite ops").
 */
import type { OutputInfo } from '../types';
import type { PrimitiveDefs } from './definition';

/**
 * Attributes of each composite op, one key per composite, declared like
 * `PrimitiveAttrs`. Empty until the first composite is declared.
 */
export interface CompositeAttrs {}

/** The name of a composite op. */
export type CompositeName = keyof CompositeAttrs;

/**
 * Shape and dtype rules of the composites: the output an engine's own kernel must
 * produce, the same the decomposition produces.
 */
export type CompositeDefs = PrimitiveDefs<CompositeAttrs>;

/**
 * The composites a backend runs with its own kernel: every entry is optional, and
 * a missing one means "use the decomposition". Same calling convention as primitive kernels.
 */
export type CompositeKernelTable<T> = {
  readonly [C in CompositeName]?: (inputs: readonly T[], attrs: CompositeAttrs[C], out: OutputInfo) => T;
};
