/**
 * The tfjs backend's kernels for the windowed composites (see ../types.ts,
 * `CompositeAttrs`), on kernels the wasm engine registers, for 1 and 2 spatial
 * axes (1-D as 2-D with a height of 1):
 * - conv: Conv2D with explicit padding;
 * - convInputGrad: with strides, Conv2DBackpropInput (tf.conv2dTranspose); with stride 1
 *   (dilated or not) a Conv2D of dy with the kernel flipped and its channels swapped;
 * - convFilterGrad: wasm has no Conv2DBackpropFilter, so a Conv2D over transposed
 *   operands (x as [in, h, w, batch], dy as the filter [oh, ow, batch, out]): the
 *   stride becomes the dilation and the dilation the stride;
 * - maxPool: MaxPool (an input holding a NaN: a JS loop on the wasm heap, heap-pool.ts);
 *   maxPoolGrad: a JS loop on the wasm heap;
 * - avgPool, avgPoolGrad: AvgPool, AvgPoolGrad;
 * - depthwiseConv: DepthwiseConv2dNative (wasm has no depthwise gradient kernels).
 * Three spatial axes: the convolutions in conv3d.ts; pooling runs the decomposition
 * (`tfjsAcceptsComposite`).
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, CompositeKernelTable, CompositeName, ConvWindow, DType, PoolWindow, Shape } from '../types';
import { poolWindowCounts } from '../types';
import { tf } from './engine';
import { conv3d, conv3dFilterGrad, conv3dInputGrad, tfjsAccepts3d } from './conv3d';
import { heapMaxPool, heapMaxPoolGrad, heapPoolUsable, Window2d } from './heap-pool';
import { heapReluGrad } from './heap-relu-grad';

type Pads = [[number, number], [number, number], [number, number], [number, number]];

/** A rank-3 (1-D) tensor as rank 4 with height 1; rank 4 as is. */
function as4d(x: Tensor): Tensor4D {
  return (x.rank === 3 ? tf.expandDims(x, 1) : x) as Tensor4D;
}

/** A 1-D kernel [k, in, out] as [1, k, in, out]; a 2-D one as is. */
function kernel4d(k: Tensor): Tensor4D {
  return (k.rank === 3 ? tf.expandDims(k, 0) : k) as Tensor4D;
}

/** A 1-D window (or 2-D) as the 2-D one. */
function win2<T>(v: readonly T[], one: T): [T, T] {
  return v.length === 1 ? [one, v[0]] : [v[0], v[1]];
}

function explicit(pads: readonly (readonly [number, number])[]): Pads {
  const [h, w] = win2(pads, [0, 0] as readonly [number, number]);
  return [[0, 0], [h[0], h[1]], [w[0], w[1]], [0, 0]];
}

/** Back to rank 3 when the composite was 1-D. */
function back(y: Tensor, n: number): Tensor {
  return n === 1 ? tf.squeeze(y, [1]) : y;
}

