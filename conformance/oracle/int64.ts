/**
 * Oracle of int64, in exact bigint arithmetic by hand, independently of the
 * library: results are computed exactly as integers of any size, then wrapped to
 * 64 bits by modular arithmetic (two's complement, as NumPy's int64 and
 * TensorFlow do); conversions follow the cast rule (float -> int64 truncates
 * toward zero and saturates at [-2^63, 2^63 - 1], NaN -> 0; int64 -> a float
 * rounds to nearest with ties to even, found here by dividing by the spacing of
 * the target's values; int64 -> a narrower integer keeps the low bits; -> bool
 * is x != 0). Arrays carry their exact values in `OArray.big`.
 */
import { INT_RANGE, roundHalf } from './dtypes';
import { OArray, OracleDType, sizeOf, stridesOf, unravel } from './ndarray';

/** The int64 range. */
export const I64_MIN = -(2n ** 63n);
export const I64_MAX = 2n ** 63n - 1n;
const SPAN = 2n ** 64n;

/** `v` wrapped into the int64 range: the integer congruent to v modulo 2^64 in [-2^63, 2^63). */
export function wrap64(v: bigint): bigint {
  const r = (((v - I64_MIN) % SPAN) + SPAN) % SPAN;
  return r + I64_MIN;
}

/** An int64 oracle array of exact values. */
export function i64(big: readonly bigint[], shape: readonly number[]): OArray {
  if (big.length !== sizeOf(shape)) throw new Error(`oracle: ${big.length} values do not fill shape [${shape.join(', ')}]`);
  return { data: big.map((v) => Number(v)), big: [...big], shape: [...shape], dtype: 'int64' };
}

/** The exact values of an int64 input (whole numbers given as numbers taken exactly). */
export function bigOf(x: OArray): bigint[] {
  return x.big !== undefined ? [...x.big] : x.data.map((v) => BigInt(v));
}

/** float -> int64 by the cast rule: truncated toward zero and saturated, NaN -> 0. */
export function floatToI64(v: number): bigint {
  if (Number.isNaN(v)) return 0n;
  if (v >= 2 ** 63) return I64_MAX;
  if (v <= -(2 ** 63)) return I64_MIN;
  return BigInt(Math.trunc(v));
}

/** The number of binary digits of a >= 1. */
function bitLength(a: bigint): number {
  let n = 0;
  while (a >= 1n) {
    a /= 2n;
    n++;
  }
  return n;
}

/** v rounded to `bits` significant binary digits, to nearest with ties to even (exact). */
function roundSignificant(v: bigint, bits: number): bigint {
  const a = v < 0n ? -v : v;
  const len = bitLength(a);
  if (len <= bits) return v;
  const spacing = 2n ** BigInt(len - bits);
  let q = a / spacing;
  const r = a % spacing;
  if (2n * r > spacing || (2n * r === spacing && q % 2n === 1n)) q += 1n;
  const out = q * spacing;
  return v < 0n ? -out : out;
}

/** int64 `v` as `dtype` by the cast rule (as a number; float16: its value). */
export function i64To(v: bigint, dtype: OracleDType): number {
  switch (dtype) {
    case 'bool':
      return v !== 0n ? 1 : 0;
    case 'float64':
      return Number(roundSignificant(v, 53)); // exact once rounded
    case 'float32':
      return Number(roundSignificant(v, 24));
    case 'float16': {
      // below 2^53 the double is exact; from 65520 on a half overflows
      const a = v < 0n ? -v : v;
      if (a >= 65520n) return v < 0n ? -Infinity : Infinity;
      return roundHalf(Number(v));
    }
    case 'int64':
      throw new Error('oracle: i64To an int64');
    default: {
      const [lo, hi] = INT_RANGE[dtype];
      const span = BigInt(hi - lo + 1);
      const low = BigInt(lo);
      return Number((((v - low) % span) + span) % span + low);
    }
  }
}

/** `K.cast(x, to)` of int64 x (exact values in x.big), or of x of dtype `from` to int64. */
export function castI64(x: OArray, from: OracleDType, to: OracleDType): OArray {
  if (from === 'int64') {
    if (to === 'int64') return i64(bigOf(x), x.shape);
    return { data: bigOf(x).map((v) => i64To(v, to)), shape: x.shape, dtype: to };
  }
  // inputs reach the oracle as values (float16 ones already rounded to halves)
  const isFloat = from === 'float16' || from === 'float32' || from === 'float64';
  return i64(x.data.map((v) => (isFloat ? floatToI64(v) : BigInt(v))), x.shape);
}

