/**
 * The tfjs backend: every primitive on small hand-computed cases (with the
 * places where tfjs-wasm departs from the documented semantics), host
 * conversion, variables, compile, and memory (nothing leaks).
 *
 * Every expected value is worked out by hand; the working is in the comments.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Backend } from '../../src/backends/backend';
import { createTfjsBackend } from '../../src/backends/tfjs';
import type { DType, Graph, GraphNode, HostArray, OutputInfo, PrimitiveName } from '../../src/backends/types';
import { PRIMITIVES } from '../../src/backends/types';

type T = tf.Tensor;
let B: Backend<T>;

beforeAll(async () => {
  B = createTfjsBackend();
  await B.init?.();
});

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

interface In {
  shape: number[];
  dtype: DType;
  data: number[];
}
const f32 = (shape: number[], data: number[]): In => ({ shape, dtype: 'float32', data });
const i32 = (shape: number[], data: number[]): In => ({ shape, dtype: 'int32', data });
const bool = (shape: number[], data: number[]): In => ({ shape, dtype: 'bool', data });

function host(x: In): HostArray {
  if (x.dtype === 'float32') return Float32Array.from(x.data);
  if (x.dtype === 'int32') return Int32Array.from(x.data);
  return Uint8Array.from(x.data);
}

/** '' when `got` matches `want` (exact, NaN matches NaN, floats within tol relative). */
function mismatch(got: ArrayLike<number>, want: readonly number[], tol: number): string {
  if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const a = got[i];
    const e = want[i];
    const ok = Number.isNaN(e)
      ? Number.isNaN(a)
      : a === e || (tol > 0 && Number.isFinite(e) && Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)));
    if (!ok) return `[${i}] got ${a}, expected ${e}`;
  }
  return '';
}

interface Case {
  name: string;
  op: PrimitiveName;
  attrs?: object;
  inputs: In[];
  shape: number[];
  dtype: DType;
  expected: number[];
  tol?: number;
}

type AnyKernel = (inputs: readonly T[], attrs: object, out: OutputInfo) => T;

/** Runs one kernel and checks: output shape/dtype/values, inputs untouched, exactly one new tensor. */
function check(c: Case): void {
  const inputs = c.inputs.map((x) => B.fromHost(host(x), x.shape, x.dtype));
  const before = tf.memory().numTensors;
  const y = (B.kernels[c.op] as unknown as AnyKernel)(inputs, c.attrs ?? {}, { dtype: c.dtype, shape: c.shape });
  try {
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(inputs).not.toContain(y);
    expect(B.shapeOf(y)).toEqual(c.shape);
    expect(y.dtype).toBe(c.dtype);
    expect(mismatch(B.toHost(y), c.expected, c.tol ?? 1e-6)).toBe('');
    c.inputs.forEach((x, k) => expect(mismatch(B.toHost(inputs[k]), [...host(x)], 0)).toBe(''));
  } finally {
    B.dispose(y);
    inputs.forEach((x) => B.dispose(x));
  }
}

/** 0, 1, ..., n-1. */
const iota = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/* ------------------------------------------------------------------------ */
/* Cases                                                                    */
/* ------------------------------------------------------------------------ */

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

const UNARY: Case[] = [
  { name: 'float32', op: 'neg', inputs: [f32([3], [1, -2.5, 0])], shape: [3], dtype: 'float32', expected: [-1, 2.5, -0] },
  // wasm negates int32 through float32: -(2^31-1) came out as -2^31, -(2^24+1) as -2^24
  { name: 'int32, exact beyond 2^24', op: 'neg', inputs: [i32([3], [INT_MAX, -16777217, 5])], shape: [3], dtype: 'int32', expected: [-INT_MAX, 16777217, -5] },
  { name: 'float32', op: 'abs', inputs: [f32([3], [-1.5, 2, -0])], shape: [3], dtype: 'float32', expected: [1.5, 2, 0] },
  // wasm: abs(2^31-1) = -2^31 (through float32); abs(-2^31) wraps to -2^31 as in NumPy
  { name: 'int32, exact', op: 'abs', inputs: [i32([4], [INT_MAX, -16777217, -3, INT_MIN])], shape: [4], dtype: 'int32', expected: [INT_MAX, 16777217, 3, INT_MIN] },
  // tfjs gives sign(NaN) = 0
  { name: 'float32, sign(0) = 0, sign(NaN) = NaN', op: 'sign', inputs: [f32([4], [-3, 0, 2.5, NaN])], shape: [4], dtype: 'float32', expected: [-1, 0, 1, NaN] },
  { name: 'int32', op: 'sign', inputs: [i32([5], [-7, 0, 9, INT_MIN, INT_MAX])], shape: [5], dtype: 'int32', expected: [-1, 0, 1, -1, 1] },
  { name: 'float32', op: 'sqrt', inputs: [f32([3], [4, 0.25, -1])], shape: [3], dtype: 'float32', expected: [2, 0.5, NaN] },
  // e^1 = 2.718281828459045, e^-inf = 0
  { name: 'float32', op: 'exp', inputs: [f32([3], [0, 1, -Infinity])], shape: [3], dtype: 'float32', expected: [1, 2.718281828459045, 0] },
  // ln 4 = 2 ln 2 = 1.3862943611198906
  { name: 'float32', op: 'log', inputs: [f32([3], [1, 0, 4])], shape: [3], dtype: 'float32', expected: [0, -Infinity, 1.3862943611198906] },
  // tanh(+-20) = +-(1 - 8.5e-18), 1 in float32
  { name: 'float32', op: 'tanh', inputs: [f32([3], [0, 20, -20])], shape: [3], dtype: 'float32', expected: [0, 1, -1] },
  { name: 'float32, large |x|', op: 'sigmoid', inputs: [f32([3], [0, 1000, -1000])], shape: [3], dtype: 'float32', expected: [0.5, 1, 0] },
  { name: 'float32', op: 'relu', inputs: [f32([3], [-1, 0.5, NaN])], shape: [3], dtype: 'float32', expected: [0, 0.5, NaN] },
  { name: 'int32', op: 'relu', inputs: [i32([3], [-3, 4, INT_MAX])], shape: [3], dtype: 'int32', expected: [0, 4, INT_MAX] },
  { name: 'float32', op: 'sin', inputs: [f32([2], [0, Math.PI / 2])], shape: [2], dtype: 'float32', expected: [0, 1] },
  { name: 'float32', op: 'cos', inputs: [f32([2], [0, Math.PI])], shape: [2], dtype: 'float32', expected: [1, -1] },
  { name: 'float32, half to even', op: 'round', inputs: [f32([8], [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6])], shape: [8], dtype: 'float32', expected: [0, 2, 2, -0, -2, -2, 2, -3] },
  // tfjs refuses int32 in floor/ceil: integers are returned unchanged
  { name: 'int32 unchanged', op: 'round', inputs: [i32([2], [3, -4])], shape: [2], dtype: 'int32', expected: [3, -4] },
  { name: 'float32', op: 'floor', inputs: [f32([3], [-1.5, 1.5, 2])], shape: [3], dtype: 'float32', expected: [-2, 1, 2] },
  { name: 'int32 unchanged', op: 'floor', inputs: [i32([2], [3, -4])], shape: [2], dtype: 'int32', expected: [3, -4] },
  { name: 'float32', op: 'ceil', inputs: [f32([3], [-1.5, 1.5, 2])], shape: [3], dtype: 'float32', expected: [-1, 2, 2] },
  { name: 'int32 unchanged', op: 'ceil', inputs: [i32([2], [3, -4])], shape: [2], dtype: 'int32', expected: [3, -4] },
  { name: 'bool', op: 'logicalNot', inputs: [bool([2, 2], [1, 0, 0, 1])], shape: [2, 2], dtype: 'bool', expected: [0, 1, 1, 0] },
];

