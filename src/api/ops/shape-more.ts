/**
 * Shape functions of the catalogue beyond concatenate and reshape: permutations,
 * repeats and tiles, resizing by integer factors, flattening, adding and removing
 * axes, zero padding, stacking, one-hot encoding, reversing, arange and Theano's
 * pattern_broadcast. All are composites over primitives (see shape-helpers.ts for
 * how unknown dims are handled).
 */
import { DType, isIntDType } from '../../backends/types';
import { floatx, imageDataFormat } from '../../config';
import type { ImageDataFormat } from '../../config';
import { KerasShapeError, KerasTypeError, KerasValueError, NotImplementedYetError } from '../../errors';
import { fmt } from '../infer';
import { applyOp, constantFrom } from '../op';
import { cast, reshapeTo, transposeOp } from '../prims';
import { KTensor } from '../tensor';
import { checkBool, checkDType, checkInt, checkNumber, normAxis, requireTensorLike, show } from '../validate';
import { insertAxis, int32Const, padZeros, removeAxis, repeatAlong, tileAxes, zeroIndices } from './shape-helpers';

/* ------------------------------------------------------------------------ */
/* Argument helpers                                                         */
/* ------------------------------------------------------------------------ */

/** A non-negative (or, with `min` 1, positive) integer argument. */
function countArg(v: unknown, fn: string, arg: string, min = 0): number {
  const n = checkInt(v, fn, arg);
  if (n < min) throw new KerasValueError(`${fn}: argument '${arg}' must be an integer >= ${min}, got ${n}`);
  return n;
}

/** A data format: null / undefined means `imageDataFormat()`. */
function dataFormatArg(v: unknown, fn: string): ImageDataFormat {
  if (v === null || v === undefined) return imageDataFormat();
  if (v !== 'channels_first' && v !== 'channels_last') {
    throw new KerasValueError(`${fn}: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got ${show(v)}`);
  }
  return v;
}

/** A tensor argument of rank exactly `rank`. */
function rankArg(v: unknown, rank: number, fn: string, arg = 'x'): KTensor {
  const t = requireTensorLike(v, fn, arg);
  if (t.rank !== rank) throw new KerasValueError(`${fn}: argument '${arg}' must be a ${rank}D tensor, got shape [${fmt(t.shape)}]`);
  return t;
}

/** An axis where a new axis can go: -(rank+1) <= axis <= rank, normalised to 0..rank. */
function newAxisArg(axis: unknown, rank: number, fn: string, arg = 'axis'): number {
  return normAxis(axis, rank + 1, fn, arg);
}

/** `[before, after]`, two non-negative integers. */
function padPairArg(v: unknown, fn: string, arg: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || v.some((p) => typeof p !== 'number' || !Number.isInteger(p) || p < 0)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be a pair [before, after] of non-negative integers, got ${show(v)}`);
  }
  return [v[0] as number, v[1] as number];
}

/** `n` pairs `[before, after]` of non-negative integers. */
function padPairsArg(v: unknown, n: number, fn: string): [number, number][] {
  if (!Array.isArray(v) || v.length !== n) {
    throw new KerasValueError(`${fn}: argument 'padding' must be ${n} pairs [before, after] of non-negative integers, got ${show(v)}`);
  }
  return v.map((p, i) => padPairArg(p, fn, `padding[${i}]`));
}

/* ------------------------------------------------------------------------ */
/* Permutations, repeats, tiles                                             */
/* ------------------------------------------------------------------------ */

/**
 * Permutes the axes of `x`: output axis i is input axis `pattern[i]`. `pattern`
 * lists each of 0 .. rank-1 once.
 *
 * Mirrors `keras.backend.permute_dimensions(x, pattern)`.
 */
export function permuteDimensions(x: unknown, pattern: readonly number[]): KTensor {
  const t = requireTensorLike(x, 'permuteDimensions');
  const r = t.rank;
  if (!Array.isArray(pattern) || pattern.length !== r) {
    throw new KerasValueError(`permuteDimensions: argument 'pattern' must be a permutation of the ${r} axes of x (shape [${fmt(t.shape)}]), got ${show(pattern)}`);
  }
  const seen = new Set<number>();
  for (const p of pattern as unknown[]) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= r || seen.has(p)) {
      throw new KerasValueError(`permuteDimensions: argument 'pattern' must be a permutation of 0 .. ${r - 1}, got ${show(pattern)}`);
    }
    seen.add(p);
  }
  return transposeOp(t, pattern);
}

/**
 * Repeats each element of `x` `rep` times along `axis`, like `np.repeat`: shape
 * (s1, s2, s3) with axis 1 gives (s1, s2 * rep, s3). `rep` is a positive integer
 * (as in Keras, where 0 fails when the axis length is known). Works with unknown
 * dims; when the repeated axis and another dim are both unknown, the result runs
 * but its gradient needs the axis length (a static shape) there.
 *
 * Mirrors `keras.backend.repeat_elements(x, rep, axis)`.
 */
export function repeatElements(x: unknown, rep: number, axis: number): KTensor {
  const t = requireTensorLike(x, 'repeatElements');
  const n = countArg(rep, 'repeatElements', 'rep', 1);
  if (t.rank === 0) throw new KerasValueError(`repeatElements: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis, t.rank, 'repeatElements');
  return repeatAlong(t, n, ax, 'repeatElements');
}

