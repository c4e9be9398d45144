/**
 * Cases of the `math` group: dot, transpose and the elementwise functions
 * square, abs, sqrt, exp, log.
 */
import type { KTensor } from '../../src/index';
import { CaseOutput, defineSpec, FunctionSpec, KApi, ValueCase } from '../case';
import { abs, dot, exp, log, map, Nested, OArray, roundedUniform, square, toNested, transpose } from '../oracle';
import { bl, df, fl, i32, M23, T234 } from './helpers';

const A34 = toNested(roundedUniform([3, 4], 'A34'));
const B2_3 = toNested(roundedUniform([2, 3], 'B23'));
const X223 = toNested(roundedUniform([2, 2, 3], 'X223'));
const Y432 = toNested(roundedUniform([4, 3, 2], 'Y432'));
const Y232 = toNested(roundedUniform([2, 3, 2], 'Y232'));
const W32 = toNested(roundedUniform([3, 2], 'W32'));
/** Positive values for sqrt and log (rank 3). */
const POS234 = toNested(roundedUniform([2, 3, 4], 'POS234', 0.1, 3));

/** A unary float function's cases: value + gradient on `values`, rank 3, a scalar. */
export function unaryFloatCases(
  fn: (K: KApi, x: KTensor) => CaseOutput,
  oracle: (x: OArray) => OArray,
  values: Nested,
  rank3: Nested,
  scalar: number,
): ValueCase[] {
  return [
    { name: 'a matrix', inputs: [df(values)], run: fn, expected: oracle, grad: true },
    { name: 'rank 3', inputs: [df(rank3)], run: fn, expected: oracle, grad: true },
    { name: 'a scalar', inputs: [df(scalar)], run: fn, expected: oracle, grad: true },
  ];
}