const BINARY: Case[] = [
  // [[1],[2]] + [10,20,30]
  { name: 'float32 [2,1] + [3]', op: 'add', inputs: [f32([2, 1], [1, 2]), f32([3], [10, 20, 30])], shape: [2, 3], dtype: 'float32', expected: [11, 21, 31, 12, 22, 32] },
  { name: 'int32 wraps', op: 'add', inputs: [i32([2], [INT_MAX, -5]), i32([], [1])], shape: [2], dtype: 'int32', expected: [INT_MIN, -4] },
  { name: 'float32 [0,3] + [3] is empty', op: 'add', inputs: [f32([0, 3], []), f32([3], [1, 2, 3])], shape: [0, 3], dtype: 'float32', expected: [] },
  { name: 'float32', op: 'sub', inputs: [f32([2], [5, 3]), f32([], [1])], shape: [2], dtype: 'float32', expected: [4, 2] },
  { name: 'int32', op: 'sub', inputs: [i32([2], [16777217, 0]), i32([2], [1, 7])], shape: [2], dtype: 'int32', expected: [16777216, -7] },
  // 65536 * 65537 = 2^32 + 65536, wraps to 65536
  { name: 'int32 wraps', op: 'mul', inputs: [i32([2], [65536, -3]), i32([2], [65537, 4])], shape: [2], dtype: 'int32', expected: [65536, -12] },
  { name: 'float32', op: 'mul', inputs: [f32([2], [1.5, -2]), f32([2], [2, 0.25])], shape: [2], dtype: 'float32', expected: [3, -0.5] },
  { name: 'float32 by zero', op: 'div', inputs: [f32([3], [1, -1, 0]), f32([], [0])], shape: [3], dtype: 'float32', expected: [Infinity, -Infinity, NaN] },
  { name: 'float32', op: 'div', inputs: [f32([2], [1, 3]), f32([2], [4, -2])], shape: [2], dtype: 'float32', expected: [0.25, -1.5] },
  { name: 'float32', op: 'pow', inputs: [f32([3], [2, 9, -2]), f32([3], [3, 0.5, 2])], shape: [3], dtype: 'float32', expected: [8, 3, 4] },
  { name: 'int32', op: 'pow', inputs: [i32([4], [2, -3, 0, 7]), i32([4], [10, 3, 0, 1])], shape: [4], dtype: 'int32', expected: [1024, -27, 1, 7] },
  // 3^20 = 3486784401 = 2^32 - 808182895 -> -808182895; 2^31 -> -2^31; 2^32 -> 0 (wasm saturates to -2^31)
  { name: 'int32 wraps on overflow', op: 'pow', inputs: [i32([3], [3, 2, 2]), i32([3], [20, 31, 32])], shape: [3], dtype: 'int32', expected: [-808182895, INT_MIN, 0] },
  // exponent 2^31-1 (odd): 1, -1, 2^(2^31-1) = 0 mod 2^32, 0
  { name: 'int32 with a huge exponent', op: 'pow', inputs: [i32([4], [1, -1, 2, 0]), i32([], [INT_MAX])], shape: [4], dtype: 'int32', expected: [1, -1, 0, 0] },
  // wasm keeps a when b is NaN: max(1, NaN) was 1
  { name: 'float32 NaN from either side', op: 'maximum', inputs: [f32([3], [NaN, 1, 3]), f32([3], [1, NaN, 2])], shape: [3], dtype: 'float32', expected: [NaN, NaN, 3] },
  { name: 'float32 NaN scalar b', op: 'maximum', inputs: [f32([2], [1, 2]), f32([], [NaN])], shape: [2], dtype: 'float32', expected: [NaN, NaN] },
  { name: 'int32 exact', op: 'maximum', inputs: [i32([2], [16777217, -5]), i32([], [16777216])], shape: [2], dtype: 'int32', expected: [16777217, 16777216] },
  // [[1],[5]] against [0,3,7]: [[1,3,7],[5,5,7]]
  { name: 'int32 [2,1] vs [3]', op: 'maximum', inputs: [i32([2, 1], [1, 5]), i32([3], [0, 3, 7])], shape: [2, 3], dtype: 'int32', expected: [1, 3, 7, 5, 5, 7] },
  // b [1,1] raises the rank: out [1,3]
  { name: 'float32 vs a [1,1]', op: 'maximum', inputs: [f32([3], [1, -2, NaN]), f32([1, 1], [0])], shape: [1, 3], dtype: 'float32', expected: [1, 0, NaN] },
  { name: 'float32 NaN from either side', op: 'minimum', inputs: [f32([3], [NaN, 1, 3]), f32([3], [1, NaN, 2])], shape: [3], dtype: 'float32', expected: [NaN, NaN, 2] },
  { name: 'int32', op: 'minimum', inputs: [i32([2, 2], [1, 5, -3, 0]), i32([], [0])], shape: [2, 2], dtype: 'int32', expected: [0, 0, -3, 0] },
  { name: 'float32, NaN != NaN', op: 'equal', inputs: [f32([3], [1, NaN, 2]), f32([3], [1, NaN, 3])], shape: [3], dtype: 'bool', expected: [1, 0, 0] },
  { name: 'int32 exact beyond 2^24', op: 'equal', inputs: [i32([2], [16777217, 5]), i32([2], [16777216, 5])], shape: [2], dtype: 'bool', expected: [0, 1] },
  { name: 'bool', op: 'equal', inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0])], shape: [4], dtype: 'bool', expected: [1, 0, 0, 1] },
  { name: 'float32, NaN != NaN', op: 'notEqual', inputs: [f32([2], [NaN, 1]), f32([2], [NaN, 1])], shape: [2], dtype: 'bool', expected: [1, 0] },
  { name: 'float32 vs scalar', op: 'greater', inputs: [f32([3], [1, 2, 3]), f32([], [2])], shape: [3], dtype: 'bool', expected: [0, 0, 1] },
  { name: 'float32 vs scalar', op: 'greaterEqual', inputs: [f32([3], [1, 2, 3]), f32([], [2])], shape: [3], dtype: 'bool', expected: [0, 1, 1] },
  { name: 'int32 [2,1] vs [2]', op: 'less', inputs: [i32([2, 1], [1, 2]), i32([2], [2, 1])], shape: [2, 2], dtype: 'bool', expected: [1, 0, 0, 0] },
  { name: 'float32 vs scalar', op: 'lessEqual', inputs: [f32([3], [1, 2, 3]), f32([], [2])], shape: [3], dtype: 'bool', expected: [1, 1, 0] },
  // [[1&1, 1&0], [0&1, 0&0]]
  { name: 'bool [2,1] vs [2]', op: 'logicalAnd', inputs: [bool([2, 1], [1, 0]), bool([2], [1, 0])], shape: [2, 2], dtype: 'bool', expected: [1, 0, 0, 0] },
  { name: 'bool [2,1] vs [2]', op: 'logicalOr', inputs: [bool([2, 1], [1, 0]), bool([2], [1, 0])], shape: [2, 2], dtype: 'bool', expected: [1, 1, 1, 0] },
];