/**
 * Nearest-neighbour upsampling of the images in a 4D tensor by positive integer
 * factors: each pixel becomes a `heightFactor` x `widthFactor` block.
 * `dataFormat` 'channels_last' is [batch, height, width, channels],
 * 'channels_first' [batch, channels, height, width]; null uses `imageDataFormat()`.
 * Only `interpolation` 'nearest' is supported ('bilinear', of Keras 2.2, throws
 * NotImplementedYetError).
 *
 * Mirrors `keras.backend.resize_images(x, height_factor, width_factor, data_format, interpolation='nearest')`.
 */
export function resizeImages(
  x: unknown,
  heightFactor: number,
  widthFactor: number,
  dataFormat: ImageDataFormat | null = null,
  interpolation: 'nearest' | 'bilinear' = 'nearest',
): KTensor {
  const fn = 'resizeImages';
  const t = rankArg(x, 4, fn);
  const h = countArg(heightFactor, fn, 'heightFactor', 1);
  const w = countArg(widthFactor, fn, 'widthFactor', 1);
  const df = dataFormatArg(dataFormat, fn);
  if (interpolation === 'bilinear') {
    throw new NotImplementedYetError(`${fn}: argument 'interpolation' 'bilinear' is not implemented yet (only 'nearest' is)`);
  }
  if (interpolation !== 'nearest') {
    throw new KerasValueError(`${fn}: argument 'interpolation' must be 'nearest' or 'bilinear', got ${show(interpolation)}`);
  }
  const [rows, cols] = df === 'channels_first' ? [2, 3] : [1, 2];
  return repeatAlong(repeatAlong(t, h, rows, fn), w, cols, fn);
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
  x: unknown,
  depthFactor: number,
  heightFactor: number,
  widthFactor: number,
  dataFormat: ImageDataFormat | null = null,
): KTensor {
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
export function repeat(x: unknown, n: number): KTensor {
  const t = rankArg(x, 2, 'repeat');
  const k = countArg(n, 'repeat', 'n');
  return applyOp('gather', [insertAxis(t, 1, 'repeat'), zeroIndices(k, 'repeat')], { axis: 1 });
}

/** Options of `arange`. */
export interface ArangeOptions {
  /** The end (excluded); null or omitted: `start` is the end and 0 the start. */
  readonly stop?: number | null;
  /** The difference between successive values (not 0; default 1). */
  readonly step?: number;
  /** The dtype of the result (default int32). */
  readonly dtype?: DType;
}

/**
 * A 1D tensor of the values `start, start + step, ...` up to `stop` (excluded).
 * With no `stop`, `start` is the stop (Theano's and NumPy's convention):
 * `arange(5)` is [0, 1, 2, 3, 4], and a negative single argument gives an empty
 * tensor. The values are computed in float64 and stored in `dtype` (default
 * int32; fractional values are truncated toward zero, as Keras's cast of
 * TensorFlow's range). As TensorFlow's range, a step that goes away from `stop`
 * (`arange(5, {stop: 2})`) is an error, not an empty range, and `step` 0 is an
 * error. Keras's three optional parameters come as one options object:
 * `arange(1, {stop: 10, step: 3, dtype: 'float32'})`.
 *
 * Mirrors `keras.backend.arange(start, stop=None, step=1, dtype='int32')`.
 */
export function arange(start: number, options: ArangeOptions = {}): KTensor {
  const fn = 'arange';
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new KerasValueError(`${fn}: argument 'options' must be an object {stop, step, dtype}, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'stop' && key !== 'step' && key !== 'dtype') {
      throw new KerasValueError(`${fn}: argument 'options' has an unknown key '${key}' (expected stop, step, dtype)`);
    }
  }
  const { stop = null, step = 1, dtype = 'int32' } = options;
  let a = checkNumber(start, fn, 'start');
  let b: number;
  if (stop === null || stop === undefined) {
    b = Math.max(a, 0);
    a = 0;
  } else b = checkNumber(stop, fn, 'stop');
  const s = checkNumber(step, fn, 'step');
  const dt = checkDType(dtype, fn, 'dtype');
  if (s === 0) throw new KerasValueError(`${fn}: argument 'step' must not be 0`);
  if ((s > 0 && a > b) || (s < 0 && a < b)) {
    throw new KerasValueError(`${fn}: argument 'step' (${s}) goes away from 'stop': start ${a} ${s > 0 ? '>' : '<'} stop ${b} (as TensorFlow's range)`);
  }
  const n = Math.ceil(Math.abs((b - a) / s));
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a + i * s;
  return constantFrom({ data: values, shape: [n] }, fn, 'start', dt);
}

/**
 * Tiles `x`: `n` (an int, or a list of one int per axis) copies along each axis.
 * As Keras, an int stands for a list of one, so it fits only a 1D tensor.
 *
 * Mirrors `keras.backend.tile(x, n)`.
 */
export function tile(x: unknown, n: number | readonly number[]): KTensor {
  const t = requireTensorLike(x, 'tile');
  const list = typeof n === 'number' ? [n] : n;
  if (!Array.isArray(list) || list.some((r) => typeof r !== 'number' || !Number.isInteger(r) || r < 0)) {
    throw new KerasValueError(`tile: argument 'n' must be a non-negative integer or a list of them, got ${show(n)}`);
  }
  if (list.length !== t.rank) {
    throw new KerasValueError(`tile: argument 'n' must have one entry per axis of x (shape [${fmt(t.shape)}], rank ${t.rank}), got ${show(n)}`);
  }
  return tileAxes(t, list as number[]);
}

/* ------------------------------------------------------------------------ */
/* Flattening, adding and removing axes                                     */
/* ------------------------------------------------------------------------ */

/**
 * Flattens `x` to 1D (row-major order).
 *
 * Mirrors `keras.backend.flatten(x)`.
 */
export function flatten(x: unknown): KTensor {
  const t = requireTensorLike(x, 'flatten');
  if (t.rank === 1) return t;
  return applyOp('reshape', [t], { shape: [-1] });
}

/**
 * Turns an nD tensor into a 2D tensor with the same first (batch) dimension:
 * each sample flattened. The first dim may be unknown when the others are known;
 * with the first dim and another both unknown it throws (that needs a reshape to
 * a run-time shape, which the primitives lack).
 *
 * Mirrors `keras.backend.batch_flatten(x)`.
 */
export function batchFlatten(x: unknown): KTensor {
  const t = requireTensorLike(x, 'batchFlatten');
  if (t.rank === 2) return t;
  const first = t.rank === 0 ? 1 : t.shape[0];
  const rest = t.shape.slice(1);
  const restSize = rest.reduce<number | null>((p, d) => (p === null || d === null ? null : p * d), 1);
  if (first === null && restSize === null) {
    throw new KerasValueError(
      `batchFlatten: argument 'x' has shape [${fmt(t.shape)}]: the batch dimension and another one are both unknown, which batchFlatten cannot reshape yet`,
    );
  }
  return reshapeTo(t, [first, restSize], 'batchFlatten');
}

/**
 * Adds an axis of length 1 at position `axis` (-rank-1 <= axis <= rank; default -1, last).
 *
 * Mirrors `keras.backend.expand_dims(x, axis=-1)`.
 */
export function expandDims(x: unknown, axis = -1): KTensor {
  const t = requireTensorLike(x, 'expandDims');
  return insertAxis(t, newAxisArg(axis, t.rank, 'expandDims'), 'expandDims');
}

/**
 * Removes the axis `axis`, which must have length 1.
 *
 * Mirrors `keras.backend.squeeze(x, axis)`.
 */
export function squeeze(x: unknown, axis: number): KTensor {
  const t = requireTensorLike(x, 'squeeze');
  if (t.rank === 0) throw new KerasValueError(`squeeze: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis, t.rank, 'squeeze');
  const d = t.shape[ax];
  if (d !== null && d !== 1) {
    throw new KerasValueError(`squeeze: argument 'axis' (${axis}) must name a dimension of length 1, but x has shape [${fmt(t.shape)}]`);
  }
  return removeAxis(t, ax, 'squeeze');
}

/**
 * Stacks a non-empty list of tensors of the same shape and dtype into one of rank
 * + 1, along the new axis `axis` (default 0).
 *
 * Mirrors `keras.backend.stack(x, axis=0)`.
 */
export function stack(x: readonly unknown[], axis = 0): KTensor {
  if (!Array.isArray(x) || x.length === 0) throw new KerasValueError(`stack: argument 'x' must be a non-empty array of tensors`);
  const ts = x.map((v, i) => requireTensorLike(v, 'stack', `x[${i}]`));
  const first = ts[0];
  ts.forEach((t, i) => {
    if (t.dtype !== first.dtype) throw new KerasTypeError(`stack: x[${i}] has dtype ${t.dtype}, x[0] has ${first.dtype}`);
    const clash = t.rank !== first.rank || t.shape.some((d, k) => d !== null && first.shape[k] !== null && d !== first.shape[k]);
    if (clash) throw new KerasShapeError(`stack: x[${i}] has shape [${fmt(t.shape)}], x[0] has shape [${fmt(first.shape)}]; they must be the same`);
  });
  const ax = newAxisArg(axis, first.rank, 'stack');
  const parts = ts.map((t) => insertAxis(t, ax, 'stack'));
  return parts.length === 1 ? parts[0] : applyOp('concat', parts, { axis: ax });
}

/* ------------------------------------------------------------------------ */
/* Padding                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Pads the middle dimension of a 3D tensor with `padding[0]` zeros before and
 * `padding[1]` after.
 *
 * Mirrors `keras.backend.temporal_padding(x, padding=(1, 1))`.
 */
export function temporalPadding(x: unknown, padding: readonly [number, number] = [1, 1]): KTensor {
  const t = rankArg(x, 3, 'temporalPadding');
  const p = padPairArg(padding, 'temporalPadding', 'padding');
  return padZeros(t, [[0, 0], p, [0, 0]]);
}

/**
 * Pads the two spatial dimensions of a 4D tensor with zeros: `padding` is
 * [[top, bottom], [left, right]]; `dataFormat` null uses `imageDataFormat()`.
 *
 * Mirrors `keras.backend.spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None)`.
 */
export function spatial2dPadding(
  x: unknown,
  padding: readonly (readonly [number, number])[] = [
    [1, 1],
    [1, 1],
  ],
  dataFormat: ImageDataFormat | null = null,
): KTensor {
  const fn = 'spatial2dPadding';
  const t = rankArg(x, 4, fn);
  const p = padPairsArg(padding, 2, fn);
  const df = dataFormatArg(dataFormat, fn);
  return padZeros(t, df === 'channels_first' ? [[0, 0], [0, 0], ...p] : [[0, 0], ...p, [0, 0]]);
}

/**
 * Pads the three spatial dimensions (depth, height, width) of a 5D tensor with
 * zeros: `padding` is three pairs [before, after]; `dataFormat` null uses
 * `imageDataFormat()`.
 *
 * Mirrors `keras.backend.spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None)`.
 */
export function spatial3dPadding(
  x: unknown,
  padding: readonly (readonly [number, number])[] = [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
  dataFormat: ImageDataFormat | null = null,
): KTensor {
  const fn = 'spatial3dPadding';
  const t = rankArg(x, 5, fn);
  const p = padPairsArg(padding, 3, fn);
  const df = dataFormatArg(dataFormat, fn);
  return padZeros(t, df === 'channels_first' ? [[0, 0], [0, 0], ...p] : [[0, 0], ...p, [0, 0]]);
}

/* ------------------------------------------------------------------------ */
/* One-hot, reverse, pattern_broadcast                                      */
/* ------------------------------------------------------------------------ */

/**
 * One-hot encoding of integer `indices` of shape (d0, ..., dn-1): a floatx tensor
 * of shape (d0, ..., dn-1, numClasses) with 1 at each index and 0 elsewhere; an
 * index outside [0, numClasses) gives a row of zeros, as `tf.one_hot`.
 *
 * Mirrors `keras.backend.one_hot(indices, num_classes)`.
 */
export function oneHot(indices: unknown, numClasses: number): KTensor {
  const t = requireTensorLike(indices, 'oneHot', 'indices');
  if (!isIntDType(t.dtype)) throw new KerasTypeError(`oneHot: argument 'indices' must be an integer tensor, got dtype ${t.dtype}`);
  const n = countArg(numClasses, 'oneHot', 'numClasses');
  const classes = int32Const(
    Array.from({ length: n }, (_, i) => i),
    [n],
    'oneHot',
  );
  const hit = applyOp('equal', [insertAxis(t, t.rank, 'oneHot'), classes], {});
  return cast(hit, floatx());
}

/**
 * Reverses `x` along `axes` (an int or a list of distinct ints).
 *
 * Mirrors `keras.backend.reverse(x, axes)`.
 */
export function reverse(x: unknown, axes: number | readonly number[]): KTensor {
  const t = requireTensorLike(x, 'reverse');
  const list = typeof axes === 'number' ? [axes] : axes;
  if (!Array.isArray(list)) throw new KerasValueError(`reverse: argument 'axes' must be an integer or a list of integers, got ${show(axes)}`);
  const norm = list.map((a, i) => normAxis(a, t.rank, 'reverse', Array.isArray(axes) ? `axes[${i}]` : 'axes'));
  if (new Set(norm).size !== norm.length) throw new KerasValueError(`reverse: argument 'axes' repeats an axis: ${show(axes)}`);
  if (norm.length === 0) return t;
  return applyOp('reverse', [t], { axes: norm.sort((p, q) => p - q) });
}

/**
 * Theano's broadcasting pattern: `broadcastable` has one boolean per axis, true
 * where the axis is meant to have length 1. The values are unchanged (a new
 * tensor, the identity); an axis marked true whose static length is known and not
 * 1 is an error.
 *
 * Mirrors `keras.backend.pattern_broadcast(x, broadcastable)`.
 */
export function patternBroadcast(x: unknown, broadcastable: readonly boolean[]): KTensor {
  const t = requireTensorLike(x, 'patternBroadcast');
  if (!Array.isArray(broadcastable) || broadcastable.length !== t.rank) {
    throw new KerasValueError(`patternBroadcast: argument 'broadcastable' must be a list of ${t.rank} booleans (one per axis of x, shape [${fmt(t.shape)}]), got ${show(broadcastable)}`);
  }
  broadcastable.forEach((b, i) => {
    const flag = checkBool(b, 'patternBroadcast', `broadcastable[${i}]`);
    const d = t.shape[i];
    if (flag && d !== null && d !== 1) {
      throw new KerasValueError(`patternBroadcast: argument 'broadcastable' marks axis ${i} broadcastable, but its length is ${d} (shape [${fmt(t.shape)}])`);
    }
  });
  return applyOp('identity', [t], {});
}
