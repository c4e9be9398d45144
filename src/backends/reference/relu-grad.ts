/**
 * reluGrad (the composite of ../types.ts: where(x > 0, g, +0)) as one loop. On
 * float32 the comparison's 0/1 becomes a mask over g's int32 words, without a
 * branch per element (a branch on the sign of unsorted data mispredicts half the
 * time; see reluFloat32Bits in elementwise.ts): g's bits where x > 0, else +0; a NaN
 * x is not > 0. The same values as the decomposition.
 */
import type { CompositeKernelTable } from '../types';
import { words } from './elementwise';
import { RefTensor, storageFor } from './tensor';

function reluGrad(x: RefTensor, g: RefTensor): RefTensor {
  const n = x.data.length;
  const out = storageFor(g.dtype, n);
  const xs = x.data;
  const gs = g.data;
  if (xs instanceof Float32Array && gs instanceof Float32Array && out instanceof Float32Array) {
    const gi = words(gs);
    const oi = words(out);
    for (let i = 0; i < n; i++) oi[i] = gi[i] & -(+(xs[i] > 0));
  } else {
    for (let i = 0; i < n; i++) out[i] = xs[i] > 0 ? gs[i] : 0;
  }
  return { data: out, shape: x.shape.slice(), dtype: g.dtype };
}

/** The reference backend's reluGrad kernel. */
export const REFERENCE_RELU_GRAD: CompositeKernelTable<RefTensor> = {
  reluGrad: ([x, g]) => reluGrad(x, g),
};
