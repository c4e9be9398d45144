/**
 * Reductions: sum, mean, max.
 */
import { isIntDType } from '../../backends/types';
import { floatx } from '../../config';
import { cast, div, onesLikeOp, reduceOp, scalar } from '../prims';
import { KTensor } from '../tensor';
import { normAxes, requireTensorLike } from '../validate';
import { checkBool } from '../validate';
import { notImplemented, NotImplemented } from '../not-implemented';

function keep(keepdims: unknown, fn: string): boolean {
  return keepdims === undefined || keepdims === null ? false : checkBool(keepdims, fn, 'keepdims');
}

/**
 * Sum of the values along `axis` (an int, a list of ints, or null for all axes).
 * bool tensors are summed as int32.
 *
 * Mirrors `keras.backend.sum(x, axis=None, keepdims=False)`.
 */
export function sum(x: unknown, axis?: number | readonly number[] | null, keepdims?: boolean): KTensor {
  let t = requireTensorLike(x, 'sum');
  const axes = normAxes(axis, t.rank, 'sum');
  const kd = keep(keepdims, 'sum');
  if (t.dtype === 'bool') t = cast(t, 'int32');
  return reduceOp('reduceSum', t, axes, kd);
}

/**
 * Mean of the values along `axis`. Integer and bool tensors give floatx.
 *
 * Mirrors `keras.backend.mean(x, axis=None, keepdims=False)`.
 */
export function mean(x: unknown, axis?: number | readonly number[] | null, keepdims?: boolean): KTensor {
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
export function max(x: unknown, axis?: number | readonly number[] | null, keepdims?: boolean): KTensor {
  const t = requireTensorLike(x, 'max');
  const axes = normAxes(axis, t.rank, 'max');
  const kd = keep(keepdims, 'max');
  if (t.dtype === 'bool') return reduceOp('reduceAny', t, axes, kd);
  return reduceOp('reduceMax', t, axes, kd);
}

/* Not implemented yet: each throws NotImplementedYetError (see ../not-implemented.ts). */
/** Not implemented yet: mirrors `keras.backend.min`. Throws NotImplementedYetError. */
export const min: NotImplemented = notImplemented('min', 'min');
/** Not implemented yet: mirrors `keras.backend.prod`. Throws NotImplementedYetError. */
export const prod: NotImplemented = notImplemented('prod', 'prod');
/** Not implemented yet: mirrors `keras.backend.cumsum`. Throws NotImplementedYetError. */
export const cumsum: NotImplemented = notImplemented('cumsum', 'cumsum');
/** Not implemented yet: mirrors `keras.backend.cumprod`. Throws NotImplementedYetError. */
export const cumprod: NotImplemented = notImplemented('cumprod', 'cumprod');
/** Not implemented yet: mirrors `keras.backend.std`. Throws NotImplementedYetError. */
export const std: NotImplemented = notImplemented('std', 'std');
/** Not implemented yet: mirrors `keras.backend.var`. Throws NotImplementedYetError. */
const varStub: NotImplemented = notImplemented('var', 'var');
export { varStub as var };
/** Not implemented yet: mirrors `keras.backend.any`. Throws NotImplementedYetError. */
export const any: NotImplemented = notImplemented('any', 'any');
/** Not implemented yet: mirrors `keras.backend.all`. Throws NotImplementedYetError. */
export const all: NotImplemented = notImplemented('all', 'all');
/** Not implemented yet: mirrors `keras.backend.argmax`. Throws NotImplementedYetError. */
export const argmax: NotImplemented = notImplemented('argmax', 'argmax');
/** Not implemented yet: mirrors `keras.backend.argmin`. Throws NotImplementedYetError. */
export const argmin: NotImplemented = notImplemented('argmin', 'argmin');
/** Not implemented yet: mirrors `keras.backend.logsumexp`. Throws NotImplementedYetError. */
export const logsumexp: NotImplemented = notImplemented('logsumexp', 'logsumexp');
