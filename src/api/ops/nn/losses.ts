/**
 * Losses of the nn group.
 */
import { epsilon } from '../../../config';
import { KerasShapeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, cast, constantOf, div, mul, neg, reduceOp, reshapeTo, scalar, stopGrad, sub, sumLastAxis, transposeOp, unary } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkArity, flagArg, floatTensor, normAxis, operandLike, refuseInt64, requireTensorLike, shapesCompatible, wholeToInt32 } from '../../validate';
import { evaluateFor } from '../tensors/inspect';
import { clipValues, logSoftmax, sigmoidCrossEntropy } from './numerics';
import type { TensorInput } from '../../tensor-input';

/** `output` as a float tensor of rank >= 1; `target` converted to its dtype when not a tensor. */
function lossOperands(target: unknown, output: unknown, fn: string): [KTensor, KTensor] {
  const o = floatTensor(output, fn, 'output');
  if (o.rank === 0) throw new KerasValueError(`${fn}: argument 'output' must have rank >= 1, got a scalar`);
  const t = operandLike(target, o, fn, 'target', 'output');
  if (!shapesCompatible(t.shape, o.shape)) {
    throw new KerasShapeError(`${fn}: arguments 'target' and 'output' must have the same shape, got [${fmt(t.shape)}] and [${fmt(o.shape)}]`);
  }
  return [t, o];
}

/**
 * Categorical cross-entropy between a target (one-hot or soft labels) and an
 * output along `axis` (the classes; default the last, Keras 2.3.1's `axis`); the
 * result drops that axis.
 *
 * Probabilities (`fromLogits` false): the output is rescaled so each row sums to 1,
 * clipped to `[epsilon(), 1 - epsilon()]`, and the loss is `-sum(target * log(output))`.
 * Logits: `-sum(target * log_softmax(output))`, computed stably; as TensorFlow's
 * `softmax_cross_entropy_with_logits` (which Keras calls), no gradient flows to
 * `target` in this case.
 *
 * `target` must have the shape and dtype of `output` (a float tensor of rank >= 1).
 *
 * Mirrors `keras.backend.categorical_crossentropy(target, output, from_logits=False, axis=-1)` (Keras 2.3.1).
 */
export function categoricalCrossentropy(target: TensorInput, output: TensorInput, fromLogits = false, axis = -1, ...extra: []): KTensor {
  const fn = 'categoricalCrossentropy';
  checkArity(fn, 4, extra);
  const [t, o] = lossOperands(target, output, fn);
  const logits = flagArg(fromLogits, false, fn, 'fromLogits');
  const ax = normAxis(axis, o.rank, fn);
  if (logits) return neg(reduceOp('reduceSum', mul(stopGrad(t), logSoftmax(o, ax)), [ax], false));
  const eps = epsilon();
  const p = clipValues(div(o, reduceOp('reduceSum', o, [ax], true)), eps, 1 - eps);
  return neg(reduceOp('reduceSum', mul(t, unary('log', p)), [ax], false));
}

/** The class indices as int32 of shape `rows` (output's shape without its last axis). */
function sparseLabels(target: unknown, o: KTensor, fn: string): KTensor {
  let t = requireTensorLike(target, fn, 'target');
  if (t.dtype === 'bool') t = cast(t, 'int32');
  else if (t.dtype !== 'int32') t = cast(wholeToInt32(refuseInt64(t, fn, 'target'), fn, 'target'), 'int32');
  const rows = o.shape.slice(0, -1);
  if (shapesCompatible(t.shape, rows)) return t;
  if (t.rank === rows.length + 1 && t.shape[t.rank - 1] === 1 && shapesCompatible(t.shape.slice(0, -1), rows)) {
    // A trailing axis of 1 (the usual `(batch, 1)` labels): summing over it drops it
    // without a reshape, so any number of unknown dims is fine.
    return reduceOp('reduceSum', t, [t.rank - 1], false);
  }
  // Keras flattens the target: any shape with as many elements as there are rows.
  const count = (s: readonly (number | null)[]): number | null => s.reduce<number | null>((p, d) => (p === null || d === null ? null : p * d), 1);
  const nt = count(t.shape);
  const nr = count(rows);
  if (nt !== null && nr !== null && nt !== nr) {
    throw new KerasShapeError(`${fn}: argument 'target' of shape [${fmt(t.shape)}] does not hold one class index per row of 'output' (shape [${fmt(o.shape)}])`);
  }
  if (rows.filter((d) => d === null).length > 1) {
    throw new KerasShapeError(
      `${fn}: argument 'target' of shape [${fmt(t.shape)}] must have the shape [${fmt(rows)}] of 'output' without its last axis (optionally with a trailing 1) when several dims are unknown`,
    );
  }
  return reshapeTo(t, rows, fn);
}

