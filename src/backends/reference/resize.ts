/**
 * Bilinear upsampling by integer factors (the `resizeBilinear` composite of
 * ../types.ts) and its gradient, as direct loops over channels_last images in
 * float64: columns first (top and bottom rows), then rows, as the decomposition and
 * TensorFlow's kernel.
 */
import type { CompositeAttrs, CompositeKernelTable } from '../types';
import { RefTensor, storageFor } from './tensor';

/** Per output cell along one axis: the lower and upper input cells and the upper one's weight. */
function taps(length: number, factor: number): { lo: Int32Array; hi: Int32Array; f: Float64Array } {
  const n = length * factor;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const f = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const i = Math.floor(o / factor);
    lo[o] = i;
    hi[o] = Math.min(i + 1, length - 1);
    f[o] = (o - i * factor) / factor;
  }
  return { lo, hi, f };
}

/**
 * Visits the output cells of a bilinear resize of [b, h, w, c] by `factors` in row-major
 * order: `cell(o, tl, tr, bl, br, fx, fy)` with `o` the cell's first element in the
 * output, tl, tr, bl, br the first elements of the four input cells it blends (top left,
 * top right, bottom left, bottom right) and fx, fy the right and bottom cells' weights.
 * The loop over the c channels is the caller's.
 */
function eachCell(
  [b, h, w, c]: readonly number[],
  factors: readonly [number, number],
  cell: (o: number, tl: number, tr: number, bl: number, br: number, fx: number, fy: number) => void,
): void {
  const r = taps(h, factors[0]);
  const s = taps(w, factors[1]);
  const [H, W] = [h * factors[0], w * factors[1]];
  let o = 0;
  for (let bi = 0; bi < b; bi++) {
    for (let oy = 0; oy < H; oy++) {
      const top = (bi * h + r.lo[oy]) * w;
      const bottom = (bi * h + r.hi[oy]) * w;
      for (let ox = 0; ox < W; ox++, o += c) {
        const [j0, j1] = [s.lo[ox], s.hi[ox]];
        cell(o, (top + j0) * c, (top + j1) * c, (bottom + j0) * c, (bottom + j1) * c, s.f[ox], r.f[oy]);
      }
    }
  }
}

function resizeBilinear([x]: readonly RefTensor[], a: CompositeAttrs['resizeBilinear']): RefTensor {
  const [b, h, w, c] = x.shape;
  const src = x.data;
  const out = storageFor(x.dtype, b * h * a.factors[0] * w * a.factors[1] * c);
  eachCell(x.shape, a.factors, (o, tl, tr, bl, br, fx, fy) => {
    for (let ci = 0; ci < c; ci++) {
      const top = src[tl + ci] + (src[tr + ci] - src[tl + ci]) * fx;
      const bottom = src[bl + ci] + (src[br + ci] - src[bl + ci]) * fx;
      out[o + ci] = top + (bottom - top) * fy;
    }
  });
  return { data: out, shape: [b, h * a.factors[0], w * a.factors[1], c], dtype: x.dtype };
}

function resizeBilinearGrad([dy]: readonly RefTensor[], a: CompositeAttrs['resizeBilinearGrad']): RefTensor {
  const [b, , , c] = dy.shape;
  const [h, w] = a.inputSpatial;
  const g = dy.data;
  const acc = new Float64Array(b * h * w * c);
  eachCell([b, h, w, c], a.factors, (o, tl, tr, bl, br, fx, fy) => {
    for (let ci = 0; ci < c; ci++) {
      const v = g[o + ci];
      const right = v * fx;
      const left = v - right;
      acc[tl + ci] += left - left * fy;
      acc[bl + ci] += left * fy;
      acc[tr + ci] += right - right * fy;
      acc[br + ci] += right * fy;
    }
  });
  const out = storageFor(dy.dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
  return { data: out, shape: [b, h, w, c], dtype: dy.dtype };
}

/** The resize composites of the reference backend. */
export const REFERENCE_RESIZE: CompositeKernelTable<RefTensor> = { resizeBilinear, resizeBilinearGrad };
