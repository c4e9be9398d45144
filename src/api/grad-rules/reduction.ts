/**
 * Gradient rules of the reductions, arg-reductions and cumulative scans
 * (src/backends/primitives/reduction.ts).
 */
import { ReduceAttrs, ReductionAttrs } from '../../backends/types';
import { applyOp } from '../primitives';
import { binary, broadcastLike, cast, div, expandDimsOp, inversePerm, mul, reduceOp, reshapeTo, transposeOp } from '../primitives';
import { KTensor } from '../tensor';
import { GradRule, GradientRules, notDifferentiable as none } from './rule';

/** `g` of a reduction's output, with the reduced axes back as length-1 dims. */
function keptGrad(g: KTensor, a: ReduceAttrs): KTensor {
  return a.keepDims ? g : expandDimsOp(g, a.axes);
}

function gradThroughReduce(x: KTensor, a: ReduceAttrs, g: KTensor): KTensor {
  return broadcastLike(keptGrad(g, a), x);
}

const maxMinRule: GradRule<ReduceAttrs> = (inputs, a, y, g) => {
  const x = inputs[0];
  const yk = keptGrad(y, a);
  const mask = cast(binary('equal', x, yk), x.dtype);
  // Ties share the gradient equally, as TensorFlow does.
  const count = reduceOp('reduceSum', mask, a.axes, true);
  return [mul(mask, div(keptGrad(g, a), count))];
};

/** Gradient rules of the reduction primitives. */
export const REDUCTION_GRADIENTS: GradientRules<ReductionAttrs> = {
  reduceSum: ([x], a, _y, g) => [gradThroughReduce(x, a, g)],
  reduceMax: maxMinRule,
  reduceMin: maxMinRule,
  reduceProd: ([x], a, _y, g) => {
    // Product of all the other elements, without dividing (exact with zeros): the
    // exclusive cumulative products from both ends, multiplied.
    if (a.axes.length === 1) {
      // One axis: along it directly (any dims may be unknown).
      const axis = a.axes[0];
      const left = applyOp('cumprod', [x], { axis, exclusive: true, reverse: false });
      const right = applyOp('cumprod', [x], { axis, exclusive: true, reverse: true });
      return [mul(mul(left, right), keptGrad(g, a))];
    }
    // Several axes: move them last and flatten them into one.
    const r = x.rank;
    const kept = Array.from({ length: r }, (_, i) => i).filter((i) => !a.axes.includes(i));
    const perm = [...kept, ...a.axes];
    const xt = transposeOp(x, perm);
    const n = a.axes.reduce<number | null>((p, i) => (p === null || x.shape[i] === null ? null : p * (x.shape[i] as number)), 1);
    if (n === null) {
      // Unknown lengths: as a product over the first axis, then over the others.
      const [first, ...rest] = a.axes;
      const y1 = applyOp('reduceProd', [x], { axes: [first], keepDims: true });
      const prodRule = REDUCTION_GRADIENTS.reduceProd;
      const [g1] = prodRule([y1], { axes: rest, keepDims: true }, y1, keptGrad(g, a));
      return prodRule([x], { axes: [first], keepDims: true }, y1, g1 as KTensor);
    }
    const keptShape = kept.map((i) => x.shape[i]);
    const flat = reshapeTo(xt, [...keptShape, n], 'gradients');
    const axis = keptShape.length;
    const left = applyOp('cumprod', [flat], { axis, exclusive: true, reverse: false });
    const right = applyOp('cumprod', [flat], { axis, exclusive: true, reverse: true });
    const gk = a.keepDims ? reshapeTo(g, keptShape, 'gradients') : g;
    const gFlat = reshapeTo(gk, [...keptShape, 1], 'gradients');
    const dflat = mul(mul(left, right), gFlat);
    const dt = reshapeTo(dflat, perm.map((p) => x.shape[p]), 'gradients');
    return [transposeOp(dt, inversePerm(perm))];
  },
  reduceAny: none,
  reduceAll: none,
  argMax: none,
  argMin: none,
  cumsum: (_i, a, _y, g) => [applyOp('cumsum', [g], { axis: a.axis, exclusive: a.exclusive, reverse: !a.reverse })],
  cumprod: ([x], a, y, g) => {
    // As TensorFlow: reverse cumulative sum of y*g, divided by x (undefined where x is 0, as there).
    const s = applyOp('cumsum', [mul(y, g)], { axis: a.axis, exclusive: a.exclusive, reverse: !a.reverse });
    return [div(s, x)];
  },
};
