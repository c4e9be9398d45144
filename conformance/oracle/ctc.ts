/**
 * Oracle of the CTC functions, in plain float64 loops written from the documented
 * algorithms (never imports src/):
 * - `ctcBatchCost`: TensorFlow's `ctc_loss` as Keras 2 calls it (softmax of
 *   `log(y_pred + eps)`, last class blank, no collapse of repeated labels), by the
 *   forward algorithm in probability space.
 * - the Theano backend's helpers, transcribed step by step from Keras 2's
 *   theano_backend.py (slices, `active` counters, scan over time).
 */
import { fromData, OArray } from './ndarray';

/** Keras's default fuzz factor. */
export const CTC_EPSILON = 1e-7;

/**
 * `-log p(labels | probs)` by the CTC forward algorithm: `probs[t][c]` (rows summing
 * to 1), `labels` without blanks, `blank` the blank class. +Infinity when no path exists.
 */
export function ctcNegLogLikelihood(probs: readonly (readonly number[])[], labels: readonly number[], blank: number): number {
  const ext: number[] = [blank];
  for (const l of labels) ext.push(l, blank);
  const S = ext.length;
  let alpha = new Array<number>(S).fill(0);
  alpha[0] = probs[0][ext[0]];
  if (S > 1) alpha[1] = probs[0][ext[1]];
  for (let t = 1; t < probs.length; t++) {
    const next = new Array<number>(S).fill(0);
    for (let s = 0; s < S; s++) {
      let a = alpha[s];
      if (s >= 1) a += alpha[s - 1];
      if (s >= 2 && ext[s] !== blank && ext[s] !== ext[s - 2]) a += alpha[s - 2];
      next[s] = a * probs[t][ext[s]];
    }
    alpha = next;
  }
  const p = alpha[S - 1] + (S > 1 ? alpha[S - 2] : 0);
  return p > 0 ? -Math.log(p) : Infinity;
}

/**
 * Keras 2 TensorFlow backend `ctc_batch_cost`: `yTrue` (B, U), `yPred` (B, T, C),
 * lengths (B, 1). Returns (B, 1).
 */
export function ctcBatchCost(yTrue: OArray, yPred: OArray, inputLength: OArray, labelLength: OArray, eps = CTC_EPSILON): OArray {
  const [B, T, C] = yPred.shape;
  const U = yTrue.shape[1];
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    const n = Math.trunc(inputLength.data[b]);
    const m = Math.trunc(labelLength.data[b]);
    const probs: number[][] = [];
    for (let t = 0; t < n; t++) {
      const row: number[] = [];
      for (let c = 0; c < C; c++) row.push(yPred.data[(b * T + t) * C + c] + eps);
      const z = row.reduce((p, q) => p + q, 0);
      probs.push(row.map((v) => v / z));
    }
    const labels: number[] = [];
    for (let u = 0; u < m; u++) labels.push(Math.trunc(yTrue.data[b * U + u]));
    out.push(ctcNegLogLikelihood(probs, labels, C - 1));
  }
  return fromData(out, [B, 1]);
}

/* ------------------------------------------------------------------------ */
/* Theano backend helpers, transcribed                                      */
/* ------------------------------------------------------------------------ */

/** `[-1, y0, -1, y1, ..., -1]`. */
export function interleaveBlanks(y: readonly number[]): number[] {
  const out = new Array<number>(2 * y.length + 1).fill(-1);
  y.forEach((v, i) => (out[2 * i + 1] = v));
  return out;
}

/** `arange((len(Y) - 3) // 2) * 2 + 1` where `Y[s] != Y[s + 2]`. */
export function createSkipIdxs(y: readonly number[]): number[] {
  const out: number[] = [];
  const n = Math.max(0, Math.floor((y.length - 3) / 2));
  for (let k = 0; k < n; k++) {
    const s = 2 * k + 1;
    if (y[s] !== y[s + 2]) out.push(s);
  }
  return out;
}

/** Theano's `ctc_update_log_p`, with its slices written out. */
export function updateLogP(skipIdxs: readonly number[], zeros: readonly number[], active: number, logPCurr: readonly number[], logPPrev: readonly number[]): [number, number[]] {
  const S = logPCurr.length;
  const activeSkip = skipIdxs.filter((s) => s < active);
  const activeNext = Math.min(Math.max(active + 1, Math.max(...activeSkip, -1) + 2 + 1), S);
  const cf = Math.max(...logPPrev.slice(0, active));
  const pPrev = logPPrev.slice(0, active).map((v) => Math.exp(v - cf));
  const p = zeros.slice(0, activeNext);
  for (let s = 0; s < active; s++) p[s] = pPrev[s];
  // inc_subtensor(_p_prev[1:], _p_prev[:-1]): the right side is read before the update.
  const before = [...p];
  for (let s = 1; s < activeNext; s++) p[s] += before[s - 1];
  for (const s of activeSkip) p[s + 2] += pPrev[s];
  const next = [...zeros];
  for (let s = 0; s < activeNext; s++) next[s] = logPCurr[s] + Math.log(p[s]) + cf;
  return [activeNext, next];
}

