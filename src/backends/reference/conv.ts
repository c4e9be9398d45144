/**
 * The reference backend's kernels for the windowed composites (see ../types.ts,
 * `CompositeAttrs`), channels_last with any number of spatial axes:
 * convolutions by im2col into the blocked matMul (the filter gradient is the
 * transposed product, the input gradient the product with the kernel transposed,
 * then col2im), depthwise convolutions and pooling by direct loops. One table of source offsets per (output
 * cell, window tap) is made per call, so the inner loops allocate nothing.
 */
import type { CompositeAttrs, CompositeKernelTable, ConvWindow, PoolWindow } from '../types';
import { sizeOf } from '../types';
import { matMul } from './matmul';
import { RefTensor, storageFor } from './tensor';

/**
 * For every output cell (row-major over `outs`) and window tap (row-major over
 * `taps`), the input cell read (row-major over `spatial`), or -1 in the padding.
 */
function tapTable(
  spatial: readonly number[],
  outs: readonly number[],
  taps: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  pads: readonly (readonly [number, number])[],
): Int32Array {
  const n = spatial.length;
  const P = sizeOf(outs);
  const K = sizeOf(taps);
  const table = new Int32Array(P * K);
  const o = new Array<number>(n).fill(0);
  const t = new Array<number>(n).fill(0);
  let w = 0;
  for (let p = 0; p < P; p++) {
    t.fill(0);
    for (let k = 0; k < K; k++) {
      let cell = 0;
      for (let i = 0; i < n; i++) {
        const at = o[i] * strides[i] + t[i] * dilations[i] - pads[i][0];
        if (at < 0 || at >= spatial[i]) {
          cell = -1;
          break;
        }
        cell = cell * spatial[i] + at;
      }
      table[w++] = cell;
      for (let i = n - 1; i >= 0; i--) {
        if (++t[i] < taps[i]) break;
        t[i] = 0;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      if (++o[i] < outs[i]) break;
      o[i] = 0;
    }
  }
  return table;
}

function outSizes(spatial: readonly number[], taps: readonly number[], w: ConvWindow): number[] {
  return spatial.map((len, i) => Math.floor((len + w.pads[i][0] + w.pads[i][1] - ((taps[i] - 1) * w.dilations[i] + 1)) / w.strides[i]) + 1);
}

/** The windows of x as rows: [b * P, K * c], zeros in the padding. */
function im2col(x: RefTensor, table: Int32Array, P: number, K: number): RefTensor {
  const [b] = x.shape;
  const c = x.shape[x.shape.length - 1];
  const S = sizeOf(x.shape.slice(1, -1));
  const out = storageFor(x.dtype, b * P * K * c);
  const src = x.data;
  let w = 0;
  for (let bi = 0; bi < b; bi++) {
    const base = bi * S * c;
    for (let e = 0; e < P * K; e++) {
      const cell = table[e];
      if (cell >= 0) {
        const from = base + cell * c;
        for (let ci = 0; ci < c; ci++) out[w + ci] = src[from + ci];
      }
      w += c;
    }
  }
  return { data: out, shape: [b * P, K * c], dtype: x.dtype };
}

/** The adjoint of im2col: rows [b * P, K * c] added back into [b, spatial..., c]. */
function col2im(cols: RefTensor, table: Int32Array, b: number, spatial: readonly number[], c: number, P: number, K: number): RefTensor {
  const S = sizeOf(spatial);
  const out = storageFor(cols.dtype, b * S * c);
  const src = cols.data;
  let r = 0;
  for (let bi = 0; bi < b; bi++) {
    const base = bi * S * c;
    for (let e = 0; e < P * K; e++) {
      const cell = table[e];
      if (cell >= 0) {
        const to = base + cell * c;
        for (let ci = 0; ci < c; ci++) out[to + ci] += src[r + ci];
      }
      r += c;
    }
  }
  return { data: out, shape: [b, ...spatial, c], dtype: cols.dtype };
}

function reshaped(t: RefTensor, shape: number[]): RefTensor {
  return { data: t.data, shape, dtype: t.dtype };
}

/** One call's windows: the output's and the kernel's spatial sizes, the tap table and the cell counts. */
interface Windows {
  readonly outs: readonly number[];
  readonly taps: readonly number[];
  readonly table: Int32Array;
  /** Cells of the input (S), of the output (P) and of the kernel window (K). */
  readonly S: number;
  readonly P: number;
  readonly K: number;
}

function windows(spatial: readonly number[], outs: readonly number[], taps: readonly number[], a: ConvWindow): Windows {
  const table = tapTable(spatial, outs, taps, a.strides, a.dilations, a.pads);
  return { outs, taps, table, S: sizeOf(spatial), P: sizeOf(outs), K: sizeOf(taps) };
}

/** The windows of a forward convolution: x [b, spatial..., c], kernel [taps..., c, m]. */
function forwardWindows(x: RefTensor, k: RefTensor, a: ConvWindow): Windows {
  const spatial = x.shape.slice(1, -1);
  const taps = k.shape.slice(0, a.strides.length);
  return windows(spatial, outSizes(spatial, taps, a), taps, a);
}

/** The windows of an input gradient: dy [b, outs..., cout], kernel [taps..., c, m]. */
function inputGradWindows(dy: RefTensor, k: RefTensor, a: CompositeAttrs['convInputGrad']): Windows {
  const n = a.strides.length;
  return windows(a.inputSpatial, dy.shape.slice(1, n + 1), k.shape.slice(0, n), a);
}

/** The windows of a filter gradient: x [b, spatial..., c], dy [b, outs..., cout]. */
function filterGradWindows(x: RefTensor, dy: RefTensor, a: CompositeAttrs['convFilterGrad']): Windows {
  return windows(x.shape.slice(1, -1), dy.shape.slice(1, a.strides.length + 1), a.kernelSpatial, a);
}

/** The kernel's last two dims: input channels and output channels (or the depthwise multiplier). */
function kernelChannels(k: RefTensor): [number, number] {
  const r = k.shape.length;
  return [k.shape[r - 2], k.shape[r - 1]];
}

function conv([x, k]: readonly RefTensor[], a: ConvWindow): RefTensor {
  const { outs, table, P, K } = forwardWindows(x, k, a);
  const [cin, cout] = kernelChannels(k);
  const cols = im2col(x, table, P, K);
  const y = matMul(cols, reshaped(k, [K * cin, cout]), false, false);
  return reshaped(y, [x.shape[0], ...outs, cout]);
}

function convFilterGrad([x, dy]: readonly RefTensor[], a: CompositeAttrs['convFilterGrad']): RefTensor {
  const { taps, table, P, K } = filterGradWindows(x, dy, a);
  const cin = x.shape[x.shape.length - 1];
  const cout = dy.shape[dy.shape.length - 1];
  const cols = im2col(x, table, P, K);
  const w = matMul(cols, reshaped(dy, [x.shape[0] * P, cout]), true, false);
  return reshaped(w, [...taps, cin, cout]);
}

function convInputGrad([dy, k]: readonly RefTensor[], a: CompositeAttrs['convInputGrad']): RefTensor {
  const { table, P, K } = inputGradWindows(dy, k, a);
  const [cin, cout] = kernelChannels(k);
  const b = dy.shape[0];
  const cols = matMul(reshaped(dy, [b * P, cout]), reshaped(k, [K * cin, cout]), false, true);
  return col2im(cols, table, b, a.inputSpatial, cin, P, K);
}

/**
 * The depthwise convolutions, as direct loops over (batch, output cell, tap) with
 * float64 sums; a tap in the padding reads 0 (and multiplies, as the decomposition's
 * zero padding does). Channel ci * m + j of the output pairs input channel ci with filter j.
 */
function depthwiseConv([x, k]: readonly RefTensor[], a: ConvWindow): RefTensor {
  const { outs, table, S, P, K } = forwardWindows(x, k, a);
  const [c, m] = kernelChannels(k);
  const b = x.shape[0];
  const cm = c * m;
  const out = storageFor(x.dtype, b * P * cm);
  const acc = new Float64Array(cm);
  const xs = x.data;
  const w = k.data;
  for (let bi = 0; bi < b; bi++) {
    for (let p = 0; p < P; p++) {
      acc.fill(0);
      for (let t = 0; t < K; t++) {
        const cell = table[p * K + t];
        const from = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) {
          const v = cell < 0 ? 0 : xs[from + ci];
          const wk = (t * c + ci) * m;
          for (let j = 0; j < m; j++) acc[ci * m + j] += v * w[wk + j];
        }
      }
      const o = (bi * P + p) * cm;
      for (let q = 0; q < cm; q++) out[o + q] = acc[q];
    }
  }
  return { data: out, shape: [b, ...outs, cm], dtype: x.dtype };
}

