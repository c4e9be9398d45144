/**
 * CTC decoding as Keras 2.3.1's TensorFlow backend does it (`ctc_decode`): best path
 * (TensorFlow's ctc_greedy_decoder) or prefix beam search (ctc_beam_search_decoder),
 * the blank being the last class.
 *
 * The length of a decoded sequence depends on the values, which static shapes cannot
 * express: the inputs are read on the host when `ctcDecode` is called and the results
 * are constants, computed by the same TypeScript code (in float64) on every backend.
 */
import { isIntDType } from '../../../backends/types';
import { epsilon } from '../../../config';
import { KerasShapeError, KerasValueError } from '../../../errors';
import { checkArity } from '../../../arity';
import { fmt } from '../../infer';
import { constantOf } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkBool, floatTensor, numbersOf, requireTensorLike, show, valuesNow } from '../../validate';
import type { TensorInput } from '../../tensor-input';

/** Options of `ctcDecode` (Keras 2.3.1's keyword arguments after `input_length`). */
export interface CtcDecodeOptions {
  /** Best path decoding (default true); false: beam search. */
  readonly greedy?: boolean;
  /** Beam search: the number of prefixes kept at each step (default 100). */
  readonly beamWidth?: number;
  /** Beam search: how many of the most probable sequences to return (default 1, at most `beamWidth`). */
  readonly topPaths?: number;
  /**
   * Beam search: merge consecutive equal labels of each returned sequence, even when a
   * blank separated them (TensorFlow's merge_repeated; default false, as Keras).
   */
  readonly mergeRepeated?: boolean;
}

const OPTION_KEYS = ['greedy', 'beamWidth', 'topPaths', 'mergeRepeated'];

