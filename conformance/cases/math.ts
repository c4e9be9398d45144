/**
 * Cases of the `math` group: dot, batch_dot, transpose, gather, and the
 * elementwise functions (square, abs, sqrt, exp, log, round, sign, pow, clip,
 * sin, cos, maximum, minimum and the comparisons).
 */
import type { KTensor } from '../../src/index';
import { CaseOutput, defineSpec, ErrorCase, FunctionSpec, KApi, UncheckedKApi, unchecked, ValueCase } from '../case';
import { abs, dot, exp, log, map, Nested, OArray, maximum as omaximum, minimum as ominimum, roundedUniform, square, toNested, transpose } from '../oracle';
import { batchDot, clip, compare, Comparison, cos, gather, intPow, pow, round, sign, sin } from '../oracle/math';
import { bad, bl, df, fl, i32, M23, T234, zeroSigns } from './helpers';
import { dtypesDiffer, noBroadcast, notATensor, notWhole, operandsNotNumeric } from './messages';

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

/** Positive values (for fractional powers). */
const POS23 = toNested(roundedUniform([2, 3], 'POS23-ew', 0.5, 2.5));

/** A row with some elements equal to M23's first row (ties, for the comparisons). */
const ROW3 = [0.5, -1.25, 3];

/** A row with no element equal to one of M23's (no ties, for gradients). */
const ROW3B = [0.75, -1, 1.75];

/** A rank-3 tensor with no value half-way between integers (round's gradient check). */
const R234 = [
  [
    [0.3, -1.2, 2.45, 0.9],
    [-0.7, 1.8, -2.1, 0.4],
  ],
  [
    [2.2, 0.15, -0.45, 1.35],
    [-1.9, 0.75, 1.55, -0.35],
  ],
];

type KCompare = (K: UncheckedKApi, x: unknown, y: unknown) => CaseOutput;

