/**
 * Element types, host storage and static shapes: the vocabulary every other
 * shared backend file is written in. `DTYPE_INFO` is the one table describing
 * each dtype (kind, host layout, byte size, range, ONNX element type); the
 * helpers below and the adapters derive from it.
 */

/** Element types. A backend declares which of them it supports. */
export type DType = 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'bool';

/** What kind of values a dtype holds. */
export type DTypeKind = 'float' | 'int' | 'uint' | 'bool';

/**
 * Host storage of a tensor's elements, row-major, by dtype (see `DTYPE_INFO`):
 * float16 -> Uint16Array of IEEE 754 half-precision bit patterns (`float16Bits` /
 * `float16Value` convert), float32 -> Float32Array, float64 -> Float64Array,
 * int8 -> Int8Array, int16 -> Int16Array, int32 -> Int32Array, uint8 -> Uint8Array,
 * uint16 -> Uint16Array, bool -> Uint8Array (0/1). int64's layout is a BigInt64Array,
 * which is not a HostArray (its elements are bigints, not numbers): see `HostData`.
 */
export type HostArray = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array;

/**
 * Host storage of any dtype: a `HostArray`, or for int64 a BigInt64Array. What
 * `Backend.fromHost` takes and `Backend.toHost` gives.
 */
export type HostData = HostArray | BigInt64Array;

/** A constructor of host typed arrays. */
type HostArrayConstructor = new (length: number) => HostArray;

/** Everything the library knows about one dtype. */
export interface DTypeInfo {
  readonly name: DType;
  readonly kind: DTypeKind;
  /** Bytes per element of the host layout. */
  readonly bytes: number;
  /** The typed array holding the host layout; null for int64, whose layout is a BigInt64Array (not a HostArray). */
  readonly host: HostArrayConstructor | null;
  /** The smallest and largest value (integers and bool; floats: -Infinity and Infinity). */
  readonly min: number;
  readonly max: number;
  /** The ONNX TensorProto element type name (also onnxruntime's tensor type string). */
  readonly onnx: 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'bool';
}

/** The dtype table. */
export const DTYPE_INFO: { readonly [D in DType]: DTypeInfo & { readonly name: D } } = {
  float16: { name: 'float16', kind: 'float', bytes: 2, host: Uint16Array, min: -Infinity, max: Infinity, onnx: 'float16' },
  float32: { name: 'float32', kind: 'float', bytes: 4, host: Float32Array, min: -Infinity, max: Infinity, onnx: 'float32' },
  float64: { name: 'float64', kind: 'float', bytes: 8, host: Float64Array, min: -Infinity, max: Infinity, onnx: 'float64' },
  int8: { name: 'int8', kind: 'int', bytes: 1, host: Int8Array, min: -128, max: 127, onnx: 'int8' },
  int16: { name: 'int16', kind: 'int', bytes: 2, host: Int16Array, min: -32768, max: 32767, onnx: 'int16' },
  int32: { name: 'int32', kind: 'int', bytes: 4, host: Int32Array, min: -2147483648, max: 2147483647, onnx: 'int32' },
  // max: 2^63 - 1 is not a double; 2^63 is the bound a float saturates at (see convertToInt64)
  int64: { name: 'int64', kind: 'int', bytes: 8, host: null, min: -(2 ** 63), max: 2 ** 63, onnx: 'int64' },
  uint8: { name: 'uint8', kind: 'uint', bytes: 1, host: Uint8Array, min: 0, max: 255, onnx: 'uint8' },
  uint16: { name: 'uint16', kind: 'uint', bytes: 2, host: Uint16Array, min: 0, max: 65535, onnx: 'uint16' },
  bool: { name: 'bool', kind: 'bool', bytes: 1, host: Uint8Array, min: 0, max: 1, onnx: 'bool' },
};

/** Every dtype name, for validation. */
export const DTYPES: readonly DType[] = Object.keys(DTYPE_INFO) as DType[];

/** Whether `name` is a dtype name. */
export function isDType(name: unknown): name is DType {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(DTYPE_INFO, name);
}

/** A static shape: `null` for a dimension unknown until run time. */
export type Shape = readonly (number | null)[];

/** A zeroed host array of `size` elements in `dtype`'s layout (not int64: see `hostDataFor`). */
export function hostArrayFor(dtype: DType, size: number): HostArray {
  const ctor = DTYPE_INFO[dtype].host;
  if (ctor === null) throw new Error(`no number host layout for dtype ${dtype} (int64 data is a BigInt64Array)`);
  return new ctor(size);
}

/** A zeroed host array of `size` elements in `dtype`'s layout, int64 included. */
export function hostDataFor(dtype: DType, size: number): HostData {
  return dtype === 'int64' ? new BigInt64Array(size) : hostArrayFor(dtype, size);
}

/** Whether `dtype` is a floating-point type. */
export function isFloatDType(dtype: DType): boolean {
  return DTYPE_INFO[dtype].kind === 'float';
}

/** Whether `dtype` is an integer type (signed or unsigned). */
export function isIntDType(dtype: DType): boolean {
  const k = DTYPE_INFO[dtype].kind;
  return k === 'int' || k === 'uint';
}

/** Number of elements of a concrete shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/* ------------------------------------------------------------------------ */
/* float16                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * The IEEE 754 half-precision bit pattern nearest `x` (round to nearest, ties to
 * even, directly from the double: no intermediate float32 rounding); beyond the
 * largest half (65504) values round to +-Infinity; NaN gives 0x7e00.
 */
