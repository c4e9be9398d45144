/**
 * CTC labels from dense to sparse, as Keras 2.3.1's TensorFlow backend
 * (`ctc_label_dense_to_sparse`), read on the host: which cells are kept depends on
 * the values of the label lengths.
 */
import { checkArity } from '../../../arity';
import { KerasShapeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { constantOf } from '../../primitives';
import { KSparseTensor } from '../../sparse';
import { numbersOf, requireTensorLike, show, valuesNow } from '../../validate';
import type { TensorInput } from '../../tensor-input';

/**
 * The labels `labels` (batch, max_labels) as a sparse tensor keeping, in row `b`, the
 * first `labelLengths[b]` labels (all of them when the length is larger, none when it
 * is 0 or negative): a `KSparseTensor` with `indices` int32 (n, 2) (the [b, j] kept,
 * row-major), `values` (n) in the dtype of `labels`, and `denseShape` int32
 * [batch, max_labels]. `K.isSparse` is true for it and `K.toDense` gives back the
 * kept labels with 0 elsewhere. `labelLengths` has shape (batch) and whole values.
 * The values are read when the function is called (the number of kept labels depends
 * on them): neither argument may depend on a placeholder.
 *
 * Mirrors `keras.backend.ctc_label_dense_to_sparse(labels, label_lengths)` (Keras 2.3.1).
 */
export function ctcLabelDenseToSparse(labels: TensorInput, labelLengths: TensorInput, ...extra: []): KSparseTensor {
  checkArity('ctcLabelDenseToSparse', 2, extra);
  const fn = 'ctcLabelDenseToSparse';
  const l = requireTensorLike(labels, fn, 'labels');
  if (l.rank !== 2) throw new KerasValueError(`${fn}: argument 'labels' must have rank 2 (batch, max_labels), got shape [${fmt(l.shape)}]`);
  const n = requireTensorLike(labelLengths, fn, 'labelLengths');
  if (n.rank !== 1) throw new KerasValueError(`${fn}: argument 'labelLengths' must have rank 1 (batch), got shape [${fmt(n.shape)}]`);
  const lv = valuesNow(l, fn, 'labels');
  const nv = valuesNow(n, fn, 'labelLengths');
  const labelValues = numbersOf(lv);
  const lengthValues = numbersOf(nv);
  const [batch, width] = lv.shape;
  if (nv.shape[0] !== batch) {
    throw new KerasShapeError(`${fn}: argument 'labelLengths' (shape [${fmt(nv.shape)}]) must have one length per row of 'labels' (shape [${fmt(lv.shape)}])`);
  }
  const indices: number[] = [];
  const values: number[] = [];
  for (let b = 0; b < batch; b++) {
    const len = lengthValues[b];
    if (!Number.isInteger(len)) throw new KerasValueError(`${fn}: argument 'labelLengths' must hold whole numbers, got ${show(len)} for row ${b}`);
    for (let j = 0; j < Math.min(len, width); j++) {
      indices.push(b, j);
      values.push(labelValues[b * width + j]);
    }
  }
  return new KSparseTensor(
    constantOf(indices, [values.length, 2], 'int32', fn),
    constantOf(values, [values.length], l.dtype, fn),
    constantOf([batch, width], [2], 'int32', fn),
  );
}
