/**
 * Cases of the `reduce` group: sums, means, extrema, products, cumulative sums and
 * products, variance and std, any/all, argmax/argmin, logsumexp. Axis null / int /
 * negative / list, keepdims, int32 and bool inputs, unknown batch dims in graph
 * mode, and gradient checks.
 */
import type { KTensor } from '../../src/index';
import { CaseOutput, defineSpec, ErrorCase, FunctionSpec, KApi, UncheckedKApi, unchecked, ValueCase } from '../case';
import { max, mean, Nested, OArray, reduce, ReduceKind, roundedUniform, sum, toNested, withDtype } from '../oracle';
import { anyAll, argExtreme, cumulative, logsumexp, std, variance } from '../oracle/reduce';
import { bad, bl, df, fl, i32, M23, T234, zeroSigns } from './helpers';
import { axisOutOfRange, notABoolean, notAnInteger, notATensor, notNumeric, rankBelow, repeatsAxis } from './messages';

type Axis = number | number[] | null | undefined;
type KReduce = (K: KApi, x: KTensor, axis?: Axis, keepdims?: boolean) => CaseOutput;

type OReduce = (x: OArray, axis: Axis, keepdims: boolean) => OArray;

const red =
  (kind: ReduceKind): OReduce =>
  (x, axis, keepdims) =>
    reduce(x, axis, keepdims, kind);

/** How `axisCases` builds its cases. */
interface AxisCaseOptions {
  /** Known placeholder shapes in graph mode, except in the cases about an unknown batch dim (default: unknown everywhere). */
  readonly staticShapes?: boolean;
  /** The [2, 3] and [2, 3, 4] inputs (default M23 and T234). */
  readonly m23?: Nested;
  readonly t234?: Nested;
  /** Also the cases whose result is the input itself: axis [] and a scalar. */
  readonly identity?: boolean;
}

/** The shared float cases of a reduction, `o` its oracle: axis forms, keepdims, gradients. */
function axisCases(fn: KReduce, o: OReduce, options: AxisCaseOptions = {}): ValueCase[] {
  const ph = (shape: number[]) => (options.staticShapes ? { placeholderShape: shape } : {});
  const M = options.m23 ?? M23;
  const T = options.t234 ?? T234;
  const identity: ValueCase[] = [
    { name: 'axis [] keeps the input', inputs: [df(M23)], run: (K, x) => fn(K, x, []), expected: (x) => x },
    { name: 'a scalar', inputs: [df(2.5)], run: (K, x) => fn(K, x), expected: (x) => x, grad: true },
  ];
  return [
    { name: 'axis omitted (all axes)', inputs: [df(M, ph([2, 3]))], run: (K, x) => fn(K, x), expected: (x) => o(x, null, false), grad: true },
    { name: 'axis null, keepdims', inputs: [df(T, ph([2, 3, 4]))], run: (K, x) => fn(K, x, null, true), expected: (x) => o(x, null, true), grad: true },
    { name: 'axis 1', inputs: [df(T, ph([2, 3, 4]))], run: (K, x) => fn(K, x, 1), expected: (x) => o(x, 1, false), grad: true },
    { name: 'axis -1, unknown batch dim', inputs: [df(T)], run: (K, x) => fn(K, x, -1), expected: (x) => o(x, -1, false), grad: true },
    { name: 'axis 0', inputs: [df(M, ph([2, 3]))], run: (K, x) => fn(K, x, 0), expected: (x) => o(x, 0, false), grad: true },
    { name: 'axis [0, 2]', inputs: [df(T, ph([2, 3, 4]))], run: (K, x) => fn(K, x, [0, 2]), expected: (x) => o(x, [0, 2], false), grad: true },
    { name: 'axis [-1, 1], keepdims', inputs: [df(T)], run: (K, x) => fn(K, x, [-1, 1], true), expected: (x) => o(x, [-1, 1], true), grad: true },
    { name: 'axis 1, keepdims', inputs: [df(M)], run: (K, x) => fn(K, x, 1, true), expected: (x) => o(x, 1, true), grad: true },
    ...(options.identity ? identity : []),
    { name: 'a vector, axis 0', inputs: [df([3, -1, 2, 0.5], ph([4]))], run: (K, x) => fn(K, x, 0), expected: (x) => o(x, 0, false), grad: true },
  ];
}

