/**
 * Reductions (sum, max, min, prod, any, all over any set of axes), argMax /
 * argMin along one axis, and cumulative sum / product.
 *
 * Reductions read the input once in memory order and accumulate into an
 * output-shaped accumulator (float64 for numbers, int32 with Math.imul for
 * int32 products), so every axis pattern streams through memory.
 */
import { KerasValueError } from '../../errors';
import { DType, DTYPE_INFO, HostArray, isIntDType, ReducePrimitive, sizeOf } from '../types';
import { formatShape } from '../../format';
import { rowWalk, stridesOf } from './broadcast';
import { RefTensor, storageFor } from './tensor';

/**
 * Accumulates `n` input elements (from `xo`, stride `xs`) into the accumulator
 * from `ao` with stride `as` (0 when the whole run folds into one slot).
 */
type AccLoop = (x: HostArray, xo: number, xs: number, acc: HostArray, ao: number, as: number, n: number) => void;

const sumLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) s += x[xo];
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) acc[ao] += x[xo];
  }
};

const prodLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) s *= x[xo];
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) acc[ao] *= x[xo];
  }
};

// float32 products round (and overflow) at every step, as the engines' float32 kernels do
const float32ProdLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) s = Math.fround(s * x[xo]);
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) acc[ao] = Math.fround(acc[ao] * x[xo]);
  }
};

const intProdLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) s = Math.imul(s, x[xo]);
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) acc[ao] = Math.imul(acc[ao], x[xo]);
  }
};

// max/min: a NaN, once met, stays (NumPy semantics): `v > s` is false against NaN.
const maxLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) {
      const v = x[xo];
      if (v > s || v !== v) s = v;
    }
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) {
      const v = x[xo];
      const s = acc[ao];
      if (v > s || (v !== v && s === s)) acc[ao] = v;
    }
  }
};

const minLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  if (as === 0) {
    let s = acc[ao];
    for (let i = 0; i < n; i++, xo += xs) {
      const v = x[xo];
      if (v < s || v !== v) s = v;
    }
    acc[ao] = s;
  } else {
    for (let i = 0; i < n; i++, xo += xs, ao += as) {
      const v = x[xo];
      const s = acc[ao];
      if (v < s || (v !== v && s === s)) acc[ao] = v;
    }
  }
};

const anyLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  for (let i = 0; i < n; i++, xo += xs, ao += as) if (x[xo] !== 0) acc[ao] = 1;
};

const allLoop: AccLoop = (x, xo, xs, acc, ao, as, n) => {
  for (let i = 0; i < n; i++, xo += xs, ao += as) if (x[xo] === 0) acc[ao] = 0;
};

/** The accumulator, its start value and loop for reduction `op` on `dtype`. */
function reducer(op: ReducePrimitive, dtype: DType, size: number): { acc: HostArray; loop: AccLoop } {
  switch (op) {
    case 'reduceSum':
      return { acc: new Float64Array(size), loop: sumLoop };
    case 'reduceProd':
      // integer products wrap: Math.imul keeps the low 32 bits, the final store the dtype's width
      if (isIntDType(dtype)) return { acc: new Int32Array(size).fill(1), loop: intProdLoop };
      if (dtype === 'float32') return { acc: new Float64Array(size).fill(1), loop: float32ProdLoop };
      return { acc: new Float64Array(size).fill(1), loop: prodLoop };
    // integers have no infinities: an empty max/min is the type's end (as tfjs and ORT)
    case 'reduceMax':
      return { acc: new Float64Array(size).fill(DTYPE_INFO[dtype].min), loop: maxLoop };
    case 'reduceMin':
      return { acc: new Float64Array(size).fill(DTYPE_INFO[dtype].max), loop: minLoop };
    case 'reduceAny':
      return { acc: new Uint8Array(size), loop: anyLoop };
    case 'reduceAll':
      return { acc: new Uint8Array(size).fill(1), loop: allLoop };
    default:
      throw new Error(`reference backend: unknown reduction ${String(op)}`);
  }
}

