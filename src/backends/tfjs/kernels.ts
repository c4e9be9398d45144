/**
 * The tfjs kernel table: one kernel per primitive, assembled from the files
 * that implement each family. Kernels never dispose their inputs, and any
 * temporary they make is disposed before they return (tf.tidy).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { KernelTable } from '../types';
import { BINARY_KERNELS, UNARY_KERNELS } from './elementwise';
import { tf } from './engine';
import { gather, scatterAdd } from './indexing';
import { LAYOUT_KERNELS } from './layout';
import { matMul } from './matmul';
import { REDUCE_KERNELS, SCAN_KERNELS } from './reductions';

/** Every primitive's kernel on tfjs tensors. */
export const TFJS_KERNELS: KernelTable<Tensor> = {
  ...UNARY_KERNELS,
  ...BINARY_KERNELS,
  ...REDUCE_KERNELS,
  ...SCAN_KERNELS,
  ...LAYOUT_KERNELS,
  matMul,
  gather,
  scatterAdd,
  // g summed over the axes where like has length 1 (and g has not)
  sumLike: ([g, like], _attrs, out) => {
    const axes = like.shape.flatMap((d, i) => (d === 1 && g.shape[i] !== 1 ? [i] : []));
    if (axes.length > 0) return REDUCE_KERNELS.reduceSum([g], { axes, keepDims: true }, out);
    // nothing to add up: each element is a sum of one term, which starts from +0 (-0 becomes +0)
    return g.dtype === 'float32' ? tf.tidy(() => tf.add(g, tf.scalar(0))) : LAYOUT_KERNELS.identity([g], {}, out);
  },
};
