/**
 * The shared primitive table: small inputs, the attributes, and the expected
 * output of every primitive, shared by all backends (see primitives.test.ts).
 *
 * Every expected value is worked out by hand (the working is written next to
 * the case) from the semantics documented in src/backends/types.ts; none comes
 * from running a backend. Float inputs are chosen to be exact in float32 where
 * the result is exact. Bool data is written 0/1.
 *
 * Comparison (primitives.test.ts): exact for int32/bool; for floats
 * |got - expected| <= tol * max(1, |expected|) with tol = 1e-6 unless the case
 * sets `tol`; NaN matches NaN, +-Infinity must match exactly.
 */
import type { Application, DType } from '../../src/backends/types';

/** One input of a case: row-major data, shape, dtype (bool as 0/1). */
export interface CaseInput {
  data: number[];
  shape: number[];
  dtype: DType;
}

/**
 * One row of the table: a primitive applied to `inputs` with `attrs`, typed as the
 * applications in a graph are (so `op` fixes the type of `attrs`), and its output.
 */
export type PrimitiveCase = Application<CaseInput> & {
  readonly name: string;
  readonly outDtype: DType;
  readonly outShape: number[];
  readonly expected: number[];
  readonly tol?: number;
};

const f32 = (shape: number[], data: number[]): CaseInput => ({ data, shape, dtype: 'float32' });
const f64 = (shape: number[], data: number[]): CaseInput => ({ data, shape, dtype: 'float64' });
const i32 = (shape: number[], data: number[]): CaseInput => ({ data, shape, dtype: 'int32' });
const bool = (shape: number[], data: number[]): CaseInput => ({ data, shape, dtype: 'bool' });

/** 0, 1, ..., n-1. */
const iota = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const E = 2.718281828459045; // e
const NO_ATTRS = {};

/* ------------------------------------------------------------------------ */
/* Unary                                                                    */
/* ------------------------------------------------------------------------ */

