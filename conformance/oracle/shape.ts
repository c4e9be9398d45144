/**
 * Oracle of the `shape` group, written from the NumPy / Keras documentation:
 * reshape, concatenate, np.repeat, np.tile, zero padding, nearest-neighbour
 * upsampling, expand_dims, squeeze, stack, one-hot, reverse (flip) and arange. Each
 * output element is read from the input through an index map, independently of
 * the library.
 */
import { OArray, OLike, OracleDType, asArray, sizeOf, stridesOf, unravel } from './ndarray';

/** New shape, same row-major data; one entry may be -1. */
export function reshape(av: OLike, shape: readonly number[]): OArray {
  const a = asArray(av);
  const s = [...shape];
  const neg1 = s.indexOf(-1);
  if (neg1 >= 0) s[neg1] = a.data.length / s.reduce((p, d, i) => (i === neg1 ? p : p * d), 1);
  if (sizeOf(s) !== a.data.length || !s.every(Number.isInteger)) throw new Error(`oracle: cannot reshape [${a.shape.join(', ')}] to [${shape.join(', ')}]`);
  return { data: [...a.data], shape: s };
}

/** Joins arrays along `axis` (negative counts from the end). */
export function concatenate(list: readonly OLike[], axis = -1): OArray {
  const arrs = list.map(asArray);
  const r = arrs[0].shape.length;
  const ax = axis < 0 ? axis + r : axis;
  const shape = [...arrs[0].shape];
  shape[ax] = arrs.reduce((p, a) => p + a.shape[ax], 0);
  const outer = sizeOf(shape.slice(0, ax));
  const data: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const a of arrs) {
      const chunk = sizeOf(a.shape.slice(ax));
      for (let t = 0; t < chunk; t++) data.push(a.data[o * chunk + t]);
    }
  }
  return { data, shape };
}

/** Builds an array of `shape` whose element at multi-index `o` is `a` at `src(o)` (or `fill` when `src` gives null). */
function mapIndex(a: OArray, shape: readonly number[], src: (o: number[]) => number[] | null, fill = 0): OArray {
  const st = stridesOf(a.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = src(unravel(i, shape));
    if (idx === null) data[i] = fill;
    else data[i] = a.data[idx.reduce((p, v, d) => p + v * st[d], 0)];
  }
  return { data, shape: [...shape], dtype: a.dtype };
}

function norm(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** np.repeat(a, rep, axis): each element repeated `rep` times along `axis`. */
export function repeatElements(av: OLike, rep: number, axis: number): OArray {
  const a = asArray(av);
  const ax = norm(axis, a.shape.length);
  const shape = a.shape.map((d, i) => (i === ax ? d * rep : d));
  return mapIndex(a, shape, (o) => o.map((v, i) => (i === ax ? Math.floor(v / rep) : v)));
}

/** Nearest-neighbour upsampling by integer `factors`, one per axis: out[o] = a[floor(o / f)]. */
export function upsample(av: OLike, factors: readonly number[]): OArray {
  const a = asArray(av);
  const shape = a.shape.map((d, i) => d * factors[i]);
  return mapIndex(a, shape, (o) => o.map((v, i) => Math.floor(v / factors[i])));
}

/**
 * TensorFlow's ResizeBilinear with align_corners and half_pixel_centers false, on a
 * channels_last 4D array resized to (outH, outW): source row `y * H / outH`, column
 * `x * W / outW`; top = tl + (tr - tl) xl, bottom = bl + (br - bl) xl,
 * out = top + (bottom - top) yl, the lower cell floor(src), the upper min(lower + 1, size - 1).
 */
export function resizeBilinear(av: OLike, outH: number, outW: number): OArray {
  const a = asArray(av);
  const [n, h, w, c] = a.shape;
  const st = stridesOf(a.shape);
  const at = (b: number, y: number, x: number, ch: number): number => a.data[b * st[0] + y * st[1] + x * st[2] + ch * st[3]];
  const data: number[] = [];
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < outH; y++) {
      const sy = (y * h) / outH;
      const y0 = Math.floor(sy);
      const y1 = Math.min(y0 + 1, h - 1);
      const yl = sy - y0;
      for (let x = 0; x < outW; x++) {
        const sx = (x * w) / outW;
        const x0 = Math.floor(sx);
        const x1 = Math.min(x0 + 1, w - 1);
        const xl = sx - x0;
        for (let ch = 0; ch < c; ch++) {
          const top = at(b, y0, x0, ch) + (at(b, y0, x1, ch) - at(b, y0, x0, ch)) * xl;
          const bottom = at(b, y1, x0, ch) + (at(b, y1, x1, ch) - at(b, y1, x0, ch)) * xl;
          data.push(top + (bottom - top) * yl);
        }
      }
    }
  }
  return { data, shape: [n, outH, outW, c] };
}

