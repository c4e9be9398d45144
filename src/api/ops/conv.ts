/**
 * Convolution and pooling: conv1d/2d/3d, the transposed convolutions, depthwise
 * and separable convolutions, pool2d/pool3d and the locally connected (unshared
 * weight) convolutions. There is no conv or pool primitive: each function is a
 * composite over primitives (window extraction in patches.ts, then a matrix
 * product or a reduction), so it runs and differentiates the same on every
 * backend. Semantics are those of Keras 2.x's TensorFlow backend: TensorFlow's
 * 'same' padding (the extra cell at the end), 'causal' for conv1d, kernels laid
 * out (spatial..., in, out) for convolutions and (spatial..., out, in) for
 * transposed convolutions, average pooling over 'same' padding dividing by the
 * number of real cells, and strides > 1 refused with dilation rates > 1.
 *
 * The batch dim may be unknown (null); spatial and channel dims must be known.
 */
import { DType } from '../../backends/types';
import { imageDataFormat } from '../../config';
import type { ImageDataFormat } from '../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp, constantFrom } from '../op';
import { div, expandDimsOp, matMul, reduceOp, reshapeTo, scalar, transposeOp, zerosLikeOp } from '../prims';
import { KTensor } from '../tensor';
import { floatTensor, show } from '../validate';
import { effectiveKernel, extractPatches, PaddingMode, validCounts, WindowAxis, windowAxis } from './patches';

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/** Options of `conv1d`. */
export interface Conv1dOptions {
  /** The stride (default 1). */
  readonly strides?: number | readonly [number];
  /** 'valid' (default), 'same' or 'causal' (left padding only; channels_last only). */
  readonly padding?: 'valid' | 'same' | 'causal';
  /** 'channels_last' [batch, steps, channels] or 'channels_first' [batch, channels, steps]; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
  /** The dilation rate (default 1). */
  readonly dilationRate?: number | readonly [number];
}

/** Options of `conv2d`, `conv3d`, `depthwiseConv2d` and the separable convolutions. */
export interface ConvOptions {
  /** One stride per spatial axis (an int stands for all; default 1). */
  readonly strides?: number | readonly number[];
  /** 'valid' (default) or 'same'. */
  readonly padding?: 'valid' | 'same';
  /** 'channels_last' or 'channels_first'; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
  /** One dilation rate per spatial axis (an int stands for all; default 1). */
  readonly dilationRate?: number | readonly number[];
}

/** Options of `conv2dTranspose` and `conv3dTranspose`. */
export interface ConvTransposeOptions {
  /** One stride per spatial axis (an int stands for all; default 1). */
  readonly strides?: number | readonly number[];
  /** 'valid' (default) or 'same'. */
  readonly padding?: 'valid' | 'same';
  /** 'channels_last' or 'channels_first'; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
}

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

/* ------------------------------------------------------------------------ */
/* Argument checks                                                          */
/* ------------------------------------------------------------------------ */

/** The options object (undefined / null: none), with only `keys`. */
function optionsArg(v: unknown, keys: readonly string[], fn: string): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new KerasValueError(`${fn}: argument 'options' must be an object {${keys.join(', ')}}, got ${show(v)}`);
  }
  for (const key of Object.keys(v)) {
    if (!keys.includes(key)) {
      throw new KerasValueError(`${fn}: argument 'options' has an unknown key '${key}' (expected ${keys.join(', ')})`);
    }
  }
  return v as Record<string, unknown>;
}

/** `n` positive integers: an array of n, or one int standing for all (undefined / null: `def`). */
function tupleArg(v: unknown, n: number, fn: string, arg: string, def?: number): number[] {
  if ((v === undefined || v === null) && def !== undefined) return new Array<number>(n).fill(def);
  const ok = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 1;
  if (ok(v)) return new Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === n && v.every(ok)) return [...(v as number[])];
  throw new KerasValueError(`${fn}: argument '${arg}' must be ${n === 1 ? 'a positive integer' : `${n} positive integers (or one for all)`}, got ${show(v)}`);
}

/** A padding mode among `allowed`. */
function paddingArg<P extends PaddingMode>(v: unknown, allowed: readonly P[], fn: string): P {
  if (v === undefined || v === null) return 'valid' as P;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new KerasValueError(`${fn}: argument 'padding' must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${show(v)}`);
  }
  return v as P;
}