const UNARY_CASES: PrimitiveCase[] = [
  {
    name: 'float32 neg',
    op: 'neg',
    attrs: NO_ATTRS,
    inputs: [f32([2, 2], [1, -2, 0, 3.5])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [-1, 2, -0, -3.5],
  },
  {
    name: 'int32 neg',
    op: 'neg',
    attrs: NO_ATTRS,
    inputs: [i32([3], [1, -2, 0])],
    outDtype: 'int32',
    outShape: [3],
    expected: [-1, 2, 0],
  },
  {
    name: 'float32 abs',
    op: 'abs',
    attrs: NO_ATTRS,
    inputs: [f32([3], [-1.5, 0, 2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [1.5, 0, 2],
  },
  {
    name: 'int32 abs',
    op: 'abs',
    attrs: NO_ATTRS,
    inputs: [i32([3], [-3, 4, 0])],
    outDtype: 'int32',
    outShape: [3],
    expected: [3, 4, 0],
  },
  {
    name: 'float32 sign, sign(0) = 0',
    op: 'sign',
    attrs: NO_ATTRS,
    inputs: [f32([4], [-2, 0, 3.5, -0.25])],
    outDtype: 'float32',
    outShape: [4],
    expected: [-1, 0, 1, -1],
  },
  {
    name: 'int32 sign',
    op: 'sign',
    attrs: NO_ATTRS,
    inputs: [i32([3], [-5, 0, 7])],
    outDtype: 'int32',
    outShape: [3],
    expected: [-1, 0, 1],
  },
  {
    name: 'float32 sqrt of perfect squares',
    op: 'sqrt',
    attrs: NO_ATTRS,
    inputs: [f32([4], [0, 1, 4, 2.25])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0, 1, 2, 1.5],
  },
  {
    // e^0 = 1, e^1 = e, e^-1 = 1/e = 0.36787944117144233, e^2 = 7.38905609893065
    name: 'float32 exp',
    op: 'exp',
    attrs: NO_ATTRS,
    inputs: [f32([4], [0, 1, -1, 2])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, E, 0.36787944117144233, 7.38905609893065],
  },
  {
    name: 'float64 exp',
    op: 'exp',
    attrs: NO_ATTRS,
    inputs: [f64([2], [1, -1])],
    outDtype: 'float64',
    outShape: [2],
    expected: [E, 0.36787944117144233],
    tol: 1e-12,
  },
  {
    // ln 1 = 0, ln e = 1, ln 0.5 = -ln 2 = -0.6931471805599453, ln 0 = -inf
    name: 'float32 log',
    op: 'log',
    attrs: NO_ATTRS,
    inputs: [f32([4], [1, E, 0.5, 0])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0, 1, -0.6931471805599453, -Infinity],
  },
  {
    // tanh 1 = (e - 1/e)/(e + 1/e) = 0.7615941559557649; tanh(-2) = -0.9640275800758169
    name: 'float32 tanh',
    op: 'tanh',
    attrs: NO_ATTRS,
    inputs: [f32([3], [0, 1, -2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [0, 0.7615941559557649, -0.9640275800758169],
  },
  {
    // sigmoid(2) = 1/(1 + e^-2) = 1/1.1353352832366127 = 0.8807970779778823; sigmoid(-2) = 1 - that
    name: 'float32 sigmoid',
    op: 'sigmoid',
    attrs: NO_ATTRS,
    inputs: [f32([3], [0, 2, -2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [0.5, 0.8807970779778823, 0.11920292202211755],
  },
  {
    // No overflow to NaN: sigmoid(+-1000) = 1 / 0 (e^-1000 underflows); sigmoid(-100) = e^-100 ~ 3.7e-44
    name: 'float32 sigmoid of large |x|',
    op: 'sigmoid',
    attrs: NO_ATTRS,
    inputs: [f32([4], [100, -100, 1000, -1000])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, 3.720075976020836e-44, 1, 0],
  },
  {
    name: 'float32 relu',
    op: 'relu',
    attrs: NO_ATTRS,
    inputs: [f32([4], [-1, 0, 2.5, -0.5])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0, 0, 2.5, 0],
  },
  {
    name: 'int32 relu',
    op: 'relu',
    attrs: NO_ATTRS,
    inputs: [i32([3], [-2, 0, 3])],
    outDtype: 'int32',
    outShape: [3],
    expected: [0, 0, 3],
  },
  {
    // sin 0 = 0, sin(pi/2) = 1, sin(pi/6) = 0.5, sin(-pi/2) = -1
    name: 'float64 sin',
    op: 'sin',
    attrs: NO_ATTRS,
    inputs: [f64([4], [0, Math.PI / 2, Math.PI / 6, -Math.PI / 2])],
    outDtype: 'float64',
    outShape: [4],
    expected: [0, 1, 0.5, -1],
    tol: 1e-12,
  },
  {
    name: 'float32 sin',
    op: 'sin',
    attrs: NO_ATTRS,
    inputs: [f32([3], [0, Math.PI / 2, -Math.PI / 2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [0, 1, -1],
  },
  {
    // cos 0 = 1, cos pi = -1, cos(pi/3) = 0.5
    name: 'float32 cos',
    op: 'cos',
    attrs: NO_ATTRS,
    inputs: [f32([3], [0, Math.PI, Math.PI / 3])],
    outDtype: 'float32',
    outShape: [3],
    expected: [1, -1, 0.5],
  },
  {
    name: 'float32 round, half to even',
    op: 'round',
    attrs: NO_ATTRS,
    inputs: [f32([9], [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.4, -2.6, 3.7])],
    outDtype: 'float32',
    outShape: [9],
    expected: [0, 2, 2, -0, -2, -2, 0, -3, 4],
  },
  {
    name: 'float64 round, half to even',
    op: 'round',
    attrs: NO_ATTRS,
    inputs: [f64([4], [0.5, 1.5, 2.5, -3.5])],
    outDtype: 'float64',
    outShape: [4],
    expected: [0, 2, 2, -4],
  },
  {
    name: 'float32 floor',
    op: 'floor',
    attrs: NO_ATTRS,
    inputs: [f32([4], [1.5, -1.5, 2, -0.25])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, -2, 2, -1],
  },
  {
    name: 'float32 ceil',
    op: 'ceil',
    attrs: NO_ATTRS,
    inputs: [f32([4], [1.5, -1.5, 2, -0.25])],
    outDtype: 'float32',
    outShape: [4],
    expected: [2, -1, 2, -0],
  },
  {
    name: 'bool logicalNot',
    op: 'logicalNot',
    attrs: NO_ATTRS,
    inputs: [bool([2, 2], [1, 0, 0, 1])],
    outDtype: 'bool',
    outShape: [2, 2],
    expected: [0, 1, 1, 0],
  },
];

/* ------------------------------------------------------------------------ */
/* Binary                                                                   */
/* ------------------------------------------------------------------------ */

const BINARY_CASES: PrimitiveCase[] = [
  {
    name: 'float32 add, same shape',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([2, 2], [1, 2, 3, 4]), f32([2, 2], [10, 20, 30, 40])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [11, 22, 33, 44],
  },
  {
    // [[1,2,3],[4,5,6]] + [10,20,30] row by row
    name: 'float32 add, [2,3] + [3]',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3], [10, 20, 30])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [11, 22, 33, 14, 25, 36],
  },
  {
    // out[i][j] = a[i] + b[j]: [[1+10, 1+20, 1+30], [2+10, 2+20, 2+30]]
    name: 'float32 add, [2,1] + [1,3] (both stretch)',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([2, 1], [1, 2]), f32([1, 3], [10, 20, 30])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [11, 21, 31, 12, 22, 32],
  },
  {
    name: 'float32 add, scalar + [2,2] (scalar first)',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([], [100]), f32([2, 2], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [101, 102, 103, 104],
  },
  {
    // out[i][j][k] = a[i][0][k] + b[j][0]; a = [[[1,2,3]],[[4,5,6]]], b = [[10],[20]]
    name: 'float32 add, [2,1,3] + [2,1] (rank broadcast)',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([2, 1, 3], [1, 2, 3, 4, 5, 6]), f32([2, 1], [10, 20])],
    outDtype: 'float32',
    outShape: [2, 2, 3],
    expected: [11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26],
  },
  {
    name: 'float32 add, [0,3] + [3] (empty)',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f32([0, 3], []), f32([3], [1, 2, 3])],
    outDtype: 'float32',
    outShape: [0, 3],
    expected: [],
  },
  {
    name: 'int32 add, [3] + scalar',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [i32([3], [1, -2, 3]), i32([], [5])],
    outDtype: 'int32',
    outShape: [3],
    expected: [6, 3, 8],
  },
  {
    name: 'float64 add',
    op: 'add',
    attrs: NO_ATTRS,
    inputs: [f64([2], [0.1, 1e-20]), f64([2], [0.2, 1])],
    outDtype: 'float64',
    outShape: [2],
    expected: [0.30000000000000004, 1],
    tol: 1e-15,
  },
  {
    // [5,3] - [[1],[2]] = [[5-1, 3-1], [5-2, 3-2]]
    name: 'float32 sub, [2] - [2,1]',
    op: 'sub',
    attrs: NO_ATTRS,
    inputs: [f32([2], [5, 3]), f32([2, 1], [1, 2])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [4, 2, 3, 1],
  },
  {
    name: 'int32 sub',
    op: 'sub',
    attrs: NO_ATTRS,
    inputs: [i32([3], [1, 0, -4]), i32([3], [3, -7, -4])],
    outDtype: 'int32',
    outShape: [3],
    expected: [-2, 7, 0],
  },
  {
    name: 'int32 mul',
    op: 'mul',
    attrs: NO_ATTRS,
    inputs: [i32([3], [2, 3, -4]), i32([3], [4, -5, 6])],
    outDtype: 'int32',
    outShape: [3],
    expected: [8, -15, -24],
  },
  {
    name: 'float32 mul by a scalar',
    op: 'mul',
    attrs: NO_ATTRS,
    inputs: [f32([2, 2], [1, 2, -3, 4]), f32([], [0.5])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [0.5, 1, -1.5, 2],
  },
  {
    // 1/3 = 0.3333333333333333
    name: 'float32 div',
    op: 'div',
    attrs: NO_ATTRS,
    inputs: [f32([4], [1, 2, -3, 1]), f32([4], [2, 4, 0.5, 3])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0.5, 0.5, -6, 0.3333333333333333],
  },
  {
    name: 'float32 div by zero: inf, -inf, NaN',
    op: 'div',
    attrs: NO_ATTRS,
    inputs: [f32([3], [1, -1, 0]), f32([], [0])],
    outDtype: 'float32',
    outShape: [3],
    expected: [Infinity, -Infinity, NaN],
  },
  {
    name: 'float64 div',
    op: 'div',
    attrs: NO_ATTRS,
    inputs: [f64([2], [1, 2]), f64([2], [3, 8])],
    outDtype: 'float64',
    outShape: [2],
    expected: [0.3333333333333333, 0.25],
    tol: 1e-15,
  },
  {
    // 2^3 = 8, 4^0.5 = 2, 9^0.5 = 3, 3^0 = 1
    name: 'float32 pow',
    op: 'pow',
    attrs: NO_ATTRS,
    inputs: [f32([4], [2, 4, 9, 3]), f32([4], [3, 0.5, 0.5, 0])],
    outDtype: 'float32',
    outShape: [4],
    expected: [8, 2, 3, 1],
  },
  {
    name: 'float32 pow, [3] ^ scalar 2',
    op: 'pow',
    attrs: NO_ATTRS,
    inputs: [f32([3], [1, -2, 3]), f32([], [2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [1, 4, 9],
  },
  {
    // 2^10 = 1024, 3^0 = 1, (-2)^3 = -8, 5^1 = 5, 0^0 = 1
    name: 'int32 pow (integer power)',
    op: 'pow',
    attrs: NO_ATTRS,
    inputs: [i32([5], [2, 3, -2, 5, 0]), i32([5], [10, 0, 3, 1, 0])],
    outDtype: 'int32',
    outShape: [5],
    expected: [1024, 1, -8, 5, 1],
  },
  {
    name: 'float32 maximum',
    op: 'maximum',
    attrs: NO_ATTRS,
    inputs: [f32([3], [1, 5, -2]), f32([3], [3, 2, -2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [3, 5, -2],
  },
  {
    name: 'int32 maximum with a scalar',
    op: 'maximum',
    attrs: NO_ATTRS,
    inputs: [i32([2, 2], [1, 5, -3, 0]), i32([], [0])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [1, 5, 0, 0],
  },
  {
    name: 'float32 minimum',
    op: 'minimum',
    attrs: NO_ATTRS,
    inputs: [f32([3], [1, 5, -2]), f32([3], [3, 2, -2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [1, 2, -2],
  },
  {
    name: 'int32 minimum with a scalar',
    op: 'minimum',
    attrs: NO_ATTRS,
    inputs: [i32([2, 2], [1, 5, -3, 0]), i32([], [0])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [0, 0, -3, 0],
  },
  // Comparisons: [1, 2, 3] against [2, 2, 2]
  ...(
    [
      ['equal', [0, 1, 0]],
      ['notEqual', [1, 0, 1]],
      ['greater', [0, 0, 1]],
      ['greaterEqual', [0, 1, 1]],
      ['less', [1, 0, 0]],
      ['lessEqual', [1, 1, 0]],
    ] as const
  ).map(
    ([op, expected]): PrimitiveCase => ({
      name: `float32 ${op}`,
      op,
      attrs: NO_ATTRS,
      inputs: [f32([3], [1, 2, 3]), f32([3], [2, 2, 2])],
      outDtype: 'bool',
      outShape: [3],
      expected: [...expected],
    }),
  ),
  {
    // [[1>0, 1>1, 1>2], [2>0, 2>1, 2>2]]
    name: 'int32 greater, [2,1] vs [3]',
    op: 'greater',
    attrs: NO_ATTRS,
    inputs: [i32([2, 1], [1, 2]), i32([3], [0, 1, 2])],
    outDtype: 'bool',
    outShape: [2, 3],
    expected: [1, 0, 0, 1, 1, 0],
  },
  {
    // [[1==0, 1==1, 1==2], [2==0, 2==1, 2==2]]
    name: 'int32 equal, [2,1] vs [3]',
    op: 'equal',
    attrs: NO_ATTRS,
    inputs: [i32([2, 1], [1, 2]), i32([3], [0, 1, 2])],
    outDtype: 'bool',
    outShape: [2, 3],
    expected: [0, 1, 0, 0, 0, 1],
  },
  {
    name: 'bool equal',
    op: 'equal',
    attrs: NO_ATTRS,
    inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0])],
    outDtype: 'bool',
    outShape: [4],
    expected: [1, 0, 0, 1],
  },
  {
    name: 'float64 lessEqual with a scalar',
    op: 'lessEqual',
    attrs: NO_ATTRS,
    inputs: [f64([3], [0.5, 1, 1.5]), f64([], [1])],
    outDtype: 'bool',
    outShape: [3],
    expected: [1, 1, 0],
  },
  {
    name: 'bool logicalAnd',
    op: 'logicalAnd',
    attrs: NO_ATTRS,
    inputs: [bool([4], [1, 1, 0, 0]), bool([4], [1, 0, 1, 0])],
    outDtype: 'bool',
    outShape: [4],
    expected: [1, 0, 0, 0],
  },
  {
    // [[1&1, 1&0], [0&1, 0&0]]
    name: 'bool logicalAnd, [2,1] vs [2]',
    op: 'logicalAnd',
    attrs: NO_ATTRS,
    inputs: [bool([2, 1], [1, 0]), bool([2], [1, 0])],
    outDtype: 'bool',
    outShape: [2, 2],
    expected: [1, 0, 0, 0],
  },
  {
    name: 'bool logicalOr',
    op: 'logicalOr',
    attrs: NO_ATTRS,
    inputs: [bool([4], [1, 1, 0, 0]), bool([4], [1, 0, 1, 0])],
    outDtype: 'bool',
    outShape: [4],
    expected: [1, 1, 1, 0],
  },
];

/* ------------------------------------------------------------------------ */
/* Reductions, arg reductions, scans                                        */
/* ------------------------------------------------------------------------ */

const M23 = [1, 2, 3, 4, 5, 6]; // [[1,2,3],[4,5,6]]

const REDUCE_CASES: PrimitiveCase[] = [
  {
    // [1+2+3, 4+5+6]
    name: 'float32 reduceSum over axis 1',
    op: 'reduceSum',
    attrs: { axes: [1], keepDims: false },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [2],
    expected: [6, 15],
  },
  {
    // [1+4, 2+5, 3+6]
    name: 'float32 reduceSum over axis 0, keepDims',
    op: 'reduceSum',
    attrs: { axes: [0], keepDims: true },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [1, 3],
    expected: [5, 7, 9],
  },
  {
    name: 'float32 reduceSum over all axes to a scalar',
    op: 'reduceSum',
    attrs: { axes: [0, 1], keepDims: false },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [],
    expected: [21],
  },
  {
    name: 'float32 reduceSum over all axes, keepDims',
    op: 'reduceSum',
    attrs: { axes: [0, 1], keepDims: true },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [1, 1],
    expected: [21],
  },
  {
    // x[i][j][k] = 4i + 2j + k; j = 0: 0+1+4+5 = 10; j = 1: 2+3+6+7 = 18
    name: 'float32 reduceSum over axes [0, 2] of [2,2,2]',
    op: 'reduceSum',
    attrs: { axes: [0, 2], keepDims: false },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'float32',
    outShape: [2],
    expected: [10, 18],
  },
  {
    name: 'float32 reduceSum over axes [0, 2] of [2,2,2], keepDims',
    op: 'reduceSum',
    attrs: { axes: [0, 2], keepDims: true },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'float32',
    outShape: [1, 2, 1],
    expected: [10, 18],
  },
  {
    name: 'int32 reduceSum',
    op: 'reduceSum',
    attrs: { axes: [1], keepDims: false },
    inputs: [i32([2, 2], [1, -2, 3, 4])],
    outDtype: 'int32',
    outShape: [2],
    expected: [-1, 7],
  },
  {
    name: 'float32 reduceSum over an empty axis gives 0',
    op: 'reduceSum',
    attrs: { axes: [1], keepDims: false },
    inputs: [f32([2, 0], [])],
    outDtype: 'float32',
    outShape: [2],
    expected: [0, 0],
  },
  {
    // [[1,5,3],[-4,-2,-6]]: row maxima 5, -2
    name: 'float32 reduceMax over axis 1',
    op: 'reduceMax',
    attrs: { axes: [1], keepDims: false },
    inputs: [f32([2, 3], [1, 5, 3, -4, -2, -6])],
    outDtype: 'float32',
    outShape: [2],
    expected: [5, -2],
  },
  {
    // column maxima of [[1,5,3],[-4,-2,-6]]
    name: 'float32 reduceMax over axis 0, keepDims',
    op: 'reduceMax',
    attrs: { axes: [0], keepDims: true },
    inputs: [f32([2, 3], [1, 5, 3, -4, -2, -6])],
    outDtype: 'float32',
    outShape: [1, 3],
    expected: [1, 5, 3],
  },
  {
    name: 'int32 reduceMax',
    op: 'reduceMax',
    attrs: { axes: [0], keepDims: false },
    inputs: [i32([3], [-7, -3, -5])],
    outDtype: 'int32',
    outShape: [],
    expected: [-3],
  },
  {
    name: 'float32 reduceMax over an empty axis gives -inf',
    op: 'reduceMax',
    attrs: { axes: [0], keepDims: false },
    inputs: [f32([0], [])],
    outDtype: 'float32',
    outShape: [],
    expected: [-Infinity],
  },
  {
    name: 'float32 reduceMin over axis 1',
    op: 'reduceMin',
    attrs: { axes: [1], keepDims: false },
    inputs: [f32([2, 3], [1, 5, 3, -4, -2, -6])],
    outDtype: 'float32',
    outShape: [2],
    expected: [1, -6],
  },
  {
    name: 'float32 reduceMin over an empty axis gives +inf',
    op: 'reduceMin',
    attrs: { axes: [1], keepDims: true },
    inputs: [f32([1, 0], [])],
    outDtype: 'float32',
    outShape: [1, 1],
    expected: [Infinity],
  },
  {
    // [1*2*3, 4*5*6]
    name: 'float32 reduceProd over axis 1',
    op: 'reduceProd',
    attrs: { axes: [1], keepDims: false },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [2],
    expected: [6, 120],
  },
  {
    // [1*4, 2*5, 3*6]
    name: 'int32 reduceProd over axis 0',
    op: 'reduceProd',
    attrs: { axes: [0], keepDims: false },
    inputs: [i32([2, 3], M23)],
    outDtype: 'int32',
    outShape: [3],
    expected: [4, 10, 18],
  },
  {
    name: 'float32 reduceProd over an empty axis gives 1',
    op: 'reduceProd',
    attrs: { axes: [0], keepDims: false },
    inputs: [f32([0, 2], [])],
    outDtype: 'float32',
    outShape: [2],
    expected: [1, 1],
  },
  {
    // [[0,0,1],[0,0,0]]: rows any -> [1, 0]
    name: 'bool reduceAny over axis 1',
    op: 'reduceAny',
    attrs: { axes: [1], keepDims: false },
    inputs: [bool([2, 3], [0, 0, 1, 0, 0, 0])],
    outDtype: 'bool',
    outShape: [2],
    expected: [1, 0],
  },
  {
    name: 'bool reduceAny over axis 0, keepDims',
    op: 'reduceAny',
    attrs: { axes: [0], keepDims: true },
    inputs: [bool([2, 3], [0, 0, 1, 0, 0, 0])],
    outDtype: 'bool',
    outShape: [1, 3],
    expected: [0, 0, 1],
  },
  {
    name: 'bool reduceAny over an empty axis gives false',
    op: 'reduceAny',
    attrs: { axes: [0], keepDims: false },
    inputs: [bool([0], [])],
    outDtype: 'bool',
    outShape: [],
    expected: [0],
  },
  {
    // [[1,1,1],[1,0,1]]: rows all -> [1, 0]
    name: 'bool reduceAll over axis 1',
    op: 'reduceAll',
    attrs: { axes: [1], keepDims: false },
    inputs: [bool([2, 3], [1, 1, 1, 1, 0, 1])],
    outDtype: 'bool',
    outShape: [2],
    expected: [1, 0],
  },
  {
    name: 'bool reduceAll over an empty axis gives true',
    op: 'reduceAll',
    attrs: { axes: [1], keepDims: false },
    inputs: [bool([2, 0], [])],
    outDtype: 'bool',
    outShape: [2],
    expected: [1, 1],
  },
  {
    // rows of [[1,3,3],[5,5,0]]: first max at 1 (tie 3,3), at 0 (tie 5,5)
    name: 'float32 argMax over axis 1, first index on ties',
    op: 'argMax',
    attrs: { axis: 1 },
    inputs: [f32([2, 3], [1, 3, 3, 5, 5, 0])],
    outDtype: 'int32',
    outShape: [2],
    expected: [1, 0],
  },
  {
    // columns of [[1,3,3],[5,5,0]]: 1 vs 5 -> 1, 3 vs 5 -> 1, 3 vs 0 -> 0
    name: 'float32 argMax over axis 0',
    op: 'argMax',
    attrs: { axis: 0 },
    inputs: [f32([2, 3], [1, 3, 3, 5, 5, 0])],
    outDtype: 'int32',
    outShape: [3],
    expected: [1, 1, 0],
  },
  {
    // columns of [[2,7],[2,1]]: tie -> 0, 7 > 1 -> 0
    name: 'int32 argMax over axis 0, ties',
    op: 'argMax',
    attrs: { axis: 0 },
    inputs: [i32([2, 2], [2, 7, 2, 1])],
    outDtype: 'int32',
    outShape: [2],
    expected: [0, 0],
  },
  {
    name: 'float32 argMax of a vector gives a scalar',
    op: 'argMax',
    attrs: { axis: 0 },
    inputs: [f32([4], [-1, 4, 2, 4])],
    outDtype: 'int32',
    outShape: [],
    expected: [1],
  },
  {
    // rows of [[1,0,0],[5,-1,-1]]: first min at 1 in both
    name: 'float32 argMin over axis 1, first index on ties',
    op: 'argMin',
    attrs: { axis: 1 },
    inputs: [f32([2, 3], [1, 0, 0, 5, -1, -1])],
    outDtype: 'int32',
    outShape: [2],
    expected: [1, 1],
  },
  {
    // columns of [[3,3],[3,1]]: tie -> 0, 1 < 3 -> 1
    name: 'int32 argMin over axis 0',
    op: 'argMin',
    attrs: { axis: 0 },
    inputs: [i32([2, 2], [3, 3, 3, 1])],
    outDtype: 'int32',
    outShape: [2],
    expected: [0, 1],
  },
  {
    name: 'float32 cumsum',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, 3, 6, 10],
  },
  {
    name: 'float32 cumsum exclusive',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: true, reverse: false },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0, 1, 3, 6],
  },
  {
    // [1+2+3+4, 2+3+4, 3+4, 4]
    name: 'float32 cumsum reverse',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: false, reverse: true },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [10, 9, 7, 4],
  },
  {
    // [2+3+4, 3+4, 4, 0]
    name: 'float32 cumsum exclusive reverse',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: true, reverse: true },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [9, 7, 4, 0],
  },
  {
    // [[1,2,3],[1+4,2+5,3+6]]
    name: 'float32 cumsum over axis 0 of [2,3]',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [1, 2, 3, 5, 7, 9],
  },
  {
    // rows reversed-cumulated: [6,5,3], [15,11,6]
    name: 'int32 cumsum over axis 1, reverse',
    op: 'cumsum',
    attrs: { axis: 1, exclusive: false, reverse: true },
    inputs: [i32([2, 3], M23)],
    outDtype: 'int32',
    outShape: [2, 3],
    expected: [6, 5, 3, 15, 11, 6],
  },
  {
    // rows: [0,1,1+2], [0,4,4+5]
    name: 'float32 cumsum over axis 1, exclusive',
    op: 'cumsum',
    attrs: { axis: 1, exclusive: true, reverse: false },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [0, 1, 3, 0, 4, 9],
  },
  {
    name: 'float32 cumprod',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, 2, 6, 24],
  },
  {
    name: 'float32 cumprod exclusive',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: true, reverse: false },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [1, 1, 2, 6],
  },
  {
    // [1*2*3*4, 2*3*4, 3*4, 4]
    name: 'float32 cumprod reverse',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: false, reverse: true },
    inputs: [f32([4], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [4],
    expected: [24, 24, 12, 4],
  },
  {
    // [2*3*4, 3*4, 4, 1]
    name: 'int32 cumprod exclusive reverse',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: true, reverse: true },
    inputs: [i32([4], [1, 2, 3, 4])],
    outDtype: 'int32',
    outShape: [4],
    expected: [24, 12, 4, 1],
  },
  {
    // [[1,2],[1*3,2*4]]
    name: 'float32 cumprod over axis 0 of [2,2]',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [f32([2, 2], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [1, 2, 3, 8],
  },
];

/* ------------------------------------------------------------------------ */
/* identity, cast, where                                                    */
/* ------------------------------------------------------------------------ */

const MISC_CASES: PrimitiveCase[] = [
  {
    name: 'float32 identity',
    op: 'identity',
    attrs: NO_ATTRS,
    inputs: [f32([2, 2], [1, -2, 3.5, 0])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [1, -2, 3.5, 0],
  },
  {
    name: 'bool identity',
    op: 'identity',
    attrs: NO_ATTRS,
    inputs: [bool([3], [1, 0, 1])],
    outDtype: 'bool',
    outShape: [3],
    expected: [1, 0, 1],
  },
  {
    name: 'cast float32 -> int32 truncates toward zero',
    op: 'cast',
    attrs: { dtype: 'int32' },
    inputs: [f32([6], [2.7, -2.7, 0.5, -0.5, 3, -1.5])],
    outDtype: 'int32',
    outShape: [6],
    expected: [2, -2, 0, 0, 3, -1],
  },
  {
    name: 'cast float64 -> int32 truncates toward zero',
    op: 'cast',
    attrs: { dtype: 'int32' },
    inputs: [f64([2], [-7.9, 7.9])],
    outDtype: 'int32',
    outShape: [2],
    expected: [-7, 7],
  },
  {
    name: 'cast float32 -> bool is x != 0',
    op: 'cast',
    attrs: { dtype: 'bool' },
    inputs: [f32([4], [0, 0.5, -2, -0])],
    outDtype: 'bool',
    outShape: [4],
    expected: [0, 1, 1, 0],
  },
  {
    name: 'cast int32 -> bool is x != 0',
    op: 'cast',
    attrs: { dtype: 'bool' },
    inputs: [i32([3], [0, -1, 5])],
    outDtype: 'bool',
    outShape: [3],
    expected: [0, 1, 1],
  },
  {
    name: 'cast bool -> float32 is 0/1',
    op: 'cast',
    attrs: { dtype: 'float32' },
    inputs: [bool([3], [1, 0, 1])],
    outDtype: 'float32',
    outShape: [3],
    expected: [1, 0, 1],
  },
  {
    name: 'cast bool -> int32 is 0/1',
    op: 'cast',
    attrs: { dtype: 'int32' },
    inputs: [bool([2], [0, 1])],
    outDtype: 'int32',
    outShape: [2],
    expected: [0, 1],
  },
  {
    name: 'cast int32 -> float32',
    op: 'cast',
    attrs: { dtype: 'float32' },
    inputs: [i32([3], [-3, 7, 0])],
    outDtype: 'float32',
    outShape: [3],
    expected: [-3, 7, 0],
  },
  {
    name: 'cast float32 -> float64',
    op: 'cast',
    attrs: { dtype: 'float64' },
    inputs: [f32([2], [0.5, -1.25])],
    outDtype: 'float64',
    outShape: [2],
    expected: [0.5, -1.25],
  },
  {
    // 1e40 is beyond float32's largest finite value (~3.4e38)
    name: 'cast float64 -> float32, overflow to inf',
    op: 'cast',
    attrs: { dtype: 'float32' },
    inputs: [f64([2], [1.5, 1e40])],
    outDtype: 'float32',
    outShape: [2],
    expected: [1.5, Infinity],
  },
  {
    // cond [1,0,1] picks a's column 0 and 2, b (0) in column 1
    name: 'float32 where, cond [3], a [2,3], b scalar',
    op: 'where',
    attrs: NO_ATTRS,
    inputs: [bool([3], [1, 0, 1]), f32([2, 3], M23), f32([], [0])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [1, 0, 3, 4, 0, 6],
  },
  {
    // row 0 (cond 1) from a = [1,2]; row 1 (cond 0) from b's row 1 = [30,40]
    name: 'int32 where, cond [2,1], a [1,2], b [2,2]',
    op: 'where',
    attrs: NO_ATTRS,
    inputs: [bool([2, 1], [1, 0]), i32([1, 2], [1, 2]), i32([2, 2], [10, 20, 30, 40])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [1, 2, 30, 40],
  },
  {
    name: 'float64 where, same shapes',
    op: 'where',
    attrs: NO_ATTRS,
    inputs: [bool([3], [0, 1, 0]), f64([3], [1, 2, 3]), f64([3], [-1, -2, -3])],
    outDtype: 'float64',
    outShape: [3],
    expected: [-1, 2, -3],
  },
];

/* ------------------------------------------------------------------------ */
/* matMul                                                                   */
/* ------------------------------------------------------------------------ */

// A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]]
// A @ B = [[1*7+2*9+3*11, 1*8+2*10+3*12], [4*7+5*9+6*11, 4*8+5*10+6*12]] = [[58, 64], [139, 154]]
const A = [1, 2, 3, 4, 5, 6];
const AT = [1, 4, 2, 5, 3, 6]; // A transposed, [3,2]
const B = [7, 8, 9, 10, 11, 12];
const BT = [7, 9, 11, 8, 10, 12]; // B transposed, [2,3]
const AB = [58, 64, 139, 154];

const MATMUL_CASES: PrimitiveCase[] = [
  {
    name: 'float32 [2,3] @ [3,2]',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([2, 3], A), f32([3, 2], B)],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: AB,
  },
  {
    name: 'float32 transposeA',
    op: 'matMul',
    attrs: { transposeA: true, transposeB: false },
    inputs: [f32([3, 2], AT), f32([3, 2], B)],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: AB,
  },
  {
    name: 'float32 transposeB',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: true },
    inputs: [f32([2, 3], A), f32([2, 3], BT)],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: AB,
  },
  {
    name: 'float32 transposeA and transposeB',
    op: 'matMul',
    attrs: { transposeA: true, transposeB: true },
    inputs: [f32([3, 2], AT), f32([2, 3], BT)],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: AB,
  },
  {
    name: 'float64 [2,3] @ [3,2]',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f64([2, 3], A), f64([3, 2], B)],
    outDtype: 'float64',
    outShape: [2, 2],
    expected: AB,
  },
  {
    // batch 0: [[1,2],[3,4]] @ [[1,0],[1,1]] = [[3,2],[7,4]]
    // batch 1: [[5,6],[7,8]] @ [[1,0],[1,1]] = [[11,6],[15,8]]
    name: 'float32 batched [2,2,2] @ [1,2,2] (b broadcast)',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), f32([1, 2, 2], [1, 0, 1, 1])],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [3, 2, 7, 4, 11, 6, 15, 8],
  },
  {
    // a [1,2,2] = [[1,0],[1,1]] against b batches [[1,2],[3,4]], [[5,6],[7,8]]:
    // [[1,2],[1+3,2+4]] and [[5,6],[5+7,6+8]]
    name: 'float32 batched [1,2,2] @ [2,2,2] (a broadcast)',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([1, 2, 2], [1, 0, 1, 1]), f32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [1, 2, 4, 6, 5, 6, 12, 14],
  },
  {
    // out[i][j] = a_i . b_j with a_0 = (1,2), a_1 = (3,4); b_0 = (1,1), b_1 = (1,-1), b_2 = (2,0)
    // i=0: 3, -1, 2; i=1: 7, -1, 6
    name: 'float32 batched [2,1,1,2] @ [1,3,2,1] (both broadcast)',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([2, 1, 1, 2], [1, 2, 3, 4]), f32([1, 3, 2, 1], [1, 1, 1, -1, 2, 0])],
    outDtype: 'float32',
    outShape: [2, 3, 1, 1],
    expected: [3, -1, 2, 7, -1, 6],
  },
  {
    // per batch a^T b^T: batch 0 is AT, BT -> AB; batch 1 is 2*AT, BT -> 2*AB
    name: 'float32 batched with both transposes',
    op: 'matMul',
    attrs: { transposeA: true, transposeB: true },
    inputs: [f32([2, 3, 2], [...AT, ...AT.map((v) => 2 * v)]), f32([1, 2, 3], BT)],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [...AB, ...AB.map((v) => 2 * v)],
  },
  {
    name: 'float32 inner dimension 0 gives zeros',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([2, 0], []), f32([0, 3], [])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [0, 0, 0, 0, 0, 0],
  },
];

/* ------------------------------------------------------------------------ */
/* Layout                                                                   */
/* ------------------------------------------------------------------------ */

// X34 = [[0,1,2,3],[4,5,6,7],[8,9,10,11]]
const X34 = iota(12);

const LAYOUT_CASES: PrimitiveCase[] = [
  {
    name: 'float32 reshape [2,3] -> [3,-1]',
    op: 'reshape',
    attrs: { shape: [3, -1] },
    inputs: [f32([2, 3], M23)],
    outDtype: 'float32',
    outShape: [3, 2],
    expected: M23,
  },
  {
    name: 'int32 reshape to a scalar',
    op: 'reshape',
    attrs: { shape: [] },
    inputs: [i32([1, 1], [7])],
    outDtype: 'int32',
    outShape: [],
    expected: [7],
  },
  {
    // [[0,1,2],[3,4,5]]^T = [[0,3],[1,4],[2,5]]
    name: 'float32 transpose 2-D',
    op: 'transpose',
    attrs: { perm: [1, 0] },
    inputs: [f32([2, 3], iota(6))],
    outDtype: 'float32',
    outShape: [3, 2],
    expected: [0, 3, 1, 4, 2, 5],
  },
  {
    // x[i][j][k] = 12i + 4j + k, shape [2,3,4]; perm [2,0,1]: out[a][b][c] = x[b][c][a] = 12b + 4c + a
    name: 'int32 transpose 3-D, perm [2,0,1]',
    op: 'transpose',
    attrs: { perm: [2, 0, 1] },
    inputs: [i32([2, 3, 4], iota(24))],
    outDtype: 'int32',
    outShape: [4, 2, 3],
    expected: [
      0, 4, 8, 12, 16, 20, //
      1, 5, 9, 13, 17, 21, //
      2, 6, 10, 14, 18, 22, //
      3, 7, 11, 15, 19, 23,
    ],
  },
  {
    // rows 1..2, columns 1..2 of X34
    name: 'float32 slice with size -1',
    op: 'slice',
    attrs: { begin: [1, 1], size: [-1, 2] },
    inputs: [f32([3, 4], X34)],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [5, 6, 9, 10],
  },
  {
    // rows 0..1, columns 2..3 of X34
    name: 'int32 slice, -1 on the last axis',
    op: 'slice',
    attrs: { begin: [0, 2], size: [2, -1] },
    inputs: [i32([3, 4], X34)],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [2, 3, 6, 7],
  },
  {
    name: 'float32 slice of size 0',
    op: 'slice',
    attrs: { begin: [1, 0], size: [0, 4] },
    inputs: [f32([3, 4], X34)],
    outDtype: 'float32',
    outShape: [0, 4],
    expected: [],
  },
  {
    name: 'float32 concat along axis 0',
    op: 'concat',
    attrs: { axis: 0 },
    inputs: [f32([2, 2], [1, 2, 3, 4]), f32([1, 2], [5, 6])],
    outDtype: 'float32',
    outShape: [3, 2],
    expected: [1, 2, 3, 4, 5, 6],
  },
  {
    // x = [[1,2,3,4],[5,6,7,8]] split along axis 1 by parts of lengths 1, 2, 1: part 1 is columns 1..2
    name: 'concatPart: the middle part along axis 1',
    op: 'concatPart',
    attrs: { axis: 1, index: 1 },
    inputs: [i32([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]), i32([2, 1], [0, 0]), i32([2, 2], [0, 0, 0, 0]), i32([2, 1], [0, 0])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [2, 3, 6, 7],
  },
  {
    // rows 0..1 of x come from the first part (2 rows), row 2 from the second
    name: 'float32 concatPart: the last part along axis 0',
    op: 'concatPart',
    attrs: { axis: 0, index: 1 },
    inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), f32([2, 2], [9, 9, 9, 9]), f32([1, 2], [9, 9])],
    outDtype: 'float32',
    outShape: [1, 2],
    expected: [5, 6],
  },
  {
    // [2, 3] with length-1 axes inserted at output positions 0 and 2: [1, 2, 1, 3], same data
    name: 'expandDims at 0 and 2',
    op: 'expandDims',
    attrs: { axes: [0, 2] },
    inputs: [i32([2, 3], [1, 2, 3, 4, 5, 6])],
    outDtype: 'int32',
    outShape: [1, 2, 1, 3],
    expected: [1, 2, 3, 4, 5, 6],
  },
  {
    // [2, 3] reshaped to the shape of a [3, 2] tensor: same row-major data
    name: 'reshapeLike a 3x2',
    op: 'reshapeLike',
    attrs: {},
    inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3, 2], [0, 0, 0, 0, 0, 0])],
    outDtype: 'float32',
    outShape: [3, 2],
    expected: [1, 2, 3, 4, 5, 6],
  },
  {
    // rank 7: [1,1,1,1,1,1,2] = [[..[[3, 4]]..]] padded with 9: axis 0 gets one block after
    // (all 9s), the last axis one 9 before: [[..[9, 3, 4]..], [..[9, 9, 9]..]]
    name: 'pad of a rank-7 tensor',
    op: 'pad',
    attrs: { pads: [[0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 0]], value: 9 },
    inputs: [f32([1, 1, 1, 1, 1, 1, 2], [3, 4])],
    outDtype: 'float32',
    outShape: [2, 1, 1, 1, 1, 1, 3],
    expected: [9, 3, 4, 9, 9, 9],
  },
  {
    // size from a third input: like is [4, 1] so axis 0 has 4 slots; indices [2, 0, 2]
    // scatter updates [[1], [2], [3]]: slot 0 gets 2, slot 2 gets 1 + 3 = 4, others 0
    name: 'scatterAdd with the size taken from a like tensor',
    op: 'scatterAdd',
    attrs: { axis: 0, size: -1 },
    inputs: [f32([3, 1], [1, 2, 3]), i32([3], [2, 0, 2]), f32([4, 1], [0, 0, 0, 0])],
    outDtype: 'float32',
    outShape: [4, 1],
    expected: [2, 0, 4, 0],
  },
  {
    // like is [2, 1]: [[1,2,3],[4,5,6]] summed along axis 1 (kept) = [[6],[15]]
    name: 'sumLike a [2, 1] like',
    op: 'sumLike',
    attrs: {},
    inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([2, 1], [0, 0])],
    outDtype: 'float32',
    outShape: [2, 1],
    expected: [6, 15],
  },
  {
    // like is [1, 1]: everything summed into one cell: 21
    name: 'sumLike a [1, 1] like (int32)',
    op: 'sumLike',
    attrs: {},
    inputs: [i32([2, 3], [1, 2, 3, 4, 5, 6]), i32([1, 1], [0])],
    outDtype: 'int32',
    outShape: [1, 1],
    expected: [21],
  },
  {
    // like has g's shape: nothing summed
    name: 'sumLike a like of the same shape',
    op: 'sumLike',
    attrs: {},
    inputs: [f32([1, 2], [7, 8]), f32([1, 2], [0, 0])],
    outDtype: 'float32',
    outShape: [1, 2],
    expected: [7, 8],
  },
  {
    // the shape of a 2x3 tensor is [2, 3] (values not read)
    name: 'shapeOf a float32 matrix',
    op: 'shapeOf',
    attrs: {},
    inputs: [f32([2, 3], [0, 0, 0, 0, 0, 0])],
    outDtype: 'int32',
    outShape: [2],
    expected: [2, 3],
  },
  {
    // a scalar has rank 0: an empty shape vector
    name: 'shapeOf a bool scalar',
    op: 'shapeOf',
    attrs: {},
    inputs: [{ data: [1], shape: [], dtype: 'bool' }],
    outDtype: 'int32',
    outShape: [0],
    expected: [],
  },
  {
    // [[1],[2]] | [[3,4],[5,6]] | [[7],[8]] = [[1,3,4,7],[2,5,6,8]]
    name: 'int32 concat of three along axis 1',
    op: 'concat',
    attrs: { axis: 1 },
    inputs: [i32([2, 1], [1, 2]), i32([2, 2], [3, 4, 5, 6]), i32([2, 1], [7, 8])],
    outDtype: 'int32',
    outShape: [2, 4],
    expected: [1, 3, 4, 7, 2, 5, 6, 8],
  },
  {
    name: 'bool concat of one input',
    op: 'concat',
    attrs: { axis: 0 },
    inputs: [bool([2], [1, 0])],
    outDtype: 'bool',
    outShape: [2],
    expected: [1, 0],
  },
  {
    // [[1,2],[3,4]] with one row before, two columns after, filled with 9
    name: 'float32 pad 2-D with a value',
    op: 'pad',
    attrs: {
      pads: [
        [1, 0],
        [0, 2],
      ],
      value: 9,
    },
    inputs: [f32([2, 2], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [3, 4],
    expected: [9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9],
  },
  {
    name: 'int32 pad 1-D with 0',
    op: 'pad',
    attrs: { pads: [[2, 1]], value: 0 },
    inputs: [i32([2], [5, 6])],
    outDtype: 'int32',
    outShape: [5],
    expected: [0, 0, 5, 6, 0],
  },
  {
    name: 'float32 tile 1-D',
    op: 'tile',
    attrs: { reps: [3] },
    inputs: [f32([2], [1, 2])],
    outDtype: 'float32',
    outShape: [6],
    expected: [1, 2, 1, 2, 1, 2],
  },
  {
    // [[1,2],[3,4]] tiled twice along columns: [[1,2,1,2],[3,4,3,4]], then twice along rows
    name: 'int32 tile 2-D, reps [2,2]',
    op: 'tile',
    attrs: { reps: [2, 2] },
    inputs: [i32([2, 2], [1, 2, 3, 4])],
    outDtype: 'int32',
    outShape: [4, 4],
    expected: [1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4],
  },
  {
    name: 'float32 tile with a 0 rep',
    op: 'tile',
    attrs: { reps: [0, 1] },
    inputs: [f32([2, 2], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [0, 2],
    expected: [],
  },
  {
    // [[0,1,2],[3,4,5]] with each row reversed
    name: 'float32 reverse axis 1',
    op: 'reverse',
    attrs: { axes: [1] },
    inputs: [f32([2, 3], iota(6))],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [2, 1, 0, 5, 4, 3],
  },
  {
    name: 'int32 reverse axes [0, 1]',
    op: 'reverse',
    attrs: { axes: [0, 1] },
    inputs: [i32([2, 3], iota(6))],
    outDtype: 'int32',
    outShape: [2, 3],
    expected: [5, 4, 3, 2, 1, 0],
  },
  {
    // [[0,1,2],[3,4,5]] with the rows swapped
    name: 'float32 reverse axis 0',
    op: 'reverse',
    attrs: { axes: [0] },
    inputs: [f32([2, 3], iota(6))],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [3, 4, 5, 0, 1, 2],
  },
  {
    name: 'float32 broadcastTo [3] -> [2,3]',
    op: 'broadcastTo',
    attrs: { shape: [2, 3] },
    inputs: [f32([3], [1, 2, 3])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [1, 2, 3, 1, 2, 3],
  },
  {
    name: 'int32 broadcastTo [2,1] -> [2,3]',
    op: 'broadcastTo',
    attrs: { shape: [2, 3] },
    inputs: [i32([2, 1], [1, 2])],
    outDtype: 'int32',
    outShape: [2, 3],
    expected: [1, 1, 1, 2, 2, 2],
  },
  {
    name: 'bool broadcastTo scalar -> [2,2]',
    op: 'broadcastTo',
    attrs: { shape: [2, 2] },
    inputs: [bool([], [1])],
    outDtype: 'bool',
    outShape: [2, 2],
    expected: [1, 1, 1, 1],
  },
  {
    name: 'float32 broadcastLike [1,3] like [2,3]',
    op: 'broadcastLike',
    attrs: NO_ATTRS,
    inputs: [f32([1, 3], [1, 2, 3]), f32([2, 3], [0, 0, 0, 0, 0, 0])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [1, 2, 3, 1, 2, 3],
  },
  {
    // like's dtype differs from x's: only its shape counts
    name: 'int32 broadcastLike scalar like a bool [2]',
    op: 'broadcastLike',
    attrs: NO_ATTRS,
    inputs: [i32([], [4]), bool([2], [0, 1])],
    outDtype: 'int32',
    outShape: [2],
    expected: [4, 4],
  },
];

/* ------------------------------------------------------------------------ */
/* gather, scatterAdd                                                       */
/* ------------------------------------------------------------------------ */

const GATHER_CASES: PrimitiveCase[] = [
  {
    // x = [[1,2],[3,4],[5,6]]; indices [[2,0],[1,2]] -> [[x2,x0],[x1,x2]]
    name: 'float32 gather axis 0 with 2-D indices',
    op: 'gather',
    attrs: { axis: 0 },
    inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([2, 2], [2, 0, 1, 2])],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [5, 6, 1, 2, 3, 4, 5, 6],
  },
  {
    // columns 2 and 0 of [[1,2,3],[4,5,6]]
    name: 'int32 gather axis 1',
    op: 'gather',
    attrs: { axis: 1 },
    inputs: [i32([2, 3], M23), i32([2], [2, 0])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [3, 1, 6, 4],
  },
  {
    name: 'float32 gather with a scalar index',
    op: 'gather',
    attrs: { axis: 0 },
    inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([], [1])],
    outDtype: 'float32',
    outShape: [2],
    expected: [3, 4],
  },
  {
    // x[i][j][k] = 4i + 2j + k ([2,2,2]); indices [1,1,0] on axis 1: out[i][m][k] = x[i][idx[m]][k]
    name: 'float32 gather axis 1 of a 3-D tensor, repeated indices',
    op: 'gather',
    attrs: { axis: 1 },
    inputs: [f32([2, 2, 2], iota(8)), i32([3], [1, 1, 0])],
    outDtype: 'float32',
    outShape: [2, 3, 2],
    expected: [2, 3, 2, 3, 0, 1, 6, 7, 6, 7, 4, 5],
  },
  {
    // out[0] = 1 + 3, out[1] = 0, out[2] = 2 + 4
    name: 'float32 scatterAdd with repeated indices',
    op: 'scatterAdd',
    attrs: { axis: 0, size: 3 },
    inputs: [f32([4], [1, 2, 3, 4]), i32([4], [0, 2, 0, 2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [4, 0, 6],
  },
  {
    // updates [[1,2,3],[4,5,6]], indices [1,1,0] on axis 1:
    // row 0: out[0][1] = 1 + 2, out[0][0] = 3; row 1: out[1][1] = 4 + 5, out[1][0] = 6
    name: 'float32 scatterAdd on axis 1',
    op: 'scatterAdd',
    attrs: { axis: 1, size: 2 },
    inputs: [f32([2, 3], M23), i32([3], [1, 1, 0])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [3, 3, 6, 9],
  },
  {
    // updates per index position: (0,0) [1,2], (0,1) [3,4], (1,0) [5,6], (1,1) [7,8];
    // indices [[0,1],[1,1]]: out[0] = [1,2], out[1] = [3+5+7, 4+6+8], out[2] = [0,0]
    name: 'int32 scatterAdd with 2-D indices and a trailing axis',
    op: 'scatterAdd',
    attrs: { axis: 0, size: 3 },
    inputs: [i32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), i32([2, 2], [0, 1, 1, 1])],
    outDtype: 'int32',
    outShape: [3, 2],
    expected: [1, 2, 15, 18, 0, 0],
  },
];

/* ------------------------------------------------------------------------ */
/* More edge cases: scalars, empty tensors, special values, other dtypes   */
/* ------------------------------------------------------------------------ */

const EDGE_CASES: PrimitiveCase[] = [
  {
    name: 'float32 neg of a scalar',
    op: 'neg',
    attrs: NO_ATTRS,
    inputs: [f32([], [2.5])],
    outDtype: 'float32',
    outShape: [],
    expected: [-2.5],
  },
  {
    name: 'float32 exp of an empty tensor',
    op: 'exp',
    attrs: NO_ATTRS,
    inputs: [f32([2, 0], [])],
    outDtype: 'float32',
    outShape: [2, 0],
    expected: [],
  },
  {
    // sqrt(-1) and log(-1) have no real value: NaN
    name: 'float32 sqrt of a negative is NaN',
    op: 'sqrt',
    attrs: NO_ATTRS,
    inputs: [f32([2], [-1, 9])],
    outDtype: 'float32',
    outShape: [2],
    expected: [NaN, 3],
  },
  {
    name: 'float32 log of a negative is NaN',
    op: 'log',
    attrs: NO_ATTRS,
    inputs: [f32([2], [-1, 1])],
    outDtype: 'float32',
    outShape: [2],
    expected: [NaN, 0],
  },
  {
    // e^100 ~ 2.7e43 is beyond float32's ~3.4e38; e^-200 underflows to 0
    name: 'float32 exp overflows to inf and underflows to 0',
    op: 'exp',
    attrs: NO_ATTRS,
    inputs: [f32([2], [100, -200])],
    outDtype: 'float32',
    outShape: [2],
    expected: [Infinity, 0],
  },
  {
    // tanh saturates at +-1 without NaN
    name: 'float32 tanh of large |x|',
    op: 'tanh',
    attrs: NO_ATTRS,
    inputs: [f32([2], [50, -50])],
    outDtype: 'float32',
    outShape: [2],
    expected: [1, -1],
  },
  {
    // sigmoid(1) = 1/(1 + 1/e) = 0.7310585786300049, sigmoid(-1) = 0.2689414213699951
    name: 'float64 sigmoid',
    op: 'sigmoid',
    attrs: NO_ATTRS,
    inputs: [f64([3], [1, -1, -800])],
    outDtype: 'float64',
    outShape: [3],
    expected: [0.7310585786300049, 0.2689414213699951, 0],
    tol: 1e-12,
  },
  {
    name: 'float32 floor and ceil leave integers alone',
    op: 'floor',
    attrs: NO_ATTRS,
    inputs: [f32([3], [-3, 0, 7])],
    outDtype: 'float32',
    outShape: [3],
    expected: [-3, 0, 7],
  },
  {
    // 2^-1 = 0.5, 4^-0.5 = 0.5, 0^2 = 0, (-8)^(1/3) is NaN for a negative base and fractional exponent
    name: 'float32 pow with negative and fractional exponents',
    op: 'pow',
    attrs: NO_ATTRS,
    inputs: [f32([4], [2, 4, 0, -8]), f32([4], [-1, -0.5, 2, 0.5])],
    outDtype: 'float32',
    outShape: [4],
    expected: [0.5, 0.5, 0, NaN],
  },
  {
    // out[i][j] = a[i][j] * b[j]: [[1*2, 2*-1], [3*2, 4*-1]]
    name: 'int32 mul, [2,2] * [2]',
    op: 'mul',
    attrs: NO_ATTRS,
    inputs: [i32([2, 2], [1, 2, 3, 4]), i32([2], [2, -1])],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [2, -2, 6, -4],
  },
  {
    name: 'float32 sub of two scalars',
    op: 'sub',
    attrs: NO_ATTRS,
    inputs: [f32([], [1]), f32([], [3])],
    outDtype: 'float32',
    outShape: [],
    expected: [-2],
  },
  {
    name: 'float32 notEqual with infinities',
    op: 'notEqual',
    attrs: NO_ATTRS,
    inputs: [f32([3], [Infinity, -Infinity, 1]), f32([3], [Infinity, Infinity, 1])],
    outDtype: 'bool',
    outShape: [3],
    expected: [0, 1, 0],
  },
  {
    name: 'bool logicalOr with a scalar',
    op: 'logicalOr',
    attrs: NO_ATTRS,
    inputs: [bool([3], [0, 1, 0]), bool([], [0])],
    outDtype: 'bool',
    outShape: [3],
    expected: [0, 1, 0],
  },
  {
    // x[i][j][k] = 4i + 2j + k; sum over j: [[0+2, 1+3], [4+6, 5+7]]
    name: 'int32 reduceSum over the middle axis, keepDims',
    op: 'reduceSum',
    attrs: { axes: [1], keepDims: true },
    inputs: [i32([2, 2, 2], iota(8))],
    outDtype: 'int32',
    outShape: [2, 1, 2],
    expected: [2, 4, 10, 12],
  },
  {
    // max over i and j for each k: k=0 -> max(0,2,4,6) = 6, k=1 -> 7
    name: 'float32 reduceMax over leading axes [0, 1]',
    op: 'reduceMax',
    attrs: { axes: [0, 1], keepDims: false },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'float32',
    outShape: [2],
    expected: [6, 7],
  },
  {
    name: 'int32 reduceMin, keepDims on a vector',
    op: 'reduceMin',
    attrs: { axes: [0], keepDims: true },
    inputs: [i32([4], [3, -8, 5, -8])],
    outDtype: 'int32',
    outShape: [1],
    expected: [-8],
  },
  {
    name: 'bool reduceAll over both axes',
    op: 'reduceAll',
    attrs: { axes: [0, 1], keepDims: false },
    inputs: [bool([2, 2], [1, 1, 1, 1])],
    outDtype: 'bool',
    outShape: [],
    expected: [1],
  },
  {
    // x[i][j][k] = 4i + 2j + k; argmax over j is 1 everywhere (values grow with j)
    name: 'float32 argMax over the middle axis of [2,2,2]',
    op: 'argMax',
    attrs: { axis: 1 },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'int32',
    outShape: [2, 2],
    expected: [1, 1, 1, 1],
  },
  {
    name: 'float64 argMin with negatives and a tie',
    op: 'argMin',
    attrs: { axis: 0 },
    inputs: [f64([5], [0, -2.5, 3, -2.5, 1])],
    outDtype: 'int32',
    outShape: [],
    expected: [1],
  },
  {
    // [0, 5, 5 + -2, 5 + -2 + 4]
    name: 'int32 cumsum exclusive',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: true, reverse: false },
    inputs: [i32([4], [5, -2, 4, 1])],
    outDtype: 'int32',
    outShape: [4],
    expected: [0, 5, 3, 7],
  },
  {
    // rows of [[1,2,3],[4,5,6]], reversed products: [6,6,3], [120,30,6]
    name: 'float64 cumprod over axis 1, reverse',
    op: 'cumprod',
    attrs: { axis: 1, exclusive: false, reverse: true },
    inputs: [f64([2, 3], M23)],
    outDtype: 'float64',
    outShape: [2, 3],
    expected: [6, 6, 3, 120, 30, 6],
  },
  {
    name: 'bool where picks bools',
    op: 'where',
    attrs: NO_ATTRS,
    inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0]), bool([], [1])],
    outDtype: 'bool',
    outShape: [4],
    expected: [1, 1, 0, 1],
  },
  {
    name: 'cast int32 -> float64',
    op: 'cast',
    attrs: { dtype: 'float64' },
    inputs: [i32([2], [-2147483648, 2147483647])],
    outDtype: 'float64',
    outShape: [2],
    expected: [-2147483648, 2147483647],
  },
  {
    name: 'cast float32 -> float32 is a copy',
    op: 'cast',
    attrs: { dtype: 'float32' },
    inputs: [f32([2], [1.5, -0.25])],
    outDtype: 'float32',
    outShape: [2],
    expected: [1.5, -0.25],
  },
  {
    // batch 0: AT^T @ B = AB; batch 1: (2 AT)^T @ B = 2 AB  (transposeA only, equal batch dims)
    name: 'float32 batched [2,3,2] @ [2,3,2], transposeA',
    op: 'matMul',
    attrs: { transposeA: true, transposeB: false },
    inputs: [f32([2, 3, 2], [...AT, ...AT.map((v) => 2 * v)]), f32([2, 3, 2], [...B, ...B])],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [...AB, ...AB.map((v) => 2 * v)],
  },
  {
    // [1,2] @ [[1,0,2],[0,1,3]] = [1, 2, 1*2 + 2*3]
    name: 'float32 row vector @ matrix',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [f32([1, 2], [1, 2]), f32([2, 3], [1, 0, 2, 0, 1, 3])],
    outDtype: 'float32',
    outShape: [1, 3],
    expected: [1, 2, 8],
  },
  {
    name: 'float32 reshape of an empty tensor',
    op: 'reshape',
    attrs: { shape: [0, 2, 2] },
    inputs: [f32([0, 4], [])],
    outDtype: 'float32',
    outShape: [0, 2, 2],
    expected: [],
  },
  {
    // x[i][j][k] = 4i + 2j + k ([2,2,2]); perm [0,2,1] swaps the last two axes within each i
    name: 'float32 transpose of the last two axes',
    op: 'transpose',
    attrs: { perm: [0, 2, 1] },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [0, 2, 1, 3, 4, 6, 5, 7],
  },
  {
    // X[i][j][k] = 12i + 4j + k ([2,3,4]); i = 1, j = 1..2, k = 0..1 -> 16, 17, 20, 21
    name: 'int32 slice of a 3-D tensor',
    op: 'slice',
    attrs: { begin: [1, 1, 0], size: [1, -1, 2] },
    inputs: [i32([2, 3, 4], iota(24))],
    outDtype: 'int32',
    outShape: [1, 2, 2],
    expected: [16, 17, 20, 21],
  },
  {
    name: 'float32 concat with an empty input',
    op: 'concat',
    attrs: { axis: 1 },
    inputs: [f32([2, 0], []), f32([2, 2], [1, 2, 3, 4])],
    outDtype: 'float32',
    outShape: [2, 2],
    expected: [1, 2, 3, 4],
  },
  {
    name: 'float64 pad with a negative value on both sides',
    op: 'pad',
    attrs: { pads: [[1, 1]], value: -1.5 },
    inputs: [f64([2], [7, 8])],
    outDtype: 'float64',
    outShape: [4],
    expected: [-1.5, 7, 8, -1.5],
  },
  {
    name: 'bool pad with true',
    op: 'pad',
    attrs: { pads: [[0, 2]], value: 1 },
    inputs: [bool([1], [0])],
    outDtype: 'bool',
    outShape: [3],
    expected: [0, 1, 1],
  },
  {
    // x[i][j][k] = 4i + 2j + k; reversing j swaps the pairs within each i
    name: 'float32 reverse the middle axis of [2,2,2]',
    op: 'reverse',
    attrs: { axes: [1] },
    inputs: [f32([2, 2, 2], iota(8))],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [2, 3, 0, 1, 6, 7, 4, 5],
  },
  {
    name: 'float32 tile of a [2,1] column, reps [1,3]',
    op: 'tile',
    attrs: { reps: [1, 3] },
    inputs: [f32([2, 1], [1, 2])],
    outDtype: 'float32',
    outShape: [2, 3],
    expected: [1, 1, 1, 2, 2, 2],
  },
  {
    // [1,2] stretched to [2,2,2]: both rows of both blocks are [1,2]
    name: 'float32 broadcastTo adding two leading axes',
    op: 'broadcastTo',
    attrs: { shape: [2, 2, 2] },
    inputs: [f32([2], [1, 2])],
    outDtype: 'float32',
    outShape: [2, 2, 2],
    expected: [1, 2, 1, 2, 1, 2, 1, 2],
  },
  {
    name: 'bool gather',
    op: 'gather',
    attrs: { axis: 0 },
    inputs: [bool([3], [1, 0, 1]), i32([4], [1, 1, 0, 2])],
    outDtype: 'bool',
    outShape: [4],
    expected: [0, 0, 1, 1],
  },
  {
    name: 'float32 gather with no indices',
    op: 'gather',
    attrs: { axis: 0 },
    inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([0], [])],
    outDtype: 'float32',
    outShape: [0, 2],
    expected: [],
  },
  {
    // updates [[1,2],[3,4]] at indices [1,1] on axis 0: out[1] = [1+3, 2+4]
    name: 'float64 scatterAdd into a larger output',
    op: 'scatterAdd',
    attrs: { axis: 0, size: 3 },
    inputs: [f64([2, 2], [1, 2, 3, 4]), i32([2], [1, 1])],
    outDtype: 'float64',
    outShape: [3, 2],
    expected: [0, 0, 4, 6, 0, 0],
  },
  {
    // a scalar index consumes no axis of updates: out[2] = 5
    name: 'float32 scatterAdd with a scalar index',
    op: 'scatterAdd',
    attrs: { axis: 0, size: 3 },
    inputs: [f32([], [5]), i32([], [2])],
    outDtype: 'float32',
    outShape: [3],
    expected: [0, 0, 5],
  },
];

/* ------------------------------------------------------------------------ */
/* Engine departures                                                        */
/* ------------------------------------------------------------------------ */

/**
 * Cases first written for the tfjs backend, many where tfjs-wasm departed from the
 * documented semantics (int32 beyond 2^24, wrap-around, NaN, empty tensors, bool
 * branches): the semantics are the same on every backend, so every backend runs them.
 */
const DEPARTURE_CASES: PrimitiveCase[] = (() => {
  const f32 = (shape: number[], data: number[]): CaseInput => ({ shape, dtype: 'float32', data });
  const i32 = (shape: number[], data: number[]): CaseInput => ({ shape, dtype: 'int32', data });
  const bool = (shape: number[], data: number[]): CaseInput => ({ shape, dtype: 'bool', data });


  const INT_MAX = 2147483647;
  const INT_MIN = -2147483648;

  const UNARY: PrimitiveCase[] = [
    { name: 'float32', op: 'neg', attrs: {}, inputs: [f32([3], [1, -2.5, 0])], outShape: [3], outDtype: 'float32', expected: [-1, 2.5, -0] },
    // wasm negates int32 through float32: -(2^31-1) came out as -2^31, -(2^24+1) as -2^24
    { name: 'int32, exact beyond 2^24', op: 'neg', attrs: {}, inputs: [i32([3], [INT_MAX, -16777217, 5])], outShape: [3], outDtype: 'int32', expected: [-INT_MAX, 16777217, -5] },
    { name: 'float32', op: 'abs', attrs: {}, inputs: [f32([3], [-1.5, 2, -0])], outShape: [3], outDtype: 'float32', expected: [1.5, 2, 0] },
    // wasm: abs(2^31-1) = -2^31 (through float32); abs(-2^31) wraps to -2^31 as in NumPy
    { name: 'int32, exact', op: 'abs', attrs: {}, inputs: [i32([4], [INT_MAX, -16777217, -3, INT_MIN])], outShape: [4], outDtype: 'int32', expected: [INT_MAX, 16777217, 3, INT_MIN] },
    // tfjs gives sign(NaN) = 0
    { name: 'float32, sign(0) = 0, sign(NaN) = NaN', op: 'sign', attrs: {}, inputs: [f32([4], [-3, 0, 2.5, NaN])], outShape: [4], outDtype: 'float32', expected: [-1, 0, 1, NaN] },
    { name: 'int32', op: 'sign', attrs: {}, inputs: [i32([5], [-7, 0, 9, INT_MIN, INT_MAX])], outShape: [5], outDtype: 'int32', expected: [-1, 0, 1, -1, 1] },
    { name: 'float32', op: 'sqrt', attrs: {}, inputs: [f32([3], [4, 0.25, -1])], outShape: [3], outDtype: 'float32', expected: [2, 0.5, NaN] },
    // e^1 = 2.718281828459045, e^-inf = 0
    { name: 'float32', op: 'exp', attrs: {}, inputs: [f32([3], [0, 1, -Infinity])], outShape: [3], outDtype: 'float32', expected: [1, 2.718281828459045, 0] },
    // ln 4 = 2 ln 2 = 1.3862943611198906
    { name: 'float32', op: 'log', attrs: {}, inputs: [f32([3], [1, 0, 4])], outShape: [3], outDtype: 'float32', expected: [0, -Infinity, 1.3862943611198906] },
    // tanh(+-20) = +-(1 - 8.5e-18), 1 in float32
    { name: 'float32', op: 'tanh', attrs: {}, inputs: [f32([3], [0, 20, -20])], outShape: [3], outDtype: 'float32', expected: [0, 1, -1] },
    { name: 'float32, large |x|', op: 'sigmoid', attrs: {}, inputs: [f32([3], [0, 1000, -1000])], outShape: [3], outDtype: 'float32', expected: [0.5, 1, 0] },
    { name: 'float32', op: 'relu', attrs: {}, inputs: [f32([3], [-1, 0.5, NaN])], outShape: [3], outDtype: 'float32', expected: [0, 0.5, NaN] },
    { name: 'int32', op: 'relu', attrs: {}, inputs: [i32([3], [-3, 4, INT_MAX])], outShape: [3], outDtype: 'int32', expected: [0, 4, INT_MAX] },
    { name: 'float32', op: 'sin', attrs: {}, inputs: [f32([2], [0, Math.PI / 2])], outShape: [2], outDtype: 'float32', expected: [0, 1] },
    { name: 'float32', op: 'cos', attrs: {}, inputs: [f32([2], [0, Math.PI])], outShape: [2], outDtype: 'float32', expected: [1, -1] },
    { name: 'float32, half to even', op: 'round', attrs: {}, inputs: [f32([8], [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6])], outShape: [8], outDtype: 'float32', expected: [0, 2, 2, -0, -2, -2, 2, -3] },
    // tfjs refuses int32 in floor/ceil: integers are returned unchanged
    { name: 'int32 unchanged', op: 'round', attrs: {}, inputs: [i32([2], [3, -4])], outShape: [2], outDtype: 'int32', expected: [3, -4] },
    { name: 'float32', op: 'floor', attrs: {}, inputs: [f32([3], [-1.5, 1.5, 2])], outShape: [3], outDtype: 'float32', expected: [-2, 1, 2] },
    { name: 'int32 unchanged', op: 'floor', attrs: {}, inputs: [i32([2], [3, -4])], outShape: [2], outDtype: 'int32', expected: [3, -4] },
    { name: 'float32', op: 'ceil', attrs: {}, inputs: [f32([3], [-1.5, 1.5, 2])], outShape: [3], outDtype: 'float32', expected: [-1, 2, 2] },
    { name: 'int32 unchanged', op: 'ceil', attrs: {}, inputs: [i32([2], [3, -4])], outShape: [2], outDtype: 'int32', expected: [3, -4] },
    { name: 'bool', op: 'logicalNot', attrs: {}, inputs: [bool([2, 2], [1, 0, 0, 1])], outShape: [2, 2], outDtype: 'bool', expected: [0, 1, 1, 0] },
  ];

  const BINARY: PrimitiveCase[] = [
    // [[1],[2]] + [10,20,30]
    { name: 'float32 [2,1] + [3]', op: 'add', attrs: {}, inputs: [f32([2, 1], [1, 2]), f32([3], [10, 20, 30])], outShape: [2, 3], outDtype: 'float32', expected: [11, 21, 31, 12, 22, 32] },
    { name: 'int32 wraps', op: 'add', attrs: {}, inputs: [i32([2], [INT_MAX, -5]), i32([], [1])], outShape: [2], outDtype: 'int32', expected: [INT_MIN, -4] },
    { name: 'float32 [0,3] + [3] is empty', op: 'add', attrs: {}, inputs: [f32([0, 3], []), f32([3], [1, 2, 3])], outShape: [0, 3], outDtype: 'float32', expected: [] },
    { name: 'float32', op: 'sub', attrs: {}, inputs: [f32([2], [5, 3]), f32([], [1])], outShape: [2], outDtype: 'float32', expected: [4, 2] },
    { name: 'int32', op: 'sub', attrs: {}, inputs: [i32([2], [16777217, 0]), i32([2], [1, 7])], outShape: [2], outDtype: 'int32', expected: [16777216, -7] },
    // 65536 * 65537 = 2^32 + 65536, wraps to 65536
    { name: 'int32 wraps', op: 'mul', attrs: {}, inputs: [i32([2], [65536, -3]), i32([2], [65537, 4])], outShape: [2], outDtype: 'int32', expected: [65536, -12] },
    { name: 'float32', op: 'mul', attrs: {}, inputs: [f32([2], [1.5, -2]), f32([2], [2, 0.25])], outShape: [2], outDtype: 'float32', expected: [3, -0.5] },
    { name: 'float32 by zero', op: 'div', attrs: {}, inputs: [f32([3], [1, -1, 0]), f32([], [0])], outShape: [3], outDtype: 'float32', expected: [Infinity, -Infinity, NaN] },
    { name: 'float32', op: 'div', attrs: {}, inputs: [f32([2], [1, 3]), f32([2], [4, -2])], outShape: [2], outDtype: 'float32', expected: [0.25, -1.5] },
    { name: 'float32', op: 'pow', attrs: {}, inputs: [f32([3], [2, 9, -2]), f32([3], [3, 0.5, 2])], outShape: [3], outDtype: 'float32', expected: [8, 3, 4] },
    { name: 'int32', op: 'pow', attrs: {}, inputs: [i32([4], [2, -3, 0, 7]), i32([4], [10, 3, 0, 1])], outShape: [4], outDtype: 'int32', expected: [1024, -27, 1, 7] },
    // int32 wraps (two's complement): 3^20 = 3486784401 = 2^32 - 808182895; 2^31 wraps to -2^31; 2^32 to 0
    // (ORT's Pow and wasm's went through double and saturated to -2^31)
    { name: 'int32 wraps on overflow', op: 'pow', attrs: {}, inputs: [i32([3], [3, 2, 2]), i32([3], [20, 31, 32])], outShape: [3], outDtype: 'int32', expected: [-808182895, INT_MIN, 0] },
    // exponent 2^31-1 (odd): 1, -1, 2^(2^31-1) = 0 mod 2^32, 0;  (-3)^21 = -10460353203 = -(2 * 2^32 + 1870418611)
    { name: 'int32 with a huge exponent', op: 'pow', attrs: {}, inputs: [i32([4], [1, -1, 2, 0]), i32([], [INT_MAX])], outShape: [4], outDtype: 'int32', expected: [1, -1, 0, 0] },
    { name: 'int32 negative base wraps', op: 'pow', attrs: {}, inputs: [i32([], [-3]), i32([3], [5, 21, 0])], outShape: [3], outDtype: 'int32', expected: [-243, -1870418611, 1] },
    // a negative exponent: the real result truncated toward zero (1, +-1 for a base of -1, else 0; 0 for 0)
    { name: 'int32 negative exponents truncate', op: 'pow', attrs: {}, inputs: [i32([8], [3, 2, 1, -1, -1, 0, 7, -1]), i32([8], [-1, -2, -3, -3, -2, -1, INT_MIN, INT_MIN])], outShape: [8], outDtype: 'int32', expected: [0, 0, 1, -1, 1, 0, 0, 1] },
    // wasm keeps a when b is NaN: max(1, NaN) was 1
    { name: 'float32 NaN from either side', op: 'maximum', attrs: {}, inputs: [f32([3], [NaN, 1, 3]), f32([3], [1, NaN, 2])], outShape: [3], outDtype: 'float32', expected: [NaN, NaN, 3] },
    { name: 'float32 NaN scalar b', op: 'maximum', attrs: {}, inputs: [f32([2], [1, 2]), f32([], [NaN])], outShape: [2], outDtype: 'float32', expected: [NaN, NaN] },
    { name: 'int32 exact', op: 'maximum', attrs: {}, inputs: [i32([2], [16777217, -5]), i32([], [16777216])], outShape: [2], outDtype: 'int32', expected: [16777217, 16777216] },
    // [[1],[5]] against [0,3,7]: [[1,3,7],[5,5,7]]
    { name: 'int32 [2,1] vs [3]', op: 'maximum', attrs: {}, inputs: [i32([2, 1], [1, 5]), i32([3], [0, 3, 7])], outShape: [2, 3], outDtype: 'int32', expected: [1, 3, 7, 5, 5, 7] },
    // b [1,1] raises the rank: out [1,3]
    { name: 'float32 vs a [1,1]', op: 'maximum', attrs: {}, inputs: [f32([3], [1, -2, NaN]), f32([1, 1], [0])], outShape: [1, 3], outDtype: 'float32', expected: [1, 0, NaN] },
    { name: 'float32 NaN from either side', op: 'minimum', attrs: {}, inputs: [f32([3], [NaN, 1, 3]), f32([3], [1, NaN, 2])], outShape: [3], outDtype: 'float32', expected: [NaN, NaN, 2] },
    { name: 'int32', op: 'minimum', attrs: {}, inputs: [i32([2, 2], [1, 5, -3, 0]), i32([], [0])], outShape: [2, 2], outDtype: 'int32', expected: [0, 0, -3, 0] },
    { name: 'float32, NaN != NaN', op: 'equal', attrs: {}, inputs: [f32([3], [1, NaN, 2]), f32([3], [1, NaN, 3])], outShape: [3], outDtype: 'bool', expected: [1, 0, 0] },
    { name: 'int32 exact beyond 2^24', op: 'equal', attrs: {}, inputs: [i32([2], [16777217, 5]), i32([2], [16777216, 5])], outShape: [2], outDtype: 'bool', expected: [0, 1] },
    { name: 'bool', op: 'equal', attrs: {}, inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0])], outShape: [4], outDtype: 'bool', expected: [1, 0, 0, 1] },
    { name: 'float32, NaN != NaN', op: 'notEqual', attrs: {}, inputs: [f32([2], [NaN, 1]), f32([2], [NaN, 1])], outShape: [2], outDtype: 'bool', expected: [1, 0] },
    { name: 'float32 vs scalar', op: 'greater', attrs: {}, inputs: [f32([3], [1, 2, 3]), f32([], [2])], outShape: [3], outDtype: 'bool', expected: [0, 0, 1] },
    { name: 'float32 vs scalar', op: 'greaterEqual', attrs: {}, inputs: [f32([3], [1, 2, 3]), f32([], [2])], outShape: [3], outDtype: 'bool', expected: [0, 1, 1] },
    // a single element on the left; -0 equals +0, NaN is unordered
    { name: 'float32 scalar vs -0, 1, NaN, -1', op: 'less', attrs: {}, inputs: [f32([], [0]), f32([4], [-0, 1, NaN, -1])], outShape: [4], outDtype: 'bool', expected: [0, 1, 0, 0] },
    { name: 'float32 scalar vs -0, 1, NaN, -1', op: 'lessEqual', attrs: {}, inputs: [f32([], [0]), f32([4], [-0, 1, NaN, -1])], outShape: [4], outDtype: 'bool', expected: [1, 1, 0, 0] },
    { name: 'int32 [2,1] vs [2]', op: 'less', attrs: {}, inputs: [i32([2, 1], [1, 2]), i32([2], [2, 1])], outShape: [2, 2], outDtype: 'bool', expected: [1, 0, 0, 0] },
    { name: 'float32 vs scalar', op: 'lessEqual', attrs: {}, inputs: [f32([3], [1, 2, 3]), f32([], [2])], outShape: [3], outDtype: 'bool', expected: [1, 1, 0] },
    // [[1&1, 1&0], [0&1, 0&0]]
    { name: 'bool [2,1] vs [2]', op: 'logicalAnd', attrs: {}, inputs: [bool([2, 1], [1, 0]), bool([2], [1, 0])], outShape: [2, 2], outDtype: 'bool', expected: [1, 0, 0, 0] },
    { name: 'bool [2,1] vs [2]', op: 'logicalOr', attrs: {}, inputs: [bool([2, 1], [1, 0]), bool([2], [1, 0])], outShape: [2, 2], outDtype: 'bool', expected: [1, 1, 1, 0] },
  ];

  const M23 = [1, 2, 3, 4, 5, 6]; // [[1,2,3],[4,5,6]]

  const REDUCE: PrimitiveCase[] = [
    { name: 'float32 axis 1', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([2, 3], M23)], outShape: [2], outDtype: 'float32', expected: [6, 15] },
    { name: 'float32 axis 0, keepDims', op: 'reduceSum', attrs: { axes: [0], keepDims: true }, inputs: [f32([2, 3], M23)], outShape: [1, 3], outDtype: 'float32', expected: [5, 7, 9] },
    // wasm returned uninitialised memory here
    { name: 'over an empty axis gives 0', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([2, 0], [])], outShape: [2], outDtype: 'float32', expected: [0, 0] },
    { name: 'of an empty non-reduced axis is empty', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([0, 3], [])], outShape: [0], outDtype: 'float32', expected: [] },
    { name: 'int32 wraps', op: 'reduceSum', attrs: { axes: [0], keepDims: false }, inputs: [i32([2], [INT_MAX, 1])], outShape: [], outDtype: 'int32', expected: [INT_MIN] },
    { name: 'float32 NaN propagates', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [f32([3], [1, NaN, 3])], outShape: [], outDtype: 'float32', expected: [NaN] },
    { name: 'float32 over an empty axis gives -inf', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [f32([0], [])], outShape: [], outDtype: 'float32', expected: [-Infinity] },
    { name: 'int32 exact beyond 2^24', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [i32([2], [16777216, 16777217])], outShape: [], outDtype: 'int32', expected: [16777217] },
    { name: 'float32 axes [0, 2]', op: 'reduceMin', attrs: { axes: [0, 2], keepDims: false }, inputs: [f32([2, 2, 2], [5, 1, 7, 8, -1, 4, 6, 9])], outShape: [2], outDtype: 'float32', expected: [-1, 6] },
    { name: 'float32 over an empty axis gives +inf', op: 'reduceMin', attrs: { axes: [1], keepDims: true }, inputs: [f32([1, 0], [])], outShape: [1, 1], outDtype: 'float32', expected: [Infinity] },
    // int32 has no infinities: the ends of its range (TensorFlow's lowest / highest)
    { name: 'int32 over an empty axis gives -2^31', op: 'reduceMax', attrs: { axes: [0], keepDims: true }, inputs: [i32([0], [])], outShape: [1], outDtype: 'int32', expected: [INT_MIN] },
    { name: 'int32 over an empty axis gives 2^31-1', op: 'reduceMin', attrs: { axes: [0], keepDims: false }, inputs: [i32([0, 2], [])], outShape: [2], outDtype: 'int32', expected: [INT_MAX, INT_MAX] },
    { name: 'int32 all axes', op: 'reduceProd', attrs: { axes: [0, 1], keepDims: false }, inputs: [i32([2, 2], [1, 2, 3, 4])], outShape: [], outDtype: 'int32', expected: [24] },
    { name: 'over an empty axis gives 1', op: 'reduceProd', attrs: { axes: [0], keepDims: false }, inputs: [f32([0, 2], [])], outShape: [2], outDtype: 'float32', expected: [1, 1] },
    { name: 'bool axis 1', op: 'reduceAny', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 2], [1, 0, 0, 0])], outShape: [2], outDtype: 'bool', expected: [1, 0] },
    { name: 'over an empty axis gives false', op: 'reduceAny', attrs: { axes: [0], keepDims: false }, inputs: [bool([0], [])], outShape: [], outDtype: 'bool', expected: [0] },
    { name: 'bool axis 1', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 2], [1, 1, 1, 0])], outShape: [2], outDtype: 'bool', expected: [1, 0] },
    { name: 'over an empty axis gives true', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [bool([2, 0], [])], outShape: [2], outDtype: 'bool', expected: [1, 1] },
  ];

  // 100 ones with 9 at positions 33 and 77: the first 9 is at 33
  const TIES = iota(100).map((i) => (i === 33 || i === 77 ? 9 : 1));

  const ARG_SCAN: PrimitiveCase[] = [
    // rows of [[1,3,3],[5,5,0]]: ties -> first index
    { name: 'float32 axis 1, first on ties', op: 'argMax', attrs: { axis: 1 }, inputs: [f32([2, 3], [1, 3, 3, 5, 5, 0])], outShape: [2], outDtype: 'int32', expected: [1, 0] },
    { name: 'float32 long vector, first on ties', op: 'argMax', attrs: { axis: 0 }, inputs: [f32([100], TIES)], outShape: [], outDtype: 'int32', expected: [33] },
    { name: 'int32 negatives', op: 'argMax', attrs: { axis: 0 }, inputs: [i32([4], [-7, -5, -3, -5])], outShape: [], outDtype: 'int32', expected: [2] },
    { name: 'bool', op: 'argMax', attrs: { axis: 0 }, inputs: [bool([3], [0, 1, 1])], outShape: [], outDtype: 'int32', expected: [1] },
    // columns of [[2,1],[2,0]]: tie -> 0, 0 < 1 -> 1
    { name: 'float32 axis 0', op: 'argMin', attrs: { axis: 0 }, inputs: [f32([2, 2], [2, 1, 2, 0])], outShape: [2], outDtype: 'int32', expected: [0, 1] },
    { name: 'int32 exact beyond 2^24', op: 'argMin', attrs: { axis: 0 }, inputs: [i32([2], [16777217, 16777216])], outShape: [], outDtype: 'int32', expected: [1] },
    { name: 'float32', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [f32([4], [1, 2, 3, 4])], outShape: [4], outDtype: 'float32', expected: [1, 3, 6, 10] },
    // [2+3+4, 3+4, 4, 0]
    { name: 'exclusive reverse', op: 'cumsum', attrs: { axis: 0, exclusive: true, reverse: true }, inputs: [f32([4], [1, 2, 3, 4])], outShape: [4], outDtype: 'float32', expected: [9, 7, 4, 0] },
    // [[1,2],[1+3,2+4]]
    { name: 'int32 axis 0', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [i32([2, 2], [1, 2, 3, 4])], outShape: [2, 2], outDtype: 'int32', expected: [1, 2, 4, 6] },
    // wasm divides by zero on empty tensors
    { name: 'zero-size', op: 'cumsum', attrs: { axis: 1, exclusive: false, reverse: false }, inputs: [f32([0, 3], [])], outShape: [0, 3], outDtype: 'float32', expected: [] },
    { name: 'exclusive', op: 'cumprod', attrs: { axis: 0, exclusive: true, reverse: false }, inputs: [f32([4], [1, 2, 3, 4])], outShape: [4], outDtype: 'float32', expected: [1, 1, 2, 6] },
    // rows reversed: [2*3, 3], [5*6, 6]... of [[2,3],[5,6]] along axis 1
    { name: 'int32 axis 1 reverse', op: 'cumprod', attrs: { axis: 1, exclusive: false, reverse: true }, inputs: [i32([2, 2], [2, 3, 5, 6])], outShape: [2, 2], outDtype: 'int32', expected: [6, 3, 30, 6] },
  ];

  const MISC: PrimitiveCase[] = [
    { name: 'float32', op: 'identity', attrs: {}, inputs: [f32([2], [1.5, -2])], outShape: [2], outDtype: 'float32', expected: [1.5, -2] },
    { name: 'bool', op: 'identity', attrs: {}, inputs: [bool([3], [1, 0, 1])], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    { name: 'float32 -> int32 truncates', op: 'cast', attrs: { dtype: 'int32' }, inputs: [f32([4], [2.7, -2.7, 0.5, -0.5])], outShape: [4], outDtype: 'int32', expected: [2, -2, 0, 0] },
    // wasm keeps the low byte: 0.5 -> 0, -2 -> 254
    { name: 'float32 -> bool is x != 0', op: 'cast', attrs: { dtype: 'bool' }, inputs: [f32([5], [0, 0.5, -2, NaN, -0])], outShape: [5], outDtype: 'bool', expected: [0, 1, 1, 1, 0] },
    { name: 'int32 -> bool is x != 0', op: 'cast', attrs: { dtype: 'bool' }, inputs: [i32([4], [0, 256, -2, 1])], outShape: [4], outDtype: 'bool', expected: [0, 1, 1, 1] },
    { name: 'bool -> float32', op: 'cast', attrs: { dtype: 'float32' }, inputs: [bool([2], [1, 0])], outShape: [2], outDtype: 'float32', expected: [1, 0] },
    { name: 'bool -> int32', op: 'cast', attrs: { dtype: 'int32' }, inputs: [bool([2], [0, 1])], outShape: [2], outDtype: 'int32', expected: [0, 1] },
    // 2^24 + 1 is a tie between 2^24 and 2^24 + 2 in float32: to even, 2^24
    { name: 'int32 -> float32 rounds', op: 'cast', attrs: { dtype: 'float32' }, inputs: [i32([2], [16777217, -3])], outShape: [2], outDtype: 'float32', expected: [16777216, -3] },
    { name: 'same dtype is a copy', op: 'cast', attrs: { dtype: 'float32' }, inputs: [f32([1], [4])], outShape: [1], outDtype: 'float32', expected: [4] },
    // cond [[1],[0]], a [5,6], b 7: row 0 from a, row 1 all 7
    { name: 'float32 broadcast', op: 'where', attrs: {}, inputs: [bool([2, 1], [1, 0]), f32([2], [5, 6]), f32([], [7])], outShape: [2, 2], outDtype: 'float32', expected: [5, 6, 7, 7] },
    { name: 'int32 exact', op: 'where', attrs: {}, inputs: [bool([2], [1, 0]), i32([2], [16777217, 1]), i32([2], [1, INT_MAX])], outShape: [2], outDtype: 'int32', expected: [16777217, INT_MAX] },
    // wasm's select copies 4 bytes per element: wrong or an abort for bool branches
    { name: 'bool branches', op: 'where', attrs: {}, inputs: [bool([4], [1, 0, 1, 0]), bool([4], [1, 1, 0, 0]), bool([4], [0, 1, 1, 0])], outShape: [4], outDtype: 'bool', expected: [1, 1, 0, 0] },
    {
      name: 'bool branches, 60 elements',
      op: 'where',
      attrs: {},
      inputs: [bool([], [1]), bool([60], iota(60).map((i) => +(i % 3 === 0))), bool([60], new Array(60).fill(0))],
      outShape: [60],
      outDtype: 'bool',
      expected: iota(60).map((i) => +(i % 3 === 0)),
    },
    // a 1 stretches to 0 (tfjs kept the 1)
    { name: 'zero-size broadcast', op: 'where', attrs: {}, inputs: [bool([1], [1]), f32([0], []), f32([1], [2])], outShape: [0], outDtype: 'float32', expected: [] },
  ];

  // A = [[1,2,3],[4,5,6]], Bm = [[7,8],[9,10],[11,12]]: A @ Bm = [[58,64],[139,154]]
  const AB = [58, 64, 139, 154];

  const MATMUL: PrimitiveCase[] = [
    { name: '[2,3] @ [3,2]', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 3], M23), f32([3, 2], [7, 8, 9, 10, 11, 12])], outShape: [2, 2], outDtype: 'float32', expected: AB },
    { name: 'transposeA and transposeB', op: 'matMul', attrs: { transposeA: true, transposeB: true }, inputs: [f32([3, 2], [1, 4, 2, 5, 3, 6]), f32([2, 3], [7, 9, 11, 8, 10, 12])], outShape: [2, 2], outDtype: 'float32', expected: AB },
    // batch 0: [[1,2],[3,4]] @ [[1,0],[1,1]] = [[3,2],[7,4]]; batch 1: [[5,6],[7,8]] @ same = [[11,6],[15,8]]
    { name: 'b broadcast over the batch', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), f32([1, 2, 2], [1, 0, 1, 1])], outShape: [2, 2, 2], outDtype: 'float32', expected: [3, 2, 7, 4, 11, 6, 15, 8] },
    // wasm pairs batch i with batch i: a_0 = (1,2), a_1 = (3,4); b_0 = (1,1)^T, b_1 = (1,-1)^T, b_2 = (2,0)^T
    // out[i][j] = a_i . b_j: i=0: 3, -1, 2; i=1: 7, -1, 6
    { name: 'both sides broadcast', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 1, 1, 2], [1, 2, 3, 4]), f32([1, 3, 2, 1], [1, 1, 1, -1, 2, 0])], outShape: [2, 3, 1, 1], outDtype: 'float32', expected: [3, -1, 2, 7, -1, 6] },
    // wasm returned uninitialised memory
    { name: 'inner dimension 0 gives zeros', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([2, 0], []), f32([0, 2], [])], outShape: [2, 2], outDtype: 'float32', expected: [0, 0, 0, 0] },
    // wasm threw
    { name: 'batch dimension 0', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([0, 2, 2], []), f32([1, 2, 2], [1, 2, 3, 4])], outShape: [0, 2, 2], outDtype: 'float32', expected: [] },
  ];

  // X34 = [[0,1,2,3],[4,5,6,7],[8,9,10,11]]
  const X34 = iota(12);
  // [2,30] bools: row 0 has ones in columns 0..9, row 1 a single one in column 29
  const ROWS = [...iota(30).map((j) => +(j < 10)), ...iota(30).map((j) => +(j === 29))];
  // reversed along axis 1: row 0 has ones in columns 20..29, row 1 in column 0
  const ROWS_REVERSED = [...iota(30).map((j) => +(j >= 20)), ...iota(30).map((j) => +(j === 0))];

  const LAYOUT: PrimitiveCase[] = [
    { name: '[2,3] -> [3,-1]', op: 'reshape', attrs: { shape: [3, -1] }, inputs: [f32([2, 3], M23)], outShape: [3, 2], outDtype: 'float32', expected: M23 },
    { name: 'to a scalar', op: 'reshape', attrs: { shape: [] }, inputs: [i32([1, 1], [7])], outShape: [], outDtype: 'int32', expected: [7] },
    // [[0,1,2],[3,4,5]]^T
    { name: '2-D', op: 'transpose', attrs: { perm: [1, 0] }, inputs: [f32([2, 3], iota(6))], outShape: [3, 2], outDtype: 'float32', expected: [0, 3, 1, 4, 2, 5] },
    // x[i][j][k] = 4i + 2j + k, out[k][i][j] = x[i][j][k]
    { name: 'bool 3-D', op: 'transpose', attrs: { perm: [2, 0, 1] }, inputs: [bool([2, 2, 2], [1, 0, 0, 0, 0, 0, 1, 1])], outShape: [2, 2, 2], outDtype: 'bool', expected: [1, 0, 0, 1, 0, 0, 0, 1] },
    // wasm divides by zero
    { name: 'zero-size', op: 'transpose', attrs: { perm: [2, 0, 1] }, inputs: [f32([0, 2, 3], [])], outShape: [3, 0, 2], outDtype: 'float32', expected: [] },
    { name: 'size -1', op: 'slice', attrs: { begin: [1, 1], size: [-1, 2] }, inputs: [f32([3, 4], X34)], outShape: [2, 2], outDtype: 'float32', expected: [5, 6, 9, 10] },
    { name: 'bool', op: 'slice', attrs: { begin: [1], size: [2] }, inputs: [bool([4], [1, 0, 1, 1])], outShape: [2], outDtype: 'bool', expected: [0, 1] },
    { name: 'size 0', op: 'slice', attrs: { begin: [1, 0], size: [0, 4] }, inputs: [f32([3, 4], X34)], outShape: [0, 4], outDtype: 'float32', expected: [] },
    // [[1],[2]] | [[3,4],[5,6]]
    { name: 'axis 1', op: 'concat', attrs: { axis: 1 }, inputs: [i32([2, 1], [1, 2]), i32([2, 2], [3, 4, 5, 6])], outShape: [2, 3], outDtype: 'int32', expected: [1, 3, 4, 2, 5, 6] },
    { name: 'with empty pieces', op: 'concat', attrs: { axis: 0 }, inputs: [f32([0, 2], []), f32([1, 2], [1, 2]), f32([0, 2], [])], outShape: [1, 2], outDtype: 'float32', expected: [1, 2] },
    { name: 'bool', op: 'concat', attrs: { axis: 0 }, inputs: [bool([1], [1]), bool([2], [0, 1])], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    // [[1,2],[3,4],[5,6]] cut by parts of 2 rows and 1 row: the second part is the last row
    { name: 'at 0 and 2', op: 'expandDims', attrs: { axes: [0, 2] }, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6])], outShape: [1, 2, 1, 3], outDtype: 'float32', expected: [1, 2, 3, 4, 5, 6] },
    { name: 'like a 3x2', op: 'reshapeLike', attrs: {}, inputs: [i32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3, 2], [0, 0, 0, 0, 0, 0])], outShape: [3, 2], outDtype: 'int32', expected: [1, 2, 3, 4, 5, 6] },
    // g summed over the axes where like has length 1: [[1,2,3],[4,5,6]] -> [[6],[15]]
    { name: 'like [2, 1]', op: 'sumLike', attrs: {}, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([2, 1], [0, 0])], outShape: [2, 1], outDtype: 'float32', expected: [6, 15] },
    // the run-time shape, as int32
    { name: 'of a matrix', op: 'shapeOf', attrs: {}, inputs: [f32([2, 3], [1, 2, 3, 4, 5, 6])], outShape: [2], outDtype: 'int32', expected: [2, 3] },
    { name: 'second part', op: 'concatPart', attrs: { axis: 0, index: 1 }, inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), f32([2, 2], [0, 0, 0, 0]), f32([1, 2], [0, 0])], outShape: [1, 2], outDtype: 'float32', expected: [5, 6] },
    // [[1,2]] with a row before and a column after
    { name: 'float32', op: 'pad', attrs: { pads: [[1, 0], [0, 1]], value: 9 }, inputs: [f32([1, 2], [1, 2])], outShape: [2, 3], outDtype: 'float32', expected: [9, 9, 9, 1, 2, 9] },
    // wasm's pad caches its operator by value: a NaN fill corrupts later pads
    { name: 'NaN fill', op: 'pad', attrs: { pads: [[1, 1]], value: NaN }, inputs: [f32([1], [1])], outShape: [3], outDtype: 'float32', expected: [NaN, 1, NaN] },
    { name: '-inf fill after a NaN fill', op: 'pad', attrs: { pads: [[1, 1]], value: -Infinity }, inputs: [f32([1], [1])], outShape: [3], outDtype: 'float32', expected: [-Infinity, 1, -Infinity] },
    { name: '5 after a NaN fill', op: 'pad', attrs: { pads: [[0, 2]], value: 5 }, inputs: [f32([1], [1])], outShape: [3], outDtype: 'float32', expected: [1, 5, 5] },
    // wasm passes the fill as float32: 2^31-1 became -2^31
    { name: 'int32 large fill', op: 'pad', attrs: { pads: [[1, 1]], value: INT_MAX }, inputs: [i32([1], [3])], outShape: [3], outDtype: 'int32', expected: [INT_MAX, 3, INT_MAX] },
    { name: 'bool', op: 'pad', attrs: { pads: [[0, 2]], value: 1 }, inputs: [bool([2], [0, 1])], outShape: [4], outDtype: 'bool', expected: [0, 1, 1, 1] },
    // tfjs refuses pad of a scalar
    { name: 'scalar', op: 'pad', attrs: { pads: [], value: 0 }, inputs: [f32([], [4])], outShape: [], outDtype: 'float32', expected: [4] },
    { name: '[2,2] reps [2,1]', op: 'tile', attrs: { reps: [2, 1] }, inputs: [i32([2, 2], [1, 2, 3, 4])], outShape: [4, 2], outDtype: 'int32', expected: [1, 2, 3, 4, 1, 2, 3, 4] },
    { name: 'bool', op: 'tile', attrs: { reps: [3] }, inputs: [bool([2], [1, 0])], outShape: [6], outDtype: 'bool', expected: [1, 0, 1, 0, 1, 0] },
    // [[1,2],[3,4]]: rows [1,2,1,2,1,2], [3,4,3,4,3,4], then both again
    {
      name: 'float32 reps [2,3]',
      op: 'tile',
      attrs: { reps: [2, 3] },
      inputs: [f32([2, 2], [1, 2, 3, 4])],
      outShape: [4, 6],
      outDtype: 'float32',
      expected: [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4],
    },
    { name: 'rep 0', op: 'tile', attrs: { reps: [0, 1] }, inputs: [f32([2, 2], [1, 2, 3, 4])], outShape: [0, 2], outDtype: 'float32', expected: [] },
    { name: 'axis 1', op: 'reverse', attrs: { axes: [1] }, inputs: [f32([2, 3], iota(6))], outShape: [2, 3], outDtype: 'float32', expected: [2, 1, 0, 5, 4, 3] },
    { name: 'int32 axes [0, 1]', op: 'reverse', attrs: { axes: [0, 1] }, inputs: [i32([2, 3], iota(6))], outShape: [2, 3], outDtype: 'int32', expected: [5, 4, 3, 2, 1, 0] },
    // wasm's reverse reads 4 bytes per bool: garbage, or a wasm abort that kills the engine
    { name: 'bool, 60 elements', op: 'reverse', attrs: { axes: [1] }, inputs: [bool([2, 30], ROWS)], outShape: [2, 30], outDtype: 'bool', expected: ROWS_REVERSED },
    { name: 'no axes', op: 'reverse', attrs: { axes: [] }, inputs: [f32([2], [1, 2])], outShape: [2], outDtype: 'float32', expected: [1, 2] },
    { name: '[3] -> [2,3]', op: 'broadcastTo', attrs: { shape: [2, 3] }, inputs: [f32([3], [1, 2, 3])], outShape: [2, 3], outDtype: 'float32', expected: [1, 2, 3, 1, 2, 3] },
    { name: 'bool scalar', op: 'broadcastTo', attrs: { shape: [2, 2] }, inputs: [bool([], [1])], outShape: [2, 2], outDtype: 'bool', expected: [1, 1, 1, 1] },
    // x = [[[1,2,3]],[[4,5,6]]]: each row repeated 4 times along the middle axis
    {
      name: 'middle axis [2,1,3] -> [2,4,3]',
      op: 'broadcastTo',
      attrs: { shape: [2, 4, 3] },
      inputs: [f32([2, 1, 3], [1, 2, 3, 4, 5, 6])],
      outShape: [2, 4, 3],
      outDtype: 'float32',
      expected: [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 4, 5, 6, 4, 5, 6],
    },
    // out[a][i][j] = x[i]: [[1,1,1],[2,2,2]] twice
    { name: 'int32 [2,1] -> [2,2,3]', op: 'broadcastTo', attrs: { shape: [2, 2, 3] }, inputs: [i32([2, 1], [1, 2])], outShape: [2, 2, 3], outDtype: 'int32', expected: [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2] },
    // a 1 stretches to 0 (tfjs kept the 1)
    { name: '[1,2] -> [0,2]', op: 'broadcastTo', attrs: { shape: [0, 2] }, inputs: [f32([1, 2], [1, 2])], outShape: [0, 2], outDtype: 'float32', expected: [] },
    { name: '[2,1] like a bool [2,3]', op: 'broadcastLike', attrs: {}, inputs: [i32([2, 1], [1, 2]), bool([2, 3], [0, 0, 0, 0, 0, 0])], outShape: [2, 3], outDtype: 'int32', expected: [1, 1, 1, 2, 2, 2] },
  ];

  const INDEXING: PrimitiveCase[] = [
    // x = [[1,2],[3,4],[5,6]]; indices [[2,0],[1,2]] -> [[x2,x0],[x1,x2]]
    { name: 'axis 0, 2-D indices', op: 'gather', attrs: { axis: 0 }, inputs: [f32([3, 2], [1, 2, 3, 4, 5, 6]), i32([2, 2], [2, 0, 1, 2])], outShape: [2, 2, 2], outDtype: 'float32', expected: [5, 6, 1, 2, 3, 4, 5, 6] },
    // columns 2, 0 of [[1,2,3],[4,5,6]]
    { name: 'int32 axis 1', op: 'gather', attrs: { axis: 1 }, inputs: [i32([2, 3], M23), i32([2], [2, 0])], outShape: [2, 2], outDtype: 'int32', expected: [3, 1, 6, 4] },
    { name: 'bool, scalar index', op: 'gather', attrs: { axis: 0 }, inputs: [bool([3], [1, 0, 1]), i32([], [1])], outShape: [], outDtype: 'bool', expected: [0] },
    // x = [[1,0,0],[0,1,1]], indices [[2,2],[0,1]]: out[p] = [[x[p][2], x[p][2]], [x[p][0], x[p][1]]]
    { name: 'bool axis 1, 2-D indices', op: 'gather', attrs: { axis: 1 }, inputs: [bool([2, 3], [1, 0, 0, 0, 1, 1]), i32([2, 2], [2, 2, 0, 1])], outShape: [2, 2, 2], outDtype: 'bool', expected: [0, 0, 1, 0, 1, 1, 0, 1] },
    { name: 'empty indices', op: 'gather', attrs: { axis: 1 }, inputs: [f32([2, 2], [1, 2, 3, 4]), i32([0], [])], outShape: [2, 0], outDtype: 'float32', expected: [] },
    // out[0] = 1 + 3, out[1] = 0, out[2] = 2 + 4
    { name: 'repeated indices', op: 'scatterAdd', attrs: { axis: 0, size: 3 }, inputs: [f32([4], [1, 2, 3, 4]), i32([4], [0, 2, 0, 2])], outShape: [3], outDtype: 'float32', expected: [4, 0, 6] },
    // updates[p][j][q] with p=0: [[1,2],[3,4],[5,6]], p=1: [[10,20],[30,40],[50,60]]; indices [0,2,0]
    // out[0] = [[1+5, 2+6], [0,0], [3,4]], out[1] = [[10+50, 20+60], [0,0], [30,40]]
    { name: 'axis 1 with a trailing axis', op: 'scatterAdd', attrs: { axis: 1, size: 3 }, inputs: [f32([2, 3, 2], [1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]), i32([3], [0, 2, 0])], outShape: [2, 3, 2], outDtype: 'float32', expected: [6, 8, 0, 0, 3, 4, 60, 80, 0, 0, 30, 40] },
    // positions (0,0) [1,2], (0,1) [3,4], (1,0) [5,6], (1,1) [7,8]; indices [[0,1],[1,1]]
    // out[0] = [1,2], out[1] = [3+5+7, 4+6+8], out[2] = [0,0]
    { name: 'int32, 2-D indices', op: 'scatterAdd', attrs: { axis: 0, size: 3 }, inputs: [i32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), i32([2, 2], [0, 1, 1, 1])], outShape: [3, 2], outDtype: 'int32', expected: [1, 2, 15, 18, 0, 0] },
    { name: 'no updates gives zeros', op: 'scatterAdd', attrs: { axis: 1, size: 2 }, inputs: [f32([2, 0], []), i32([0], [])], outShape: [2, 2], outDtype: 'float32', expected: [0, 0, 0, 0] },
  ];

  return [...UNARY, ...BINARY, ...REDUCE, ...ARG_SCAN, ...MISC, ...MATMUL, ...LAYOUT, ...INDEXING];
})();

