/**
 * int64 on the reference backend: tensors holding a BigInt64Array, and one kernel
 * per primitive for them, written over bigints (arithmetic wraps to 64 bits, two's
 * complement). Kernels that only move elements (reshape, transpose, slice, concat,
 * pad, tile, reverse, gather, broadcast) reuse the int32 kernels on a view of the
 * data as int32 pairs (one more trailing axis of length 2), so they are not written
 * twice. `withInt64` joins this table to the number kernels: a call with an int64
 * input or output goes here, every other call to the number kernel, untouched.
 */
import {
  BinaryPrimitive,
  DType,
  INT64_MAX,
  INT64_MIN,
  KernelOf,
  KernelTable,
  PrimitiveAttrs,
  ReducePrimitive,
  UnaryPrimitive,
  int64ToNumber,
  isFloatDType,
  numberToInt64,
  sizeOf,
} from '../types';
import { broadcastShapes } from './broadcast';
import { gather as gatherNumbers, scatterAdd as scatterAddNumbers } from './gather';
import { castSelectScanKernels } from './kernels';
import { broadcastTo as broadcastNumbers, concat, concatPartWindow, pad as padNumbers, reshape, reverse, slice, tile, transpose } from './layout';
import { RefTensor, storageFor } from './tensor';

/** An int64 tensor of the reference backend: row-major bigints, shape. Immutable, as RefTensor. */
export interface RefInt64Tensor {
  readonly data: BigInt64Array;
  readonly shape: readonly number[];
  readonly dtype: 'int64';
}

/** A tensor of the reference backend (its native tensor type): numbers (`RefTensor`) or int64 bigints. */
export type RefValue = RefTensor | RefInt64Tensor;

/** Whether `x` is an int64 tensor. */
export function isInt64(x: RefValue): x is RefInt64Tensor {
  return x.dtype === 'int64';
}

/* ------------------------------------------------------------------------ */
/* Moving elements: the int32-pair view                                     */
/* ------------------------------------------------------------------------ */

/** `x` seen as an int32 tensor of shape x.shape + [2] (no copy; each pair is one int64's bytes). */
function pairs(x: RefInt64Tensor): RefTensor {
  return { data: new Int32Array(x.data.buffer, x.data.byteOffset, x.data.length * 2), shape: [...x.shape, 2], dtype: 'int32' };
}

/** An int32 tensor of shape s + [2] read back as int64 of shape s (its data copied only when misaligned). */
function fromPairs(p: RefTensor): RefInt64Tensor {
  if (!(p.data instanceof Int32Array)) throw new Error('reference backend: int64 pairs must be int32');
  const d = p.data.byteOffset % 8 === 0 ? p.data : p.data.slice();
  return { data: new BigInt64Array(d.buffer, d.byteOffset, d.length / 2), shape: p.shape.slice(0, -1), dtype: 'int64' };
}

/** Runs a kernel that only moves elements on int64 data, through the pair view. */
function moved(x: RefInt64Tensor, f: (p: RefTensor) => RefTensor): RefInt64Tensor {
  return fromPairs(f(pairs(x)));
}

/** `x` broadcast to `shape` (int64 or numbers). */
function broadcast(x: RefValue, shape: readonly number[]): RefValue {
  return isInt64(x) ? moved(x, (p) => broadcastNumbers(p, [...shape, 2])) : broadcastNumbers(x, shape);
}

/** The int64 operand `x` (a kernel given another dtype here is a library bug). */
function big(x: RefValue, op: string): RefInt64Tensor {
  if (!isInt64(x)) throw new Error(`reference backend: ${op} expected an int64 input, got ${x.dtype}`);
  return x;
}

/** The number operand `x`. */
function num(x: RefValue, op: string): RefTensor {
  if (isInt64(x)) throw new Error(`reference backend: ${op} expected a number input, got int64`);
  return x;
}

const int64 = (data: BigInt64Array, shape: readonly number[]): RefInt64Tensor => ({ data, shape: shape.slice(), dtype: 'int64' });

/** Wraps an exact integer to int64 (two's complement). */
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/* ------------------------------------------------------------------------ */
/* Elementwise                                                              */
/* ------------------------------------------------------------------------ */

