/**
 * Convolutions of the conv group: conv1d, conv2d, conv3d. Each is one `conv`
 * composite node (src/api/composites.ts): an engine with a convolution kernel runs
 * it natively, any other its decomposition (window extraction in patches.ts, then a
 * matrix product); the gradients are composites too. Semantics
 * are those of Keras 2.x's TensorFlow backend: TensorFlow's 'same' padding (the
 * extra cell at the end), 'causal' for conv1d, kernels laid out (spatial..., in,
 * out), and strides > 1 refused with dilation rates > 1. The batch dim may be
 * unknown (null); spatial and channel dims must be known.
 */
import type { ImageDataFormat } from '../../../config';
import type { ConvWindow } from '../../../backends/types';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';
import { ConvOptions, windowedArgs } from './arguments';
import { effectiveKernel, fromChannelsLast, PaddingMode, WindowAxis } from './patches';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

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

/** The explicit [before, after] padding that gives each axis its window count. */
export function padsOf(axes: readonly WindowAxis[], spatial: readonly number[]): [number, number][] {
  return axes.map((w, i) => [w.padBefore, Math.max(0, (w.out - 1) * w.stride + effectiveKernel(w.kernel, w.dilation) - spatial[i] - w.padBefore)]);
}

/** The composites' window attributes of convolution windows `axes` over `spatial`. */
export function convWindowOf(axes: readonly WindowAxis[], spatial: readonly number[]): ConvWindow {
  return { strides: axes.map((w) => w.stride), dilations: axes.map((w) => w.dilation), pads: padsOf(axes, spatial) };
}

function convN(fn: string, n: number, x: unknown, kernel: unknown, options: unknown, paddings: readonly PaddingMode[]): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const a = windowedArgs(fn, n, x, kernel, 'kernel', opts, paddings);
  // One composite node: engines with a convolution kernel run it natively.
  const y = applyComposite('conv', [a.xl, a.kernel], convWindowOf(a.axes, a.xl.shape.slice(1, -1) as number[]));
  return fromChannelsLast(y, a.df);
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
export function conv1d(x: TensorInput, kernel: TensorInput, options: Conv1dOptions = {}, ...extra: []): KTensor {
  checkArity('conv1d', 3, extra);
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
export function conv2d(x: TensorInput, kernel: TensorInput, options: ConvOptions = {}, ...extra: []): KTensor {
  checkArity('conv2d', 3, extra);
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
export function conv3d(x: TensorInput, kernel: TensorInput, options: ConvOptions = {}, ...extra: []): KTensor {
  checkArity('conv3d', 3, extra);
  return convN('conv3d', 3, x, kernel, options, ['valid', 'same']);
}
