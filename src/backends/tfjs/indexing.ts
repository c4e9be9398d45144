/**
 * gather and scatterAdd on tfjs. wasm has no UnsortedSegmentSum; scatterAdd is
 * tfjs's ScatterNd, which sums repeated indices (exactly, one addition per
 * update in order), with the scattered axis moved to the front and back.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Kernel } from '../types';
import { indexOutOfRange } from '../types';
import { conform } from './dtypes';
import { tf } from './engine';
import { heapGather } from './heap-kernels';
import { empty, sizeOf, transpose } from './shapes';

/**
 * gather: out = x.shape[:axis] + indices.shape + x.shape[axis+1:]. A block copy
 * on the heap (wasm's GatherV2 takes 8 ms per MB); indices out of range throw.
 */
export const gather: Kernel<Tensor, 'gather'> = ([x, indices], { axis, what }) => {
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  if (sizeOf(shape) === 0) {
    // an empty result still checks its indices, as the other backends do
    const idx = indices.dataSync();
    const n = x.shape[axis];
    for (let j = 0; j < idx.length; j++) if (!(idx[j] >= 0 && idx[j] < n)) throw indexOutOfRange('gather', idx[j], n, what);
    return empty(shape, x.dtype);
  }
  return indices.dtype === 'int32' ? heapGather(x, indices, axis, what) : tf.gather(x, indices, axis);
};

/** 0, 1, ..., n-1 shifted by `from`. */
function range(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/**
 * scatterAdd: updates [pre, I..., post] with indices [I...] -> out [pre, size, post],
 * zeros then out[pre, indices[j], post] += updates[pre, j, post].
 */
export const scatterAdd: Kernel<Tensor, 'scatterAdd'> = ([updates, indices, like], { axis, size: attrSize }, out) =>
  tf.tidy(() => {
    const size = like === undefined ? attrSize : like.shape[axis];
    // scatterND drops indices out of range silently
    const idx = indices.dataSync();
    for (let j = 0; j < idx.length; j++) {
      if (!(idx[j] >= 0 && idx[j] < size)) throw indexOutOfRange('scatterAdd', idx[j], size);
    }
    const u = updates.dtype === 'bool' ? tf.cast(updates, 'int32') : updates;
    const ri = indices.rank;
    const rank = u.rank;
    const pre = u.shape.slice(0, axis);
    const post = u.shape.slice(axis + ri);
    const count = indices.size;
    // Move the index axes to the front: [I..., pre, post].
    const toFront = [...range(axis, ri), ...range(0, axis), ...range(axis + ri, rank - axis - ri)];
    const front = axis === 0 ? u : transpose(u, toFront);
    const flat = tf.reshape(front, [count, ...pre, ...post]);
    const where = tf.reshape(indices, [count, 1]);
    let result = tf.scatterND(where, flat, [size, ...pre, ...post]);
    // Move the scattered axis back to position `axis`: [pre, size, post].
    if (axis > 0) result = transpose(result, [...range(1, axis), 0, ...range(axis + 1, post.length)]);
    return conform(result, out.dtype);
  });
