/**
 * The tfjs backend's kernels for the pooling composites (`maxPool`, `maxPoolGrad`,
 * `avgPool`, `avgPoolGrad` in ../types.ts) over 1, 2 and 3 spatial axes, on 2-D
 * kernels (1-D as 2-D with a height of 1):
 * - maxPool: wasm's MaxPool (an input holding a NaN: a JS loop on the wasm heap,
 *   heap-pool.ts); maxPoolGrad: a JS loop on the wasm heap;
 * - avgPool, avgPoolGrad: wasm's AvgPool, AvgPoolGrad (each with a fix, below).
 * Three axes pool as two 2-D poolings (both max and mean are separable): x [b, d, h, w, c]
 * as [b * d, h, w, c] over the (h, w) window, then that as [b, d, oh * ow, c] over the
 * (d, 1) window; the gradients run the two 2-D gradients in reverse order. For max
 * pooling this routes each window's gradient to the same cell as the 3-D window's
 * row-major first maximum: the first depth whose (h, w) maximum is the window's maximum,
 * then that slice's first maximal cell (a NaN counts as the maximum, as in the 2-D
 * kernels; a window of -Infinity next to padding goes to its first real cell). An
 * average divides by the product of the two windows' real cells, which is the 3-D
 * window's count. Measured (tfjs-backend-wasm 4.22, docs/engine-notes.md): wasm's own
 * MaxPool3D starts each window from the smallest positive float (a window of values
 * <= 0 gives 1.18e-38) and skips NaNs, MaxPool3DGrad sends a window of values <= 0 to
 * the tensor's first cell and ties to the last, AvgPool3DGrad divides by the full
 * window, and AvgPool3D/AvgPool3DGrad take 'valid', 'same' or one pad for all sides only.
 */
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, PoolWindow } from '../types';
import { poolWindowCounts, windowOut } from '../types';
import { tf } from './engine';
import { heapMaxPool, heapMaxPoolGrad, heapPoolUsable, Window2d } from './heap-pool';
import { as4d, back, explicit, Pads, win2 } from './windows';

type Shape5 = [number, number, number, number, number];

/** A pooling window over two spatial axes of a rank-4 NHWC tensor. */
interface Win2 {
  readonly window: [number, number];
  readonly strides: [number, number];
  readonly pads: [[number, number], [number, number]];
}

/** A 1-D or 2-D pooling window as the 2-D one. */
function win2d(a: PoolWindow): Win2 {
  const [ph, pw] = win2(a.pads, [0, 0] as readonly [number, number]);
  return { window: win2(a.window, 1), strides: win2(a.strides, 1), pads: [[ph[0], ph[1]], [pw[0], pw[1]]] };
}

/** A 3-D pooling window as the 2-D (h, w) window and the (d, 1) window applied after it. */
function split3(a: PoolWindow): { readonly hw: Win2; readonly depth: Win2 } {
  return {
    hw: { window: [a.window[1], a.window[2]], strides: [a.strides[1], a.strides[2]], pads: [[a.pads[1][0], a.pads[1][1]], [a.pads[2][0], a.pads[2][1]]] },
    depth: { window: [a.window[0], 1], strides: [a.strides[0], 1], pads: [[a.pads[0][0], a.pads[0][1]], [0, 0]] },
  };
}

function explicitPads(w: Win2): Pads {
  return explicit(w.pads);
}

/** The heap kernels' window; they need the wasm engine active. */
function heapWindow(w: Win2): Window2d {
  if (!heapPoolUsable()) throw new Error(`tfjs backend: max pooling needs tfjs's wasm engine active (it is '${tf.getBackend()}')`);
  return w;
}

/**
 * Whether `x` holds a NaN (read back: one element). A sum that is not NaN proves
 * there is none, at the cost of one reduction; a NaN sum (a NaN, or +Infinity and
 * -Infinity) is checked exactly.
 */
function anyNaN(x: Tensor): boolean {
  return tf.tidy(() => Number.isNaN(tf.sum(x).dataSync()[0]) && tf.any(tf.isNaN(x)).dataSync()[0] !== 0);
}

/**
 * Max pooling of x [b, h, w, c]. Measured: wasm's MaxPool skips NaNs; an input holding
 * one runs the heap kernel (heap-pool.ts), which gives NaN for a window holding one,
 * as TensorFlow's max.
 */
function maxPool4(x: Tensor4D, w: Win2): Tensor4D {
  return anyNaN(x) ? heapMaxPool(x, heapWindow(w)) : tf.maxPool(x, w.window, w.strides, explicitPads(w));
}

/**
 * Measured: wasm's AvgPool gives -Infinity for a window whose sum is NaN (its output
 * clamp): a window holding a NaN, or both +Infinity and -Infinity. Those windows are
 * NaN here, found when the sum of x is NaN (the same cases, anywhere in x).
 */
function avgPool4(x: Tensor4D, w: Win2): Tensor4D {
  return tf.tidy(() => {
    const pads = explicitPads(w);
    const y = tf.avgPool(x, w.window, w.strides, pads);
    if (!Number.isNaN(tf.sum(x).dataSync()[0])) return y;
    const holds = (mask: Tensor): Tensor => tf.greater(tf.maxPool(tf.cast(mask, 'float32') as Tensor4D, w.window, w.strides, pads), 0);
    const nan = tf.logicalOr(holds(tf.isNaN(x)), tf.logicalAnd(holds(tf.equal(x, Infinity)), holds(tf.equal(x, -Infinity))));
    return tf.where(nan, tf.fill(y.shape, NaN), y);
  });
}

