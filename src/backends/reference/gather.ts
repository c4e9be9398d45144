/**
 * gather (take along one axis with an index tensor of any rank) and its
 * adjoint scatterAdd (sum updates into a zero tensor at the indexed slots).
 * Both view the data as [outer, axis, inner] and move whole inner runs.
 */
import { HostArray, indexOutOfRange, sizeOf } from '../types';
import { formatShape } from '../../format';
import { RefTensor, storageFor } from './tensor';

/** Runs at least this long are moved with `TypedArray.set` rather than a loop. */
const SET_THRESHOLD = 16;

/** Throws unless every index is an integer in [0, size); `what` names whose indices they are (see indexOutOfRange). */
function checkIndices(indices: HostArray, size: number, op: 'gather' | 'scatterAdd', what?: string): void {
  for (let j = 0; j < indices.length; j++) {
    const v = indices[j];
    if (!(v >= 0 && v < size)) throw indexOutOfRange(op, v, size, what);
  }
}

/**
 * Takes slices of `x` along `axis` at `indices` (int32, any shape): output
 * shape x.shape[:axis] + indices.shape + x.shape[axis+1:]. `what`: see indexOutOfRange.
 */
export function gather(x: RefTensor, indices: RefTensor, axis: number, what?: string): RefTensor {
  const rank = x.shape.length;
  if (!(Number.isInteger(axis) && axis >= 0 && axis < rank)) {
    throw new Error(`reference backend: gather axis ${axis} out of range for [${formatShape(x.shape)}]`);
  }
  const n = x.shape[axis];
  const idx = indices.data;
  checkIndices(idx, n, 'gather', what);
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  const out = storageFor(x.dtype, sizeOf(shape));
  const src = x.data;
  const count = idx.length;
  let o = 0;
  for (let b = 0; b < outer; b++) {
    const base = b * n * inner;
    if (inner === 1) {
      for (let j = 0; j < count; j++) out[o++] = src[base + idx[j]];
    } else if (inner >= SET_THRESHOLD) {
      for (let j = 0; j < count; j++, o += inner) {
        const s = base + idx[j] * inner;
        out.set(src.subarray(s, s + inner), o);
      }
    } else {
      for (let j = 0; j < count; j++) {
        const s = base + idx[j] * inner;
        for (let t = 0; t < inner; t++) out[o++] = src[s + t];
      }
    }
  }
  return { data: out, shape, dtype: x.dtype };
}

/**
 * The adjoint of gather: `updates` has shape pre + indices.shape + post with
 * pre of length `axis`; the output pre + [size] + post starts at zero and
 * out[pre, indices[j...], post] += updates[pre, j..., post] (repeats add up).
 */
export function scatterAdd(updates: RefTensor, indices: RefTensor, axis: number, size: number): RefTensor {
  const ir = indices.shape.length;
  const ur = updates.shape.length;
  const iShape = updates.shape.slice(axis, axis + ir);
  if (!(axis >= 0 && axis + ir <= ur) || iShape.some((d, i) => d !== indices.shape[i])) {
    throw new Error(
      `reference backend: scatterAdd updates [${formatShape(updates.shape)}] do not hold indices [${formatShape(indices.shape)}] at axis ${axis}`,
    );
  }
  const idx = indices.data;
  checkIndices(idx, size, 'scatterAdd');
  const pre = updates.shape.slice(0, axis);
  const post = updates.shape.slice(axis + ir);
  const outer = sizeOf(pre);
  const inner = sizeOf(post);
  const count = idx.length;
  const shape = [...pre, size, ...post];
  const total = sizeOf(shape);
  const dtype = updates.dtype;
  // Floats sum in double and are rounded once; int32 sums wrap in place.
  const acc: HostArray = dtype === 'float32' ? new Float64Array(total) : storageFor(dtype, total);
  const src = updates.data;
  let u = 0;
  for (let b = 0; b < outer; b++) {
    const base = b * size * inner;
    for (let j = 0; j < count; j++) {
      const d = base + idx[j] * inner;
      for (let t = 0; t < inner; t++) acc[d + t] += src[u++];
    }
  }
  if (acc instanceof Float64Array && dtype === 'float32') {
    const out = storageFor(dtype, total);
    out.set(acc);
    return { data: out, shape, dtype };
  }
  return { data: acc, shape, dtype };
}
