/**
 * softmax and logSoftmax along one axis (the composites of ../types.ts), as direct
 * loops: per slice the maximum (a NaN wins, as reduceMax), x - m, exp, the sum (in
 * float64, in order) and the log, each rounded to the storage type where the
 * decomposition's primitives round, so the result is the decomposition's bit for bit
 * (rounding once at the end differed from the other engines by 4e-4 relative on
 * huge logits times huge targets; found by the fuzzer).
 */
import type { CompositeAttrs, CompositeKernelTable } from '../types';
import { sizeOf } from '../types';
import { RefTensor, storageFor } from './tensor';

function normalise(x: RefTensor, axis: number, log: boolean): RefTensor {
  const n = x.shape[axis];
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const src = x.data;
  const out = storageFor(x.dtype, src.length);
  const r = x.dtype === 'float64' ? (v: number): number => v : Math.fround;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = -Infinity;
      for (let j = 0; j < n; j++) {
        const v = src[base + j * inner];
        if (v > m || v !== v) m = v;
        if (m !== m) break;
      }
      let sum = 0;
      for (let j = 0; j < n; j++) sum += r(Math.exp(r(src[base + j * inner] - m)));
      sum = r(sum);
      if (log) {
        const ls = r(Math.log(sum));
        for (let j = 0; j < n; j++) out[base + j * inner] = r(src[base + j * inner] - m) - ls;
      } else {
        for (let j = 0; j < n; j++) out[base + j * inner] = r(Math.exp(r(src[base + j * inner] - m))) / sum;
      }
    }
  }
  return { data: out, shape: x.shape, dtype: x.dtype };
}

/** The normalising composites of the reference backend. */
export const REFERENCE_SOFTMAX: CompositeKernelTable<RefTensor> = {
  softmax: ([x], a: CompositeAttrs['softmax']) => normalise(x, a.axis, false),
  logSoftmax: ([x], a: CompositeAttrs['logSoftmax']) => normalise(x, a.axis, true),
};
