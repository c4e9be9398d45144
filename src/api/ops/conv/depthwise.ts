/**
 * Depthwise and separable convolutions of the conv group: depthwise_conv2d,
 * separable_conv1d, separable_conv2d.
 */
import { KerasShapeError } from '../../../errors';
import { fmt } from '../../infer';
import { matMul, reshapeTo } from '../../primitives';
import { applyComposite } from '../../composites';
import { convWindowOf } from './convolution';
import { KTensor } from '../../tensor';
import { ConvOptions, kernelArg, WindowedArgs, windowedArgs } from './arguments';
import { dims, fromChannelsLast, WindowAxis } from './patches';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/** Depthwise convolution of channels_last `xl` with `kernel` (spatial..., in, multiplier): one composite node, [batch, out..., in * multiplier]. */
function depthwiseCore(xl: KTensor, kernel: KTensor, axes: readonly WindowAxis[]): KTensor {
  return applyComposite('depthwiseConv', [xl, kernel], convWindowOf(axes, xl.shape.slice(1, -1) as number[]));
}

/** A 1x..x1 convolution of channels_last `yl` with `kernel` (1..., in, out). */
function pointwiseCore(yl: KTensor, kernel: KTensor, fn: string): KTensor {
  const ks = dims(kernel);
  const cin = ks[ks.length - 2];
  const cout = ks[ks.length - 1];
  const y = matMul(reshapeTo(yl, [null, cin], fn), reshapeTo(kernel, [cin, cout], fn));
  return reshapeTo(y, [...yl.shape.slice(0, -1), cout], fn);
}

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
export function depthwiseConv2d(x: TensorInput, depthwiseKernel: TensorInput, options: ConvOptions = {}, ...extra: []): KTensor {
  checkArity('depthwiseConv2d', 3, extra);
  const fn = 'depthwiseConv2d';
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const p = depthwiseParts(fn, 2, x, depthwiseKernel, opts);
  return fromChannelsLast(depthwiseCore(p.xl, p.kernel, p.axes), p.df);
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
  const y = pointwiseCore(depthwiseCore(p.xl, p.kernel, p.axes), pk, fn);
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
export function separableConv1d(x: TensorInput, depthwiseKernel: TensorInput, pointwiseKernel: TensorInput, options: ConvOptions = {}, ...extra: []): KTensor {
  checkArity('separableConv1d', 4, extra);
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
export function separableConv2d(x: TensorInput, depthwiseKernel: TensorInput, pointwiseKernel: TensorInput, options: ConvOptions = {}, ...extra: []): KTensor {
  checkArity('separableConv2d', 4, extra);
  return separableN('separableConv2d', 2, x, depthwiseKernel, pointwiseKernel, options);
}
