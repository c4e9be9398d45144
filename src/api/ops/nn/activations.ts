/**
 * Activations of the nn group: relu, softmax, sigmoid, tanh, elu, softplus,
 * softsign, hard_sigmoid, and l2_normalize.
 */
import { KerasValueError } from '../../../errors';
import { add, applyOp, binary, div, mul, reduceOp, scalar, sub, unary, where } from '../../primitives';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';
import { checkArity, checkNumber, floatTensor, normAxes, normAxis } from '../../validate';
import { clipValues, log1pOf } from './numerics';
import type { TensorInput } from '../../tensor-input';

/**
 * Rectified linear unit. With the defaults, `max(x, 0)`. Otherwise, as Keras 2.3.1's
 * TensorFlow backend computes it:
 * `f(x) = clip(x * (x > threshold), 0, maxValue) - alpha * relu(threshold - x)`
 * (the clip only when `maxValue` is given; with `threshold` 0 the first term is `relu(x)`):
 * `maxValue` for `x >= maxValue`, `x` for `threshold < x < maxValue`,
 * `alpha * (x - threshold)` for `x < threshold`.
 *
 * Mirrors `keras.backend.relu(x, alpha=0.0, max_value=None, threshold=0.0)`.
 */
export function relu(x: TensorInput, alpha = 0, maxValue: number | null = null, threshold = 0, ...extra: []): KTensor {
  checkArity('relu', 4, extra);
  const t = floatTensor(x, 'relu');
  const a = checkNumber(alpha, 'relu', 'alpha');
  const th = checkNumber(threshold, 'relu', 'threshold');
  let out = th === 0 ? unary('relu', t) : mul(t, applyOp('cast', [binary('greater', t, scalar(th, t.dtype))], { dtype: t.dtype }));
  if (maxValue !== null && maxValue !== undefined) {
    const m = checkNumber(maxValue, 'relu', 'maxValue');
    if (m < 0) throw new KerasValueError(`relu: argument 'maxValue' must be >= 0, got ${m}`);
    out = binary('minimum', binary('maximum', out, scalar(0, t.dtype)), scalar(m, t.dtype));
  }
  if (a !== 0) {
    const below = th === 0 ? unary('neg', t) : sub(scalar(th, t.dtype), t);
    out = sub(out, binary('mul', scalar(a, t.dtype), unary('relu', below)));
  }
  return out;
}

/**
 * Softmax along `axis` (default the last), computed stably (the maximum is subtracted
 * first); one composite op, which onnx and tfjs run on their own Softmax kernels.
 *
 * Mirrors `keras.backend.softmax(x, axis=-1)`.
 */
export function softmax(x: TensorInput, axis = -1, ...extra: []): KTensor {
  checkArity('softmax', 2, extra);
  const t = floatTensor(x, 'softmax');
  if (t.rank === 0) throw new KerasValueError(`softmax: argument 'x' must have rank >= 1, got a scalar`);
  return applyComposite('softmax', [t], { axis: normAxis(axis, t.rank, 'softmax') });
}

/**
 * Elementwise logistic sigmoid `1 / (1 + exp(-x))`.
 *
 * Mirrors `keras.backend.sigmoid(x)`.
 */
export function sigmoid(x: TensorInput, ...extra: []): KTensor {
  checkArity('sigmoid', 1, extra);
  return unary('sigmoid', floatTensor(x, 'sigmoid'));
}

/**
 * Elementwise hyperbolic tangent.
 *
 * Mirrors `keras.backend.tanh(x)`.
 */
export function tanh(x: TensorInput, ...extra: []): KTensor {
  checkArity('tanh', 1, extra);
  return unary('tanh', floatTensor(x, 'tanh'));
}

/**
 * Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` otherwise.
 * As in Keras's TensorFlow backend, the gradient at exactly 0 is `alpha`
 * (1 for the default alpha).
 *
 * Mirrors `keras.backend.elu(x, alpha=1.0)`.
 */
export function elu(x: TensorInput, alpha = 1.0, ...extra: []): KTensor {
  checkArity('elu', 2, extra);
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
export function softplus(x: TensorInput, ...extra: []): KTensor {
  checkArity('softplus', 1, extra);
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
export function softsign(x: TensorInput, ...extra: []): KTensor {
  checkArity('softsign', 1, extra);
  const t = floatTensor(x, 'softsign');
  return div(t, add(scalar(1, t.dtype), unary('abs', t)));
}

/**
 * Segment-wise linear approximation of the sigmoid: `clip(0.2 * x + 0.5, 0, 1)`
 * (0 below -2.5, 1 above 2.5).
 *
 * Mirrors `keras.backend.hard_sigmoid(x)`.
 */
export function hardSigmoid(x: TensorInput, ...extra: []): KTensor {
  checkArity('hardSigmoid', 1, extra);
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
export function l2Normalize(x: TensorInput, axis: number | readonly number[] | null = null, ...extra: []): KTensor {
  checkArity('l2Normalize', 2, extra);
  const t = floatTensor(x, 'l2Normalize');
  const axes = normAxes(axis, t.rank, 'l2Normalize');
  const squareSum = reduceOp('reduceSum', mul(t, t), axes, true);
  return div(t, unary('sqrt', binary('maximum', squareSum, scalar(1e-12, t.dtype))));
}