/** `base ** exp` wrapping to int64; a negative exponent truncates the real result (1, +-1 for a base of -1, else 0), as int32 pow. */
export function int64Pow(base: bigint, exp: bigint): bigint {
  if (exp < 0n) {
    if (base === 1n) return 1n;
    if (base === -1n) return exp % 2n === 0n ? 1n : -1n;
    return 0n;
  }
  let r = 1n;
  let b = base;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = wrap(r * b);
    b = wrap(b * b);
    e >>= 1n;
  }
  return r;
}

/** A float function of an int64, converted back by the cast rule (truncated, saturated, NaN -> 0). */
const viaFloat =
  (f: (v: number) => number) =>
  (v: bigint): bigint =>
    numberToInt64(f(Number(v)), true);

const UNARY: { readonly [P in UnaryPrimitive]: ((v: bigint) => bigint) | null } = {
  neg: (v) => wrap(-v),
  abs: (v) => wrap(v < 0n ? -v : v),
  sign: (v) => (v > 0n ? 1n : v < 0n ? -1n : 0n),
  relu: (v) => (v > 0n ? v : 0n),
  round: (v) => v,
  floor: (v) => v,
  ceil: (v) => v,
  sqrt: viaFloat(Math.sqrt),
  exp: viaFloat(Math.exp),
  log: viaFloat(Math.log),
  tanh: viaFloat(Math.tanh),
  sigmoid: viaFloat((v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)))),
  sin: viaFloat(Math.sin),
  cos: viaFloat(Math.cos),
  logicalNot: null, // bool only (its definition refuses int64)
};

function unary(op: UnaryPrimitive, xv: RefValue): RefInt64Tensor {
  const f = UNARY[op];
  if (f === null) throw new Error(`reference backend: ${op} has no int64 kernel`);
  const x = big(xv, op);
  const out = new BigInt64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i]);
  return int64(out, x.shape);
}

const ARITHMETIC: { readonly [P in BinaryPrimitive]?: (a: bigint, b: bigint) => bigint } = {
  add: (a, b) => wrap(a + b),
  sub: (a, b) => wrap(a - b),
  mul: (a, b) => wrap(a * b),
  pow: int64Pow,
  maximum: (a, b) => (a > b ? a : b),
  minimum: (a, b) => (a < b ? a : b),
};

const COMPARE: { readonly [P in BinaryPrimitive]?: (a: bigint, b: bigint) => boolean } = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  greater: (a, b) => a > b,
  greaterEqual: (a, b) => a >= b,
  less: (a, b) => a < b,
  lessEqual: (a, b) => a <= b,
};

function binary(op: BinaryPrimitive, av: RefValue, bv: RefValue): RefValue {
  const shape = broadcastShapes(av.shape, bv.shape);
  const a = big(broadcast(big(av, op), shape), op).data;
  const b = big(broadcast(big(bv, op), shape), op).data;
  const f = ARITHMETIC[op];
  if (f !== undefined) {
    const out = new BigInt64Array(a.length);
    for (let i = 0; i < out.length; i++) out[i] = f(a[i], b[i]);
    return int64(out, shape);
  }
  const c = COMPARE[op];
  if (c === undefined) throw new Error(`reference backend: ${op} has no int64 kernel`); // div and the logical ops refuse int64 first
  const out = new Uint8Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = c(a[i], b[i]) ? 1 : 0;
  return { data: out, shape, dtype: 'bool' };
}

function where(cv: RefValue, av: RefValue, bv: RefValue): RefInt64Tensor {
  const shape = broadcastShapes(cv.shape, av.shape, bv.shape);
  const c = num(broadcast(cv, shape), 'where').data;
  const a = big(broadcast(big(av, 'where'), shape), 'where').data;
  const b = big(broadcast(big(bv, 'where'), shape), 'where').data;
  const out = new BigInt64Array(c.length);
  for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? a[i] : b[i];
  return int64(out, shape);
}

/** The one conversion rule (`int64ToNumber`, `numberToInt64` in ../dtypes.ts) to or from int64. */
function cast(x: RefValue, dtype: DType): RefValue {
  if (isInt64(x)) {
    if (dtype === 'int64') return int64(x.data.slice(), x.shape);
    const out = storageFor(dtype, x.data.length); // float16: float32 storage of half values
    for (let i = 0; i < out.length; i++) out[i] = int64ToNumber(x.data[i], dtype);
    return { data: out, shape: x.shape.slice(), dtype };
  }
  if (dtype !== 'int64') throw new Error(`reference backend: cast to ${dtype} of ${x.dtype} is not an int64 cast`);
  const fromFloat = isFloatDType(x.dtype); // float16 storage holds values
  const out = new BigInt64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = numberToInt64(x.data[i], fromFloat);
  return int64(out, x.shape);
}

