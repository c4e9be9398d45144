/**
 * `biasAdd` of the nn group.
 */
import { Shape } from '../../../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { add, reshapeTo } from '../../primitives';
import { KTensor } from '../../tensor';
import { dataFormatArg, dimsCompatible, operandLike, requireTensorLike } from '../../validate';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

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
export function biasAdd(x: TensorInput, bias: TensorInput, dataFormat: string | null = null, ...extra: []): KTensor {
  checkArity('biasAdd', 3, extra);
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
