/**
 * More oracle operations, written from the NumPy / TensorFlow / Keras
 * documentation: rounding half to even, sign, power, clipping, comparisons, sin and
 * cos, gather along axis 0, Keras `batch_dot` (as its documentation describes),
 * cumulative sums and products, variance and standard deviation, argmax / argmin
 * and a stable logsumexp. Everything computes in float64.
 */
import { OArray, OracleDType, sizeOf, stridesOf, unravel } from './ndarray';
import { asArray, binary, map, normAxes, OLike, reduce } from './ops';

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
function tagged(a: OArray, dtype: OracleDType | undefined): OArray {
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

/** Cumulative sum or product along `axis` (negative counts from the end). */
export function cumulative(aV: OLike, axis: number, kind: 'sum' | 'prod', dtype?: OracleDType): OArray {
  const a = asArray(aV);
  const ax = axis < 0 ? axis + a.shape.length : axis;
  const st = stridesOf(a.shape);
  const data = [...a.data];
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, a.shape);
    if (idx[ax] === 0) continue;
    const prev = data[i - st[ax]];
    data[i] = kind === 'sum' ? prev + a.data[i] : prev * a.data[i];
  }
  return tagged({ data, shape: [...a.shape] }, dtype);
}

type Axis = number | readonly number[] | null | undefined;

/** Population variance (mean of squared deviations) over `axis`. */
export function variance(aV: OLike, axis?: Axis, keepdims = false): OArray {
  const a = asArray(aV);
  const m = reduce(a, axis, true, 'mean');
  const dev = binary(a, m, (x, y) => (x - y) * (x - y));
  return reduce(dev, axis, keepdims, 'mean');
}

/** Standard deviation: the square root of `variance`. */
export function std(aV: OLike, axis?: Axis, keepdims = false): OArray {
  return map(variance(aV, axis, keepdims), Math.sqrt);
}

/** Index of the largest (smallest) value along `axis`, the first on ties; int32-tagged, axis removed. */
export function argExtreme(aV: OLike, axis: number, kind: 'max' | 'min'): OArray {
  const a = asArray(aV);
  const r = a.shape.length;
  const ax = axis < 0 ? axis + r : axis;
  const outShape = a.shape.filter((_, i) => i !== ax);
  const st = stridesOf(a.shape);
  const n = sizeOf(outShape);
  const data = new Array<number>(n);
  for (let o = 0; o < n; o++) {
    const oi = unravel(o, outShape);
    let base = 0;
    let j = 0;
    for (let d = 0; d < r; d++) if (d !== ax) base += oi[j++] * st[d];
    let best = 0;
    for (let t = 1; t < a.shape[ax]; t++) {
      const v = a.data[base + t * st[ax]];
      const b = a.data[base + best * st[ax]];
      if (kind === 'max' ? v > b : v < b) best = t;
    }
    data[o] = best;
  }
  return { data, shape: outShape, dtype: 'int32' };
}

/** log(sum(exp(a))) over `axis`, with the (finite) maximum subtracted first. */
export function logsumexp(aV: OLike, axis?: Axis, keepdims = false): OArray {
  const a = asArray(aV);
  const axes = normAxes(axis, a.shape.length);
  const mk = map(reduce(a, axes, true, 'max'), (v) => (Number.isFinite(v) ? v : 0));
  const e = binary(a, mk, (x, m) => Math.exp(x - m));
  const s = reduce(e, axes, true, 'sum');
  const outKeep = binary(s, mk, (v, m) => Math.log(v) + m);
  if (keepdims) return outKeep;
  return { data: outKeep.data, shape: a.shape.filter((_, i) => !axes.includes(i)) };
}

/** Logical or / and over `axis` of the values cast to bool (x != 0); bool-tagged. */
export function anyAll(aV: OLike, axis: Axis, keepdims: boolean, kind: 'any' | 'all'): OArray {
  const b = map(aV, (x) => (x !== 0 ? 1 : 0));
  return { ...reduce(b, axis, keepdims, kind), dtype: 'bool' };
}