export function float16Bits(x: number): number {
  if (x !== x) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00; // 65504 + half an ulp (16) and beyond: infinity
  if (a < 2 ** -14) {
    // subnormal (or zero): multiples of 2^-24, rounded half to even
    const q = a * 2 ** 24; // exact: a power-of-two scaling
    let m = Math.round(q);
    if (m - q === 0.5 && m % 2 !== 0) m -= 1;
    return sign | m; // m = 1024 is the smallest normal's pattern, as it should be
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1; // log2 rounding near powers of two
  else if (2 ** (e + 1) <= a) e += 1;
  const q = (a / 2 ** e) * 1024; // in [1024, 2048), exact
  let m = Math.round(q);
  if (m - q === 0.5 && m % 2 !== 0) m -= 1;
  if (m === 2048) {
    m = 1024;
    e += 1;
  }
  if (e > 15) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | (m - 1024);
}

/** The value of the IEEE 754 half-precision bit pattern `bits` (exact). */
export function float16Value(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Infinity : NaN;
  return sign * (1024 + m) * 2 ** (e - 25);
}

/** `x` rounded to the nearest half-precision value (ties to even), as a number. */
export function roundToFloat16(x: number): number {
  return float16Value(float16Bits(x));
}

/* ------------------------------------------------------------------------ */
/* Element conversion: the one rule                                         */
/* ------------------------------------------------------------------------ */

/**
 * Converts one value to `dtype`, the rule every cast and every host conversion
 * follows: to a float dtype, round to nearest (float16: beyond +-65504 to
 * +-Infinity); to an integer dtype from a float, truncate toward zero, saturating
 * at the dtype's range, NaN -> 0; to an integer dtype from an integer, wrap
 * (two's complement, as NumPy and TensorFlow do); to bool, x != 0 (NaN is true).
 * `fromFloat` says whether the source is a float (an integer source wraps).
 * Returns the value to store in the dtype's typed array (float16: the value,
 * not its bits).
 */
export function convertElement(v: number, dtype: DType, fromFloat: boolean): number {
  const info = DTYPE_INFO[dtype];
  switch (info.kind) {
    case 'bool':
      return v !== 0 ? 1 : 0;
    case 'float':
      return dtype === 'float16' ? roundToFloat16(v) : dtype === 'float32' ? Math.fround(v) : v;
    default:
      if (fromFloat) {
        if (v !== v) return 0;
        if (v >= info.max) return info.max;
        if (v <= info.min) return info.min;
        return Math.trunc(v);
      }
      return wrapInt(v, dtype);
  }
}

/** Integer `v` wrapped into `dtype`'s range (two's complement). */
export function wrapInt(v: number, dtype: DType): number {
  switch (dtype) {
    case 'int8':
      return (v << 24) >> 24;
    case 'int16':
      return (v << 16) >> 16;
    case 'int32':
      return v | 0;
    case 'uint8':
      return v & 0xff;
    case 'uint16':
      return v & 0xffff;
    default:
      return v;
  }
}

/* ------------------------------------------------------------------------ */
/* int64                                                                    */
/* ------------------------------------------------------------------------ */

/** The smallest and largest int64, as bigints. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/**
 * Number `v` converted to int64 by the one rule (`convertElement`): from a float,
 * truncated toward zero and saturated at [-2^63, 2^63 - 1], NaN -> 0; from an integer
 * dtype (`fromFloat` false: every such value is a whole number of at most 32 bits),
 * the value itself.
 */
export function numberToInt64(v: number, fromFloat: boolean): bigint {
  if (!fromFloat) return BigInt(v);
  if (v !== v) return 0n;
  if (v >= 2 ** 63) return INT64_MAX;
  if (v <= -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(v));
}

/** `v` rounded to the nearest value with `bits` significant bits, ties to even (exact, in bigints). */
function roundToBits(v: bigint, bits: number): bigint {
  const a = v < 0n ? -v : v;
  const len = a.toString(2).length;
  if (len <= bits) return v;
  const drop = BigInt(len - bits);
  const unit = 1n << drop;
  const q = a >> drop;
  const rest = a - (q << drop);
  const half = unit >> 1n;
  const up = rest > half || (rest === half && (q & 1n) === 1n);
  const r = (up ? q + 1n : q) << drop;
  return v < 0n ? -r : r;
}

/**
 * int64 `v` converted to `dtype` by the one rule (`convertElement`): to a float,
 * rounded to nearest (ties to even) directly from the integer (float32: not through
 * float64, which could round twice); to a narrower integer, wrapped (its low bits,
 * two's complement); to bool, v != 0. Returns the value to store in the dtype's
 * typed array (float16: the value, not its bits). Not for dtype int64.
 */
export function int64ToNumber(v: bigint, dtype: DType): number {
  switch (dtype) {
    case 'bool':
      return v !== 0n ? 1 : 0;
    case 'float64':
      return Number(v); // ECMAScript rounds a BigInt to the nearest double, ties to even
    case 'float32':
      return Math.fround(Number(roundToBits(v, 24))); // exact once rounded to 24 bits
    case 'float16':
      return roundToFloat16(Number(v)); // |v| < 2^53 converts exactly; beyond, both give infinity
    case 'int8':
    case 'int16':
    case 'int32':
      return Number(BigInt.asIntN(DTYPE_INFO[dtype].bytes * 8, v));
    case 'uint8':
    case 'uint16':
      return Number(BigInt.asUintN(DTYPE_INFO[dtype].bytes * 8, v));
    default:
      throw new Error(`int64ToNumber: no number layout for dtype ${dtype}`);
  }
}
