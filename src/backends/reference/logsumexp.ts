/**
 * logSumExp over a set of axes (the composite of ../types.ts) as direct loops: per
 * output the maximum (a NaN wins, as reduceMax), 0 in its place where it is not
 * finite, then exp(x - m) summed in float64 in memory order, its log, and m added
 * back; each step rounded to the storage type where the decomposition's primitives
 * round (float16: to float32, then to half, as the kernels and their wrapper do), so
 * the result is the decomposition's bit for bit.
 *
 * When the reduced axes are one run of adjacent axes (the last axis, all axes, a
 * middle block) the input is [outer, n, inner] and each output reads its n cells
 * with one stride; other patterns map every input cell to its output first.
 */
import type { CompositeAttrs, CompositeKernelTable, DType } from '../types';
import { roundToFloat16, sizeOf } from '../types';
import { RefTensor, storageFor } from './tensor';

function rounder(dtype: DType): (v: number) => number {
  if (dtype === 'float64') return (v) => v;
  if (dtype === 'float16') return (v) => roundToFloat16(Math.fround(v));
  return Math.fround;
}

/** [outer, n, inner] when the reduced axes are adjacent, else null. */
function asBlock(shape: readonly number[], axes: readonly number[]): [number, number, number] | null {
  const first = axes[0];
  const last = axes[axes.length - 1];
  if (last - first + 1 !== axes.length) return null;
  return [sizeOf(shape.slice(0, first)), sizeOf(shape.slice(first, last + 1)), sizeOf(shape.slice(last + 1))];
}

/** The output index of every input cell (row-major over the kept axes). */
function outputIndex(shape: readonly number[], axes: readonly number[]): Int32Array {
  const rank = shape.length;
  const ostride = new Array<number>(rank).fill(0);
  for (let d = rank - 1, s = 1; d >= 0; d--) {
    if (!axes.includes(d)) {
      ostride[d] = s;
      s *= shape[d];
    }
  }
  const n = sizeOf(shape);
  const idx = new Int32Array(n);
  const pos = new Array<number>(rank).fill(0);
  let o = 0;
  for (let i = 0; i < n; i++) {
    idx[i] = o;
    for (let d = rank - 1; d >= 0; d--) {
      pos[d]++;
      o += ostride[d];
      if (pos[d] < shape[d]) break;
      o -= ostride[d] * shape[d];
      pos[d] = 0;
    }
  }
  return idx;
}

function logSumExp(x: RefTensor, a: CompositeAttrs['logSumExp']): RefTensor {
  const r = rounder(x.dtype);
  const shape = x.shape;
  const outShape = a.keepDims ? shape.map((d, i) => (a.axes.includes(i) ? 1 : d)) : shape.filter((_, i) => !a.axes.includes(i));
  const src = x.data;
  const out = storageFor(x.dtype, sizeOf(outShape));
  const block = asBlock(shape, a.axes);
  if (block !== null) {
    const [outer, n, inner] = block;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let m = -Infinity;
        for (let j = 0, p = base; j < n; j++, p += inner) {
          const v = src[p];
          if (v > m || v !== v) m = v;
          if (m !== m) break;
        }
        if (m - m !== 0) m = 0;
        let sum = 0;
        for (let j = 0, p = base; j < n; j++, p += inner) sum += r(Math.exp(r(src[p] - m)));
        out[o * inner + i] = r(r(Math.log(r(sum))) + m);
      }
    }
  } else {
    const idx = outputIndex(shape, a.axes);
    const m = new Float64Array(out.length).fill(-Infinity);
    for (let i = 0; i < src.length; i++) {
      const v = src[i];
      const o = idx[i];
      if (v > m[o] || v !== v) m[o] = v;
    }
    for (let o = 0; o < m.length; o++) if (m[o] - m[o] !== 0) m[o] = 0;
    const sum = new Float64Array(out.length);
    for (let i = 0; i < src.length; i++) sum[idx[i]] += r(Math.exp(r(src[i] - m[idx[i]])));
    for (let o = 0; o < out.length; o++) out[o] = r(r(Math.log(r(sum[o]))) + m[o]);
  }
  return { data: out, shape: outShape, dtype: x.dtype };
}

/** The logSumExp composite of the reference backend. */
export const REFERENCE_LOGSUMEXP: CompositeKernelTable<RefTensor> = {
  logSumExp: ([x], a: CompositeAttrs['logSumExp']) => logSumExp(x, a),
};