/** A data format: null / undefined means `imageDataFormat()`. */
function dataFormatArg(v: unknown, fn: string): ImageDataFormat {
  if (v === null || v === undefined) return imageDataFormat();
  if (v !== 'channels_first' && v !== 'channels_last') {
    throw new KerasValueError(`${fn}: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got ${show(v)}`);
  }
  return v;
}

/** A float tensor of rank `rank`. */
function rankedFloat(v: unknown, rank: number, fn: string, arg: string): KTensor {
  const t = floatTensor(v, fn, arg);
  if (t.rank !== rank) throw new KerasValueError(`${fn}: argument '${arg}' must be a ${rank}D tensor, got shape [${fmt(t.shape)}]`);
  return t;
}

/** A kernel argument: a float tensor of rank `rank` with every dim known, of `x`'s dtype. */
function kernelArg(v: unknown, rank: number, dtype: DType, fn: string, arg: string): KTensor {
  const k = rankedFloat(v, rank, fn, arg);
  if (k.shape.some((d) => d === null)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must have a known shape, got [${fmt(k.shape)}]`);
  }
  if (k.dtype !== dtype) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must have the dtype of 'x' (${dtype}), got ${k.dtype} (use K.cast)`);
  }
  return k;
}

/** The shape of a tensor whose dims are known (checked by the caller). */
function dims(t: KTensor): number[] {
  return t.shape as number[];
}

/** `x` moved to channels_last (a transpose for channels_first). */
function toChannelsLast(x: KTensor, df: ImageDataFormat): KTensor {
  if (df === 'channels_last') return x;
  const n = x.rank - 2;
  return transposeOp(x, [0, ...Array.from({ length: n }, (_, i) => i + 2), 1]);
}

/** A channels_last result moved to `df`. */
function fromChannelsLast(y: KTensor, df: ImageDataFormat): KTensor {
  if (df === 'channels_last') return y;
  const n = y.rank - 2;
  return transposeOp(y, [0, n + 1, ...Array.from({ length: n }, (_, i) => i + 1)]);
}

/** Checks that the spatial and channel dims of channels_last `xl` are known and positive; returns them. */
function spatialAndChannels(xl: KTensor, x: KTensor, fn: string, arg = 'x'): { spatial: number[]; channels: number } {
  const rest = xl.shape.slice(1);
  if (rest.some((d) => d === null || d < 1)) {
    throw new KerasValueError(
      `${fn}: argument '${arg}' must have known, non-zero spatial and channel dimensions (only the batch dimension may be unknown), got shape [${fmt(x.shape)}]`,
    );
  }
  const known = rest as number[];
  return { spatial: known.slice(0, -1), channels: known[known.length - 1] };
}

/** TensorFlow refuses strides > 1 together with dilation rates > 1. */
function checkStridesDilation(strides: readonly number[], dilations: readonly number[], fn: string): void {
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
    throw new KerasValueError(
      `${fn}: argument 'dilationRate' [${dilations.join(', ')}] cannot be combined with strides [${strides.join(', ')}]: ` +
        `strides > 1 are not supported together with dilation rates > 1 (as in TensorFlow)`,
    );
  }
}

/** The window geometry of every spatial axis; an error when an output would be empty. */
function geometry(
  spatial: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: PaddingMode,
  x: KTensor,
  fn: string,
): WindowAxis[] {
  return spatial.map((len, i) => {
    const w = windowAxis(len, kernel[i], strides[i], dilations[i], padding);
    if (w.out < 1) {
      throw new KerasValueError(
        `${fn}: argument 'x' (shape [${fmt(x.shape)}]) is too small on spatial axis ${i} (${len}) for a ${padding === 'causal' ? 'causal' : "'valid'"} window spanning ${effectiveKernel(kernel[i], dilations[i])} cells`,
      );
    }
    return w;
  });
}

function product(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}

/* ------------------------------------------------------------------------ */
/* Composites (channels_last, arguments checked)                            */
/* ------------------------------------------------------------------------ */