/** Theano's `ctc_path_probs`: `[logProbs (T, S), mask (T, S) as 0/1]`. */
export function pathProbs(predict: readonly (readonly number[])[], y: readonly number[], alpha = 1e-4): [number[][], number[][]] {
  const T = predict.length;
  const C = predict[0].length;
  const S = y.length;
  const L = predict.map((row) => y.map((k) => Math.log((1 - alpha) * row[k < 0 ? k + C : k] + alpha / S)));
  const Lr = L.map((row) => [...row].reverse()).reverse();
  const zeros = new Array<number>(S).fill(0);
  const fSkip = createSkipIdxs(y);
  const bSkip = createSkipIdxs([...y].reverse());
  const fActive: number[] = [];
  const bActive: number[] = [];
  const logF: number[][] = [];
  const logB: number[][] = [];
  let fa = 1;
  let ba = 1;
  let lf = zeros;
  let lb = zeros;
  for (let t = 0; t < T; t++) {
    [fa, lf] = updateLogP(fSkip, zeros, fa, L[t], lf);
    [ba, lb] = updateLogP(bSkip, zeros, ba, Lr[t], lb);
    fActive.push(fa);
    bActive.push(ba);
    logF.push(lf);
    logB.push(lb);
  }
  const logProbs: number[][] = [];
  const mask: number[][] = [];
  for (let t = 0; t < T; t++) {
    const rt = T - 1 - t;
    logProbs.push(y.map((_, s) => logF[t][s] + logB[rt][S - 1 - s] - L[t][s]));
    mask.push(y.map((_, s) => (s < fActive[t] && S - 1 - s < bActive[rt] ? 1 : 0)));
  }
  return [logProbs, mask];
}

/** Theano's `ctc_cost`: `-log(sum(exp(logProbs)[mask]))` over every (t, s) in the mask. */
export function ctcCostTheano(predict: readonly (readonly number[])[], y: readonly number[]): number {
  const [lp, mask] = pathProbs(predict, interleaveBlanks(y));
  let m = -Infinity;
  lp.forEach((row) => row.forEach((v) => (m = Math.max(m, v))));
  let s = 0;
  lp.forEach((row, t) => row.forEach((v, i) => (s += mask[t][i] ? Math.exp(v - m) : 0)));
  return -(Math.log(s) + m);
}

/** Rows of a rank-2 oracle array. */
export function rows(x: OArray): number[][] {
  const [r, c] = x.shape;
  return Array.from({ length: r }, (_, i) => x.data.slice(i * c, (i + 1) * c));
}

/**
 * Best path decoding of one sample (TensorFlow's ctc_greedy_decoder as Keras 2.3.1
 * calls it): `probs` (T, C) probabilities, blank the last class. At each step the
 * class of largest `log(p + eps)` (the first on ties); repeats merged, blanks dropped.
 * Score: minus the sum of those logs.
 */
export function greedyDecodeOne(probs: readonly (readonly number[])[], eps = CTC_EPSILON): { labels: number[]; score: number } {
  const labels: number[] = [];
  let score = 0;
  let previous = -1;
  for (const row of probs) {
    const logs = row.map((p) => Math.log(p + eps));
    const best = logs.indexOf(Math.max(...logs));
    score -= logs[best];
    if (best !== row.length - 1 && best !== previous) labels.push(best);
    previous = best;
  }
  return { labels, score };
}

/**
 * Every label sequence with its exact log probability, by enumerating all C^T
 * alignments of `probs` (T, C) after the softmax of `log(p + eps)` at each step:
 * an alignment is collapsed (repeats merged, then blanks, the last class, dropped)
 * and its probability added to its sequence's. Sorted by decreasing probability
 * (ties by first appearance). A beam search that prunes nothing finds these.
 */
export function exactSequences(probs: readonly (readonly number[])[], eps = CTC_EPSILON): { labels: number[]; logProb: number }[] {
  const T = probs.length;
  const rowsP = probs.map((row) => {
    const w = row.map((p) => p + eps);
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / s);
  });
  const C = T === 0 ? 0 : rowsP[0].length;
  const total = new Map<string, { labels: number[]; p: number }>();
  const count = T === 0 ? 1 : C ** T;
  for (let k = 0; k < count; k++) {
    const path: number[] = [];
    let rest = k;
    for (let t = 0; t < T; t++) {
      path.push(rest % C);
      rest = Math.floor(rest / C);
    }
    let p = 1;
    path.forEach((c, t) => (p *= rowsP[t][c]));
    const labels = path.filter((c, t) => (t === 0 || c !== path[t - 1]) && c !== C - 1);
    const key = labels.join(',');
    const e = total.get(key);
    if (e) e.p += p;
    else total.set(key, { labels, p });
  }
  return [...total.values()].sort((a, b) => b.p - a.p).map((e) => ({ labels: e.labels, logProb: Math.log(e.p) }));
}

/** Consecutive equal labels merged (TensorFlow's merge_repeated on a decoded sequence). */
export function mergeRepeats(labels: readonly number[]): number[] {
  return labels.filter((l, i) => i === 0 || l !== labels[i - 1]);
}

/** Sequences as a (n, longest) array padded with -1, int32. */
export function padSequences(seqs: readonly (readonly number[])[]): OArray {
  const longest = seqs.reduce((m, s) => Math.max(m, s.length), 0);
  const data: number[] = [];
  for (const s of seqs) for (let i = 0; i < longest; i++) data.push(i < s.length ? s[i] : -1);
  return { data, shape: [seqs.length, longest], dtype: 'int32' };
}