const M23 = [1, 2, 3, 4, 5, 6]; // [[1,2,3],[4,5,6]]

const REDUCE: Case[] = [
  { name: 'float32 axis 1', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([2, 3], M23)], shape: [2], dtype: 'float32', expected: [6, 15] },
  { name: 'float32 axis 0, keepDims', op: 'reduceSum', attrs: { axes: [0], keepDims: true }, inputs: [f32([2, 3], M23)], shape: [1, 3], dtype: 'float32', expected: [5, 7, 9] },
  // wasm returned uninitialised memory here
  { name: 'over an empty axis gives 0', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([2, 0], [])], shape: [2], dtype: 'float32', expected: [0, 0] },
  { name: 'of an empty non-reduced axis is empty', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([0, 3], [])], shape: [0], dtype: 'float32', expected: [] },
  { name: 'int32 wraps', op: 'reduceSum', attrs: { axes: [0], keepDims: false }, inputs: [i32([2], [INT_MAX, 1])], shape: [], dtype: 'int32', expected: [INT_MIN] },
  { name: 'float32 NaN propagates', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [f32([3], [1, NaN, 3])], shape: [], dtype: 'float32', expected: [NaN] },
  { name: 'float32 over an empty axis gives -inf', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [f32([0], [])], shape: [], dtype: 'float32', expected: [-Infinity] },
  { name: 'int32 over an empty axis gives -2^31', op: 'reduceMax', attrs: { axes: [0], keepDims: true }, inputs: [i32([0], [])], shape: [1], dtype: 'int32', expected: [INT_MIN] },
  { name: 'int32 exact beyond 2^24', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [i32([2], [16777216, 16777217])], shape: [], dtype: 'int32', expected: [16777217] },
  { name: 'float32 axes [0, 2]', op: 'reduceMin', attrs: { axes: [0, 2], keepDims: false }, inputs: [f32([2, 2, 2], [5, 1, 7, 8, -1, 4, 6, 9])], shape: [2], dtype: 'float32', expected: [-1, 6] },
  { name: 'float32 over an empty axis gives +inf', op: 'reduceMin', attrs: { axes: [1], keepDims: true }, inputs: [f32([1, 0], [])], shape: [1, 1], dtype: 'float32', expected: [Infinity] },
  { name: 'int32 over an empty axis gives 2^31-1', op: 'reduceMin', attrs: { axes: [0], keepDims: false }, inputs: [i32([0, 2], [])], shape: [2], dtype: 'int32', expected: [INT_MAX, INT_MAX] },
  { name: 'int32 all axes', op: 'reduceProd', attrs: { axes: [0, 1], keepDims: false }, inputs: [i32([2, 2], [1, 2, 3, 4])], shape: [], dtype: 'int32', expected: [24] },
  { name: 'over an empty axis gives 1', op: 'reduceProd', attrs: { axes: [0], keepDims: false }, inputs: [f32([0, 2], [])], shape: [2], dtype: 'float32', expected: [1, 1] },
  { name: 'bool axis 1', op: 'reduceAny', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 2], [1, 0, 0, 0])], shape: [2], dtype: 'bool', expected: [1, 0] },
  { name: 'over an empty axis gives false', op: 'reduceAny', attrs: { axes: [0], keepDims: false }, inputs: [bool([0], [])], shape: [], dtype: 'bool', expected: [0] },
  { name: 'bool axis 1', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 2], [1, 1, 1, 0])], shape: [2], dtype: 'bool', expected: [1, 0] },
  { name: 'over an empty axis gives true', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 0], [])], shape: [2], dtype: 'bool', expected: [1, 1] },
];

// 100 ones with 9 at positions 33 and 77: the first 9 is at 33
const TIES = iota(100).map((i) => (i === 33 || i === 77 ? 9 : 1));

const ARG_SCAN: Case[] = [
  // rows of [[1,3,3],[5,5,0]]: ties -> first index
  { name: 'float32 axis 1, first on ties', op: 'argMax', attrs: { axis: 1 }, inputs: [f32([2, 3], [1, 3, 3, 5, 5, 0])], shape: [2], dtype: 'int32', expected: [1, 0] },
  { name: 'float32 long vector, first on ties', op: 'argMax', attrs: { axis: 0 }, inputs: [f32([100], TIES)], shape: [], dtype: 'int32', expected: [33] },
  { name: 'int32 negatives', op: 'argMax', attrs: { axis: 0 }, inputs: [i32([4], [-7, -5, -3, -5])], shape: [], dtype: 'int32', expected: [2] },
  { name: 'bool', op: 'argMax', attrs: { axis: 0 }, inputs: [bool([3], [0, 1, 1])], shape: [], dtype: 'int32', expected: [1] },
  // columns of [[2,1],[2,0]]: tie -> 0, 0 < 1 -> 1
  { name: 'float32 axis 0', op: 'argMin', attrs: { axis: 0 }, inputs: [f32([2, 2], [2, 1, 2, 0])], shape: [2], dtype: 'int32', expected: [0, 1] },
  { name: 'int32 exact beyond 2^24', op: 'argMin', attrs: { axis: 0 }, inputs: [i32([2], [16777217, 16777216])], shape: [], dtype: 'int32', expected: [1] },
  { name: 'float32', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [f32([4], [1, 2, 3, 4])], shape: [4], dtype: 'float32', expected: [1, 3, 6, 10] },
  // [2+3+4, 3+4, 4, 0]
  { name: 'exclusive reverse', op: 'cumsum', attrs: { axis: 0, exclusive: true, reverse: true }, inputs: [f32([4], [1, 2, 3, 4])], shape: [4], dtype: 'float32', expected: [9, 7, 4, 0] },
  // [[1,2],[1+3,2+4]]
  { name: 'int32 axis 0', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [i32([2, 2], [1, 2, 3, 4])], shape: [2, 2], dtype: 'int32', expected: [1, 2, 4, 6] },
  // wasm divides by zero on empty tensors
  { name: 'zero-size', op: 'cumsum', attrs: { axis: 1, exclusive: false, reverse: false }, inputs: [f32([0, 3], [])], shape: [0, 3], dtype: 'float32', expected: [] },
  { name: 'exclusive', op: 'cumprod', attrs: { axis: 0, exclusive: true, reverse: false }, inputs: [f32([4], [1, 2, 3, 4])], shape: [4], dtype: 'float32', expected: [1, 1, 2, 6] },
  // rows reversed: [2*3, 3], [5*6, 6]... of [[2,3],[5,6]] along axis 1
  { name: 'int32 axis 1 reverse', op: 'cumprod', attrs: { axis: 1, exclusive: false, reverse: true }, inputs: [i32([2, 2], [2, 3, 5, 6])], shape: [2, 2], dtype: 'int32', expected: [6, 3, 30, 6] },
];

