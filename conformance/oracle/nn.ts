/**
 * Oracle of the `nn` group (activations, softmax, cross-entropies, in_top_k,
 * bias_add, batch normalisation), written from the documented Keras / TensorFlow
 * semantics in float64. Never imports src/.
 */
import { exp } from './math';
import { OArray, OLike, OracleDType, asArray, binary, map, sizeOf, stridesOf, unravel } from './ndarray';
import { add, div, mul, sub } from './operators';
import { max, mean, sum } from './reduce';
import { reshape } from './shape';

/** `tanh(a)`. */
export const tanh = (a: OLike): OArray => map(a, Math.tanh);

/** Logistic sigmoid, computed without overflow. */
export const sigmoid = (a: OLike): OArray =>
  map(a, (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))));

/** Softmax along `axis` (default the last): exp(x - max) / sum(exp(x - max)). */
export function softmax(av: OLike, axis = -1): OArray {
  const a = asArray(av);
  const m = max(a, axis, true);
  const e = exp(sub(a, m));
  return div(e, sum(e, axis, true));
}

/** Keras elu: `x` for x > 0, `alpha * (exp(x) - 1)` otherwise. */
export function elu(x: OLike, alpha = 1): OArray {
  return map(x, (v) => (v > 0 ? v : alpha * Math.expm1(v)));
}

/** softplus `log(1 + exp(x))`, exact in float64 for any x. */
export function softplus(x: OLike): OArray {
  return map(x, (v) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))));
}

/** softsign `x / (1 + |x|)`. */
export function softsign(x: OLike): OArray {
  return map(x, (v) => v / (1 + Math.abs(v)));
}

/** hard sigmoid `clip(0.2 x + 0.5, 0, 1)`. */
export function hardSigmoid(x: OLike): OArray {
  return map(x, (v) => Math.min(Math.max(0.2 * v + 0.5, 0), 1));
}

/** `x / sqrt(max(sum(x^2, axis, keepdims), 1e-12))`. */
export function l2Normalize(xv: OLike, axis: number | readonly number[] | null = null): OArray {
  const x = asArray(xv);
  const ss = sum(mul(x, x), axis, true);
  return div(x, map(ss, (v) => Math.sqrt(Math.max(v, 1e-12))));
}

/**
 * The clipping bounds `[eps, 1 - eps]` as a backend of `dtype` holds them (float32
 * rounds eps, then computes 1 - eps in float32, as TensorFlow does).
 */
export function clipBounds(eps: number, dtype: OracleDType = 'float64'): [number, number] {
  if (dtype === 'float32') {
    const lo = Math.fround(eps);
    return [lo, Math.fround(1 - lo)];
  }
  return [eps, 1 - eps];
}

const clip = (a: OLike, lo: number, hi: number): OArray => map(a, (v) => Math.min(Math.max(v, lo), hi));

/** log(softmax(z)) along the last axis. */
export function logSoftmaxLast(zv: OLike): OArray {
  const z = asArray(zv);
  const c = z.shape[z.shape.length - 1];
  const data = [...z.data];
  for (let r = 0; r < z.data.length / c; r++) {
    const row = z.data.slice(r * c, (r + 1) * c);
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    for (let j = 0; j < c; j++) data[r * c + j] = row[j] - lse;
  }
  return { data, shape: [...z.shape] };
}

/** Keras 2.2 categorical cross-entropy over the last axis. */
export function categoricalCrossentropy(t: OLike, ov: OLike, fromLogits = false, bounds: [number, number] = clipBounds(1e-7)): OArray {
  const o = asArray(ov);
  const ax = o.shape.length - 1;
  if (fromLogits) return map(sum(mul(t, logSoftmaxLast(o)), ax), (v) => -v);
  const p = clip(div(o, sum(o, ax, true)), bounds[0], bounds[1]);
  return map(sum(mul(t, map(p, Math.log)), ax), (v) => -v);
}

/** Keras 2.2 sparse categorical cross-entropy: `target` holds one class index per row (flattened). */
export function sparseCategoricalCrossentropy(tv: OLike, ov: OLike, fromLogits = false, bounds: [number, number] = clipBounds(1e-7)): OArray {
  const o = asArray(ov);
  const t = asArray(tv);
  const c = o.shape[o.shape.length - 1];
  const z = fromLogits ? o : map(clip(o, bounds[0], bounds[1]), Math.log);
  const ls = logSoftmaxLast(z);
  const rows = o.data.length / c;
  if (t.data.length !== rows) throw new Error('oracle: one target per row expected');
  const data = Array.from({ length: rows }, (_, r) => {
    const k = Math.trunc(t.data[r]);
    return k >= 0 && k < c ? -ls.data[r * c + k] : NaN;
  });
  const shape = o.shape.length === 1 ? [1] : o.shape.slice(0, -1);
  return { data, shape };
}