/* ------------------------------------------------------------------------ */
/* Reductions                                                               */
/* ------------------------------------------------------------------------ */

/** `x` with axes `last` moved to the end (others in order), as [kept shape, rows, row length, data]. */
function rows(x: RefInt64Tensor, last: readonly number[]): { kept: number[]; count: number; length: number; data: BigInt64Array } {
  const keptAxes = x.shape.map((_, i) => i).filter((i) => !last.includes(i));
  const perm = [...keptAxes, ...last];
  const t = perm.every((p, i) => p === i) ? x : moved(x, (p) => transpose(p, [...perm, perm.length]));
  const kept = keptAxes.map((i) => x.shape[i]);
  const length = sizeOf(last.map((i) => x.shape[i]));
  return { kept, count: sizeOf(kept), length, data: t.data };
}

const FOLDS: { readonly [P in ReducePrimitive]: { readonly start: bigint; readonly f: (acc: bigint, v: bigint) => bigint } } = {
  reduceSum: { start: 0n, f: (acc, v) => wrap(acc + v) },
  reduceProd: { start: 1n, f: (acc, v) => wrap(acc * v) },
  reduceMax: { start: INT64_MIN, f: (acc, v) => (v > acc ? v : acc) }, // an empty axis gives the dtype's ends
  reduceMin: { start: INT64_MAX, f: (acc, v) => (v < acc ? v : acc) },
  reduceAny: { start: 0n, f: (acc, v) => (acc !== 0n || v !== 0n ? 1n : 0n) },
  reduceAll: { start: 1n, f: (acc, v) => (acc !== 0n && v !== 0n ? 1n : 0n) },
};

function reduce(op: ReducePrimitive, xv: RefValue, axes: readonly number[], keepDims: boolean): RefValue {
  const x = big(xv, op);
  const { count, length, data } = rows(x, axes);
  const { start, f } = FOLDS[op];
  const out = new BigInt64Array(count);
  for (let r = 0; r < count; r++) {
    let acc = start;
    for (let j = r * length; j < (r + 1) * length; j++) acc = f(acc, data[j]);
    out[r] = acc;
  }
  const shape = keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
  if (op === 'reduceAny' || op === 'reduceAll') return { data: Uint8Array.from(out, (v) => Number(v)), shape, dtype: 'bool' };
  return int64(out, shape);
}

/** Index of the first largest (smallest) element along `axis`, int32. */
function argReduce(xv: RefValue, axis: number, max: boolean): RefTensor {
  const x = big(xv, max ? 'argMax' : 'argMin');
  const { kept, count, length, data } = rows(x, [axis]);
  const out = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    let best = 0;
    for (let j = 1; j < length; j++) {
      const v = data[r * length + j];
      const b = data[r * length + best];
      if (max ? v > b : v < b) best = j;
    }
    out[r] = best;
  }
  return { data: out, shape: kept, dtype: 'int32' };
}

/** Cumulative sum or product along `axis` (wrapping), optionally exclusive and from the end. */
function cumulative(xv: RefValue, axis: number, exclusive: boolean, reverseDir: boolean, prod: boolean): RefInt64Tensor {
  const x = big(xv, prod ? 'cumprod' : 'cumsum');
  const { count, length, data } = rows(x, [axis]);
  const out = new BigInt64Array(data.length);
  for (let r = 0; r < count; r++) {
    let acc = prod ? 1n : 0n;
    for (let k = 0; k < length; k++) {
      const j = r * length + (reverseDir ? length - 1 - k : k);
      if (exclusive) {
        out[j] = acc;
        acc = wrap(prod ? acc * data[j] : acc + data[j]);
      } else {
        acc = wrap(prod ? acc * data[j] : acc + data[j]);
        out[j] = acc;
      }
    }
  }
  // back from [others..., axis] to the input's axis order
  const rank = x.shape.length;
  const moved1 = [...x.shape.map((_, i) => i).filter((i) => i !== axis), axis];
  const inverse = moved1.map((_, i) => moved1.indexOf(i));
  const t = int64(out, moved1.map((i) => x.shape[i]));
  return axis === rank - 1 ? int64(out, x.shape) : moved(t, (p) => transpose(p, [...inverse, rank]));
}

/* ------------------------------------------------------------------------ */
/* Indexing                                                                 */
/* ------------------------------------------------------------------------ */

