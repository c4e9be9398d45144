/**
 * Transposed convolutions of the conv group: conv2d_transpose, conv3d_transpose
 * (kernels laid out (spatial..., out, in), as TensorFlow).
 */
import type { ImageDataFormat } from '../../../config';
import { KerasShapeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyComposite } from '../../composites';
import { KTensor } from '../../tensor';
import { dataFormatArg, show } from '../../validate';
import { checkStridesDilation, kernelArg, paddingArg, rankedFloat, spatialAndChannels, tupleArg } from './arguments';
import { convWindowOf } from './convolution';
import { dims, fromChannelsLast, toChannelsLast, WindowAxis, windowAxis } from './patches';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/** Options of `conv2dTranspose` and `conv3dTranspose`. */
export interface ConvTransposeOptions {
  /** One stride per spatial axis (an int stands for all; default 1). */
  readonly strides?: number | readonly number[];
  /** 'valid' (default) or 'same'. */
  readonly padding?: 'valid' | 'same';
  /** 'channels_last' or 'channels_first'; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
  /**
   * One dilation rate per spatial axis (an int stands for all; default 1): the
   * transpose of the dilated convolution (Keras 2.3.1's `dilation_rate`, TensorFlow's
   * atrous transposed convolution). Cannot be combined with a stride > 1.
   */
  readonly dilationRate?: number | readonly number[];
}

function convTransposeN(fn: string, n: number, x: unknown, kernel: unknown, outputShape: unknown, options: unknown): KTensor {
  const opts = optionsArg(options, ['strides', 'padding', 'dataFormat', 'dilationRate'], fn);
  const xt = rankedFloat(x, n + 2, fn, 'x');
  const k = kernelArg(kernel, n + 2, xt.dtype, fn, 'kernel');
  const strides = tupleArg(opts.strides, n, fn, 'strides', 1);
  const dilations = tupleArg(opts.dilationRate, n, fn, 'dilationRate', 1);
  checkStridesDilation(strides, dilations, fn);
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
  const forward: WindowAxis[] = outSpatial.map((o, i) => {
    const kk = kernelSizes[i];
    const s = strides[i];
    const d = dilations[i];
    const w = windowAxis(o, kk, s, d, padding);
    if (w.out !== spatial[i]) {
      throw new KerasShapeError(
        `${fn}: argument 'outputShape' ${show(outputShape)} does not fit: a '${padding}' convolution with kernel ${kk}${d > 1 ? ` dilated ${d}` : ''} and stride ${s} maps size ${o} on spatial axis ${i} to ${Math.max(w.out, 0)}, not to the input's ${spatial[i]}`,
      );
    }
    return w;
  });
  // The gradient of that convolution with respect to its input: kernel (spatial..., out, in) is the
  // forward convolution's (spatial..., in, out) with in = this output's channels.
  const y = applyComposite('convInputGrad', [xl, k], { ...convWindowOf(forward, outSpatial), inputSpatial: outSpatial });
  return fromChannelsLast(y, df);
}

/**
 * 2D transposed convolution (the gradient of `conv2d` with respect to its input),
 * as TensorFlow's conv2d_transpose. `kernel` has shape
 * (rows, cols, out_channels, in_channels); `outputShape` is the full output
 * shape in the data format's layout (the batch entry may be null), and must be a
 * shape that `conv2d` with the same kernel, strides, padding and dilation maps to
 * `x`'s shape (an error otherwise, as in TensorFlow). `dilationRate` (Keras 2.3.1)
 * gives the transpose of the dilated convolution, as TensorFlow's
 * `atrous_conv2d_transpose` which Keras calls; unlike Keras, which then drops the
 * strides silently and asserts equal rates, a stride > 1 with a rate > 1 is refused
 * and the two rates may differ.
 *
 * Mirrors `keras.backend.conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1))` (Keras 2.3.1).
 */
export function conv2dTranspose(
  x: TensorInput,
  kernel: TensorInput,
  outputShape: readonly (number | null)[],
  options: ConvTransposeOptions = {},
  ...extra: []
): KTensor {
  checkArity('conv2dTranspose', 4, extra);
  return convTransposeN('conv2dTranspose', 2, x, kernel, outputShape, options);
}

/**
 * 3D transposed convolution (the gradient of `conv3d` with respect to its input).
 * `kernel` has shape (depth, rows, cols, out_channels, in_channels); `outputShape`
 * and `dilationRate` as in `conv2dTranspose` (Keras 2.3.1's conv3d_transpose has no
 * dilation rate; it is the same transpose of the dilated convolution).
 *
 * Mirrors `keras.backend.conv3d_transpose(x, kernel, output_shape, strides=(1, 1, 1), padding='valid', data_format=None)`.
 */
export function conv3dTranspose(
  x: TensorInput,
  kernel: TensorInput,
  outputShape: readonly (number | null)[],
  options: ConvTransposeOptions = {},
  ...extra: []
): KTensor {
  checkArity('conv3dTranspose', 4, extra);
  return convTransposeN('conv3dTranspose', 3, x, kernel, outputShape, options);
}