/** Convolution of channels_last `xl` with `kernel` (spatial..., in, out): [batch, out..., out channels]. */
function convCore(xl: KTensor, kernel: KTensor, axes: readonly WindowAxis[], fn: string): KTensor {
  const n = axes.length;
  const kshape = dims(kernel);
  const cin = kshape[n];
  const cout = kshape[n + 1];
  const kprod = product(kshape.slice(0, n));
  const pointwise = axes.every((w, i) => w.kernel === 1 && w.stride === 1 && w.padBefore === 0 && w.out === xl.shape[i + 1]);
  const rows = pointwise ? xl : extractPatches(xl, axes, 0, fn);
  const flat = reshapeTo(rows, [null, kprod * cin], fn);
  const y = matMul(flat, reshapeTo(kernel, [kprod * cin, cout], fn));
  return reshapeTo(y, [xl.shape[0], ...axes.map((w) => w.out), cout], fn);
}

/** Depthwise convolution of channels_last `xl` with `kernel` (spatial..., in, multiplier): [batch, out..., in * multiplier]. */
function depthwiseCore(xl: KTensor, kernel: KTensor, axes: readonly WindowAxis[], fn: string): KTensor {
  const n = axes.length;
  const kshape = dims(kernel);
  const c = kshape[n];
  const m = kshape[n + 1];
  const kprod = product(kshape.slice(0, n));
  const patches = extractPatches(xl, axes, 0, fn); // [b, o..., k*c]
  const rows = transposeOp(reshapeTo(patches, [null, kprod, c], fn), [2, 0, 1]); // [c, b*o, k]
  const w = transposeOp(reshapeTo(kernel, [kprod, c, m], fn), [1, 0, 2]); // [c, k, m]
  const y = transposeOp(matMul(rows, w), [1, 0, 2]); // [b*o, c, m]
  return reshapeTo(y, [xl.shape[0], ...axes.map((a) => a.out), c * m], fn);
}

/** A 1x..x1 convolution of channels_last `yl` with `kernel` (1..., in, out). */
function pointwiseCore(yl: KTensor, kernel: KTensor, fn: string): KTensor {
  const ks = dims(kernel);
  const cin = ks[ks.length - 2];
  const cout = ks[ks.length - 1];
  const y = matMul(reshapeTo(yl, [null, cin], fn), reshapeTo(kernel, [cin, cout], fn));
  return reshapeTo(y, [...yl.shape.slice(0, -1), cout], fn);
}

/* ------------------------------------------------------------------------ */
/* Convolutions                                                             */
/* ------------------------------------------------------------------------ */

function convN(fn: string, n: number, x: unknown, kernel: unknown, options: unknown, paddings: readonly PaddingMode[]): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const a = windowedArgs(fn, n, x, kernel, 'kernel', opts, paddings);
  return fromChannelsLast(convCore(a.xl, a.kernel, a.axes, fn), a.df);
}

/**
 * 1D convolution (cross-correlation, as TensorFlow) of `x` with `kernel` of shape
 * (kernel_size, in_channels, out_channels). `x` is [batch, steps, channels]
 * (channels_last) or [batch, channels, steps] (channels_first). Padding 'same'
 * pads as TensorFlow (the extra cell at the end); 'causal' pads
 * `dilationRate * (kernel_size - 1)` cells at the start only (channels_last
 * only, as Keras). A stride > 1 cannot be combined with a dilation rate > 1.
 *
 * Mirrors `keras.backend.conv1d(x, kernel, strides=1, padding='valid', data_format=None, dilation_rate=1)`.
 */
export function conv1d(x: unknown, kernel: unknown, options: Conv1dOptions = {}): KTensor {
  return convN('conv1d', 1, x, kernel, options, ['valid', 'same', 'causal']);
}

/**
 * 2D convolution (cross-correlation, as TensorFlow) of `x` with `kernel` of shape
 * (rows, cols, in_channels, out_channels). `x` is [batch, rows, cols, channels]
 * (channels_last) or [batch, channels, rows, cols] (channels_first); the result
 * has the same layout. Padding 'valid' or 'same' (TensorFlow's: output
 * ceil(size / stride), the extra padding cell at the end). Strides > 1 cannot be
 * combined with dilation rates > 1.
 *
 * Mirrors `keras.backend.conv2d(x, kernel, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1))`.
 */
export function conv2d(x: unknown, kernel: unknown, options: ConvOptions = {}): KTensor {
  return convN('conv2d', 2, x, kernel, options, ['valid', 'same']);
}

