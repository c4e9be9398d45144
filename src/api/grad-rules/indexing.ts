/**
 * Gradient rules of gather and scatterAdd (src/backends/primitives/indexing.ts).
 */
import { IndexingAttrs } from '../../backends/types';
import { applyOp } from '../primitives';
import { GradientRules } from './rule';

/** Gradient rules of the indexing primitives. */
export const INDEXING_GRADIENTS: GradientRules<IndexingAttrs> = {
  gather: ([x, idx], a, _y, g) => {
    const size = x.shape[a.axis];
    // An unknown length is read from x at run time.
    if (size === null) return [applyOp('scatterAdd', [g, idx, x], { axis: a.axis, size: -1 }), null];
    return [applyOp('scatterAdd', [g, idx], { axis: a.axis, size }), null];
  },
  scatterAdd: (inputs, a, _y, g) => [applyOp('gather', [g, inputs[1]], { axis: a.axis }), ...inputs.slice(1).map(() => null)],
};