/** The cases max and min share, each with its own values (hand-worked). */
function extremumCases(name: 'max' | 'min'): ValueCase[] {
  const isMax = name === 'max';
  const o = red(name);
  const call = (K: KApi, x: KTensor, axis?: number): KTensor => K[name](x, axis);
  return [
    isMax
      ? { name: 'all negative values', inputs: [df([[-3, -1.5], [-2, -7]])], run: (K, x) => call(K, x, 1), expected: (x) => o(x, 1, false), grad: true }
      : { name: 'all positive values', inputs: [df([[3, 1.5], [2, 7]])], run: (K, x) => call(K, x, 1), expected: (x) => o(x, 1, false), grad: true },
    { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [-4, -5, -6]])], run: (K, x) => call(K, x, 1), expected: (x) => o(x, 1, false) },
    {
      name: isMax ? 'bool is any' : 'bool is all',
      inputs: [bl(isMax ? [[true, false], [false, false]] : [[true, false], [true, true]])],
      run: (K, x) => call(K, x, 1),
      expected: (x) => withDtype(o(x, 1, false), 'bool'),
    },
    { name: 'infinities', inputs: [fl([[-Infinity, 1], [Infinity, 2]])], run: (K, x) => call(K, x, 1), expected: () => (isMax ? [1, Infinity] : [-Infinity, 2]) },
    // special values: a NaN anywhere in the reduced cells gives NaN (NumPy, TensorFlow)
    {
      name: 'NaN propagates, wherever it is',
      inputs: [fl([[NaN, 1, 2], [1, NaN, 3], [1, 2, NaN], [4, 5, 6]])],
      run: (K, x) => [call(K, x, 1), call(K, x, 0), call(K, x)],
      expected: () => [[NaN, NaN, NaN, isMax ? 6 : 4], [NaN, NaN, NaN], NaN],
    },
    {
      // max of [1, 3, 3] (min of [1, 3, 1]) ties at two cells: 1/2 each; [2, 2, 2] ties at three: 1/3 each
      name: 'ties share the gradient equally (as TensorFlow)',
      inputs: [fl(isMax ? [[1, 3, 3], [2, 2, 2]] : [[1, 3, 1], [2, 2, 2]], { kind: 'lazy' })],
      run: (K, x) => K.gradients(K.sum(call(K, x, 1)), [x])[0],
      expected: () => (isMax ? [[0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]] : [[0.5, 0, 0.5], [1 / 3, 1 / 3, 1 / 3]]),
    },
  ];
}

/** Bad axis / keepdims / x arguments of a reduction `name` (shared by every reduction's spec). */
export function axisErrors(name: string, call: (K: UncheckedKApi, x: unknown, axis?: unknown, keepdims?: unknown) => unknown): ErrorCase[] {
  const x = (K: KApi) => K.constant([[1, 2, 3], [4, 5, 6]]);
  return [
    { name: 'axis out of range', run: (K) => call(unchecked(K), x(K), 2), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', 2, 2) },
    { name: 'axis below -rank', run: (K) => call(unchecked(K), x(K), -3), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', -3, 2) },
    { name: 'a repeated axis', run: (K) => call(unchecked(K), x(K), [1, -1]), error: 'KerasValueError', message: repeatsAxis(name, 'axis', '[1,-1]') },
    { name: 'a fractional axis', run: (K) => call(unchecked(K), x(K), 0.5), error: 'KerasValueError', message: notAnInteger(name, 'axis', '0.5') },
    { name: 'an axis list with a bad entry', run: (K) => call(unchecked(K), x(K), [0, 5]), error: 'KerasValueError', message: axisOutOfRange(name, 'axis[1]', 5, 2) },
    { name: 'keepdims not a boolean', run: (K) => call(unchecked(K), x(K), 0, 'yes'), error: 'KerasValueError', message: notABoolean(name, 'keepdims', '"yes"') },
    { name: 'a string tensor', run: (K) => call(unchecked(K), 'abc'), error: 'KerasTypeError', message: notATensor(name, 'x', 'string') },
  ];
}

/** Values in (0.5, 1.5) with signs, for products that stay moderate. */
const P234 = toNested(roundedUniform([2, 3, 4], 'P234', 0.5, 1.5));

const PM23 = [
  [0.8, -1.25, 1.5],
  [-0.6, 1.1, 0.9],
];

/** Cases of cumsum / cumprod. */
function cumulativeCases(name: 'cumsum' | 'cumprod', kind: 'sum' | 'prod'): ValueCase[] {
  const call = (K: KApi, x: KTensor, axis?: number): KTensor => (axis === undefined ? K[name](x) : K[name](x, axis));
  return [
    { name: 'axis omitted (0)', inputs: [df(PM23)], run: (K, x) => call(unchecked(K), x), expected: (x) => cumulative(x, 0, kind), grad: true },
    { name: 'axis 1', inputs: [df(PM23)], run: (K, x) => call(unchecked(K), x, 1), expected: (x) => cumulative(x, 1, kind), grad: true },
    { name: 'axis -1 of rank 3', inputs: [df(P234)], run: (K, x) => call(unchecked(K), x, -1), expected: (x) => cumulative(x, -1, kind), grad: true },
    { name: 'axis 1 of rank 3', inputs: [df(P234)], run: (K, x) => call(unchecked(K), x, 1), expected: (x) => cumulative(x, 1, kind), grad: true },
    { name: 'over the unknown batch dim', inputs: [df(P234)], run: (K, x) => call(unchecked(K), x, 0), expected: (x) => cumulative(x, 0, kind), grad: true },
    { name: 'a vector', inputs: [df([1.5, -0.5, 2, 0.75])], run: (K, x) => call(unchecked(K), x), expected: (x) => cumulative(x, 0, kind), grad: true },
    { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [4, 5, -6]])], run: (K, x) => call(unchecked(K), x, 1), expected: (x) => cumulative(x, 1, kind) },
    { name: 'bool counts as int32', inputs: [bl([[true, false, true], [true, true, false]])], outDtype: 'int32', run: (K, x) => call(unchecked(K), x, 1), expected: (x) => cumulative(x, 1, kind) },
  ];
}