/** gather's adjoint over int64 updates: out[pre, indices[j...], post] += updates[pre, j..., post], wrapping. */
function scatterAdd(updatesV: RefValue, indices: RefTensor, axis: number, size: number): RefInt64Tensor {
  const updates = big(updatesV, 'scatterAdd');
  // the number kernel over zeros checks the shapes and the indices as for any dtype, and gives the output shape
  const shaped = scatterAddNumbers({ data: new Int32Array(updates.data.length), shape: updates.shape, dtype: 'int32' }, indices, axis, size);
  const out = new BigInt64Array(shaped.data.length);
  const slots = gatherSlots(updates.shape, indices, axis, size);
  for (let k = 0; k < slots.length; k++) out[slots[k]] = wrap(out[slots[k]] + updates.data[k]);
  return int64(out, shaped.shape);
}

/** For each element of updates (shape pre + indices.shape + post), its flat slot in the output pre + [size] + post. */
function gatherSlots(uShape: readonly number[], indices: RefTensor, axis: number, size: number): Int32Array {
  const ir = indices.shape.length;
  const outer = sizeOf(uShape.slice(0, axis));
  const inner = sizeOf(uShape.slice(axis + ir));
  const count = indices.data.length;
  const slots = new Int32Array(outer * count * inner);
  let u = 0;
  for (let b = 0; b < outer; b++) {
    for (let j = 0; j < count; j++) {
      const base = (b * size + indices.data[j]) * inner;
      for (let t = 0; t < inner; t++) slots[u++] = base + t;
    }
  }
  return slots;
}

