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

function resizeBilinear([x]: readonly RefTensor[], a: CompositeAttrs['resizeBilinear']): RefTensor {
  const [b, h, w, c] = x.shape;
  const [H, W] = [h * a.factors[0], w * a.factors[1]];
  const r = taps(h, a.factors[0]);
  const s = taps(w, a.factors[1]);
  const src = x.data;
  const out = storageFor(x.dtype, b * H * W * c);
  const at = (bi: number, i: number, j: number, ci: number): number => src[((bi * h + i) * w + j) * c + ci];
  let o = 0;
  for (let bi = 0; bi < b; bi++) {
    for (let oy = 0; oy < H; oy++) {
      const [i0, i1, fy] = [r.lo[oy], r.hi[oy], r.f[oy]];
      for (let ox = 0; ox < W; ox++) {
        const [j0, j1, fx] = [s.lo[ox], s.hi[ox], s.f[ox]];
        for (let ci = 0; ci < c; ci++) {
          const top = at(bi, i0, j0, ci) + (at(bi, i0, j1, ci) - at(bi, i0, j0, ci)) * fx;
          const bottom = at(bi, i1, j0, ci) + (at(bi, i1, j1, ci) - at(bi, i1, j0, ci)) * fx;
          out[o++] = top + (bottom - top) * fy;
        }
      }
    }
  }
  return { data: out, shape: [b, H, W, c], dtype: x.dtype };
}

function resizeBilinearGrad([dy]: readonly RefTensor[], a: CompositeAttrs['resizeBilinearGrad']): RefTensor {
  const [b, H, W, c] = dy.shape;
  const [h, w] = a.inputSpatial;
  const r = taps(h, a.factors[0]);
  const s = taps(w, a.factors[1]);
  const g = dy.data;
  const acc = new Float64Array(b * h * w * c);
  const put = (bi: number, i: number, j: number, ci: number, v: number): void => {
    acc[((bi * h + i) * w + j) * c + ci] += v;
  };
  let o = 0;
  for (let bi = 0; bi < b; bi++) {
    for (let oy = 0; oy < H; oy++) {
      const [i0, i1, fy] = [r.lo[oy], r.hi[oy], r.f[oy]];
      for (let ox = 0; ox < W; ox++) {
        const [j0, j1, fx] = [s.lo[ox], s.hi[ox], s.f[ox]];
        for (let ci = 0; ci < c; ci++) {
          const v = g[o++];
          const right = v * fx;
          const left = v - right;
          put(bi, i0, j0, ci, left - left * fy);
          put(bi, i1, j0, ci, left * fy);
          put(bi, i0, j1, ci, right - right * fy);
          put(bi, i1, j1, ci, right * fy);
        }
      }
    }
  }
  const out = storageFor(dy.dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
  return { data: out, shape: [b, h, w, c], dtype: dy.dtype };
}

/** The resize composites of the reference backend. */
export const REFERENCE_RESIZE: CompositeKernelTable<RefTensor> = { resizeBilinear, resizeBilinearGrad };