function cumulativeErrors(name: 'cumsum' | 'cumprod'): ErrorCase[] {
  const x = (K: KApi) => K.constant([[1, 2, 3], [4, 5, 6]]);
  return [
    { name: 'axis out of range', run: (K) => K[name](x(K), 2), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', 2, 2) },
    { name: 'axis below -rank', run: (K) => K[name](x(K), -3), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', -3, 2) },
    { name: 'a list axis', run: (K) => K[name](x(K), bad([0, 1])), error: 'KerasValueError', message: notAnInteger(name, 'axis', '[0,1]') },
    { name: 'a null axis', run: (K) => K[name](x(K), bad(null)), error: 'KerasValueError', message: notAnInteger(name, 'axis', 'null') },
    { name: 'a scalar', run: (K) => K[name](K.constant(2)), error: 'KerasValueError', message: rankBelow(name, 'x', 1, []) },
    { name: 'a string', run: (K) => K[name]('abc'), error: 'KerasTypeError', message: notATensor(name, 'x', 'string') },
  ];
}

/** Cases of argmax / argmin. */
function argCases(name: 'argmax' | 'argmin', kind: 'max' | 'min'): ValueCase[] {
  return [
    { name: 'axis omitted (-1)', inputs: [fl(M23)], outDtype: 'int32', run: (K, x) => K[name](x), expected: (x) => argExtreme(x, -1, kind) },
    { name: 'axis 0 (over the unknown batch dim)', inputs: [fl(M23)], outDtype: 'int32', run: (K, x) => K[name](x, 0), expected: (x) => argExtreme(x, 0, kind) },
    { name: 'rank 3, axis 1', inputs: [fl(T234)], outDtype: 'int32', run: (K, x) => K[name](x, 1), expected: (x) => argExtreme(x, 1, kind) },
    { name: 'rank 3, axis -3', inputs: [fl(T234, { placeholderShape: [2, 3, 4] })], outDtype: 'int32', run: (K, x) => K[name](x, -3), expected: (x) => argExtreme(x, 0, kind) },
    { name: 'a vector', inputs: [fl([0.5, 3, -2, 1])], outDtype: 'int32', run: (K, x) => K[name](x), expected: (x) => argExtreme(x, 0, kind) },
    { name: 'ties give the first index', inputs: [fl([[2, 5, 5, 2], [-1, -1, 7, 7], [3, 3, 3, 3]])], outDtype: 'int32', run: (K, x) => K[name](x, 1), expected: (x) => argExtreme(x, 1, kind) },
    { name: 'infinities', inputs: [fl([[-Infinity, 1, Infinity], [0, -Infinity, 5]])], outDtype: 'int32', run: (K, x) => K[name](x), expected: (x) => argExtreme(x, -1, kind) },
    { name: 'int32', inputs: [i32([[3, -7, 9], [4, 4, -8]])], outDtype: 'int32', run: (K, x) => K[name](x, 1), expected: (x) => argExtreme(x, 1, kind) },
    {
      // found by the differential fuzzer: an empty axis of an empty tensor gives an empty result (graph and eager alike)
      name: 'an empty axis with an empty result',
      modes: ['eager'],
      run: (K) => K[name](K.zeros([0, 0, 3]), 1),
      expected: () => ({ data: [], shape: [0, 3], dtype: 'int32' }),
    },
    // special values: the first NaN's index (NumPy, TensorFlow)
    {
      name: 'the first NaN wins, along the last axis',
      inputs: [fl([[1, NaN, 3, NaN], [NaN, 5, 3, 1], [1, 5, 3, 2]])],
      outDtype: 'int32',
      run: (K, x) => K[name](x, 1),
      expected: () => ({ data: kind === 'max' ? [1, 0, 1] : [1, 0, 0], shape: [3], dtype: 'int32' }),
    },
    {
      name: 'the first NaN wins, along the first axis',
      inputs: [fl([[1, 2, 0], [NaN, 0, 9], [3, NaN, NaN]], { placeholderShape: [3, 3] })],
      outDtype: 'int32',
      run: (K, x) => K[name](x, 0),
      expected: () => ({ data: [1, 2, 2], shape: [3], dtype: 'int32' }),
    },
    {
      name: 'static shape',
      modes: ['eager'],
      run: (K) => [K.intShape(K[name](K.placeholder({ shape: [null, 3, 4] }), 1)), K.dtype(K[name](K.placeholder({ shape: [null, 3] })))],
      expected: () => [[null, 4], 'int32'],
    },
  ];
}

function argErrors(name: 'argmax' | 'argmin'): ErrorCase[] {
  const x = (K: KApi) => K.constant([[1, 2, 3], [4, 5, 6]]);
  return [
    { name: 'axis out of range', run: (K) => K[name](x(K), 2), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', 2, 2) },
    { name: 'axis below -rank', run: (K) => K[name](x(K), -3), error: 'KerasValueError', message: axisOutOfRange(name, 'axis', -3, 2) },
    { name: 'a list axis', run: (K) => K[name](x(K), bad([0, 1])), error: 'KerasValueError', message: notAnInteger(name, 'axis', '[0,1]') },
    { name: 'a scalar', run: (K) => K[name](K.constant(2)), error: 'KerasValueError', message: rankBelow(name, 'x', 1, []) },
    { name: 'bool', run: (K) => K[name](K.constant([true, false], { dtype: 'bool' })), error: 'KerasTypeError', message: notNumeric(name) },
    { name: 'a string', run: (K) => K[name]('abc'), error: 'KerasTypeError', message: notATensor(name, 'x', 'string') },
    {
      name: 'an empty axis',
      run: (K) => K[name](K.zeros([0])),
      error: 'KerasValueError',
      message: `${name}: axis 0 of argument 'x' (shape [0]) is empty: it has no ${name === 'argmax' ? 'largest' : 'smallest'} element`,
    },
    { name: 'an empty axis at run time', run: (K) => {
      const p = K.placeholder({ shape: [2, null] });
      return K.function([p], [K[name](p, 1)])([{ data: new Float32Array(0), shape: [2, 0] }]);
    }, error: 'KerasValueError', message: `function: at run time, ${name === 'argmax' ? 'argMax' : 'argMin'}: axis 1 of its input (shape [2, 0]) is empty: it has no ${name === 'argmax' ? 'largest' : 'smallest'} element` },
  ];
}

/**
 * Four rows of `n` cells: only -Inf; -Inf but one +Inf and some finite cells; finite
 * cells with one NaN; all 20 (their logsumexp 20 + log(n) by hand).
 */
function specialRows(n: number): number[][] {
  const ramp = (i: number): number => (i % 7) - 3;
  return [
    new Array<number>(n).fill(-Infinity),
    Array.from({ length: n }, (_, i) => (i === n >> 1 ? Infinity : i % 3 === 0 ? ramp(i) : -Infinity)),
    Array.from({ length: n }, (_, i) => (i === n - 2 ? NaN : ramp(i))),
    new Array<number>(n).fill(20),
  ];
}

function transpose2(rows: number[][]): number[][] {
  return rows[0].map((_, j) => rows.map((r) => r[j]));
}

/** Cases of any / all. */
function logicalCases(name: 'any' | 'all'): ValueCase[] {
  const o = (x: OArray, axis: Axis = null, keepdims = false): OArray => anyAll(x, axis, keepdims, name);
  const Z = [
    [0, 1.5, 0],
    [2, -3, 0.5],
    [0, 0, 0],
    [1, 1, 1],
  ];
  return [
    { name: 'axis omitted', inputs: [fl(Z)], outDtype: 'bool', run: (K, x) => K[name](x), expected: (x) => o(x) },
    { name: 'axis 1', inputs: [fl(Z)], outDtype: 'bool', run: (K, x) => K[name](x, 1), expected: (x) => o(x, 1) },
    { name: 'axis 0 (over the unknown batch dim)', inputs: [fl(Z)], outDtype: 'bool', run: (K, x) => K[name](x, 0), expected: (x) => o(x, 0) },
    { name: 'axis -1, keepdims', inputs: [fl(Z)], outDtype: 'bool', run: (K, x) => K[name](x, -1, true), expected: (x) => o(x, -1, true) },
    { name: 'axis [0, 1], keepdims', inputs: [fl(Z, { placeholderShape: [4, 3] })], outDtype: 'bool', run: (K, x) => K[name](x, [0, 1], true), expected: (x) => o(x, [0, 1], true) },
    { name: 'rank 3, axis [0, 2]', inputs: [fl([[[0, 1], [0, 0]], [[2, 0], [0, 0]]])], outDtype: 'bool', run: (K, x) => K[name](x, [0, 2]), expected: (x) => o(x, [0, 2]) },
    { name: 'NaN counts as true', inputs: [fl([[NaN, 0], [NaN, 1]])], outDtype: 'bool', run: (K, x) => K[name](x, 1), expected: (x) => o(x, 1) },
    { name: 'int32', inputs: [i32([[0, 3], [0, 0], [-1, 2]])], outDtype: 'bool', run: (K, x) => K[name](x, 1), expected: (x) => o(x, 1) },
    { name: 'bool', inputs: [bl([[true, false], [true, true], [false, false]])], outDtype: 'bool', run: (K, x) => K[name](x, -1), expected: (x) => o(x, -1) },
    { name: 'axis [] casts to bool', inputs: [fl([0, 2.5, -1])], outDtype: 'bool', run: (K, x) => K[name](x, []), expected: (x) => o(x, []) },
  ];
}

const LARGE = [
  [1000, 1000, 999],
  [-1000, -1001, -1002],
];

export const REDUCE_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'sum',
    cases: [
      ...axisCases((K, x, a, k) => K.sum(x, a, k), red('sum'), { identity: true }),
      { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [4, 5, -6]])], run: (K, x) => K.sum(x, 1), expected: (x) => sum(x, 1) },
      {
        // 2 * (2^31 - 1) = 2^32 - 2 wraps to -2; -2^31 - 1 wraps to 2^31 - 1
        name: 'int32 overflow wraps (two\'s complement)',
        inputs: [i32([[2147483647, 2147483647], [-2147483648, -1]])],
        run: (K, x) => [K.sum(x, 1), K.sum(x)],
        expected: () => [{ data: [-2, 2147483647], shape: [2], dtype: 'int32' }, { data: [2147483645], shape: [], dtype: 'int32' }],
      },
      { name: 'bool counts as int32', inputs: [bl([[true, false, true], [true, true, true]])], outDtype: 'int32', run: (K, x) => K.sum(x, 1), expected: (x) => sum(x, 1) },
      // sums start from +0 (TensorFlow): a sum of zeros is +0, also of a single -0 (ORT kept -0)
      { name: 'a sum of zeros is +0', inputs: [fl([[-0, -0], [-0, 0], [0, -0]])], run: (K, x) => K.sum(x, 1), expected: () => [0, 0, 0], check: zeroSigns([0, 0, 0]) },
      { name: 'a sum of one -0 is +0', inputs: [fl([[-0]])], run: (K, x) => K.sum(x, 1), expected: () => [0], check: zeroSigns([0]) },
      { name: 'over the unknown batch dim', inputs: [df(M23)], run: (K, x) => K.sum(x, 0), expected: (x) => sum(x, 0), grad: true },
      {
        name: '10,000 terms (accumulation precision, rtol 2e-4)',
        modes: ['eager'],
        outDtype: 'float',
        run: (K) => K.sum(K.constant({ data: new Array<number>(10000).fill(0.1), shape: [100, 100] }), [0, 1]),
        expected: () => 1000,
        tol: { float32: { rtol: 2e-4, atol: 0 } },
      },
      { name: 'a zero-size axis gives 0', modes: ['eager'], outDtype: 'float', run: (K) => K.sum(K.zeros([0, 3]), 0), expected: () => [0, 0, 0] },
    ],
    errorCases: axisErrors('sum', (K, x, a, k) => K.sum(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'mean',
    cases: [
      ...axisCases((K, x, a, k) => K.mean(x, a, k), red('mean'), { identity: true }),
      ...axisCases((K, x, a, k) => K.mean(x, a, k), red('mean'), { identity: true, staticShapes: true }).map((c) => ({ ...c, name: `${c.name}, static shapes` })),
      { name: 'int32 gives floatx', inputs: [i32([[1, 2], [4, 7]], { placeholderShape: [2, 2] })], outDtype: 'float', run: (K, x) => K.mean(x, 1), expected: (x) => mean(x, 1) },
      { name: 'bool gives floatx', inputs: [bl([true, false, false, true], { placeholderShape: [4] })], outDtype: 'float', run: (K, x) => K.mean(x), expected: (x) => mean(x) },
      { name: 'a known axis with an unknown batch dim', inputs: [df(T234)], run: (K, x) => K.mean(x, -1), expected: (x) => mean(x, -1), grad: true },
      { name: 'over the unknown batch dim', inputs: [df(M23)], run: (K, x) => K.mean(x, 0), expected: (x) => mean(x, 0), grad: true },
      { name: 'all axes with an unknown batch dim', inputs: [df(M23)], run: (K, x) => K.mean(x), expected: (x) => mean(x), grad: true },
      { name: 'a mean of zeros is +0', inputs: [fl([[-0, -0], [-0, 0]])], run: (K, x) => K.mean(x, 1), expected: () => [0, 0], check: zeroSigns([0, 0]) },
      {
        name: '10,000 terms (accumulation precision, rtol 2e-4)',
        modes: ['eager'],
        outDtype: 'float',
        run: (K) => K.mean(K.constant({ data: new Array<number>(10000).fill(0.1), shape: [100, 100] })),
        expected: () => 0.1,
        tol: { float32: { rtol: 2e-4, atol: 0 } },
      },
    ],
    errorCases: axisErrors('mean', (K, x, a, k) => K.mean(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'max',
    cases: [
      ...axisCases((K, x, a, k) => K.max(x, a, k), red('max'), { identity: true }),
      ...extremumCases('max'),
      { name: 'ties', inputs: [df([[1, 3, 3], [2, 2, 2]])], run: (K, x) => K.max(x, 1), expected: (x) => max(x, 1) },
      // the first of values that compare equal
      { name: 'the first of equal zeros', inputs: [fl([[-0, 0], [0, -0]])], run: (K, x) => K.max(x, 1), expected: () => [0, 0], check: zeroSigns([-0, 0]) },
      {
        // found by the differential fuzzer: int32 has no -inf, an empty max is INT32_MIN (reference gave 0)
        name: 'int32 over an empty axis gives -2^31',
        modes: ['eager'],
        run: (K) => [K.max(K.zeros([0], 'int32')), K.min(K.zeros([2, 0], 'int32'), 1)],
        expected: () => [{ data: [-2147483648], shape: [], dtype: 'int32' }, { data: [2147483647, 2147483647], shape: [2], dtype: 'int32' }],
      },
    ],
    errorCases: axisErrors('max', (K, x, a, k) => K.max(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'min',
    cases: [
      ...axisCases((K, x, a, k) => K.min(x, a, k), red('min'), { staticShapes: true }),
      ...extremumCases('min'),
      { name: 'the first of equal zeros', inputs: [fl([[-0, 0], [0, -0]])], run: (K, x) => K.min(x, 1), expected: () => [0, 0], check: zeroSigns([-0, 0]) },
    ],
    errorCases: axisErrors('min', (K, x, a, k) => K.min(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'prod',
    cases: [
      // The gradient of prod needs the reduced dims known: static shapes where the batch dim is reduced.
      ...axisCases((K, x, a, k) => K.prod(x, a, k), red('prod'), { staticShapes: true, m23: PM23, t234: P234 }),
      { name: 'a known axis with an unknown batch dim', inputs: [df(P234)], run: (K, x) => K.prod(x, -1), expected: (x) => reduce(x, -1, false, 'prod'), grad: true },
      { name: 'with zeros (exact gradient)', inputs: [df([[0, 2, 3], [0, 0, 1.5]], { placeholderShape: [2, 3] })], run: (K, x) => K.prod(x, 1), expected: (x) => reduce(x, 1, false, 'prod'), grad: true },
      { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [4, 5, -6]])], run: (K, x) => K.prod(x, 1), expected: (x) => reduce(x, 1, false, 'prod') },
      {
        // found by the differential fuzzer: float32 products overflow step by step, in order
        // (-4 * 3e38 is -inf in float32, then * -1e-30 is +inf); the reference used float64
        name: 'float32 products overflow at each step',
        floatVariants: ['float32'],
        inputs: [fl([[-4], [3e38], [-1e-30]])],
        run: (K, x) => K.prod(x, 0),
        expected: () => [Infinity],
      },
      {
        // 2^16 * 2^16 * 3 = 3 * 2^32 wraps to 0; 46341^2 = 2147488281 wraps to 2147488281 - 2^32
        name: 'int32 overflow wraps (two\'s complement)',
        inputs: [i32([[65536, 65536, 3], [46341, 46341, 1]])],
        run: (K, x) => K.prod(x, 1),
        expected: () => ({ data: [0, 2147488281 - 4294967296], shape: [2], dtype: 'int32' }),
      },
      {
        // found by the fuzzer: a product past 2^53 (ORT's int64 ReduceProd goes through
        // double and was off by one); expected: the exact product's low 32 bits, in BigInt
        name: 'int32 products past 2^53 wrap exactly',
        inputs: [i32([[-17, 2147483647, -7, 46341], [-9, -19, 65536, 10], [6, -1, -12, 3]], { placeholderShape: [null, null] })],
        run: (K, x) => K.prod(x, 1),
        expected: (x) => {
          const n = x.shape[1];
          const rows = Array.from({ length: x.shape[0] }, (_, i) => x.data.slice(i * n, (i + 1) * n));
          return { data: rows.map((r) => Number(BigInt.asIntN(32, r.reduce((p, v) => p * BigInt(v), 1n)))), shape: [3], dtype: 'int32' };
        },
      },
      { name: 'bool counts as int32', inputs: [bl([[true, false], [true, true]])], outDtype: 'int32', run: (K, x) => K.prod(x, 1), expected: (x) => reduce(x, 1, false, 'prod') },
      { name: 'over the unknown batch dim (value)', inputs: [fl(PM23)], run: (K, x) => K.prod(x, 0), expected: (x) => reduce(x, 0, false, 'prod') },
    ],
    errorCases: axisErrors('prod', (K, x, a, k) => K.prod(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'cumsum',
    cases: [
      ...cumulativeCases('cumsum', 'sum'),
      // running sums start from +0 (tfjs and ORT kept a leading -0)
      { name: 'running sums of zeros are +0', inputs: [fl([-0, -0, 0])], run: (K, x) => K.cumsum(x), expected: () => [0, 0, 0], check: zeroSigns([0, 0, 0]) },
      {
        name: 'int32 overflow wraps (two\'s complement)',
        inputs: [i32([2147483647, 1, -2])],
        run: (K, x) => K.cumsum(x),
        expected: () => ({ data: [2147483647, -2147483648, 2147483646], shape: [3], dtype: 'int32' }),
      },
    ],
    errorCases: cumulativeErrors('cumsum'),
  }),
  defineSpec({
    kerasName: 'cumprod',
    cases: [
      ...cumulativeCases('cumprod', 'prod'),
      {
        // found by the differential fuzzer: float32 running products underflow step by step (1e-30 * 1e-45 is 0 in float32)
        name: 'float32 running products underflow at each step',
        floatVariants: ['float32'],
        inputs: [fl([1e-30, 1e-45, 3])],
        run: (K, x) => K.cumprod(x),
        expected: () => [Math.fround(1e-30), 0, 0],
      },
      { name: 'with a zero (value)', inputs: [fl([[2, 0, 3], [1.5, 2, -1]])], run: (K, x) => K.cumprod(x, 1), expected: (x) => cumulative(x, 1, 'prod') },
    ],
    errorCases: cumulativeErrors('cumprod'),
  }),
  defineSpec({
    kerasName: 'var',
    cases: [
      ...axisCases((K, x, a, k) => K.var(x, a, k), variance, { staticShapes: true }),
      { name: 'over the unknown batch dim', inputs: [df(M23)], run: (K, x) => K.var(x, 0), expected: (x) => variance(x, 0), grad: true },
      { name: 'all axes with an unknown batch dim', inputs: [df(T234)], run: (K, x) => K.var(x), expected: (x) => variance(x), grad: true },
      { name: 'constant rows give 0', inputs: [fl([[2, 2, 2], [1, -1, 3]])], run: (K, x) => K.var(x, 1), expected: (x) => variance(x, 1) },
      { name: 'int32 gives floatx', inputs: [i32([[1, 2], [4, 7]], { placeholderShape: [2, 2] })], outDtype: 'float', run: (K, x) => K.var(x, 1), expected: (x) => variance(x, 1) },
      { name: 'bool gives floatx', inputs: [bl([true, false, false, true, true])], outDtype: 'float', run: (K, x) => K.var(x), expected: (x) => variance(x) },
      { name: 'axis [] gives zeros', inputs: [fl(M23)], run: (K, x) => K.var(x, []), expected: () => [[0, 0, 0], [0, 0, 0]] },
    ],
    errorCases: axisErrors('var', (K, x, a, k) => K.var(x, a as Axis, k as boolean)),
  }),
  defineSpec({
    kerasName: 'std',
    cases: [
      ...axisCases((K, x, a, k) => K.std(x, a, k), std, { staticShapes: true }),
      { name: 'over the unknown batch dim', inputs: [df(M23)], run: (K, x) => K.std(x, 0), expected: (x) => std(x, 0), grad: true },
      { name: 'all axes with an unknown batch dim', inputs: [df(T234)], run: (K, x) => K.std(x), expected: (x) => std(x), grad: true },
      { name: 'constant rows give 0', inputs: [fl([[2, 2, 2], [1, -1, 3]])], run: (K, x) => K.std(x, 1), expected: (x) => std(x, 1) },
      { name: 'int32 gives floatx', inputs: [i32([[1, 2], [4, 7]])], outDtype: 'float', run: (K, x) => K.std(x, 1), expected: (x) => std(x, 1) },
      { name: 'bool gives floatx', inputs: [bl([true, false, false, true])], outDtype: 'float', run: (K, x) => K.std(x), expected: (x) => std(x) },
    ],
    errorCases: axisErrors('std', (K, x, a, k) => K.std(x, a as Axis, k as boolean)),
  }),
  defineSpec({ kerasName: 'any', cases: logicalCases('any'), errorCases: axisErrors('any', (K, x, a, k) => K.any(x, a as Axis, k as boolean)) }),
  defineSpec({ kerasName: 'all', cases: logicalCases('all'), errorCases: axisErrors('all', (K, x, a, k) => K.all(x, a as Axis, k as boolean)) }),
  defineSpec({ kerasName: 'argmax', cases: argCases('argmax', 'max'), errorCases: argErrors('argmax') }),
  defineSpec({ kerasName: 'argmin', cases: argCases('argmin', 'min'), errorCases: argErrors('argmin') }),
  defineSpec({
    kerasName: 'logsumexp',
    cases: [
      ...axisCases((K, x, a, k) => K.logsumexp(x, a, k), logsumexp, { staticShapes: true }),
      { name: 'large inputs do not overflow', inputs: [df(LARGE)], run: (K, x) => K.logsumexp(x, 1), expected: (x) => logsumexp(x, 1), grad: true },
      { name: 'large inputs, all axes', inputs: [fl(LARGE)], run: (K, x) => K.logsumexp(x), expected: (x) => logsumexp(x) },
      {
        name: 'an all -inf row gives -inf; an inf gives inf',
        inputs: [fl([[-Infinity, -Infinity], [Infinity, 1], [-Infinity, 0.5]])],
        run: (K, x) => K.logsumexp(x, 1),
        expected: () => [-Infinity, Infinity, 0.5],
      },
      // by hand: m is the maximum, 0 where it is not finite; a NaN anywhere in a slice wins
      // (ONNX Runtime's ReduceLogSumExp gave +Inf for a NaN next to +Inf, and -Inf for
      // -3e38 among -Inf, on some shapes)
      {
        name: 'special values down the columns (axis 0)',
        inputs: [fl([[-Infinity, Infinity, 1, NaN, -3e38], [-Infinity, 1, NaN, Infinity, -Infinity], [-Infinity, 2, 2, 0, -Infinity], [-Infinity, -Infinity, 3, 0, -Infinity]])],
        run: (K, x) => K.logsumexp(x, 0),
        expected: () => [-Infinity, Infinity, NaN, NaN, -3e38],
      },
      {
        name: 'special values over axes [0, 2], keepdims',
        inputs: [fl([[[Infinity, 5], [NaN, 1], [-Infinity, -Infinity]], [[1, -Infinity], [2, 3], [-Infinity, -Infinity]]])],
        run: (K, x) => K.logsumexp(x, [0, 2], true),
        expected: () => [[[Infinity], [NaN], [-Infinity]]],
      },
      {
        name: 'over axes [0, 2]: equal cells and -Inf cells',
        inputs: [fl([[[1, 1], [7, -Infinity]], [[1, -Infinity], [7, 7]]])],
        run: (K, x) => K.logsumexp(x, [0, 2]),
        expected: () => [1 + Math.log(3), 7 + Math.log(3)],
      },
      // past 8192 elements tfjs runs wasm's kernels instead of its heap loop
      { name: 'special rows of a large input (axis 1)', inputs: [fl(specialRows(2500))], run: (K, x) => K.logsumexp(x, 1), expected: () => [-Infinity, Infinity, NaN, 20 + Math.log(2500)] },
      { name: 'special columns of a large input (axis 0, keepdims)', inputs: [fl(transpose2(specialRows(2500)))], run: (K, x) => K.logsumexp(x, 0, true), expected: () => [[-Infinity, Infinity, NaN, 20 + Math.log(2500)]] },
      { name: 'an empty axis gives -inf', run: (K) => K.logsumexp(K.zeros([2, 0]), 1), expected: () => [-Infinity, -Infinity] },
      { name: 'a scalar', inputs: [df(2.5)], run: (K, x) => K.logsumexp(x), expected: (x) => x, grad: true },
      { name: 'axis [] keeps the input', inputs: [fl(M23)], run: (K, x) => K.logsumexp(x, []), expected: (x) => x },
      {
        name: 'unknown dims, no keepdims (static shape)',
        modes: ['eager'],
        run: (K) => [K.intShape(K.logsumexp(K.placeholder({ shape: [null, null, 4] }), -1)), K.intShape(K.logsumexp(K.placeholder({ shape: [null, 3] }), 0, true))],
        expected: () => [[null, null], [1, 3]],
      },
    ],
    errorCases: [
      ...axisErrors('logsumexp', (K, x, a, k) => K.logsumexp(x, a as Axis, k as boolean)),
      { name: 'int32', run: (K) => K.logsumexp(K.constant([1, 2], { dtype: 'int32' })), error: 'KerasTypeError', message: "logsumexp: argument 'x' must be a float tensor, got dtype int32" },
    ],
  }),
];