/** Constant padding of int64 data with `value` (whole; within +-2^53 as every attribute number). */
function pad(x: RefInt64Tensor, pads: readonly (readonly [number, number])[], value: number): RefInt64Tensor {
  const padded = moved(x, (p) => padNumbers(p, [...pads, [0, 0]], 0));
  if (value === 0) return padded;
  const inside = padNumbers({ data: new Uint8Array(x.data.length).fill(1), shape: x.shape, dtype: 'bool' }, pads, 0).data;
  const fill = numberToInt64(value, true);
  const out = padded.data;
  for (let i = 0; i < out.length; i++) if (inside[i] === 0) out[i] = fill;
  return padded;
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */
/* ------------------------------------------------------------------------ */

const u =
  <P extends UnaryPrimitive>(op: P): KernelOf<RefValue, PrimitiveAttrs[P]> =>
  ([x]) =>
    unary(op, x);
const b =
  <P extends BinaryPrimitive>(op: P): KernelOf<RefValue, PrimitiveAttrs[P]> =>
  ([x, y]) =>
    binary(op, x, y);
const r =
  <P extends ReducePrimitive>(op: P): KernelOf<RefValue, PrimitiveAttrs[P]> =>
  ([x], attrs) =>
    reduce(op, x, attrs.axes, attrs.keepDims);

/** A kernel that only moves elements of its first (int64) input: the int32 kernel on the pair view. */
const move =
  <A>(f: (p: RefTensor, attrs: A, inputs: readonly RefValue[]) => RefTensor, op: string): KernelOf<RefValue, A> =>
  (inputs, attrs) =>
    moved(big(inputs[0], op), (p) => f(p, attrs, inputs));

const noKernel =
  (op: string): KernelOf<RefValue, unknown> =>
  () => {
    // the primitive's definition refuses int64 (float or bool only): never reached
    throw new Error(`reference backend: ${op} has no int64 kernel`);
  };

/** The int64 kernels of the reference backend (inputs of other dtypes only where the primitive mixes them: cond, indices, cast sources). */
export const INT64_KERNELS: KernelTable<RefValue> = {
  neg: u('neg'),
  abs: u('abs'),
  sign: u('sign'),
  sqrt: u('sqrt'),
  exp: u('exp'),
  log: u('log'),
  tanh: u('tanh'),
  sigmoid: u('sigmoid'),
  relu: u('relu'),
  sin: u('sin'),
  cos: u('cos'),
  round: u('round'),
  floor: u('floor'),
  ceil: u('ceil'),
  logicalNot: noKernel('logicalNot'),

  add: b('add'),
  sub: b('sub'),
  mul: b('mul'),
  div: noKernel('div'),
  pow: b('pow'),
  maximum: b('maximum'),
  minimum: b('minimum'),
  equal: b('equal'),
  notEqual: b('notEqual'),
  greater: b('greater'),
  greaterEqual: b('greaterEqual'),
  less: b('less'),
  lessEqual: b('lessEqual'),
  logicalAnd: noKernel('logicalAnd'),
  logicalOr: noKernel('logicalOr'),

  reduceSum: r('reduceSum'),
  reduceMax: r('reduceMax'),
  reduceMin: r('reduceMin'),
  reduceProd: r('reduceProd'),
  reduceAny: r('reduceAny'),
  reduceAll: r('reduceAll'),

  identity: ([x]) => int64(big(x, 'identity').data, x.shape),
  ...castSelectScanKernels<RefValue>({ cast, where, argReduce, cumulative }),
  matMul: noKernel('matMul'),
  reshape: move((p, attrs) => reshape(p, [...attrs.shape, 2]), 'reshape'),
  transpose: move((p, attrs) => transpose(p, [...attrs.perm, attrs.perm.length]), 'transpose'),
  slice: move((p, attrs) => slice(p, [...attrs.begin, 0], [...attrs.size, 2]), 'slice'),
  concat: (inputs, attrs) => fromPairs(concat(inputs.map((x) => pairs(big(x, 'concat'))), attrs.axis)),
  concatPart: ([x, ...parts], attrs) => {
    const { begin, size } = concatPartWindow(x.shape, parts.map((p) => p.shape), attrs.axis, attrs.index);
    return moved(big(x, 'concatPart'), (p) => slice(p, [...begin, 0], [...size, 2]));
  },
  pad: ([x], attrs) => pad(big(x, 'pad'), attrs.pads, attrs.value),
  tile: move((p, attrs) => tile(p, [...attrs.reps, 1]), 'tile'),
  reverse: move((p, attrs) => reverse(p, attrs.axes), 'reverse'),
  gather: move((p, attrs, inputs) => gatherNumbers(p, num(inputs[1], 'gather'), attrs.axis), 'gather'),
  scatterAdd: (inputs, attrs) => {
    const size = inputs.length === 3 ? inputs[2].shape[attrs.axis] : attrs.size;
    return scatterAdd(inputs[0], num(inputs[1], 'scatterAdd'), attrs.axis, size);
  },
  broadcastTo: ([x], attrs) => broadcast(big(x, 'broadcastTo'), attrs.shape),
  broadcastLike: ([x, like]) => broadcast(big(x, 'broadcastLike'), like.shape),
  sumLike: ([g, like]) => {
    const axes = like.shape.flatMap((d, i) => (d === 1 && g.shape[i] !== 1 ? [i] : []));
    return axes.length > 0 ? reduce('reduceSum', g, axes, true) : int64(big(g, 'sumLike').data, g.shape);
  },
  expandDims: move((p, attrs, inputs) => {
    const x = inputs[0];
    const shape: number[] = [];
    let k = 0;
    for (let i = 0; i < x.shape.length + attrs.axes.length; i++) shape.push(attrs.axes.includes(i) ? 1 : x.shape[k++]);
    return reshape(p, [...shape, 2]);
  }, 'expandDims'),
  reshapeLike: ([x, like]) => moved(big(x, 'reshapeLike'), (p) => reshape(p, [...like.shape, 2])),
  shapeOf: ([x]) => ({ data: Int32Array.from(x.shape), shape: [x.shape.length], dtype: 'int32' }),
};

/**
 * `numbers` and `INT64_KERNELS` as one table: a call whose inputs or output include
 * int64 runs the int64 kernel, any other the number kernel, with its inputs as they are.
 */
export function withInt64(numbers: KernelTable<RefTensor>): KernelTable<RefValue> {
  const out: Record<string, KernelOf<RefValue, unknown>> = {};
  const nums = numbers as unknown as Record<string, KernelOf<RefTensor, unknown>>;
  const bigs = INT64_KERNELS as unknown as Record<string, KernelOf<RefValue, unknown>>;
  for (const name of Object.keys(nums)) {
    const n = nums[name];
    const b64 = bigs[name];
    out[name] = (inputs, attrs, info) =>
      info.dtype === 'int64' || inputs.some(isInt64) ? b64(inputs, attrs, info) : n(inputs as readonly RefTensor[], attrs, info);
  }
  return out as unknown as KernelTable<RefValue>;
}

/** Host data of an int64 tensor (a copy). */
export function int64Host(x: RefInt64Tensor): BigInt64Array {
  return x.data.slice();
}
