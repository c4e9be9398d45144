/**
 * Connectionist temporal classification (CTC): `ctc_batch_cost` as Keras 2's
 * TensorFlow backend computes it, and the helpers of Keras 2's Theano backend
 * (`ctc_interleave_blanks`, `ctc_create_skip_idxs`, `ctc_update_log_p`,
 * `ctc_path_probs`, `ctc_cost`).
 *
 * `ctc_batch_cost` runs the forward (alpha) recursion in log space as a loop over a
 * time length known at run time; the Theano helpers (`ctc_path_probs`, `ctc_cost`)
 * unroll it over a static length. Unreachable states hold a large negative finite log
 * probability (`LOG_ZERO`) instead of -inf, so neither the values nor the gradients
 * ever produce NaN. Everything is a composite over primitives: it runs and
 * differentiates the same way on every backend.
 */
import { DType, isFloatDType, isIntDType } from '../../../backends/types';
import { epsilon } from '../../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp } from '../../primitives';
import { asTensor } from '../../validate';
import { add, binary, broadcastLike, cast, mul, neg, reduceOp, scalar, sub, unary, where } from '../../primitives';
import { scan } from '../../scan';
import { KTensor } from '../../tensor';
import { floatTensor, refuseInt64, requireTensorLike, show } from '../../validate';
import { constantOf, stopGrad } from '../../primitives';
import { dimsCompatible } from '../../validate';
import { logSoftmax } from '../nn/numerics';
import { evaluateFor } from '../tensors/inspect';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/** The log of an impossible state: finite, so that sums and gradients stay free of NaN. */
const LOG_ZERO = -1e30;
/** Losses above this come from `LOG_ZERO` states only: the labels cannot be aligned. */
const INFEASIBLE = 1e29;

/* ------------------------------------------------------------------------ */
/* Internal building blocks                                                 */
/* ------------------------------------------------------------------------ */

/** `x[..., i, ...]` along `axis`, the axis dropped. */
function pick(x: KTensor, axis: number, i: number): KTensor {
  return applyOp('gather', [x, scalar(i, 'int32')], { axis });
}

/** Shifts `x` (rank 2, positions on axis 1 of length `s`) right by `k`, filling with LOG_ZERO. */
function shiftRight(x: KTensor, k: number, s: number): KTensor {
  if (k >= s) return binary('maximum', mul(x, scalar(0, x.dtype)), scalar(LOG_ZERO, x.dtype));
  const head = applyOp('slice', [x], { begin: [0, 0], size: [-1, s - k] });
  return applyOp('pad', [head], { pads: [[0, 0], [k, 0]], value: LOG_ZERO });
}

/**
 * `log(sum(exp(xs)))` elementwise over the tensors `xs` (same shape), with the
 * maximum subtracted first (held constant for the gradient, which does not need it).
 */
function logSumExpN(xs: readonly KTensor[]): KTensor {
  let m = xs[0];
  for (const x of xs.slice(1)) m = binary('maximum', m, x);
  m = stopGrad(m);
  let s = unary('exp', sub(xs[0], m));
  for (const x of xs.slice(1)) s = add(s, unary('exp', sub(x, m)));
  return add(m, unary('log', s));
}

/**
 * The CTC forward recursion in log space, batched: `le` (B, T, S) holds the log
 * probability of emitting extended symbol s at step t; `skip` (B, S) bool says
 * where the transition s-2 -> s is allowed; `active(t)` (broadcasting to (B, S),
 * or null for always) says whether step t is taken (else alpha is kept). Returns
 * the log alphas after each step, `alphas[t]` of shape (B, S).
 */
