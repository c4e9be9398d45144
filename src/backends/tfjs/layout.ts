/**
 * Layout kernels (identity, cast, where, reshape, transpose, slice, concat, pad,
 * tile, reverse, broadcastTo, broadcastLike) on tfjs. Fixes:
 * - cast to bool: tfjs-wasm keeps the low byte (256 -> false); here x != 0.
 * - where with bool branches and reverse of bools: the wasm kernels copy 4 bytes
 *   per element and read past the 1-byte bool buffer (garbage or a wasm abort):
 *   bools go through int32.
 * - speed: broadcastTo, tile and the broadcasting in where use the heap copy
 *   kernels (heap-kernels.ts) instead of wasm's Tile (10 ms per MB).
 * - pad: the wasm kernel takes the fill value as float32 (int32 fills beyond 2^24
 *   are rounded, 2^31-1 becomes -2^31) and caches its operator by value, where a
 *   NaN fill corrupts the cache for later pads. Those fills (NaN, -0, large
 *   ints) are done here by padding with 0 and selecting the fill outside.
 * - pad of a scalar (no axes) is refused by tfjs: a copy here.
 * - zero-size tensors: transpose divides by zero on wasm, broadcastTo (and so
 *   where) keeps a 1 that should stretch to 0: these give the empty result of
 *   the right shape here; concat leaves empty pieces out.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Kernel } from '../types';
import { castTo, tfDType, toBool } from './dtypes';
import { tf } from './engine';
import { heapTile } from './heap-kernels';
import { broadcastTo, empty, select, sizeOf, transpose } from './shapes';

/** Whether tfjs-wasm's pad fills `value` exactly and safely for `dtype`. */
function padValueIsSafe(value: number, dtype: string): boolean {
  if (Number.isNaN(value) || Object.is(value, -0)) return false;
  return dtype !== 'int32' || Math.abs(value) <= 16777216;
}

/** XNNPACK's pad handles at most this many dims; above it, wasm returns garbage without an error. */
const MAX_PAD_RANK = 6;

/**
 * tf.pad for any rank: above MAX_PAD_RANK, pads one axis at a time on a rank-3 view
 * [dims before, the axis, dims after].
 */
function padAnyRank(x: Tensor, paddings: [number, number][], fill: number): Tensor {
  if (x.rank <= MAX_PAD_RANK) return tf.pad(x, paddings, fill);
  return tf.tidy(() => {
    let y = x;
    paddings.forEach(([before, after], axis) => {
      if (before === 0 && after === 0) return;
      const shape = y.shape;
      const outer = sizeOf(shape.slice(0, axis));
      const inner = sizeOf(shape.slice(axis + 1));
      const view = tf.reshape(y, [outer, shape[axis], inner]);
      const padded = tf.pad(view, [[0, 0], [before, after], [0, 0]], fill);
      y = tf.reshape(padded, shape.map((d, i) => (i === axis ? d + before + after : d)));
    });
    return y === x ? tf.clone(x) : y;
  });
}

const pad: Kernel<Tensor, 'pad'> = ([x], { pads, value }) => {
  if (x.rank === 0) return tf.clone(x);
  const paddings = pads.map(([before, after]): [number, number] => [before, after]);
  const fill = x.dtype === 'bool' ? (value !== 0 ? 1 : 0) : value;
  if (padValueIsSafe(fill, x.dtype)) return padAnyRank(x, paddings, fill);
  return tf.tidy(() => {
    const padded = padAnyRank(x, paddings, 0);
    const inside = padAnyRank(tf.ones(x.shape, 'bool'), paddings, 0);
    return select(inside, padded, tf.scalar(fill, x.dtype));
  });
};

const where: Kernel<Tensor, 'where'> = ([c, a, b]) => {
  if (c.dtype === 'bool') return select(c, a, b);
  return tf.tidy(() => select(toBool(c), a, b));
};

const reverse: Kernel<Tensor, 'reverse'> = ([x], { axes }) => {
  if (axes.length === 0 || x.size <= 1) return tf.clone(x);
  if (x.dtype !== 'bool') return tf.reverse(x, [...axes]);
  return tf.tidy(() => tf.cast(tf.reverse(tf.cast(x, 'int32'), [...axes]), 'bool'));
};

