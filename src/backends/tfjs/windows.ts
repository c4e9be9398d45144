/**
 * Shape helpers of the tfjs windowed kernels (conv.ts, pool.ts, depthwise.ts): the
 * 1-D composites run as 2-D ones with a height of 1, and explicit pads are given
 * to tfjs as [[0, 0], top, left, [0, 0]].
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { tf } from './engine';

/** tfjs's explicit padding of a rank-4 NHWC tensor. */
export type Pads = [[number, number], [number, number], [number, number], [number, number]];

/** A rank-3 (1-D) tensor as rank 4 with height 1; rank 4 as is. */
export function as4d(x: Tensor): Tensor4D {
  return (x.rank === 3 ? tf.expandDims(x, 1) : x) as Tensor4D;
}

/** A 1-D kernel [k, in, out] as [1, k, in, out]; a 2-D one as is. */
export function kernel4d(k: Tensor): Tensor4D {
  return (k.rank === 3 ? tf.expandDims(k, 0) : k) as Tensor4D;
}

/** A 1-D window (or 2-D) as the 2-D one. */
export function win2<T>(v: readonly T[], one: T): [T, T] {
  return v.length === 1 ? [one, v[0]] : [v[0], v[1]];
}

/** The composite's [before, after] pads of 1 or 2 spatial axes as tfjs's explicit padding. */
export function explicit(pads: readonly (readonly [number, number])[]): Pads {
  const [h, w] = win2(pads, [0, 0] as readonly [number, number]);
  return [[0, 0], [h[0], h[1]], [w[0], w[1]], [0, 0]];
}

/** Back to rank 3 when the composite was 1-D. */
export function back(y: Tensor, n: number): Tensor {
  return n === 1 ? tf.squeeze(y, [1]) : y;
}

/** dy [b, oh, ow, ch] with s - 1 zeros after each cell along each axis: [b, oh * sh, ow * sw, ch] (one pad of a rank-6 view, no slicing). */
export function spread(dy: Tensor4D, [sh, sw]: [number, number]): Tensor4D {
  if (sh === 1 && sw === 1) return dy;
  const [b, oh, ow, ch] = dy.shape;
  const z = tf.pad(tf.reshape(dy, [b, oh, 1, ow, 1, ch]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
  return tf.reshape(z, [b, oh * sh, ow * sw, ch]);
}

/**
 * The padding of the spread dy `z` [b, zh, zw, ch] for an input gradient computed as a
 * stride-1 correlation with the flipped kernel (spatial size `kernel`, dilations
 * `dil`): (k - 1) d - pad before, and after at least what makes the output as long
 * as the input (`input`); the caller cuts any extra cells (they read only zeros).
 */
export function flippedKernelPads(
  kernel: [number, number],
  dil: [number, number],
  pads: readonly (readonly [number, number])[],
  input: [number, number],
  z: Tensor4D,
): Pads {
  const [ph, pw] = win2(pads, [0, 0] as readonly [number, number]);
  const [, zh, zw] = z.shape;
  return [
    [0, 0],
    [(kernel[0] - 1) * dil[0] - ph[0], Math.max(0, input[0] + ph[0] - zh)],
    [(kernel[1] - 1) * dil[1] - pw[0], Math.max(0, input[1] + pw[0] - zw)],
    [0, 0],
  ];
}

/**
 * Whether `flippedKernelPads` can serve these pads: the padding before, (k - 1) d - pad,
 * must not be negative (the API's pads never make it so; the one after may be anything).
 */
export function flippedKernelFits(pads: readonly (readonly [number, number])[], kernelSpatial: readonly number[], dilations: readonly number[]): boolean {
  return pads.every((p, i) => p[0] <= (kernelSpatial[i] - 1) * dilations[i]);
}
