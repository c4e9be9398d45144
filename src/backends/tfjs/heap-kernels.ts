/**
 * Kernels written in JS on the wasm heap, registered for tfjs's 'wasm' backend
 * under this library's own kernel names (tfjs's own kernels are left untouched).
 *
 * - broadcastTo, tile, gather: block copies, exact for every dtype. wasm's Tile
 *   (behind tf.broadcastTo, tf.tile and the broadcasting inside tf.where) and
 *   GatherV2 go element by element with index arithmetic: 8-11 ms to produce
 *   1 MB (512 x 512 float32), block copies 0.03-0.06 ms.
 * - maximum, minimum (NaN from either side) and sign (NaN stays NaN) of
 *   float32/int32: wasm's Maximum/Minimum get NaN wrong when it is the second
 *   operand and are slow (a generic loop: 1-3.3 ms per MB, vs 0.15 for Add);
 *   fixing NaN around them made 4.8 ms. A JS loop on the heap does it right in
 *   0.7-2.4 ms (the range is branch prediction: patterned vs random data).
 * - sin, cos of float32: wasm's Sin/Cos reduce large arguments in float32
 *   (sin(1e30) gave -0.751, the float32 argument's true sine is -0.791) and its
 *   sin(-0) is +0. Math.sin/Math.cos of the float32 value, rounded on store, are
 *   what the reference backend and ONNX Runtime give.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DataType, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { indexOutOfRange } from '../types';

/** Kernel names (prefixed so they never collide with tfjs's). */
const BROADCAST = 'KerasTs_BroadcastTo';
const TILE = 'KerasTs_Tile';
const GATHER = 'KerasTs_Gather';
const MAXIMUM = 'KerasTs_Maximum';
const MINIMUM = 'KerasTs_Minimum';
const SIGN = 'KerasTs_Sign';
const SIN = 'KerasTs_Sin';
const COS = 'KerasTs_Cos';

type HeapArray = Float32Array | Int32Array | Uint8Array;

/** What these kernels use of tfjs-backend-wasm's BackendWasm. */
export interface HeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): HeapArray;
}

/** Below this many elements a copy is done element by element (cheaper than a typed-array call). */
const SMALL = 16;

function product(shape: readonly number[], from = 0, to = shape.length): number {
  let n = 1;
  for (let i = from; i < to; i++) n *= shape[i];
  return n;
}

/** Writes `count` copies of src[from, from + block) to dst at `at` (count * block elements). */
function repeatBlock(src: HeapArray, from: number, block: number, count: number, dst: HeapArray, at: number): void {
  const total = block * count;
  if (total < SMALL) {
    for (let j = 0; j < count; j++) for (let q = 0; q < block; q++) dst[at + j * block + q] = src[from + q];
  } else if (block === 1) {
    dst.fill(src[from], at, at + count);
  } else {
    dst.set(src.subarray(from, from + block), at);
    // Double the filled part until the segment is full.
    for (let filled = block; filled < total; ) {
      const n = Math.min(filled, total - filled);
      dst.copyWithin(at + filled, at, at + n);
      filled += n;
    }
  }
}

/**
 * dst (row-major, shape `to`) = src (shape `from`, same rank, each dim equal to
 * `to`'s or 1) broadcast. Trailing equal dims are copied as blocks; the run of
 * stretched dims before them by repetition (one segment); the outer dims by an
 * odometer. A single source element is one fill (a scalar broadcast to
 * [32, 26, 26, 16] took 0.6 ms as 21,632 short fills, 0.04 ms as one).
 */
export function broadcastInto(src: HeapArray, from: readonly number[], dst: HeapArray, to: readonly number[]): void {
  const r = to.length;
  if (product(from) === 1) {
    dst.fill(src[0], 0, product(to));
    return;
  }
  let k = r;
  while (k > 0 && from[k - 1] === to[k - 1]) k--;
  const block = product(to, k);
  if (k === 0) {
    dst.set(src.subarray(0, block));
    return;
  }
  // from[k - 1] is 1 here; so are the dims of the run [outer, k)
  let outer = k - 1;
  while (outer > 0 && from[outer - 1] === 1) outer--;
  const reps = product(to, outer, k);
  const segment = reps * block;
  const count = product(to, 0, outer);
  // Source strides of the outer axes (0 where the source is stretched).
  const stride = new Array<number>(outer);
  for (let i = outer - 1, s = block; i >= 0; i--) {
    stride[i] = from[i] === 1 ? 0 : s;
    s *= from[i];
  }
  const idx = new Array<number>(outer).fill(0);
  let off = 0;
  for (let o = 0; o < count; o++) {
    repeatBlock(src, off, block, reps, dst, o * segment);
    // Advance the odometer over the outer axes.
    for (let i = outer - 1; i >= 0; i--) {
      if (++idx[i] < to[i]) {
        off += stride[i];
        break;
      }
      off -= stride[i] * (to[i] - 1);
      idx[i] = 0;
    }
  }
}

const broadcastKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const x = inputs.x as TensorInfo;
  const shape = (attrs as NamedAttrMap).shape as number[];
  const out = heap.makeOutput(shape, x.dtype);
  if (product(shape) === 0) return out;
  const from = [...new Array<number>(shape.length - x.shape.length).fill(1), ...x.shape];
  broadcastInto(heap.typedArrayFromHeap(x), from, heap.typedArrayFromHeap(out), shape);
  return out;
};

/** tile(x, reps) is x seen as [1, d0, 1, d1, ...] broadcast to [r0, d0, r1, d1, ...]. */
const tileKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const x = inputs.x as TensorInfo;
  const reps = (attrs as NamedAttrMap).reps as number[];
  const shape = x.shape.map((d, i) => d * reps[i]);
  const out = heap.makeOutput(shape, x.dtype);
  if (product(shape) === 0) return out;
  const from = x.shape.flatMap((d) => [1, d]);
  const to = x.shape.flatMap((d, i) => [reps[i], d]);
  broadcastInto(heap.typedArrayFromHeap(x), from, heap.typedArrayFromHeap(out), to);
  return out;
};

const gatherKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const heap = backend as HeapBackend;
  const x = inputs.x as TensorInfo;
  const indices = inputs.indices as TensorInfo;
  const axis = (attrs as NamedAttrMap).axis as number;
  const what = (attrs as NamedAttrMap).what as string | undefined;
  const n = x.shape[axis];
  const idx = heap.typedArrayFromHeap(indices);
  for (let j = 0; j < idx.length; j++) {
    if (!(idx[j] >= 0 && idx[j] < n)) throw indexOutOfRange('gather', idx[j], n, what);
  }
  const outer = product(x.shape, 0, axis);
  const block = product(x.shape, axis + 1);
  const count = idx.length;
  const out = heap.makeOutput([...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)], x.dtype);
  if (outer * count * block === 0) return out;
  // Views after makeOutput: allocating may grow (and so replace) the heap buffer.
  const src = heap.typedArrayFromHeap(x);
  const at = heap.typedArrayFromHeap(indices);
  const dst = heap.typedArrayFromHeap(out);
  for (let p = 0, o = 0; p < outer; p++) {
    const base = p * n * block;
    for (let j = 0; j < count; j++, o += block) {
      const from = base + at[j] * block;
      if (block < SMALL) for (let q = 0; q < block; q++) dst[o + q] = src[from + q];
      else dst.set(src.subarray(from, from + block), o);
    }
  }
  return out;
};

/**
 * An elementwise binary kernel with output shape `attrs.shape`: each input has
 * that shape or a single element (the op-level wrapper broadcasts anything else first).
 */
function elementwise(f: (x: number, y: number) => number): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const heap = backend as HeapBackend;
    const shape = (attrs as NamedAttrMap).shape as number[];
    const a = inputs.a as TensorInfo;
    const out = heap.makeOutput(shape, a.dtype);
    const n = product(shape);
    if (n === 0) return out;
    const x = heap.typedArrayFromHeap(a);
    const y = heap.typedArrayFromHeap(inputs.b as TensorInfo);
    const d = heap.typedArrayFromHeap(out);
    if (x.length === n && y.length === n) for (let i = 0; i < n; i++) d[i] = f(x[i], y[i]);
    else if (x.length === n) for (let i = 0, v = y[0]; i < n; i++) d[i] = f(x[i], v);
    else for (let i = 0, v = x[0]; i < n; i++) d[i] = f(v, y[i]);
    return out;
  };
}

// NaN from either side; b when a and b compare equal (so -0 vs +0 gives b, as
// TensorFlow's and ORT's Eigen kernels; Math.max would give +0 whatever the order).
const max = (a: number, b: number): number => (a > b || a !== a ? a : b);
const min = (a: number, b: number): number => (a < b || a !== a ? a : b);