/** `sigmoid_cross_entropy_with_logits`: `max(z, 0) - z t + log(1 + exp(-|z|))`. */
export function sigmoidCrossEntropy(t: OLike, z: OLike): OArray {
  return binary(z, t, (zv, tv) => Math.max(zv, 0) - zv * tv + Math.log1p(Math.exp(-Math.abs(zv))));
}

/** Keras binary cross-entropy (probabilities clipped and turned into logits first). */
export function binaryCrossentropy(t: OLike, o: OLike, fromLogits = false, bounds: [number, number] = clipBounds(1e-7)): OArray {
  const z = fromLogits ? asArray(o) : map(clip(o, bounds[0], bounds[1]), (p) => Math.log(p / (1 - p)));
  return sigmoidCrossEntropy(t, z);
}

/**
 * TensorFlow's `in_top_k`: row i is true when fewer than k classes score strictly
 * more than class targets[i]; false for a target out of range or a non-finite row.
 */
export function inTopK(pv: OLike, tv: OLike, k: number): OArray {
  const p = asArray(pv);
  const t = asArray(tv);
  const [b, c] = p.shape;
  const data = Array.from({ length: b }, (_, i) => {
    const row = p.data.slice(i * c, (i + 1) * c);
    const target = t.data[i];
    if (!(target >= 0 && target < c) || row.some((v) => !Number.isFinite(v))) return 0;
    const higher = row.filter((v) => v > row[target]).length;
    return higher < k ? 1 : 0;
  });
  return { data, shape: [b], dtype: 'bool' };
}

/**
 * Keras 2.2 bias_add: the bias (a vector, or rank(x) - 1 laid out channels-last) is
 * reshaped to put the channels where `dataFormat` says and added with broadcasting.
 */
export function biasAdd(xv: OLike, bv: OLike, dataFormat: 'channels_first' | 'channels_last'): OArray {
  const x = asArray(xv);
  const b = asArray(bv);
  const r = x.shape.length;
  if (r < 3 || r > 5) return add(x, b);
  const last: number[] = b.shape.length === 1 ? [...new Array<number>(r - 1).fill(1), b.shape[0]] : [1, ...b.shape];
  const target = dataFormat === 'channels_first' ? [1, last[r - 1], ...last.slice(1, r - 1)] : last;
  return add(x, reshape(b, target));
}

/** `(x - mean) / sqrt(var + eps) * gamma + beta` with broadcasting (gamma, beta optional). */
export function batchNormalization(x: OLike, m: OLike, v: OLike, beta: OLike | null, gamma: OLike | null, eps: number): OArray {
  let y = div(sub(x, m), map(v, (s) => Math.sqrt(s + eps)));
  if (gamma !== null) y = mul(y, gamma);
  if (beta !== null) y = add(y, beta);
  return y;
}

/** Mean and biased variance over `axes` (keepdims false), as `tf.nn.moments`. */
export function moments(xv: OLike, axes: readonly number[]): [OArray, OArray] {
  const x = asArray(xv);
  const mk = mean(x, axes, true);
  const d = sub(x, mk);
  return [mean(x, axes, false), mean(mul(d, d), axes, false)];
}

/**
 * Keras normalize_batch_in_training: returns [normed, mean, variance]; gamma/beta
 * broadcast as given for axes `0..rank-2`, else are reshaped to x's shape with 1 on
 * the reduced axes.
 */
export function normalizeBatchInTraining(xv: OLike, gamma: OLike | null, beta: OLike | null, axes: readonly number[], eps: number): OArray[] {
  const x = asArray(xv);
  const r = x.shape.length;
  const ax = axes.map((a) => (a < 0 ? a + r : a)).sort((p, q) => p - q);
  const [m, v] = moments(x, ax);
  const regular = ax.length === r - 1 && ax.every((a, i) => a === i);
  if (regular) return [batchNormalization(x, m, v, beta, gamma, eps), m, v];
  const target = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  const re = (p: OLike | null): OArray | null => (p === null ? null : reshape(p, target));
  return [batchNormalization(x, reshape(m, target), reshape(v, target), re(beta), re(gamma), eps), m, v];
}

/** Elements of `a` at multi-index positions (used to build small inputs). */
export function at(a: OArray, idx: readonly number[]): number {
  const st = stridesOf(a.shape);
  return a.data[idx.reduce((k, v, i) => k + v * st[i], 0)];
}

/** An array of `shape` whose element at each index is `f(index)`. */
export function fromFunction(shape: readonly number[], f: (idx: number[]) => number): OArray {
  const n = sizeOf(shape);
  return { data: Array.from({ length: n }, (_, i) => f(unravel(i, shape))), shape: [...shape] };
}
