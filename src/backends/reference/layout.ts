/**
 * Layout kernels: reshape, identity, transpose, slice, concat (and where a
 * concatenated part lies), pad, tile, reverse, broadcastTo and broadcastLike.
 *
 * All but concat are one strided copy: the output is walked in row-major
 * order while the source is read through a per-axis stride (0 to repeat,
 * negative to reverse) from a start offset; see `copyStrided`.
 */
import { DType, HostArray, sizeOf } from '../types';
import { formatShape } from '../../format';
import { broadcastStrides, coalesce, rowWalk, stridesOf } from './broadcast';
import { RefTensor, storageFor } from './tensor';

/** Runs shorter than this are copied by a loop rather than `TypedArray.set`. */
const SET_THRESHOLD = 16;
/** Edge of the square blocks of the cache-blocked 2-D transpose. */
const BLOCK = 32;

/**
 * Copies the elements of a walk over `shape` from `src` (start `srcOff`,
 * per-axis `srcStrides`) to `dst` (start `dstOff`, per-axis `dstStrides`).
 */
export function copyStrided(
  shape: readonly number[],
  src: HostArray,
  srcOff: number,
  srcStrides: readonly number[],
  dst: HostArray,
  dstOff: number,
  dstStrides: readonly number[],
): void {
  if (sizeOf(shape) === 0) return;
  const walk = rowWalk(shape, [srcStrides, dstStrides], [srcOff, dstOff]);
  const len = walk.rowLength;
  const [ss, ds] = walk.rowStrides;
  const offsets = walk.offsets;
  for (let r = 0; r < walk.rows; r++) {
    let so = offsets[0];
    let d = offsets[1];
    if (ss === 1 && ds === 1 && len >= SET_THRESHOLD) {
      dst.set(src.subarray(so, so + len), d);
    } else if (ss === 0 && ds === 1) {
      dst.fill(src[so], d, d + len);
    } else {
      for (let i = 0; i < len; i++, so += ss, d += ds) dst[d] = src[so];
    }
    walk.next();
  }
}

/** A new tensor of `shape` read from `x` through `strides` from `offset` (output row-major). */
function gatherStrided(x: RefTensor, shape: number[], offset: number, strides: readonly number[]): RefTensor {
  const out = storageFor(x.dtype, sizeOf(shape));
  copyStrided(shape, x.data, offset, strides, out, 0, stridesOf(shape));
  return { data: out, shape, dtype: x.dtype };
}

/** The same values as a new tensor (the buffer is shared: tensors are immutable). */
export function identity(x: RefTensor): RefTensor {
  return { data: x.data, shape: x.shape.slice(), dtype: x.dtype };
}

/** `x` with a new shape of the same size; one entry may be -1 (inferred). Shares x's buffer. */
export function reshape(x: RefTensor, newShape: readonly number[]): RefTensor {
  const size = x.data.length;
  let known = 1;
  let infer = -1;
  newShape.forEach((d, i) => {
    if (d === -1) {
      if (infer >= 0) throw new Error(`reference backend: reshape to [${formatShape(newShape)}] has more than one -1`);
      infer = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new Error(`reference backend: reshape to [${formatShape(newShape)}]: bad dimension ${d}`);
    } else known *= d;
  });
  const shape = newShape.slice();
  if (infer >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new Error(`reference backend: cannot reshape [${formatShape(x.shape)}] to [${formatShape(newShape)}]`);
    }
    shape[infer] = size / known;
  }
  if (sizeOf(shape) !== size) throw new Error(`reference backend: cannot reshape [${formatShape(x.shape)}] to [${formatShape(newShape)}]`);
  return { data: x.data, shape, dtype: x.dtype };
}

/** Blocked copy of a C x R source (row-major from `so`) into its R x C transpose at `d`. */
function transpose2d(src: HostArray, so: number, rows: number, cols: number, dst: HostArray, d: number): void {
  // dst[r * cols + c] = src[c * rows + r]
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = Math.min(rows, r0 + BLOCK);
    for (let c0 = 0; c0 < cols; c0 += BLOCK) {
      const c1 = Math.min(cols, c0 + BLOCK);
      for (let r = r0; r < r1; r++) {
        let o = d + r * cols + c0;
        let s = so + c0 * rows + r;
        for (let c = c0; c < c1; c++, o++, s += rows) dst[o] = src[s];
      }
    }
  }
}

