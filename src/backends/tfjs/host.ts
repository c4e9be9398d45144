/**
 * Moving tensors between the host (typed arrays, see HostArray) and tfjs.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { DType, HostArray, HostData } from '../types';
import { tfDType } from './dtypes';
import { tf } from './engine';

/**
 * Host data (row-major) to a new tfjs tensor. tfjs copies the data into the
 * wasm heap, so the caller may reuse `data`. Bools are a Uint8Array of 0/1.
 * int64 (a BigInt64Array) is not a dtype of this backend (src/api refuses it first).
 */
export function fromHost(data: HostData, shape: readonly number[], dtype: DType): Tensor {
  if (data instanceof BigInt64Array) throw new Error('tfjs backend: int64 data is not supported');
  const d = tfDType(dtype);
  // tfjs takes a Float32Array/Int32Array/Uint8Array of the right dtype as is, and converts others.
  const values = d === 'bool' && !(data instanceof Uint8Array) ? Uint8Array.from(data, (v) => (v !== 0 ? 1 : 0)) : data;
  return tf.tensor(values, [...shape], d);
}

/** The most bytes tfjs-backend-wasm 4.22's heap grows to (its `getHeapMax()`: 4 GiB - 64 KiB). */
export const WASM_HEAP_MAX_BYTES = 4294901760;

/** What the wasm heap has left for one more tensor: its maximum less the bytes tensors hold now. */
export function maxTensorBytes(): number {
  return Math.max(0, WASM_HEAP_MAX_BYTES - tf.memory().numBytes);
}

/**
 * A tensor's elements as a new host array: Float32Array, Int32Array, or
 * Uint8Array (0/1) for bool. On wasm `dataSync` already copies out of the heap;
 * on another tfjs backend it may hand out its own storage, which is copied.
 */
export function toHost(x: Tensor): HostArray {
  const data = x.dataSync();
  const fresh = tf.getBackend() === 'wasm';
  switch (x.dtype) {
    case 'float32':
      return fresh && data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
    case 'int32':
      return fresh && data instanceof Int32Array ? data : Int32Array.from(data as ArrayLike<number>);
    case 'bool':
      if (fresh && data instanceof Uint8Array) return data;
      return Uint8Array.from(data as ArrayLike<number>, (v) => (v ? 1 : 0));
    default:
      throw new Error(`tfjs backend: no host layout for tfjs dtype ${x.dtype}`);
  }
}

/** The concrete shape of a tfjs tensor (a new array). */
export function shapeOf(x: Tensor): number[] {
  return x.shape.slice();
}

/** Frees a tfjs tensor or variable; a second call does nothing. */
export function dispose(x: Tensor): void {
  if (!x.isDisposed) x.dispose();
}
