/**
 * logSumExp over a set of axes (the composite of ../types.ts): the maximum per
 * output from the reduceMax kernel (a NaN wins), 0 in its place where it is not
 * finite, then exp(x - m) summed in float64 in memory order (the reductions' row
 * walk), its log, and m added back; each step rounded to the storage type where the
 * decomposition's primitives round (float16: to float32, then to half, as the
 * kernels and their wrapper do), so the result is the decomposition's bit for bit.
 */
import type { CompositeAttrs, CompositeKernelTable } from '../types';
import { sizeOf } from '../types';
import { rowWalk, stridesOf } from './broadcast';
import { reduce } from './reduce';
import { RefTensor, storageFor, storageRounder } from './tensor';

function logSumExp(x: RefTensor, a: CompositeAttrs['logSumExp']): RefTensor {
  const r = storageRounder(x.dtype);
  const max = reduce('reduceMax', x, a.axes, true);
  const m = Float64Array.from(max.data, (v) => (v - v === 0 ? v : 0));
  const sum = new Float64Array(m.length);
  const src = x.data;
  if (src.length > 0) {
    const keptStrides = stridesOf(max.shape).map((s, i) => (a.axes.includes(i) ? 0 : s));
    const walk = rowWalk(x.shape, [stridesOf(x.shape), keptStrides]);
    const [xs, as] = walk.rowStrides;
    for (let row = 0; row < walk.rows; row++) {
      for (let i = 0, p = walk.offsets[0], o = walk.offsets[1]; i < walk.rowLength; i++, p += xs, o += as) {
        sum[o] += r(Math.exp(r(src[p] - m[o])));
      }
      walk.next();
    }
  }
  const outShape = a.keepDims ? max.shape : x.shape.filter((_, i) => !a.axes.includes(i));
  const out = storageFor(x.dtype, sizeOf(outShape));
  for (let o = 0; o < out.length; o++) out[o] = r(r(Math.log(r(sum[o]))) + m[o]);
  return { data: out, shape: outShape, dtype: x.dtype };
}

/** The logSumExp composite of the reference backend. */
export const REFERENCE_LOGSUMEXP: CompositeKernelTable<RefTensor> = {
  logSumExp: ([x], a: CompositeAttrs['logSumExp']) => logSumExp(x, a),
};
