/**
 * Dtypes on tfjs: the three this adapter computes in, and the conversions with
 * the documented semantics (tfjs's own `cast` to bool is wrong on wasm: it keeps
 * the low byte, so 256 -> false and -2 -> 254, and 0.5 -> false).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { DType } from '../types';
import { tf } from './engine';

/** The dtypes tfjs computes in here (no float64, float16 or int64 in tfjs). */
export type TfDType = 'float32' | 'int32' | 'bool';

/** The dtypes the tfjs backend declares. */
export const TFJS_DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'int32', 'bool']);

/** `dtype` as a tfjs dtype; throws for a dtype tfjs lacks (src/api refuses those first). */
export function tfDType(dtype: DType): TfDType {
  if (dtype === 'float32' || dtype === 'int32' || dtype === 'bool') return dtype;
  throw new Error(`tfjs backend: dtype ${dtype} is not supported (only float32, int32, bool)`);
}

/** `x != 0` as a bool tensor (NaN counts as true), a new tensor. */
export function toBool(x: Tensor): Tensor {
  if (x.dtype === 'bool') return tf.clone(x);
  return tf.tidy(() => tf.notEqual(x, tf.scalar(0, x.dtype)));
}

/**
 * Elementwise conversion with the documented semantics: float -> int32 truncates
 * toward zero, saturating (NaN gives 0, values beyond the int32 range its nearest
 * end), x -> bool is x != 0, bool -> number is 0/1. Always a new tensor.
 */
export function castTo(x: Tensor, dtype: TfDType): Tensor {
  if (x.dtype === dtype) return tf.clone(x);
  if (dtype === 'bool') return toBool(x);
  if (dtype === 'int32' && x.dtype === 'float32') return saturatingToInt32(x);
  return tf.cast(x, dtype);
}

/** float32 -> int32, saturating, NaN to 0 (wasm's own cast is ToInt32: it wraps, and NaN gives 0). */
function saturatingToInt32(x: Tensor): Tensor {
  return tf.tidy(() => {
    const high = tf.greaterEqual(x, tf.scalar(2147483648, 'float32'));
    const low = tf.less(x, tf.scalar(-2147483648, 'float32'));
    const inRange = tf.logicalNot(tf.logicalOr(tf.logicalOr(high, low), tf.isNaN(x)));
    // in-range values (and zeros in place of the others) truncate exactly
    const t = tf.cast(tf.where(inRange, x, tf.zerosLike(x)), 'int32');
    const hi = tf.where(high, tf.fill(x.shape, 2147483647, 'int32'), t);
    return tf.where(low, tf.fill(x.shape, -2147483648, 'int32'), hi);
  });
}

/**
 * Gives back `y` if it already has `dtype`, else `y` converted (and `y` disposed).
 * Used where tfjs picks another output dtype than the primitive documents.
 */
export function conform(y: Tensor, dtype: DType): Tensor {
  if (y.dtype === dtype) return y;
  const z = castTo(y, tfDType(dtype));
  y.dispose();
  return z;
}