const MISC: Case[] = [
  { name: 'float32', op: 'identity', inputs: [f32([2], [1.5, -2])], shape: [2], dtype: 'float32', expected: [1.5, -2] },
  { name: 'bool', op: 'identity', inputs: [bool([3], [1, 0, 1])], shape: [3], dtype: 'bool', expected: [1, 0, 1] },
  { name: 'float32 -> int32 truncates', op: 'cast', attrs: { dtype: 'int32' }, inputs: [f32([4], [2.7, -2.7, 0.5, -0.5])], shape: [4], dtype: 'int32', expected: [2, -2, 0, 0] },
  // wasm keeps the low byte: 0.5 -> 0, -2 -> 254
  { name: 'float32 -> bool is x != 0', op: 'cast', attrs: { dtype: 'bool' }, inputs: [f32([5], [0, 0.5, -2, NaN, -0])], shape: [5], dtype: 'bool', expected: [0, 1, 1, 1, 0] },
  { name: 'int32 -> bool is x != 0', op: 'cast', attrs: { dtype: 'bool' }, inputs: [i32([4], [0, 256, -2, 1])], shape: [4], dtype: 'bool', expected: [0, 1, 1, 1] },
  { name: 'bool -> float32', op: 'cast', attrs: { dtype: 'float32' }, inputs: [bool([2], [1, 0])], shape: [2], dtype: 'float32', expected: [1, 0] },
  { name: 'bool -> int32', op: 'cast', attrs: { dtype: 'int32' }, inputs: [bool([2], [0, 1])], shape: [2], dtype: 'int32', expected: [0, 1] },
  // 2^24 + 1 is a tie between 2^24 and 2^24 + 2 in float32: to even, 2^24
  { name: 'int32 -> float32 rounds', op: 'cast', attrs: { dtype: 'float32' }, inputs: [i32([2], [16777217, -3])], shape: [2], dtype: 'float32', expected: [16777216, -3] },
  { name: 'same dtype is a copy', op: 'cast', attrs: { dtype: 'float32' }, inputs: [f32([1], [4])], shape: [1], dtype: 'float32', expected: [4] },
  // cond [[1],[0]], a [5,6], b 7: row 0 from a, row 1 all 7
  { name: 'float32 broadcast', op: 'where', inputs: [bool([2, 1], [1, 0]), f32([2], [5, 6]), f32([], [7])], shape: [2, 2], dtype: 'float32', expected: [5, 6, 7, 7] },
  { name: 'int32 exact', op: 'where', inputs: [bool([2], [1, 0]), i32([2], [16777217, 1]), i32([2], [1, INT_MAX])], shape: [2], dtype: 'int32', expected: [16777217, INT_MAX] },
  // wasm's select copies 4 bytes per element: wrong or an abort for bool branches
  { name: 'bool branches', op: 'where', inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0]), bool([4], [0, 1, 1, 0])], shape: [4], dtype: 'bool', expected: [1, 1, 0, 0] },
  {
    name: 'bool branches, 60 elements',
    op: 'where',
    inputs: [bool([], [1]), bool([60], iota(60).map((i) => +(i % 3 === 0))), bool([60], new Array(60).fill(0))],
    shape: [60],
    dtype: 'bool',
    expected: iota(60).map((i) => +(i % 3 === 0)),
  },
  // a 1 stretches to 0 (tfjs kept the 1)
  { name: 'zero-size broadcast', op: 'where', inputs: [bool([1], [1]), f32([0], []), f32([1], [2])], shape: [0], dtype: 'float32', expected: [] },
];

// A = [[1,2,3],[4,5,6]], Bm = [[7,8],[9,10],[11,12]]: A @ Bm = [[58,64],[139,154]]
const AB = [58, 64, 139, 154];

const MATMUL: Case[] = [
  { name: '[2,3] @ [3,2]', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 3], M23), f32([3, 2], [7, 8, 9, 10, 11, 12])], shape: [2, 2], dtype: 'float32', expected: AB },
  { name: 'transposeA and transposeB', op: 'matMul', attrs: { transposeA: true, transposeB: true }, inputs: [f32([3, 2], [1, 4, 2, 5, 3, 6]), f32([2, 3], [7, 9, 11, 8, 10, 12])], shape: [2, 2], dtype: 'float32', expected: AB },
  // batch 0: [[1,2],[3,4]] @ [[1,0],[1,1]] = [[3,2],[7,4]]; batch 1: [[5,6],[7,8]] @ same = [[11,6],[15,8]]
  { name: 'b broadcast over the batch', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), f32([1, 2, 2], [1, 0, 1, 1])], shape: [2, 2, 2], dtype: 'float32', expected: [3, 2, 7, 4, 11, 6, 15, 8] },
  // wasm pairs batch i with batch i: a_0 = (1,2), a_1 = (3,4); b_0 = (1,1)^T, b_1 = (1,-1)^T, b_2 = (2,0)^T
  // out[i][j] = a_i . b_j: i=0: 3, -1, 2; i=1: 7, -1, 6
  { name: 'both sides broadcast', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 1, 1, 2], [1, 2, 3, 4]), f32([1, 3, 2, 1], [1, 1, 1, -1, 2, 0])], shape: [2, 3, 1, 1], dtype: 'float32', expected: [3, -1, 2, 7, -1, 6] },
  // wasm returned uninitialised memory
  { name: 'inner dimension 0 gives zeros', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 0], []), f32([0, 2], [])], shape: [2, 2], dtype: 'float32', expected: [0, 0, 0, 0] },
  // wasm threw
  { name: 'batch dimension 0', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([0, 2, 2], []), f32([1, 2, 2], [1, 2, 3, 4])], shape: [0, 2, 2], dtype: 'float32', expected: [] },
];