const tile: Kernel<Tensor, 'tile'> = ([x], { reps }) => {
  const shape = x.shape.map((d, i) => d * reps[i]);
  return sizeOf(shape) === 0 ? empty(shape, x.dtype) : heapTile(x, reps);
};

const concat: Kernel<Tensor, 'concat'> = (inputs, { axis }) => {
  const pieces = inputs.filter((x) => x.size > 0);
  if (pieces.length === inputs.length) return tf.concat([...inputs], axis);
  const shape = [...inputs[0].shape];
  shape[axis] = inputs.reduce((n, x) => n + x.shape[axis], 0);
  if (pieces.length === 0) return empty(shape, inputs[0].dtype);
  return pieces.length === 1 ? tf.clone(pieces[0]) : tf.concat(pieces, axis);
};

function sliceTensor(x: Tensor, begin: readonly number[], size: readonly number[]): Tensor {
  if (x.rank === 0) return tf.clone(x); // tf.slice refuses scalars ('Slicing scalar is not possible')
  const shape = size.map((s, i) => (s === -1 ? x.shape[i] - begin[i] : s));
  return sizeOf(shape) === 0 ? empty(shape, x.dtype) : tf.slice(x, [...begin], [...size]);
}

const slice: Kernel<Tensor, 'slice'> = ([x], { begin, size }) => sliceTensor(x, begin, size);

const concatPart: Kernel<Tensor, 'concatPart'> = ([x, ...parts], { axis, index }) => {
  let offset = 0;
  for (let j = 0; j < index; j++) offset += parts[j].shape[axis];
  const begin = x.shape.map((_, i) => (i === axis ? offset : 0));
  const size = x.shape.map((_, i) => (i === axis ? parts[index].shape[axis] : -1));
  return sliceTensor(x, begin, size);
};

/** The layout kernels. */
export const LAYOUT_KERNELS: {
  readonly identity: Kernel<Tensor, 'identity'>;
  readonly cast: Kernel<Tensor, 'cast'>;
  readonly where: Kernel<Tensor, 'where'>;
  readonly reshape: Kernel<Tensor, 'reshape'>;
  readonly transpose: Kernel<Tensor, 'transpose'>;
  readonly slice: Kernel<Tensor, 'slice'>;
  readonly concat: Kernel<Tensor, 'concat'>;
  readonly concatPart: Kernel<Tensor, 'concatPart'>;
  readonly pad: Kernel<Tensor, 'pad'>;
  readonly tile: Kernel<Tensor, 'tile'>;
  readonly reverse: Kernel<Tensor, 'reverse'>;
  readonly broadcastTo: Kernel<Tensor, 'broadcastTo'>;
  readonly broadcastLike: Kernel<Tensor, 'broadcastLike'>;
  readonly shapeOf: Kernel<Tensor, 'shapeOf'>;
  readonly expandDims: Kernel<Tensor, 'expandDims'>;
  readonly reshapeLike: Kernel<Tensor, 'reshapeLike'>;
} = {
  // clone shares the data buffer (reference counted): each handle can be disposed on its own.
  identity: ([x]) => tf.clone(x),
  cast: ([x], { dtype }) => castTo(x, tfDType(dtype)),
  where,
  reshape: ([x], { shape }) => tf.reshape(x, [...shape]),
  transpose: ([x], { perm }) => transpose(x, perm),
  slice,
  concat,
  concatPart,
  pad,
  tile,
  reverse,
  broadcastTo: ([x], { shape }) => broadcastTo(x, shape),
  broadcastLike: ([x, like]) => broadcastTo(x, like.shape),
  shapeOf: ([x]) => tf.tensor1d(x.shape, 'int32'),
  expandDims: ([x], { axes }) => {
    const shape: number[] = [];
    let k = 0;
    for (let i = 0; i < x.rank + axes.length; i++) shape.push(axes.includes(i) ? 1 : x.shape[k++]);
    return tf.reshape(x, shape);
  },
  reshapeLike: ([x, like]) => tf.reshape(x, like.shape),
};
