/**
 * in_top_k and bias_add of the nn group. Re-exported by ./nn.ts.
 */
import { Shape } from '../../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp } from '../op';
import { add, binary, cast, onesLikeOp, reduceOp, reshapeTo, scalar, sub, where } from '../prims';
import { KTensor } from '../tensor';
import { checkInt, floatTensor, requireTensorLike } from '../validate';
import { constantOf, dataFormatArg, dimsCompatible, operandLike, wholeToInt32 } from './nn-helpers';

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
export function inTopK(predictions: unknown, targets: unknown, k: number): KTensor {
  const fn = 'inTopK';
  const p = floatTensor(predictions, fn, 'predictions');
  if (p.rank !== 2) throw new KerasValueError(`${fn}: argument 'predictions' must be a matrix (batch, classes), got shape [${fmt(p.shape)}]`);
  const t = targets instanceof KTensor ? targets : wholeToInt32(requireTensorLike(targets, fn, 'targets'), fn, 'targets');
  if (t.dtype !== 'int32') throw new KerasTypeError(`${fn}: argument 'targets' must be an int32 tensor, got dtype ${t.dtype}`);
  if (t.rank !== 1) throw new KerasValueError(`${fn}: argument 'targets' must be a vector (batch,), got shape [${fmt(t.shape)}]`);
  if (!dimsCompatible(t.shape[0], p.shape[0])) {
    throw new KerasShapeError(`${fn}: argument 'targets' has length ${t.shape[0]}, but 'predictions' has ${p.shape[0]} rows`);
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

/**
 * Adds a bias to `x` on its channel axis, with Keras 2.2's rules: `dataFormat`
 * (default `imageDataFormat()`) says where the channels are for `x` of rank 3, 4
 * or 5; `bias` is a vector (one value per channel) or has rank `rank(x) - 1`
 * (one value per position and channel, laid out channels-last: for
 * `channels_first` it is reshaped, not transposed, to put its last axis first, as
 * Keras does). For any other rank of `x` (2, or more than 5) the bias must be a
 * vector as long as the last axis of `x`. `bias` takes the dtype of `x`.
 *
 * Mirrors `keras.backend.bias_add(x, bias, data_format=None)`.
 */
export function biasAdd(x: unknown, bias: unknown, dataFormat: string | null = null): KTensor {
  const fn = 'biasAdd';
  const t = requireTensorLike(x, fn);
  if (t.dtype === 'bool') throw new KerasTypeError(`${fn}: argument 'x' must be numeric, got bool`);
  const b = operandLike(bias, t, fn, 'bias', 'x');
  const df = dataFormatArg(dataFormat, fn);
  const r = t.rank;
  const bs = b.shape;
  if (bs.length !== 1 && bs.length !== r - 1) {
    throw new KerasValueError(`${fn}: argument 'bias' must have rank 1 or ${r - 1} (the rank of 'x' minus 1), got shape [${fmt(bs)}]`);
  }
  let target: Shape;
  let strict = false;
  if (r === 3 || r === 4 || r === 5) {
    const channelsLast: Shape = bs.length === 1 ? [...new Array<number>(r - 1).fill(1), bs[0]] : [1, ...bs];
    target = df === 'channels_first' ? [1, channelsLast[r - 1], ...channelsLast.slice(1, r - 1)] : channelsLast;
    // Keras calls tf.nn.bias_add (a vector exactly as long as the channel axis) for
    // rank 4, channels_last, vector bias; the other cases add with broadcasting.
    strict = r === 4 && df === 'channels_last' && bs.length === 1;
  } else {
    if (r < 2) throw new KerasValueError(`${fn}: argument 'x' must have rank >= 2, got shape [${fmt(t.shape)}]`);
    if (bs.length !== 1) throw new KerasValueError(`${fn}: argument 'bias' must be a vector for 'x' of rank ${r}, got shape [${fmt(bs)}]`);
    target = bs;
    strict = true;
  }
  const off = r - target.length;
  const fits = target.every((d, i) => {
    const xd = t.shape[i + off];
    const channel = i === target.length - 1;
    return strict && channel ? dimsCompatible(d, xd) : d === 1 || dimsCompatible(d, xd);
  });
  if (!fits) {
    const where_ = strict ? 'its length must equal the last axis of' : 'it does not broadcast to';
    throw new KerasShapeError(`${fn}: argument 'bias' of shape [${fmt(bs)}] does not fit 'x' of shape [${fmt(t.shape)}] (${df}): ${where_} 'x'`);
  }
  // Leading ones are added by broadcasting; a reshape is needed only to move the channels.
  const needsReshape = target.length - bs.length > 0 && !target.slice(target.length - bs.length).every((d, i) => d === bs[i]);
  return add(t, needsReshape ? reshapeTo(b, target, fn) : b);
}