/** np.tile(a, reps) with one rep per axis: out[o] = a[o mod shape]. */
export function tile(av: OLike, reps: readonly number[]): OArray {
  const a = asArray(av);
  const shape = a.shape.map((d, i) => d * reps[i]);
  return mapIndex(a, shape, (o) => o.map((v, i) => v % a.shape[i]));
}

/** np.pad(a, pads) with a constant: pads[i] = [before, after]. */
export function pad(av: OLike, pads: readonly (readonly [number, number])[], value = 0): OArray {
  const a = asArray(av);
  const shape = a.shape.map((d, i) => d + pads[i][0] + pads[i][1]);
  return mapIndex(
    a,
    shape,
    (o) => {
      const idx = o.map((v, i) => v - pads[i][0]);
      return idx.every((v, i) => v >= 0 && v < a.shape[i]) ? idx : null;
    },
    value,
  );
}

/** np.expand_dims(a, axis), axis in [-rank-1, rank]. */
export function expandDims(av: OLike, axis = -1): OArray {
  const a = asArray(av);
  const r = a.shape.length;
  const ax = axis < 0 ? axis + r + 1 : axis;
  return { ...reshape(a, [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)]), dtype: a.dtype };
}

/** np.squeeze(a, axis) of a length-1 axis. */
export function squeeze(av: OLike, axis: number): OArray {
  const a = asArray(av);
  const ax = norm(axis, a.shape.length);
  if (a.shape[ax] !== 1) throw new Error(`oracle: cannot squeeze axis ${axis} of [${a.shape.join(', ')}]`);
  return { ...reshape(a, a.shape.filter((_, i) => i !== ax)), dtype: a.dtype };
}

/** np.stack(list, axis). */
export function stack(list: readonly OLike[], axis = 0): OArray {
  const arrs = list.map(asArray);
  const r = arrs[0].shape.length;
  const ax = axis < 0 ? axis + r + 1 : axis;
  return { ...concatenate(arrs.map((a) => expandDims(a, ax)), ax), dtype: arrs[0].dtype };
}

/** tf.one_hot(indices, n): a float array of shape indices.shape + [n]; indices outside [0, n) give zeros. */
export function oneHot(iv: OLike, n: number, dtype?: OracleDType): OArray {
  const ind = asArray(iv);
  const data: number[] = [];
  for (const k of ind.data) for (let c = 0; c < n; c++) data.push(k === c ? 1 : 0);
  return { data, shape: [...ind.shape, n], dtype };
}

/** np.flip(a, axes). */
export function reverse(av: OLike, axes: readonly number[]): OArray {
  const a = asArray(av);
  const r = a.shape.length;
  const set = new Set(axes.map((x) => norm(x, r)));
  return mapIndex(a, a.shape, (o) => o.map((v, i) => (set.has(i) ? a.shape[i] - 1 - v : v)));
}

/** np.arange(start, stop, step) (one argument: the stop), values start + i * step. */
export function arange(start: number, stop?: number, step = 1, dtype?: OracleDType): OArray {
  const [a, b] = stop === undefined ? [0, start] : [start, stop];
  const n = Math.max(0, Math.ceil((b - a) / step));
  const data = Array.from({ length: n }, (_, i) => a + i * step);
  return { data, shape: [n], dtype };
}

/** Row-major flattening to 1D. */
export function flatten(av: OLike): OArray {
  const a = asArray(av);
  return { data: [...a.data], shape: [a.data.length], dtype: a.dtype };
}

/** Flattening of every sample: shape [d0, prod(rest)]. */
export function batchFlatten(av: OLike): OArray {
  const a = asArray(av);
  const d0 = a.shape.length === 0 ? 1 : a.shape[0];
  return { data: [...a.data], shape: [d0, sizeOf(a.shape.slice(1))], dtype: a.dtype };
}
