/**
 * Shape functions that repeat cells: repeat, repeat_elements, tile, and resizing
 * by integer factors (resize_images, resize_volumes).
 */
import type { ImageDataFormat } from '../../../config';
import { isFloatDType } from '../../../backends/types';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, transposeOp } from '../../primitives';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';
import { checkArity, countArg, dataFormatArg, normAxis, rankArg, requireTensorLike, show } from '../../validate';
import { insertAxis, repeatAlong, tileAxes, zeroIndices } from './helpers';
import type { TensorInput } from '../../tensor-input';

/**
 * Repeats each element of `x` `rep` times along `axis`, like `np.repeat`: shape
 * (s1, s2, s3) with axis 1 gives (s1, s2 * rep, s3). `rep` is a positive integer
 * (as in Keras, where 0 fails when the axis length is known). Works with unknown
 * dims; when the repeated axis and another dim are both unknown, the result runs
 * but its gradient needs the axis length (a static shape) there.
 *
 * Mirrors `keras.backend.repeat_elements(x, rep, axis)`.
 */
export function repeatElements(x: TensorInput, rep: number, axis: number, ...extra: []): KTensor {
  checkArity('repeatElements', 3, extra);
  const t = requireTensorLike(x, 'repeatElements');
  const n = countArg(rep, 'repeatElements', 'rep', 1);
  if (t.rank === 0) throw new KerasValueError(`repeatElements: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis, t.rank, 'repeatElements');
  return repeatAlong(t, n, ax, 'repeatElements');
}

/**
 * Upsampling of the images in a 4D tensor by positive integer factors.
 * `dataFormat` 'channels_last' is [batch, height, width, channels],
 * 'channels_first' [batch, channels, height, width]; null uses `imageDataFormat()`.
 * `interpolation` 'nearest' (default): each pixel becomes a `heightFactor` x
 * `widthFactor` block. 'bilinear' (a float tensor whose height and width are known):
 * as TensorFlow's `resize_bilinear`, which Keras 2.3.1 calls, with its defaults
 * (align_corners and half_pixel_centers false): output row `o` reads input row
 * `o / heightFactor`, linearly interpolated between rows `floor(o / heightFactor)`
 * and the next one (the last row repeated past the end); the same along the width.
 * Example: [[1, 2], [3, 4]] by 2 and 2 gives
 * [[1, 1.5, 2, 2], [2, 2.5, 3, 3], [3, 3.5, 4, 4], [3, 3.5, 4, 4]].
 *
 * Mirrors `keras.backend.resize_images(x, height_factor, width_factor, data_format, interpolation='nearest')`.
 */
export function resizeImages(
  x: TensorInput,
  heightFactor: number,
  widthFactor: number,
  dataFormat: ImageDataFormat | null = null,
  interpolation: 'nearest' | 'bilinear' = 'nearest',
  ...extra: []
): KTensor {
  checkArity('resizeImages', 5, extra);
  const fn = 'resizeImages';
  const t = rankArg(x, 4, fn);
  const h = countArg(heightFactor, fn, 'heightFactor', 1);
  const w = countArg(widthFactor, fn, 'widthFactor', 1);
  const df = dataFormatArg(dataFormat, fn);
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
    throw new KerasValueError(`${fn}: argument 'interpolation' must be 'nearest' or 'bilinear', got ${show(interpolation)}`);
  }
  const [rows, cols] = df === 'channels_first' ? [2, 3] : [1, 2];
  if (interpolation === 'nearest') return repeatAlong(repeatAlong(t, h, rows, fn), w, cols, fn);
  if (!isFloatDType(t.dtype)) throw new KerasTypeError(`${fn}: argument 'x' must be a float tensor for 'bilinear' interpolation, got dtype ${t.dtype}`);
  if (t.shape[rows] === null || t.shape[cols] === null) {
    throw new KerasValueError(`${fn}: argument 'x' (shape [${fmt(t.shape)}], ${df}) must have a known height and width for 'bilinear' interpolation`);
  }
  // one composite node on a channels_last image: engines with a resize kernel run it
  const xl = df === 'channels_first' ? transposeOp(t, [0, 2, 3, 1]) : t;
  const y = applyComposite('resizeBilinear', [xl], { factors: [h, w] });
  return df === 'channels_first' ? transposeOp(y, [0, 3, 1, 2]) : y;
}

/**
 * Nearest-neighbour upsampling of the volumes in a 5D tensor by positive integer
 * factors along depth, height and width. `dataFormat` 'channels_last' is
 * [batch, depth, height, width, channels], 'channels_first'
 * [batch, channels, depth, height, width]; null uses `imageDataFormat()`.
 *
 * Mirrors `keras.backend.resize_volumes(x, depth_factor, height_factor, width_factor, data_format)`.
 */
export function resizeVolumes(
  x: TensorInput,
  depthFactor: number,
  heightFactor: number,
  widthFactor: number,
  dataFormat: ImageDataFormat | null = null,
  ...extra: []
): KTensor {
  checkArity('resizeVolumes', 5, extra);
  const fn = 'resizeVolumes';
  const t = rankArg(x, 5, fn);
  const d = countArg(depthFactor, fn, 'depthFactor', 1);
  const h = countArg(heightFactor, fn, 'heightFactor', 1);
  const w = countArg(widthFactor, fn, 'widthFactor', 1);
  const first = dataFormatArg(dataFormat, fn) === 'channels_first' ? 2 : 1;
  return repeatAlong(repeatAlong(repeatAlong(t, d, first, fn), h, first + 1, fn), w, first + 2, fn);
}

/**
 * Repeats a 2D tensor: (samples, dim) becomes (samples, n, dim), every row
 * repeated `n` times (n >= 0).
 *
 * Mirrors `keras.backend.repeat(x, n)`.
 */
export function repeat(x: TensorInput, n: number, ...extra: []): KTensor {
  checkArity('repeat', 2, extra);
  const t = rankArg(x, 2, 'repeat');
  const k = countArg(n, 'repeat', 'n');
  return applyOp('gather', [insertAxis(t, 1, 'repeat'), zeroIndices(k, 'repeat')], { axis: 1 });
}

/**
 * Tiles `x`: `n` (an int, or a list of ints) copies along each axis. As in Keras 2.3.1
 * (and `np.tile`), a list shorter than the rank is padded with leading 1s, so an int
 * tiles the last axis: `tile(x of shape (3, 4), 2)` has shape (3, 8). A list longer
 * than the rank is refused.
 *
 * Mirrors `keras.backend.tile(x, n)`.
 */
export function tile(x: TensorInput, n: number | readonly number[], ...extra: []): KTensor {
  checkArity('tile', 2, extra);
  const t = requireTensorLike(x, 'tile');
  const given = typeof n === 'number' ? [n] : n;
  if (!Array.isArray(given) || given.some((r) => typeof r !== 'number' || !Number.isInteger(r) || r < 0)) {
    throw new KerasValueError(`tile: argument 'n' must be a non-negative integer or a list of them, got ${show(n)}`);
  }
  if (given.length > t.rank) {
    throw new KerasValueError(`tile: argument 'n' must have at most one entry per axis of 'x' (shape [${fmt(t.shape)}], rank ${t.rank}), got ${show(n)}`);
  }
  const list = [...new Array<number>(t.rank - given.length).fill(1), ...(given as number[])];
  return tileAxes(t, list);
}