/* ------------------------------------------------------------------------ */
/* int32 wrap-around and NaN                                                */
/* ------------------------------------------------------------------------ */

const MAX32 = 2147483647;
const MIN32 = -2147483648;
const i32v = (data: number[]): CaseInput => i32([data.length], data);

/** int32 arithmetic wraps (two's complement, like Int32Array); NaN propagates. First written for the reference backend. */
const WRAP_AND_NAN_CASES: PrimitiveCase[] = [
  { name: 'int32 add wraps', op: 'add', attrs: {}, inputs: [i32v([MAX32, MIN32]), i32v([1, -1])], outShape: [2], outDtype: 'int32', expected: [MIN32, MAX32] },
  { name: 'int32 sub wraps', op: 'sub', attrs: {}, inputs: [i32v([MIN32]), i32v([1])], outShape: [1], outDtype: 'int32', expected: [MAX32] },
  // 65536 * 65536 = 2^32 wraps to 0; 46341^2 = 2147488281 wraps to -2147479015; MAX^2 = 2^62 - 2^32 + 1 -> 1
  {
    name: 'int32 mul wraps',
    op: 'mul',
    attrs: {},
    inputs: [i32v([65536, 46341, MAX32]), i32v([65536, 46341, MAX32])],
    outShape: [3],
    outDtype: 'int32',
    expected: [0, -2147479015, 1],
  },
  { name: 'int32 neg of -2^31 wraps', op: 'neg', attrs: {}, inputs: [i32v([MIN32])], outShape: [1], outDtype: 'int32', expected: [MIN32] },
  { name: 'int32 reduceSum wraps', op: 'reduceSum', attrs: { axes: [0], keepDims: false }, inputs: [i32v([MAX32, 1])], outShape: [], outDtype: 'int32', expected: [MIN32] },
  { name: 'int32 reduceProd wraps', op: 'reduceProd', attrs: { axes: [0], keepDims: false }, inputs: [i32v([65536, 65536, 3])], outShape: [], outDtype: 'int32', expected: [0] },
  {
    name: 'int32 cumsum wraps',
    op: 'cumsum',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [i32v([MAX32, 1, 1])],
    outShape: [3],
    outDtype: 'int32',
    expected: [MAX32, MIN32, MIN32 + 1],
  },
  {
    name: 'int32 cumprod wraps',
    op: 'cumprod',
    attrs: { axis: 0, exclusive: false, reverse: false },
    inputs: [i32v([65536, 65536])],
    outShape: [2],
    outDtype: 'int32',
    expected: [65536, 0],
  },
  { name: 'int32 scatterAdd wraps', op: 'scatterAdd', attrs: { axis: 0, size: 1 }, inputs: [i32v([MAX32, 1]), i32v([0, 0])], outShape: [1], outDtype: 'int32', expected: [MIN32] },
  { name: 'maximum propagates NaN from either side', op: 'maximum', attrs: {}, inputs: [f32([3], [NaN, 1, NaN]), f32([3], [1, NaN, NaN])], outShape: [3], outDtype: 'float32', expected: [NaN, NaN, NaN] },
  { name: 'minimum propagates NaN from either side', op: 'minimum', attrs: {}, inputs: [f32([3], [NaN, 1, NaN]), f32([3], [1, NaN, NaN])], outShape: [3], outDtype: 'float32', expected: [NaN, NaN, NaN] },
  // x = [[1,NaN,3,4],[5,6,7,NaN]]: every row has a NaN; columns 1 and 3 do
  { name: 'reduceMax NaN over rows', op: 'reduceMax', attrs: { axes: [1], keepDims: false }, inputs: [f32([2, 4], [1, NaN, 3, 4, 5, 6, 7, NaN])], outShape: [2], outDtype: 'float32', expected: [NaN, NaN] },
  { name: 'reduceMax NaN over columns', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [f32([2, 4], [1, NaN, 3, 4, 5, 6, 7, NaN])], outShape: [4], outDtype: 'float32', expected: [5, NaN, 7, NaN] },
  { name: 'reduceMin NaN over columns', op: 'reduceMin', attrs: { axes: [0], keepDims: false }, inputs: [f32([2, 4], [1, NaN, 3, 4, 5, 6, 7, NaN])], outShape: [4], outDtype: 'float32', expected: [1, NaN, 3, NaN] },
  { name: 'argMax picks the first NaN', op: 'argMax', attrs: { axis: 0 }, inputs: [f32([4], [1, NaN, 5, NaN])], outShape: [], outDtype: 'int32', expected: [1] },
  { name: 'argMin picks the first NaN', op: 'argMin', attrs: { axis: 0 }, inputs: [f32([3], [1, 0, NaN])], outShape: [], outDtype: 'int32', expected: [2] },
  // columns of [[1,2],[NaN,0],[5,NaN]]: the first NaN is at row 1, then row 2
  { name: 'argMax picks the first NaN per column', op: 'argMax', attrs: { axis: 0 }, inputs: [f32([3, 2], [1, 2, NaN, 0, 5, NaN])], outShape: [2], outDtype: 'int32', expected: [1, 2] },
  { name: 'relu keeps NaN', op: 'relu', attrs: {}, inputs: [f32([1], [NaN])], outShape: [1], outDtype: 'float32', expected: [NaN] },
  { name: 'float64 sigmoid at the extremes', op: 'sigmoid', attrs: {}, inputs: [f64([4], [-800, 800, -Infinity, Infinity])], outShape: [4], outDtype: 'float64', expected: [0, 1, 0, 1] },
  {
    name: 'cast float64 -> int32 truncates, saturates, NaN gives 0',
    op: 'cast',
    attrs: { dtype: 'int32' },
    inputs: [f64([4], [NaN, -0.9, 1e10, -1e10])],
    outShape: [4],
    outDtype: 'int32',
    expected: [0, 0, MAX32, MIN32],
  },
  { name: 'cast float32 -> bool: NaN is true, -0 false', op: 'cast', attrs: { dtype: 'bool' }, inputs: [f32([2], [NaN, -0])], outShape: [2], outDtype: 'bool', expected: [1, 0] },
];

