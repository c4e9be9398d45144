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
 * toward zero, x -> bool is x != 0, bool -> number is 0/1. Always a new tensor.
 */
export function castTo(x: Tensor, dtype: TfDType): Tensor {
  if (x.dtype === dtype) return tf.clone(x);
  if (dtype === 'bool') return toBool(x);
  // float32 -> int32 in wasm is a typed-array copy: ToInt32, which truncates toward zero.
  return tf.cast(x, dtype);
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