/**
 * 3D convolution (cross-correlation) of `x` with `kernel` of shape
 * (depth, rows, cols, in_channels, out_channels). `x` is
 * [batch, depth, rows, cols, channels] (channels_last) or
 * [batch, channels, depth, rows, cols] (channels_first). Padding and strides as
 * `conv2d`.
 *
 * Mirrors `keras.backend.conv3d(x, kernel, strides=(1, 1, 1), padding='valid', data_format=None, dilation_rate=(1, 1, 1))`.
 */
export function conv3d(x: unknown, kernel: unknown, options: ConvOptions = {}): KTensor {
  return convN('conv3d', 3, x, kernel, options, ['valid', 'same']);
}

/* ------------------------------------------------------------------------ */
/* Transposed convolutions                                                  */
/* ------------------------------------------------------------------------ */

function convTransposeN(fn: string, n: number, x: unknown, kernel: unknown, outputShape: unknown, options: unknown): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat'], fn);
  const xt = rankedFloat(x, n + 2, fn, 'x');
  const k = kernelArg(kernel, n + 2, xt.dtype, fn, 'kernel');
  const strides = tupleArg(opts.strides, n, fn, 'strides', 1);
  const padding = paddingArg(opts.padding, ['valid', 'same'] as const, fn);
  const df = dataFormatArg(opts.dataFormat, fn);
  const xl = toChannelsLast(xt, df);
  const { spatial, channels } = spatialAndChannels(xl, xt, fn);
  const ks = dims(k);
  const kernelSizes = ks.slice(0, n);
  const [cout, cin] = [ks[n], ks[n + 1]];
  if (cin !== channels) {
    throw new KerasShapeError(
      `${fn}: argument 'kernel' (shape [${fmt(ks)}], laid out (spatial..., out_channels, in_channels)) expects ${cin} input channels, but 'x' (shape [${fmt(xt.shape)}], ${df}) has ${channels}`,
    );
  }
  // outputShape: the full output shape in the data format's layout; the batch entry may be null.
  const okDim = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 1;
  if (!Array.isArray(outputShape) || outputShape.length !== n + 2 || !outputShape.slice(1).every(okDim) || !(outputShape[0] === null || okDim(outputShape[0]))) {
    throw new KerasValueError(
      `${fn}: argument 'outputShape' must be ${n + 2} dims (batch or null, then the ${df} dims, positive integers), got ${show(outputShape)}`,
    );
  }
  const os = outputShape as (number | null)[];
  const outL = df === 'channels_last' ? os : [os[0], ...os.slice(2), os[1]];
  const outSpatial = outL.slice(1, n + 1) as number[];
  if (outL[n + 1] !== cout) {
    throw new KerasShapeError(`${fn}: argument 'outputShape' ${show(outputShape)} has ${outL[n + 1]} channels, but 'kernel' (shape [${fmt(ks)}]) gives ${cout}`);
  }
  if (outL[0] !== null && xl.shape[0] !== null && outL[0] !== xl.shape[0]) {
    throw new KerasShapeError(`${fn}: argument 'outputShape' ${show(outputShape)} has batch size ${outL[0]}, but 'x' has ${xl.shape[0]}`);
  }
  // The output must be what the forward convolution maps back to x's spatial shape.
  const axes: WindowAxis[] = outSpatial.map((o, i) => {
    const kk = kernelSizes[i];
    const s = strides[i];
    const w = windowAxis(o, kk, s, 1, padding);
    if (w.out !== spatial[i]) {
      throw new KerasShapeError(
        `${fn}: argument 'outputShape' ${show(outputShape)} does not fit: a '${padding}' convolution with kernel ${kk} and stride ${s} maps size ${o} on spatial axis ${i} to ${Math.max(w.out, 0)}, not to the input's ${spatial[i]}`,
      );
    }
    // The adjoint as a stride-1 'valid' convolution of the zero-inserted input with the flipped kernel.
    return { kernel: kk, stride: 1, dilation: 1, padBefore: kk - 1 - w.padBefore, out: o };
  });
  // Zero insertion, axis by axis (ranks stay <= n + 3): [.., i, .., c] -> [.., i, 1, .., c]
  // -> [.., i, s, .., c] (s - 1 zeros after each cell) -> [.., i*s, .., c].
  let z = xl;
  strides.forEach((s, i) => {
    if (s === 1) return;
    const p = i + 1;
    const split = [...z.shape.slice(0, p + 1), 1, ...z.shape.slice(p + 1)];
    const pads = split.map((_, j): [number, number] => (j === p + 1 ? [0, s - 1] : [0, 0]));
    const spread = applyOp('pad', [reshapeTo(z, split, fn)], { pads, value: 0 });
    z = reshapeTo(spread, z.shape.map((d, j) => (j === p ? (d as number) * s : d)), fn);
  });
  const spatialAxes = Array.from({ length: n }, (_, i) => i);
  const flipped = applyOp('reverse', [k], { axes: spatialAxes });
  const convKernel = transposeOp(flipped, [...spatialAxes, n + 1, n]); // (spatial..., in, out)
  const y = convCore(z, convKernel, axes, fn);
  return fromChannelsLast(y, df);
}