/** The cases shared by the six comparisons. */
function comparisonSpec(kerasName: string, tsName: string, op: Comparison, call: KCompare, boolOk: boolean): FunctionSpec {
  const o = (x: OArray, y: OArray | number): OArray => compare(x, y, op);
  const cases: ValueCase[] = [
    {
      name: 'same shapes, some equal elements',
      inputs: [fl([[1, 2, 3], [4, 5, 6]]), fl([[1, 3, 2], [4, 4, 7]])],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    },
    {
      name: 'broadcast a row',
      inputs: [fl(M23), fl(ROW3, { placeholderShape: [3] })],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    },
    {
      name: 'rank 3 against a column',
      inputs: [fl(T234), fl([[0.3], [0.4], [-1.6]], { placeholderShape: [3, 1] })],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    },
    { name: 'a number', inputs: [fl(M23)], outDtype: 'bool', run: (K, x) => call(unchecked(K), x, 1.5), expected: (x) => o(x, 1.5) },
    { name: 'a number first', inputs: [fl(M23)], outDtype: 'bool', run: (K, x) => call(unchecked(K), -0.75, x), expected: (x) => compare(-0.75, x, op) },
    {
      name: 'int32',
      inputs: [i32([[1, -2, 3], [4, 5, -6]]), i32([1, 5, -6], { placeholderShape: [3] })],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    },
    { name: 'int32 with a number', inputs: [i32([-1, 0, 1, 2])], outDtype: 'bool', run: (K, x) => call(unchecked(K), x, 1), expected: (x) => o(x, 1) },
    {
      name: 'NaN compares false (and not-equal true)',
      inputs: [fl([NaN, 1, NaN]), fl([NaN, NaN, 2])],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    },
    {
      name: 'infinities',
      inputs: [fl([Infinity, -Infinity, 1, Infinity])],
      outDtype: 'bool',
      run: (K, x) => call(unchecked(K), x, Infinity),
      expected: (x) => o(x, Infinity),
    },
  ];
  if (boolOk) {
    cases.push({
      name: 'bool operands',
      inputs: [bl([[true, false], [false, true]]), bl([true, false], { placeholderShape: [2] })],
      outDtype: 'bool',
      run: (K, x, y) => call(unchecked(K), x, y),
      expected: (x, y) => o(x, y),
    });
  }
  const errorCases: ErrorCase[] = [
    { name: 'dtypes differ', run: (K) => call(unchecked(K), K.constant([1]), K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: dtypesDiffer(tsName, 'float32', 'int32') },
    { name: 'shapes do not broadcast', run: (K) => call(unchecked(K), K.constant([1, 2]), K.constant([1, 2, 3])), error: 'KerasShapeError', message: noBroadcast(tsName, [2], [3]) },
    { name: 'a fractional number with int32', run: (K) => call(unchecked(K), K.constant([1], { dtype: 'int32' }), 0.5), error: 'KerasTypeError', message: notWhole(tsName, 'y') },
    { name: 'a string', run: (K) => call(unchecked(K), 'abc', K.constant([1])), error: 'KerasTypeError', message: notATensor(tsName, 'x', 'string') },
  ];
  if (!boolOk) {
    errorCases.push({
      name: 'bool operands',
      run: (K) => call(unchecked(K), K.constant([true], { dtype: 'bool' }), K.constant([false], { dtype: 'bool' })),
      error: 'KerasTypeError',
      message: operandsNotNumeric(tsName),
    });
  }
  return defineSpec({ kerasName, cases, errorCases });
}

/**
 * The gradients [dx, dy] of sum(maximum(x, y) * w), and of minimum, for the case above:
 * x >= y holds at [T, F, T, T, F, F, T] (0 >= -0 and -0 >= 0 hold, NaN compares false),
 * x <= y at [F, T, T, T, F, F, T].
 */
const MAX_GRAD_EXPECTED = [-0, 0, Infinity, -0, 0, 0, -0, 0, NaN, 0, 0, -Infinity, NaN, 0];
const MIN_GRAD_EXPECTED = [0, NaN, Infinity, -0, 0, 0, -0, -0, 0, 0, 0, -Infinity, NaN, 0];

function extremumSpec(kerasName: 'maximum' | 'minimum', call: KCompare, oracle: (a: OArray, b: OArray | number) => OArray): FunctionSpec {
  const isMax = kerasName === 'maximum';
  return defineSpec({
    kerasName,
    cases: [
      { name: 'same shapes', inputs: [df(M23), df(POS23)], run: (K, x, y) => call(unchecked(K), x, y), expected: (x, y) => oracle(x, y), grad: true },
      {
        name: 'broadcast a row',
        inputs: [df(M23), df(ROW3B, { placeholderShape: [3] })],
        run: (K, x, y) => call(unchecked(K), x, y),
        expected: (x, y) => oracle(x, y),
        grad: true,
      },
      {
        name: 'rank 3 against a column',
        inputs: [df(T234), df([[0.35], [0.45], [-1.55]], { placeholderShape: [3, 1] })],
        run: (K, x, y) => call(unchecked(K), x, y),
        expected: (x, y) => oracle(x, y),
        grad: true,
      },
      { name: 'a number', inputs: [df(T234)], run: (K, x) => call(unchecked(K), x, 0.1), expected: (x) => oracle(x, 0.1), grad: true },
      { name: 'a number first', inputs: [df(M23)], run: (K, x) => call(unchecked(K), 1, x), expected: (x) => oracle(x, 1), grad: true },
      { name: 'int32', inputs: [i32([[1, -2, 3], [4, 5, -6]]), i32([0, 5, -7], { placeholderShape: [3] })], run: (K, x, y) => call(unchecked(K), x, y), expected: (x, y) => oracle(x, y) },
      { name: 'infinities', inputs: [fl([Infinity, -Infinity, 2]), fl([1, 1, -Infinity])], run: (K, x, y) => call(unchecked(K), x, y), expected: (x, y) => oracle(x, y) },
      // operands that compare equal (+0 and -0) give y, as TensorFlow's kernels (ORT gave x when y was broadcast)
      {
        name: 'zeros that compare equal give y',
        inputs: [fl([-0, -0, 0, 0]), fl([-0, 0, -0, 0])],
        run: (K, x, y) => call(unchecked(K), x, y),
        expected: () => [0, 0, 0, 0],
        check: zeroSigns([-0, 0, -0, 0]),
      },
      {
        name: 'zeros that compare equal give y, y broadcast',
        inputs: [fl([[-0, 0], [0, -0]]), fl([[0], [-0]], { placeholderShape: [2, 1] })],
        run: (K, x, y) => call(unchecked(K), x, y),
        expected: () => [[0, 0], [0, 0]],
        check: zeroSigns([0, 0, -0, -0]),
      },
      // special values: NaN on either side gives NaN (NumPy, TensorFlow)
      { name: 'NaN propagates from either side', inputs: [fl([NaN, 1, NaN, 2]), fl([1, NaN, NaN, 3])], run: (K, x, y) => call(unchecked(K), x, y), expected: () => [NaN, NaN, NaN, isMax ? 3 : 2] },
      // x >= y (maximum) or x <= y (minimum) sends the upstream gradient, exactly (-0, NaN and
      // Inf included), to x and +0 to y; otherwise (NaN on either side too) to y and +0 to x
      {
        name: 'the gradient passes -0, NaN and Inf to the side picked and +0 to the other',
        inputs: [
          fl([2, 1, 1, 0, NaN, 3, -0], { kind: 'lazy', placeholderShape: [7] }),
          fl([1, 2, 1, -0, 1, NaN, 0], { kind: 'lazy', placeholderShape: [7] }),
          fl([-0, NaN, Infinity, -0, -Infinity, NaN, -0], { kind: 'lazy', placeholderShape: [7] }),
        ],
        run: (K, x, y, w) => K.concatenate(K.gradients(K.sum(K.multiply(call(unchecked(K), x, y) as KTensor, w)), [x, y]) as KTensor[]),
        expected: () => (isMax ? MAX_GRAD_EXPECTED : MIN_GRAD_EXPECTED),
        check: zeroSigns(isMax ? MAX_GRAD_EXPECTED : MIN_GRAD_EXPECTED),
      },
      {
        name: 'ties: the gradient goes to x (as TensorFlow)',
        inputs: [fl([1, 2, 3], { kind: 'lazy' }), fl([1, isMax ? 1 : 5, 3], { kind: 'lazy' })],
        run: (K, x, y) => K.gradients(K.sum(call(unchecked(K), x, y) as KTensor), [x, y]),
        expected: () => [[1, 1, 1], [0, 0, 0]],
      },
    ],
    errorCases: [
      { name: 'bool', run: (K) => call(unchecked(K), K.constant([true], { dtype: 'bool' }), K.constant([false], { dtype: 'bool' })), error: 'KerasTypeError', message: operandsNotNumeric(kerasName) },
      { name: 'dtypes differ', run: (K) => call(unchecked(K), K.constant([1]), K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: dtypesDiffer(kerasName, 'float32', 'int32') },
      { name: 'shapes do not broadcast', run: (K) => call(unchecked(K), K.constant([1, 2]), K.constant([1, 2, 3])), error: 'KerasShapeError', message: noBroadcast(kerasName, [2], [3]) },
    ],
  });
}

/** A 4x3 reference for gather. */
const REF43 = [
  [0.5, -1, 2],
  [1.5, 2.5, -0.25],
  [-3, 0.75, 1],
  [4, -2.5, 0.125],
];

export const MATH_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'dot',
    cases: [
      // found by the fuzzer: an empty contraction (k = 0) is all zeros of shape
      // x.shape[:-1] + y.shape[:-2] + [n], as the sum of no products; before, a reshape to
      // [-1, 0] had no value for an empty x (graph mode on onnx failed in the engine)
      {
        name: 'an N-D empty contraction with unknown dims is zeros, and its gradients',
        inputs: [fl([[[]], [[]]], { kind: 'lazy', placeholderShape: [2, null, null] })],
        run: (K, x) => {
          const y = K.zeros([0, 3]);
          return [K.dot(x, y), K.gradients(K.sum(K.dot(x, y)), [x])[0] as KTensor];
        },
        expected() {
          return [
            { data: [0, 0, 0, 0, 0, 0], shape: [2, 1, 3], dtype: this.floatx },
            { data: [], shape: [2, 1, 0], dtype: this.floatx },
          ];
        },
      },
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
        message: "dot: arguments 'x' (shape [2, 3]) and 'y' (shape [4, 2]) do not align: the last axis of 'x' has length 3, the second-to-last axis of 'y' has length 4",
      },
      {
        name: 'inner dimensions that differ at run time',
        run: (K) => {
          const p = K.placeholder({ shape: [2, null] });
          return K.function([p], [K.dot(p, K.constant([[1, 2], [3, 4], [5, 6]]))])([[[1, 2], [3, 4]]]);
        },
        error: 'KerasShapeError',
        message: 'function: at run time, matMul: inner dimensions differ: [2, 2] and [3, 2]',
      },
      { name: 'int32 operands', run: (K) => K.dot(K.constant([[1]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })), error: 'KerasTypeError', message: "dot: arguments 'x' and 'y' must be float tensors, got dtype int32" },
      { name: 'a scalar operand', run: (K) => K.dot(K.constant(2), K.constant([1, 2])), error: 'KerasValueError', message: "dot: arguments 'x' and 'y' must have rank >= 1, got shapes [] and [2]" },
      {
        name: 'different dtypes',
        run: (K) => K.dot(K.constant([[1]], { dtype: 'float32' }), K.constant([[1]], { dtype: 'int32' })),
        error: 'KerasTypeError',
        message: "dot: arguments 'x' and 'y' must have the same dtype, got float32 and int32 (use K.cast)",
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
    errorCases: [{ name: 'a string', run: (K) => K.transpose('abc'), error: 'KerasTypeError', message: "transpose: argument 'x' must be a tensor or a tensor-like value, got string" }],
  }),
  defineSpec({
    kerasName: 'square',
    cases: [
      ...unaryFloatCases((K, x) => K.square(x), square, M23, T234, -1.5),
      { name: 'int32 stays int32', inputs: [i32([[-3, 0, 4]])], run: (K, x) => K.square(x), expected: square },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.square(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "square: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" },
      { name: 'a string', run: (K) => K.square('abc'), error: 'KerasTypeError', message: "square: argument 'x' must be a tensor or a tensor-like value, got string" },
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
    errorCases: [{ name: 'bool', run: (K) => K.abs(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "abs: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" }],
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
      { name: 'int32', run: (K) => K.sqrt(K.constant([4], { dtype: 'int32' })), error: 'KerasTypeError', message: "sqrt: argument 'x' must be a float tensor, got dtype int32" },
      { name: 'bool', run: (K) => K.sqrt(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "sqrt: argument 'x' must be a float tensor, got dtype bool" },
    ],
  }),
  defineSpec({
    kerasName: 'exp',
    cases: [
      ...unaryFloatCases((K, x) => K.exp(x), exp, M23, T234, 0.7),
      { name: 'large and small arguments', inputs: [fl([-100, -20, 0, 5, 10])], run: (K, x) => K.exp(x), expected: exp, tol: { float32: { rtol: 2e-6, atol: 1e-30 }, float64: { rtol: 1e-12, atol: 1e-300 } } },
      { name: 'overflow gives Infinity', inputs: [fl([1000])], run: (K, x) => K.exp(x), expected: () => [Infinity] },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.exp(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "exp: argument 'x' must be a float tensor, got dtype int32" }],
  }),
  defineSpec({
    kerasName: 'log',
    cases: [
      ...unaryFloatCases((K, x) => K.log(x), log, [[0.5, 1, 2], [3.5, 0.1, 10]], POS234, 2.5),
      { name: 'log(0) = -Infinity', inputs: [fl([0, 1])], run: (K, x) => K.log(x), expected: () => [-Infinity, 0] },
      { name: 'log of a negative is NaN', inputs: [fl([-1])], run: (K, x) => K.log(x), expected: () => [NaN] },
      { name: 'tiny and large arguments', inputs: [fl([1e-30, 1e30])], run: (K, x) => K.log(x), expected: log },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.log(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "log: argument 'x' must be a float tensor, got dtype int32" }],
  }),
  defineSpec({
    kerasName: 'round',
    cases: [
      {
        name: 'ties go to the even integer',
        inputs: [fl([[0.5, 1.5, 2.5, -0.5], [-1.5, -2.5, 3.5, 4.5]])],
        run: (K, x) => K.round(x),
        expected: () => [[0, 2, 2, -0], [-2, -2, 4, 4]],
      },
      { name: 'a matrix (gradient 0)', inputs: [df([[0.2, 1.7, -2.3], [-0.6, 2.49, 7.51]])], run: (K, x) => K.round(x), expected: round, grad: true },
      { name: 'rank 3', inputs: [df(R234)], run: (K, x) => K.round(x), expected: round, grad: true },
      { name: 'a scalar', inputs: [df(-3.7)], run: (K, x) => K.round(x), expected: round },
      { name: 'large values and infinities', inputs: [fl([1e10 + 0.5, -123456.5, Infinity, -Infinity])], run: (K, x) => K.round(x), expected: round, floatVariants: ['float64'] },
      { name: 'int32 unchanged', inputs: [i32([[-3, 0, 7]])], run: (K, x) => K.round(x), expected: (x) => x },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.round(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "round: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" },
      { name: 'a string', run: (K) => K.round('abc'), error: 'KerasTypeError', message: "round: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'sign',
    cases: [
      { name: 'negative, zero, positive', inputs: [fl([[-2.5, 0, 3], [1e-30, -1e-30, -0]])], run: (K, x) => K.sign(x), expected: sign },
      { name: 'rank 3 (gradient 0)', inputs: [df(T234)], run: (K, x) => K.sign(x), expected: sign, grad: true },
      { name: 'a scalar', inputs: [df(-0.3)], run: (K, x) => K.sign(x), expected: sign, grad: true },
      { name: 'infinities', inputs: [fl([Infinity, -Infinity])], run: (K, x) => K.sign(x), expected: () => [1, -1] },
      { name: 'sign(-0) is +0 (NumPy, TensorFlow)', inputs: [fl([-0, 0])], run: (K, x) => K.sign(x), expected: () => [0, 0], check: zeroSigns([0, 0]) },
      { name: 'int32 stays int32', inputs: [i32([[-7, 0, 4]])], run: (K, x) => K.sign(x), expected: sign },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.sign(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "sign: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" },
      { name: 'a string', run: (K) => K.sign('abc'), error: 'KerasTypeError', message: "sign: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'pow',
    cases: [
      { name: 'square of a matrix', inputs: [df(M23)], run: (K, x) => K.pow(x, 2), expected: (x) => pow(x, 2), grad: true },
      { name: 'cube, negative bases', inputs: [df(T234)], run: (K, x) => K.pow(x, 3), expected: (x) => pow(x, 3), grad: true },
      { name: 'a fractional exponent', inputs: [df(POS23)], run: (K, x) => K.pow(x, 0.5), expected: (x) => pow(x, 0.5), grad: true },
      { name: 'a negative exponent', inputs: [df(M23)], run: (K, x) => K.pow(x, -1), expected: (x) => pow(x, -1), grad: true },
      { name: 'exponent 0 gives ones (0 ** 0 = 1)', inputs: [fl([[0, 2, -3]])], run: (K, x) => K.pow(x, 0), expected: () => [[1, 1, 1]] },
      {
        name: 'a tensor exponent, broadcast',
        inputs: [df(POS23), df([2, -0.5, 1.5], { placeholderShape: [3] })],
        run: (K, x, a) => K.pow(x, a),
        expected: (x, a) => pow(x, a),
        grad: true,
      },
      { name: 'a tensor exponent of the same shape', inputs: [df(POS23), df(M23)], run: (K, x, a) => K.pow(x, a), expected: (x, a) => pow(x, a), grad: true },
      { name: 'a scalar', inputs: [df(1.5)], run: (K, x) => K.pow(x, 3), expected: (x) => pow(x, 3), grad: true },
      { name: 'a negative base, fractional exponent: NaN', inputs: [fl([-8, 8])], run: (K, x) => K.pow(x, 0.5), expected: (x) => pow(x, 0.5) },
      { name: 'int32 base and exponent', inputs: [i32([[-3, 0, 2], [5, 1, -1]])], run: (K, x) => K.pow(x, 3), expected: (x) => pow(x, 3) },
      { name: 'int32 tensor exponent', inputs: [i32([2, 3, -2]), i32([3, 0, 2])], run: (K, x, a) => K.pow(x, a), expected: (x, a) => pow(x, a) },
      // ORT's Pow saturated these to -2^31
      {
        name: "int32 wraps on overflow (two's complement)",
        inputs: [i32([3, 2, 2, -3, 7, -1, 2]), i32([20, 31, 32, 21, 2147483647, 2147483647, 30])],
        run: (K, x, a) => K.pow(x, a),
        expected: (x, a) => intPow(x, a),
      },
      {
        name: 'int32 exponents known only at run time, negative ones truncate',
        inputs: [i32([3, 2, 1, -1, -1, 0, 5]), i32([-1, -2, -3, -3, -2147483648, -1, 0], { kind: 'lazy' })],
        run: (K, x, a) => K.pow(x, a),
        expected: (x, a) => intPow(x, a),
      },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.pow(K.constant([true], { dtype: 'bool' }), 2), error: 'KerasTypeError', message: "pow: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" },
      { name: 'a fractional exponent for int32', run: (K) => K.pow(K.constant([4], { dtype: 'int32' }), 0.5), error: 'KerasTypeError', message: "pow: argument 'a' has values that are not whole numbers, for an int32 tensor (use K.cast)" },
      { name: 'an exponent out of the int32 range', run: (K) => K.pow(K.constant([1], { dtype: 'int32' }), 3e9), error: 'KerasValueError', message: "pow: argument 'a' has a value out of the int32 range (-2147483648 to 2147483647): 3000000000 at flat index 0" },
      { name: 'a negative exponent for int32', run: (K) => K.pow(K.constant([4], { dtype: 'int32' }), -1), error: 'KerasValueError', message: "pow: argument 'a' must be >= 0 for an int32 base (integers to negative powers are not allowed), got -1" },
      {
        name: 'a negative constant tensor exponent for int32',
        run: (K) => K.pow(K.constant([4, 2], { dtype: 'int32' }), K.constant([1, -2], { dtype: 'int32' })),
        error: 'KerasValueError',
        message: "pow: argument 'a' must be >= 0 for an int32 base (integers to negative powers are not allowed), got -2",
      },
      { name: 'dtypes differ', run: (K) => K.pow(K.constant([4]), K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "pow: arguments 'x' and 'a' must have the same dtype, got float32 and int32 (use K.cast)" },
      { name: 'a string exponent', run: (K) => K.pow(K.constant([4]), 'two'), error: 'KerasTypeError', message: "pow: argument 'a' must be a tensor or a tensor-like value, got string" },
      { name: 'shapes do not broadcast', run: (K) => K.pow(K.constant([1, 2]), K.constant([1, 2, 3])), error: 'KerasShapeError', message: "pow: arguments 'x' (shape [2]) and 'a' (shape [3]) do not broadcast together" },
    ],
  }),
  defineSpec({
    kerasName: 'clip',
    cases: [
      { name: 'both bounds', inputs: [df(T234)], run: (K, x) => K.clip(x, -1, 1.5), expected: (x) => clip(x, -1, 1.5), grad: true },
      {
        name: 'tensor bounds, elementwise (Keras 2.3.1)',
        inputs: [df(M23), df([-0.5, 0, 0.2], { placeholderShape: [3] }), df([[0.6, 1, 1.8], [0.3, 0.4, 0.1]])],
        run: (K, x, lo, hi) => K.clip(x, lo, hi),
        expected: (x, lo, hi) => omaximum(ominimum(x, hi), lo),
        grad: true,
      },
      {
        name: 'a tensor lower bound, a number upper bound, by hand',
        inputs: [fl([[-2, 0.5, 3]])],
        run: (K, x) => K.clip(x, K.constant([-1, 1, 0]), 2),
        // max(min(-2, 2), -1) = -1; max(min(0.5, 2), 1) = 1; max(min(3, 2), 0) = 2
        expected: () => [[-1, 1, 2]],
      },
      { name: 'an array upper bound and a null lower bound', inputs: [fl([[-2, 0.5, 3]])], run: (K, x) => K.clip(x, null, [0, 0, 1]), expected: () => [[-2, 0, 1]] },
      { name: 'epsilon bounds (as losses use them)', inputs: [fl([[0, 1e-9, 0.5], [1, 0.9999999, 2]])], run: (K, x) => K.clip(x, K.epsilon(), 1 - K.epsilon()), expected: (x) => clip(x, 1e-7, 1 - 1e-7) },
      { name: 'min null: no lower bound', inputs: [df(M23)], run: (K, x) => K.clip(x, null, 1), expected: (x) => clip(x, null, 1), grad: true },
      { name: 'max null: no upper bound', inputs: [df(M23)], run: (K, x) => K.clip(x, 0.1, null), expected: (x) => clip(x, 0.1, null), grad: true },
      { name: 'both null', inputs: [df(M23)], run: (K, x) => K.clip(x, null, null), expected: (x) => x, grad: true },
      { name: 'infinite bounds', inputs: [fl([-Infinity, 0.5, Infinity])], run: (K, x) => K.clip(x, -Infinity, Infinity), expected: (x) => x },
      { name: 'max < min: max becomes min (Keras)', inputs: [fl(M23)], run: (K, x) => K.clip(x, 2, -1), expected: () => [[2, 2, 2], [2, 2, 2]] },
      { name: 'a scalar', inputs: [df(3.5)], run: (K, x) => K.clip(x, -1, 2), expected: (x) => clip(x, -1, 2), grad: true },
      { name: 'int32 with whole bounds', inputs: [i32([[-5, -1, 0], [2, 3, 9]])], run: (K, x) => K.clip(x, -1, 3), expected: (x) => clip(x, -1, 3) },
      { name: 'int32 with fractional bounds (truncated, as a TensorFlow cast)', inputs: [i32([-3, -2, -1, 0, 1, 2, 3])], run: (K, x) => K.clip(x, -1.7, 2.9), expected: (x) => clip(x, -1, 2) },
      { name: 'int32 with a null bound', inputs: [i32([-300, 5, 2000000])], run: (K, x) => K.clip(x, 0, null), expected: (x) => clip(x, 0, null) },
      {
        name: 'the gradient passes at the bounds (as TensorFlow)',
        inputs: [fl([-2, -1, 0.5, 2, 3], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.clip(x, -1, 2)), [x])[0],
        expected: () => [0, 1, 1, 1, 0],
      },
    ],
    errorCases: [
      { name: 'a NaN bound', run: (K) => K.clip(K.constant([1]), NaN, 1), error: 'KerasValueError', message: "clip: argument 'minValue' must be a number or null, got NaN" },
      { name: 'a string bound', run: (K) => K.clip(K.constant([1]), 0, bad('1')), error: 'KerasValueError', message: `clip: argument 'maxValue' must be a number or null, got "1"` },
      { name: 'bool', run: (K) => K.clip(K.constant([true], { dtype: 'bool' }), 0, 1), error: 'KerasTypeError', message: "clip: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)" },
      { name: 'an infinite lower bound above every int32', run: (K) => K.clip(K.constant([1], { dtype: 'int32' }), Infinity, null), error: 'KerasValueError', message: "clip: argument 'minValue' is Infinity, which has no int32 value" },
      { name: 'a string', run: (K) => K.clip('abc', 0, 1), error: 'KerasTypeError', message: "clip: argument 'x' must be a tensor or a tensor-like value, got string" },
      { name: 'a tensor bound that does not broadcast to x', run: (K) => K.clip(K.constant([1, 2, 3]), K.constant([0, 1]), 5), error: 'KerasShapeError', message: "clip: argument 'minValue' has shape [2], which does not broadcast to the shape [3] of 'x'" },
      { name: 'a tensor bound of another dtype', run: (K) => K.clip(K.constant([1, 2]), K.constant([0, 1], { dtype: 'int32' }), 5), error: 'KerasTypeError', message: /^clip: argument 'minValue' must have the dtype of 'x' \(float(32|64)\), got int32$/ },
    ],
  }),
  comparisonSpec('equal', 'equal', 'equal', (K, x, y) => K.equal(x, y), true),
  comparisonSpec('not_equal', 'notEqual', 'notEqual', (K, x, y) => K.notEqual(x, y), true),
  comparisonSpec('greater', 'greater', 'greater', (K, x, y) => K.greater(x, y), false),
  comparisonSpec('greater_equal', 'greaterEqual', 'greaterEqual', (K, x, y) => K.greaterEqual(x, y), false),
  comparisonSpec('less', 'less', 'less', (K, x, y) => K.less(x, y), false),
  comparisonSpec('less_equal', 'lessEqual', 'lessEqual', (K, x, y) => K.lessEqual(x, y), false),
  extremumSpec('maximum', (K, x, y) => K.maximum(x, y), omaximum),
  extremumSpec('minimum', (K, x, y) => K.minimum(x, y), ominimum),
  defineSpec({
    kerasName: 'sin',
    cases: [
      ...unaryFloatCases((K, x) => K.sin(x), sin, M23, T234, 2.2),
      { name: 'large arguments', inputs: [fl([100, -1000.5, 3.14159])], run: (K, x) => K.sin(x), expected: sin, tol: { float32: { rtol: 1e-4, atol: 1e-5 } } },
      // the float32 argument's own sine (tfjs-wasm reduced in float32: sin(1e30) gave -0.751, not -0.791)
      { name: 'huge arguments', inputs: [fl([1e30, -3e20, 1e10, 65536.5, 3.4e38])], run: (K, x) => K.sin(x), expected: sin, tol: { float32: { rtol: 1e-5, atol: 1e-6 } } },
      // IEEE: sin(-0) = -0 (tfjs-wasm gave +0)
      { name: 'sin(-0) is -0', inputs: [fl([-0, 0])], run: (K, x) => K.sin(x), expected: () => [-0, 0], check: zeroSigns([-0, 0]) },
    ],
    errorCases: [
      { name: 'int32', run: (K) => K.sin(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "sin: argument 'x' must be a float tensor, got dtype int32" },
      { name: 'bool', run: (K) => K.sin(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "sin: argument 'x' must be a float tensor, got dtype bool" },
    ],
  }),
  defineSpec({
    kerasName: 'cos',
    cases: [
      ...unaryFloatCases((K, x) => K.cos(x), cos, M23, T234, -0.9),
      { name: 'large arguments', inputs: [fl([100, -1000.5, 1.5708])], run: (K, x) => K.cos(x), expected: cos, tol: { float32: { rtol: 1e-4, atol: 1e-5 } } },
      { name: 'huge arguments', inputs: [fl([1e30, -3e20, 1e10, 65536.5, 3.4e38])], run: (K, x) => K.cos(x), expected: cos, tol: { float32: { rtol: 1e-5, atol: 1e-6 } } },
    ],
    errorCases: [
      { name: 'int32', run: (K) => K.cos(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "cos: argument 'x' must be a float tensor, got dtype int32" },
      { name: 'a string', run: (K) => K.cos('abc'), error: 'KerasTypeError', message: "cos: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'gather',
    cases: [
      {
        // found by the fuzzer: ORT's Expand kept a 1 against a 0 dim, and ScatterElements
        // refused the indices of empty updates
        name: 'the gradient for an empty reference',
        inputs: [fl([[[]], [[]]], { kind: 'lazy', placeholderShape: [null, 1, 0] })],
        run: (K, x) => K.gradients(K.sum(K.gather(x, K.constant(1, { dtype: 'int32' }))), [x])[0] as KTensor,
        expected() {
          return { data: [], shape: [2, 1, 0], dtype: this.floatx };
        },
      },
      {
        name: 'rows, with a repeat (gradients add up)',
        inputs: [df(REF43, { placeholderShape: [4, 3] }), i32([2, 0, 2])],
        run: (K, r, i) => K.gather(r, i),
        expected: (r, i) => gather(r, i),
        grad: true,
      },
      {
        name: '2-D indices',
        inputs: [df(REF43, { placeholderShape: [4, 3] }), i32([[0, 1], [3, 2]])],
        run: (K, r, i) => K.gather(r, i),
        expected: (r, i) => gather(r, i),
        grad: true,
      },
      { name: 'a vector reference', inputs: [df([5, 6.5, -7, 8], { placeholderShape: [4] }), i32([3, 3, 1])], run: (K, r, i) => K.gather(r, i), expected: (r, i) => gather(r, i), grad: true },
      { name: 'rank 3 reference', inputs: [df(T234, { placeholderShape: [2, 3, 4] })], run: (K, r) => K.gather(r, [1, 0]), expected: (r) => gather(r, [1, 0]), grad: true },
      { name: 'indices as plain numbers', inputs: [fl(REF43)], run: (K, r) => K.gather(r, [3, 1]), expected: (r) => gather(r, [3, 1]) },
      { name: 'a scalar index drops the axis', inputs: [fl(REF43)], run: (K, r) => K.gather(r, 2), expected: (r) => gather(r, 2) },
      { name: 'a constant int32 index tensor', inputs: [fl(REF43)], run: (K, r) => K.gather(r, K.constant([[1], [0]], { dtype: 'int32' })), expected: (r) => gather(r, [[1], [0]]) },
      { name: 'int32 reference', inputs: [i32([[1, 2], [3, 4], [5, 6]]), i32([2, 0])], run: (K, r, i) => K.gather(r, i), expected: (r, i) => gather(r, i) },
      { name: 'bool reference', inputs: [bl([true, false, true]), i32([1, 2, 1])], run: (K, r, i) => K.gather(r, i), expected: (r, i) => gather(r, i, 'bool') },
      { name: 'empty indices', modes: ['eager'], inputs: [fl(REF43)], run: (K, r) => K.gather(r, K.constant({ data: new Int32Array(0), shape: [0] }, { dtype: 'int32' })), expected: () => ({ data: [], shape: [0, 3] }) },
      {
        name: 'static shape with unknown dims',
        modes: ['eager'],
        run: (K) => [K.intShape(K.gather(K.placeholder({ shape: [null, 5] }), K.placeholder({ shape: [null, 2], dtype: 'int32' })))],
        expected: () => [[null, 2, 5]],
      },
    ],
    errorCases: [
      { name: 'an index past the end', run: (K) => K.gather(K.constant([[1, 2], [3, 4]]), [0, 2]), error: 'KerasValueError', message: "gather: argument 'indices' holds 2 at flat position 1, out of range for 'reference' of shape [2, 2] (expected 0 to 1)" },
      { name: 'a negative index', run: (K) => K.gather(K.constant([1, 2, 3]), K.constant([-1], { dtype: 'int32' })), error: 'KerasValueError', message: "gather: argument 'indices' holds -1 at flat position 0, out of range for 'reference' of shape [3] (expected 0 to 2)" },
      // indices known only at run time: checked there (ONNX's Gather would read -1 from the end)
      ...[-1, 2, -3].map((v) => ({
        name: `index ${v} fed at run time`,
        run: (K: KApi) => {
          const p = K.placeholder({ shape: [1], dtype: 'int32' });
          return K.function([p], [K.gather(K.constant([[1, 2], [3, 4]]), p)])([[v]]);
        },
        error: 'KerasValueError' as const,
        // the same words on every backend: the index and the valid range
        message: `gather: index ${v} is out of range for an axis of length 2 (expected 0 to 1)`,
      })),
      {
        // found by the fuzzer: tfjs returned the empty result without checking the index
        name: 'an index out of range for an empty reference, fed at run time',
        run: (K: KApi) => {
          const p = K.placeholder({ shape: [1], dtype: 'int32' });
          return K.function([p], [K.gather(K.zeros([2, 0]), p)])([[-1]]);
        },
        error: 'KerasValueError',
        message: /^gather: index -1 is out of range for an axis of length 2 \(expected 0 to 1\)$/,
      },
      {
        name: 'index -1 fed at run time, gradient only',
        run: (K: KApi) => {
          const p = K.placeholder({ shape: [1], dtype: 'int32' });
          const x = K.variable([[1, 2], [3, 4]]);
          const g = K.gradients(K.sum(K.gather(x, p)), [x])[0] as KTensor;
          return K.function([p], [g])([[-1]]);
        },
        error: 'KerasValueError',
        message: 'scatterAdd: index -1 is out of range for an axis of length 2 (expected 0 to 1)',
      },
      {
        // found by the fuzzer (seed 20261206): onnx scattered nothing into an empty gradient and checked no index
        name: 'index -1 fed at run time, gradient only, of an empty reference',
        run: (K: KApi) => {
          const p = K.placeholder({ shape: [], dtype: 'int32' });
          const x = K.placeholder({ shape: [4, 1, 0] });
          const g = K.gradients(K.sum(K.gather(x, p)), [x])[0] as KTensor;
          return K.function([x, p], [g])([{ data: new Float32Array(0), shape: [4, 1, 0] }, -1]);
        },
        error: 'KerasValueError',
        message: 'scatterAdd: index -1 is out of range for an axis of length 4 (expected 0 to 3)',
      },
      { name: 'float indices', run: (K) => K.gather(K.constant([1, 2, 3]), K.constant([0, 1])), error: 'KerasTypeError', message: "gather: argument 'indices' must be an integer tensor, got dtype float32 (use K.cast)" },
      { name: 'fractional numbers', run: (K) => K.gather(K.constant([1, 2, 3]), [0.5]), error: 'KerasTypeError', message: "gather: argument 'indices' must hold whole numbers, got 0.5" },
      { name: 'bool indices', run: (K) => K.gather(K.constant([1, 2, 3]), [true]), error: 'KerasTypeError', message: "gather: argument 'indices' must hold integers, got bool values" },
      { name: 'a scalar reference', run: (K) => K.gather(K.constant(3), [0]), error: 'KerasValueError', message: "gather: argument 'reference' must have rank >= 1, got a scalar" },
      { name: 'null indices', run: (K) => K.gather(K.constant([1, 2]), null), error: 'KerasTypeError', message: "gather: argument 'indices' must be an int32 tensor or whole numbers, got null" },
    ],
  }),
  defineSpec({
    kerasName: 'batch_dot',
    cases: [
      {
        name: 'the documented example: axes 1 gives [[17], [53]]',
        inputs: [df([[1, 2], [3, 4]]), df([[5, 6], [7, 8]])],
        run: (K, x, y) => K.batchDot(x, y, 1),
        expected: () => [[17], [53]],
      },
      { name: '2-D . 2-D, axes null', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.batchDot(x, y), expected: (x, y) => batchDot(x, y), grad: true },
      { name: '2-D . 2-D, axes [1, 1]', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.batchDot(x, y, [1, 1]), expected: (x, y) => batchDot(x, y, [1, 1]), grad: true },
      {
        name: 'the documented shape rule: (b, 3) . (b, 4, 3), axes [1, 2] -> (b, 4)',
        inputs: [df(M23), df(toNested(roundedUniform([2, 4, 3], 'BD243')))],
        run: (K, x, y) => K.batchDot(x, y, [1, 2]),
        expected: (x, y) => batchDot(x, y, [1, 2]),
        grad: true,
      },
      {
        name: '(b, 3) . (b, 3, 4), axes null',
        inputs: [df(M23), df(toNested(roundedUniform([2, 3, 4], 'BD234')))],
        run: (K, x, y) => K.batchDot(x, y),
        expected: (x, y) => batchDot(x, y),
        grad: true,
      },
      {
        name: '3-D . 3-D, axes null (batched matmul)',
        inputs: [df(T234), df(toNested(roundedUniform([2, 4, 2], 'BD242')))],
        run: (K, x, y) => K.batchDot(x, y),
        expected: (x, y) => batchDot(x, y),
        grad: true,
      },
      {
        name: '3-D . 3-D, axes [1, 1]',
        inputs: [df(T234), df(toNested(roundedUniform([2, 3, 2], 'BD232')))],
        run: (K, x, y) => K.batchDot(x, y, [1, 1]),
        expected: (x, y) => batchDot(x, y, [1, 1]),
        grad: true,
      },
      {
        name: '3-D . 3-D, axes 2',
        inputs: [df(T234), df(toNested(roundedUniform([2, 5, 4], 'BD254')))],
        run: (K, x, y) => K.batchDot(x, y, 2),
        expected: (x, y) => batchDot(x, y, 2),
        grad: true,
      },
      {
        name: '3-D . 3-D, negative axes [-2, -1]',
        inputs: [df(T234), df(toNested(roundedUniform([2, 2, 3], 'BD223')))],
        run: (K, x, y) => K.batchDot(x, y, [-2, -1]),
        expected: (x, y) => batchDot(x, y, [1, 2]),
        grad: true,
      },
      {
        name: '3-D . 2-D, axes null',
        inputs: [df(T234), df(toNested(roundedUniform([2, 4], 'BD24')))],
        run: (K, x, y) => K.batchDot(x, y),
        expected: (x, y) => batchDot(x, y),
        grad: true,
      },
      {
        name: '3-D . 2-D with unknown dims (values; the gradient of a sum needs all but one kept dim known, a core limit)',
        inputs: [df(T234, { placeholderShape: [null, null, 4] }), df(toNested(roundedUniform([2, 4], 'BD24')), { placeholderShape: [null, null] })],
        run: (K, x, y) => K.batchDot(x, y, [2, 1]),
        expected: (x, y) => batchDot(x, y, [2, 1]),
      },
      {
        name: '2-D . 3-D with unknown dims, axes [1, 2]',
        inputs: [df(M23, { placeholderShape: [null, null] }), df(toNested(roundedUniform([2, 4, 3], 'BD243')), { placeholderShape: [null, null, null] })],
        run: (K, x, y) => K.batchDot(x, y, [1, 2]),
        expected: (x, y) => batchDot(x, y, [1, 2]),
      },
      {
        name: '3-D . 3-D with unknown dims',
        inputs: [df(T234, { placeholderShape: [null, null, null] }), df(toNested(roundedUniform([2, 4, 2], 'BD242')), { placeholderShape: [null, null, null] })],
        run: (K, x, y) => K.batchDot(x, y),
        expected: (x, y) => batchDot(x, y),
        grad: true,
      },
      {
        name: '4-D . 3-D, axes [3, 1] (the documented shape rule)',
        inputs: [df(toNested(roundedUniform([2, 2, 3, 2], 'BD2232'))), df(toNested(roundedUniform([2, 2, 4], 'BD224')))],
        run: (K, x, y) => K.batchDot(x, y, [3, 1]),
        expected: (x, y) => batchDot(x, y, [3, 1]),
        grad: true,
      },
      {
        name: '3-D . 4-D, axes [1, 3]',
        inputs: [df(T234), df(toNested(roundedUniform([2, 2, 2, 3], 'BD2223')))],
        run: (K, x, y) => K.batchDot(x, y, [1, 3]),
        expected: (x, y) => batchDot(x, y, [1, 3]),
        grad: true,
      },
      {
        name: 'static shapes (the documented example and the Keras docstring one)',
        modes: ['eager'],
        run: (K) => [
          K.intShape(K.batchDot(K.placeholder({ shape: [100, 20] }), K.placeholder({ shape: [100, 30, 20] }), [1, 2])),
          K.intShape(K.batchDot(K.placeholder({ shape: [null, 20] }), K.placeholder({ shape: [null, 30, 20] }), [1, 2])),
          K.intShape(K.batchDot(K.ones([32, 20, 1]), K.ones([32, 30, 20]), [1, 2])),
          K.intShape(K.batchDot(K.placeholder({ shape: [null, 5] }), K.placeholder({ shape: [null, 5] }), 1)),
          K.intShape(K.batchDot(K.placeholder({ shape: [null, null, 3] }), K.placeholder({ shape: [null, 3] }))),
          K.intShape(K.batchDot(K.placeholder({ shape: [4, 2, 3, 5] }), K.placeholder({ shape: [null, 5, 6] }))),
        ],
        expected: () => [[100, 30], [null, 30], [32, 1, 30], [null, 1], [null, null], [4, 2, 3, 6]],
      },
      // Keras 2.3.1's test_batch_dot_shape: placeholders of known rank and no known dim
      ...([
        [[2, 3, 4, 5], [2, 2, 3, 4], [2, 3]],
        [[2, 3, 4, 5], [2, 2, 4], 2],
        [[2, 3, 4], [2, 2, 3, 4], [2, 3]],
        [[7, 4, 3], [7, 3, 5], [2, 1]],
      ] as [number[], number[], number | [number, number]][]).map(([xs, ys, axes]): ValueCase => ({
        name: `(${xs.join(', ')}) . (${ys.join(', ')}), axes ${JSON.stringify(axes)}, every dim unknown at build time`,
        inputs: [
          df(toNested(roundedUniform(xs, `BDU:${xs.join('x')}:x`)), { placeholderShape: xs.map(() => null) }),
          df(toNested(roundedUniform(ys, `BDU:${ys.join('x')}:y`)), { placeholderShape: ys.map(() => null) }),
        ],
        run: (K, x, y) => K.batchDot(x, y, axes),
        expected: (x, y) => batchDot(x, y, axes),
        grad: xs[0] === 2,
      })),
      {
        name: 'static shapes with every dim unknown (rank as Keras 2.3.1; None or 1 only)',
        modes: ['eager'],
        run: (K) => {
          const p = (rank: number): KTensor => K.placeholder({ ndim: rank });
          return [
            K.intShape(K.batchDot(p(4), p(4), [2, 3])),
            K.intShape(K.batchDot(p(4), p(3), 2)),
            K.intShape(K.batchDot(p(3), p(4), [2, 3])),
            K.intShape(K.batchDot(p(3), p(3), [2, 1])),
            K.intShape(K.batchDot(p(2), p(3), [1, 2])),
            K.intShape(K.batchDot(p(2), p(2))),
          ];
        },
        expected: () => [[null, null, null, null, null], [null, null, null, null], [null, null, null, null], [null, null, null], [null, null], [null, 1]],
      },
    ],
    errorCases: [
      { name: 'rank 1 x', run: (K) => K.batchDot(K.constant([1, 2]), K.constant([[1, 2]])), error: 'KerasValueError', message: "batchDot: argument 'x' must have rank >= 2, got shape [2]" },
      { name: 'rank 1 y', run: (K) => K.batchDot(K.constant([[1, 2]]), K.constant([1, 2])), error: 'KerasValueError', message: "batchDot: argument 'y' must have rank >= 2, got shape [2]" },
      { name: 'summing over the batch axis', run: (K) => K.batchDot(K.ones([2, 2]), K.ones([2, 2]), 0), error: 'KerasValueError', message: "batchDot: argument 'axes' cannot name axis 0, the batch axis, got 0" },
      { name: 'nested axes', run: (K) => K.batchDot(K.ones([2, 2, 2]), K.ones([2, 2, 2]), bad([[1, 2], [1, 2]])), error: 'KerasValueError', message: "batchDot: argument 'axes' may name one axis per operand (multiple target dimensions are not supported), got [[1,2],[1,2]]" },
      { name: 'three axes', run: (K) => K.batchDot(K.ones([2, 2, 2]), K.ones([2, 2, 2]), bad([1, 2, 1])), error: 'KerasValueError', message: "batchDot: argument 'axes' must be null, an integer or a pair of integers, got [1,2,1]" },
      { name: 'an axis out of range', run: (K) => K.batchDot(K.ones([2, 3]), K.ones([2, 3, 4]), [2, 1]), error: 'KerasValueError', message: "batchDot: argument 'axes[0]' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
      { name: 'different batch sizes', run: (K) => K.batchDot(K.ones([2, 3]), K.ones([3, 3])), error: 'KerasShapeError', message: "batchDot: arguments 'x' and 'y' have different batch sizes: shapes [2, 3] and [3, 3]" },
      { name: 'summed axes of different lengths', run: (K) => K.batchDot(K.ones([2, 3, 4]), K.ones([2, 5, 6])), error: 'KerasShapeError', message: "batchDot: the summed axes differ in length: axis 2 of 'x' (shape [2, 3, 4]) and axis 1 of 'y' (shape [2, 5, 6])" },
      { name: 'int32', run: (K) => K.batchDot(K.constant([[1]], { dtype: 'int32' }), K.constant([[1]], { dtype: 'int32' })), error: 'KerasTypeError', message: "batchDot: arguments 'x' and 'y' must be float tensors, got dtype int32" },
    ],
  }),
];