/**
 * The gradient of max pooling, routed to each window's first maximum (row-major
 * window order), as TensorFlow does, by the heap kernel (heap-pool.ts). Measured:
 * wasm's MaxPoolGrad and MaxPoolWithArgmax start from a positive maximum (a window
 * of values <= 0 sends its gradient to its first cell) and break ties towards the
 * last cell, so neither is used.
 */
function maxPoolGrad4(x: Tensor4D, dy: Tensor4D, w: Win2): Tensor4D {
  return heapMaxPoolGrad(x, dy, heapWindow(w));
}

/** For each output cell: the window's size over its number of real (unpadded) cells, [1, oh, ow, 1]. */
function padScale(w: Win2, spatial: readonly [number, number], outs: readonly [number, number]): Tensor {
  const full = w.window[0] * w.window[1];
  const data = Float32Array.from(poolWindowCounts(w, spatial, outs), (m) => full / m);
  return tf.tensor4d(data, [1, outs[0], outs[1], 1]);
}

/**
 * AvgPoolGrad for an input of spatial dims `spatial`. Measured: wasm's divides every
 * window by its full size, padded cells included, where the average (TensorFlow's)
 * divides by the real cells; dy is scaled by size / real cells first.
 */
function avgPoolGrad4(dy: Tensor4D, w: Win2, spatial: readonly [number, number]): Tensor4D {
  return tf.tidy(() => {
    const padded = w.pads.some((p) => p[0] > 0 || p[1] > 0);
    const d = padded ? (tf.mul(dy, padScale(w, spatial, [dy.shape[1], dy.shape[2]])) as Tensor4D) : dy;
    // The kernel reads only the input's shape.
    const like = tf.zeros([dy.shape[0], spatial[0], spatial[1], dy.shape[3]]);
    return tf.engine().runKernel('AvgPoolGrad', { dy: d, input: like }, { filterSize: w.window, strides: w.strides, pad: explicitPads(w) } as never) as Tensor4D;
  });
}

/** The output [oh, ow] of the (h, w) pooling of x [b, d, h, w, c]. */
function hwOuts(x: Tensor, hw: Win2): [number, number] {
  const s = x.shape as Shape5;
  return [windowOut(s[2], hw.window[0], hw.strides[0], 1, hw.pads[0]), windowOut(s[3], hw.window[1], hw.strides[1], 1, hw.pads[1])];
}

/** 3-D pooling as two 2-D ones (see the file comment), with `pool4` the 2-D pooling. */
function pool3(x: Tensor, a: PoolWindow, pool4: (x: Tensor4D, w: Win2) => Tensor4D): Tensor {
  return tf.tidy(() => {
    const [b, d, h, wd, c] = x.shape as Shape5;
    const { hw, depth } = split3(a);
    const [oh, ow] = hwOuts(x, hw);
    const y1 = pool4(tf.reshape(x, [b * d, h, wd, c]), hw);
    const y = pool4(tf.reshape(y1, [b, d, oh * ow, c]), depth);
    return tf.reshape(y, [b, y.shape[1], oh, ow, c]);
  });
}

function maxPool([x]: readonly Tensor[], a: PoolWindow): Tensor {
  if (a.window.length === 3) return pool3(x, a, maxPool4);
  return tf.tidy(() => back(maxPool4(as4d(x), win2d(a)), a.window.length));
}

function avgPool([x]: readonly Tensor[], a: PoolWindow): Tensor {
  if (a.window.length === 3) return pool3(x, a, avgPool4);
  return tf.tidy(() => back(avgPool4(as4d(x), win2d(a)), a.window.length));
}

function maxPoolGrad([x, dy]: readonly Tensor[], a: PoolWindow): Tensor {
  if (a.window.length !== 3) return tf.tidy(() => back(maxPoolGrad4(as4d(x), as4d(dy), win2d(a)), a.window.length));
  return tf.tidy(() => {
    const [b, d, h, wd, c] = x.shape as Shape5;
    const { hw, depth } = split3(a);
    const [oh, ow] = hwOuts(x, hw);
    const x4 = tf.reshape(x, [b * d, h, wd, c]) as Tensor4D;
    // the (h, w) maxima again (NaNs kept): the depth pooling's input, whose gradient routes dy first
    const y1 = tf.reshape(heapMaxPool(x4, heapWindow(hw)), [b, d, oh * ow, c]) as Tensor4D;
    const g1 = maxPoolGrad4(y1, tf.reshape(dy, [b, (dy.shape as Shape5)[1], oh * ow, c]) as Tensor4D, depth);
    return tf.reshape(maxPoolGrad4(x4, tf.reshape(g1, [b * d, oh, ow, c]) as Tensor4D, hw), x.shape);
  });
}

function avgPoolGrad([dy]: readonly Tensor[], a: CompositeAttrs['avgPoolGrad']): Tensor {
  if (a.window.length !== 3) return tf.tidy(() => back(avgPoolGrad4(as4d(dy), win2d(a), win2(a.inputSpatial, 1)), a.window.length));
  return tf.tidy(() => {
    const [b, od, oh, ow, c] = dy.shape as Shape5;
    const [d, h, w] = a.inputSpatial;
    const { hw, depth } = split3(a);
    const g1 = avgPoolGrad4(tf.reshape(dy, [b, od, oh * ow, c]) as Tensor4D, depth, [d, oh * ow]);
    return tf.reshape(avgPoolGrad4(tf.reshape(g1, [b * d, oh, ow, c]) as Tensor4D, hw, [h, w]), [b, d, h, w, c]);
  });
}

/** The pooling composites on tfjs (1 to 3 spatial axes, float32). */
export const TFJS_POOLING = { maxPool, maxPoolGrad, avgPool, avgPoolGrad };
