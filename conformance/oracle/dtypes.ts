/**
 * Oracle of the narrow dtypes (float16, int8, int16, uint8, uint16), written from
 * IEEE 754 and NumPy's documented semantics, independently of the library: rounding
 * to half precision (found by scaling to the half spacing, not by bit tricks),
 * decoding half bit patterns, two's-complement wrapping by modular arithmetic, and
 * the cast rule (float -> int truncates toward zero and saturates, NaN -> 0;
 * int -> int wraps; to bool x != 0).
 */
import { OArray, OLike, OracleDType, asArray } from './ndarray';

/** The integer dtypes' ranges, as NumPy's iinfo gives them. */
export const INT_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
  uint16: [0, 65535],
};

/** The largest finite half-precision value, (2 - 2^-10) * 2^15. */
export const HALF_MAX = 65504;

/**
 * `v` rounded to the nearest IEEE half-precision value, ties to the even
 * significand: the spacing of halves near |v| is 2^-24 below 2^-14 and
 * 2^(e - 10) in [2^e, 2^(e+1)); beyond HALF_MAX + spacing/2 it overflows to infinity.
 */
export function roundHalf(v: number): number {
  if (Number.isNaN(v) || !Number.isFinite(v)) return v;
  const sign = v < 0 || Object.is(v, -0) ? -1 : 1;
  const a = Math.abs(v);
  let spacing = 2 ** -24;
  if (a >= 2 ** -14) {
    let p = 2 ** -14;
    while (p * 2 <= a) p *= 2;
    spacing = p / 1024;
  }
  const q = a / spacing;
  const lo = Math.floor(q);
  const frac = q - lo;
  const m = frac > 0.5 ? lo + 1 : frac < 0.5 ? lo : lo % 2 === 0 ? lo : lo + 1;
  const r = m * spacing;
  if (r > HALF_MAX) return sign * Infinity;
  return sign * r;
}

/** The value of a half-precision bit pattern: sign, 5 exponent bits (bias 15), 10 fraction bits. */
export function halfValue(bits: number): number {
  const sign = bits >= 0x8000 ? -1 : 1;
  const rest = bits % 0x8000;
  const exponent = Math.floor(rest / 1024);
  const fraction = rest % 1024;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Integer `v` wrapped into `dtype`'s range (two's complement), as NumPy's integer arithmetic does. */
export function wrapTo(v: number, dtype: string): number {
  const [lo, hi] = INT_RANGE[dtype];
  const span = hi - lo + 1;
  const r = (((v - lo) % span) + span) % span;
  return r + lo;
}

/** `v` as stored in `dtype` from a float: rounded (floats), truncated and saturated (ints, NaN -> 0), x != 0 (bool). */
export function fromFloat(v: number, dtype: OracleDType): number {
  if (dtype === 'bool') return v !== 0 ? 1 : 0;
  if (dtype === 'float16') return roundHalf(v);
  if (dtype === 'float32') return Math.fround(v);
  if (dtype === 'float64') return v;
  if (Number.isNaN(v)) return 0;
  const [lo, hi] = INT_RANGE[dtype];
  return Math.min(hi, Math.max(lo, Math.trunc(v)));
}

/** Whether `dtype` is a float dtype. */
export function isFloatOracle(dtype: OracleDType): boolean {
  return dtype === 'float16' || dtype === 'float32' || dtype === 'float64';
}

/** `K.cast(x, to)` of values of dtype `from`: the cast rule. */
export function castTo(xv: OLike, from: OracleDType, to: OracleDType): OArray {
  const x = asArray(xv);
  const f = (v: number): number => {
    if (to === 'bool' || isFloatOracle(from) || !(to in INT_RANGE)) return fromFloat(v, to);
    return wrapTo(v, to);
  };
  return { data: x.data.map(f), shape: x.shape, dtype: to };
}

/** Each element of `a` wrapped into integer `dtype` (or rounded to float16), tagged with it: an op's output. */
export function outputAs(av: OLike, dtype: OracleDType): OArray {
  const a = asArray(av);
  const f = dtype === 'float16' ? roundHalf : dtype in INT_RANGE ? (v: number) => wrapTo(v, dtype) : (v: number) => v;
  return { data: a.data.map(f), shape: a.shape, dtype };
}
