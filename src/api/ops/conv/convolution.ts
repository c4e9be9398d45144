/**
 * Convolutions of the conv group: conv1d, conv2d, conv3d. There is no conv
 * primitive: each is a composite (window extraction in patches.ts, then a matrix
 * product), so it runs and differentiates the same on every backend. Semantics
 * are those of Keras 2.x's TensorFlow backend: TensorFlow's 'same' padding (the
 * extra cell at the end), 'causal' for conv1d, kernels laid out (spatial..., in,
 * out), and strides > 1 refused with dilation rates > 1. The batch dim may be
 * unknown (null); spatial and channel dims must be known.
 */
import type { ImageDataFormat } from '../../../config';
import { matMul,reshapeTo } from '../../primitives';
import { KTensor } from '../../tensor';
import { ConvOptions,optionsArg,windowedArgs } from './arguments';
import { dims,extractPatches,fromChannelsLast,PaddingMode,product,WindowAxis } from './patches';

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

/** Convolution of channels_last `xl` with `kernel` (spatial..., in, out): [batch, out..., out channels]. */
export function convCore(xl: KTensor, kernel: KTensor, axes: readonly WindowAxis[], fn: string): KTensor {
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