function conv([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  const n = a.strides.length;
  return tf.tidy(() =>
    back(tf.conv2d(as4d(x), kernel4d(k), win2(a.strides, 1), explicit(a.pads), 'NHWC', win2(a.dilations, 1)), n),
  );
}

/** wasm's DepthwiseConv2dNative (the kernel [kh, kw, c, m] as it is), explicit padding; any stride with any dilation. */
function depthwiseConv([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  const n = a.strides.length;
  return tf.tidy(() =>
    back(
      tf.engine().runKernel('DepthwiseConv2dNative', { x: as4d(x), filter: kernel4d(k) }, {
        strides: win2(a.strides, 1),
        pad: explicit(a.pads),
        dilations: win2(a.dilations, 1),
        dataFormat: 'NHWC',
      } as never) as Tensor,
      n,
    ),
  );
}

function convInputGrad([dy, k]: readonly Tensor[], a: CompositeAttrs['convInputGrad']): Tensor {
  const n = a.strides.length;
  return tf.tidy(() => {
    const d4 = as4d(dy);
    const k4 = kernel4d(k);
    const [kh, kw, cin] = k4.shape;
    const [ih, iw] = win2(a.inputSpatial, 1);
    if (a.strides.some((st) => st > 1)) {
      return back(tf.conv2dTranspose(d4, k4, [d4.shape[0], ih, iw, cin], win2(a.strides, 1), explicit(a.pads)), n);
    }
    // Stride 1 (measured about 4x faster than wasm's Conv2DBackpropInput): dx = conv(dy, kernel
    // flipped with in/out swapped, the same dilation), padded so that dx has the input's size.
    const [dh, dw] = win2(a.dilations, 1);
    const [ph, pw] = win2(a.pads, [0, 0] as readonly [number, number]);
    const flipped = tf.transpose(tf.reverse(k4, [0, 1]), [0, 1, 3, 2]);
    const pads: Pads = [
      [0, 0],
      [(kh - 1) * dh - ph[0], (kh - 1) * dh - ph[1]],
      [(kw - 1) * dw - pw[0], (kw - 1) * dw - pw[1]],
      [0, 0],
    ];
    const y = tf.conv2d(d4, flipped as Tensor4D, 1, pads, 'NHWC', [dh, dw]);
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

/** A pooling window (1 or 2 axes) as the heap kernels' 2-D one; they need the wasm engine active. */
function heapWindow(a: PoolWindow): Window2d {
  if (!heapPoolUsable()) throw new Error(`tfjs backend: max pooling needs tfjs's wasm engine active (it is '${tf.getBackend()}')`);
  return { window: win2(a.window, 1), strides: win2(a.strides, 1), pads: win2(a.pads, [0, 0] as readonly [number, number]) };
}

function poolAttrs(a: PoolWindow): { filterSize: [number, number]; strides: [number, number]; pad: Pads } {
  return { filterSize: win2(a.window, 1), strides: win2(a.strides, 1), pad: explicit(a.pads) };
}

/**
 * Measured: wasm's MaxPool skips NaNs; an input holding one runs the heap kernel
 * (heap-pool.ts), which gives NaN for a window holding one, as TensorFlow's max.
 */
function maxPool([x]: readonly Tensor[], a: PoolWindow): Tensor {
  const p = poolAttrs(a);
  return tf.tidy(() => {
    const x4 = as4d(x);
    return back(anyNaN(x4) ? heapMaxPool(x4, heapWindow(a)) : tf.maxPool(x4, p.filterSize, p.strides, p.pad), a.window.length);
  });
}

/**
 * Whether `x` holds a NaN (read back: one element). A sum that is not NaN proves
 * there is none, at the cost of one reduction; a NaN sum (a NaN, or +Infinity and
 * -Infinity) is checked exactly.
 */
function anyNaN(x: Tensor): boolean {
  return tf.tidy(() => Number.isNaN(tf.sum(x).dataSync()[0]) && tf.any(tf.isNaN(x)).dataSync()[0] !== 0);
}

/** Measured: wasm's AvgPool gives -Infinity for a window holding a NaN (its output clamp); NaN here. */
function avgPool([x]: readonly Tensor[], a: PoolWindow): Tensor {
  const p = poolAttrs(a);
  return tf.tidy(() => {
    const x4 = as4d(x);
    const y = tf.avgPool(x4, p.filterSize, p.strides, p.pad);
    if (!anyNaN(x4)) return back(y, a.window.length);
    const nan = tf.maxPool(tf.cast(tf.isNaN(x4), 'float32') as Tensor4D, p.filterSize, p.strides, p.pad);
    return back(tf.where(tf.greater(nan, 0), tf.fill(y.shape, NaN), y), a.window.length);
  });
}

/**
 * The gradient of max pooling, routed to each window's first maximum (row-major
 * window order), as TensorFlow does, by the heap kernel (heap-pool.ts). Measured:
 * wasm's MaxPoolGrad and MaxPoolWithArgmax start from a positive maximum (a window
 * of values <= 0 sends its gradient to its first cell) and break ties towards the
 * last cell, so neither is used.
 */
function maxPoolGrad([x, dy]: readonly Tensor[], a: PoolWindow): Tensor {
  return tf.tidy(() => back(heapMaxPoolGrad(as4d(x), as4d(dy), heapWindow(a)), a.window.length));
}

/** For each output cell: the window's size over its number of real (unpadded) cells, [1, oh, ow, 1]. */
function padScale(a: PoolWindow, spatial: readonly number[], outs: readonly number[]): Tensor {
  const full = a.window.reduce((p, v) => p * v, 1);
  const data = Float32Array.from(poolWindowCounts(a, spatial, outs), (m) => full / m);
  const [rows, cols] = outs.length === 1 ? [1, outs[0]] : outs;
  return tf.tensor4d(data, [1, rows, cols, 1]);
}

/**
 * AvgPoolGrad. Measured: wasm's divides every window by its full size, padded cells
 * included, where the average (TensorFlow's) divides by the real cells; dy is
 * scaled by size / real cells first.
 */
function avgPoolGrad([dy]: readonly Tensor[], a: CompositeAttrs['avgPoolGrad']): Tensor {
  return tf.tidy(() => {
    let d4 = as4d(dy);
    const [ih, iw] = win2(a.inputSpatial, 1);
    if (a.pads.some((p) => p[0] > 0 || p[1] > 0)) d4 = tf.mul(d4, padScale(a, a.inputSpatial, dy.shape.slice(1, -1))) as Tensor4D;
    // The kernel reads only the input's shape.
    const like = tf.zeros([d4.shape[0], ih, iw, d4.shape[3]]);
    const dx = tf.engine().runKernel('AvgPoolGrad', { dy: d4, input: like }, poolAttrs(a) as never) as Tensor;
    return back(dx, a.window.length);
  });
}

/** The composites the tfjs backend runs on wasm kernels (1 and 2 spatial axes, float32). */
export const TFJS_COMPOSITES: CompositeKernelTable<Tensor> = {
  conv: (inputs, a) => (a.strides.length === 3 ? conv3d(inputs, a) : conv(inputs, a)),
  convInputGrad: (inputs, a) => (a.strides.length === 3 ? conv3dInputGrad(inputs, a) : convInputGrad(inputs, a)),
  convFilterGrad: (inputs, a) => (a.strides.length === 3 ? conv3dFilterGrad(inputs, a) : convFilterGrad(inputs, a)),
  maxPool,
  maxPoolGrad,
  avgPool,
  avgPoolGrad,
  depthwiseConv,
  // wasm's Softmax normalises along the last axis only (tfjsAcceptsComposite)
  softmax: ([x]) => tf.softmax(x),
  // one JS loop on the heap (heap-relu-grad.ts); off wasm, where(x > 0, g, +0) in tfjs ops
  reluGrad: ([x, g]) => heapReluGrad(x, g) ?? tf.tidy(() => tf.where(tf.greater(x, 0), g, tf.zerosLike(g))),
};

/** Whether the tfjs kernels take a composite: float32, 1 or 2 spatial axes, or 3 for the convolutions (conv3d.ts). */
export function tfjsAcceptsComposite<C extends CompositeName>(op: C, attrs: CompositeAttrs[C], inputs: readonly { readonly shape: Shape; readonly dtype: DType }[]): boolean {
  if (!inputs.every((x) => x.dtype === 'float32')) return false;
  if (op === 'softmax') return (attrs as CompositeAttrs['softmax']).axis === inputs[0].shape.length - 1;
  if (op === 'resizeBilinear' || op === 'resizeBilinearGrad') return true; // resize.ts: float32 images
  // wasm has no depthwise gradient kernels: their decompositions run
  if (op === 'logSoftmax' || op === 'depthwiseInputGrad' || op === 'depthwiseFilterGrad') return false;
  if (op === 'reluGrad') return true;
  if (inputs.every((x) => x.shape.length === 5)) {
    if (op !== 'conv' && op !== 'convInputGrad' && op !== 'convFilterGrad') return false;
    // the kernel's spatial dims: the second input of conv and convInputGrad, an attribute of convFilterGrad
    const k = op === 'convFilterGrad' ? (attrs as CompositeAttrs['convFilterGrad']).kernelSpatial : (inputs[1].shape.slice(0, 3) as number[]);
    return tfjsAccepts3d(op, attrs as ConvWindow, k);
  }
  if (!inputs.every((x) => x.shape.length === 3 || x.shape.length === 4)) return false;
  if (op === 'convInputGrad') {
    const a = attrs as CompositeAttrs['convInputGrad'];
    const k = inputs[1].shape as number[];
    // A stride-1 input gradient pads by (k - 1) * d - pad, which must not be negative.
    if (a.strides.every((st) => st === 1)) return a.pads.every((p, i) => p[0] <= (k[i] - 1) * a.dilations[i] && p[1] <= (k[i] - 1) * a.dilations[i]);
  }
  return true;
}
