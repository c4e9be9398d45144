/**
 * Cases of the `reduce` group that are implemented: sum, mean, max. Axis
 * null / int / negative / list, keepdims, int32 and bool inputs, unknown batch
 * dims in graph mode, and gradient checks.
 */
import type { KTensor } from '../../src/index';
import { CaseOutput, defineSpec, ErrorCase, FunctionSpec, KApi, ValueCase } from '../case';
import { max, mean, OArray, reduce, ReduceKind, sum, withDtype } from '../oracle';
import { bl, df, i32, M23, T234 } from './helpers';

type Axis = number | number[] | null | undefined;
type KReduce = (K: KApi, x: KTensor, axis?: Axis, keepdims?: boolean) => CaseOutput;

/** The shared float cases of a reduction: axis forms, keepdims, gradients. */
function axisCases(fn: KReduce, kind: ReduceKind, static3: boolean): ValueCase[] {
  const o = (x: OArray, axis: Axis, keep = false): OArray => reduce(x, axis, keep, kind);
  const ph3 = static3 ? { placeholderShape: [2, 3, 4] } : {};
  const ph2 = static3 ? { placeholderShape: [2, 3] } : {};
  return [
    { name: 'axis omitted (all axes)', inputs: [df(M23, ph2)], run: (K, x) => fn(K, x), expected: (x) => o(x, null), grad: true },
    { name: 'axis null, keepdims', inputs: [df(T234, ph3)], run: (K, x) => fn(K, x, null, true), expected: (x) => o(x, null, true), grad: true },
    { name: 'axis 1', inputs: [df(T234, ph3)], run: (K, x) => fn(K, x, 1), expected: (x) => o(x, 1), grad: true },
    { name: 'axis -1', inputs: [df(T234)], run: (K, x) => fn(K, x, -1), expected: (x) => o(x, -1), grad: true },
    { name: 'axis 0', inputs: [df(M23, ph2)], run: (K, x) => fn(K, x, 0), expected: (x) => o(x, 0), grad: true },
    { name: 'axis [0, 2]', inputs: [df(T234, ph3)], run: (K, x) => fn(K, x, [0, 2]), expected: (x) => o(x, [0, 2]), grad: true },
    { name: 'axis [-1, 1], keepdims', inputs: [df(T234)], run: (K, x) => fn(K, x, [-1, 1], true), expected: (x) => o(x, [-1, 1], true), grad: true },
    { name: 'axis 1, keepdims', inputs: [df(M23)], run: (K, x) => fn(K, x, 1, true), expected: (x) => o(x, 1, true), grad: true },
    { name: 'axis [] keeps the input', inputs: [df(M23)], run: (K, x) => fn(K, x, []), expected: (x) => x },
    { name: 'a scalar', inputs: [df(2.5)], run: (K, x) => fn(K, x), expected: (x) => x, grad: true },
    { name: 'a vector, axis 0', inputs: [df([3, -1, 2, 0.5])], run: (K, x) => fn(K, x, 0), expected: (x) => o(x, 0), grad: true },
  ];
}

/** Bad axis / keepdims / x arguments of a reduction `name` (shared by every reduction's spec). */
export function axisErrors(name: string, call: (K: KApi, x: unknown, axis?: unknown, keepdims?: unknown) => unknown): ErrorCase[] {
  const x = (K: KApi) => K.constant([[1, 2, 3], [4, 5, 6]]);
  const re = (arg: string) => new RegExp(`${name}: argument '${arg}`);
  return [
    { name: 'axis out of range', run: (K) => call(K, x(K), 2), error: 'KerasValueError', message: re('axis') },
    { name: 'axis below -rank', run: (K) => call(K, x(K), -3), error: 'KerasValueError', message: re('axis') },
    { name: 'a repeated axis', run: (K) => call(K, x(K), [1, -1]), error: 'KerasValueError', message: re('axis') },
    { name: 'a fractional axis', run: (K) => call(K, x(K), 0.5), error: 'KerasValueError', message: re('axis') },
    { name: 'an axis list with a bad entry', run: (K) => call(K, x(K), [0, 5]), error: 'KerasValueError', message: re('axis') },
    { name: 'keepdims not a boolean', run: (K) => call(K, x(K), 0, 'yes'), error: 'KerasValueError', message: re('keepdims') },
    { name: 'a string tensor', run: (K) => call(K, 'abc'), error: 'KerasTypeError', message: re('x') },
  ];
}