// X34 = [[0,1,2,3],[4,5,6,7],[8,9,10,11]]
const X34 = iota(12);
// [2,30] bools: row 0 has ones in columns 0..9, row 1 a single one in column 29
const ROWS = [...iota(30).map((j) => +(j < 10)), ...iota(30).map((j) => +(j === 29))];
// reversed along axis 1: row 0 has ones in columns 20..29, row 1 in column 0
const ROWS_REVERSED = [...iota(30).map((j) => +(j >= 20)), ...iota(30).map((j) => +(j === 0))];

const LAYOUT: Case[] = [
  { name: '[2,3] -> [3,-1]', op: 'reshape', attrs: { shape: [3, -1] }, inputs: [f32([2, 3], M23)], shape: [3, 2], dtype: 'float32', expected: M23 },
  { name: 'to a scalar', op: 'reshape', attrs: { shape: [] }, inputs: [i32([1, 1], [7])], shape: [], dtype: 'int32', expected: [7] },
  // [[0,1,2],[3,4,5]]^T
  { name: '2-D', op: 'transpose', attrs: { perm: [1, 0] }, inputs: [f32([2, 3], iota(6))], shape: [3, 2], dtype: 'float32', expected: [0, 3, 1, 4, 2, 5] },
  // x[i][j][k] = 4i + 2j + k, out[k][i][j] = x[i][j][k]
  { name: 'bool 3-D', op: 'transpose', attrs: { perm: [2, 0, 1] }, inputs: [bool([2, 2, 2], [1, 0, 0, 0, 0, 0, 1, 1])], shape: [2, 2, 2], dtype: 'bool', expected: [1, 0, 0, 1, 0, 0, 0, 1] },
  // wasm divides by zero
  { name: 'zero-size', op: 'transpose', attrs: { perm: [2, 0, 1] }, inputs: [f32([0, 2, 3], [])], shape: [3, 0, 2], dtype: 'float32', expected: [] },
  { name: 'size -1', op: 'slice', attrs: { begin: [1, 1], size: [-1, 2] }, inputs: [f32([3, 4], X34)], shape: [2, 2], dtype: 'float32', expected: [5, 6, 9, 10] },
  { name: 'bool', op: 'slice', attrs: { begin: [1], size: [2] }, inputs: [bool([4], [1, 0, 1, 1])], shape: [2], dtype: 'bool', expected: [0, 1] },
  { name: 'size 0', op: 'slice', attrs: { begin: [1, 0], size: [0, 4] }, inputs: [f32([3, 4], X34)], shape: [0, 4], dtype: 'float32', expected: [] },
  // [[1],[2]] | [[3,4],[5,6]]
  { name: 'axis 1', op: 'concat', attrs: { axis: 1 }, inputs: [i32([2, 1], [1, 2]), i32([2, 2], [3, 4, 5, 6])], shape: [2, 3], dtype: 'int32', expected: [1, 3, 4, 2, 5, 6] },
  { name: 'with empty pieces', op: 'concat', attrs: { axis: 0 }, inputs: [f32([0, 2], []), f32([1, 2], [1, 2]), f32([0, 2], [])], shape: [1, 2], dtype: 'float32', expected: [1, 2] },
  { name: 'bool', op: 'concat', attrs: { axis: 0 }, inputs: [bool([1], [1]), bool([2], [0, 1])], shape: [3], dtype: 'bool', expected: [1, 0, 1] },
  // [[1,2],[3,4],[5,6]] cut by parts of 2 rows and 1 row: the second part is the last row
  { name: 'at 0 and 2', op: 'expandDims', attrs: { axes: [0, 2] }, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6])], shape: [1, 2, 1, 3], dtype: 'float32', expected: [1, 2, 3, 4, 5, 6] },
  { name: 'like a 3x2', op: 'reshapeLike', attrs: {}, inputs: [i32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3, 2], [0, 0, 0, 0, 0, 0])], shape: [3, 2], dtype: 'int32', expected: [1, 2, 3, 4, 5, 6] },
  // g summed over the axes where like has length 1: [[1,2,3],[4,5,6]] -> [[6],[15]]
  { name: 'like [2, 1]', op: 'sumLike', attrs: {}, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([2, 1], [0, 0])], shape: [2, 1], dtype: 'float32', expected: [6, 15] },
  // the run-time shape, as int32
  { name: 'of a matrix', op: 'shapeOf', attrs: {}, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6])], shape: [2], dtype: 'int32', expected: [2, 3] },
  { name: 'second part', op: 'concatPart', attrs: { axis: 0, index: 1 }, inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), f32([2, 2], [0, 0, 0, 0]), f32([1, 2], [0, 0])], shape: [1, 2], dtype: 'float32', expected: [5, 6] },
  // [[1,2]] with a row before and a column after
  { name: 'float32', op: 'pad', attrs: { pads: [[1, 0], [0, 1]], value: 9 }, inputs: [f32([1, 2], [1, 2])], shape: [2, 3], dtype: 'float32', expected: [9, 9, 9, 1, 2, 9] },
  // wasm's pad caches its operator by value: a NaN fill corrupts later pads
  { name: 'NaN fill', op: 'pad', attrs: { pads: [[1, 1]], value: NaN }, inputs: [f32([1], [1])], shape: [3], dtype: 'float32', expected: [NaN, 1, NaN] },
  { name: '-inf fill after a NaN fill', op: 'pad', attrs: { pads: [[1, 1]], value: -Infinity }, inputs: [f32([1], [1])], shape: [3], dtype: 'float32', expected: [-Infinity, 1, -Infinity] },
  { name: '5 after a NaN fill', op: 'pad', attrs: { pads: [[0, 2]], value: 5 }, inputs: [f32([1], [1])], shape: [3], dtype: 'float32', expected: [1, 5, 5] },
  // wasm passes the fill as float32: 2^31-1 became -2^31
  { name: 'int32 large fill', op: 'pad', attrs: { pads: [[1, 1]], value: INT_MAX }, inputs: [i32([1], [3])], shape: [3], dtype: 'int32', expected: [INT_MAX, 3, INT_MAX] },
  { name: 'bool', op: 'pad', attrs: { pads: [[0, 2]], value: 1 }, inputs: [bool([2], [0, 1])], shape: [4], dtype: 'bool', expected: [0, 1, 1, 1] },
  // tfjs refuses pad of a scalar
  { name: 'scalar', op: 'pad', attrs: { pads: [], value: 0 }, inputs: [f32([], [4])], shape: [], dtype: 'float32', expected: [4] },
  { name: '[2,2] reps [2,1]', op: 'tile', attrs: { reps: [2, 1] }, inputs: [i32([2, 2], [1, 2, 3, 4])], shape: [4, 2], dtype: 'int32', expected: [1, 2, 3, 4, 1, 2, 3, 4] },
  { name: 'bool', op: 'tile', attrs: { reps: [3] }, inputs: [bool([2], [1, 0])], shape: [6], dtype: 'bool', expected: [1, 0, 1, 0, 1, 0] },
  // [[1,2],[3,4]]: rows [1,2,1,2,1,2], [3,4,3,4,3,4], then both again
  {
    name: 'float32 reps [2,3]',
    op: 'tile',
    attrs: { reps: [2, 3] },
    inputs: [f32([2, 2], [1, 2, 3, 4])],
    shape: [4, 6],
    dtype: 'float32',
    expected: [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4],
  },
  { name: 'rep 0', op: 'tile', attrs: { reps: [0, 1] }, inputs: [f32([2, 2], [1, 2, 3, 4])], shape: [0, 2], dtype: 'float32', expected: [] },
  { name: 'axis 1', op: 'reverse', attrs: { axes: [1] }, inputs: [f32([2, 3], iota(6))], shape: [2, 3], dtype: 'float32', expected: [2, 1, 0, 5, 4, 3] },
  { name: 'int32 axes [0, 1]', op: 'reverse', attrs: { axes: [0, 1] }, inputs: [i32([2, 3], iota(6))], shape: [2, 3], dtype: 'int32', expected: [5, 4, 3, 2, 1, 0] },
  // wasm's reverse reads 4 bytes per bool: garbage, or a wasm abort that kills the engine
  { name: 'bool, 60 elements', op: 'reverse', attrs: { axes: [1] }, inputs: [bool([2, 30], ROWS)], shape: [2, 30], dtype: 'bool', expected: ROWS_REVERSED },
  { name: 'no axes', op: 'reverse', attrs: { axes: [] }, inputs: [f32([2], [1, 2])], shape: [2], dtype: 'float32', expected: [1, 2] },
  { name: '[3] -> [2,3]', op: 'broadcastTo', attrs: { shape: [2, 3] }, inputs: [f32([3], [1, 2, 3])], shape: [2, 3], dtype: 'float32', expected: [1, 2, 3, 1, 2, 3] },
  { name: 'bool scalar', op: 'broadcastTo', attrs: { shape: [2, 2] }, inputs: [bool([], [1])], shape: [2, 2], dtype: 'bool', expected: [1, 1, 1, 1] },
  // x = [[[1,2,3]],[[4,5,6]]]: each row repeated 4 times along the middle axis
  {
    name: 'middle axis [2,1,3] -> [2,4,3]',
    op: 'broadcastTo',
    attrs: { shape: [2, 4, 3] },
    inputs: [f32([2, 1, 3], [1, 2, 3, 4, 5, 6])],
    shape: [2, 4, 3],
    dtype: 'float32',
    expected: [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6],
  },
  // out[a][i][j] = x[i]: [[1,1,1],[2,2,2]] twice
  { name: 'int32 [2,1] -> [2,2,3]', op: 'broadcastTo', attrs: { shape: [2, 2, 3] }, inputs: [i32([2, 1], [1, 2])], shape: [2, 2, 3], dtype: 'int32', expected: [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2] },
  // a 1 stretches to 0 (tfjs kept the 1)
  { name: '[1,2] -> [0,2]', op: 'broadcastTo', attrs: { shape: [0, 2] }, inputs: [f32([1, 2], [1, 2])], shape: [0, 2], dtype: 'float32', expected: [] },
  { name: '[2,1] like a bool [2,3]', op: 'broadcastLike', inputs: [i32([2, 1], [1, 2]), bool([2, 3], [0, 0, 0, 0, 0, 0])], shape: [2, 3], dtype: 'int32', expected: [1, 1, 1, 2, 2, 2] },
];