/** Elementwise int64 `f` with NumPy broadcasting; `f` computes exactly, the result is wrapped (or kept: bool outputs). */
export function binary64(x: OArray, y: OArray, f: (a: bigint, b: bigint) => bigint | boolean): OArray {
  const r = Math.max(x.shape.length, y.shape.length);
  const pad = (s: readonly number[]): number[] => [...new Array<number>(r - s.length).fill(1), ...s];
  const sx = pad(x.shape);
  const sy = pad(y.shape);
  const shape = sx.map((d, i) => (d === 1 ? sy[i] : d));
  const a = bigOf(x);
  const b = bigOf(y);
  const stx = stridesOf(sx);
  const sty = stridesOf(sy);
  const out: (bigint | boolean)[] = [];
  for (let i = 0; i < sizeOf(shape); i++) {
    const idx = unravel(i, shape);
    const ia = idx.reduce((p, k, d) => p + (sx[d] === 1 ? 0 : k * stx[d]), 0);
    const ib = idx.reduce((p, k, d) => p + (sy[d] === 1 ? 0 : k * sty[d]), 0);
    out.push(f(a[ia], b[ib]));
  }
  if (out.every((v) => typeof v === 'boolean')) return { data: out.map((v) => (v ? 1 : 0)), shape, dtype: 'bool' };
  return i64(out.map((v) => wrap64(v as bigint)), shape);
}

/** Elementwise int64 `f` (exact), wrapped. */
export function unary64(x: OArray, f: (a: bigint) => bigint): OArray {
  return i64(bigOf(x).map((v) => wrap64(f(v))), x.shape);
}

/** `a ** e` exactly (e >= 0), or for e < 0 the real result truncated toward zero. */
export function pow64(a: bigint, e: bigint): bigint {
  if (e >= 0n) return a ** e;
  if (a === 1n) return 1n;
  if (a === -1n) return e % 2n === 0n ? 1n : -1n;
  return 0n; // |a| >= 2: |a^e| < 1; 0^e has no integer value: 0 as for int32
}

/** The positions of x reduced together over `axes` (all when null), row by row, with the kept shape. */
function groups(shape: readonly number[], axes: readonly number[] | null): { groups: number[][]; kept: number[] } {
  const ax = axes ?? shape.map((_, i) => i);
  const keptAxes = shape.map((_, i) => i).filter((i) => !ax.includes(i));
  const kept = keptAxes.map((i) => shape[i]);
  const out: number[][] = Array.from({ length: sizeOf(kept) }, () => []);
  const st = stridesOf(kept);
  for (let f = 0; f < sizeOf(shape); f++) {
    const idx = unravel(f, shape);
    const g = keptAxes.reduce((p, a, k) => p + idx[a] * st[k], 0);
    out[g].push(f);
  }
  return { groups: out, kept };
}

/** sum, prod (exact, then wrapped), max, min (an empty set gives the far end), any, all of int64 x over `axes`. */
export function reduce64(x: OArray, axes: readonly number[] | null, kind: 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all'): OArray {
  const v = bigOf(x);
  const { groups: gs, kept } = groups(x.shape, axes);
  const vals = gs.map((g) => g.map((f) => v[f]));
  switch (kind) {
    case 'sum':
      return i64(vals.map((g) => wrap64(g.reduce((p, a) => p + a, 0n))), kept);
    case 'prod':
      return i64(vals.map((g) => wrap64(g.reduce((p, a) => p * a, 1n))), kept);
    case 'max':
      return i64(vals.map((g) => g.reduce((p, a) => (a > p ? a : p), I64_MIN)), kept);
    case 'min':
      return i64(vals.map((g) => g.reduce((p, a) => (a < p ? a : p), I64_MAX)), kept);
    case 'any':
      return { data: vals.map((g) => (g.some((a) => a !== 0n) ? 1 : 0)), shape: kept, dtype: 'bool' };
    case 'all':
      return { data: vals.map((g) => (g.every((a) => a !== 0n) ? 1 : 0)), shape: kept, dtype: 'bool' };
  }
}

/** Index of the first largest (smallest) value along `axis`, int32. */
export function argExtreme64(x: OArray, axis: number, kind: 'max' | 'min'): OArray {
  const v = bigOf(x);
  const { groups: gs, kept } = groups(x.shape, [axis]);
  return {
    data: gs.map((g) => {
      let best = 0;
      g.forEach((f, k) => {
        if (kind === 'max' ? v[f] > v[g[best]] : v[f] < v[g[best]]) best = k;
      });
      return best;
    }),
    shape: kept,
    dtype: 'int32',
  };
}

/** Inclusive cumulative sum or product along `axis`: each partial result exact, then wrapped. */
export function cumulative64(x: OArray, axis: number, kind: 'sum' | 'prod'): OArray {
  const v = bigOf(x);
  const out = new Array<bigint>(v.length);
  const { groups: gs } = groups(x.shape, [axis]);
  for (const g of gs) {
    let acc = kind === 'sum' ? 0n : 1n;
    for (const f of g) {
      acc = kind === 'sum' ? acc + v[f] : acc * v[f];
      out[f] = wrap64(acc);
    }
  }
  return i64(out, x.shape);
}
