/**
 * Pooling of the conv group: pool2d, pool3d (average pooling over 'same' padding
 * divides by the number of real cells).
 */
import type { ImageDataFormat } from '../../../config';
import { KerasValueError } from '../../../errors';
import { applyOp,constantFrom,div,expandDimsOp,reduceOp,reshapeTo,scalar,zerosLikeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { dataFormatArg,show } from '../../validate';
import { geometry,optionsArg,paddingArg,rankedFloat,spatialAndChannels,tupleArg } from './arguments';
import { extractPatches,fromChannelsLast,product,toChannelsLast,validCounts } from './patches';

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

/**
 * The maximum over `axis` (of length `len`) that routes the whole gradient to the
 * first maximal cell, as TensorFlow's max-pool gradient does (a plain reduceMax
 * would share it among ties, common after a relu). The value is the maximum.
 */
function firstMax(patches: KTensor, axis: number, len: number): KTensor {
  const first = applyOp('argMax', [patches], { axis }); // int32, first index on ties
  const cells = constantFrom({ data: Int32Array.from({ length: len }, (_, i) => i), shape: [len, 1] }, 'pool', 'cells', 'int32');
  const isFirst = applyOp('equal', [expandDimsOp(first, [axis]), cells], {}); // [..., len, c]
  const picked = applyOp('where', [isFirst, patches, zerosLikeOp(patches)], {});
  return reduceOp('reduceSum', picked, [axis], false);
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
  const { spatial, channels } = spatialAndChannels(xl, xt, fn);
  const ones = new Array<number>(n).fill(1);
  const axes = geometry(spatial, size, strides, ones, padding, xt, fn);
  const full = product(size);
  const flat = extractPatches(xl, axes, mode === 'max' ? -Infinity : 0, fn); // [b, o..., k*c]
  const patches = reshapeTo(flat, [xl.shape[0], ...axes.map((w) => w.out), full, channels], fn); // [b, o..., k, c]
  if (mode === 'max') return fromChannelsLast(firstMax(patches, n + 1, full), df);
  const sum = reduceOp('reduceSum', patches, [n + 1], false); // [b, o..., c]
  const perAxis = axes.map((w, i) => validCounts(spatial[i], w));
  let counts: KTensor;
  if (perAxis.every((c, i) => c.every((v) => v === size[i]))) {
    counts = scalar(full, xt.dtype);
  } else {
    // The number of real cells of each window: the product of the per-axis counts.
    const outs = axes.map((w) => w.out);
    const data = new Float64Array(product(outs));
    for (let cell = 0; cell < data.length; cell++) {
      let rem = cell;
      let c = 1;
      for (let i = n - 1; i >= 0; i--) {
        c *= perAxis[i][rem % outs[i]];
        rem = Math.floor(rem / outs[i]);
      }
      data[cell] = c;
    }
    counts = constantFrom({ data, shape: [...outs, 1] }, fn, 'x', xt.dtype);
  }
  return fromChannelsLast(div(sum, counts), df);
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
export function pool2d(x: unknown, poolSize: readonly number[], options: PoolOptions = {}): KTensor {
  return poolN('pool2d', 2, x, poolSize, options);
}

/**
 * 3D pooling of `x` ([batch, depth, rows, cols, channels] or channels_first)
 * over windows of `poolSize` (three ints). Modes and padding as `pool2d`.
 *
 * Mirrors `keras.backend.pool3d(x, pool_size, strides=(1, 1, 1), padding='valid', data_format=None, pool_mode='max')`.
 */
export function pool3d(x: unknown, poolSize: readonly number[], options: PoolOptions = {}): KTensor {
  return poolN('pool3d', 3, x, poolSize, options);
}