/** A kernel writing f(x) for every element of x, into a new tensor of x's shape and dtype. */
function unary(f: (x: number) => number): KernelFunc {
  return ({ inputs, backend }) => {
    const heap = backend as HeapBackend;
    const x = inputs.x as TensorInfo;
    const out = heap.makeOutput(x.shape, x.dtype);
    const n = product(x.shape);
    if (n === 0) return out;
    const s = heap.typedArrayFromHeap(x);
    const d = heap.typedArrayFromHeap(out);
    for (let i = 0; i < n; i++) d[i] = f(s[i]);
    return out;
  };
}

// Math.sign keeps NaN; + 0 turns -0 into 0.
const signKernel = unary((v) => Math.sign(v) + 0);

let registered = false;

/** Registers the kernels above for 'wasm' (once per tfjs-core instance). */
export function registerHeapKernels(): void {
  for (const [kernelName, kernelFunc] of [
    [BROADCAST, broadcastKernel],
    [TILE, tileKernel],
    [GATHER, gatherKernel],
    [MAXIMUM, elementwise(max)],
    [MINIMUM, elementwise(min)],
    [SIGN, signKernel],
    [SIN, unary(Math.sin)],
    [COS, unary(Math.cos)],
  ] as const) {
    if (tf.getKernel(kernelName, 'wasm') === undefined) {
      tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    }
  }
  registered = true;
}

/** Whether the heap kernels can run now (registered, and wasm is tfjs's active backend). */
function usable(): boolean {
  return registered && tf.getBackend() === 'wasm';
}

/** x broadcast (NumPy rules) to `shape`, which has at least x's rank. A new tensor. */
export function heapBroadcastTo(x: tf.Tensor, shape: readonly number[]): tf.Tensor {
  if (!usable()) return tf.broadcastTo(x, [...shape]);
  return tf.engine().runKernel(BROADCAST, { x }, { shape: [...shape] }) as tf.Tensor;
}

/** tile(x, reps). A new tensor. */
export function heapTile(x: tf.Tensor, reps: readonly number[]): tf.Tensor {
  if (!usable()) return tf.tile(x, [...reps]);
  return tf.engine().runKernel(TILE, { x }, { reps: [...reps] }) as tf.Tensor;
}

/** gather(x, indices, axis) with int32 indices in range (checked; `what`: see indexOutOfRange). A new tensor. */
export function heapGather(x: tf.Tensor, indices: tf.Tensor, axis: number, what?: string): tf.Tensor {
  if (!usable()) return tf.gather(x, indices, axis);
  return tf.engine().runKernel(GATHER, { x, indices }, what === undefined ? { axis } : { axis, what }) as tf.Tensor;
}

type Binary = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** Runs an elementwise heap kernel, broadcasting first the inputs that are neither full-size nor single elements. */
function extremum(kernelName: string, fallback: Binary, a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (!usable()) return fallback(a, b);
  const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const fits = (x: tf.Tensor): boolean =>
    x.size === 1 || (x.rank === shape.length && x.shape.every((d, i) => d === shape[i]));
  if (fits(a) && fits(b)) return tf.engine().runKernel(kernelName, { a, b }, { shape }) as tf.Tensor;
  return tf.tidy(() => {
    const x = fits(a) ? a : heapBroadcastTo(a, shape);
    const y = fits(b) ? b : heapBroadcastTo(b, shape);
    return tf.engine().runKernel(kernelName, { a: x, b: y }, { shape }) as tf.Tensor;
  });
}

/**
 * maximum(a, b) for float32 or int32 a, b of one dtype, NumPy broadcasting, NaN
 * from either side. `fallback` is used when the heap kernels cannot run.
 */
export function heapMaximum(a: tf.Tensor, b: tf.Tensor, fallback: Binary): tf.Tensor {
  return extremum(MAXIMUM, fallback, a, b);
}

/** minimum(a, b), as heapMaximum. */
export function heapMinimum(a: tf.Tensor, b: tf.Tensor, fallback: Binary): tf.Tensor {
  return extremum(MINIMUM, fallback, a, b);
}

/** sign(x) for float32/int32, with sign(0) = 0 and sign(NaN) = NaN. */
export function heapSign(x: tf.Tensor, fallback: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  if (!usable()) return fallback(x);
  return tf.engine().runKernel(SIGN, { x }, {}) as tf.Tensor;
}

/** sin (`name` 'sin') or cos of a float32 tensor, argument reduction in float64. A new tensor. */
export function heapTrig(name: 'sin' | 'cos', x: tf.Tensor, fallback: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  if (!usable()) return fallback(x);
  return tf.engine().runKernel(name === 'sin' ? SIN : COS, { x }, {}) as tf.Tensor;
}
