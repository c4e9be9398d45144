/**
 * Reductions: sum, mean, max, min, prod, var, std, any, all, logsumexp; the
 * cumulative sums and products; argmax and argmin.
 */
import { isFloatDType, isIntDType } from '../../backends/types';
import { floatx } from '../../config';
import { KerasTypeError, KerasValueError } from '../../errors';
import { applyOp } from '../primitives';
import { fmt } from '../infer';
import { binary, cast, div, onesLikeOp, reduceOp, scalar, sub, unary } from '../primitives';
import { applyComposite } from '../composites';
import { KTensor } from '../tensor';
import { floatTensor, normAxes, normAxis, requireTensorLike } from '../validate';
import { checkBool } from '../validate';
import type { TensorInput } from '../tensor-input';
import { checkArity } from '../../arity';

function keep(keepdims: unknown, fn: string): boolean {
  return keepdims === undefined || keepdims === null ? false : checkBool(keepdims, fn, 'keepdims');
}

/** The checked arguments of a reduction: the tensor, its sorted axes, keepdims. */
function reduction(fn: string, x: unknown, axis: unknown, keepdims: unknown): { t: KTensor; axes: number[]; kd: boolean } {
  const t = requireTensorLike(x, fn);
  return { t, axes: normAxes(axis, t.rank, fn), kd: keep(keepdims, fn) };
}

/**
 * Sum of the values along `axis` (an int, a list of ints, or null for all axes).
 * bool tensors are summed as int32.
 *
 * Mirrors `keras.backend.sum(x, axis=None, keepdims=False)`.
 */
export function sum(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('sum', 3, extra);
  const { t, axes, kd } = reduction('sum', x, axis, keepdims);
  return reduceOp('reduceSum', t.dtype === 'bool' ? cast(t, 'int32') : t, axes, kd);
}

/**
 * Mean of the values along `axis`. Integer and bool tensors give floatx.
 *
 * Mirrors `keras.backend.mean(x, axis=None, keepdims=False)`.
 */
export function mean(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('mean', 3, extra);
  let t = requireTensorLike(x, 'mean');
  const axes = normAxes(axis, t.rank, 'mean');
  const kd = keep(keepdims, 'mean');
  if (t.dtype === 'bool' || isIntDType(t.dtype)) t = cast(t, floatx());
  const count = axes.reduce<number | null>((p, i) => (p === null || t.shape[i] === null ? null : p * (t.shape[i] as number)), 1);
  const s = reduceOp('reduceSum', t, axes, kd);
  if (count === null) {
    // Dimensions known only at run time: count the elements with a sum of ones.
    return div(s, reduceOp('reduceSum', onesLikeOp(t), axes, kd));
  }
  return count === 1 ? s : div(s, scalar(count, t.dtype));
}

/**
 * Maximum of the values along `axis`.
 *
 * Mirrors `keras.backend.max(x, axis=None, keepdims=False)`.
 */
export function max(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('max', 3, extra);
  const { t, axes, kd } = reduction('max', x, axis, keepdims);
  if (t.dtype === 'bool') return reduceOp('reduceAny', t, axes, kd);
  return reduceOp('reduceMax', t, axes, kd);
}

/**
 * Minimum of the values along `axis` (an int, a list of ints, or null for all axes).
 * bool tensors give bool (the logical and).
 *
 * Mirrors `keras.backend.min(x, axis=None, keepdims=False)`.
 */
export function min(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('min', 3, extra);
  const { t, axes, kd } = reduction('min', x, axis, keepdims);
  if (t.dtype === 'bool') return reduceOp('reduceAll', t, axes, kd);
  return reduceOp('reduceMin', t, axes, kd);
}

/**
 * Product of the values along `axis`. bool tensors are multiplied as int32 (as `sum`).
 *
 * Mirrors `keras.backend.prod(x, axis=None, keepdims=False)`.
 */
export function prod(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('prod', 3, extra);
  const { t, axes, kd } = reduction('prod', x, axis, keepdims);
  return reduceOp('reduceProd', t.dtype === 'bool' ? cast(t, 'int32') : t, axes, kd);
}

