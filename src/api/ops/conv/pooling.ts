/**
 * Pooling of the conv group: pool2d, pool3d (average pooling over 'same' padding
 * divides by the number of real cells). Each is one maxPool or avgPool composite
 * node (src/api/composites.ts), run natively where the engine has the kernel.
 */
import type { ImageDataFormat } from '../../../config';
import { KerasValueError } from '../../../errors';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';
import { dataFormatArg, show } from '../../validate';
import { geometry, paddingArg, rankedFloat, spatialAndChannels, tupleArg } from './arguments';
import { padsOf } from './convolution';
import { fromChannelsLast, toChannelsLast } from './patches';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/** Options of `pool2d` and `pool3d`. */
export interface PoolOptions {
  /** One stride per spatial axis (an int stands for all; default 1, as Keras). */
  readonly strides?: number | readonly number[];
  /** 'valid' (default) or 'same'. */
  readonly padding?: 'valid' | 'same';
  /** 'channels_last' or 'channels_first'; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
  /** 'max' (default) or 'avg'. */
  readonly poolMode?: 'max' | 'avg';
}

function poolN(fn: string, n: number, x: unknown, poolSize: unknown, options: unknown): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'poolMode'], fn);
  const xt = rankedFloat(x, n + 2, fn, 'x');
  const size = tupleArg(poolSize, n, fn, 'poolSize');
  const strides = tupleArg(opts.strides, n, fn, 'strides', 1);
  const padding = paddingArg(opts.padding, ['valid', 'same'] as const, fn);
  const df = dataFormatArg(opts.dataFormat, fn);
  const mode = opts.poolMode === undefined || opts.poolMode === null ? 'max' : opts.poolMode;
  if (mode !== 'max' && mode !== 'avg') {
    throw new KerasValueError(`${fn}: argument 'poolMode' must be 'max' or 'avg', got ${show(opts.poolMode)}`);
  }
  const xl = toChannelsLast(xt, df);
  const { spatial } = spatialAndChannels(xl, xt, fn);
  const ones = new Array<number>(n).fill(1);
  const axes = geometry(spatial, size, strides, ones, padding, xt, fn);
  // One composite node (maxPool or avgPool): engines with pooling kernels run it natively.
  const window = { window: size, strides, pads: padsOf(axes, spatial) };
  return fromChannelsLast(applyComposite(mode === 'max' ? 'maxPool' : 'avgPool', [xl], window), df);
}

/**
 * 2D pooling of `x` ([batch, rows, cols, channels] or channels_first) over
 * windows of `poolSize` (two ints). `poolMode` 'max' (default) or 'avg'; padding
 * 'valid' or 'same' (TensorFlow's: padded cells never win a max, and an average
 * divides by the number of real cells in the window). Strides default to 1, as
 * in Keras's backend. Keras's four optional parameters come as one options
 * object: `pool2d(x, [2, 2], {strides: [2, 2], padding: 'same', poolMode: 'avg'})`.
 *
 * Mirrors `keras.backend.pool2d(x, pool_size, strides=(1, 1), padding='valid', data_format=None, pool_mode='max')`.
 */
export function pool2d(x: TensorInput, poolSize: readonly number[], options: PoolOptions = {}, ...extra: []): KTensor {
  checkArity('pool2d', 3, extra);
  return poolN('pool2d', 2, x, poolSize, options);
}

/**
 * 3D pooling of `x` ([batch, depth, rows, cols, channels] or channels_first)
 * over windows of `poolSize` (three ints). Modes and padding as `pool2d`.
 *
 * Mirrors `keras.backend.pool3d(x, pool_size, strides=(1, 1, 1), padding='valid', data_format=None, pool_mode='max')`.
 */
export function pool3d(x: TensorInput, poolSize: readonly number[], options: PoolOptions = {}, ...extra: []): KTensor {
  checkArity('pool3d', 3, extra);
  return poolN('pool3d', 3, x, poolSize, options);
}