function depthwiseInputGrad([dy, k]: readonly RefTensor[], a: CompositeAttrs['depthwiseInputGrad']): RefTensor {
  const { table, S, P, K } = inputGradWindows(dy, k, a);
  const [c, m] = kernelChannels(k);
  const b = dy.shape[0];
  const cm = c * m;
  const acc = new Float64Array(b * S * c);
  const g = dy.data;
  const w = k.data;
  for (let bi = 0; bi < b; bi++) {
    for (let p = 0; p < P; p++) {
      const o = (bi * P + p) * cm;
      for (let t = 0; t < K; t++) {
        const cell = table[p * K + t];
        if (cell < 0) continue; // a padded cell's gradient is not the input's
        const to = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) {
          const wk = (t * c + ci) * m;
          let sum = 0;
          for (let j = 0; j < m; j++) sum += g[o + ci * m + j] * w[wk + j];
          acc[to + ci] += sum;
        }
      }
    }
  }
  const out = storageFor(dy.dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
  return { data: out, shape: [b, ...a.inputSpatial, c], dtype: dy.dtype };
}

function depthwiseFilterGrad([x, dy]: readonly RefTensor[], a: CompositeAttrs['depthwiseFilterGrad']): RefTensor {
  const { taps, table, S, P, K } = filterGradWindows(x, dy, a);
  const c = x.shape[x.shape.length - 1];
  const cm = dy.shape[dy.shape.length - 1];
  const m = cm / c;
  const acc = new Float64Array(K * cm);
  const xs = x.data;
  const g = dy.data;
  for (let bi = 0; bi < x.shape[0]; bi++) {
    for (let p = 0; p < P; p++) {
      const o = (bi * P + p) * cm;
      for (let t = 0; t < K; t++) {
        const cell = table[p * K + t];
        const from = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) {
          const v = cell < 0 ? 0 : xs[from + ci];
          const wk = (t * c + ci) * m;
          for (let j = 0; j < m; j++) acc[wk + j] += v * g[o + ci * m + j];
        }
      }
    }
  }
  const out = storageFor(x.dtype, acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = acc[i];
  return { data: out, shape: [...taps, c, m], dtype: x.dtype };
}

