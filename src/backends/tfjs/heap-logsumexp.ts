/**
 * logSumExp (the composite of ../types.ts) of a small float32 x over adjacent axes, as
 * one JS loop on the wasm heap, registered for tfjs's 'wasm' backend under this library's
 * own kernel name (see heap-kernels.ts). x is read as [outer, n, inner] (the reduced
 * axes the middle block); per output: the maximum (a NaN wins), 0 in its place where
 * it is not finite, the float64 sum of exp(x - m) each rounded to float32, then
 * log(sum) + m rounded as wasm's kernels round each step of the decomposition.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { HeapBackend } from './heap-kernels';

const LOG_SUM_EXP = 'KerasTs_LogSumExp';

interface LseAttrs {
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
  readonly outShape: number[];
}

const logSumExpKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const { outer, n, inner, outShape } = attrs as unknown as LseAttrs;
  const out = heap.makeOutput(outShape, 'float32');
  if (outer * inner === 0) return out;
  // Views after makeOutput: allocating may grow (and so replace) the heap buffer.
  const x = heap.typedArrayFromHeap(inputs.x as TensorInfo) as Float32Array;
  const y = heap.typedArrayFromHeap(out) as Float32Array;
  const r = Math.fround;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = -Infinity;
      for (let j = 0, p = base; j < n; j++, p += inner) {
        const v = x[p];
        if (v > m || v !== v) m = v;
      }
      if (m - m !== 0) m = 0;
      let sum = 0;
      for (let j = 0, p = base; j < n; j++, p += inner) sum += r(Math.exp(r(x[p] - m)));
      y[o * inner + i] = r(Math.log(r(sum))) + m;
    }
  }
  return out;
};

/** Registers the kernel above for 'wasm' (once per tfjs-core instance). */
export function registerHeapLogSumExpKernel(): void {
  if (tf.getKernel(LOG_SUM_EXP, 'wasm') === undefined) tf.registerKernel({ kernelName: LOG_SUM_EXP, backendName: 'wasm', kernelFunc: logSumExpKernel });
}

/**
 * Above this many elements wasm's kernels are faster than the loop (measured: 320
 * elements 0.03 ms against 0.1 ms for max, sub, exp, sum, log and add on wasm; 64000
 * elements 1.3 ms against 0.75 ms: Math.exp costs more than wasm's Exp).
 */
const HEAP_MAX_SIZE = 8192;

/**
 * logSumExp of float32 `x` over `axes` (ascending) by the heap kernel, or null when it
 * does not run: wasm not active, axes not adjacent, or more than HEAP_MAX_SIZE elements.
 */
export function heapLogSumExp(x: tf.Tensor, axes: readonly number[], keepDims: boolean): tf.Tensor | null {
  if (tf.getBackend() !== 'wasm' || tf.getKernel(LOG_SUM_EXP, 'wasm') === undefined) return null;
  const first = axes[0];
  const last = axes[axes.length - 1];
  if (x.size > HEAP_MAX_SIZE || last - first + 1 !== axes.length) return null;
  const s = x.shape;
  const size = (from: number, to: number): number => s.slice(from, to).reduce((p, d) => p * d, 1);
  const outShape = keepDims ? s.map((d, i) => (axes.includes(i) ? 1 : d)) : s.filter((_, i) => !axes.includes(i));
  const attrs = { outer: size(0, first), n: size(first, last + 1), inner: size(last + 1, s.length), outShape };
  return tf.engine().runKernel(LOG_SUM_EXP, { x }, attrs as never) as tf.Tensor;
}
