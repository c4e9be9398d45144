/**
 * Max pooling and its gradient in JS on the wasm heap, registered for tfjs's
 * 'wasm' backend under this library's own kernel names (see heap-kernels.ts).
 * Both read x [b, h, w, c] (channels_last, float32) window by window, channels
 * innermost, with the semantics of the `maxPool` composite (as the reference
 * backend's kernel):
 * - a window's maximum is the first maximal cell in row-major window order; a NaN
 *   beats every number, and the first NaN of a window is its maximum;
 * - padded cells are never part of a window: a window of -Infinity values next
 *   to padding sends its gradient to its first real cell; a window of padding
 *   only (none with the pads the API makes) has the value -Infinity and no gradient;
 * - the gradient adds each window's dy at its maximal cell.
 * Measured on the benchmark's CNN (x [32, 26, 26, 16], 2x2 windows, stride 2):
 * the former rank-4 op composition (strided slices, compares, DepthToSpace) took
 * 70 ms and wasm's own MaxPoolGrad (which breaks ties differently) 10 ms; this
 * loop takes about 1 ms.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { HeapBackend } from './heap-kernels';
import { windowOut } from '../types';

const MAX_POOL = 'KerasTs_MaxPool';
const MAX_POOL_GRAD = 'KerasTs_MaxPoolGrad';

/** The 2-D window of a pooling kernel: sizes, strides, and [before, after] pads per axis. */
export interface Window2d {
  readonly window: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly pads: readonly [readonly [number, number], readonly [number, number]];
}

/** Output length along one axis (dilation 1). */
function outLen(len: number, k: number, s: number, p: readonly [number, number]): number {
  return windowOut(len, k, s, 1, p);
}

/**
 * Finds each window's maximal cell in x [b, h, w, c], per channel. Without `dy`:
 * writes the maximum of each window to `out` (the pooled output). With `dy` (the
 * pooled output's gradient): writes dx to `out` (x's shape, zeros first), adding
 * each window's dy at its maximal cell.
 */
function scanWindows(x: Float32Array, shape: readonly number[], a: Window2d, out: Float32Array, dy: Float32Array | null): void {
  const [b, h, w, c] = shape;
  const [kh, kw] = a.window;
  const [sh, sw] = a.strides;
  const [ph, pw] = [a.pads[0][0], a.pads[1][0]];
  const oh = outLen(h, kh, sh, a.pads[0]);
  const ow = outLen(w, kw, sw, a.pads[1]);
  // Windows that do not overlap reach each cell at most once: the gradient is set
  // there (a -0 stays -0); overlapping ones add up.
  const overlap = sh < kh || sw < kw;
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  for (let n = 0, o = 0; n < b; n++) {
    for (let i = 0; i < oh; i++) {
      const r0 = i * sh - ph;
      const rFrom = Math.max(r0, 0);
      const rTo = Math.min(r0 + kh, h);
      for (let j = 0; j < ow; j++, o += c) {
        const c0 = j * sw - pw;
        const cFrom = Math.max(c0, 0);
        const cTo = Math.min(c0 + kw, w);
        if (rFrom < rTo && cFrom < cTo) {
          // The first real cell of the window starts the search.
          const first = ((n * h + rFrom) * w + cFrom) * c;
          for (let q = 0; q < c; q++) {
            best[q] = x[first + q];
            at[q] = first + q;
          }
        } else {
          best.fill(-Infinity);
          at.fill(-1);
        }
        for (let r = rFrom; r < rTo; r++) {
          for (let col = r === rFrom ? cFrom + 1 : cFrom; col < cTo; col++) {
            const base = ((n * h + r) * w + col) * c;
            for (let q = 0; q < c; q++) {
              const v = x[base + q];
              const m = best[q];
              // greater, or the first NaN (nothing replaces a NaN)
              if (v > m || (v !== v && m === m)) {
                best[q] = v;
                at[q] = base + q;
              }
            }
          }
        }
        if (dy === null) {
          for (let q = 0; q < c; q++) out[o + q] = best[q];
        } else {
          for (let q = 0; q < c; q++) {
            const t = at[q];
            if (t >= 0) out[t] = overlap ? out[t] + dy[o + q] : dy[o + q];
          }
        }
      }
    }
  }
}

function window2d(attrs: NamedAttrMap): Window2d {
  return attrs as unknown as Window2d;
}

const maxPoolKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const x = inputs.x as TensorInfo;
  const a = window2d(attrs as NamedAttrMap);
  const [b, h, w, c] = x.shape;
  const out = heap.makeOutput([b, outLen(h, a.window[0], a.strides[0], a.pads[0]), outLen(w, a.window[1], a.strides[1], a.pads[1]), c], 'float32');
  if (out.shape.some((d) => d === 0)) return out;
  // Views after makeOutput: allocating may grow (and so replace) the heap buffer.
  const src = heap.typedArrayFromHeap(x) as Float32Array;
  const y = heap.typedArrayFromHeap(out) as Float32Array;
  scanWindows(src, x.shape, a, y, null);
  return out;
};

const maxPoolGradKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const x = inputs.x as TensorInfo;
  const dyInfo = inputs.dy as TensorInfo;
  const a = window2d(attrs as NamedAttrMap);
  const out = heap.makeOutput(x.shape, 'float32');
  if (x.shape.some((d) => d === 0)) return out;
  const src = heap.typedArrayFromHeap(x) as Float32Array;
  const dy = heap.typedArrayFromHeap(dyInfo) as Float32Array;
  const dx = heap.typedArrayFromHeap(out) as Float32Array;
  dx.fill(0);
  scanWindows(src, x.shape, a, dx, dy);
  return out;
};

/** Registers the kernels above for 'wasm' (once per tfjs-core instance). */
export function registerHeapPoolKernels(): void {
  for (const [kernelName, kernelFunc] of [
    [MAX_POOL, maxPoolKernel],
    [MAX_POOL_GRAD, maxPoolGradKernel],
  ] as const) {
    if (tf.getKernel(kernelName, 'wasm') === undefined) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}

/** Whether the kernels above can run now (registered, and wasm is tfjs's active backend). */
export function heapPoolUsable(): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(MAX_POOL_GRAD, 'wasm') !== undefined;
}

/** Max pooling of float32 x [b, h, w, c] (see the file comment); needs `heapPoolUsable()`. */
export function heapMaxPool(x: tf.Tensor4D, a: Window2d): tf.Tensor4D {
  return tf.engine().runKernel(MAX_POOL, { x }, { ...a } as unknown as NamedAttrMap) as tf.Tensor4D;
}

/** The gradient of `heapMaxPool` with respect to x, given dy; needs `heapPoolUsable()`. */
export function heapMaxPoolGrad(x: tf.Tensor4D, dy: tf.Tensor4D, a: Window2d): tf.Tensor4D {
  return tf.engine().runKernel(MAX_POOL_GRAD, { x, dy }, { ...a } as unknown as NamedAttrMap) as tf.Tensor4D;
}