function poolTable(x: RefTensor, a: PoolWindow, spatial: readonly number[]): { table: Int32Array; outs: number[]; P: number; K: number } {
  const ones = a.window.map(() => 1);
  const outs = outSizes(spatial, a.window, { strides: a.strides, dilations: ones, pads: a.pads });
  return { table: tapTable(spatial, outs, a.window, a.strides, ones, a.pads), outs, P: sizeOf(outs), K: sizeOf(a.window) };
}

/**
 * For each (batch, output cell, channel): the input offset of the window's first
 * maximum (-1: an empty window). NaN wins (and stays), as a max over NaN is NaN.
 * The window's cells are walked outside and the channels inside (contiguous), and
 * the running choice is updated without a branch: a branch on unsorted data
 * mispredicts about half the time, several times the cost of the compare.
 */
function argMaxes(x: RefTensor, a: PoolWindow): { at: Int32Array; outs: number[] } {
  const spatial = x.shape.slice(1, -1);
  const c = x.shape[x.shape.length - 1];
  const b = x.shape[0];
  const S = sizeOf(spatial);
  const { table, outs, P, K } = poolTable(x, a, spatial);
  const at = new Int32Array(b * P * c).fill(-1);
  const src = x.data;
  for (let bi = 0; bi < b; bi++) {
    for (let p = 0; p < P; p++) {
      const o = (bi * P + p) * c;
      const row = p * K;
      let k0 = 0;
      while (k0 < K && table[row + k0] < 0) k0++;
      if (k0 === K) continue; // an empty window
      const first = (bi * S + table[row + k0]) * c;
      for (let ci = 0; ci < c; ci++) at[o + ci] = first + ci;
      for (let k = k0 + 1; k < K; k++) {
        const cell = table[row + k];
        if (cell < 0) continue;
        const base = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) {
          const w = at[o + ci];
          const best = src[w];
          const v = src[base + ci];
          // take the later cell when it is greater, or NaN where the best so far is not
          const take = +(v > best) | (+(v !== v) & +(best === best));
          at[o + ci] = w ^ ((w ^ (base + ci)) & -take);
        }
      }
    }
  }
  return { at, outs };
}