/**
 * 2D transposed convolution (the gradient of `conv2d` with respect to its input),
 * as TensorFlow's conv2d_transpose. `kernel` has shape
 * (rows, cols, out_channels, in_channels); `outputShape` is the full output
 * shape in the data format's layout (the batch entry may be null), and must be a
 * shape that `conv2d` with the same kernel, strides and padding maps to `x`'s
 * shape (an error otherwise, as in TensorFlow).
 *
 * Mirrors `keras.backend.conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding='valid', data_format=None)`.
 */
export function conv2dTranspose(
  x: unknown,
  kernel: unknown,
  outputShape: readonly (number | null)[],
  options: ConvTransposeOptions = {},
): KTensor {
  return convTransposeN('conv2dTranspose', 2, x, kernel, outputShape, options);
}

/**
 * 3D transposed convolution (the gradient of `conv3d` with respect to its input).
 * `kernel` has shape (depth, rows, cols, out_channels, in_channels); `outputShape`
 * as in `conv2dTranspose`.
 *
 * Mirrors `keras.backend.conv3d_transpose(x, kernel, output_shape, strides=(1, 1, 1), padding='valid', data_format=None)`.
 */
export function conv3dTranspose(
  x: unknown,
  kernel: unknown,
  outputShape: readonly (number | null)[],
  options: ConvTransposeOptions = {},
): KTensor {
  return convTransposeN('conv3dTranspose', 3, x, kernel, outputShape, options);
}

/* ------------------------------------------------------------------------ */
/* Arguments of the windowed ops                                            */
/* ------------------------------------------------------------------------ */

/** The checked arguments of a windowed op (conv, depthwise): x in channels_last, its kernel, the windows. */
interface WindowedArgs {
  xl: KTensor;
  xt: KTensor;
  kernel: KTensor;
  axes: WindowAxis[];
  df: ImageDataFormat;
}

/**
 * Checks x, its kernel (argument `kernelName`, shape (spatial..., in, out|multiplier))
 * and the options strides, padding (one of `paddings`), dataFormat and dilationRate,
 * and works out the windows.
 */
function windowedArgs(
  fn: string,
  n: number,
  x: unknown,
  kernel: unknown,
  kernelName: string,
  opts: Record<string, unknown>,
  paddings: readonly PaddingMode[],
): WindowedArgs {
  const xt = rankedFloat(x, n + 2, fn, 'x');
  const k = kernelArg(kernel, n + 2, xt.dtype, fn, kernelName);
  const strides = tupleArg(opts.strides, n, fn, 'strides', 1);
  const padding = paddingArg(opts.padding, paddings, fn);
  const df = dataFormatArg(opts.dataFormat, fn);
  const dilations = tupleArg(opts.dilationRate, n, fn, 'dilationRate', 1);
  if (padding === 'causal' && df !== 'channels_last') {
    throw new KerasValueError(`${fn}: argument 'padding' 'causal' needs dataFormat 'channels_last' (temporal data), got '${df}'`);
  }
  checkStridesDilation(strides, dilations, fn);
  const xl = toChannelsLast(xt, df);
  const { spatial, channels } = spatialAndChannels(xl, xt, fn);
  const ks = dims(k);
  if (ks[n] !== channels) {
    throw new KerasShapeError(
      `${fn}: argument '${kernelName}' (shape [${fmt(ks)}]) expects ${ks[n]} input channels, but 'x' (shape [${fmt(xt.shape)}], ${df}) has ${channels}`,
    );
  }
  return { xl, xt, kernel: k, df, axes: geometry(spatial, ks.slice(0, n), strides, dilations, padding, xt, fn) };
}

