/**
 * What a gradient rule is, and the table type every family of rules fills: a
 * mapped type over the primitives' names, so a primitive without a rule does not compile.
 */
import { KTensor } from '../tensor';

/**
 * A primitive's gradient rule (the transpose of its derivative, as a
 * vector-Jacobian product): given the op's inputs, attributes and output `y`, and
 * the gradient `g` of `y`, one gradient per input, or null where none flows
 * (integer, bool or index inputs). Written with primitives (src/api/primitives.ts), so
 * the same rule differentiates on every backend and gradients of gradients work.
 */
export type GradRule<A> = (inputs: readonly KTensor[], attrs: A, y: KTensor, g: KTensor) => (KTensor | null)[];

/** One gradient rule per primitive of the attributes map `A`. */
export type GradientRules<A> = { readonly [P in keyof A]: GradRule<A[P]> };

/** The rule of a primitive no gradient flows through (comparisons, logical ops, arg-reductions, shapes). */
export const notDifferentiable: GradRule<unknown> = (inputs) => inputs.map(() => null);
