/**
 * `inTopK` of the nn group.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, binary, cast, constantOf, onesLikeOp, reduceOp, reshapeTo, scalar, sub, where } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkInt, dimsCompatible, floatTensor, requireTensorLike, wholeToInt32 } from '../../validate';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/**
 * Whether each target class is among the `k` largest predictions of its row: a bool
 * vector of length batch. As TensorFlow's `in_top_k`, ties do not push a target
 * out (`predictions[i, targets[i]]` is in the top k when fewer than `k` classes score
 * strictly higher), and a row with a non-finite prediction or a target out of range
 * gives false. `predictions` is a float matrix `(batch, classes)` (float32 or
 * float64); `targets` an int32 vector (TensorFlow's int64 becomes int32 here).
 *
 * Mirrors `keras.backend.in_top_k(predictions, targets, k)`.
 */
export function inTopK(predictions: TensorInput, targets: TensorInput, k: number, ...extra: []): KTensor {
  checkArity('inTopK', 3, extra);
  const fn = 'inTopK';
  const p = floatTensor(predictions, fn, 'predictions');
  if (p.rank !== 2) throw new KerasValueError(`${fn}: argument 'predictions' must be a matrix (batch, classes), got shape [${fmt(p.shape)}]`);
  const t = targets instanceof KTensor ? targets : wholeToInt32(requireTensorLike(targets, fn, 'targets'), fn, 'targets');
  if (t.dtype !== 'int32') throw new KerasTypeError(`${fn}: argument 'targets' must be an int32 tensor, got dtype ${t.dtype}`);
  if (t.rank !== 1) throw new KerasValueError(`${fn}: argument 'targets' must be a vector (batch,), got shape [${fmt(t.shape)}]`);
  if (!dimsCompatible(t.shape[0], p.shape[0])) {
    throw new KerasShapeError(`${fn}: argument 'targets' has length ${t.shape[0]}, but 'predictions' has ${p.shape[0]} row(s) (shape [${fmt(p.shape)}])`);
  }
  const kk = checkInt(k, fn, 'k');
  const classes = p.shape[1];
  const column = reshapeTo(t, [t.shape[0], 1], fn);
  let mask: KTensor;
  if (classes !== null) {
    const iota = constantOf(Array.from({ length: classes }, (_, i) => i), [classes], 'int32', fn);
    mask = binary('equal', column, iota);
  } else {
    // Classes known only at run time: 0, 1, 2, ... along each row from a cumulative sum of ones.
    const iota = applyOp('cumsum', [onesLikeOp(p)], { axis: 1, exclusive: true, reverse: false });
    mask = binary('equal', cast(column, p.dtype), iota);
  }
  const zero = scalar(0, p.dtype);
  const targetScore = reduceOp('reduceSum', where(mask, p, zero), [1], true);
  const higher = reduceOp('reduceSum', cast(binary('greater', p, targetScore), 'int32'), [1], false);
  const inRange = reduceOp('reduceAny', mask, [1], false);
  // x - x is 0 exactly for finite x, NaN for infinities and NaN.
  const finite = reduceOp('reduceAll', binary('equal', sub(p, p), zero), [1], false);
  return binary('logicalAnd', binary('logicalAnd', inRange, finite), binary('less', higher, scalar(kk, 'int32')));
}