/* ------------------------------------------------------------------------ */
/* Depthwise and separable convolutions                                     */
/* ------------------------------------------------------------------------ */

/** The checked arguments of a depthwise convolution. */
function depthwiseParts(fn: string, n: number, x: unknown, depthwiseKernel: unknown, opts: Record<string, unknown>): WindowedArgs {
  return windowedArgs(fn, n, x, depthwiseKernel, 'depthwiseKernel', opts, ['valid', 'same']);
}

/**
 * Depthwise 2D convolution: each input channel convolved with its own
 * `multiplier` filters. `depthwiseKernel` has shape (rows, cols, in_channels,
 * multiplier); output channel c * multiplier + m comes from input channel c and
 * filter m (TensorFlow's order). Padding, strides, dilation and data formats as
 * `conv2d`.
 *
 * Mirrors `keras.backend.depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1))`.
 */
export function depthwiseConv2d(x: unknown, depthwiseKernel: unknown, options: ConvOptions = {}): KTensor {
  const fn = 'depthwiseConv2d';
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const p = depthwiseParts(fn, 2, x, depthwiseKernel, opts);
  return fromChannelsLast(depthwiseCore(p.xl, p.kernel, p.axes, fn), p.df);
}

function separableN(fn: string, n: number, x: unknown, depthwiseKernel: unknown, pointwiseKernel: unknown, options: unknown): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const p = depthwiseParts(fn, n, x, depthwiseKernel, opts);
  const pk = kernelArg(pointwiseKernel, n + 2, p.xt.dtype, fn, 'pointwiseKernel');
  const ds = dims(p.kernel);
  const ps = dims(pk);
  const mid = ds[n] * ds[n + 1];
  if (ps.slice(0, n).some((d) => d !== 1) || ps[n] !== mid) {
    throw new KerasShapeError(
      `${fn}: argument 'pointwiseKernel' must have shape [${new Array<number>(n).fill(1).join(', ')}, ${mid}, out_channels] ` +
        `(${mid} = in_channels * multiplier of 'depthwiseKernel' [${fmt(ds)}]), got [${fmt(ps)}]`,
    );
  }
  const y = pointwiseCore(depthwiseCore(p.xl, p.kernel, p.axes, fn), pk, fn);
  return fromChannelsLast(y, p.df);
}

/**
 * 1D separable convolution: a depthwise convolution (`depthwiseKernel`
 * (kernel_size, in_channels, multiplier)) followed by a pointwise one
 * (`pointwiseKernel` (1, in_channels * multiplier, out_channels)). Strides,
 * padding ('valid' or 'same') and dilation apply to the depthwise step.
 *
 * Mirrors `keras.backend.separable_conv1d(x, depthwise_kernel, pointwise_kernel, strides=1, padding='valid', data_format=None, dilation_rate=1)`.
 */
export function separableConv1d(x: unknown, depthwiseKernel: unknown, pointwiseKernel: unknown, options: ConvOptions = {}): KTensor {
  return separableN('separableConv1d', 1, x, depthwiseKernel, pointwiseKernel, options);
}

/**
 * 2D separable convolution: a depthwise convolution (`depthwiseKernel`
 * (rows, cols, in_channels, multiplier)) followed by a pointwise one
 * (`pointwiseKernel` (1, 1, in_channels * multiplier, out_channels)). Strides,
 * padding and dilation apply to the depthwise step.
 *
 * Mirrors `keras.backend.separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1))`.
 */
export function separableConv2d(x: unknown, depthwiseKernel: unknown, pointwiseKernel: unknown, options: ConvOptions = {}): KTensor {
  return separableN('separableConv2d', 2, x, depthwiseKernel, pointwiseKernel, options);
}

/* ------------------------------------------------------------------------ */
/* Pooling                                                                  */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Locally connected (unshared weights)                                     */
/* ------------------------------------------------------------------------ */

