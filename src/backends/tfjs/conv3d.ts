/**
 * The tfjs backend's kernels for the convolution composites over three spatial
 * axes (`CompositeAttrs` in ../types.ts), all as 3-D convolutions run on wasm's
 * Conv2D (`conv3dBy2d`: one Conv2D per kernel depth tap, summed; measured 6-24x
 * faster than wasm's Conv3D, a plain loop, docs/engine-notes.md):
 * - conv: any stride and dilation;
 * - convInputGrad: a stride-1 convolution (the forward's dilation) of dy spread by the
 *   strides, padded (k - 1) * d - pad before, with the kernel flipped and its channels
 *   swapped;
 * - convFilterGrad: a convolution over transposed operands, x as [in, d, h, w, batch] and dy
 *   as the filter [od, oh, ow, batch, out], the forward's dilation as its stride and the
 *   forward's stride as its dilation.
 * The spread and the cuts work on views of rank 3 or 4 (wasm's Slice runs a rank-5 slice
 * as a JS loop). Measured (tfjs-backend-wasm 4.22, docs/engine-notes.md):
 * Conv3DBackpropInputV2 gave wrong values (mostly zeros for strides 2) and
 * Conv3DBackpropFilterV2 was wrong for strides 2x2x1, so neither is used.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { CompositeAttrs, ConvWindow } from '../types';
import { tf } from './engine';
import { sizeOf } from './shapes';
import { explicit } from './windows';

type Shape5 = [number, number, number, number, number];

/**
 * A 3-D convolution (explicit pads, any stride and dilation) as 2-D ones: for each depth
 * tap t, wasm's Conv2D (XNNPACK) of the depth slices that tap reads, [b * od, h, w, ci]
 * (rank-3 and rank-4 slices of x seen as [b, depth, h * w * ci]), with the kernel's slice
 * k[t] [kh, kw, ci, co]; the kd results summed.
 */
function conv3dBy2d(x: Tensor, k: Tensor, a: ConvWindow): Tensor {
  const [b, depth, h, w, ci] = x.shape as Shape5;
  const [kd, kh, kw, , co] = k.shape as Shape5;
  const [sd, sh, sw] = a.strides;
  const [dd, dh, dw] = a.dilations;
  const od = Math.floor((depth + a.pads[0][0] + a.pads[0][1] - (kd - 1) * dd - 1) / sd) + 1;
  const plane = h * w * ci;
  // each tap reads od * sd rows from t * dd (the last sd - 1 of them dropped): pad to the last tap's end
  const before = a.pads[0][0];
  const after = Math.max(0, (kd - 1) * dd + od * sd - before - depth);
  let rows = tf.reshape(x, [b, depth, plane]);
  if (before > 0 || after > 0) rows = tf.pad(rows, [[0, 0], [before, after], [0, 0]]);
  const taps = tf.reshape(k, [kd, kh * kw * ci * co]);
  const pad = explicit([a.pads[1], a.pads[2]]);
  let y: Tensor | undefined;
  for (let t = 0; t < kd; t++) {
    let read = tf.slice(rows, [0, t * dd, 0], [b, od * sd, plane]);
    if (sd > 1) read = tf.slice(tf.reshape(read, [b, od, sd, plane]), [0, 0, 0, 0], [b, od, 1, plane]);
    const filter = tf.reshape(tf.slice(taps, [t, 0], [1, -1]), [kh, kw, ci, co]);
    // the kernel directly: tfjs's conv2d op refuses a stride and a dilation both above 1, XNNPACK does not
    const part = tf.engine().runKernel('Conv2D', { x: tf.reshape(read, [b * od, h, w, ci]), filter }, {
      strides: [sh, sw],
      pad,
      dataFormat: 'NHWC',
      dilations: [dh, dw],
    } as never) as Tensor;
    y = y === undefined ? part : tf.add(y, part);
  }
  const out = y as Tensor;
  return tf.reshape(out, [b, od, out.shape[1] as number, out.shape[2] as number, co]);
}

export function conv3d([x, k]: readonly Tensor[], a: ConvWindow): Tensor {
  return tf.tidy(() => conv3dBy2d(x, k, a));
}

