/**
 * batchNorm (the composite of ../types.ts) as a direct loop: per channel inv =
 * 1 / sqrt(variance + epsilon) (times gamma) and shift = beta - mean * inv (or
 * -(mean * inv)), then x * inv + shift per element; each step rounded to the storage
 * type where the decomposition's primitives round (float16: to float32, then to half),
 * so the result is the decomposition's bit for bit.
 */
import type { CompositeAttrs, CompositeKernelTable } from '../types';
import { sizeOf } from '../types';
import { RefTensor, storageFor, storageRounder } from './tensor';

function batchNorm(inputs: readonly RefTensor[], a: CompositeAttrs['batchNorm']): RefTensor {
  const [x, mean, variance] = inputs;
  const beta = a.beta ? inputs[3].data : null;
  const gamma = a.gamma ? inputs[a.beta ? 4 : 3].data : null;
  const r = storageRounder(x.dtype);
  const c = x.shape[a.axis];
  const inner = sizeOf(x.shape.slice(a.axis + 1));
  const outer = sizeOf(x.shape.slice(0, a.axis));
  const eps = r(a.epsilon);
  const inv = new Float64Array(c);
  const shift = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    let s = r(1 / r(Math.sqrt(r(variance.data[k] + eps))));
    if (gamma) s = r(s * gamma[k]);
    const m = r(mean.data[k] * s);
    inv[k] = s;
    shift[k] = beta ? r(beta[k] - m) : -m;
  }
  const src = x.data;
  const out = storageFor(x.dtype, src.length);
  let p = 0;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < c; k++) {
      const s = inv[k];
      const t = shift[k];
      for (let i = 0; i < inner; i++, p++) out[p] = r(src[p] * s) + t;
    }
  }
  return { data: out, shape: x.shape, dtype: x.dtype };
}

/** The batchNorm composite of the reference backend. */
export const REFERENCE_BATCH_NORM: CompositeKernelTable<RefTensor> = {
  batchNorm: (inputs, a: CompositeAttrs['batchNorm']) => batchNorm(inputs, a),
};