function localConvN(
  fn: string,
  n: number,
  inputs: unknown,
  kernel: unknown,
  kernelSize: unknown,
  strides: unknown,
  outputShape: unknown,
  dataFormat: unknown,
): KTensor {
  const xt = rankedFloat(inputs, n + 2, fn, 'inputs');
  const k = kernelArg(kernel, 3, xt.dtype, fn, 'kernel');
  const size = tupleArg(kernelSize, n, fn, 'kernelSize');
  const st = tupleArg(strides, n, fn, 'strides');
  const df = dataFormatArg(dataFormat, fn);
  const ks = dims(k);
  const outs = n === 1 ? [ks[0]] : tupleArg(outputShape, n, fn, 'outputShape');
  if (product(outs) !== ks[0]) {
    throw new KerasShapeError(`${fn}: argument 'kernel' (shape [${fmt(ks)}]) must have ${product(outs)} (output rows * output cols) as its first dim`);
  }
  const xl = toChannelsLast(xt, df);
  const { spatial, channels } = spatialAndChannels(xl, xt, fn, 'inputs');
  const feature = product(size) * channels;
  if (ks[1] !== feature) {
    throw new KerasShapeError(
      `${fn}: argument 'kernel' (shape [${fmt(ks)}]) must have ${feature} (kernel size ${size.join(' * ')} * ${channels} input channels) as its second dim`,
    );
  }
  const axes: WindowAxis[] = spatial.map((len, i) => {
    if ((outs[i] - 1) * st[i] + size[i] > len) {
      throw new KerasShapeError(
        `${fn}: argument 'inputs' (shape [${fmt(xt.shape)}]) is too short on spatial axis ${i} (${len}) for ${outs[i]} outputs of windows ${size[i]} with stride ${st[i]}`,
      );
    }
    return { kernel: size[i], stride: st[i], dilation: 1, padBefore: 0, out: outs[i] };
  });
  const positions = ks[0];
  let patches = reshapeTo(extractPatches(xl, axes, 0, fn), [null, positions, feature], fn); // [b, p, (k..., c)]
  if (df === 'channels_first') {
    // Keras flattens channels_first windows as (channels, k...).
    const split = transposeOp(reshapeTo(patches, [null, positions, feature / channels, channels], fn), [0, 1, 3, 2]);
    patches = reshapeTo(split, [null, positions, feature], fn);
  }
  const rows = transposeOp(patches, [1, 0, 2]); // [p, b, f]
  const y = transposeOp(matMul(rows, k), [1, 0, 2]); // [b, p, filters]
  return fromChannelsLast(reshapeTo(y, [xl.shape[0], ...outs, ks[2]], fn), df);
}

/**
 * 1D convolution with unshared weights (a different filter at every output
 * position), as Keras's LocallyConnected1D. `inputs` is [batch, steps, channels]
 * (channels_last) or [batch, channels, steps]; `kernel` has shape
 * (output_length, kernel_size * channels, filters), each window flattened as
 * (kernel_size, channels) for channels_last and (channels, kernel_size) for
 * channels_first; `kernelSize` and `strides` are one int each (or a list of one).
 * No padding: output i reads steps i * stride .. i * stride + kernel_size - 1.
 *
 * Mirrors `keras.backend.local_conv1d(inputs, kernel, kernel_size, strides, data_format=None)`.
 */
export function localConv1d(
  inputs: unknown,
  kernel: unknown,
  kernelSize: number | readonly [number],
  strides: number | readonly [number],
  dataFormat: ImageDataFormat | null = null,
): KTensor {
  return localConvN('localConv1d', 1, inputs, kernel, kernelSize, strides, null, dataFormat);
}

/**
 * 2D convolution with unshared weights, as Keras's LocallyConnected2D.
 * `inputs` is [batch, rows, cols, channels] (channels_last) or
 * [batch, channels, rows, cols]; `kernel` has shape
 * (output_rows * output_cols, kernel_rows * kernel_cols * channels, filters), the
 * output positions row-major and each window flattened as (rows, cols, channels)
 * for channels_last and (channels, rows, cols) for channels_first, as Keras 2.2;
 * `outputShape` is (output_rows, output_cols). No padding.
 *
 * Mirrors `keras.backend.local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None)`.
 */
export function localConv2d(
  inputs: unknown,
  kernel: unknown,
  kernelSize: readonly number[],
  strides: readonly number[],
  outputShape: readonly number[],
  dataFormat: ImageDataFormat | null = null,
): KTensor {
  return localConvN('localConv2d', 2, inputs, kernel, kernelSize, strides, outputShape, dataFormat);
}