/**
 * z [b, s1, s2, s3, c] with each spatial axis i spread by strides[i] (s - 1 zeros
 * after each cell), then cut to or zero-extended to lengths[i]. Each axis is done on
 * a rank-3 or rank-4 view [before, len, after].
 */
function spreadTo(z: Tensor, strides: readonly number[], lengths: readonly number[]): Tensor {
  let t = z;
  for (let i = 0; i < 3; i++) {
    const shape = t.shape as Shape5;
    const outer = sizeOf(shape.slice(0, i + 1));
    const inner = sizeOf(shape.slice(i + 2));
    const s = strides[i];
    let len = shape[i + 1];
    let v = tf.reshape(t, [outer, len, inner]);
    if (s > 1) {
      v = tf.reshape(tf.pad(tf.reshape(v, [outer, len, 1, inner]), [[0, 0], [0, 0], [0, s - 1], [0, 0]]), [outer, len * s, inner]);
      len *= s;
    }
    const want = lengths[i];
    if (want < len) v = tf.slice(v, [0, 0, 0], [outer, want, inner]);
    else if (want > len) v = tf.pad(v, [[0, 0], [0, want - len], [0, 0]]);
    if (s === 1 && want === shape[i + 1]) continue;
    const next = [...shape];
    next[i + 1] = want;
    t = tf.reshape(v, next);
  }
  return t;
}

/**
 * dx[i] = sum over o, t with o s + t d - pad = i of dy[o] k[t]: with z the spread dy, a
 * stride-1 correlation of z (padded (k - 1) d - pad before) with the flipped kernel.
 * z is cut or extended to inputSpatial + pad cells, so that it gives exactly the input's
 * cells (no z cell past that is read by any of them).
 */
export function conv3dInputGrad([dy, k]: readonly Tensor[], a: CompositeAttrs['convInputGrad']): Tensor {
  return tf.tidy(() => {
    const flipped = tf.transpose(tf.reverse(k, [0, 1, 2]), [0, 1, 2, 4, 3]);
    const z = spreadTo(dy, a.strides, a.inputSpatial.map((s, i) => s + a.pads[i][0]));
    const pads = a.pads.map((p, i): [number, number] => [(k.shape[i] - 1) * a.dilations[i] - p[0], 0]);
    return conv3d([z, flipped], { strides: [1, 1, 1], dilations: a.dilations, pads });
  });
}

/** The first sizes[i] cells of each spatial axis i of a rank-5 tensor, cut on rank-3 views. */
function cut5(t: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.every((s, i) => t.shape[i + 1] === s)) return t;
  return spreadTo(t, [1, 1, 1], sizes);
}

/**
 * dk[t, ci, co] = sum over b, o of x[b, o s + t d - pad, ci] dy[b, o, co]: x transposed
 * to [ci, D, H, W, b], correlated with dy as the filter [od, oh, ow, b, co] at stride d
 * and dilation s, gives [ci, kd, kh, kw, co] (cut to the kernel: cells past it are the
 * windows the forward never read).
 */
export function conv3dFilterGrad([x, dy]: readonly Tensor[], a: CompositeAttrs['convFilterGrad']): Tensor {
  return tf.tidy(() => {
    const xt = tf.transpose(x, [4, 1, 2, 3, 0]);
    const dt = tf.transpose(dy, [1, 2, 3, 0, 4]);
    const w = conv3d([xt, dt], { strides: a.dilations, dilations: a.strides, pads: a.pads });
    return tf.transpose(cut5(w, a.kernelSpatial), [1, 2, 3, 0, 4]);
  });
}

/**
 * Whether a 3-D convolution composite runs on the kernels above: any conv and filter
 * gradient; the input gradient when its pads before are at most (k - 1) * d (the
 * flipped kernel's padding must not be negative; the API's pads never are).
 */
export function tfjsAccepts3d(op: 'conv' | 'convInputGrad' | 'convFilterGrad', a: ConvWindow, kernelSpatial: readonly number[]): boolean {
  if (op !== 'convInputGrad') return true;
  return a.pads.every((p, i) => p[0] <= (kernelSpatial[i] - 1) * a.dilations[i]);
}
