/**
 * Oracle of the `reduce` group, written from the NumPy / Keras documentation:
 * sums, means, extrema, products, cumulative sums and products, variance and
 * standard deviation, any / all, argmax / argmin and a stable logsumexp, in float64.
 */
import { Axis, tagged } from './math';
import { OArray, OLike, OracleDType, asArray, binary, map, sizeOf, stridesOf, unravel } from './ndarray';

/** Normalises a reduction `axis` argument (null/undefined: every axis; negatives count from the end). */
export function normAxes(axis: number | readonly number[] | null | undefined, rank: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  return list.map((a) => (a < 0 ? a + rank : a)).sort((p, q) => p - q);
}

/** The reductions the oracle knows. */
export type ReduceKind = 'sum' | 'mean' | 'max' | 'min' | 'prod' | 'any' | 'all';

/** Reduces `a` over `axis` (NumPy semantics), keeping reduced axes as 1 when `keepdims`. */
export function reduce(av: OLike, axis: number | readonly number[] | null | undefined, keepdims: boolean, kind: ReduceKind): OArray {
  const a = asArray(av);
  const axes = normAxes(axis, a.shape.length);
  const outShapeKeep = a.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const n = sizeOf(outShapeKeep);
  const init = { sum: 0, mean: 0, max: -Infinity, min: Infinity, prod: 1, any: 0, all: 1 }[kind];
  const acc = new Array<number>(n).fill(init);
  const so = stridesOf(outShapeKeep);
  for (let i = 0; i < a.data.length; i++) {
    const idx = unravel(i, a.shape);
    let k = 0;
    for (let d = 0; d < idx.length; d++) if (!axes.includes(d)) k += idx[d] * so[d];
    const x = a.data[i];
    switch (kind) {
      case 'sum':
      case 'mean':
        acc[k] += x;
        break;
      case 'max':
        acc[k] = Number.isNaN(x) || Number.isNaN(acc[k]) ? NaN : Math.max(acc[k], x);
        break;
      case 'min':
        acc[k] = Number.isNaN(x) || Number.isNaN(acc[k]) ? NaN : Math.min(acc[k], x);
        break;
      case 'prod':
        acc[k] *= x;
        break;
      case 'any':
        acc[k] = acc[k] !== 0 || x !== 0 ? 1 : 0;
        break;
      case 'all':
        acc[k] = acc[k] !== 0 && x !== 0 ? 1 : 0;
        break;
    }
  }
  if (kind === 'mean') {
    const count = axes.reduce((p, d) => p * a.shape[d], 1);
    for (let k = 0; k < n; k++) acc[k] /= count;
  }
  const shape = keepdims ? outShapeKeep : a.shape.filter((_, i) => !axes.includes(i));
  return { data: acc, shape };
}

/** Sum over `axis`. */
export const sum = (a: OLike, axis?: number | readonly number[] | null, keepdims = false): OArray => reduce(a, axis, keepdims, 'sum');

/** Mean over `axis`. */
export const mean = (a: OLike, axis?: number | readonly number[] | null, keepdims = false): OArray => reduce(a, axis, keepdims, 'mean');

/** Maximum over `axis`. */
export const max = (a: OLike, axis?: number | readonly number[] | null, keepdims = false): OArray => reduce(a, axis, keepdims, 'max');

/** Minimum over `axis`. */
export const min = (a: OLike, axis?: number | readonly number[] | null, keepdims = false): OArray => reduce(a, axis, keepdims, 'min');

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
