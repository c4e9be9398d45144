/**
 * The tfjs backend's kernels for the convolution composites over three spatial
 * axes (`CompositeAttrs` in ../types.ts), all on wasm's Conv3D (its explicit-pad
 * forms are x zero-padded first: Conv3D has only 'valid' and 'same' padding):
 * - conv: Conv3D, any stride and dilation;
 * - convInputGrad: a stride-1 Conv3D (the forward's dilation) of dy spread by the
 *   strides, padded (k - 1) * d - pad before, with the kernel flipped and its channels
 *   swapped;
 * - convFilterGrad: a Conv3D over transposed operands, x as [in, d, h, w, batch] and dy
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

type Pads5 = [number, number][];
type Shape5 = [number, number, number, number, number];

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
 * z [b, s1, s2, s3, c] with each spatial axis i spread by strides[i] (s - 1 zeros
 * after each cell), then cut to or zero-extended to lengths[i]. Each axis is done on
 * a rank-3 or rank-4 view [before, len, after].
 */
function spreadTo(z: Tensor, strides: readonly number[], lengths: readonly number[]): Tensor {
  let t = z;
  for (let i = 0; i < 3; i++) {
    const shape = t.shape as Shape5;
    const outer = shape.slice(0, i + 1).reduce((p, v) => p * v, 1);
    const inner = shape.slice(i + 2).reduce((p, v) => p * v, 1);
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