/** A positive integer option. */
function positiveInt(v: unknown, fn: string, arg: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be a positive integer, got ${show(v)}`);
  }
  return v;
}

/** log(a + b) from log a and log b; -Infinity stands for log 0. */
function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** Best path: the most likely class at each step (the first on ties), repeats merged, blanks dropped. */
function greedyDecode(rows: readonly Float64Array[], blank: number): { path: number[]; score: number } {
  const path: number[] = [];
  let score = 0;
  let previous = -1;
  for (const row of rows) {
    let best = 0;
    for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
    score -= row[best];
    if (best !== blank && best !== previous) path.push(best);
    previous = best;
  }
  return { path, score };
}

/** One prefix of the beam search: log probabilities of ending in a blank, in its last label, and in total. */
interface Prefix {
  readonly parent: Prefix | null;
  readonly label: number;
  readonly children: Map<number, Prefix>;
  oldBlank: number;
  oldLabel: number;
  oldTotal: number;
  blank: number;
  last: number;
  total: number;
}

function prefix(parent: Prefix | null, label: number): Prefix {
  return { parent, label, children: new Map(), oldBlank: -Infinity, oldLabel: -Infinity, oldTotal: -Infinity, blank: -Infinity, last: -Infinity, total: -Infinity };
}

function active(p: Prefix): boolean {
  return p.total !== -Infinity;
}

function reset(p: Prefix): void {
  p.blank = p.last = p.total = -Infinity;
}

/** The labels of a prefix, root first; consecutive equal labels merged when `merge`. */
function labelsOf(p: Prefix, merge: boolean): number[] {
  const out: number[] = [];
  let previous = -1;
  for (let c: Prefix | null = p; c !== null && c.parent !== null; c = c.parent) {
    if (!merge || c.label !== previous) out.push(c.label);
    previous = c.label;
  }
  return out.reverse();
}

/**
 * Prefix beam search over log probabilities (`rows`, one per step), as TensorFlow's
 * CTCBeamSearchDecoder with its default scorer: the `width` most probable prefixes
 * are kept at each step; a prefix's probability sums every alignment of it. Ties are
 * broken by order of insertion (TensorFlow leaves them unspecified).
 */
function beamSearch(rows: readonly Float64Array[], blank: number, width: number): Prefix[] {
  const root = prefix(null, -1);
  root.blank = 0;
  root.total = 0;
  let leaves: Prefix[] = [root];
  const bottom = (): Prefix => leaves.reduce((lo, p) => (p.total < lo.total ? p : lo));
  for (const row of rows) {
    const branches = [...leaves].sort((p, q) => q.total - p.total);
    for (const b of branches) {
      b.oldBlank = b.blank;
      b.oldLabel = b.last;
      b.oldTotal = b.total;
    }
    leaves = [];
    // Existing prefixes: extend their last label or add a blank.
    for (const b of branches) {
      if (b.parent !== null) {
        if (active(b.parent)) {
          const previous = b.label === b.parent.label ? b.parent.oldBlank : b.parent.oldTotal;
          b.last = logSumExp(b.last, previous);
        }
        b.last += row[b.label];
      }
      b.blank = b.oldTotal + row[blank];
      b.total = logSumExp(b.blank, b.last);
      leaves.push(b);
    }
    // New prefixes: one more label, kept while they beat the least probable leaf.
    const candidate = (total: number): boolean => total > -Infinity && (leaves.length < width || total > bottom().total);
    for (const b of branches) {
      if (!candidate(b.oldTotal)) continue;
      for (let label = 0; label < blank; label++) {
        let c = b.children.get(label);
        if (c === undefined) {
          c = prefix(b, label);
          b.children.set(label, c);
        }
        if (active(c)) continue;
        c.blank = -Infinity;
        c.last = row[label] + (label === b.label ? b.oldBlank : b.oldTotal);
        c.total = c.last;
        if (candidate(c.total)) {
          if (leaves.length === width) {
            const lo = bottom();
            reset(lo);
            leaves.splice(leaves.indexOf(lo), 1);
          }
          leaves.push(c);
        } else {
          reset(c);
          c.oldBlank = c.oldLabel = c.oldTotal = -Infinity;
        }
      }
    }
  }
  return [...leaves].sort((p, q) => q.total - p.total);
}

/** The rows of sequences padded with -1 to the longest, as an int32 (batch, longest) constant. */
function paddedPaths(paths: readonly number[][], fn: string): KTensor {
  const longest = paths.reduce((m, p) => Math.max(m, p.length), 0);
  const data: number[] = [];
  for (const p of paths) for (let i = 0; i < longest; i++) data.push(i < p.length ? p[i] : -1);
  return constantOf(data, [paths.length, longest], 'int32', fn);
}

/**
 * Decodes the output of a softmax over classes whose last is the CTC blank. `yPred`
 * (samples, time_steps, num_classes) holds probabilities; `inputLength` (samples) the
 * number of steps to read of each sample (whole numbers in [0, time_steps], any
 * dtype). Returns `[decoded, logProbabilities]`:
 *
 * - greedy (default): best path (TensorFlow's ctc_greedy_decoder): the most likely
 *   class at each step (the first on ties), repeats merged, blanks dropped. `decoded`
 *   is one int32 tensor (samples, longest decoded length) padded with -1;
 *   `logProbabilities` (samples, 1) is minus the sum over the steps of the largest
 *   `log(yPred + epsilon())`, as TensorFlow returns it.
 * - `greedy: false`: prefix beam search (TensorFlow's ctc_beam_search_decoder) over
 *   `log(yPred + epsilon())`, normalised at each step (log-softmax), keeping
 *   `beamWidth` prefixes: `decoded` holds `topPaths` tensors, the most probable first,
 *   each (samples, its longest length) padded with -1; `logProbabilities`
 *   (samples, topPaths) the log probability of each sequence (summed over its
 *   alignments). `mergeRepeated` merges consecutive equal labels of a returned
 *   sequence even across a blank (TensorFlow's meaning). A sample whose beam holds
 *   fewer than `topPaths` sequences (e.g. of length 0) is an error, as in TensorFlow.
 *
 * The values are read when ctcDecode is called (the decoded lengths depend on them):
 * `yPred` and `inputLength` must not depend on a placeholder (compute them first, e.g.
 * with `K.function`, and pass the values); the results are constants, the same on every
 * backend (computed on the host in float64). Probabilities must be finite and >= 0.
 * In greedy mode `beamWidth` and `mergeRepeated` have no effect (as in Keras; the best
 * path always merges repeats) and `topPaths` must be 1.
 *
 * Mirrors `keras.backend.ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1, merge_repeated=False)` (Keras 2.3.1).
 */
export function ctcDecode(yPred: TensorInput, inputLength: TensorInput, options: CtcDecodeOptions = {}, ...extra: []): [KTensor[], KTensor] {
  checkArity('ctcDecode', 3, extra);
  const fn = 'ctcDecode';
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new KerasValueError(`${fn}: argument 'options' must be an object {greedy, beamWidth, topPaths, mergeRepeated}, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new KerasValueError(`${fn}: unknown option '${key}' (expected ${OPTION_KEYS.join(', ')})`);
  }
  const greedy = options.greedy === undefined ? true : checkBool(options.greedy, fn, 'greedy');
  const beamWidth = options.beamWidth === undefined ? 100 : positiveInt(options.beamWidth, fn, 'beamWidth');
  const topPaths = options.topPaths === undefined ? 1 : positiveInt(options.topPaths, fn, 'topPaths');
  const merge = options.mergeRepeated === undefined ? false : checkBool(options.mergeRepeated, fn, 'mergeRepeated');
  if (topPaths > beamWidth) throw new KerasValueError(`${fn}: argument 'topPaths' (${topPaths}) must be <= 'beamWidth' (${beamWidth})`);
  if (greedy && topPaths !== 1) throw new KerasValueError(`${fn}: argument 'topPaths' must be 1 for the greedy decoder (set greedy: false for beam search), got ${topPaths}`);

  const y = floatTensor(yPred, fn, 'yPred');
  if (y.rank !== 3) throw new KerasValueError(`${fn}: argument 'yPred' must have rank 3 (samples, time_steps, num_classes), got shape [${fmt(y.shape)}]`);
  const lengths = requireTensorLike(inputLength, fn, 'inputLength');
  if (lengths.rank !== 1) throw new KerasValueError(`${fn}: argument 'inputLength' must have rank 1 (samples), got shape [${fmt(lengths.shape)}]`);
  const yv = valuesNow(y, fn, 'yPred');
  const lv = valuesNow(lengths, fn, 'inputLength');
  const yData = numbersOf(yv);
  const lData = numbersOf(lv);
  const [samples, steps, classes] = yv.shape;
  if (lv.shape[0] !== samples) {
    throw new KerasShapeError(`${fn}: argument 'inputLength' (shape [${fmt(lv.shape)}]) must have one length per sample of 'yPred' (shape [${fmt(yv.shape)}])`);
  }
  if (classes < 1) throw new KerasValueError(`${fn}: argument 'yPred' must have at least one class (the blank), got shape [${fmt(yv.shape)}]`);
  const eps = epsilon();
  const blank = classes - 1;
  const paths: number[][][] = Array.from({ length: topPaths }, () => []);
  const scores: number[] = [];
  for (let b = 0; b < samples; b++) {
    const len = lData[b];
    if (!Number.isInteger(len) || len < 0 || len > steps) {
      const what = isIntDType(lv.dtype) ? 'an integer' : 'a whole number';
      throw new KerasValueError(`${fn}: argument 'inputLength' must hold ${what} in [0, ${steps}] (the time steps of 'yPred') for each sample, got ${show(len)} for sample ${b}`);
    }
    const rows: Float64Array[] = [];
    for (let t = 0; t < len; t++) {
      const row = new Float64Array(classes);
      for (let c = 0; c < classes; c++) {
        const p = yData[(b * steps + t) * classes + c];
        if (!(p >= 0) || p === Infinity) {
          throw new KerasValueError(`${fn}: argument 'yPred' must hold probabilities (finite, >= 0), got ${show(p)} at [${b}, ${t}, ${c}]`);
        }
        row[c] = Math.log(p + eps);
      }
      rows.push(row);
    }
    if (greedy) {
      const { path, score } = greedyDecode(rows, blank);
      paths[0].push(path);
      scores.push(score);
      continue;
    }
    for (const row of rows) {
      // log-softmax: the beam search reads normalised log probabilities
      let total = -Infinity;
      for (let c = 0; c < classes; c++) total = logSumExp(total, row[c]);
      for (let c = 0; c < classes; c++) row[c] -= total;
    }
    const beams = beamSearch(rows, blank, beamWidth);
    if (beams.length < topPaths) {
      throw new KerasValueError(`${fn}: argument 'topPaths' is ${topPaths}, but the beam search found only ${beams.length} sequence${beams.length === 1 ? '' : 's'} for sample ${b} (as TensorFlow, an error)`);
    }
    for (let i = 0; i < topPaths; i++) {
      paths[i].push(labelsOf(beams[i], merge));
      scores.push(beams[i].total);
    }
  }
  const decoded = paths.map((p) => paddedPaths(p, fn));
  return [decoded, constantOf(scores, [samples, topPaths], y.dtype, fn)];
}
