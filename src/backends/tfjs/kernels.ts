/**
 * The tfjs kernel table: one kernel per primitive, assembled from the files
 * that implement each family. Kernels never dispose their inputs, and any
 * temporary they make is disposed before they return (tf.tidy).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { KernelTable } from '../types';
import { BINARY_KERNELS, UNARY_KERNELS } from './elementwise';
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
};