function maxPool([x]: readonly RefTensor[], a: PoolWindow): RefTensor {
  const { at, outs } = argMaxes(x, a);
  const out = storageFor(x.dtype, at.length);
  for (let i = 0; i < at.length; i++) out[i] = at[i] < 0 ? -Infinity : x.data[at[i]];
  return { data: out, shape: [x.shape[0], ...outs, x.shape[x.shape.length - 1]], dtype: x.dtype };
}

function maxPoolGrad([x, dy]: readonly RefTensor[], a: PoolWindow): RefTensor {
  const { at } = argMaxes(x, a);
  const out = storageFor(x.dtype, x.data.length);
  for (let i = 0; i < at.length; i++) if (at[i] >= 0) out[at[i]] += dy.data[i];
  return { data: out, shape: x.shape.slice(), dtype: x.dtype };
}

/** The number of real cells of each output cell's window. */
function counts(table: Int32Array, P: number, K: number): Int32Array {
  const out = new Int32Array(P);
  for (let p = 0; p < P; p++) for (let k = 0; k < K; k++) if (table[p * K + k] >= 0) out[p]++;
  return out;
}

function avgPool([x]: readonly RefTensor[], a: PoolWindow): RefTensor {
  const spatial = x.shape.slice(1, -1);
  const c = x.shape[x.shape.length - 1];
  const b = x.shape[0];
  const S = sizeOf(spatial);
  const { table, outs, P, K } = poolTable(x, a, spatial);
  const cnt = counts(table, P, K);
  const out = storageFor(x.dtype, b * P * c);
  const acc = new Float64Array(c);
  for (let bi = 0; bi < b; bi++) {
    for (let p = 0; p < P; p++) {
      acc.fill(0);
      for (let k = 0; k < K; k++) {
        const cell = table[p * K + k];
        if (cell < 0) continue;
        const from = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) acc[ci] += x.data[from + ci];
      }
      const o = (bi * P + p) * c;
      for (let ci = 0; ci < c; ci++) out[o + ci] = acc[ci] / cnt[p];
    }
  }
  return { data: out, shape: [b, ...outs, c], dtype: x.dtype };
}

function avgPoolGrad([dy]: readonly RefTensor[], a: CompositeAttrs['avgPoolGrad']): RefTensor {
  const n = a.window.length;
  const c = dy.shape[n + 1];
  const b = dy.shape[0];
  const spatial = a.inputSpatial;
  const S = sizeOf(spatial);
  const { table, P, K } = poolTable(dy, a, spatial);
  const cnt = counts(table, P, K);
  const out = storageFor(dy.dtype, b * S * c);
  for (let bi = 0; bi < b; bi++) {
    for (let p = 0; p < P; p++) {
      const o = (bi * P + p) * c;
      for (let k = 0; k < K; k++) {
        const cell = table[p * K + k];
        if (cell < 0) continue;
        const to = (bi * S + cell) * c;
        for (let ci = 0; ci < c; ci++) out[to + ci] += dy.data[o + ci] / cnt[p];
      }
    }
  }
  return { data: out, shape: [b, ...spatial, c], dtype: dy.dtype };
}

/** The composites the reference backend runs with its own loops: all of them. */
export const REFERENCE_COMPOSITES: CompositeKernelTable<RefTensor> = {
  conv,
  convInputGrad,
  convFilterGrad,
  depthwiseConv,
  depthwiseInputGrad,
  depthwiseFilterGrad,
  maxPool,
  maxPoolGrad,
  avgPool,
  avgPoolGrad,
};
