/**
 * Oracle operations, written from the NumPy / Keras documentation: broadcasting
 * binary ops, elementwise maps, reductions, Keras `dot`, transposes, reshapes,
 * concatenation, slices and softmax. Everything computes in float64.
 */
import { OArray, OracleDType, array, Nested, isOArray, sizeOf, stridesOf, unravel } from './ndarray';

/** An oracle array, or something `array()` accepts. */
export type OLike = OArray | Nested;

/** Converts `v` to an oracle array. */
export function asArray(v: OLike): OArray {
  return isOArray(v) ? v : array(v as Nested);
}

/** NumPy broadcasting of two shapes (aligned on the right, 1 stretches). */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const r = Math.max(a.length, b.length);
  const out = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da !== db && da !== 1 && db !== 1) throw new Error(`oracle: shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`);
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Flat index into an array of `shape` for output multi-index `idx` of a broadcast result. */
function broadcastIndex(idx: readonly number[], shape: readonly number[], strides: readonly number[]): number {
  const off = idx.length - shape.length;
  let k = 0;
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) k += idx[i + off] * strides[i];
  return k;
}

/** Broadcasts `a` to `shape`. */
export function broadcastTo(av: OLike, shape: readonly number[]): OArray {
  const a = asArray(av);
  const s = broadcastShapes(a.shape, shape);
  if (s.length !== shape.length || s.some((d, i) => d !== shape[i])) throw new Error(`oracle: cannot broadcast [${a.shape.join(', ')}] to [${shape.join(', ')}]`);
  const st = stridesOf(a.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = a.data[broadcastIndex(unravel(i, shape), a.shape, st)];
  return { data, shape: [...shape] };
}

/** Elementwise `f(a, b)` with NumPy broadcasting. */
export function binary(av: OLike, bv: OLike, f: (x: number, y: number) => number): OArray {
  const a = asArray(av);
  const b = asArray(bv);
  const shape = broadcastShapes(a.shape, b.shape);
  const sa = stridesOf(a.shape);
  const sb = stridesOf(b.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    data[i] = f(a.data[broadcastIndex(idx, a.shape, sa)], b.data[broadcastIndex(idx, b.shape, sb)]);
  }
  return { data, shape };
}

/** Elementwise `f(x)`. */
export function map(av: OLike, f: (x: number, i: number) => number): OArray {
  const a = asArray(av);
  return { data: a.data.map((x, i) => f(x, i)), shape: [...a.shape] };
}

/** `a + b`, broadcasting. */
export const add = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x + y);
/** `a - b`, broadcasting. */
export const sub = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x - y);
/** `a * b`, broadcasting. */
export const mul = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x * y);
/** `a / b`, broadcasting. */
export const div = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x / y);
/** `max(a, b)`, broadcasting. */
export const maximum = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => Math.max(x, y));
/** `min(a, b)`, broadcasting. */
export const minimum = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => Math.min(x, y));
/** `-a`. */
export const neg = (a: OLike): OArray => map(a, (x) => -x);
/** `a * a`. */
export const square = (a: OLike): OArray => map(a, (x) => x * x);
/** `|a|`. */
export const abs = (a: OLike): OArray => map(a, Math.abs);
/** `exp(a)`. */
export const exp = (a: OLike): OArray => map(a, Math.exp);
/** `log(a)` (log 0 = -inf, log of a negative = NaN). */
export const log = (a: OLike): OArray => map(a, Math.log);
/** `tanh(a)`. */
export const tanh = (a: OLike): OArray => map(a, Math.tanh);
/** Logistic sigmoid, computed without overflow. */
export const sigmoid = (a: OLike): OArray =>
  map(a, (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))));

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

/** New shape, same row-major data; one entry may be -1. */
export function reshape(av: OLike, shape: readonly number[]): OArray {
  const a = asArray(av);
  const s = [...shape];
  const neg1 = s.indexOf(-1);
  if (neg1 >= 0) s[neg1] = a.data.length / s.reduce((p, d, i) => (i === neg1 ? p : p * d), 1);
  if (sizeOf(s) !== a.data.length || !s.every(Number.isInteger)) throw new Error(`oracle: cannot reshape [${a.shape.join(', ')}] to [${shape.join(', ')}]`);
  return { data: [...a.data], shape: s };
}

/** Joins arrays along `axis` (negative counts from the end). */
export function concatenate(list: readonly OLike[], axis = -1): OArray {
  const arrs = list.map(asArray);
  const r = arrs[0].shape.length;
  const ax = axis < 0 ? axis + r : axis;
  const shape = [...arrs[0].shape];
  shape[ax] = arrs.reduce((p, a) => p + a.shape[ax], 0);
  const outer = sizeOf(shape.slice(0, ax));
  const data: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const a of arrs) {
      const chunk = sizeOf(a.shape.slice(ax));
      for (let t = 0; t < chunk; t++) data.push(a.data[o * chunk + t]);
    }
  }
  return { data, shape };
}

/** A contiguous block: `begin[i]`, `size[i]` (-1: to the end) per axis. */
export function slice(av: OLike, begin: readonly number[], size: readonly number[]): OArray {
  const a = asArray(av);
  const shape = size.map((s, i) => (s === -1 ? a.shape[i] - begin[i] : s));
  const sa = stridesOf(a.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    let k = 0;
    for (let d = 0; d < idx.length; d++) k += (idx[d] + begin[d]) * sa[d];
    data[i] = a.data[k];
  }
  return { data, shape };
}

/** Softmax along `axis` (default the last): exp(x - max) / sum(exp(x - max)). */
export function softmax(av: OLike, axis = -1): OArray {
  const a = asArray(av);
  const m = max(a, axis, true);
  const e = exp(sub(a, m));
  return div(e, sum(e, axis, true));
}

/** The identity matrix with `rows` rows and `cols` columns. */
export function eye(rows: number, cols = rows): OArray {
  const data = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < Math.min(rows, cols); i++) data[i * cols + i] = 1;
  return { data, shape: [rows, cols] };
}

/** Tags `a` with `dtype` (re-export convenience). */
export function tag(a: OLike, dtype: OracleDType): OArray {
  const x = asArray(a);
  return { data: x.data, shape: x.shape, dtype };
}

/** The gradient of the scalar function `f` at `x`, by central differences in float64. */
export function numericGradient(f: (x: OArray) => number, xv: OLike, h = 1e-5): OArray {
  const x = asArray(xv);
  const data = x.data.map((_, i) => {
    const plus = [...x.data];
    const minus = [...x.data];
    plus[i] += h;
    minus[i] -= h;
    return (f({ data: plus, shape: x.shape }) - f({ data: minus, shape: x.shape })) / (2 * h);
  });
  return { data, shape: [...x.shape] };
}
