/**
 * The tfjs backend's kernels for the windowed composites (see ../types.ts,
 * `CompositeAttrs`), on kernels the wasm engine registers, for 1 and 2 spatial
 * axes (1-D as 2-D with a height of 1):
 * - conv: Conv2D with explicit padding;
 * - convInputGrad: a stride-1 Conv2D (dilated or not) of dy spread by the strides, with
 *   the kernel flipped and its channels swapped; with strides and fewer than 4 input
 *   channels or strides above 2x2, Conv2DBackpropInput (tf.conv2dTranspose);
 * - convFilterGrad: wasm has no Conv2DBackpropFilter, so a Conv2D over transposed
 *   operands (x as [in, h, w, batch], dy as the filter [oh, ow, batch, out]): the
 *   stride becomes the dilation and the dilation the stride;
 * Depthwise convolutions and their gradients: depthwise.ts. Three spatial axes: the
 * convolutions in conv3d.ts. Pooling over 1 to 3 axes: pool.ts.
 * Also reluGrad, softmax along the last axis and logSumExp. batchNorm runs its
 * decomposition: a JS loop on the heap, wasm's FusedBatchNorm and the formula in tfjs
 * ops inside one kernel were all no faster through K.function than wasm's Mul and Add
 * (measured; FusedBatchNorm also computes (x - mean) * scale / sqrt(...), not the formula).
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, CompositeKernelTable, CompositeName, ConvWindow, DType, Shape } from '../types';
import { tf } from './engine';
import { conv3d, conv3dFilterGrad, conv3dInputGrad, tfjsAccepts3d } from './conv3d';
import { heapReluGrad } from './heap-relu-grad';
import { TFJS_DEPTHWISE } from './depthwise';
import { TFJS_POOLING } from './pool';
import { as4d, back, explicit, flippedKernelFits, flippedKernelPads, kernel4d, spread, win2 } from './windows';
import { heapLogSumExp } from './heap-logsumexp';

function conv([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  const n = a.strides.length;
  return tf.tidy(() =>
    back(tf.conv2d(as4d(x), kernel4d(k), win2(a.strides, 1), explicit(a.pads), 'NHWC', win2(a.dilations, 1)), n),
  );
}

function convInputGrad([dy, k]: readonly Tensor[], a: CompositeAttrs['convInputGrad']): Tensor {
  const n = a.strides.length;
  return tf.tidy(() => {
    const d4 = as4d(dy);
    const k4 = kernel4d(k);
    const [kh, kw, cin] = k4.shape;
    const [ih, iw] = win2(a.inputSpatial, 1);
    const [sh, sw] = win2(a.strides, 1);
    const [dh, dw] = win2(a.dilations, 1);
    // Measured (interleaved, docs/engine-notes.md): with strides, wasm's Conv2DBackpropInput
    // beat the spread dy's Conv2D only for fewer than 4 input channels or strides above 2x2.
    if ((sh > 1 || sw > 1) && dh === 1 && dw === 1 && (cin < 4 || sh * sw > 4)) {
      return back(tf.conv2dTranspose(d4, k4, [d4.shape[0], ih, iw, cin], [sh, sw], explicit(a.pads)), n);
    }
    // dx = conv(z, kernel flipped with in/out swapped, the same dilation), z the dy spread by the
    // strides, padded (k - 1) d - pad before and cut or extended after to give the input's size
    // (stride 1: about 4x faster than wasm's Conv2DBackpropInput).
    const z = spread(d4, [sh, sw]);
    const flipped = tf.transpose(tf.reverse(k4, [0, 1]), [0, 1, 3, 2]);
    const pads = flippedKernelPads([kh, kw], [dh, dw], a.pads, [ih, iw], z);
    const y = tf.conv2d(z, flipped as Tensor4D, 1, pads, 'NHWC', [dh, dw]);
    return back(y.shape[1] === ih && y.shape[2] === iw ? y : tf.slice(y, [0, 0, 0, 0], [-1, ih, iw, -1]), n);
  });
}

function convFilterGrad([x, dy]: readonly Tensor[], a: CompositeAttrs['convFilterGrad']): Tensor {
  const n = a.strides.length;
  return tf.tidy(() => {
    const x4 = as4d(x);
    const d4 = as4d(dy);
    const xt = tf.transpose(x4, [3, 1, 2, 0]) as Tensor4D; // [in, h, w, batch]
    const dt = tf.transpose(d4, [1, 2, 0, 3]) as Tensor4D; // [oh, ow, batch, out]
    const w = tf.conv2d(xt, dt, win2(a.dilations, 1), explicit(a.pads), 'NHWC', win2(a.strides, 1)); // [in, kh', kw', out]
    const [kh, kw] = win2(a.kernelSpatial, 1);
    const cut = w.shape[1] === kh && w.shape[2] === kw ? w : tf.slice(w, [0, 0, 0, 0], [-1, kh, kw, -1]);
    const k = tf.transpose(cut, [1, 2, 0, 3]); // [kh, kw, in, out]
    return n === 1 ? tf.squeeze(k, [0]) : k;
  });
}

/** The composites the tfjs backend runs on wasm kernels (1 and 2 spatial axes, float32). */
export const TFJS_COMPOSITES: CompositeKernelTable<Tensor> = {
  conv: (inputs, a) => (a.strides.length === 3 ? conv3d(inputs, a) : conv(inputs, a)),
  convInputGrad: (inputs, a) => (a.strides.length === 3 ? conv3dInputGrad(inputs, a) : convInputGrad(inputs, a)),
  convFilterGrad: (inputs, a) => (a.strides.length === 3 ? conv3dFilterGrad(inputs, a) : convFilterGrad(inputs, a)),
  ...TFJS_POOLING,
  ...TFJS_DEPTHWISE,
  // wasm's Softmax normalises along the last axis only (tfjsAcceptsComposite)
  softmax: ([x]) => tf.softmax(x),
  // one JS loop on the heap (heap-relu-grad.ts); off wasm, where(x > 0, g, +0) in tfjs ops
  reluGrad: ([x, g]) => heapReluGrad(x, g) ?? tf.tidy(() => tf.where(tf.greater(x, 0), g, tf.zerosLike(g))),
  // small inputs: one JS loop on the heap (heap-logsumexp.ts); larger ones wasm's kernels
  // without reduceMax's NaN fix (harmless here: a NaN makes the sum NaN whatever the shift)
  logSumExp: ([x], a) =>
    heapLogSumExp(x, a.axes, a.keepDims) ??
    tf.tidy(() => {
      const raw = tf.max(x, [...a.axes], true);
      const m = tf.where(tf.equal(tf.sub(raw, raw), 0), raw, tf.zerosLike(raw));
      const s = tf.log(tf.sum(tf.exp(tf.sub(x, m)), [...a.axes], a.keepDims));
      return tf.add(s, a.keepDims ? m : tf.reshape(m, s.shape));
    }),
};

