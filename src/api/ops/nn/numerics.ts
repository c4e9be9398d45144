/**
 * Numerically careful building blocks of the nn functions (log1p, clipping,
 * log-softmax, sigmoid cross-entropy). Not part of the public namespace.
 */
import { add, binary, div, mul, scalar, sub, unary, where } from '../../primitives';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';

/**
 * `log(1 + v)` accurate for small `v >= 0` (Goldberg's trick: `v * log(u) / (u - 1)`
 * with `u = 1 + v` rounded, exact because `u - 1` is). Where `1 + v` rounds to 1 the
 * result is `v` itself. No division by zero is ever evaluated, so gradients stay finite.
 */
export function log1pOf(v: KTensor): KTensor {
  const one = scalar(1, v.dtype);
  const u = add(one, v);
  const d = sub(u, one);
  const tiny = binary('equal', d, scalar(0, v.dtype));
  const dSafe = where(tiny, one, d);
  return where(tiny, v, div(mul(v, unary('log', u)), dSafe));
}

/** `clip_by_value` as TensorFlow 1.x builds it: `maximum(minimum(x, hi), lo)`. */
export function clipValues(x: KTensor, lo: number, hi: number): KTensor {
  return binary('maximum', binary('minimum', x, scalar(hi, x.dtype)), scalar(lo, x.dtype));
}

/**
 * `log(softmax(z))` along `axis`, stably: the maximum is subtracted first (held
 * constant for the gradient, which does not depend on it). One composite op.
 */
export function logSoftmax(z: KTensor, axis: number): KTensor {
  return applyComposite('logSoftmax', [z], { axis });
}

/**
 * TensorFlow's `sigmoid_cross_entropy_with_logits(labels=t, logits=z)`, in its order
 * of operations: `(relu(z) - z * t) + log1p(exp(-|z|))`, both pieces chosen by the
 * same `z >= 0` test (so the gradient at 0 is exact and nothing overflows).
 */
export function sigmoidCrossEntropy(z: KTensor, t: KTensor): KTensor {
  const zero = scalar(0, z.dtype);
  const nonNeg = binary('greaterEqual', z, zero);
  const reluZ = where(nonNeg, z, zero);
  const negAbs = where(nonNeg, unary('neg', z), z);
  return add(sub(reluZ, mul(z, t)), log1pOf(unary('exp', negAbs)));
}