function forward(le: KTensor, skip: KTensor | null, T: number, S: number, active: ((t: number) => KTensor) | null): KTensor[] {
  const dt = le.dtype;
  const lz = scalar(LOG_ZERO, dt);
  const first = constantOf(
    Array.from({ length: S }, (_, s) => (s < 2 ? 1 : 0)),
    [S],
    'int32',
    'ctc',
  );
  let alpha = where(binary('greater', first, scalar(0, 'int32')), pick(le, 1, 0), lz);
  const out = [alpha];
  for (let t = 1; t < T; t++) {
    const terms = [alpha, shiftRight(alpha, 1, S)];
    if (skip !== null && S > 2) terms.push(where(skip, shiftRight(alpha, 2, S), lz));
    const next = add(logSumExpN(terms), pick(le, 1, t));
    alpha = active === null ? next : where(active(t), next, alpha);
    out.push(alpha);
  }
  return out;
}

/**
 * The CTC forward recursion of `ctcBatchCost` as a loop over the run-time time length:
 * `le` (B, T, S) the emission log probabilities, `skip` (B, S) the allowed jumps
 * s-2 -> s (or null), `inLen` (B, 1) the steps used per row (the first step is always
 * used). The loop starts from log alphas "before the first step" (0 at position 0,
 * LOG_ZERO elsewhere), so that its first step gives alpha_0. Returns the log alphas
 * after the last used step of each row, (B, S).
 */
function forwardLoop(le: KTensor, skip: KTensor | null, S: number, inLen: KTensor): KTensor {
  const dt = le.dtype;
  const lz = scalar(LOG_ZERO, dt);
  const leT = applyOp('transpose', [le], { perm: [1, 0, 2] }); // (T, B, S)
  // Step indices 0..T-1 (T known at run time): an exclusive cumulative sum of ones.
  const ones = broadcastLike(scalar(1, 'int32'), pick(pick(leT, 2, 0), 1, 0)); // (T,)
  const t = applyOp('cumsum', [ones], { axis: 0, exclusive: true, reverse: false });
  const t3 = applyOp('expandDims', [t], { axes: [1] }); // (T, 1)
  const lenRow = applyOp('reshape', [inLen], { shape: [1, -1] }); // (1, B)
  const active = binary('logicalOr', binary('equal', t3, scalar(0, 'int32')), binary('less', t3, lenRow)); // (T, B)
  const startRow = constantOf(
    Array.from({ length: S }, (_, s) => (s === 0 ? 0 : LOG_ZERO)),
    [S],
    dt,
    'ctc',
  );
  const start = broadcastLike(startRow, pick(le, 1, 0)); // (B, S)
  const [[last]] = scan(
    'ctcBatchCost',
    ([alpha], [leStep]) => {
      const terms = [alpha, shiftRight(alpha, 1, S)];
      if (skip !== null && S > 2) terms.push(where(skip, shiftRight(alpha, 2, S), lz));
      return [[add(logSumExpN(terms), leStep)], []];
    },
    [start],
    [leT],
    { mask: active },
  );
  return last;
}

/** A static dimension of `x`, or a KerasValueError naming it. */
function staticDim(x: KTensor, axis: number, fn: string, arg: string, what: string): number {
  const d = x.shape[axis];
  if (d === null) {
    throw new KerasValueError(`${fn}: the ${what} (axis ${axis}) of argument '${arg}' must be known when the op is built, got shape [${fmt(x.shape)}]`);
  }
  return d;
}

/** An integer tensor argument as int32 (narrower integers widen exactly; floats holding whole numbers are truncated as tf.to_int32 does). */
function intArg(v: unknown, fn: string, arg: string): KTensor {
  const t = requireTensorLike(v, fn, arg);
  if (t.dtype === 'int32') return t;
  refuseInt64(t, fn, arg);
  if (t.dtype === 'bool') throw new KerasTypeError(`${fn}: argument '${arg}' must be an integer or float tensor, got dtype bool`);
  if (!isFloatDType(t.dtype) && !isIntDType(t.dtype)) throw new KerasTypeError(`${fn}: argument '${arg}' must be an integer or float tensor, got dtype ${t.dtype}`);
  return cast(t, 'int32');
}

