/**
 * Locally connected (unshared weight) convolutions of the conv group:
 * local_conv1d, local_conv2d.
 */
import type { ImageDataFormat } from '../../../config';
import { KerasShapeError } from '../../../errors';
import { fmt } from '../../infer';
import { matMul, reshapeTo, transposeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { dataFormatArg } from '../../validate';
import { kernelArg, rankedFloat, spatialAndChannels, tupleArg } from './arguments';
import { dims, extractPatches, fromChannelsLast, product, toChannelsLast, WindowAxis } from './patches';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

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
  inputs: TensorInput,
  kernel: TensorInput,
  kernelSize: number | readonly [number],
  strides: number | readonly [number],
  dataFormat: ImageDataFormat | null = null,
  ...extra: []
): KTensor {
  checkArity('localConv1d', 5, extra);
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
  inputs: TensorInput,
  kernel: TensorInput,
  kernelSize: readonly number[],
  strides: readonly number[],
  outputShape: readonly number[],
  dataFormat: ImageDataFormat | null = null,
  ...extra: []
): KTensor {
  checkArity('localConv2d', 6, extra);
  return localConvN('localConv2d', 2, inputs, kernel, kernelSize, strides, outputShape, dataFormat);
}