/** Output axis i is input axis perm[i]. */
export function transpose(x: RefTensor, perm: readonly number[]): RefTensor {
  const rank = x.shape.length;
  const seen = new Set<number>();
  for (const p of perm) if (Number.isInteger(p) && p >= 0 && p < rank) seen.add(p);
  if (perm.length !== rank || seen.size !== rank) {
    throw new Error(`reference backend: [${formatShape(perm)}] is not a permutation of the axes of [${formatShape(x.shape)}]`);
  }
  const xs = stridesOf(x.shape);
  const shape = perm.map((p) => x.shape[p]);
  const strides = perm.map((p) => xs[p]);
  const c = coalesce(shape, [strides]);
  const s = c.strides[0];
  const r = c.shape.length;
  // A (batched) 2-D transpose: tile it so reads and writes both stay in cache.
  if (r >= 2 && r <= 3 && s[r - 2] === 1 && s[r - 1] === c.shape[r - 2] && (r === 2 || s[0] === c.shape[1] * c.shape[2])) {
    const out = storageFor(x.dtype, x.data.length);
    const rows = c.shape[r - 2];
    const cols = c.shape[r - 1];
    const batches = r === 3 ? c.shape[0] : 1;
    for (let b = 0; b < batches; b++) transpose2d(x.data, b * rows * cols, rows, cols, out, b * rows * cols);
    return { data: out, shape, dtype: x.dtype };
  }
  return gatherStrided(x, shape, 0, strides);
}

/** The block starting at `begin` of `size` (-1: to the end of the axis). */
export function slice(x: RefTensor, begin: readonly number[], size: readonly number[]): RefTensor {
  const rank = x.shape.length;
  if (begin.length !== rank || size.length !== rank) {
    throw new Error(`reference backend: slice of [${formatShape(x.shape)}] needs ${rank} begins and sizes`);
  }
  const xs = stridesOf(x.shape);
  let offset = 0;
  const shape = x.shape.map((d, i) => {
    const b = begin[i];
    const s = size[i] === -1 ? d - b : size[i];
    if (!(b >= 0 && s >= 0 && b + s <= d)) {
      throw new Error(`reference backend: slice begin [${formatShape(begin)}] size [${formatShape(size)}] out of range for [${formatShape(x.shape)}]`);
    }
    offset += b * xs[i];
    return s;
  });
  return gatherStrided(x, shape, offset, xs);
}

/** Joins `xs` (one dtype, equal dims except `axis`) along `axis`. */
export function concat(xs: readonly RefTensor[], axis: number): RefTensor {
  if (xs.length === 0) throw new Error('reference backend: concat of no tensors');
  const first = xs[0];
  const rank = first.shape.length;
  if (!(axis >= 0 && axis < rank)) throw new Error(`reference backend: concat axis ${axis} out of range for rank ${rank}`);
  let total = 0;
  for (const x of xs) {
    if (x.shape.length !== rank || x.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      throw new Error(`reference backend: cannot concat ${xs.map((t) => `[${formatShape(t.shape)}]`).join(', ')} along axis ${axis}`);
    }
    total += x.shape[axis];
  }
  const shape = first.shape.slice();
  shape[axis] = total;
  const out = storageFor(first.dtype, sizeOf(shape));
  const outer = sizeOf(shape.slice(0, axis));
  const inner = sizeOf(shape.slice(axis + 1));
  const rowLen = total * inner;
  let start = 0;
  for (const x of xs) {
    const chunk = x.shape[axis] * inner;
    const src = x.data;
    if (chunk >= SET_THRESHOLD) {
      for (let o = 0; o < outer; o++) out.set(src.subarray(o * chunk, (o + 1) * chunk), o * rowLen + start);
    } else {
      for (let o = 0; o < outer; o++) {
        const s = o * chunk;
        const d = o * rowLen + start;
        for (let i = 0; i < chunk; i++) out[d + i] = src[s + i];
      }
    }
    start += chunk;
  }
  return { data: out, shape, dtype: first.dtype };
}