/**
 * Categorical cross-entropy with integer targets: `target` holds the class index of
 * each row of `output` (classes on the last axis, whose length must be known).
 * The target may be int32 (TensorFlow's int64 becomes int32 here), bool, or float
 * holding whole numbers (cast as Keras does); its shape is `output`'s without the
 * last axis, optionally with a trailing 1 (any shape with one element per row is
 * flattened, as Keras does). The result has `output`'s shape without the last axis
 * (shape `[1]` for a vector `output`, as in Keras).
 *
 * Probabilities (`fromLogits` false) are clipped to `[epsilon(), 1 - epsilon()]` and
 * their logarithm taken as logits, as Keras does (so rows are renormalised).
 * A class index out of range raises a KerasValueError: for a constant target when
 * the call is made, for a target known only at run time when the function runs
 * (naming this function, the argument, the index and the class count), as
 * TensorFlow raises on CPU.
 *
 * `axis` (Keras 2.3.1) names the classes axis of `output` (default the last); it is
 * moved last before the rows are read.
 *
 * Mirrors `keras.backend.sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1)` (Keras 2.3.1).
 */
export function sparseCategoricalCrossentropy(target: TensorInput, output: TensorInput, fromLogits = false, axis = -1, ...extra: []): KTensor {
  const fn = 'sparseCategoricalCrossentropy';
  checkArity(fn, 4, extra);
  const given = floatTensor(output, fn, 'output');
  if (given.rank === 0) throw new KerasValueError(`${fn}: argument 'output' must have rank >= 1, got a scalar`);
  const classAxis = normAxis(axis, given.rank, fn);
  // As Keras 2.3.1: the classes axis is moved last first.
  const o = classAxis === given.rank - 1 ? given : transposeOp(given, [...Array.from({ length: given.rank }, (_, i) => i).filter((i) => i !== classAxis), classAxis]);
  const logits = flagArg(fromLogits, false, fn, 'fromLogits');
  const classes = o.shape[o.rank - 1];
  if (classes === null) {
    throw new KerasValueError(`${fn}: the last dimension of argument 'output' (the classes) must be known, got shape [${fmt(o.shape)}]`);
  }
  const labels = sparseLabels(target, o, fn);
  if (labels.node.kind === 'constant') {
    const data = evaluateFor(labels, fn).data;
    for (let i = 0; i < data.length; i++) {
      if (data[i] < 0 || data[i] >= classes) {
        throw new KerasValueError(`${fn}: argument 'target' holds the class index ${data[i]} at flat index ${i}, out of range for ${classes} classes (expected 0 to ${classes - 1})`);
      }
    }
  }
  const eyeData = new Array<number>(classes * classes).fill(0);
  for (let i = 0; i < classes; i++) eyeData[i * classes + i] = 1;
  // gather checks every index at run time on every backend: an index out of range is a
  // KerasValueError naming this function's argument
  const oneHot = applyOp('gather', [constantOf(eyeData, [classes, classes], o.dtype, fn), labels], { axis: 0, what: `${fn}: argument 'target'` });
  const eps = epsilon();
  const z = logits ? o : unary('log', clipValues(o, eps, 1 - eps));
  const ax = o.rank - 1;
  const loss = neg(sumLastAxis(mul(oneHot, logSoftmax(z, ax))));
  return o.rank === 1 ? reshapeTo(loss, [1], fn) : loss;
}

/**
 * Binary cross-entropy, elementwise. Probabilities (`fromLogits` false) are clipped to
 * `[epsilon(), 1 - epsilon()]` and turned back into logits `z = log(p / (1 - p))`; the
 * loss is TensorFlow's stable `sigmoid_cross_entropy_with_logits`:
 * `max(z, 0) - z * target + log(1 + exp(-|z|))`.
 *
 * `target` must have the shape and dtype of `output` (a float tensor).
 *
 * Mirrors `keras.backend.binary_crossentropy(target, output, from_logits=False)`.
 */
export function binaryCrossentropy(target: TensorInput, output: TensorInput, fromLogits = false, ...extra: []): KTensor {
  checkArity('binaryCrossentropy', 3, extra);
  const fn = 'binaryCrossentropy';
  const o = floatTensor(output, fn, 'output');
  const t = operandLike(target, o, fn, 'target', 'output');
  if (!shapesCompatible(t.shape, o.shape)) {
    throw new KerasShapeError(`${fn}: arguments 'target' and 'output' must have the same shape, got [${fmt(t.shape)}] and [${fmt(o.shape)}]`);
  }
  const logits = flagArg(fromLogits, false, fn, 'fromLogits');
  let z = o;
  if (!logits) {
    const eps = epsilon();
    const p = clipValues(o, eps, 1 - eps);
    z = unary('log', div(p, sub(scalar(1, o.dtype), p)));
  }
  return sigmoidCrossEntropy(z, t);
}