/** A per-sample length argument of shape (samples, 1) (or (samples,)), as int32 (samples, 1). */
function lengthArg(v: unknown, fn: string, arg: string, batch: number | null): KTensor {
  let t = intArg(v, fn, arg);
  if (t.rank === 1) t = applyOp('expandDims', [t], { axes: [1] });
  if (t.rank !== 2 || (t.shape[1] !== null && t.shape[1] !== 1)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must have shape (samples, 1), got shape [${fmt(t.shape)}]`);
  }
  if (!dimsCompatible(t.shape[0], batch)) {
    throw new KerasShapeError(`${fn}: argument '${arg}' has ${t.shape[0]} samples, but 'yPred' has ${batch}`);
  }
  return t;
}

/* ------------------------------------------------------------------------ */
/* ctc_batch_cost                                                           */
/* ------------------------------------------------------------------------ */

/**
 * The CTC loss of each batch element.
 *
 * - `yTrue` (samples, max_label_len): the labels (int32, or floats holding whole
 *   numbers, truncated as `tf.to_int32` does); only the first `labelLength[i]` of
 *   row i are read, so the padding may hold anything.
 * - `yPred` (samples, time, classes): softmax outputs; the LAST class is the blank.
 * - `inputLength` (samples, 1): how many steps of each row of `yPred` are used.
 * - `labelLength` (samples, 1): how many labels of each row of `yTrue` are used.
 *
 * As Keras's TensorFlow backend, the logits `log(yPred + epsilon())` go to
 * `tf.nn.ctc_loss` (which applies a softmax to them: the probabilities are
 * `(yPred + eps)` renormalised over the classes), repeated labels are not collapsed
 * and a blank must separate two equal labels. Returns `-log p(labels | yPred)` of
 * shape (samples, 1), in `yPred`'s dtype, differentiable with respect to `yPred`.
 *
 * The forward recursion is a loop (`scan`) over the time steps: the time dim of
 * `yPred` may be unknown until run time (at least one step is needed), as may the batch
 * dim. Limits: the class dim of `yPred` and the label dim of `yTrue` must be known
 * when the op is built. Where TensorFlow raises at run time because a label sequence does
 * not fit in its input length, the loss here is `+Infinity` (with zero gradient).
 * Labels in range `[0, classes - 1)` are expected; an out-of-range label inside
 * the used length is not detected (it is read as class 0), and a label equal to the
 * blank class is not rejected (TensorFlow raises for both). An input length above
 * the time dim uses every step; an input length of 0 still uses the first step.
 *
 * Mirrors `keras.backend.ctc_batch_cost(y_true, y_pred, input_length, label_length)`.
 */
export function ctcBatchCost(yTrue: TensorInput, yPred: TensorInput, inputLength: TensorInput, labelLength: TensorInput, ...extra: []): KTensor {
  checkArity('ctcBatchCost', 4, extra);
  const fn = 'ctcBatchCost';
  const p = floatTensor(yPred, fn, 'yPred');
  if (p.rank !== 3) throw new KerasValueError(`${fn}: argument 'yPred' must have rank 3 (samples, time, classes), got shape [${fmt(p.shape)}]`);
  const T = p.shape[1];
  const C = staticDim(p, 2, fn, 'yPred', 'classes dimension');
  if (T !== null && T < 1) throw new KerasValueError(`${fn}: argument 'yPred' must have at least one time step, got shape [${fmt(p.shape)}]`);
  if (C < 1) throw new KerasValueError(`${fn}: argument 'yPred' must have at least one class (the blank), got shape [${fmt(p.shape)}]`);
  const batch = p.shape[0];
  const labels = intArg(yTrue, fn, 'yTrue');
  if (labels.rank !== 2) throw new KerasValueError(`${fn}: argument 'yTrue' must have rank 2 (samples, max_label_len), got shape [${fmt(labels.shape)}]`);
  if (!dimsCompatible(labels.shape[0], batch)) {
    throw new KerasShapeError(`${fn}: argument 'yTrue' has ${labels.shape[0]} samples, but 'yPred' has ${batch}`);
  }
  const U = staticDim(labels, 1, fn, 'yTrue', 'label dimension');
  const inLen = lengthArg(inputLength, fn, 'inputLength', batch);
  const labLen = lengthArg(labelLength, fn, 'labelLength', batch);
  const dt: DType = p.dtype;
  const S = 2 * U + 1;
  const blank = C - 1;

  // Log probabilities: TensorFlow's ctc_loss takes the softmax of its logits.
  const logp = logSoftmax(unary('log', add(p, scalar(epsilon(), dt))), 2);

  // One-hot rows of the extended label sequence (blank, l1, blank, l2, ..., blank): (B, S, C).
  const inRange = binary('logicalAnd', binary('greaterEqual', labels, scalar(0, 'int32')), binary('less', labels, scalar(C, 'int32')));
  const safe = where(inRange, labels, scalar(0, 'int32'));
  const eye = constantOf(
    Array.from({ length: C * C }, (_, i) => (i % (C + 1) === 0 ? 1 : 0)),
    [C, C],
    dt,
    fn,
  );
  const blankRow = constantOf(
    Array.from({ length: C }, (_, c) => (c === blank ? 1 : 0)),
    [C],
    dt,
    fn,
  );
  let ext: KTensor;
  if (U === 0) {
    ext = applyOp('reshape', [blankRow], { shape: [1, 1, C] });
  } else {
    const oneHot = applyOp('gather', [eye, safe], { axis: 0 }); // (B, U, C)
    const idx = constantOf(
      Array.from({ length: S }, (_, s) => (s % 2 === 1 ? (s - 1) / 2 : 0)),
      [S],
      'int32',
      fn,
    );
    const spread = applyOp('gather', [oneHot, idx], { axis: 1 }); // (B, S, C)
    const odd = constantOf(
      Array.from({ length: S }, (_, s) => s % 2),
      [S, 1],
      'int32',
      fn,
    );
    ext = where(binary('greater', odd, scalar(0, 'int32')), spread, blankRow);
  }
  // Emission log probabilities (B, T, S): a one-hot matMul picks log p[b, t, ext[b, s]].
  const le = applyOp('matMul', [logp, ext], { transposeA: false, transposeB: true });

  // Skip transitions s-2 -> s for s = 2u+1 (u >= 1) where label u differs from label u-1.
  let skip: KTensor | null = null;
  if (U >= 2) {
    const a = applyOp('slice', [safe], { begin: [0, 1], size: [-1, U - 1] });
    const b = applyOp('slice', [safe], { begin: [0, 0], size: [-1, U - 1] });
    const differ = cast(binary('notEqual', a, b), 'int32'); // (B, U-1)
    const sIdx = constantOf(
      Array.from({ length: S }, (_, s) => (s % 2 === 1 && s >= 3 ? (s - 3) / 2 : 0)),
      [S],
      'int32',
      fn,
    );
    const sPos = constantOf(
      Array.from({ length: S }, (_, s) => (s % 2 === 1 && s >= 3 ? 1 : 0)),
      [S],
      'int32',
      fn,
    );
    const spread = applyOp('gather', [differ, sIdx], { axis: 1 }); // (B, S)
    skip = binary('greater', mul(spread, sPos), scalar(0, 'int32'));
  }

  const last = forwardLoop(le, skip, S, inLen); // (B, S)

  // The two end states: 2 * label_length and 2 * label_length - 1.
  const pos = constantOf(
    Array.from({ length: S }, (_, s) => s),
    [S],
    'int32',
    fn,
  );
  const twoL = mul(labLen, scalar(2, 'int32'));
  const end = binary('logicalOr', binary('equal', pos, twoL), binary('equal', pos, sub(twoL, scalar(1, 'int32'))));
  const chosen = where(end, last, scalar(LOG_ZERO, dt));
  const m = stopGrad(reduceOp('reduceMax', chosen, [1], true));
  const logLik = add(m, unary('log', reduceOp('reduceSum', unary('exp', sub(chosen, m)), [1], true)));
  const loss = neg(logLik); // (B, 1)
  return where(binary('greater', loss, scalar(INFEASIBLE, dt)), scalar(Infinity, dt), loss);
}

/* ------------------------------------------------------------------------ */
/* The Theano backend's helpers                                             */
/* ------------------------------------------------------------------------ */

/** A rank-1 tensor argument with a static length. */
function vectorArg(v: unknown, fn: string, arg: string): KTensor {
  const t = requireTensorLike(v, fn, arg);
  if (t.rank !== 1) throw new KerasValueError(`${fn}: argument '${arg}' must be a vector (rank 1), got shape [${fmt(t.shape)}]`);
  if (t.dtype === 'bool') throw new KerasTypeError(`${fn}: argument '${arg}' must be a numeric tensor, got dtype bool`);
  staticDim(t, 0, fn, arg, 'length');
  return t;
}

/**
 * Interleaves blanks with the labels of the vector `Y`: `[-1, y0, -1, y1, ..., -1]`
 * (length `2 * len(Y) + 1`, `Y`'s dtype). `-1` stands for the blank: indexing the
 * classes with it selects the last class, as NumPy / Theano indexing does.
 * `Y`'s length must be known when the op is built.
 *
 * Mirrors `keras.backend.ctc_interleave_blanks(Y)` (Theano backend).
 */
export function ctcInterleaveBlanks(Y: TensorInput, ...extra: []): KTensor {
  checkArity('ctcInterleaveBlanks', 1, extra);
  const fn = 'ctcInterleaveBlanks';
  const y = vectorArg(Y, fn, 'Y');
  const n = y.shape[0] as number;
  const withBlank = applyOp('concat', [constantOf([-1], [1], y.dtype, fn), y], { axis: 0 });
  const idx = constantOf(
    Array.from({ length: 2 * n + 1 }, (_, s) => (s % 2 === 1 ? (s + 1) / 2 : 0)),
    [2 * n + 1],
    'int32',
    fn,
  );
  return applyOp('gather', [withBlank, idx], { axis: 0 });
}

/**
 * The skip transitions of an interleaved label sequence `Y` (as made by
 * `ctcInterleaveBlanks`): the odd positions `s = 1, 3, ..., ` below `len(Y) - 3`
 * (`arange((len(Y) - 3) // 2) * 2 + 1`) where `Y[s] != Y[s + 2]`, i.e. where the
 * path may jump from label `s` over the blank to label `s + 2`. An int32 vector.
 *
 * Its length depends on the values of `Y` (Theano builds it symbolically with
 * `nonzero`), which the static shapes here cannot express: `Y` must be a constant
 * (or a tensor-like value), and the result is a constant.
 *
 * Mirrors `keras.backend.ctc_create_skip_idxs(Y)` (Theano backend).
 */
export function ctcCreateSkipIdxs(Y: TensorInput, ...extra: []): KTensor {
  checkArity('ctcCreateSkipIdxs', 1, extra);
  const fn = 'ctcCreateSkipIdxs';
  const y = vectorArg(Y, fn, 'Y');
  if (y.node.kind !== 'constant') {
    throw new KerasValueError(`${fn}: argument 'Y' must be a constant: the length of the result depends on its values`);
  }
  const data = evaluateFor(y, fn).data;
  const out: number[] = [];
  const count = Math.max(0, Math.floor((data.length - 3) / 2));
  for (let k = 0; k < count; k++) {
    const s = 2 * k + 1;
    if (data[s] !== data[s + 2]) out.push(s);
  }
  return constantOf(out, [out.length], 'int32', fn);
}

/** A scalar integer (a number or an int32 scalar tensor). */
function intScalarArg(v: unknown, fn: string, arg: string): KTensor {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new KerasValueError(`${fn}: argument '${arg}' must be an integer, got ${show(v)}`);
    return scalar(v, 'int32');
  }
  const t = requireTensorLike(v, fn, arg);
  if (t.rank !== 0 || t.dtype !== 'int32') {
    throw new KerasValueError(`${fn}: argument '${arg}' must be an integer or an int32 scalar tensor, got dtype ${t.dtype} shape [${fmt(t.shape)}]`);
  }
  return t;
}

/**
 * One step of the Theano backend's forward recursion over a single sequence of
 * `S` extended symbols, in log space, limited to the `active` first positions.
 *
 * - `skipIdxs`: int32 vector of the positions s allowed to jump to s + 2 (from
 *   `ctcCreateSkipIdxs`).
 * - `zeros`: a float vector of length S (zeros in practice): the fill of the
 *   positions not yet reached, in the result and in the probabilities summed.
 * - `active`: how many leading positions were reachable before this step (an
 *   integer or an int32 scalar tensor).
 * - `logPCurr`: the log probabilities of the symbols at this step (length S).
 * - `logPPrev`: the log probabilities of the positions after the previous step.
 *
 * Returns `[activeNext, logPNext]`: `activeNext = min(max(active + 1, s* + 3), S)`,
 * with `s*` the largest skip index below `active` (or -1), and for positions below
 * `activeNext`, `logPNext[s] = logPCurr[s] + log(p[s] + p[s-1] + (skip) p[s-2])` with
 * `p = exp(logPPrev)` over the active positions (zeros beyond); `zeros[s]` elsewhere.
 * Theano slices by the symbolic `active`; here the same values are computed with
 * masks over all S positions, so shapes stay static.
 *
 * Mirrors `keras.backend.ctc_update_log_p(skip_idxs, zeros, active, log_p_curr, log_p_prev)` (Theano backend).
 */
export function ctcUpdateLogP(skipIdxs: TensorInput, zeros: TensorInput, active: TensorInput, logPCurr: TensorInput, logPPrev: TensorInput, ...extra: []): [KTensor, KTensor] {
  checkArity('ctcUpdateLogP', 5, extra);
  const fn = 'ctcUpdateLogP';
  const cur = floatTensor(logPCurr, fn, 'logPCurr');
  if (cur.rank !== 1) throw new KerasValueError(`${fn}: argument 'logPCurr' must be a vector (rank 1), got shape [${fmt(cur.shape)}]`);
  const S = staticDim(cur, 0, fn, 'logPCurr', 'length');
  const dt = cur.dtype;
  const prev = asTensor(logPPrev, fn, 'logPPrev', dt);
  const z = asTensor(zeros, fn, 'zeros', dt);
  for (const [t, name] of [
    [prev, 'logPPrev'],
    [z, 'zeros'],
  ] as const) {
    if (t.dtype !== dt) throw new KerasTypeError(`${fn}: argument '${name}' must have the dtype of 'logPCurr' (${dt}), got ${t.dtype}`);
    if (t.rank !== 1 || !dimsCompatible(t.shape[0], S)) {
      throw new KerasShapeError(`${fn}: argument '${name}' must be a vector of length ${S} (that of 'logPCurr'), got shape [${fmt(t.shape)}]`);
    }
  }
  const skipT = requireTensorLike(skipIdxs, fn, 'skipIdxs');
  const skip = skipT.dtype === 'int32' ? skipT : intArg(skipT, fn, 'skipIdxs');
  if (skip.rank !== 1) throw new KerasValueError(`${fn}: argument 'skipIdxs' must be a vector (rank 1), got shape [${fmt(skip.shape)}]`);
  const act = intScalarArg(active, fn, 'active');

  const posI = constantOf(
    Array.from({ length: S }, (_, s) => s),
    [S],
    'int32',
    fn,
  );
  const zeroF = scalar(0, dt);
  // activeNext = min(max(active + 1, max(active skips, -1) + 3), S)
  const activeSkip = binary('less', skip, act);
  const negOne = scalar(-1, 'int32');
  const topSkip =
    skip.shape[0] === 0 ? negOne : binary('maximum', reduceOp('reduceMax', where(activeSkip, skip, negOne), [0], false), negOne);
  const activeNext = binary('minimum', binary('maximum', add(act, scalar(1, 'int32')), add(topSkip, scalar(3, 'int32'))), scalar(S, 'int32'));

  const wasActive = binary('less', posI, act);
  const nowActive = binary('less', posI, activeNext);
  const cf = stopGrad(reduceOp('reduceMax', where(wasActive, prev, scalar(-Infinity, dt)), [0], false));
  const pPrev = where(wasActive, unary('exp', sub(where(wasActive, prev, cf), cf)), zeroF);
  const base = where(wasActive, pPrev, z);
  let acc = add(base, applyOp('pad', [applyOp('slice', [base], { begin: [0], size: [S - 1] })], { pads: [[1, 0]], value: 0 }));
  if (skip.shape[0] !== 0 && S > 2) {
    const safeIdx = where(activeSkip, skip, scalar(0, 'int32'));
    const from = where(activeSkip, applyOp('gather', [pPrev, safeIdx], { axis: 0 }), zeroF);
    acc = add(acc, applyOp('scatterAdd', [from, add(safeIdx, scalar(2, 'int32'))], { axis: 0, size: S }));
  }
  const accSafe = where(nowActive, acc, scalar(1, dt));
  const logNext = where(nowActive, add(cur, add(unary('log', accSafe), cf)), z);
  return [activeNext, logNext];
}

/** The predictions (time, classes) and the symbols `Y` (int32 class indices, -1 for the last class). */
function pathInputs(predict: unknown, Y: unknown, fn: string): { pr: KTensor; y: KTensor; T: number; C: number; S: number } {
  const pr = floatTensor(predict, fn, 'predict');
  if (pr.rank !== 2) throw new KerasValueError(`${fn}: argument 'predict' must have rank 2 (time, classes), got shape [${fmt(pr.shape)}]`);
  const T = staticDim(pr, 0, fn, 'predict', 'time dimension');
  const C = staticDim(pr, 1, fn, 'predict', 'classes dimension');
  if (T < 1) throw new KerasValueError(`${fn}: argument 'predict' must have at least one time step, got shape [${fmt(pr.shape)}]`);
  const yv = vectorArg(Y, fn, 'Y');
  const y = yv.dtype === 'int32' ? yv : intArg(yv, fn, 'Y');
  const S = y.shape[0] as number;
  if (S < 1) throw new KerasValueError(`${fn}: argument 'Y' must not be empty`);
  return { pr, y, T, C, S };
}

/** Whether each position s may be reached by a jump from s - 2 (s odd, s >= 3, Y[s] != Y[s - 2]), shape (1, S). */
function skipTargets(y: KTensor, S: number, fn: string): KTensor | null {
  if (S < 4) return null;
  const a = applyOp('slice', [y], { begin: [2], size: [S - 2] });
  const b = applyOp('slice', [y], { begin: [0], size: [S - 2] });
  const differ = applyOp('pad', [cast(binary('notEqual', a, b), 'int32')], { pads: [[2, 0]], value: 0 });
  const odd = constantOf(
    Array.from({ length: S }, (_, s) => (s % 2 === 1 && s >= 3 ? 1 : 0)),
    [1, S],
    'int32',
    fn,
  );
  return binary('greater', mul(applyOp('expandDims', [differ], { axes: [0] }), odd), scalar(0, 'int32'));
}

/**
 * The log probabilities of the CTC paths through each (time, position) of the
 * extended label sequence `Y` (interleaved with blanks, `-1` = the last class), as
 * Keras's Theano backend computes them: the predictions of the symbols are smoothed,
 * `(1 - alpha) * predict[:, Y] + alpha / len(Y)`, then with `L` their log, the forward
 * log probabilities `f` and the backward ones `b` (each including the symbol at t)
 * give `logProbs = f + b - L` (time, len(Y)). `mask` (bool, same shape) is true where
 * the position is reachable from both the start and the end; elsewhere, as in Theano,
 * the unreached forward or backward terms count as 0. Summing `exp(logProbs)` over
 * the mask at one step gives the probability of the labels.
 *
 * `predict` is (time, classes), both known when the op is built, as is `len(Y)`.
 * Returns `[logProbs, mask]`.
 *
 * Mirrors `keras.backend.ctc_path_probs(predict, Y, alpha=1e-4)` (Theano backend).
 */
export function ctcPathProbs(predict: TensorInput, Y: TensorInput, alpha = 1e-4, ...extra: []): [KTensor, KTensor] {
  checkArity('ctcPathProbs', 3, extra);
  const fn = 'ctcPathProbs';
  const { pr, y, T, C, S } = pathInputs(predict, Y, fn);
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) throw new KerasValueError(`${fn}: argument 'alpha' must be a finite number, got ${show(alpha)}`);
  const dt = pr.dtype;
  // Negative indices count from the end, as NumPy / Theano indexing does.
  const idx = where(binary('less', y, scalar(0, 'int32')), add(y, scalar(C, 'int32')), y);
  const picked = applyOp('gather', [pr, idx], { axis: 1 }); // (T, S)
  const smoothed = add(mul(scalar(1 - alpha, dt), picked), scalar(alpha / S, dt));
  const L = unary('log', smoothed);
  const skipF = skipTargets(y, S, fn);
  const yr = applyOp('reverse', [y], { axes: [0] });
  const skipB = skipTargets(yr, S, fn);
  const Lr = applyOp('reverse', [L], { axes: [0, 1] });
  const f = forward(applyOp('expandDims', [L], { axes: [0] }), skipF, T, S, null);
  const b = forward(applyOp('expandDims', [Lr], { axes: [0] }), skipB, T, S, null);
  const stack = (xs: KTensor[]): KTensor => applyOp('concat', xs, { axis: 0 }); // (T, S)
  const F = stack(f);
  const B = applyOp('reverse', [stack(b)], { axes: [0, 1] });
  const half = scalar(LOG_ZERO / 2, dt);
  const reachF = binary('greater', F, half);
  const reachB = binary('greater', B, half);
  const zero = scalar(0, dt);
  const logProbs = sub(add(where(reachF, F, zero), where(reachB, B, zero)), L);
  return [logProbs, binary('logicalAnd', reachF, reachB)];
}

/**
 * The CTC cost of one sequence, as Keras's Theano backend computes it: with
 * `[logProbs, mask] = ctcPathProbs(predict, ctcInterleaveBlanks(Y))`, the cost is
 * `-log(sum(exp(logProbs)[mask]))`. That sum runs over every time step, so the
 * value is `-log(time * p(Y | predict))` with the smoothed predictions (Theano's
 * result, reproduced as it is). The blank is the last class. A scalar.
 *
 * `predict` (time, classes) and the length of `Y` must be known when the op is
 * built. Deviation: the maximum subtracted before the exponential is taken over
 * the masked entries only (Theano takes it over all), which changes nothing but
 * avoids an underflow.
 *
 * Mirrors `keras.backend.ctc_cost(predict, Y)` (Theano backend).
 */
export function ctcCost(predict: TensorInput, Y: TensorInput, ...extra: []): KTensor {
  checkArity('ctcCost', 2, extra);
  const fn = 'ctcCost';
  vectorArg(Y, fn, 'Y');
  pathInputs(predict, Y, fn);
  const [logProbs, mask] = ctcPathProbs(predict, ctcInterleaveBlanks(Y));
  const dt = logProbs.dtype;
  const masked = where(mask, logProbs, scalar(LOG_ZERO, dt));
  const m = stopGrad(reduceOp('reduceMax', masked, [0, 1], false));
  const total = add(unary('log', reduceOp('reduceSum', unary('exp', sub(masked, m)), [0, 1], false)), m);
  return neg(total);
}