function cumulative(op: 'cumsum' | 'cumprod', x: unknown, axis: unknown): KTensor {
  let t = requireTensorLike(x, op);
  if (t.rank === 0) throw new KerasValueError(`${op}: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis === undefined ? 0 : axis, t.rank, op);
  if (t.dtype === 'bool') t = cast(t, 'int32');
  return applyOp(op, [t], { axis: ax, exclusive: false, reverse: false });
}

/**
 * Cumulative sum of the values along `axis` (default 0; negative counts from the
 * end): `out[..., i, ...] = x[..., 0, ...] + ... + x[..., i, ...]`. Same shape and
 * dtype as `x` (bool counts as int32).
 *
 * Mirrors `keras.backend.cumsum(x, axis=0)`.
 */
export function cumsum(x: TensorInput, axis = 0, ...extra: []): KTensor {
  checkArity('cumsum', 2, extra);
  return cumulative('cumsum', x, axis);
}

/**
 * Cumulative product of the values along `axis` (default 0; negative counts from the
 * end). Same shape and dtype as `x` (bool counts as int32). As TensorFlow, its
 * gradient divides by `x`, so it is not finite where `x` is 0.
 *
 * Mirrors `keras.backend.cumprod(x, axis=0)`.
 */
export function cumprod(x: TensorInput, axis = 0, ...extra: []): KTensor {
  checkArity('cumprod', 2, extra);
  return cumulative('cumprod', x, axis);
}

/** `mean((x - mean(x))^2)` over `axes` of a float tensor. */
function variance(t: KTensor, axes: number[], kd: boolean): KTensor {
  const m = mean(t, axes, true);
  const d = sub(t, m);
  return mean(binary('mul', d, d), axes, kd);
}

/** A float version of a reduction's input: bool and int32 become floatx. */
function asFloat(x: unknown, fn: string): KTensor {
  const t = requireTensorLike(x, fn);
  return isFloatDType(t.dtype) ? t : cast(t, floatx());
}

/**
 * Variance (the mean of squared deviations from the mean, no Bessel correction)
 * along `axis`. bool and int32 tensors give floatx (Keras 2.2 casts bool to floatx;
 * TensorFlow would keep int32 with integer means).
 *
 * Mirrors `keras.backend.var(x, axis=None, keepdims=False)`.
 */
function variance_(x: unknown, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('var', 3, extra);
  const t = asFloat(x, 'var');
  const axes = normAxes(axis, t.rank, 'var');
  return variance(t, axes, keep(keepdims, 'var'));
}
export { variance_ as var };

/**
 * Standard deviation (the square root of `var`) along `axis`. bool and int32
 * tensors give floatx. Where the variance is 0 its gradient is not finite, as
 * TensorFlow's.
 *
 * Mirrors `keras.backend.std(x, axis=None, keepdims=False)`.
 */
export function std(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('std', 3, extra);
  const t = asFloat(x, 'std');
  const axes = normAxes(axis, t.rank, 'std');
  return unary('sqrt', variance(t, axes, keep(keepdims, 'std')));
}

function logical(op: 'reduceAny' | 'reduceAll', fn: string, x: unknown, axis: unknown, keepdims: unknown): KTensor {
  const t = requireTensorLike(x, fn);
  const axes = normAxes(axis, t.rank, fn);
  const kd = keep(keepdims, fn);
  const b = cast(t, 'bool');
  if (axes.length === 0) return b === t ? applyOp('identity', [t], {}) : b;
  return reduceOp(op, b, axes, kd);
}

/**
 * Logical or along `axis`: the values are cast to bool first (non-zero is true,
 * NaN included); a bool tensor.
 *
 * Mirrors `keras.backend.any(x, axis=None, keepdims=False)`.
 */
export function any(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('any', 3, extra);
  return logical('reduceAny', 'any', x, axis, keepdims);
}

/**
 * Logical and along `axis`: the values are cast to bool first (non-zero is true);
 * a bool tensor.
 *
 * Mirrors `keras.backend.all(x, axis=None, keepdims=False)`.
 */
export function all(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('all', 3, extra);
  return logical('reduceAll', 'all', x, axis, keepdims);
}

function argExtreme(op: 'argMax' | 'argMin', fn: string, x: unknown, axis: unknown): KTensor {
  const t = requireTensorLike(x, fn);
  if (t.dtype === 'bool') throw new KerasTypeError(`${fn}: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)`);
  if (t.rank === 0) throw new KerasValueError(`${fn}: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis === undefined ? -1 : axis, t.rank, fn);
  // refused when the result would have elements (an empty result stays empty, on every backend)
  if (t.shape[ax] === 0 && t.shape.every((d, i) => i === ax || (d !== null && d > 0))) {
    throw new KerasValueError(`${fn}: axis ${ax} of argument 'x' (shape [${fmt(t.shape)}]) is empty: it has no ${op === 'argMax' ? 'largest' : 'smallest'} element`);
  }
  return applyOp(op, [t], { axis: ax });
}

/**
 * Index of the largest value along `axis` (default -1), the first one on ties; the
 * axis is removed. int32 (TensorFlow gives int64, which this library does not have).
 *
 * Mirrors `keras.backend.argmax(x, axis=-1)`.
 */
export function argmax(x: TensorInput, axis = -1, ...extra: []): KTensor {
  checkArity('argmax', 2, extra);
  return argExtreme('argMax', 'argmax', x, axis);
}

/**
 * Index of the smallest value along `axis` (default -1), the first one on ties; the
 * axis is removed. int32 (TensorFlow gives int64, which this library does not have).
 *
 * Mirrors `keras.backend.argmin(x, axis=-1)`.
 */
export function argmin(x: TensorInput, axis = -1, ...extra: []): KTensor {
  checkArity('argmin', 2, extra);
  return argExtreme('argMin', 'argmin', x, axis);
}

/**
 * `log(sum(exp(x)))` along `axis`, computed stably as TensorFlow's
 * `reduce_logsumexp`: the maximum `m` (0 where it is not finite) is subtracted
 * before `exp` and added back, `m + log(sum(exp(x - m)))`, so large inputs do not
 * overflow and an all -inf slice gives -inf. Float tensors. One composite op, which
 * each engine may run on a kernel of its own.
 *
 * Mirrors `keras.backend.logsumexp(x, axis=None, keepdims=False)`.
 */
export function logsumexp(x: TensorInput, axis?: number | readonly number[] | null, keepdims?: boolean, ...extra: []): KTensor {
  checkArity('logsumexp', 3, extra);
  const t = floatTensor(x, 'logsumexp');
  const axes = normAxes(axis, t.rank, 'logsumexp');
  const kd = keep(keepdims, 'logsumexp');
  if (axes.length === 0) return applyOp('identity', [t], {});
  return applyComposite('logSumExp', [t], { axes, keepDims: kd });
}