/** `value` as stored in `dtype` (bool: value != 0). */
function fillValue(value: number, dtype: DType): number {
  return dtype === 'bool' ? (value !== 0 ? 1 : 0) : value;
}

/**
 * Where part `index` of a concat along `axis` lies in the output (of `shape`): the begin
 * and size (-1: the whole axis) of the slice that takes it back; `parts` are the shapes
 * of the tensors concatenated. The concatPart kernels (number and int64) slice with it.
 */
export function concatPartWindow(
  shape: readonly number[],
  parts: readonly (readonly number[])[],
  axis: number,
  index: number,
): { begin: number[]; size: number[] } {
  let offset = 0;
  for (let j = 0; j < index; j++) offset += parts[j][axis];
  return {
    begin: shape.map((_, i) => (i === axis ? offset : 0)),
    size: shape.map((_, i) => (i === axis ? parts[index][axis] : -1)),
  };
}

/** Constant padding: pads[i] = [before, after] elements of `value` around axis i. */
export function pad(x: RefTensor, pads: readonly (readonly [number, number])[], value: number): RefTensor {
  const rank = x.shape.length;
  if (pads.length !== rank || pads.some(([b, a]) => !(b >= 0 && a >= 0))) {
    throw new Error(`reference backend: bad pads for [${formatShape(x.shape)}]`);
  }
  const shape = x.shape.map((d, i) => d + pads[i][0] + pads[i][1]);
  const out = storageFor(x.dtype, sizeOf(shape));
  const v = fillValue(value, x.dtype);
  if (!Object.is(v, 0)) out.fill(v); // -0 too: the pad value exactly
  const os = stridesOf(shape);
  let offset = 0;
  for (let i = 0; i < rank; i++) offset += pads[i][0] * os[i];
  copyStrided(x.shape, x.data, 0, stridesOf(x.shape), out, offset, os);
  return { data: out, shape, dtype: x.dtype };
}

/** Repeats `x` reps[i] times along axis i. */
export function tile(x: RefTensor, reps: readonly number[]): RefTensor {
  const rank = x.shape.length;
  if (reps.length !== rank || reps.some((r) => !(Number.isInteger(r) && r >= 0))) {
    throw new Error(`reference backend: bad reps [${formatShape(reps)}] for [${formatShape(x.shape)}]`);
  }
  // Output [r0*s0, r1*s1, ...] is row-major [r0, s0, r1, s1, ...] with x repeated over the r axes.
  const xs = stridesOf(x.shape);
  const walkShape: number[] = [];
  const walkStrides: number[] = [];
  for (let i = 0; i < rank; i++) {
    walkShape.push(reps[i], x.shape[i]);
    walkStrides.push(0, xs[i]);
  }
  const shape = x.shape.map((d, i) => d * reps[i]);
  const out = storageFor(x.dtype, sizeOf(shape));
  copyStrided(walkShape, x.data, 0, walkStrides, out, 0, stridesOf(walkShape));
  return { data: out, shape, dtype: x.dtype };
}

/** Reverses the order of elements along each of `axes`. */
export function reverse(x: RefTensor, axes: readonly number[]): RefTensor {
  const xs = stridesOf(x.shape);
  const strides = xs.slice();
  let offset = 0;
  for (const a of new Set(axes)) {
    if (!(a >= 0 && a < x.shape.length)) throw new Error(`reference backend: reverse axis ${a} out of range for [${formatShape(x.shape)}]`);
    if (x.shape[a] === 0) continue;
    offset += (x.shape[a] - 1) * xs[a];
    strides[a] = -xs[a];
  }
  return gatherStrided(x, x.shape.slice(), offset, strides);
}

/** Broadcasts `x` (NumPy rules) to `shape`. */
export function broadcastTo(x: RefTensor, shape: readonly number[]): RefTensor {
  return gatherStrided(x, shape.slice(), 0, broadcastStrides(x.shape, shape));
}