/**
 * Reduction `op` of `x` over `axes` (non-negative, unique). An empty reduced
 * axis gives the identity. The output keeps x's dtype; with `keepDims` the
 * reduced axes stay with length 1.
 */
export function reduce(op: ReducePrimitive, x: RefTensor, axes: readonly number[], keepDims: boolean): RefTensor {
  const rank = x.shape.length;
  const reduced = new Array<boolean>(rank).fill(false);
  for (const a of axes) {
    if (!Number.isInteger(a) || a < 0 || a >= rank) {
      throw new Error(`reference backend: reduction axis ${a} out of range for shape [${formatShape(x.shape)}]`);
    }
    reduced[a] = true;
  }
  const kept = x.shape.map((d, i) => (reduced[i] ? 1 : d));
  const shape = keepDims ? kept : x.shape.filter((_, i) => !reduced[i]);
  const size = sizeOf(kept);
  const { acc, loop } = reducer(op, x.dtype, size);
  if (x.data.length > 0) {
    const keptStrides = stridesOf(kept).map((s, i) => (reduced[i] ? 0 : s));
    const walk = rowWalk(x.shape, [stridesOf(x.shape), keptStrides]);
    const [xs, as] = walk.rowStrides;
    const len = walk.rowLength;
    const offsets = walk.offsets;
    for (let r = 0; r < walk.rows; r++) {
      loop(x.data, offsets[0], xs, acc, offsets[1], as, len);
      walk.next();
    }
  }
  if ((acc instanceof Uint8Array && x.dtype === 'bool') || (acc instanceof Int32Array && x.dtype === 'int32')) {
    return { data: acc, shape, dtype: x.dtype };
  }
  const out = storageFor(x.dtype, size);
  out.set(acc);
  return { data: out, shape, dtype: x.dtype };
}

/** Splits `shape` around `axis` into [outer, length, inner] element counts. */
function aroundAxis(shape: readonly number[], axis: number): [number, number, number] {
  if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) {
    throw new Error(`reference backend: axis ${axis} out of range for shape [${formatShape(shape)}]`);
  }
  return [sizeOf(shape.slice(0, axis)), shape[axis], sizeOf(shape.slice(axis + 1))];
}

/**
 * Index of the largest (`max`) or smallest element along `axis`, the first one
 * on ties; a NaN counts as the extreme (the first NaN wins, as in NumPy).
 * int32 output without the axis.
 */
export function argReduce(x: RefTensor, axis: number, max: boolean): RefTensor {
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  const shape = x.shape.filter((_, i) => i !== axis);
  const out = new Int32Array(outer * inner);
  if (out.length === 0) return { data: out, shape, dtype: 'int32' };
  if (n === 0) throw new KerasValueError(`${max ? 'argMax' : 'argMin'}: the reduced axis is empty`);
  const d = x.data;
  const sign = max ? 1 : -1; // compare sign * v so one loop serves both
  if (inner === 1) {
    for (let o = 0, base = 0; o < outer; o++, base += n) {
      let best = sign * d[base];
      let bi = 0;
      for (let k = 1; k < n && best === best; k++) {
        const v = sign * d[base + k];
        if (v > best || v !== v) {
          best = v;
          bi = k;
        }
      }
      out[o] = bi;
    }
  } else {
    const best = new Float64Array(inner);
    for (let o = 0; o < outer; o++) {
      const base = o * n * inner;
      const ob = o * inner;
      for (let j = 0; j < inner; j++) best[j] = sign * d[base + j];
      for (let k = 1; k < n; k++) {
        const row = base + k * inner;
        for (let j = 0; j < inner; j++) {
          const v = sign * d[row + j];
          const b = best[j];
          if (v > b || (v !== v && b === b)) {
            best[j] = v;
            out[ob + j] = k;
          }
        }
      }
    }
  }
  return { data: out, shape, dtype: 'int32' };
}