/* ------------------------------------------------------------------------ */
/* First written for the onnx backend                                       */
/* ------------------------------------------------------------------------ */

/**
 * Cases first written for the onnx backend, many on the dtypes where ORT lacks a kernel
 * and the adapter casts around it; the semantics hold on every backend.
 */
const ONNX_FIRST_CASES: PrimitiveCase[] = ((): PrimitiveCase[] => {
  const t = (data: number[], shape: number[], dtype: DType): CaseInput => ({ data, shape, dtype });
  return [
    { name: 'float64 neg #1', op: 'neg', attrs: {}, inputs: [t([1.5, -2, 0], [3], 'float64')], outShape: [3], outDtype: 'float64', expected: [-1.5, 2, -0] },
    { name: 'float64 abs #1', op: 'abs', attrs: {}, inputs: [t([-2.5, 3], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [2.5, 3] },
    { name: 'float64 sign #1', op: 'sign', attrs: {}, inputs: [t([-3, 0, 2], [3], 'float64')], outShape: [3], outDtype: 'float64', expected: [-1, 0, 1] },
    { name: 'int32 sign #2', op: 'sign', attrs: {}, inputs: [t([-7, 0, 9], [3], 'int32')], outShape: [3], outDtype: 'int32', expected: [-1, 0, 1] },
    { name: 'int32 abs #2', op: 'abs', attrs: {}, inputs: [t([-2147483647, 5], [2], 'int32')], outShape: [2], outDtype: 'int32', expected: [2147483647, 5] },
    { name: 'float64 sqrt #1', op: 'sqrt', attrs: {}, inputs: [t([9, 0.25, 0], [3], 'float64')], outShape: [3], outDtype: 'float64', expected: [3, 0.5, 0] },
    { name: 'float64 exp #1', op: 'exp', attrs: {}, inputs: [t([0], [1], 'float64')], outShape: [1], outDtype: 'float64', expected: [1] },
    { name: 'float64 log #1', op: 'log', attrs: {}, inputs: [t([1, 0], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [0, -Infinity] },
    { name: 'float64 sin #1', op: 'sin', attrs: {}, inputs: [t([0], [1], 'float64')], outShape: [1], outDtype: 'float64', expected: [0] },
    { name: 'float64 cos #1', op: 'cos', attrs: {}, inputs: [t([0], [1], 'float64')], outShape: [1], outDtype: 'float64', expected: [1] },
    { name: 'float32 tanh #1', op: 'tanh', attrs: {}, inputs: [t([0], [1], 'float32')], outShape: [1], outDtype: 'float32', expected: [0] },
    // Large |x|: 1 and 0, no overflow.
    { name: 'float32 sigmoid #1', op: 'sigmoid', attrs: {}, inputs: [t([100, -1000, 1000], [3], 'float32')], outShape: [3], outDtype: 'float32', expected: [1, 0, 1] },
    { name: 'float64 sigmoid #2', op: 'sigmoid', attrs: {}, inputs: [t([800, -800], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [1, 0] },
    { name: 'int32 relu #1', op: 'relu', attrs: {}, inputs: [t([-3, 0, 4], [3], 'int32')], outShape: [3], outDtype: 'int32', expected: [0, 0, 4] },
    { name: 'float64 relu #2', op: 'relu', attrs: {}, inputs: [t([-0.5, 2.5], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [0, 2.5] },
    { name: 'float64 round #1', op: 'round', attrs: {}, inputs: [t([3.5, -3.5], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [4, -4] },
    { name: 'float64 floor #1', op: 'floor', attrs: {}, inputs: [t([-1.5, 1.5], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [-2, 1] },
    { name: 'float64 ceil #1', op: 'ceil', attrs: {}, inputs: [t([-1.5, 1.5], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [-1, 2] },
    { name: 'int32 round #2', op: 'round', attrs: {}, inputs: [t([3, -4], [2], 'int32')], outShape: [2], outDtype: 'int32', expected: [3, -4] },
    { name: 'int32 floor #2', op: 'floor', attrs: {}, inputs: [t([7], [1], 'int32')], outShape: [1], outDtype: 'int32', expected: [7] },
    { name: 'int32 ceil #2', op: 'ceil', attrs: {}, inputs: [t([-7], [1], 'int32')], outShape: [1], outDtype: 'int32', expected: [-7] },
    { name: 'bool logicalNot #1', op: 'logicalNot', attrs: {}, inputs: [t([1, 0, 0], [3], 'bool')], outShape: [3], outDtype: 'bool', expected: [0, 1, 1] },
    { name: 'float64 sub #1', op: 'sub', attrs: {}, inputs: [t([0.5, 1], [2], 'float64'), t([0.25], [], 'float64')], outShape: [2], outDtype: 'float64', expected: [0.25, 0.75] },
    { name: 'float64 mul #1', op: 'mul', attrs: {}, inputs: [t([1.5, -2], [2], 'float64'), t([2, 3], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [3, -6] },
    { name: 'float64 pow #1', op: 'pow', attrs: {}, inputs: [t([4, 2], [2], 'float64'), t([0.5, -1], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [2, 0.5] },
    { name: 'int32 maximum #1', op: 'maximum', attrs: {}, inputs: [t([1, -5, 3], [3], 'int32'), t([2], [1], 'int32')], outShape: [3], outDtype: 'int32', expected: [2, 2, 3] },
    { name: 'float64 minimum #1', op: 'minimum', attrs: {}, inputs: [t([1.5, -5], [2], 'float64'), t([0, 0], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [0, -5] },
    { name: 'float64 greaterEqual #1', op: 'greaterEqual', attrs: {}, inputs: [t([0.5, NaN], [2], 'float64'), t([0.5, 0], [2], 'float64')], outShape: [2], outDtype: 'bool', expected: [1, 0] },
    // [[9], [3], [9]] along axis 0: 9 first at row 0
    { name: 'int32 argMax #1', op: 'argMax', attrs: { axis: 0 }, inputs: [t([9, 3, 9], [3, 1], 'int32')], outShape: [1], outDtype: 'int32', expected: [0] },
    { name: 'bool identity #1', op: 'identity', attrs: {}, inputs: [t([1, 0, 1], [3], 'bool')], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    { name: 'float32 cast #1', op: 'cast', attrs: { dtype: 'int32' }, inputs: [t([-1.7, 2.9, -0.2, 0.5], [4], 'float32')], outShape: [4], outDtype: 'int32', expected: [-1, 2, 0, 0] },
    { name: 'float64 cast #2', op: 'cast', attrs: { dtype: 'bool' }, inputs: [t([0.5, -0, 0, -3, NaN], [5], 'float64')], outShape: [5], outDtype: 'bool', expected: [1, 0, 0, 1, 1] },
    { name: 'bool cast #3', op: 'cast', attrs: { dtype: 'float64' }, inputs: [t([1, 0], [2], 'bool')], outShape: [2], outDtype: 'float64', expected: [1, 0] },
    { name: 'int32 cast #4', op: 'cast', attrs: { dtype: 'float64' }, inputs: [t([-2147483648], [1], 'int32')], outShape: [1], outDtype: 'float64', expected: [-2147483648] },
    { name: 'float64 cast #5', op: 'cast', attrs: { dtype: 'float32' }, inputs: [t([0.1], [1], 'float64')], outShape: [1], outDtype: 'float32', expected: [Math.fround(0.1)] },
    { name: 'int32 cast #6', op: 'cast', attrs: { dtype: 'int32' }, inputs: [t([3], [1], 'int32')], outShape: [1], outDtype: 'int32', expected: [3] },
    { name: 'bool slice #1', op: 'slice', attrs: { begin: [1], size: [1] }, inputs: [t([1, 0, 1], [3], 'bool')], outShape: [1], outDtype: 'bool', expected: [0] },
    { name: 'int32 pad #1', op: 'pad', attrs: { pads: [[2, 1]], value: 7 }, inputs: [t([3], [1], 'int32')], outShape: [4], outDtype: 'int32', expected: [7, 7, 3, 7] },
    { name: 'bool pad #2', op: 'pad', attrs: { pads: [[1, 1]], value: 1 }, inputs: [t([0], [1], 'bool')], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    { name: 'bool tile #1', op: 'tile', attrs: { reps: [2, 1] }, inputs: [t([1, 0], [1, 2], 'bool')], outShape: [2, 2], outDtype: 'bool', expected: [1, 0, 1, 0] },
    { name: 'float64 tile #2', op: 'tile', attrs: { reps: [3] }, inputs: [t([1.5, 2], [2], 'float64')], outShape: [6], outDtype: 'float64', expected: [1.5, 2, 1.5, 2, 1.5, 2] },
    { name: 'bool reverse #1', op: 'reverse', attrs: { axes: [0] }, inputs: [t([1, 0, 0, 1, 1, 1], [3, 2], 'bool')], outShape: [3, 2], outDtype: 'bool', expected: [1, 1, 0, 1, 1, 0] },
    { name: 'int32 reverse #2', op: 'reverse', attrs: { axes: [] }, inputs: [t([1, 2], [2], 'int32')], outShape: [2], outDtype: 'int32', expected: [1, 2] },
    { name: 'bool gather #1', op: 'gather', attrs: { axis: 0 }, inputs: [t([1, 0, 1], [3], 'bool'), t([1, 2], [2], 'int32')], outShape: [2], outDtype: 'bool', expected: [0, 1] },
    { name: 'bool broadcastTo #1', op: 'broadcastTo', attrs: { shape: [3] }, inputs: [t([1], [], 'bool')], outShape: [3], outDtype: 'bool', expected: [1, 1, 1] },
    // sigmoid(0) = 1/2; sigmoid(-20) = e^-20 / (1 + e^-20), e^-20 = 2.061153622438558e-9, so
    // 2.0611536182e-9. The tolerance is absolute here (|x| < 1): 1e-12 is a relative error of
    // 5e-4 at -20 (ORT's own Sigmoid is off by about 1e-2 there).
    { name: 'float32 sigmoid far into the tail', op: 'sigmoid', attrs: {}, inputs: [t([0, -20], [2], 'float32')], outShape: [2], outDtype: 'float32', expected: [0.5, 2.0611536182e-9], tol: 1e-12 },
    // e^-30 = 9.357622968840175e-14: sigmoid(-30) = e^-30 - e^-60 + ... = 9.3576229688393e-14 (tol: relative 1e-11)
    { name: 'float64 sigmoid far into the tail', op: 'sigmoid', attrs: {}, inputs: [t([-30], [1], 'float64')], outShape: [1], outDtype: 'float64', expected: [9.3576229688393e-14], tol: 1e-24 },
    // [[1],[2]] + [10, 20, 30]
    { name: 'int32 add, [2,1] + [3]', op: 'add', attrs: {}, inputs: [t([1, 2], [2, 1], 'int32'), t([10, 20, 30], [3], 'int32')], outShape: [2, 3], outDtype: 'int32', expected: [11, 21, 31, 12, 22, 32] },
    { name: 'float64 div by zero: inf, -inf, NaN', op: 'div', attrs: {}, inputs: [t([1, -1, 0, 7], [4], 'float64'), t([0, 0, 0, 2], [4], 'float64')], outShape: [4], outDtype: 'float64', expected: [Infinity, -Infinity, NaN, 3.5] },
    // 2^10, 3^0, (-2)^3, 5^1, 0^0, 7^11 = 1977326743
    { name: 'int32 pow up to 7^11', op: 'pow', attrs: {}, inputs: [t([2, 3, -2, 5, 0, 7], [6], 'int32'), t([10, 0, 3, 1, 0, 11], [6], 'int32')], outShape: [6], outDtype: 'int32', expected: [1024, 1, -8, 5, 1, 1977326743] },
    // a = [1, 0, 1, 0], b = [0, 0, 1, 1] as bools (false < true)
    { name: 'bool equal, all four pairs', op: 'equal', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [0, 1, 1, 0] },
    { name: 'bool notEqual', op: 'notEqual', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [1, 0, 0, 1] },
    { name: 'bool greater', op: 'greater', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [1, 0, 0, 0] },
    { name: 'bool greaterEqual', op: 'greaterEqual', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [1, 1, 1, 0] },
    { name: 'bool less', op: 'less', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [0, 0, 0, 1] },
    { name: 'bool lessEqual', op: 'lessEqual', attrs: {}, inputs: [t([1, 0, 1, 0], [4], 'bool'), t([0, 0, 1, 1], [4], 'bool')], outShape: [4], outDtype: 'bool', expected: [0, 1, 1, 1] },
    { name: 'int32 notEqual with a scalar', op: 'notEqual', attrs: {}, inputs: [t([-1, 2, 3], [3], 'int32'), t([2], [], 'int32')], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    { name: 'int32 less with a scalar', op: 'less', attrs: {}, inputs: [t([-1, 2, 3], [3], 'int32'), t([2], [], 'int32')], outShape: [3], outDtype: 'bool', expected: [1, 0, 0] },
    // [[1], [0]] with [1, 0, 1]
    { name: 'bool logicalAnd, [2,1] vs [3]', op: 'logicalAnd', attrs: {}, inputs: [t([1, 0], [2, 1], 'bool'), t([1, 0, 1], [3], 'bool')], outShape: [2, 3], outDtype: 'bool', expected: [1, 0, 1, 0, 0, 0] },
    { name: 'bool logicalOr, [2,1] vs [3]', op: 'logicalOr', attrs: {}, inputs: [t([1, 0], [2, 1], 'bool'), t([1, 0, 1], [3], 'bool')], outShape: [2, 3], outDtype: 'bool', expected: [1, 1, 1, 1, 0, 1] },
    // m = [[1, 2, 3], [4, 5, 6]]
    { name: 'int32 reduceSum over all axes', op: 'reduceSum', attrs: { axes: [0, 1], keepDims: false }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32')], outShape: [], outDtype: 'int32', expected: [21] },
    { name: 'int32 reduceMax over axis 1, keepDims', op: 'reduceMax', attrs: { axes: [1], keepDims: true }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32')], outShape: [2, 1], outDtype: 'int32', expected: [3, 6] },
    { name: 'int32 reduceMin over axis 0', op: 'reduceMin', attrs: { axes: [0], keepDims: false }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32')], outShape: [3], outDtype: 'int32', expected: [1, 2, 3] },
    // 1 * 2 * 3 = 6, 4 * 5 * 6 = 120
    { name: 'int32 reduceProd over axis 1', op: 'reduceProd', attrs: { axes: [1], keepDims: false }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32')], outShape: [2], outDtype: 'int32', expected: [6, 120] },
    // [[1, 2], [3, 4]] over axis 0: [1 * 3, 2 * 4]
    { name: 'float64 reduceProd over axis 0, keepDims', op: 'reduceProd', attrs: { axes: [0], keepDims: true }, inputs: [t([1, 2, 3, 4], [2, 2], 'float64')], outShape: [1, 2], outDtype: 'float64', expected: [3, 8] },
    // A length-0 axis gives the identity: 0, 1, -inf, +inf (int32: its extremes), false, true.
    { name: 'float64 reduceSum over an empty axis gives 0', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [t([], [2, 0], 'float64')], outShape: [2], outDtype: 'float64', expected: [0, 0] },
    { name: 'float64 reduceProd over an empty axis gives 1', op: 'reduceProd', attrs: { axes: [1], keepDims: false }, inputs: [t([], [2, 0], 'float64')], outShape: [2], outDtype: 'float64', expected: [1, 1] },
    { name: 'float64 reduceMax over an empty axis gives -inf', op: 'reduceMax', attrs: { axes: [1], keepDims: false }, inputs: [t([], [2, 0], 'float64')], outShape: [2], outDtype: 'float64', expected: [-Infinity, -Infinity] },
    { name: 'float64 reduceMin over an empty axis gives +inf, keepDims', op: 'reduceMin', attrs: { axes: [1], keepDims: true }, inputs: [t([], [2, 0], 'float64')], outShape: [2, 1], outDtype: 'float64', expected: [Infinity, Infinity] },
    { name: 'int32 reduceSum over an empty axis gives 0', op: 'reduceSum', attrs: { axes: [0], keepDims: false }, inputs: [t([], [0, 3], 'int32')], outShape: [3], outDtype: 'int32', expected: [0, 0, 0] },
    { name: 'int32 reduceProd over an empty axis gives 1', op: 'reduceProd', attrs: { axes: [0], keepDims: false }, inputs: [t([], [0, 3], 'int32')], outShape: [3], outDtype: 'int32', expected: [1, 1, 1] },
    { name: 'int32 reduceMax over an empty axis gives -2^31', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [t([], [0, 3], 'int32')], outShape: [3], outDtype: 'int32', expected: [-2147483648, -2147483648, -2147483648] },
    { name: 'int32 reduceMin over an empty axis gives 2^31 - 1', op: 'reduceMin', attrs: { axes: [0], keepDims: false }, inputs: [t([], [0, 3], 'int32')], outShape: [3], outDtype: 'int32', expected: [2147483647, 2147483647, 2147483647] },
    { name: 'bool reduceAny over an empty axis of [2,0]', op: 'reduceAny', attrs: { axes: [1], keepDims: false }, inputs: [t([], [2, 0], 'bool')], outShape: [2], outDtype: 'bool', expected: [0, 0] },
    { name: 'bool reduceAll over an empty axis of [2,0]', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [t([], [2, 0], 'bool')], outShape: [2], outDtype: 'bool', expected: [1, 1] },
    // b = [[1, 0, 0], [0, 0, 0], [1, 1, 1]]
    { name: 'bool reduceAny over rows', op: 'reduceAny', attrs: { axes: [1], keepDims: false }, inputs: [t([1, 0, 0, 0, 0, 0, 1, 1, 1], [3, 3], 'bool')], outShape: [3], outDtype: 'bool', expected: [1, 0, 1] },
    { name: 'bool reduceAll over rows', op: 'reduceAll', attrs: { axes: [1], keepDims: false }, inputs: [t([1, 0, 0, 0, 0, 0, 1, 1, 1], [3, 3], 'bool')], outShape: [3], outDtype: 'bool', expected: [0, 0, 1] },
    { name: 'bool reduceAny over columns, keepDims', op: 'reduceAny', attrs: { axes: [0], keepDims: true }, inputs: [t([1, 0, 0, 0, 0, 0, 1, 1, 1], [3, 3], 'bool')], outShape: [1, 3], outDtype: 'bool', expected: [1, 1, 1] },
    { name: 'bool reduceAll over both axes, keepDims', op: 'reduceAll', attrs: { axes: [0, 1], keepDims: true }, inputs: [t([1, 0, 0, 0, 0, 0, 1, 1, 1], [3, 3], 'bool')], outShape: [1, 1], outDtype: 'bool', expected: [0] },
    // [[[1, 5, 5], [7, 0, 7]]] along axis 2: the first index on ties
    { name: 'float64 argMax over the last axis, ties', op: 'argMax', attrs: { axis: 2 }, inputs: [t([1, 5, 5, 7, 0, 7], [1, 2, 3], 'float64')], outShape: [1, 2], outDtype: 'int32', expected: [1, 0] },
    { name: 'float64 argMin over the last axis', op: 'argMin', attrs: { axis: 2 }, inputs: [t([1, 5, 5, 7, 0, 7], [1, 2, 3], 'float64')], outShape: [1, 2], outDtype: 'int32', expected: [0, 1] },
    // rows [1, 2, 3], [4, 5, 6] along axis 1; exclusive reverse: sums of x[i+1:] = [5, 3, 0], [11, 6, 0]
    { name: 'float64 cumsum over axis 1', op: 'cumsum', attrs: { axis: 1, exclusive: false, reverse: false }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'float64')], outShape: [2, 3], outDtype: 'float64', expected: [1, 3, 6, 4, 9, 15] },
    { name: 'float64 cumsum exclusive reverse over axis 1', op: 'cumsum', attrs: { axis: 1, exclusive: true, reverse: true }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'float64')], outShape: [2, 3], outDtype: 'float64', expected: [5, 3, 0, 11, 6, 0] },
    { name: 'int32 cumsum exclusive over axis 0', op: 'cumsum', attrs: { axis: 0, exclusive: true, reverse: false }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32')], outShape: [2, 3], outDtype: 'int32', expected: [0, 0, 0, 1, 2, 3] },
    // [2, -3, 0, 4]: running products 2, -6, 0, 0; exclusive 1, 2, -6, 0; reverse (x[i:]) 0, 0, 0, 4
    { name: 'float32 cumprod with a zero and a negative', op: 'cumprod', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [t([2, -3, 0, 4], [4], 'float32')], outShape: [4], outDtype: 'float32', expected: [2, -6, -0, -0] }, // -6 * 0 = -0 (IEEE)
    { name: 'float32 cumprod exclusive with a zero', op: 'cumprod', attrs: { axis: 0, exclusive: true, reverse: false }, inputs: [t([2, -3, 0, 4], [4], 'float32')], outShape: [4], outDtype: 'float32', expected: [1, 2, -6, -0] },
    { name: 'int32 cumprod reverse with a zero', op: 'cumprod', attrs: { axis: 0, exclusive: false, reverse: true }, inputs: [t([2, -3, 0, 4], [4], 'int32')], outShape: [4], outDtype: 'int32', expected: [0, 0, 0, 4] },
    // exclusive reverse: products of x[i+1:] of [2, -3, 5] = [-15, 5, 1]
    { name: 'float64 cumprod exclusive reverse', op: 'cumprod', attrs: { axis: 0, exclusive: true, reverse: true }, inputs: [t([2, -3, 5], [3], 'float64')], outShape: [3], outDtype: 'float64', expected: [-15, 5, 1] },
    { name: 'int32 identity of a scalar', op: 'identity', attrs: {}, inputs: [t([-4], [], 'int32')], outShape: [], outDtype: 'int32', expected: [-4] },
    // cond [[1], [0]], a [10, 20], b scalar -1
    { name: 'int32 where, cond [2,1], a [2], b scalar', op: 'where', attrs: {}, inputs: [t([1, 0], [2, 1], 'bool'), t([10, 20], [2], 'int32'), t([-1], [], 'int32')], outShape: [2, 2], outDtype: 'int32', expected: [10, 20, -1, -1] },
    { name: 'bool where of bools, same shapes', op: 'where', attrs: {}, inputs: [t([1, 0, 1], [3], 'bool'), t([1, 1, 0], [3], 'bool'), t([0, 0, 1], [3], 'bool')], outShape: [3], outDtype: 'bool', expected: [1, 0, 0] },
    { name: 'float64 where picks from b then a', op: 'where', attrs: {}, inputs: [t([0, 1], [2], 'bool'), t([0.5, 0.25], [2], 'float64'), t([2, 4], [2], 'float64')], outShape: [2], outDtype: 'float64', expected: [2, 0.25] },
    // A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]: A B = [[19, 22], [43, 50]]; A^T B = [[1,3],[2,4]] B = [[26, 30], [38, 44]];
    // A B^T (B^T = [[5,7],[6,8]]) = [[17, 23], [39, 53]]; A^T B^T = (B A)^T, B A = [[23, 34], [31, 46]]
    { name: 'float64 matMul 2x2', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [t([1, 2, 3, 4], [2, 2], 'float64'), t([5, 6, 7, 8], [2, 2], 'float64')], outShape: [2, 2], outDtype: 'float64', expected: [19, 22, 43, 50] },
    { name: 'float64 matMul 2x2, transposeA', op: 'matMul', attrs: { transposeA: true, transposeB: false }, inputs: [t([1, 2, 3, 4], [2, 2], 'float64'), t([5, 6, 7, 8], [2, 2], 'float64')], outShape: [2, 2], outDtype: 'float64', expected: [26, 30, 38, 44] },
    { name: 'float64 matMul 2x2, transposeB', op: 'matMul', attrs: { transposeA: false, transposeB: true }, inputs: [t([1, 2, 3, 4], [2, 2], 'float64'), t([5, 6, 7, 8], [2, 2], 'float64')], outShape: [2, 2], outDtype: 'float64', expected: [17, 23, 39, 53] },
    { name: 'float64 matMul 2x2, both transposed', op: 'matMul', attrs: { transposeA: true, transposeB: true }, inputs: [t([1, 2, 3, 4], [2, 2], 'float64'), t([5, 6, 7, 8], [2, 2], 'float64')], outShape: [2, 2], outDtype: 'float64', expected: [23, 31, 34, 46] },
    // [2, 1, 3] @ [2, 2, 3]^T: batch 0: [1,2,3]·[1,0,0] = 1, [1,2,3]·[0,0,1] = 3; batch 1: [0,1,0]·[1,1,1] = 1, [0,1,0]·[2,0,0] = 0
    { name: 'float32 matMul batched [2,1,3] @ [2,2,3]^T', op: 'matMul', attrs: { transposeA: false, transposeB: true }, inputs: [t([1, 2, 3, 0, 1, 0], [2, 1, 3], 'float32'), t([1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 0, 0], [2, 2, 3], 'float32')], outShape: [2, 1, 2], outDtype: 'float32', expected: [1, 3, 1, 0] },
    { name: 'bool reshape [2,3] -> [3,-1]', op: 'reshape', attrs: { shape: [3, -1] }, inputs: [t([1, 0, 1, 1, 0, 0], [2, 3], 'bool')], outShape: [3, 2], outDtype: 'bool', expected: [1, 0, 1, 1, 0, 0] },
    { name: 'float32 reshape [0,3] -> [3,0]', op: 'reshape', attrs: { shape: [3, 0] }, inputs: [t([], [0, 3], 'float32')], outShape: [3, 0], outDtype: 'float32', expected: [] },
    { name: 'int32 reshape a scalar to [1,1]', op: 'reshape', attrs: { shape: [1, 1] }, inputs: [t([7], [], 'int32')], outShape: [1, 1], outDtype: 'int32', expected: [7] },
    // [[1, 0, 0], [1, 1, 0]] transposed: [[1, 1], [0, 1], [0, 0]]
    { name: 'bool transpose 2-D', op: 'transpose', attrs: { perm: [1, 0] }, inputs: [t([1, 0, 0, 1, 1, 0], [2, 3], 'bool')], outShape: [3, 2], outDtype: 'bool', expected: [1, 1, 0, 1, 0, 0] },
    // x = 0..23 as [2, 3, 4]: x[1, 1:3, 2:4] = [[18, 19], [22, 23]]; x[:, 2, 0] = [8, 20]
    { name: 'float64 slice with size -1 on two axes', op: 'slice', attrs: { begin: [1, 1, 2], size: [-1, 2, -1] }, inputs: [t(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4], 'float64')], outShape: [1, 2, 2], outDtype: 'float64', expected: [18, 19, 22, 23] },
    { name: 'float64 slice of one cell per batch', op: 'slice', attrs: { begin: [0, 2, 0], size: [2, 1, 1] }, inputs: [t(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4], 'float64')], outShape: [2, 1, 1], outDtype: 'float64', expected: [8, 20] },
    { name: 'float64 slice of size 0 on the middle axis', op: 'slice', attrs: { begin: [0, 0, 0], size: [1, 0, 4] }, inputs: [t(Array.from({ length: 24 }, (_, i) => i), [2, 3, 4], 'float64')], outShape: [1, 0, 4], outDtype: 'float64', expected: [] },
    { name: 'int32 slice of a scalar', op: 'slice', attrs: { begin: [], size: [] }, inputs: [t([5], [], 'int32')], outShape: [], outDtype: 'int32', expected: [5] },
    // [[1], [0]] then [[0, 0], [1, 1]] along axis 1: [[1, 0, 0], [0, 1, 1]]
    { name: 'bool concat along axis 1', op: 'concat', attrs: { axis: 1 }, inputs: [t([1, 0], [2, 1], 'bool'), t([0, 0, 1, 1], [2, 2], 'bool')], outShape: [2, 3], outDtype: 'bool', expected: [1, 0, 0, 0, 1, 1] },
    { name: 'float64 concat of three with an empty one', op: 'concat', attrs: { axis: 0 }, inputs: [t([1.5], [1], 'float64'), t([], [0], 'float64'), t([2.5], [1], 'float64')], outShape: [2], outDtype: 'float64', expected: [1.5, 2.5] },
    // [[1, 2]] padded by [[1, 0], [0, 2]] with -1
    { name: 'float64 pad before and after with -1', op: 'pad', attrs: { pads: [[1, 0], [0, 2]], value: -1 }, inputs: [t([1, 2], [1, 2], 'float64')], outShape: [2, 4], outDtype: 'float64', expected: [-1, -1, -1, -1, 1, 2, -1, -1] },
    { name: 'float32 pad of a scalar', op: 'pad', attrs: { pads: [], value: 0 }, inputs: [t([4], [], 'float32')], outShape: [], outDtype: 'float32', expected: [4] },
    { name: 'int32 tile of a scalar', op: 'tile', attrs: { reps: [] }, inputs: [t([9], [], 'int32')], outShape: [], outDtype: 'int32', expected: [9] },
    // [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] reversed along axes 1 and 2
    { name: 'float64 reverse axes [1, 2]', op: 'reverse', attrs: { axes: [1, 2] }, inputs: [t([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'float64')], outShape: [2, 2, 2], outDtype: 'float64', expected: [4, 3, 2, 1, 8, 7, 6, 5] },
    { name: 'float32 reverse of an empty tensor', op: 'reverse', attrs: { axes: [1] }, inputs: [t([], [2, 0], 'float32')], outShape: [2, 0], outDtype: 'float32', expected: [] },
    // x = [[1, 2, 3], [4, 5, 6]] along axis 1 with [[2, 0], [1, 1]]
    { name: 'int32 gather axis 1 with 2-D indices', op: 'gather', attrs: { axis: 1 }, inputs: [t([1, 2, 3, 4, 5, 6], [2, 3], 'int32'), t([2, 0, 1, 1], [2, 2], 'int32')], outShape: [2, 2, 2], outDtype: 'int32', expected: [3, 1, 2, 2, 6, 4, 5, 5] },
    { name: 'float64 gather with a scalar index', op: 'gather', attrs: { axis: 0 }, inputs: [t([0.5, 1.5], [2], 'float64'), t([1], [], 'int32')], outShape: [], outDtype: 'float64', expected: [1.5] },
    // axis 1, indices [[0, 2], [2, 0]], updates [[[1,2],[3,4]], [[5,6],[7,8]]], size 3:
    // row 0: out[0] = 1 + 4, out[2] = 2 + 3; row 1: out[0] = 5 + 8, out[2] = 6 + 7
    { name: 'float32 scatterAdd on axis 1, repeated indices', op: 'scatterAdd', attrs: { axis: 1, size: 3 }, inputs: [t([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'float32'), t([0, 2, 2, 0], [2, 2], 'int32')], outShape: [2, 3], outDtype: 'float32', expected: [5, 0, 5, 13, 0, 13] },
    // axis 0, indices [1, 1, 0], updates [[1, 2], [3, 4], [5, 6]], size 2: out[0] = [5, 6], out[1] = [1+3, 2+4]
    { name: 'float64 scatterAdd on axis 0 with a trailing axis', op: 'scatterAdd', attrs: { axis: 0, size: 2 }, inputs: [t([1, 2, 3, 4, 5, 6], [3, 2], 'float64'), t([1, 1, 0], [3], 'int32')], outShape: [2, 2], outDtype: 'float64', expected: [5, 6, 4, 6] },
    // scalar index 1, updates [7, 8, 9], size 2 -> [[0, 0, 0], [7, 8, 9]]
    { name: 'int32 scatterAdd with a scalar index', op: 'scatterAdd', attrs: { axis: 0, size: 2 }, inputs: [t([7, 8, 9], [3], 'int32'), t([1], [], 'int32')], outShape: [2, 3], outDtype: 'int32', expected: [0, 0, 0, 7, 8, 9] },
    { name: 'float32 scatterAdd of no indices gives zeros', op: 'scatterAdd', attrs: { axis: 0, size: 2 }, inputs: [t([], [0, 2], 'float32'), t([], [0], 'int32')], outShape: [2, 2], outDtype: 'float32', expected: [0, 0, 0, 0] },
    { name: 'float64 broadcastTo [2,1] -> [2,2]', op: 'broadcastTo', attrs: { shape: [2, 2] }, inputs: [t([1.5, -1], [2, 1], 'float64')], outShape: [2, 2], outDtype: 'float64', expected: [1.5, 1.5, -1, -1] },
    { name: 'float64 broadcastLike [1,2] like an int32 [3,2]', op: 'broadcastLike', attrs: {}, inputs: [t([1, 2], [1, 2], 'float64'), t([0, 0, 0, 0, 0, 0], [3, 2], 'int32')], outShape: [3, 2], outDtype: 'float64', expected: [1, 2, 1, 2, 1, 2] },
  ];
})();

/** Every case, grouped by kind of primitive. */
/**
 * Signed zeros (the rules in docs/architecture.md, "Special values"); an expected zero
 * is compared with its sign (Object.is) by primitives.test.ts. Each case was a
 * difference between engines: ORT kept -0 through Relu, ReduceSum, CumSum and lost it
 * in Where; tfjs-wasm gave sin(-0) = +0, kept -0 in cumsum and took +0 for max(-0, +0);
 * reference kept sign(-0) = -0 and dropped a -0 pad value.
 */
const SIGNED_ZERO_CASES: PrimitiveCase[] = (() => {
  const f32 = (shape: number[], data: number[]): CaseInput => ({ shape, dtype: 'float32', data });
  const b = (shape: number[], data: number[]): CaseInput => ({ shape, dtype: 'bool', data });
  // the four sign pairs: (-0,-0), (-0,+0), (+0,-0), (+0,+0)
  const A = [-0, -0, 0, 0];
  const B = [-0, 0, -0, 0];
  const cases: PrimitiveCase[] = [
    { name: 'sign(+-0) is +0 (NumPy, TensorFlow)', op: 'sign', attrs: {}, inputs: [f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [0, 0] },
    { name: 'relu(+-0) is +0 (TensorFlow: max(x, 0))', op: 'relu', attrs: {}, inputs: [f32([3], [-0, 0, -2])], outShape: [3], outDtype: 'float32', expected: [0, 0, 0] },
    { name: 'sin(-0) is -0 (IEEE)', op: 'sin', attrs: {}, inputs: [f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [-0, 0] },
    { name: 'neg and abs of zeros', op: 'neg', attrs: {}, inputs: [f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [0, -0] },
    { name: 'abs(-0) is +0', op: 'abs', attrs: {}, inputs: [f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [0, 0] },
    { name: 'sqrt(-0) is -0 (IEEE)', op: 'sqrt', attrs: {}, inputs: [f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [-0, 0] },
    // IEEE sums and products of two zeros
    { name: 'zeros: IEEE', op: 'add', attrs: {}, inputs: [f32([4], A), f32([4], B)], outShape: [4], outDtype: 'float32', expected: [-0, 0, 0, 0] },
    { name: 'zeros: IEEE', op: 'mul', attrs: {}, inputs: [f32([4], A), f32([4], [1, -1, -1, 1])], outShape: [4], outDtype: 'float32', expected: [-0, 0, -0, 0] },
    // operands that compare equal give b (TensorFlow's and ORT's Eigen kernels)
    { name: 'zeros that compare equal give b', op: 'maximum', attrs: {}, inputs: [f32([4], A), f32([4], B)], outShape: [4], outDtype: 'float32', expected: B },
    { name: 'zeros that compare equal give b', op: 'minimum', attrs: {}, inputs: [f32([4], A), f32([4], B)], outShape: [4], outDtype: 'float32', expected: B },
    // ORT's Max/Min gave a on ties when b was broadcast
    { name: 'zeros that compare equal give b, b broadcast', op: 'maximum', attrs: {}, inputs: [f32([2, 2], A), f32([2, 1], [0, -0])], outShape: [2, 2], outDtype: 'float32', expected: [0, 0, -0, -0] },
    { name: 'zeros that compare equal give b, b a scalar', op: 'minimum', attrs: {}, inputs: [f32([2], [-0, 0]), f32([], [0])], outShape: [2], outDtype: 'float32', expected: [0, 0] },
    { name: 'zeros that compare equal give b, a a scalar', op: 'maximum', attrs: {}, inputs: [f32([], [0]), f32([2], [-0, 0])], outShape: [2], outDtype: 'float32', expected: [-0, 0] },
    // sums start from +0 (TensorFlow): a sum of zeros is +0, also of one -0
    { name: 'a sum of zeros is +0', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [f32([3, 2], [-0, -0, -0, 0, 0, -0])], outShape: [3], outDtype: 'float32', expected: [0, 0, 0] },
    { name: 'a sum of one -0 is +0', op: 'reduceSum', attrs: { axes: [0], keepDims: false }, inputs: [f32([1], [-0])], outShape: [], outDtype: 'float32', expected: [0] },
    { name: 'running sums of zeros are +0', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [f32([3], [-0, -0, -0])], outShape: [3], outDtype: 'float32', expected: [0, 0, 0] },
    { name: 'running sums of zeros are +0 (exclusive, reverse)', op: 'cumsum', attrs: { axis: 0, exclusive: true, reverse: true }, inputs: [f32([3], [-0, -0, -0])], outShape: [3], outDtype: 'float32', expected: [0, 0, 0] },
    { name: 'a summed -0 is +0, also with nothing to add', op: 'sumLike', attrs: {}, inputs: [f32([2, 1], [-0, -0]), f32([1, 1], [0])], outShape: [1, 1], outDtype: 'float32', expected: [0] },
    { name: 'a dot product of zeros is +0', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [f32([1, 2], [-0, -0]), f32([2, 1], [1, 1])], outShape: [1, 1], outDtype: 'float32', expected: [0] },
    { name: 'products keep IEEE signs (from 1)', op: 'reduceProd', attrs: { axes: [0], keepDims: false }, inputs: [f32([1], [-0])], outShape: [], outDtype: 'float32', expected: [-0] },
    { name: 'running products keep IEEE signs', op: 'cumprod', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [f32([3], [-0, 2, -1])], outShape: [3], outDtype: 'float32', expected: [-0, -0, 0] },
    // max/min keep the first of values that compare equal
    { name: 'the first of equal zeros', op: 'reduceMax', attrs: { axes: [1], keepDims: false }, inputs: [f32([4, 2], [-0, 0, 0, -0, -0, -0, 0, 0])], outShape: [4], outDtype: 'float32', expected: [-0, 0, -0, 0] },
    { name: 'the first of equal zeros', op: 'reduceMin', attrs: { axes: [1], keepDims: false }, inputs: [f32([4, 2], [-0, 0, 0, -0, -0, -0, 0, 0])], outShape: [4], outDtype: 'float32', expected: [-0, 0, -0, 0] },
    // where returns the chosen value as it is
    { name: 'a chosen -0 stays -0', op: 'where', attrs: {}, inputs: [b([4], [1, 0, 1, 0]), f32([4], [-0, 0, -0, -0]), f32([4], [0, -0, -0, 0])], outShape: [4], outDtype: 'float32', expected: [-0, -0, -0, 0] },
    { name: 'a -0 pad value', op: 'pad', attrs: { pads: [[1, 1]], value: -0 }, inputs: [f32([1], [0])], outShape: [3], outDtype: 'float32', expected: [-0, 0, -0] },
  ];
  return cases;
})();

export const PRIMITIVE_CASES: PrimitiveCase[] = [
  ...SIGNED_ZERO_CASES,
  ...UNARY_CASES,
  ...BINARY_CASES,
  ...REDUCE_CASES,
  ...MISC_CASES,
  ...MATMUL_CASES,
  ...LAYOUT_CASES,
  ...GATHER_CASES,
  ...EDGE_CASES,
  ...DEPARTURE_CASES,
  ...WRAP_AND_NAN_CASES,
  ...ONNX_FIRST_CASES,
];

/* ------------------------------------------------------------------------ */
/* Gradient checks                                                          */
/* ------------------------------------------------------------------------ */

/**
 * A case whose gradient is checked against central differences (see
 * primitive-gradients.test.ts): float inputs are written as float64 and run in the
 * backend's widest float; inputs sit away from kinks (|x| > 0.01 from any jump
 * of the function or its derivative) and are exact in float32.
 */
export type GradientCase = Application<CaseInput> & { readonly name: string };

const g64 = (shape: number[], data: number[]): CaseInput => ({ data, shape, dtype: 'float64' });
/** [2,3] values away from 0, integers and half-integers, exact in float32. */
const X23 = [0.75, -1.25, 2.375, -0.625, 1.625, -2.25];
const POS23 = [0.75, 1.25, 2.375, 0.625, 1.625, 2.25];

const unaryGrad = (op: 'neg' | 'abs' | 'sign' | 'sqrt' | 'exp' | 'log' | 'tanh' | 'sigmoid' | 'relu' | 'sin' | 'cos' | 'round' | 'floor' | 'ceil', data: number[]): GradientCase => ({
  name: `${op}`,
  op,
  attrs: {},
  inputs: [g64([2, 3], data)],
});

const binaryGrad = (op: 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum', a: CaseInput, b: CaseInput): GradientCase => ({
  name: `${op}, [${a.shape}] with [${b.shape}]`,
  op,
  attrs: {},
  inputs: [a, b],
});

/** Gradient cases: at least one per primitive that has a gradient rule. */
export const GRADIENT_CASES: GradientCase[] = [
  unaryGrad('neg', X23),
  unaryGrad('abs', X23),
  unaryGrad('sign', X23),
  unaryGrad('sqrt', POS23),
  unaryGrad('exp', X23),
  unaryGrad('log', POS23),
  unaryGrad('tanh', X23),
  unaryGrad('sigmoid', X23),
  unaryGrad('relu', X23),
  unaryGrad('sin', X23),
  unaryGrad('cos', X23),
  unaryGrad('round', [0.25, -1.375, 2.125, -0.625, 1.75, -2.25]),
  unaryGrad('floor', X23),
  unaryGrad('ceil', X23),

  binaryGrad('add', g64([2, 3], X23), g64([3], [0.5, -1.5, 2.25])),
  binaryGrad('sub', g64([2, 1], [0.5, -1.5]), g64([2, 3], X23)),
  binaryGrad('mul', g64([2, 3], X23), g64([2, 1], [0.5, -1.5])),
  binaryGrad('div', g64([2, 3], X23), g64([3], [0.5, -1.5, 2.25])),
  binaryGrad('pow', g64([2, 3], POS23), g64([3], [0.5, -1.5, 2.25])),
  binaryGrad('maximum', g64([2, 3], X23), g64([3], [0.5, -1.5, 2.25])),
  binaryGrad('minimum', g64([2, 3], X23), g64([3], [0.5, -1.5, 2.25])),

  { name: 'identity', op: 'identity', attrs: {}, inputs: [g64([2, 3], X23)] },
  { name: 'cast to the same float dtype', op: 'cast', attrs: { dtype: 'float64' }, inputs: [g64([2, 3], X23)] },
  {
    name: 'where, cond [2,3], a [2,3], b [3]',
    op: 'where',
    attrs: {},
    inputs: [bool([2, 3], [1, 0, 0, 1, 1, 0]), g64([2, 3], X23), g64([3], [0.5, -1.5, 2.25])],
  },

  { name: 'reduceSum over axis 1', op: 'reduceSum', attrs: { axes: [1], keepDims: false }, inputs: [g64([2, 3], X23)] },
  { name: 'reduceSum over both axes, keepDims', op: 'reduceSum', attrs: { axes: [0, 1], keepDims: true }, inputs: [g64([2, 3], X23)] },
  { name: 'reduceMax over axis 0', op: 'reduceMax', attrs: { axes: [0], keepDims: false }, inputs: [g64([2, 3], X23)] },
  { name: 'reduceMin over axis 1, keepDims', op: 'reduceMin', attrs: { axes: [1], keepDims: true }, inputs: [g64([2, 3], X23)] },
  { name: 'reduceProd over axis 1', op: 'reduceProd', attrs: { axes: [1], keepDims: false }, inputs: [g64([2, 3], X23)] },
  {
    name: 'reduceProd over axes [0, 2] of [2,2,2]',
    op: 'reduceProd',
    attrs: { axes: [0, 2], keepDims: false },
    inputs: [g64([2, 2, 2], [0.75, -1.25, 1.5, -0.625, 1.125, -0.875, 0.5, 1.375])],
  },
  { name: 'cumsum over axis 1', op: 'cumsum', attrs: { axis: 1, exclusive: false, reverse: false }, inputs: [g64([2, 3], X23)] },
  { name: 'cumsum exclusive reverse', op: 'cumsum', attrs: { axis: 1, exclusive: true, reverse: true }, inputs: [g64([2, 3], X23)] },
  { name: 'cumprod over axis 1', op: 'cumprod', attrs: { axis: 1, exclusive: false, reverse: false }, inputs: [g64([2, 3], X23)] },
  { name: 'cumprod over axis 0, reverse', op: 'cumprod', attrs: { axis: 0, exclusive: false, reverse: true }, inputs: [g64([2, 3], X23)] },

  { name: 'matMul [2,3] @ [3,2]', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [g64([2, 3], X23), g64([3, 2], POS23)] },
  { name: 'matMul, both transposed', op: 'matMul', attrs: { transposeA: true, transposeB: true }, inputs: [g64([3, 2], X23), g64([2, 3], POS23)] },
  {
    name: 'matMul batched [2,2,3] @ [1,3,2] (b broadcast)',
    op: 'matMul',
    attrs: { transposeA: false, transposeB: false },
    inputs: [g64([2, 2, 3], [...X23, ...POS23]), g64([1, 3, 2], POS23)],
  },

  { name: 'reshape [2,3] -> [3,-1]', op: 'reshape', attrs: { shape: [3, -1] }, inputs: [g64([2, 3], X23)] },
  { name: 'reshapeLike [2,3] like [6]', op: 'reshapeLike', attrs: {}, inputs: [g64([2, 3], X23), g64([6], POS23)] },
  { name: 'expandDims at 0 and 2', op: 'expandDims', attrs: { axes: [0, 2] }, inputs: [g64([2, 3], X23)] },
  { name: 'transpose 2-D', op: 'transpose', attrs: { perm: [1, 0] }, inputs: [g64([2, 3], X23)] },
  { name: 'slice with size -1', op: 'slice', attrs: { begin: [1, 1], size: [1, -1] }, inputs: [g64([2, 3], X23)] },
  { name: 'concat along axis 1', op: 'concat', attrs: { axis: 1 }, inputs: [g64([2, 3], X23), g64([2, 1], [0.5, -1.5])] },
  {
    name: 'concatPart: the second part along axis 1',
    op: 'concatPart',
    attrs: { axis: 1, index: 1 },
    inputs: [g64([2, 3], X23), g64([2, 1], [0.5, -1.5]), g64([2, 2], [1, 2, 3, 4])],
  },
  { name: 'pad 2-D', op: 'pad', attrs: { pads: [[1, 0], [0, 2]], value: 0.5 }, inputs: [g64([2, 3], X23)] },
  { name: 'tile reps [2,1]', op: 'tile', attrs: { reps: [2, 1] }, inputs: [g64([2, 3], X23)] },
  { name: 'reverse axis 1', op: 'reverse', attrs: { axes: [1] }, inputs: [g64([2, 3], X23)] },
  { name: 'broadcastTo [3] -> [2,3]', op: 'broadcastTo', attrs: { shape: [2, 3] }, inputs: [g64([3], [0.5, -1.5, 2.25])] },
  { name: 'broadcastLike [2,1] like [2,3]', op: 'broadcastLike', attrs: {}, inputs: [g64([2, 1], [0.5, -1.5]), g64([2, 3], X23)] },
  { name: 'sumLike [2,3] like [2,1]', op: 'sumLike', attrs: {}, inputs: [g64([2, 3], X23), g64([2, 1], [0.5, -1.5])] },

  { name: 'gather axis 1, repeated indices', op: 'gather', attrs: { axis: 1 }, inputs: [g64([2, 3], X23), i32([4], [2, 0, 2, 1])] },
  { name: 'scatterAdd on axis 0, repeated indices', op: 'scatterAdd', attrs: { axis: 0, size: 3 }, inputs: [g64([4], [0.5, -1.5, 2.25, 0.75]), i32([4], [2, 0, 2, 1])] },
];