export const REDUCE_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'sum',
    cases: [
      ...axisCases((K, x, a, k) => K.sum(x, a, k), 'sum', false),
      { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [4, 5, -6]])], run: (K, x) => K.sum(x, 1), expected: (x) => sum(x, 1) },
      {
        // 2 * (2^31 - 1) = 2^32 - 2 wraps to -2; -2^31 - 1 wraps to 2^31 - 1
        name: 'int32 overflow wraps (two\'s complement)',
        inputs: [i32([[2147483647, 2147483647], [-2147483648, -1]])],
        run: (K, x) => [K.sum(x, 1), K.sum(x)],
        expected: () => [{ data: [-2, 2147483647], shape: [2], dtype: 'int32' }, { data: [2147483645], shape: [], dtype: 'int32' }],
      },
      { name: 'bool counts as int32', inputs: [bl([[true, false, true], [true, true, true]])], outDtype: 'int32', run: (K, x) => K.sum(x, 1), expected: (x) => sum(x, 1) },
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
      ...axisCases((K, x, a, k) => K.mean(x, a, k), 'mean', false),
      ...axisCases((K, x, a, k) => K.mean(x, a, k), 'mean', true).map((c) => ({ ...c, name: `${c.name}, static shapes` })),
      { name: 'int32 gives floatx', inputs: [i32([[1, 2], [4, 7]], { placeholderShape: [2, 2] })], outDtype: 'float', run: (K, x) => K.mean(x, 1), expected: (x) => mean(x, 1) },
      { name: 'bool gives floatx', inputs: [bl([true, false, false, true], { placeholderShape: [4] })], outDtype: 'float', run: (K, x) => K.mean(x), expected: (x) => mean(x) },
      { name: 'a known axis with an unknown batch dim', inputs: [df(T234)], run: (K, x) => K.mean(x, -1), expected: (x) => mean(x, -1), grad: true },
      { name: 'over the unknown batch dim', inputs: [df(M23)], run: (K, x) => K.mean(x, 0), expected: (x) => mean(x, 0), grad: true },
      { name: 'all axes with an unknown batch dim', inputs: [df(M23)], run: (K, x) => K.mean(x), expected: (x) => mean(x), grad: true },
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
      ...axisCases((K, x, a, k) => K.max(x, a, k), 'max', false),
      { name: 'all negative values', inputs: [df([[-3, -1.5], [-2, -7]])], run: (K, x) => K.max(x, 1), expected: (x) => max(x, 1), grad: true },
      { name: 'int32 stays int32', inputs: [i32([[1, -2, 3], [-4, -5, -6]])], run: (K, x) => K.max(x, 1), expected: (x) => max(x, 1) },
      { name: 'bool is any', inputs: [bl([[true, false], [false, false]])], run: (K, x) => K.max(x, 1), expected: (x) => withDtype(max(x, 1), 'bool') },
      { name: 'infinities', inputs: [{ value: [[-Infinity, 1], [Infinity, 2]] }], run: (K, x) => K.max(x, 1), expected: () => [1, Infinity] },
      { name: 'ties', inputs: [df([[1, 3, 3], [2, 2, 2]])], run: (K, x) => K.max(x, 1), expected: (x) => max(x, 1) },
      // special values: a NaN anywhere in the reduced cells gives NaN (NumPy, TensorFlow)
      {
        name: 'NaN propagates, wherever it is',
        inputs: [{ value: [[NaN, 1, 2], [1, NaN, 3], [1, 2, NaN], [4, 5, 6]] }],
        run: (K, x) => [K.max(x, 1), K.max(x, 0), K.max(x)],
        expected: () => [[NaN, NaN, NaN, 6], [NaN, NaN, NaN], NaN],
      },
      {
        name: 'ties share the gradient equally (as TensorFlow)',
        inputs: [df([[1, 3, 3], [2, 2, 2]], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.max(x, 1)), [x])[0],
        expected: () => [[0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]],
      },
    ],
    errorCases: axisErrors('max', (K, x, a, k) => K.max(x, a as Axis, k as boolean)),
  }),
];
