/**
 * Cases of the CTC functions: ctc_batch_cost (Keras 2 TensorFlow backend) and the
 * Theano backend's helpers ctc_interleave_blanks, ctc_create_skip_idxs,
 * ctc_update_log_p, ctc_path_probs, ctc_cost. Expected values come from the
 * float64 oracle in ../oracle/ctc.ts and from hand-enumerated paths.
 */
import { defineSpec, FunctionSpec, Tolerance } from '../case';
import { fromData, roundedUniform, toNested } from '../oracle';
import { createSkipIdxs, CTC_EPSILON, ctcBatchCost, ctcCostTheano, exactSequences, greedyDecodeOne, interleaveBlanks, mergeRepeats, padSequences, pathProbs, rows, updateLogP } from '../oracle/ctc';
import { withDtype } from '../oracle/ndarray';
import type { OArray } from '../oracle/ndarray';
import { bad, df, fl, i32 } from './helpers';

/** Log-space recursions in float32 lose a few ulps per step. */
const TOL: Partial<Record<'float32' | 'float64', Tolerance>> = { float32: { rtol: 1e-4, atol: 1e-5 }, float64: { rtol: 1e-9, atol: 1e-11 } };

const P254 = toNested(roundedUniform([2, 5, 4], 'ctc:P254', 0.05, 1));
const P134 = toNested(roundedUniform([1, 3, 4], 'ctc:P134', 0.05, 1));
const P2806 = toNested(roundedUniform([2, 80, 6], 'ctc:P2806', 0.05, 1));
const P23 = toNested(roundedUniform([2, 3, 5], 'ctc:P235', 0.05, 1));
const Q54 = toNested(roundedUniform([5, 4], 'ctc:Q54', 0.05, 1));
const Q43 = toNested(roundedUniform([4, 3], 'ctc:Q43', 0.05, 1));

/**
 * The tiny case by hand: T = 2, classes {a, blank}, label "a": the valid paths are
 * aa, a-, -a. `p` holds y_pred[0] = [[a0, b0], [a1, b1]] (renormalised after adding
 * epsilon, as TensorFlow's softmax of log(y + eps) does).
 */
function handTiny(p: readonly number[]): number {
  const q = (v: number, w: number): number => (v + CTC_EPSILON) / (v + w + 2 * CTC_EPSILON);
  const [A0, B0, A1, B1] = p;
  const a0 = q(A0, B0);
  const b0 = q(B0, A0);
  const a1 = q(A1, B1);
  const b1 = q(B1, A1);
  return -Math.log(a0 * a1 + a0 * b1 + b0 * a1);
}

/** Keras 2.3.1's test_ctc_decode_greedy: two samples, T = 6, 4 classes (blank last), lengths 4 and 5. */
const KERAS_GREEDY = [
  [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.4, 0.6], [0.0, 0.0, 0.4, 0.6], [0.0, 0.9, 0.1, 0.0], [0, 0, 0, 0], [0, 0, 0, 0]],
  [[0.1, 0.9, 0.0, 0.0], [0.0, 0.9, 0.1, 0.0], [0.0, 0.0, 0.1, 0.9], [0.0, 0.9, 0.1, 0.1], [0.9, 0.1, 0.0, 0.0], [0, 0, 0, 0]],
];

/** Keras 2.3.1's test_ctc_decode_beam_search: exp(matrix + 2) for 5 steps, then 2 steps of exp(0). */
const KERAS_BEAM_MATRIX = [
  [0.30999, 0.309938, 0.0679938, 0.0673362, 0.0708352, 0.173908],
  [0.215136, 0.439699, 0.0370931, 0.0393967, 0.0381581, 0.230517],
  [0.199959, 0.489485, 0.0233221, 0.0251417, 0.0233289, 0.238763],
  [0.279611, 0.452966, 0.0204795, 0.0209126, 0.0194803, 0.20655],
  [0.51286, 0.288951, 0.0243026, 0.0220788, 0.0219297, 0.129878],
];
const KERAS_BEAM = [[...KERAS_BEAM_MATRIX.map((r) => r.map((v) => Math.exp(v + 2))), ...[0, 1].map(() => new Array<number>(6).fill(1))]];

