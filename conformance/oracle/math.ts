/**
 * Oracle of the `math` group, written from the NumPy / TensorFlow / Keras
 * documentation: elementwise maps, rounding half to even, sign, power, clipping,
 * comparisons, maximum / minimum, sin and cos, matrix products (Keras `dot`,
 * `batch_dot` as its documentation describes), transposes and gather along axis 0.
 * Everything computes in float64.
 */
import { OArray, OLike, OracleDType, asArray, binary, map, sizeOf, stridesOf, unravel } from './ndarray';


/** `max(a, b)`, broadcasting. */
export const maximum = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => Math.max(x, y));

/** `min(a, b)`, broadcasting. */
export const minimum = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => Math.min(x, y));

/** `a * a`. */
export const square = (a: OLike): OArray => map(a, (x) => x * x);

/** `|a|`. */
export const abs = (a: OLike): OArray => map(a, Math.abs);

/** `exp(a)`. */
export const exp = (a: OLike): OArray => map(a, Math.exp);

/** `log(a)` (log 0 = -inf, log of a negative = NaN). */
export const log = (a: OLike): OArray => map(a, Math.log);

/** Matrix product of two 2-D arrays. */
export function matmul(av: OLike, bv: OLike): OArray {
  const a = asArray(av);
  const b = asArray(bv);
  if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
    throw new Error(`oracle: matmul of [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const [m, k] = a.shape;
  const n = b.shape[1];
  const data = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += a.data[i * k + t] * b.data[t * n + j];
    data[i * n + j] = s;
  }
  return { data, shape: [m, n] };
}

/**
 * Keras `dot`: the sum over the last axis of `x` and the second-to-last axis of `y`
 * (the last axis when `y` is 1-D). Result shape: `x.shape[:-1] + y.shape[:-2] + y.shape[-1:]`.
 */
export function dot(xv: OLike, yv: OLike): OArray {
  const x = asArray(xv);
  const y = asArray(yv);
  if (x.shape.length === 0 || y.shape.length === 0) throw new Error('oracle: dot of a scalar');
  const k = x.shape[x.shape.length - 1];
  const yVector = y.shape.length === 1;
  const ky = yVector ? y.shape[0] : y.shape[y.shape.length - 2];
  if (k !== ky) throw new Error(`oracle: dot of [${x.shape.join(', ')}] and [${y.shape.join(', ')}]`);
  const n = yVector ? 1 : y.shape[y.shape.length - 1];
  const batchY = yVector ? [] : y.shape.slice(0, -2);
  const B = sizeOf(batchY);
  const M = sizeOf(x.shape.slice(0, -1));
  const data = new Array<number>(M * B * n).fill(0);
  for (let i = 0; i < M; i++) for (let b = 0; b < B; b++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += x.data[i * k + t] * y.data[b * k * n + t * n + j];
    data[(i * B + b) * n + j] = s;
  }
  const shape = [...x.shape.slice(0, -1), ...batchY, ...(yVector ? [] : [n])];
  return { data, shape };
}

/** Permutes axes: output axis i is input axis `perm[i]` (default: reversed axes). */
export function transpose(av: OLike, perm?: readonly number[]): OArray {
  const a = asArray(av);
  const r = a.shape.length;
  const p = perm ?? Array.from({ length: r }, (_, i) => r - 1 - i);
  const shape = p.map((i) => a.shape[i]);
  const sa = stridesOf(a.shape);
  const data = new Array<number>(a.data.length);
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    let k = 0;
    for (let d = 0; d < r; d++) k += idx[d] * sa[p[d]];
    data[i] = a.data[k];
  }
  return { data, shape };
}

/** Rounds half to even (banker's rounding), as `np.round` / `tf.round`. */
export function roundHalfEven(v: number): number {
  if (!Number.isFinite(v)) return v;
  const f = Math.floor(v);
  const d = v - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** Elementwise rounding half to even. */
export const round = (a: OLike): OArray => map(a, roundHalfEven);

/** Elementwise sign: -1, 0 or 1 (NaN stays NaN). */
export const sign = (a: OLike): OArray => map(a, (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0));

/** Elementwise `a ** b`, broadcasting. */
export const pow = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => Math.pow(x, y));

const TWO_32 = BigInt(2) ** BigInt(32);

/**
 * int32 power of two integers: for e >= 0, a^e reduced modulo 2^32 and read as a
 * signed 32-bit integer (two's-complement wrap-around), by square-and-multiply on
 * BigInts; for e < 0, the real result truncated toward zero: 1 for a = 1, (-1)^e
 * for a = -1, and 0 for any other base (0 included, which has no real value).
 */
export function int32Power(a: number, e: number): number {
  if (e < 0) return a === 1 ? 1 : a === -1 ? (e % 2 === 0 ? 1 : -1) : 0;
  let r = BigInt(1);
  let base = ((BigInt(a) % TWO_32) + TWO_32) % TWO_32;
  for (let k = BigInt(e); k > BigInt(0); k /= BigInt(2)) {
    if (k % BigInt(2) === BigInt(1)) r = (r * base) % TWO_32;
    base = (base * base) % TWO_32;
  }
  return Number(BigInt.asIntN(32, r));
}

/** Elementwise int32 power (see `int32Power`), broadcasting. */
export const intPow = (a: OLike, b: OLike): OArray => binary(a, b, int32Power);

/** Elementwise clipping to [lo, hi] (null: no bound). */
export function clip(a: OLike, lo: number | null, hi: number | null): OArray {
  return map(a, (x) => {
    let v = x;
    if (hi !== null && v > hi) v = hi;
    if (lo !== null && v < lo) v = lo;
    return v;
  });
}

/** Elementwise sine. */
export const sin = (a: OLike): OArray => map(a, Math.sin);

/** Elementwise cosine. */
export const cos = (a: OLike): OArray => map(a, Math.cos);

/** The comparison operators. */
export type Comparison = 'equal' | 'notEqual' | 'greater' | 'greaterEqual' | 'less' | 'lessEqual';

const COMPARE: Record<Comparison, (x: number, y: number) => boolean> = {
  equal: (x, y) => x === y,
  notEqual: (x, y) => x !== y,
  greater: (x, y) => x > y,
  greaterEqual: (x, y) => x >= y,
  less: (x, y) => x < y,
  lessEqual: (x, y) => x <= y,
};

/** Elementwise comparison with broadcasting; a bool-tagged result. */
export function compare(a: OLike, b: OLike, op: Comparison): OArray {
  const f = COMPARE[op];
  const r = binary(a, b, (x, y) => (f(x, y) ? 1 : 0));
  return { ...r, dtype: 'bool' };
}

/** Tags an array with a dtype (no conversion). */
export function tagged(a: OArray, dtype: OracleDType | undefined): OArray {
  return dtype === undefined ? a : { ...a, dtype };
}

/** `reference[indices]` along axis 0: shape `indices.shape + reference.shape[1:]`. */
export function gather(referenceV: OLike, indicesV: OLike, dtype?: OracleDType): OArray {
  const ref = asArray(referenceV);
  const idx = asArray(indicesV);
  const row = sizeOf(ref.shape.slice(1));
  const data: number[] = [];
  for (const i of idx.data) {
    if (!Number.isInteger(i) || i < 0 || i >= ref.shape[0]) throw new Error(`oracle: gather index ${i} out of range`);
    for (let t = 0; t < row; t++) data.push(ref.data[i * row + t]);
  }
  return tagged({ data, shape: [...idx.shape, ...ref.shape.slice(1)] }, dtype);
}

/**
 * Keras `batch_dot` as documented: for each batch index b, the sum over axis
 * `axes[0]` of x and `axes[1]` of y; the shape is x's without the summed axis
 * followed by y's without its batch and summed axes; a rank-1 result becomes
 * (batch, 1). `axes`: an int, a pair, or null (last of x, second-to-last of y, or
 * last of y when it is 2-D). Negative axes count from the end.
 */
export function batchDot(xV: OLike, yV: OLike, axes: number | readonly [number, number] | null = null): OArray {
  const x = asArray(xV);
  const y = asArray(yV);
  const xr = x.shape.length;
  const yr = y.shape.length;
  let pair: [number, number];
  if (axes === null) pair = [xr - 1, yr === 2 ? 1 : yr - 2];
  else if (typeof axes === 'number') pair = [axes, axes];
  else pair = [axes[0], axes[1]];
  const a0 = pair[0] < 0 ? pair[0] + xr : pair[0];
  const a1 = pair[1] < 0 ? pair[1] + yr : pair[1];
  const k = x.shape[a0];
  if (k !== y.shape[a1] || x.shape[0] !== y.shape[0]) throw new Error('oracle: batch_dot shapes do not fit');
  const xRest = x.shape.map((_, i) => i).filter((i) => i !== 0 && i !== a0);
  const yRest = y.shape.map((_, i) => i).filter((i) => i !== 0 && i !== a1);
  const B = x.shape[0];
  const outShape = [B, ...xRest.map((i) => x.shape[i]), ...yRest.map((i) => y.shape[i])];
  const sx = stridesOf(x.shape);
  const sy = stridesOf(y.shape);
  const n = sizeOf(outShape);
  const data = new Array<number>(n);
  for (let o = 0; o < n; o++) {
    const idx = unravel(o, outShape);
    const b = idx[0];
    let baseX = b * sx[0];
    xRest.forEach((axis, j) => (baseX += idx[1 + j] * sx[axis]));
    let baseY = b * sy[0];
    yRest.forEach((axis, j) => (baseY += idx[1 + xRest.length + j] * sy[axis]));
    let s = 0;
    for (let t = 0; t < k; t++) s += x.data[baseX + t * sx[a0]] * y.data[baseY + t * sy[a1]];
    data[o] = s;
  }
  const shape = outShape.length === 1 ? [B, 1] : outShape;
  return { data, shape };
}

export type Axis = number | readonly number[] | null | undefined;