const INDEXING: Case[] = [
  // x = [[1,2],[3,4],[5,6]]; indices [[2,0],[1,2]] -> [[x2,x0],[x1,x2]]
  { name: 'axis 0, 2-D indices', op: 'gather', attrs: { axis: 0 }, inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([2, 2], [2, 0, 1, 2])], shape: [2, 2, 2], dtype: 'float32', expected: [5, 6, 1, 2, 3, 4, 5, 6] },
  // columns 2, 0 of [[1,2,3],[4,5,6]]
  { name: 'int32 axis 1', op: 'gather', attrs: { axis: 1 }, inputs: [i32([2, 3], M23), i32([2], [2, 0])], shape: [2, 2], dtype: 'int32', expected: [3, 1, 6, 4] },
  { name: 'bool, scalar index', op: 'gather', attrs: { axis: 0 }, inputs: [bool([3], [1, 0, 1]), i32([], [1])], shape: [], dtype: 'bool', expected: [0] },
  // x = [[1,0,0],[0,1,1]], indices [[2,2],[0,1]]: out[p] = [[x[p][2], x[p][2]], [x[p][0], x[p][1]]]
  { name: 'bool axis 1, 2-D indices', op: 'gather', attrs: { axis: 1 }, inputs: [bool([2, 3], [1, 0, 0, 0, 1, 1]), i32([2, 2], [2, 2, 0, 1])], shape: [2, 2, 2], dtype: 'bool', expected: [0, 0, 1, 0, 1, 1, 0, 1] },
  { name: 'empty indices', op: 'gather', attrs: { axis: 1 }, inputs: [f32([2, 2], [1, 2, 3, 4]), i32([0], [])], shape: [2, 0], dtype: 'float32', expected: [] },
  // out[0] = 1 + 3, out[1] = 0, out[2] = 2 + 4
  { name: 'repeated indices', op: 'scatterAdd', attrs: { axis: 0, size: 3 }, inputs: [f32([4], [1, 2, 3, 4]), i32([4], [0, 2, 0, 2])], shape: [3], dtype: 'float32', expected: [4, 0, 6] },
  // updates[p][j][q] with p=0: [[1,2],[3,4],[5,6]], p=1: [[10,20],[30,40],[50,60]]; indices [0,2,0]
  // out[0] = [[1+5, 2+6], [0,0], [3,4]], out[1] = [[10+50, 20+60], [0,0], [30,40]]
  { name: 'axis 1 with a trailing axis', op: 'scatterAdd', attrs: { axis: 1, size: 3 }, inputs: [f32([2, 3, 2], [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]), i32([3], [0, 2, 0])], shape: [2, 3, 2], dtype: 'float32', expected: [6, 8, 0, 0, 3, 4, 60, 80, 0, 0, 30, 40] },
  // positions (0,0) [1,2], (0,1) [3,4], (1,0) [5,6], (1,1) [7,8]; indices [[0,1],[1,1]]
  // out[0] = [1,2], out[1] = [3+5+7, 4+6+8], out[2] = [0,0]
  { name: 'int32, 2-D indices', op: 'scatterAdd', attrs: { axis: 0, size: 3 }, inputs: [i32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), i32([2, 2], [0, 1, 1, 1])], shape: [3, 2], dtype: 'int32', expected: [1, 2, 15, 18, 0, 0] },
  { name: 'no updates gives zeros', op: 'scatterAdd', attrs: { axis: 1, size: 2 }, inputs: [f32([2, 0], []), i32([0], [])], shape: [2, 2], dtype: 'float32', expected: [0, 0, 0, 0] },
];

