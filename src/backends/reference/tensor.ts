/**
 * The reference backend's native tensor: a row-major host array, its shape and dtype.
 */
import { DType, DTYPE_INFO, HostArray, roundToFloat16 } from '../types';
import { allocate } from './recycle';

/**
 * A tensor of the reference backend holding numbers (every dtype but int64, whose
 * tensors hold bigints: `RefInt64Tensor` in int64.ts; the backend's native tensor,
 * `RefValue`, is either).
 * `data.length` equals the product of `shape`; `data` uses the layout of `dtype`
 * (see `HostArray`).
 *
 * Tensors are immutable once made: no kernel writes into an input, so two
 * tensors may share one `data` buffer (reshape and identity do). `fromHost`
 * copies what it is given and `toHost` hands out a copy, so no caller ever
 * holds a buffer a tensor uses.
 */
export interface RefTensor {
  readonly data: HostArray;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/**
 * A zeroed array of `n` elements in the layout the reference backend computes
 * `dtype` in: the host layout, except float16, held as a Float32Array of values
 * that are exactly representable in half precision (each kernel's float16 output
 * is rounded to half: computed in float32, rounded at each op's output, as NumPy does).
 * A large array may be one a disposed tensor used (recycle.ts).
 */
export function storageFor(dtype: DType, n: number): HostArray {
  if (dtype === 'float16') return allocate(Float32Array, n);
  const ctor = DTYPE_INFO[dtype].host;
  if (ctor === null) throw new Error(`reference backend: no number storage for dtype ${dtype} (int64 data is a BigInt64Array)`);
  return allocate(ctor, n);
}

/**
 * Rounds a value as an op's output of `dtype` is stored: float64 as it is, float32 to
 * float32, float16 to float32 then to half (as a kernel's output and `roundFloat16Output`
 * do). Direct loops that match a decomposition bit for bit round each step with it.
 */
export function storageRounder(dtype: DType): (v: number) => number {
  if (dtype === 'float64') return (v) => v;
  if (dtype === 'float16') return (v) => roundToFloat16(Math.fround(v));
  return Math.fround;
}

/** Rounds a float16 tensor's float32 storage to half precision in place; returns the tensor. */
export function roundFloat16Output(t: RefTensor): RefTensor {
  if (t.dtype !== 'float16') return t;
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = roundToFloat16(d[i]);
  return t;
}