/** Keras 2.3.1's test_ctc_decode_beam_search_no_merge: classes A, B, blank; "AABB" unmerged, "AB" merged. */
const KERAS_NO_MERGE = [[[0, 0, 1], [1, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]];

/** The samples of `y` (batch, T, C) cut to their lengths, as nested rows. */
function samples(y: OArray, lengths: readonly number[]): number[][][] {
  const [, T, C] = y.shape;
  return lengths.map((len, b) => Array.from({ length: len }, (_, t) => Array.from({ length: C }, (_, c) => y.data[(b * T + t) * C + c])));
}

/** Greedy oracle: [decoded (int32, padded with -1), scores (batch, 1)]. */
function greedyExpected(y: OArray, lengths: readonly number[]): [OArray, number[][]] {
  const out = samples(y, lengths).map((s) => greedyDecodeOne(s));
  return [padSequences(out.map((o) => o.labels)), out.map((o) => [o.score])];
}

/** Beam search with no pruning: the `top` most probable sequences of each sample, exactly. */
function exactExpected(y: OArray, lengths: readonly number[], top: number, merge: boolean): OArray[] | [...OArray[], number[][]] {
  const best = samples(y, lengths).map((s) => exactSequences(s).slice(0, top));
  const decoded = Array.from({ length: top }, (_, j) => padSequences(best.map((b) => (merge ? mergeRepeats(b[j].labels) : b[j].labels))));
  return [...decoded, best.map((b) => b.map((e) => e.logProb))];
}

const P243 = toNested(roundedUniform([2, 4, 3], 'ctc:P243', 0.05, 1));
const P354 = toNested(roundedUniform([3, 5, 4], 'ctc:P354', 0.05, 1));

export const CTC_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'ctc_decode',
    cases: [
      {
        // sample 0: classes 0, blank, blank, 1 -> [0, 1]; sample 1: 1, 1, blank, 1, 0 -> [1, 1, 0]
        name: "Keras 2.3.1's greedy test: decoded by hand, scores from the oracle",
        modes: ['eager'],
        inputs: [df(KERAS_GREEDY), i32([4, 5])],
        run: (K, y, len) => {
          const [decoded, logProb] = K.ctcDecode(y, len);
          return [decoded.length, decoded[0], logProb];
        },
        expected: (y) => [1, withDtype(fromData([0, 1, -1, 1, 1, 0], [2, 3]), 'int32'), greedyExpected(y, [4, 5])[1]],
      },
      {
        name: 'greedy, float lengths (as the Keras OCR example passes them), one of 0',
        modes: ['eager'],
        inputs: [df(P354), df([5, 0, 3])],
        run: (K, y, len) => {
          const [[decoded], logProb] = K.ctcDecode(y, len, { greedy: true });
          return [decoded, logProb];
        },
        expected: (y) => greedyExpected(y, [5, 0, 3]),
      },
      {
        name: "Keras 2.3.1's beam search test: width 2, top 2 (TensorFlow's values)",
        modes: ['eager'],
        inputs: [df(KERAS_BEAM), i32([5])],
        run: (K, y, len) => {
          const [decoded, logProb] = K.ctcDecode(y, len, { greedy: false, beamWidth: 2, topPaths: 2 });
          return [...decoded, logProb];
        },
        expected: () => [withDtype(fromData([1, 0], [1, 2]), 'int32'), withDtype(fromData([1], [1, 1]), 'int32'), [[-5.811451, -6.63339]]],
        tol: { float32: { rtol: 1e-5, atol: 1e-6 }, float64: { rtol: 1e-6, atol: 1e-6 } },
      },
      {
        name: "Keras 2.3.1's merge_repeated test: width 1, 'AABB' unmerged, 'AB' merged",
        modes: ['eager'],
        inputs: [df(KERAS_NO_MERGE), i32([7])],
        run: (K, y, len) => [K.ctcDecode(y, len, { greedy: false, beamWidth: 1, topPaths: 1, mergeRepeated: true })[0][0], K.ctcDecode(y, len, { greedy: false, beamWidth: 1, mergeRepeated: false })[0][0]],
        expected: () => [withDtype(fromData([0, 1], [1, 2]), 'int32'), withDtype(fromData([0, 0, 1, 1], [1, 4]), 'int32')],
      },
      {
        name: 'beam search without pruning: the exact 3 most probable sequences (every alignment enumerated)',
        modes: ['eager'],
        inputs: [df(P243), i32([4, 3])],
        run: (K, y, len) => {
          const [decoded, logProb] = K.ctcDecode(y, len, { greedy: false, beamWidth: 100, topPaths: 3 });
          return [...decoded, logProb];
        },
        expected: (y) => exactExpected(y, [4, 3], 3, false),
        tol: TOL,
      },
      {
        name: 'beam search without pruning, mergeRepeated: the exact best 2, merged',
        modes: ['eager'],
        inputs: [df(P354), i32([5, 4, 2])],
        run: (K, y, len) => {
          const [decoded, logProb] = K.ctcDecode(y, len, { greedy: false, beamWidth: 50, topPaths: 2, mergeRepeated: true });
          return [...decoded, logProb];
        },
        expected: (y) => exactExpected(y, [5, 4, 2], 2, true),
        tol: TOL,
      },
      {
        name: 'beam search of a sample of length 0: the empty sequence, log probability 0',
        modes: ['eager'],
        inputs: [df(P243), i32([0, 2])],
        run: (K, y, len) => {
          const [[decoded], logProb] = K.ctcDecode(y, len, { greedy: false });
          return [decoded, logProb];
        },
        expected: (y) => exactExpected(y, [0, 2], 1, false),
        tol: TOL,
      },
      {
        name: 'dtypes and static shapes: int32 decoded, floatx log probabilities',
        modes: ['eager'],
        run(K) {
          const [[d], p] = K.ctcDecode(K.constant([[[0.1, 0.9], [0.8, 0.2]]]), [2]);
          const [ds, q] = K.ctcDecode(K.constant([[[0.1, 0.9], [0.8, 0.2]]]), [2], { greedy: false, topPaths: 2, beamWidth: 3 });
          return [K.dtype(d), K.intShape(d), K.dtype(p), K.intShape(p), ds.length, K.intShape(q)];
        },
        expected: () => ['int32', [1, 1], 'float32', [1, 1], 2, [1, 2]],
      },
    ],
    errorCases: [
      { name: 'a placeholder yPred', run: (K) => K.ctcDecode(K.placeholder({ shape: [1, 2, 3] }), [2]), error: 'KerasValueError', message: "ctcDecode: argument 'yPred' must have a value now, but it depends on a placeholder (the size of the result depends on its values, which static shapes cannot express: compute it first, e.g. with K.function, and pass the values)" },
      { name: 'yPred of rank 2', run: (K) => K.ctcDecode(K.ones([2, 3]), [2]), error: 'KerasValueError', message: "ctcDecode: argument 'yPred' must have rank 3 (samples, time_steps, num_classes), got shape [2, 3]" },
      { name: 'an int yPred', run: (K) => K.ctcDecode(K.ones([1, 2, 3], 'int32'), [2]), error: 'KerasTypeError', message: "ctcDecode: argument 'yPred' must be a float tensor, got dtype int32" },
      { name: 'a length above the time steps', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [3]), error: 'KerasValueError', message: "ctcDecode: argument 'inputLength' must hold a whole number in [0, 2] (the time steps of 'yPred') for each sample, got 3 for sample 0" },
      { name: 'a fractional length', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [1.5]), error: 'KerasValueError', message: "ctcDecode: argument 'inputLength' must hold a whole number in [0, 2] (the time steps of 'yPred') for each sample, got 1.5 for sample 0" },
      { name: 'one length for two samples', run: (K) => K.ctcDecode(K.ones([2, 2, 3]), [2]), error: 'KerasShapeError', message: "ctcDecode: argument 'inputLength' (shape [1]) must have one length per sample of 'yPred' (shape [2, 2, 3])" },
      { name: 'a negative probability', run: (K) => K.ctcDecode(K.constant([[[0.5, -0.5]]]), [1]), error: 'KerasValueError', message: "ctcDecode: argument 'yPred' must hold probabilities (finite, >= 0), got -0.5 at [0, 0, 1]" },
      { name: 'topPaths above beamWidth', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [2], { greedy: false, beamWidth: 2, topPaths: 3 }), error: 'KerasValueError', message: "ctcDecode: argument 'topPaths' (3) must be <= 'beamWidth' (2)" },
      { name: 'topPaths 2 with the greedy decoder', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [2], { topPaths: 2 }), error: 'KerasValueError', message: "ctcDecode: argument 'topPaths' must be 1 for the greedy decoder (set greedy: false for beam search), got 2" },
      { name: 'beamWidth 0', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [2], { greedy: false, beamWidth: 0 }), error: 'KerasValueError', message: "ctcDecode: argument 'beamWidth' must be a positive integer, got 0" },
      { name: 'more paths than the beam found', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [0], { greedy: false, topPaths: 2 }), error: 'KerasValueError', message: "ctcDecode: argument 'topPaths' is 2, but the beam search found only 1 sequence for sample 0 (as TensorFlow, an error)" },
      { name: 'an unknown option', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [2], bad({ beam_width: 3 })), error: 'KerasValueError', message: "ctcDecode: unknown option 'beam_width' (expected greedy, beamWidth, topPaths, mergeRepeated)" },
      { name: 'greedy not a boolean', run: (K) => K.ctcDecode(K.ones([1, 2, 3]), [2], { greedy: bad(0) }), error: 'KerasValueError', message: "ctcDecode: argument 'greedy' must be a boolean, got 0" },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_label_dense_to_sparse',
    cases: [
      {
        // row 0 keeps its first 2 labels, row 1 all 3
        name: 'by hand: lengths 2 and 3; isSparse and toDense',
        modes: ['eager'],
        inputs: [i32([[1, 2, 3], [4, 5, 6]]), i32([2, 3])],
        run: (K, labels, lengths) => {
          const sp = K.ctcLabelDenseToSparse(labels, lengths);
          return [sp.indices, sp.values, sp.denseShape, K.isSparse(sp), K.toDense(sp)];
        },
        expected: () => [
          withDtype(fromData([0, 0, 0, 1, 1, 0, 1, 1, 1, 2], [5, 2]), 'int32'),
          withDtype(fromData([1, 2, 4, 5, 6], [5]), 'int32'),
          withDtype(fromData([2, 3], [2]), 'int32'),
          true,
          withDtype(fromData([1, 2, 0, 4, 5, 6], [2, 3]), 'int32'),
        ],
      },
      {
        // length 0 keeps nothing, a length above the width keeps the whole row (Keras's range(width) < length mask)
        name: 'by hand: lengths 0, 5 and 1 over width 2, float labels',
        modes: ['eager'],
        inputs: [df([[7, 8], [9, 10], [11, 12]]), i32([0, 5, 1])],
        run: (K, labels, lengths) => {
          const sp = K.ctcLabelDenseToSparse(labels, lengths);
          return [sp.indices, sp.values, sp.denseShape];
        },
        expected: () => [withDtype(fromData([1, 0, 1, 1, 2, 0], [3, 2]), 'int32'), fromData([9, 10, 11], [3]), withDtype(fromData([3, 2], [2]), 'int32')],
      },
    ],
    errorCases: [
      { name: 'labels of rank 1', run: (K) => K.ctcLabelDenseToSparse(K.constant([1, 2]), [1]), error: 'KerasValueError', message: "ctcLabelDenseToSparse: argument 'labels' must have rank 2 (batch, max_labels), got shape [2]" },
      { name: 'lengths of rank 2', run: (K) => K.ctcLabelDenseToSparse(K.constant([[1, 2]]), [[1]]), error: 'KerasValueError', message: "ctcLabelDenseToSparse: argument 'labelLengths' must have rank 1 (batch), got shape [1, 1]" },
      { name: 'one length for two rows', run: (K) => K.ctcLabelDenseToSparse(K.constant([[1, 2], [3, 4]]), [1]), error: 'KerasShapeError', message: "ctcLabelDenseToSparse: argument 'labelLengths' (shape [1]) must have one length per row of 'labels' (shape [2, 2])" },
      { name: 'a fractional length', run: (K) => K.ctcLabelDenseToSparse(K.constant([[1, 2]]), [0.5]), error: 'KerasValueError', message: "ctcLabelDenseToSparse: argument 'labelLengths' must hold whole numbers, got 0.5 for row 0" },
      { name: 'placeholder labels', run: (K) => K.ctcLabelDenseToSparse(K.placeholder({ shape: [1, 2] }), [1]), error: 'KerasValueError', message: "ctcLabelDenseToSparse: argument 'labels' must have a value now, but it depends on a placeholder (the size of the result depends on its values, which static shapes cannot express: compute it first, e.g. with K.function, and pass the values)" },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_batch_cost',
    cases: [
      {
        name: 'by hand: T=2, one label (paths aa, a-, -a)',
        inputs: [i32([[0]]), df([[[0.6, 0.4], [0.3, 0.7]]]), i32([[2]]), i32([[1]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (_yt, yp) => [[handTiny(yp.data)]],
        tol: TOL,
        grad: true,
      },
      {
        name: 'batch of 2, different input and label lengths, repeated labels',
        inputs: [i32([[0, 1, 2], [2, 2, -1]]), df(P254), i32([[5], [4]]), i32([[3], [2]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (yt, yp, il, ll) => ctcBatchCost(yt, yp, il, ll),
        tol: TOL,
        grad: true,
      },
      {
        name: 'label length 1',
        inputs: [i32([[1]]), df(P134), i32([[3]]), i32([[1]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (yt, yp, il, ll) => ctcBatchCost(yt, yp, il, ll),
        tol: TOL,
        grad: true,
      },
      {
        name: 'unknown time length (graph mode), input lengths fed at run time (gradient)',
        inputs: [i32([[0, 1, 2], [2, 2, -1]]), df(P254, { placeholderShape: [null, null, 4] }), i32([[5], [3]]), i32([[3], [1]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (yt, yp, il, ll) => ctcBatchCost(yt, yp, il, ll),
        tol: TOL,
        grad: true,
      },
      {
        name: 'float labels and lengths (as Keras models feed them), padded labels',
        inputs: [fl([[3, 0, 3], [1, 0, 0]]), df(P23), fl([[3], [2]]), fl([[3], [1]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (yt, yp, il, ll) => ctcBatchCost(yt, yp, il, ll),
        tol: TOL,
      },
      {
        name: '80 steps (probabilities far below float32 range: log space needed)',
        inputs: [i32([[0, 1, 2, 3, 4, 0, 1, 2], [4, 4, 4, 3, 3, 0, 0, 0]]), df(P2806), i32([[80], [57]]), i32([[8], [5]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: (yt, yp, il, ll) => ctcBatchCost(yt, yp, il, ll),
        tol: TOL,
      },
      {
        name: 'repeated labels need a blank between them: "aa" in 2 steps is impossible (+Infinity)',
        inputs: [i32([[0, 0]]), fl([[[0.6, 0.4], [0.3, 0.7]]]), i32([[2]]), i32([[2]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: () => [[Infinity]],
      },
      {
        name: '"aa" in 3 steps: only the path a-a',
        inputs: [i32([[0, 0]]), fl([[[0.6, 0.4], [0.3, 0.7], [0.8, 0.2]]]), i32([[3]]), i32([[2]])],
        run: (K, yt, yp, il, ll) => K.ctcBatchCost(yt, yp, il, ll),
        expected: () => {
          const q = (v: number): number => (v + CTC_EPSILON) / (1 + 2 * CTC_EPSILON);
          return [[-Math.log(q(0.6) * q(0.7) * q(0.8))]];
        },
        tol: TOL,
      },
    ],
    errorCases: [
      {
        name: 'mismatched batch sizes',
        run: (K) => K.ctcBatchCost(K.constant([[0], [1], [0]], { dtype: 'int32' }), K.ones([2, 3, 4]), K.constant([[3], [3]], { dtype: 'int32' }), K.constant([[1], [1]], { dtype: 'int32' })),
        error: 'KerasShapeError',
        message: "ctcBatchCost: argument 'yTrue' has 3 samples, but 'yPred' has 2",
      },
      {
        name: 'mismatched batch size of a length',
        run: (K) => K.ctcBatchCost(K.constant([[0], [1]], { dtype: 'int32' }), K.ones([2, 3, 4]), K.constant([[3], [3], [3]], { dtype: 'int32' }), K.constant([[1], [1]], { dtype: 'int32' })),
        error: 'KerasShapeError',
        message: "ctcBatchCost: argument 'inputLength' has 3 samples, but 'yPred' has 2",
      },
      {
        name: 'yPred of rank 2',
        run: (K) => K.ctcBatchCost(K.constant([[0]], { dtype: 'int32' }), K.ones([3, 4]), K.constant([[3]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })),
        error: 'KerasValueError',
        message: "ctcBatchCost: argument 'yPred' must have rank 3 (samples, time, classes), got shape [3, 4]",
      },
      {
        name: 'yTrue of rank 1',
        run: (K) => K.ctcBatchCost(K.constant([0, 1], { dtype: 'int32' }), K.ones([2, 3, 4]), K.constant([[3], [3]], { dtype: 'int32' }), K.constant([[1], [1]], { dtype: 'int32' })),
        error: 'KerasValueError',
        message: "ctcBatchCost: argument 'yTrue' must have rank 2 (samples, max_label_len), got shape [2]",
      },
      {
        name: 'labelLength of shape (samples, 2)',
        run: (K) => K.ctcBatchCost(K.constant([[0]], { dtype: 'int32' }), K.ones([1, 3, 4]), K.constant([[3]], { dtype: 'int32' }), K.constant([[1, 1]], { dtype: 'int32' })),
        error: 'KerasValueError',
        message: "ctcBatchCost: argument 'labelLength' must have shape (samples, 1), got shape [1, 2]",
      },
      {
        name: 'unknown classes dim',
        run: (K) =>
          K.ctcBatchCost(K.placeholder({ shape: [null, 2], dtype: 'int32' }), K.placeholder({ shape: [null, null, null] }), K.placeholder({ shape: [null, 1], dtype: 'int32' }), K.placeholder({ shape: [null, 1], dtype: 'int32' })),
        error: 'KerasValueError',
        message: "ctcBatchCost: the classes dimension (axis 2) of argument 'yPred' must be known when the op is built, got shape [None, None, None]",
      },
      {
        name: 'bool labels',
        run: (K) => K.ctcBatchCost(K.constant([[true]], { dtype: 'bool' }), K.ones([1, 3, 4]), K.constant([[3]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })),
        error: 'KerasTypeError',
        message: "ctcBatchCost: argument 'yTrue' must be an integer or float tensor, got dtype bool",
      },
      {
        name: 'int yPred',
        run: (K) => K.ctcBatchCost(K.constant([[0]], { dtype: 'int32' }), K.constant([[[1, 2]]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })),
        error: 'KerasTypeError',
        message: "ctcBatchCost: argument 'yPred' must be a float tensor, got dtype int32",
      },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_interleave_blanks',
    cases: [
      {
        name: 'int32 labels',
        inputs: [i32([3, 1, 1], { placeholderShape: [3] })],
        run: (K, y) => K.ctcInterleaveBlanks(y),
        expected: (y) => fromData(interleaveBlanks(y.data), [7], 'int32'),
      },
      {
        name: 'float labels',
        inputs: [fl([2, 0], { placeholderShape: [2] })],
        run: (K, y) => K.ctcInterleaveBlanks(y),
        expected: (y) => fromData(interleaveBlanks(y.data), [5]),
      },
    ],
    errorCases: [
      { name: 'a matrix', run: (K) => K.ctcInterleaveBlanks(K.constant([[1, 2]], { dtype: 'int32' })), error: 'KerasValueError', message: "ctcInterleaveBlanks: argument 'Y' must be a vector (rank 1), got shape [1, 2]" },
      { name: 'unknown length', run: (K) => K.ctcInterleaveBlanks(K.placeholder({ shape: [null], dtype: 'int32' })), error: 'KerasValueError', message: "ctcInterleaveBlanks: the length (axis 0) of argument 'Y' must be known when the op is built, got shape [None]" },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_create_skip_idxs',
    cases: [
      {
        name: 'a repeated label is not skipped into',
        modes: ['eager'],
        inputs: [i32([-1, 1, -1, 1, -1, 2, -1, 0, -1])],
        run: (K, y) => K.ctcCreateSkipIdxs(y),
        expected: (y) => fromData(createSkipIdxs(y.data), [2], 'int32'),
      },
      {
        name: 'one label: no skips',
        modes: ['eager'],
        inputs: [i32([-1, 4, -1])],
        run: (K, y) => K.ctcCreateSkipIdxs(y),
        expected: () => fromData([], [0], 'int32'),
      },
    ],
    errorCases: [
      { name: 'a placeholder', run: (K) => K.ctcCreateSkipIdxs(K.placeholder({ shape: [5], dtype: 'int32' })), error: 'KerasValueError', message: "ctcCreateSkipIdxs: argument 'Y' must be a constant: the length of the result depends on its values" },
      { name: 'a matrix', run: (K) => K.ctcCreateSkipIdxs(K.constant([[1, 2]], { dtype: 'int32' })), error: 'KerasValueError', message: "ctcCreateSkipIdxs: argument 'Y' must be a vector (rank 1), got shape [1, 2]" },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_update_log_p',
    cases: [
      {
        name: 'active 3 of 7, one active skip',
        inputs: [i32([1, 3], { kind: 'constant' }), fl([0, 0, 0, 0, 0, 0, 0], { placeholderShape: [7] }), fl([-0.5, -1.2, -0.3, -2, -0.7, -1.1, -0.4], { placeholderShape: [7] }), fl([-0.2, -1.5, -0.9, 0, 0, 0, 0], { placeholderShape: [7] })],
        run: (K, skip, zeros, cur, prev) => {
          const [a, p] = K.ctcUpdateLogP(skip, zeros, 3, cur, prev);
          return [a, p];
        },
        expected: (skip, zeros, cur, prev) => {
          const [a, p] = updateLogP(skip.data, zeros.data, 3, cur.data, prev.data);
          return [fromData([a], [], 'int32'), fromData(p, [7])];
        },
        tol: TOL,
      },
      {
        name: 'first step (active 1)',
        inputs: [i32([1], { kind: 'constant' }), fl([0, 0, 0, 0, 0], { placeholderShape: [5] }), fl([-0.5, -1.2, -0.3, -2, -0.7], { placeholderShape: [5] }), fl([0, 0, 0, 0, 0], { placeholderShape: [5] })],
        run: (K, skip, zeros, cur, prev) => K.ctcUpdateLogP(skip, zeros, 1, cur, prev),
        expected: (skip, zeros, cur, prev) => {
          const [a, p] = updateLogP(skip.data, zeros.data, 1, cur.data, prev.data);
          return [fromData([a], [], 'int32'), fromData(p, [5])];
        },
        tol: TOL,
      },
      {
        // By hand (Theano's steps): active_skip = [1], active_next = min(max(2 + 1, 1 + 3), 5) = 4;
        // common factor ln 2, p_prev = [1/2, 1]; copied [1/2, 1, 0, 0], shifted sums
        // [1/2, 3/2, 1, 0], skip adds p_prev[1] at 3: [1/2, 3/2, 1, 1]; log + ln 2 = [0, ln 3, ln 2, ln 2].
        name: 'by hand: active 2 of 5, skip 1',
        inputs: [i32([1], { kind: 'constant' }), fl([0, 0, 0, 0, 0], { placeholderShape: [5] }), fl([0.1, 0.2, 0.3, 0.4, 0.5], { placeholderShape: [5] }), fl([0, Math.log(2), 0, 0, 0], { placeholderShape: [5] })],
        run: (K, skip, zeros, cur, prev) => K.ctcUpdateLogP(skip, zeros, 2, cur, prev),
        expected: () => [fromData([4], [], 'int32'), fromData([0.1, 0.2 + Math.log(3), 0.3 + Math.log(2), 0.4 + Math.log(2), 0], [5])],
        tol: TOL,
      },
      {
        // By hand: the skip index 1 is not active yet; active_next = 2; p_prev = [1], [1, 1] after the shift; + ln 4.
        name: 'by hand: active 1, the skip not yet active',
        inputs: [i32([1], { kind: 'constant' }), fl([0, 0, 0, 0, 0], { placeholderShape: [5] }), fl([0.1, 0.2, 0.3, 0.4, 0.5], { placeholderShape: [5] }), fl([Math.log(4), 7, 7, 7, 7], { placeholderShape: [5] })],
        run: (K, skip, zeros, cur, prev) => K.ctcUpdateLogP(skip, zeros, 1, cur, prev),
        expected: () => [fromData([2], [], 'int32'), fromData([0.1 + Math.log(4), 0.2 + Math.log(4), 0, 0, 0], [5])],
        tol: TOL,
      },
      {
        name: 'gradient of log_p_next with respect to log_p_curr and log_p_prev',
        inputs: [i32([1, 3], { kind: 'constant' }), fl([0, 0, 0, 0, 0, 0, 0], { kind: 'constant' }), df([-0.5, -1.2, -0.3, -2, -0.7, -1.1, -0.4], { placeholderShape: [7] }), df([-0.2, -1.5, -0.9, -0.6, 0, 0, 0], { placeholderShape: [7] })],
        run: (K, skip, zeros, cur, prev) => K.ctcUpdateLogP(skip, zeros, 4, cur, prev)[1],
        expected: (skip, zeros, cur, prev) => fromData(updateLogP(skip.data, zeros.data, 4, cur.data, prev.data)[1], [7]),
        grad: true,
      },
    ],
    errorCases: [
      {
        name: 'a fractional active count',
        run: (K) => K.ctcUpdateLogP(K.constant([1], { dtype: 'int32' }), K.zeros([3]), 1.5, K.zeros([3]), K.zeros([3])),
        error: 'KerasValueError',
        message: "ctcUpdateLogP: argument 'active' must be an integer, got 1.5",
      },
      {
        name: 'logPPrev of another length',
        run: (K) => K.ctcUpdateLogP(K.constant([1], { dtype: 'int32' }), K.zeros([3]), 1, K.zeros([3]), K.zeros([4])),
        error: 'KerasShapeError',
        message: "ctcUpdateLogP: argument 'logPPrev' must be a vector of length 3 (that of 'logPCurr'), got shape [4]",
      },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_path_probs',
    cases: [
      {
        name: 'labels [0, 1, 1] in 5 steps: log probs and mask',
        inputs: [fl(Q54, { placeholderShape: [5, 4] }), i32(interleaveBlanks([0, 1, 1]), { placeholderShape: [7] })],
        run: (K, p, y) => K.ctcPathProbs(p, y),
        expected: (p, y) => {
          const [lp, mask] = pathProbs(rows(p), y.data);
          return [fromData(lp.flat(), [5, 7]), fromData(mask.flat(), [5, 7], 'bool')];
        },
        tol: TOL,
      },
      {
        name: 'alpha 0.01',
        inputs: [fl(Q43, { placeholderShape: [4, 3] }), i32(interleaveBlanks([1, 0]), { placeholderShape: [5] })],
        run: (K, p, y) => K.ctcPathProbs(p, y, 0.01),
        expected: (p, y) => {
          const [lp, mask] = pathProbs(rows(p), y.data, 0.01);
          return [fromData(lp.flat(), [4, 5]), fromData(mask.flat(), [4, 5], 'bool')];
        },
        tol: TOL,
      },
      {
        // By hand, labels [0] (Y = [-1, 0, -1]), blank = the last class, alpha 0: the paths
        // "0 0" (0.6 * 0.3 = 0.18), "0 -" (0.6 * 0.7 = 0.42), "- 0" (0.4 * 0.3 = 0.12).
        // logProbs[t][s] is the log of the paths' total through (t, s): t = 0: blank 0.12,
        // label 0.18 + 0.42 = 0.6, last blank (not reachable, masked out) ln 0.7 by the
        // formula log_f + log_b - L; t = 1: first blank masked (ln 0.4), label 0.18 + 0.12,
        // last blank 0.42. The mask: s < forward active and S-1-s < backward active.
        name: 'by hand: one label in two steps, alpha 0',
        inputs: [fl([[0.6, 0.4], [0.3, 0.7]], { placeholderShape: [2, 2] }), i32([-1, 0, -1], { placeholderShape: [3] })],
        run: (K, p, y) => K.ctcPathProbs(p, y, 0),
        expected: () => [
          fromData([0.12, 0.6, 0.7, 0.4, 0.3, 0.42].map(Math.log), [2, 3]),
          fromData([1, 1, 0, 0, 1, 1], [2, 3], 'bool'),
        ],
        tol: TOL,
      },
      {
        // One step: only the label can be emitted; log probs [0, ln 0.6, 0] by the formula, mask [0, 1, 0].
        name: 'by hand: one label in one step, alpha 0',
        inputs: [fl([[0.6, 0.4]], { placeholderShape: [1, 2] }), i32([-1, 0, -1], { placeholderShape: [3] })],
        run: (K, p, y) => K.ctcPathProbs(p, y, 0),
        expected: () => [fromData([0, Math.log(0.6), 0], [1, 3]), fromData([0, 1, 0], [1, 3], 'bool')],
        tol: TOL,
      },
      {
        name: 'gradient of the log probs with respect to predict',
        inputs: [df(Q54, { placeholderShape: [5, 4] }), i32(interleaveBlanks([0, 1, 1]), { placeholderShape: [7] })],
        run: (K, p, y) => K.ctcPathProbs(p, y)[0],
        expected: (p, y) => fromData(pathProbs(rows(p), y.data)[0].flat(), [5, 7]),
        grad: true,
      },
    ],
    errorCases: [
      { name: 'predict of rank 3', run: (K) => K.ctcPathProbs(K.ones([1, 3, 4]), K.constant([-1, 0, -1], { dtype: 'int32' })), error: 'KerasValueError', message: "ctcPathProbs: argument 'predict' must have rank 2 (time, classes), got shape [1, 3, 4]" },
      { name: 'alpha not a number', run: (K) => K.ctcPathProbs(K.ones([3, 4]), K.constant([-1, 0, -1], { dtype: 'int32' }), bad('x')), error: 'KerasValueError', message: `ctcPathProbs: argument 'alpha' must be a finite number, got "x"` },
    ],
  }),
  defineSpec({
    kerasName: 'ctc_cost',
    cases: [
      {
        name: 'labels [0, 1, 1] in 5 steps',
        inputs: [df(Q54, { placeholderShape: [5, 4] }), i32([0, 1, 1], { placeholderShape: [3] })],
        run: (K, p, y) => K.ctcCost(p, y),
        expected: (p, y) => ctcCostTheano(rows(p), y.data),
        tol: TOL,
        grad: true,
      },
      {
        name: 'one label in 4 steps',
        inputs: [df(Q43, { placeholderShape: [4, 3] }), i32([2], { placeholderShape: [1] })],
        run: (K, p, y) => K.ctcCost(p, y),
        expected: (p, y) => ctcCostTheano(rows(p), y.data),
        tol: TOL,
        grad: true,
      },
    ],
    errorCases: [
      { name: 'Y a matrix', run: (K) => K.ctcCost(K.ones([3, 4]), K.constant([[0]], { dtype: 'int32' })), error: 'KerasValueError', message: "ctcCost: argument 'Y' must be a vector (rank 1), got shape [1, 1]" },
      { name: 'predict unknown time dim', run: (K) => K.ctcCost(K.placeholder({ shape: [null, 4] }), K.constant([0], { dtype: 'int32' })), error: 'KerasValueError', message: "ctcCost: the time dimension (axis 0) of argument 'predict' must be known when the op is built, got shape [None, 4]" },
    ],
  }),
];
