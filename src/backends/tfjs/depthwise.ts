/**
 * The tfjs backend's kernels for the depthwise composites (`depthwiseConv`,
 * `depthwiseInputGrad`, `depthwiseFilterGrad` in ../types.ts), 1 and 2 spatial axes
 * (1-D as 2-D with a height of 1), all on wasm's DepthwiseConv2dNative (wasm has no
 * depthwise backprop kernels):
 * - depthwiseConv: the kernel [kh, kw, c, m] as it is, explicit padding;
 * - depthwiseInputGrad: dy [b, oh, ow, c * m] spread by the strides (s - 1 zeros after
 *   each cell: a pad of dy seen as [b, oh, 1, ow, 1, c * m], no slicing), a stride-1
 *   depthwise conv of it with the kernel flipped as [kh, kw, c * m, 1] (each of the
 *   c * m channels its own filter, the same dilation, padded (k - 1) * d - pad before),
 *   then the m channels of each input channel summed;
 * - depthwiseFilterGrad: x as [1, h, w, b * c] (batch folded into the channels) and dy as
 *   the filter [oh, ow, b * c, m]: one depthwise conv whose stride is the forward's
 *   dilation and whose dilation is the forward's stride gives [1, kh, kw, b * c * m];
 *   then a sum over the batch.
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, ConvWindow } from '../types';
import { tf } from './engine';
import { as4d, back, explicit, flippedKernelPads, kernel4d, Pads, spread, win2 } from './windows';

/** wasm's DepthwiseConv2dNative, explicit padding, any stride with any dilation (tfjs's op refuses both > 1). */
function depthwise(x: Tensor4D, filter: Tensor4D, strides: [number, number], pad: Pads, dilations: [number, number]): Tensor4D {
  return tf.engine().runKernel('DepthwiseConv2dNative', { x, filter }, { strides, pad, dilations, dataFormat: 'NHWC' } as never) as Tensor4D;
}

function depthwiseConv([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  return tf.tidy(() => back(depthwise(as4d(x), kernel4d(k), win2(a.strides, 1), explicit(a.pads), win2(a.dilations, 1)), a.strides.length));
}

/**
 * dx[i] = sum over o, t with o s + t d - pad = i of dy[o] k[t]: with z the spread dy, a
 * stride-1 correlation of z with the flipped kernel, padded (k - 1) d - pad before.
 */
function depthwiseInputGrad([dy, k]: readonly Tensor[], a: CompositeAttrs['depthwiseInputGrad']): Tensor {
  return tf.tidy(() => {
    const k4 = kernel4d(k);
    const [kh, kw, c, m] = k4.shape;
    const [ih, iw] = win2(a.inputSpatial, 1);
    const [dh, dw] = win2(a.dilations, 1);
    const z = spread(as4d(dy), win2(a.strides, 1));
    const b = z.shape[0];
    const flipped = tf.reshape(tf.reverse(k4, [0, 1]), [kh, kw, c * m, 1]) as Tensor4D;
    const pads = flippedKernelPads([kh, kw], [dh, dw], a.pads, [ih, iw], z);
    let y: Tensor = depthwise(z, flipped, [1, 1], pads, [dh, dw]);
    if (y.shape[1] !== ih || y.shape[2] !== iw) y = tf.slice(y, [0, 0, 0, 0], [-1, ih, iw, -1]);
    if (m > 1) y = tf.reshape(tf.sum(tf.reshape(y, [b * ih * iw * c, m]), 1), [b, ih, iw, c]);
    return back(y, a.strides.length);
  });
}

/** dk[t, ch, j] = sum over b, o of x[b, o s + t d - pad, ch] dy[b, o, ch m + j]: one depthwise conv over the batch folded into channels. */
function depthwiseFilterGrad([x, dy]: readonly Tensor[], a: CompositeAttrs['depthwiseFilterGrad']): Tensor {
  return tf.tidy(() => {
    const x4 = as4d(x);
    const d4 = as4d(dy);
    const [b, h, w, c] = x4.shape;
    const [, oh, ow, cm] = d4.shape;
    const m = cm / c;
    const [kh, kw] = win2(a.kernelSpatial, 1);
    const xt = tf.reshape(tf.transpose(x4, [1, 2, 0, 3]), [1, h, w, b * c]) as Tensor4D;
    const dt = tf.reshape(tf.transpose(d4, [1, 2, 0, 3]), [oh, ow, b * c, m]) as Tensor4D;
    let g: Tensor = depthwise(xt, dt, win2(a.dilations, 1), explicit(a.pads), win2(a.strides, 1)); // [1, kh', kw', b * c * m]
    if (g.shape[1] !== kh || g.shape[2] !== kw) g = tf.slice(g, [0, 0, 0, 0], [-1, kh, kw, -1]);
    const k = tf.reshape(b === 1 ? g : tf.sum(tf.reshape(g, [kh * kw, b, c * m]), 1), [kh, kw, c, m]);
    return a.kernelSpatial.length === 1 ? tf.squeeze(k, [0]) : k;
  });
}

/** The depthwise composites on tfjs (1 and 2 spatial axes, float32). */
export const TFJS_DEPTHWISE = { depthwiseConv, depthwiseInputGrad, depthwiseFilterGrad };