/** How a scan combines: sum, float product, or int32 product (Math.imul). */
type ScanMode = 0 | 1 | 2;
const ScanMode = { Sum: 0, Prod: 1, IntProd: 2 } as const;

/**
 * Scans `n` elements of one lane from `i` with stride `step`, writing the
 * running value (or, `exclusive`, the value before each element).
 */
function scanLane(mode: ScanMode, d: HostArray, out: HostArray, i: number, step: number, n: number, exclusive: boolean): void {
  if (mode === ScanMode.Sum) {
    let acc = 0;
    for (let k = 0; k < n; k++, i += step) {
      const before = acc;
      acc += d[i];
      out[i] = exclusive ? before : acc;
    }
  } else if (mode === ScanMode.Prod) {
    let acc = 1;
    for (let k = 0; k < n; k++, i += step) {
      const before = acc;
      acc *= d[i];
      out[i] = exclusive ? before : acc;
    }
  } else {
    let acc = 1;
    for (let k = 0; k < n; k++, i += step) {
      const before = acc;
      acc = Math.imul(acc, d[i]);
      out[i] = exclusive ? before : acc;
    }
  }
}

/**
 * Scans `inner` adjacent lanes at once (rows of `inner` elements, `n` rows
 * from `row` with stride `step`), keeping one running value per lane in `acc`.
 */
function scanRows(
  mode: ScanMode,
  d: HostArray,
  out: HostArray,
  row: number,
  step: number,
  n: number,
  inner: number,
  exclusive: boolean,
  acc: Float64Array | Float32Array,
): void {
  acc.fill(mode === ScanMode.Sum ? 0 : 1);
  for (let k = 0; k < n; k++, row += step) {
    if (mode === ScanMode.Sum) {
      for (let j = 0; j < inner; j++) {
        const before = acc[j];
        const after = before + d[row + j];
        acc[j] = after;
        out[row + j] = exclusive ? before : after;
      }
    } else if (mode === ScanMode.Prod) {
      for (let j = 0; j < inner; j++) {
        const before = acc[j];
        const after = before * d[row + j];
        acc[j] = after;
        out[row + j] = exclusive ? before : after;
      }
    } else {
      for (let j = 0; j < inner; j++) {
        const before = acc[j];
        const after = Math.imul(before, d[row + j]);
        acc[j] = after;
        out[row + j] = exclusive ? before : after;
      }
    }
  }
}

/**
 * Cumulative sum (`prod` false) or product along `axis`. `exclusive` shifts by
 * one (the first element is the identity); `reverse` accumulates from the end.
 * Sums run in double (int32 results wrap when stored); int32 products use Math.imul.
 */
export function cumulative(x: RefTensor, axis: number, exclusive: boolean, reverse: boolean, prod: boolean): RefTensor {
  const [outer, n, inner] = aroundAxis(x.shape, axis);
  const out = storageFor(x.dtype, x.data.length);
  const mode = !prod ? ScanMode.Sum : isIntDType(x.dtype) ? ScanMode.IntProd : ScanMode.Prod;
  const first = reverse ? (n - 1) * inner : 0;
  const step = (reverse ? -1 : 1) * inner;
  // float32 products round (and underflow or overflow) at every step, as the engines' do
  const f32Prod = mode === ScanMode.Prod && x.dtype === 'float32';
  if (inner === 1 && !f32Prod) {
    for (let o = 0; o < outer; o++) scanLane(mode, x.data, out, o * n + first, step, n, exclusive);
  } else {
    const acc = f32Prod ? new Float32Array(inner) : new Float64Array(inner);
    for (let o = 0; o < outer; o++) scanRows(mode, x.data, out, o * n * inner + first, step, n, inner, exclusive, acc);
  }
  return { data: out, shape: x.shape.slice(), dtype: x.dtype };
}
