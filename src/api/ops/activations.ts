/**
 * Activations and normalisations of the nn group: elu, softplus, softsign,
 * hard_sigmoid, l2_normalize. Re-exported by ./nn.ts.
 */
import { add, binary, div, mul, reduceOp, scalar, sub, unary, where } from '../prims';
import { KTensor } from '../tensor';
import { checkNumber, floatTensor, normAxes } from '../validate';
import { clipValues, log1pOf } from './nn-helpers';

/**
 * Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` otherwise.
 * As in Keras's TensorFlow backend, the gradient at exactly 0 is `alpha`
 * (1 for the default alpha).
 *
 * Mirrors `keras.backend.elu(x, alpha=1.0)`.
 */
export function elu(x: unknown, alpha = 1.0): KTensor {
  const t = floatTensor(x, 'elu');
  const a = checkNumber(alpha, 'elu', 'alpha');
  const zero = scalar(0, t.dtype);
  // exp of min(x, 0): the branch not taken never overflows (no inf * 0 in the gradient).
  const negPart = sub(unary('exp', binary('minimum', t, zero)), scalar(1, t.dtype));
  return where(binary('greater', t, zero), t, a === 1 ? negPart : mul(scalar(a, t.dtype), negPart));
}

/**
 * Softplus `log(1 + exp(x))`, computed without overflow or NaN for any `x`:
 * `x + log1p(exp(-x))` for `x > 0`, `log1p(exp(x))` otherwise (log1p kept accurate
 * for tiny arguments, so `softplus(-30)` is `exp(-30)`, not 0). The gradient is
 * `sigmoid(x)` everywhere, 0.5 at 0.
 *
 * Mirrors `keras.backend.softplus(x)`.
 */
export function softplus(x: unknown): KTensor {
  const t = floatTensor(x, 'softplus');
  const zero = scalar(0, t.dtype);
  const pos = binary('greater', t, zero);
  const upper = add(t, log1pOf(unary('exp', unary('neg', binary('maximum', t, zero)))));
  const lower = log1pOf(unary('exp', binary('minimum', t, zero)));
  return where(pos, upper, lower);
}

/**
 * Softsign `x / (1 + |x|)`.
 *
 * Mirrors `keras.backend.softsign(x)`.
 */
export function softsign(x: unknown): KTensor {
  const t = floatTensor(x, 'softsign');
  return div(t, add(scalar(1, t.dtype), unary('abs', t)));
}

/**
 * Segment-wise linear approximation of the sigmoid: `clip(0.2 * x + 0.5, 0, 1)`
 * (0 below -2.5, 1 above 2.5).
 *
 * Mirrors `keras.backend.hard_sigmoid(x)`.
 */
export function hardSigmoid(x: unknown): KTensor {
  const t = floatTensor(x, 'hardSigmoid');
  return clipValues(add(mul(scalar(0.2, t.dtype), t), scalar(0.5, t.dtype)), 0, 1);
}

/**
 * Normalises `x` by its L2 norm along `axis` (an int, a list of ints, or null for
 * all axes): `x / sqrt(max(sum(x^2, axis, keepdims), 1e-12))`, as TensorFlow's
 * `l2_normalize`.
 *
 * Mirrors `keras.backend.l2_normalize(x, axis=None)`.
 */
export function l2Normalize(x: unknown, axis: number | readonly number[] | null = null): KTensor {
  const t = floatTensor(x, 'l2Normalize');
  const axes = normAxes(axis, t.rank, 'l2Normalize');
  const squareSum = reduceOp('reduceSum', mul(t, t), axes, true);
  return div(t, unary('sqrt', binary('maximum', squareSum, scalar(1e-12, t.dtype))));
}
