/**
 * The tfjs backend's kernels for the convolution composites over three spatial
 * axes (`CompositeAttrs` in ../types.ts), on the kernels the wasm engine registers:
 * - conv: Conv3D on x zero-padded to what the windows read (Conv3D has only 'valid'
 *   and 'same' padding, not explicit pads);
 * - convInputGrad: Conv3DBackpropInputV2 for the padded input, its padding cut off
 *   (the gradient of a padded cell is not the input's);
 * - convFilterGrad: Conv3DBackpropFilterV2 over the padded x.
 * The V2 gradients take no dilation: a dilated 3-D convolution's gradients run the
 * decomposition (`tfjsAccepts3d`). Pooling over three axes runs the decomposition.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, ConvWindow } from '../types';
import { tf } from './engine';

type Pads5 = [number, number][];

/** The pads of a rank-5 channels_last tensor: none on batch and channels. */
function pads5(pads: readonly (readonly [number, number])[]): Pads5 {
  return [[0, 0], ...pads.map((p): [number, number] => [p[0], p[1]]), [0, 0]];
}

/** x zero-padded on its spatial axes (x itself when there is nothing to pad). */
function padded(x: Tensor, pads: readonly (readonly [number, number])[]): Tensor {
  return pads.some((p) => p[0] > 0 || p[1] > 0) ? tf.pad(x, pads5(pads)) : x;
}

function triple(v: readonly number[]): [number, number, number] {
  return [v[0], v[1], v[2]];
}

export function conv3d([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  return tf.tidy(() =>
    tf.engine().runKernel('Conv3D', { x: padded(x, a.pads), filter: k }, {
      strides: triple(a.strides),
      pad: 'valid',
      dataFormat: 'NDHWC',
      dilations: triple(a.dilations),
    } as never) as Tensor,
  );
}

/**
 * Stride 1 only: dx = conv(dy, the kernel flipped with in/out swapped, the same
 * dilation), dy padded by (k - 1) * d - pad on each side, cut to the input's size.
 */
export function conv3dInputGrad([dy, k]: readonly Tensor[], a: CompositeAttrs['convInputGrad']): Tensor {
  return tf.tidy(() => {
    const flipped = tf.transpose(tf.reverse(k, [0, 1, 2]), [0, 1, 2, 4, 3]);
    const pads = a.pads.map((p, i): [number, number] => [(k.shape[i] - 1) * a.dilations[i] - p[0], (k.shape[i] - 1) * a.dilations[i] - p[1]]);
    const y = conv3d([dy, flipped], { strides: [1, 1, 1], dilations: a.dilations, pads });
    const fits = a.inputSpatial.every((s, i) => y.shape[i + 1] === s);
    return fits ? y : tf.slice(y, [0, 0, 0, 0, 0], [-1, ...a.inputSpatial, -1]);
  });
}

export function conv3dFilterGrad([x, dy]: readonly Tensor[], a: CompositeAttrs['convFilterGrad']): Tensor {
  return tf.tidy(() =>
    tf.engine().runKernel('Conv3DBackpropFilterV2', { x: padded(x, a.pads), dy }, {
      strides: triple(a.strides),
      pad: 'valid',
      filterShape: [...a.kernelSpatial, x.shape[4], dy.shape[4]],
    } as never) as Tensor,
  );
}

/**
 * Whether a 3-D convolution composite runs on the kernels above: any conv; the
 * filter gradient with stride 1 and no dilation; the input gradient with stride 1
 * and pads no larger than (k - 1) * d. Measured (tfjs-backend-wasm 4.22):
 * Conv3DBackpropInputV2 gave wrong values (mostly zeros) for a 'valid' 4x4x3 input,
 * and Conv3DBackpropFilterV2 for strides 2x2x1, so neither strided form is used.
 */
export function tfjsAccepts3d(op: 'conv' | 'convInputGrad' | 'convFilterGrad', a: ConvWindow, kernelSpatial: readonly number[]): boolean {
  if (op === 'conv') return true;
  if (!a.strides.every((st) => st === 1)) return false;
  if (op === 'convFilterGrad') return a.dilations.every((d) => d === 1);
  return a.pads.every((p, i) => p[0] <= (kernelSpatial[i] - 1) * a.dilations[i] && p[1] <= (kernelSpatial[i] - 1) * a.dilations[i]);
}
