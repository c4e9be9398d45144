/**
 * Shape helpers for the tfjs kernels: static shape arithmetic, the empty result
 * that stands in for tfjs ops which mishandle zero-size tensors on wasm
 * (transpose and the scans divide by zero; broadcastTo to a 0 dim keeps the 1),
 * and broadcasting / selection without wasm's slow Tile.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { tf } from './engine';
import { heapBroadcastTo } from './heap-kernels';

/** Number of elements of a concrete shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Whether two concrete shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** NumPy broadcasting of shapes (a 1 stretches, also to 0); throws if they do not broadcast. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  return shapes.reduce<number[]>((acc, s) => tf.backend_util.assertAndGetBroadcastShape(acc, [...s]), []);
}

/** A tensor of `shape` (which has a 0 dim) and `dtype`: the result of any op with no elements. */
export function empty(shape: readonly number[], dtype: Tensor['dtype']): Tensor {
  return tf.zeros([...shape], dtype);
}

/** x broadcast to `shape` (NumPy rules, a 1 also stretches to 0): always a new tensor. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) === 0) return empty(shape, x.dtype);
  if (sameShape(x.shape, shape)) return tf.clone(x);
  return heapBroadcastTo(x, shape);
}

/**
 * where(cond, a, b) with NumPy broadcasting, for a bool `cond` and a, b of one dtype.
 * The inputs are broadcast here (tf.where would use wasm's slow Tile), and bool
 * branches go through int32: wasm's Select copies 4 bytes per element, which
 * reads past a bool buffer (garbage, or a wasm abort).
 */
export function select(cond: Tensor, a: Tensor, b: Tensor): Tensor {
  const shape = broadcastShapes(cond.shape, a.shape, b.shape);
  if (sizeOf(shape) === 0) return empty(shape, a.dtype);
  return tf.tidy(() => {
    const full = (x: Tensor): Tensor => (sameShape(x.shape, shape) ? x : broadcastTo(x, shape));
    if (a.dtype !== 'bool') return tf.where(full(cond), full(a), full(b));
    const picked = tf.where(full(cond), tf.cast(full(a), 'int32'), tf.cast(full(b), 'int32'));
    return tf.cast(picked, 'bool'); // 0/1 int32 -> bool is exact with tfjs's cast
  });
}

/** `tf.transpose` that also accepts zero-size tensors (tfjs-wasm divides by zero). */
export function transpose(x: Tensor, perm: readonly number[]): Tensor {
  if (x.size === 0) return empty(perm.map((p) => x.shape[p]), x.dtype);
  return tf.transpose(x, [...perm]);
}