/** Whether the tfjs kernels take a composite: float32, 1 or 2 spatial axes, or 3 for pooling and the convolutions (conv3d.ts). */
export function tfjsAcceptsComposite<C extends CompositeName>(op: C, attrs: CompositeAttrs[C], inputs: readonly { readonly shape: Shape; readonly dtype: DType }[]): boolean {
  if (!inputs.every((x) => x.dtype === 'float32')) return false;
  if (op === 'softmax') return (attrs as CompositeAttrs['softmax']).axis === inputs[0].shape.length - 1;
  if (op === 'resizeBilinear' || op === 'resizeBilinearGrad') return true; // resize.ts: float32 images
  if (op === 'logSoftmax') return false;
  if (op === 'reluGrad') return true;
  if (op === 'logSumExp') return true;
  if (inputs.every((x) => x.shape.length === 5)) {
    if (op === 'maxPool' || op === 'maxPoolGrad' || op === 'avgPool' || op === 'avgPoolGrad') return true; // pool.ts: as two 2-D poolings
    if (op !== 'conv' && op !== 'convInputGrad' && op !== 'convFilterGrad') return false;
    // the kernel's spatial dims: the second input of conv and convInputGrad, an attribute of convFilterGrad
    const k = op === 'convFilterGrad' ? (attrs as CompositeAttrs['convFilterGrad']).kernelSpatial : (inputs[1].shape.slice(0, 3) as number[]);
    return tfjsAccepts3d(op, attrs as ConvWindow, k);
  }
  if (!inputs.every((x) => x.shape.length === 3 || x.shape.length === 4)) return false;
  if (op === 'depthwiseInputGrad') return flippedKernelFits((attrs as ConvWindow).pads, (inputs[1].shape as number[]).slice(0, -2), (attrs as ConvWindow).dilations);
  if (op === 'convInputGrad') {
    const a = attrs as CompositeAttrs['convInputGrad'];
    const k = inputs[1].shape as number[];
    if (!flippedKernelFits(a.pads, k, a.dilations)) return false;
  }
  return true;
}
