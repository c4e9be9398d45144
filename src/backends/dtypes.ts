/**
 * Element types, host storage and static shapes: the vocabulary every other
 * shared backend file is written in.
 */

/** Element types. A backend declares which of them it supports. */
export type DType = 'float16' | 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

/** Every dtype name, for validation. */
export const DTYPES: readonly DType[] = ['float16', 'float32', 'float64', 'int32', 'int64', 'bool'];

/**
 * Host storage of a tensor's elements, row-major:
 * float32 -> Float32Array, float64 -> Float64Array, int32 -> Int32Array, bool -> Uint8Array (0/1).
 * float16 and int64 have no host layout yet; no built-in backend declares them.
 */
export type HostArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** A static shape: `null` for a dimension unknown until run time. */
export type Shape = readonly (number | null)[];

/** The typed-array constructor that holds `dtype` on the host. */
export function hostArrayFor(dtype: DType, size: number): HostArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'bool':
      return new Uint8Array(size);
    default:
      throw new Error(`no host layout for dtype ${dtype}`);
  }
}

/** Whether `dtype` is a floating-point type. */
export function isFloatDType(dtype: DType): boolean {
  return dtype === 'float16' || dtype === 'float32' || dtype === 'float64';
}

/** Whether `dtype` is an integer type. */
export function isIntDType(dtype: DType): boolean {
  return dtype === 'int32' || dtype === 'int64';
}

/** Number of elements of a concrete shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
