/**
 * One gradient rule per primitive, beside its family's definitions: this file
 * joins the families into `GRADIENT_RULES`, typed as a mapped type over every
 * primitive name (a primitive without a rule does not compile).
 */
import { isComposite, PrimitiveAttrs } from '../../backends/types';
import { compositeGradients } from '../composites';
import { KTensor } from '../tensor';
import { ELEMENTWISE_GRADIENTS } from './elementwise';
import { INDEXING_GRADIENTS } from './indexing';
import { LAYOUT_GRADIENTS } from './layout';
import { LINALG_GRADIENTS } from './linalg';
import { REDUCTION_GRADIENTS } from './reduction';
import { GradRule, GradientRules } from './rule';

export { accumulate } from './accumulate';
export type { GradRule, GradientRules } from './rule';
export { notDifferentiable } from './rule';

/** The gradient rule of every primitive. */
export const GRADIENT_RULES: GradientRules<PrimitiveAttrs> = {
  ...ELEMENTWISE_GRADIENTS,
  ...REDUCTION_GRADIENTS,
  ...LINALG_GRADIENTS,
  ...LAYOUT_GRADIENTS,
  ...INDEXING_GRADIENTS,
};

/** The gradients of op tensor `y`'s inputs, given the gradient `g` of `y`. */
export function inputGradients(y: KTensor, g: KTensor): (KTensor | null)[] {
  const node = y.node;
  if (node.kind !== 'op') return [];
  if (isComposite(node.op)) return compositeGradients(y, g);
  if (node.op === 'scan' || node.op === 'pick') throw new Error(`internal error: '${node.op}' is differentiated by src/api/scan.ts`);
  const rule = GRADIENT_RULES[node.op] as GradRule<unknown>;
  return rule(node.inputs, node.attrs, y, g);
}