export const MATH_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'dot',
    cases: [
      {
        name: '2-D . 2-D',
        inputs: [df(B2_3), df(A34, { placeholderShape: [3, 4] })],
        run: (K, x, y) => K.dot(x, y),
        expected: dot,
        grad: true,
      },
      { name: 'vector . vector', inputs: [df([1, 2, 3]), df([0.5, -1, 2])], run: (K, x, y) => K.dot(x, y), expected: dot, grad: true },
      { name: 'matrix . vector', inputs: [df(M23), df([0.5, -1, 2], { placeholderShape: [3] })], run: (K, x, y) => K.dot(x, y), expected: dot, grad: true },
      { name: 'vector . matrix', inputs: [df([1, -2, 0.5], { placeholderShape: [3] }), df(A34, { placeholderShape: [3, 4] })], run: (K, x, y) => K.dot(x, y), expected: dot, grad: true },
      {
        name: '3-D . 2-D (batch of rows)',
        inputs: [df(X223), df(W32, { placeholderShape: [3, 2] })],
        run: (K, x, y) => K.dot(x, y),
        expected: dot,
        grad: true,
      },
      {
        name: '2-D . 3-D (Keras: (2,3).(4,3,2) -> (2,4,2))',
        inputs: [df(B2_3), df(Y432, { placeholderShape: [4, 3, 2] })],
        run: (K, x, y) => K.dot(x, y),
        expected: dot,
        grad: true,
      },
      {
        name: '3-D . 3-D',
        inputs: [df(X223), df(Y232, { placeholderShape: [2, 3, 2] })],
        run: (K, x, y) => K.dot(x, y),
        expected: dot,
        grad: true,
      },
      {
        name: 'with an identity',
        inputs: [fl(M23), fl([[1, 0, 0], [0, 1, 0], [0, 0, 1]], { placeholderShape: [3, 3] })],
        run: (K, x, y) => K.dot(x, y),
        expected: (x) => x,
      },
      {
        name: 'output static shape (Keras doc example)',
        modes: ['eager'],
        run: (K) => [K.intShape(K.dot(K.placeholder({ shape: [32, 28, 3] }), K.placeholder({ shape: [3, 4] }))), K.intShape(K.dot(K.placeholder({ shape: [null, 3] }), K.placeholder({ shape: [3, 5] })))],
        expected: () => [[32, 28, 4], [null, 5]],
      },
    ],
    errorCases: [
      {
        name: 'inner dimensions differ',
        run: (K) => K.dot(K.constant([[1, 2, 3], [4, 5, 6]]), K.constant([[1, 2], [3, 4], [5, 6], [7, 8]])),
        error: 'KerasShapeError',
        message: /dot: .*\[2, 3\].*\[4, 2\]/,
      },
      { name: 'int32 operands', run: (K) => K.dot(K.constant([[1]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })), error: 'KerasTypeError', message: /dot: .*(argument|arguments) .*float/ },
      { name: 'a scalar operand', run: (K) => K.dot(K.constant(2), K.constant([1, 2])), error: 'KerasValueError', message: /dot: .*rank/ },
      {
        name: 'different dtypes',
        run: (K) => K.dot(K.constant([[1]], { dtype: 'float32' }), K.constant([[1]], { dtype: 'int32' })),
        error: 'KerasTypeError',
        message: /dot: arguments 'x' and 'y'/,
      },
    ],
  }),
  defineSpec({
    kerasName: 'transpose',
    cases: [
      { name: 'a matrix', inputs: [df(M23)], run: (K, x) => K.transpose(x), expected: (x) => transpose(x), grad: true },
      { name: 'rank 3 reverses the axes', inputs: [df(T234)], run: (K, x) => K.transpose(x), expected: (x) => transpose(x), grad: true },
      { name: 'a vector is unchanged', inputs: [df([1, 2, 3])], run: (K, x) => K.transpose(x), expected: (x) => x, grad: true },
      { name: 'a scalar is unchanged', inputs: [df(-4.5)], run: (K, x) => K.transpose(x), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32([[1, 2, 3], [4, 5, 6]])], run: (K, x) => K.transpose(x), expected: (x) => transpose(x) },
      { name: 'bool', inputs: [bl([[true, false]])], run: (K, x) => K.transpose(x), expected: (x) => transpose(x) },
      {
        name: 'static shape with an unknown batch dim',
        modes: ['eager'],
        run: (K) => K.intShape(K.transpose(K.placeholder({ shape: [null, 3, 4] }))),
        expected: () => [4, 3, null],
      },
    ],
    errorCases: [{ name: 'a string', run: (K) => K.transpose('abc'), error: 'KerasTypeError', message: /transpose: argument 'x'/ }],
  }),
  defineSpec({
    kerasName: 'square',
    cases: [
      ...unaryFloatCases((K, x) => K.square(x), square, M23, T234, -1.5),
      { name: 'int32 stays int32', inputs: [i32([[-3, 0, 4]])], run: (K, x) => K.square(x), expected: square },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.square(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: /square: argument 'x'/ },
      { name: 'a string', run: (K) => K.square('abc'), error: 'KerasTypeError', message: /square: argument 'x'/ },
    ],
  }),
  defineSpec({
    kerasName: 'abs',
    cases: [
      ...unaryFloatCases((K, x) => K.abs(x), abs, M23, T234, -2.25),
      { name: 'zeros', inputs: [fl([0, -0, 0])], run: (K, x) => K.abs(x), expected: () => [0, 0, 0] },
      {
        name: 'the gradient at 0 is 0 (sign(0) = 0, as TensorFlow)',
        inputs: [fl([-2, 0, 3], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.abs(x)), [x])[0],
        expected: () => [-1, 0, 1],
      },
      { name: 'int32 stays int32', inputs: [i32([-3, 0, 4])], run: (K, x) => K.abs(x), expected: abs },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.abs(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: /abs: argument 'x'/ }],
  }),
  defineSpec({
    kerasName: 'sqrt',
    cases: [
      ...unaryFloatCases((K, x) => K.sqrt(x), (x) => map(x, Math.sqrt), [[0.25, 1, 2], [4, 9, 0.01]], POS234, 6.25),
      { name: 'zero', inputs: [fl([0, 0])], run: (K, x) => K.sqrt(x), expected: () => [0, 0] },
      { name: 'negative inputs give 0 (clipped, as Keras)', inputs: [fl([-4, -0.5, 4])], run: (K, x) => K.sqrt(x), expected: () => [0, 0, 2] },
      {
        name: 'the gradient at negative inputs is 0, not NaN',
        inputs: [fl([-1, 4], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.sqrt(x)), [x])[0],
        expected: () => [0, 0.25],
      },
      {
        // signed zeros: the gradient at -0 is +Inf, as at +0, whatever sign the engine's sqrt gives its zero
        name: 'the gradient at +0 and -0 is +Inf',
        inputs: [fl([0, -0], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.sqrt(x)), [x])[0],
        expected: () => [Infinity, Infinity],
      },
    ],
    errorCases: [
      { name: 'int32', run: (K) => K.sqrt(K.constant([4], { dtype: 'int32' })), error: 'KerasTypeError', message: /sqrt: argument 'x'/ },
      { name: 'bool', run: (K) => K.sqrt(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: /sqrt: argument 'x'/ },
    ],
  }),
  defineSpec({
    kerasName: 'exp',
    cases: [
      ...unaryFloatCases((K, x) => K.exp(x), exp, M23, T234, 0.7),
      { name: 'large and small arguments', inputs: [fl([-100, -20, 0, 5, 10])], run: (K, x) => K.exp(x), expected: exp, tol: { float32: { rtol: 2e-6, atol: 1e-30 }, float64: { rtol: 1e-12, atol: 1e-300 } } },
      { name: 'overflow gives Infinity', inputs: [fl([1000])], run: (K, x) => K.exp(x), expected: () => [Infinity] },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.exp(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /exp: argument 'x'/ }],
  }),
  defineSpec({
    kerasName: 'log',
    cases: [
      ...unaryFloatCases((K, x) => K.log(x), log, [[0.5, 1, 2], [3.5, 0.1, 10]], POS234, 2.5),
      { name: 'log(0) = -Infinity', inputs: [fl([0, 1])], run: (K, x) => K.log(x), expected: () => [-Infinity, 0] },
      { name: 'log of a negative is NaN', inputs: [fl([-1])], run: (K, x) => K.log(x), expected: () => [NaN] },
      { name: 'tiny and large arguments', inputs: [fl([1e-30, 1e30])], run: (K, x) => K.log(x), expected: log },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.log(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /log: argument 'x'/ }],
  }),
];
