/**
 * Batched matrix product on tfjs. Fixes (correctness):
 * - wasm flattens each side's batch dims and pairs batch i of a with batch i of
 *   b (batch 0 when a side has one): broadcasting in both (a [2,1,..] @ b [1,3,..])
 *   gives a wrongly sized, wrong result. Such a side is broadcast to the full
 *   batch shape first.
 * - an inner dimension of 0 gives uninitialised memory on wasm (XNNPACK refuses
 *   it) and a batch dimension of 0 throws: both are zeros here.
 * - int32 (not documented) goes through float32.
 * And speed: wasm's fast path (XNNPACK) is a single non-transposed 2-D product;
 * with a transpose flag it falls back to a naive loop 10-20x slower (512^3:
 * 130-200 ms instead of 10 ms). So transposes are done explicitly, and a batch
 * against a single matrix is folded into one 2-D product.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Kernel } from '../types';
import { conform } from './dtypes';
import { tf } from './engine';
import { broadcastShapes, broadcastTo, sameShape, sizeOf } from './shapes';

/** Swaps the last two axes. */
function swapLast(x: Tensor): Tensor {
  const r = x.rank;
  const perm = Array.from({ length: r }, (_, i) => i);
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return tf.transpose(x, perm);
}

/** a @ b for float32 a [..., m, k] and b [..., k, n] after the transposes; batch dims broadcast. */
function product(a: Tensor, b: Tensor, transposeA: boolean, transposeB: boolean, batch: number[]): Tensor {
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  if (sizeOf(batchB) === 1) {
    // One matrix on the right: fold a's batch into its rows, one 2-D product.
    const x = transposeA ? swapLast(a) : a;
    const [m, k] = x.shape.slice(-2);
    const y = tf.reshape(b, b.shape.slice(-2));
    const n = b.shape[transposeB ? b.rank - 2 : b.rank - 1];
    const z = tf.matMul(tf.reshape(x, [-1, k]), transposeB ? tf.transpose(y) : y);
    return tf.reshape(z, [...batch, m, n]);
  }
  // wasm's batched product ignores the transpose flags' cost (it is a plain loop either way).
  if (sizeOf(batchA) === 1 || sameShape(batchA, batchB)) return tf.matMul(a, b, transposeA, transposeB);
  const x = sameShape(batchA, batch) ? a : broadcastTo(a, [...batch, ...a.shape.slice(-2)]);
  const y = sameShape(batchB, batch) ? b : broadcastTo(b, [...batch, ...b.shape.slice(-2)]);
  return tf.matMul(x, y, transposeA, transposeB);
}

/** The matMul kernel. */
export const matMul: Kernel<Tensor, 'matMul'> = ([a, b], { transposeA, transposeB }, out) => {
  const ra = a.rank;
  const rb = b.rank;
  const m = a.shape[transposeA ? ra - 1 : ra - 2];
  const k = a.shape[transposeA ? ra - 2 : ra - 1];
  const n = b.shape[transposeB ? rb - 2 : rb - 1];
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const shape = [...batch, m, n];
  if (k === 0 || sizeOf(shape) === 0) return tf.zeros(shape, a.dtype === 'int32' ? 'int32' : 'float32');
  if (ra === 2 && !transposeA && !transposeB && a.dtype === 'float32' && b.dtype === 'float32') {
    return tf.matMul(a, b);
  }
  return tf.tidy(() => {
    const x = a.dtype === 'float32' ? a : tf.cast(a, 'float32');
    const y = b.dtype === 'float32' ? b : tf.cast(b, 'float32');
    return conform(product(x, y, transposeA, transposeB, batch), out.dtype);
  });
};