const ALL: Case[] = [...UNARY, ...BINARY, ...REDUCE, ...ARG_SCAN, ...MISC, ...MATMUL, ...LAYOUT, ...INDEXING];

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

describe('tfjs backend: the object', () => {
  test('name, dtypes, a kernel for every primitive', () => {
    expect(B.name).toBe('tfjs');
    expect([...B.dtypes].sort()).toEqual(['bool', 'float32', 'int32']);
    expect(PRIMITIVES.filter((p) => typeof B.kernels[p] !== 'function')).toEqual([]);
    expect(tf.getBackend()).toBe('wasm');
  });

  test('init may be called again', async () => {
    await B.init?.();
    await createTfjsBackend().init?.();
    expect(tf.getBackend()).toBe('wasm');
  });

  test('every primitive has a case here', () => {
    const covered = new Set(ALL.map((c) => c.op));
    expect(PRIMITIVES.filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe('tfjs backend: host conversion', () => {
  test('fromHost / toHost / shapeOf for each dtype', () => {
    const a = B.fromHost(new Float32Array([1.5, -2, 3, 4, 5, 6]), [2, 3], 'float32');
    const b = B.fromHost(new Int32Array([INT_MAX, INT_MIN]), [2], 'int32');
    const c = B.fromHost(new Uint8Array([1, 0, 1]), [3, 1], 'bool');
    const d = B.fromHost(new Float32Array([7]), [], 'float32');
    const e = B.fromHost(new Float32Array([]), [0, 4], 'float32');
    try {
      expect(B.shapeOf(a)).toEqual([2, 3]);
      expect(B.shapeOf(d)).toEqual([]);
      expect(B.shapeOf(e)).toEqual([0, 4]);
      const ha = B.toHost(a);
      const hb = B.toHost(b);
      const hc = B.toHost(c);
      expect(ha).toBeInstanceOf(Float32Array);
      expect(hb).toBeInstanceOf(Int32Array);
      expect(hc).toBeInstanceOf(Uint8Array);
      expect([...ha]).toEqual([1.5, -2, 3, 4, 5, 6]);
      expect([...hb]).toEqual([INT_MAX, INT_MIN]);
      expect([...hc]).toEqual([1, 0, 1]);
      expect([...B.toHost(d)]).toEqual([7]);
      expect(B.toHost(e).length).toBe(0);
      // toHost gives a fresh array: writing to it does not change the tensor
      ha[0] = 100;
      expect(B.toHost(a)[0]).toBe(1.5);
    } finally {
      [a, b, c, d, e].forEach((t) => B.dispose(t));
    }
  });

  test('fromHost copies: the host array may be reused', () => {
    const data = new Float32Array([1, 2]);
    const a = B.fromHost(data, [2], 'float32');
    data[0] = 50;
    expect([...B.toHost(a)]).toEqual([1, 2]);
    B.dispose(a);
  });

  test('dispose twice is harmless', () => {
    const before = tf.memory().numTensors;
    const a = B.fromHost(new Float32Array([1]), [1], 'float32');
    B.dispose(a);
    B.dispose(a);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('unsupported dtypes are refused', () => {
    expect(() => B.fromHost(new Float64Array([1]), [1], 'float64')).toThrow(/float64/);
  });
});

describe.each([
  ['unary', UNARY],
  ['binary', BINARY],
  ['reductions', REDUCE],
  ['arg reductions and scans', ARG_SCAN],
  ['identity, cast, where', MISC],
  ['matMul', MATMUL],
  ['layout', LAYOUT],
  ['gather, scatterAdd', INDEXING],
])('tfjs kernels: %s', (_group, cases) => {
  test.each(cases.map((c) => [`${c.op}: ${c.name}`, c] as const))('%s', (_name, c) => check(c));
});

describe('tfjs kernels: ownership and errors', () => {
  test('disposing the result of identity leaves the input alive', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const y = B.kernels.identity([x], {}, { dtype: 'float32', shape: [2] });
    B.dispose(y);
    expect([...B.toHost(x)]).toEqual([1, 2]);
    B.dispose(x);
  });

  test('gather with an index out of range throws and leaks nothing', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const i = B.fromHost(new Int32Array([0, 2]), [2], 'int32');
    const before = tf.memory().numTensors;
    expect(() => B.kernels.gather([x, i], { axis: 0 }, { dtype: 'float32', shape: [2] })).toThrow(/out of range/);
    expect(tf.memory().numTensors).toBe(before);
    B.dispose(x);
    B.dispose(i);
  });

  test('argMax over an empty axis throws', () => {
    const x = B.fromHost(new Float32Array([]), [2, 0], 'float32');
    expect(() => B.kernels.argMax([x], { axis: 1 }, { dtype: 'int32', shape: [2] })).toThrow(/the reduced axis is empty/);
    B.dispose(x);
  });
});

describe('tfjs backend: variables', () => {
  test('createVariable takes ownership; assign updates in place', () => {
    const before = tf.memory().numTensors;
    const init = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const v = B.createVariable!(init);
    expect(v).toBeInstanceOf(tf.Variable);
    expect((v as tf.Variable).trainable).toBe(false);
    expect(init.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect([...B.toHost(v)]).toEqual([1, 2]);

    const value = B.fromHost(new Float32Array([3, 4]), [2], 'float32');
    const kept = B.assign!(v, value);
    expect(kept).toBe(v);
    expect(value.isDisposed).toBe(true);
    expect([...B.toHost(v)]).toEqual([3, 4]);
    expect(tf.memory().numTensors).toBe(before + 1);

    // Another shape: a new handle, the old one disposed.
    const other = B.fromHost(new Float32Array([5, 6, 7]), [3], 'float32');
    const next = B.assign!(v, other);
    expect(next).not.toBe(v);
    expect(v.isDisposed).toBe(true);
    expect([...B.toHost(next)]).toEqual([5, 6, 7]);
    expect(tf.memory().numTensors).toBe(before + 1);
    B.dispose(next);
    B.dispose(next);
    expect(tf.memory().numTensors).toBe(before);
  });
});

/* ------------------------------------------------------------------------ */
/* compile                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * y = x @ w; w <- w - lr * (x^T @ y), with lr a constant 0.1.
 * Nodes: 0 x [null,3], 1 w [3,2], 2 y = matMul(x, w), 3 lr, 4 g = matMul(x, y, transposeA),
 * 5 lr * g, 6 w - lr * g. Outputs y, y (twice), lr (a constant), x (a feed).
 */
function sgdGraph(lr: T): Graph<T> {
  const nodes: GraphNode<T>[] = [
    { kind: 'input', shape: [null, 3], dtype: 'float32', name: 'x' },
    { kind: 'variable', shape: [3, 2], dtype: 'float32', name: 'w' },
    { kind: 'op', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [0, 1], shape: [null, 2], dtype: 'float32' },
    { kind: 'constant', shape: [], dtype: 'float32', value: lr },
    { kind: 'op', op: 'matMul', attrs: { transposeA: true, transposeB: false }, inputs: [0, 2], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'mul', attrs: {}, inputs: [3, 4], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'sub', attrs: {}, inputs: [1, 5], shape: [3, 2], dtype: 'float32' },
  ];
  return { nodes, inputs: [0], variables: [1], outputs: [2, 2, 3, 0], updates: [{ variable: 0, value: 6 }] };
}

describe('tfjs backend: compile', () => {
  // x = [[1,0,1],[0,1,0]], w = [[1,2],[3,4],[5,6]]
  // y = x @ w = [[1+5, 2+6], [3, 4]] = [[6,8],[3,4]]
  // x^T @ y = [[6,8],[3,4],[6,8]] (rows y0, y1, y0); 0.1 * that = [[0.6,0.8],[0.3,0.4],[0.6,0.8]]
  // w' = [[0.4,1.2],[2.7,3.6],[4.4,5.2]]; then y' = x @ w' = [[0.4+4.4, 1.2+5.2], [2.7, 3.6]] = [[4.8,6.4],[2.7,3.6]]
  test('runs a hand-built graph; results are owned by the caller; nothing else remains', () => {
    const x = B.fromHost(new Float32Array([1, 0, 1, 0, 1, 0]), [2, 3], 'float32');
    let w = B.createVariable!(B.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2], 'float32'));
    const lr = B.fromHost(new Float32Array([0.1]), [], 'float32');
    const compiled = B.compile!(sgdGraph(lr));
    const before = tf.memory().numTensors;

    const r = compiled.run([x], [w]);
    // 4 outputs + 1 update, nothing else
    expect(tf.memory().numTensors).toBe(before + 5);
    expect(r.outputs).toHaveLength(4);
    expect(r.updates).toHaveLength(1);
    expect(new Set([...r.outputs, ...r.updates]).size).toBe(5);
    expect(mismatch(B.toHost(r.outputs[0]), [6, 8, 3, 4], 0)).toBe('');
    expect(mismatch(B.toHost(r.outputs[1]), [6, 8, 3, 4], 0)).toBe('');
    expect(mismatch(B.toHost(r.outputs[2]), [0.1], 1e-7)).toBe('');
    expect(mismatch(B.toHost(r.outputs[3]), [1, 0, 1, 0, 1, 0], 0)).toBe('');
    expect(mismatch(B.toHost(r.updates[0]), [0.4, 1.2, 2.7, 3.6, 4.4, 5.2], 1e-6)).toBe('');
    // The variable is not changed by run: only assign changes it.
    expect([...B.toHost(w)]).toEqual([1, 2, 3, 4, 5, 6]);
    r.outputs.forEach((t) => B.dispose(t));
    w = B.assign!(w, r.updates[0]);
    expect(tf.memory().numTensors).toBe(before);
    // Feeds and constants survive the run.
    expect(x.isDisposed).toBe(false);
    expect(lr.isDisposed).toBe(false);

    const r2 = compiled.run([x], [w]);
    expect(mismatch(B.toHost(r2.outputs[0]), [4.8, 6.4, 2.7, 3.6], 1e-6)).toBe('');
    [...r2.outputs, ...r2.updates].forEach((t) => B.dispose(t));
    expect(tf.memory().numTensors).toBe(before);
    compiled.dispose?.();
    [x, w, lr].forEach((t) => B.dispose(t));
  });

  test('a failing kernel leaves nothing behind', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const graph: Graph<T> = {
      nodes: [
        { kind: 'input', shape: [2], dtype: 'float32', name: 'x' },
        { kind: 'op', op: 'exp', attrs: {}, inputs: [0], shape: [2], dtype: 'float32' },
        // argMax over a length-0 axis throws
        { kind: 'op', op: 'slice', attrs: { begin: [0], size: [0] }, inputs: [1], shape: [0], dtype: 'float32' },
        { kind: 'op', op: 'argMax', attrs: { axis: 0 }, inputs: [2], shape: [], dtype: 'int32' },
      ],
      inputs: [0],
      variables: [],
      outputs: [3],
      updates: [],
    };
    const compiled = B.compile!(graph);
    const before = tf.memory().numTensors;
    expect(() => compiled.run([x], [])).toThrow(/the reduced axis is empty/);
    expect(tf.memory().numTensors).toBe(before);
    B.dispose(x);
  });

  // w <- w - 0.1 x^T x w contracts along x^T x's eigenvalues 1 and 2 (factors 0.9, 0.8) and keeps
  // w's part in the null space of x^T x = [[1,0,1],[0,1,0],[1,0,1]], spanned by (1,0,-1)/sqrt 2.
  // The limit is P w with P = 1/2 [[1,0,-1],[0,0,0],[-1,0,1]]:
  // P w = 1/2 [[1-5, 2-6], [0,0], [-1+5, -2+6]] = [[-2,-2],[0,0],[2,2]], and y = x @ P w = 0.
  test('memory: 1,000 runs with an update assigned each time leave the tensor count unchanged', () => {
    const x = B.fromHost(new Float32Array([1, 0, 1, 0, 1, 0]), [2, 3], 'float32');
    let w = B.createVariable!(B.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2], 'float32'));
    const lr = B.fromHost(new Float32Array([0.1]), [], 'float32');
    const compiled = B.compile!(sgdGraph(lr));
    const before = tf.memory();
    let last: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = compiled.run([x], [w]);
      if (i === 999) last = [...B.toHost(r.outputs[0])];
      r.outputs.forEach((t) => B.dispose(t));
      w = B.assign!(w, r.updates[0]);
    }
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    expect(mismatch(B.toHost(w), [-2, -2, 0, 0, 2, 2], 1e-4)).toBe('');
    expect(mismatch(last, [0, 0, 0, 0], 1e-4)).toBe('');
    [x, w, lr].forEach((t) => B.dispose(t));
  });
});
