/**
 * Cases of the Python operators as functions (not catalogue rows, so not in the
 * report; `describeConformance` runs them): add, subtract, multiply, divide,
 * negative, slice — broadcasting, scalars, the tensor methods, int32, gradients.
 */
import { defineSpec, FunctionSpec } from '../case';
import { add, div, map, mul, neg, roundedUniform, slice, sub, toNested, withDtype } from '../oracle';
import { bad, bl, df, fl, i32, M23, T234 } from './helpers';
import { dtypesDiffer, noBroadcast, notNumeric, notWhole, operandsNotNumeric } from './messages';

const ROW3 = [0.5, -2, 1.25];
const COL2 = [[2], [-0.5]];
const POS23 = toNested(roundedUniform([2, 3], 'POS23', 0.5, 3));

export const OPERATOR_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'add',
    cases: [
      { name: 'same shapes', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.add(x, y), expected: add, grad: true },
      { name: 'broadcast a row', inputs: [df(M23), df(ROW3, { placeholderShape: [3] })], run: (K, x, y) => K.add(x, y), expected: add, grad: true },
      { name: 'broadcast a column against a row', inputs: [df(COL2), df([ROW3], { placeholderShape: [1, 3] })], run: (K, x, y) => K.add(x, y), expected: add, grad: true },
      { name: 'rank 3 with rank 1', inputs: [df(T234), df([1, 2, 3, 4], { placeholderShape: [4] })], run: (K, x, y) => K.add(x, y), expected: add, grad: true },
      { name: 'a number', inputs: [df(M23)], run: (K, x) => K.add(x, 2.5), expected: (x) => add(x, 2.5), grad: true },
      { name: 'a number first', inputs: [df(M23)], run: (K, x) => K.add(2.5, x), expected: (x) => add(x, 2.5), grad: true },
      { name: 'the method form', inputs: [df(M23), df(POS23)], run: (K, x, y) => x.add(y), expected: add, grad: true },
      { name: 'int32', inputs: [i32([[1, 2], [3, 4]]), i32([10, -20], { placeholderShape: [2] })], run: (K, x, y) => K.add(x, y), expected: add },
      {
        name: 'int32 overflow wraps (two\'s complement)',
        inputs: [i32([2147483647, -2147483648]), i32([1, -1])],
        run: (K, x, y) => K.add(x, y),
        expected: () => ({ data: [-2147483648, 2147483647], shape: [2], dtype: 'int32' }),
      },
    ],
    errorCases: [
      { name: 'bool', run: (K) => K.add(K.constant([true], { dtype: 'bool' }), K.constant([false], { dtype: 'bool' })), error: 'KerasTypeError', message: operandsNotNumeric('add') },
      { name: 'shapes do not broadcast', run: (K) => K.add(K.constant([1, 2]), K.constant([1, 2, 3])), error: 'KerasShapeError', message: noBroadcast('add', [2], [3]) },
      {
        name: 'shapes that do not broadcast at run time',
        run: (K) => {
          const p = K.placeholder({ shape: [null] });
          return K.function([p], [K.add(p, K.constant([1, 2, 3]))])([[1, 2]]);
        },
        error: 'KerasShapeError',
        message: 'function: at run time, add: shapes [2] and [3] cannot be broadcast together',
      },
      { name: 'dtypes differ', run: (K) => K.add(K.constant([1]), K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: dtypesDiffer('add', 'float32', 'int32') },
      {
        name: 'a fractional number with an int32 tensor (TensorFlow refuses it)',
        run: (K) => K.add(K.constant([1, 2], { dtype: 'int32' }), 1.5),
        error: 'KerasTypeError',
        message: notWhole('add', 'y'),
      },
    ],
  }),
  defineSpec({
    kerasName: 'subtract',
    cases: [
      { name: 'same shapes', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.subtract(x, y), expected: sub, grad: true },
      { name: 'broadcast', inputs: [df(COL2), df(ROW3, { placeholderShape: [3] })], run: (K, x, y) => K.subtract(x, y), expected: sub, grad: true },
      { name: 'a number first', inputs: [df(M23)], run: (K, x) => K.subtract(1, x), expected: (x) => sub(1, x), grad: true },
      { name: 'the method form', inputs: [df(M23)], run: (K, x) => x.subtract(0.5), expected: (x) => sub(x, 0.5), grad: true },
      { name: 'int32', inputs: [i32([5, 6]), i32([7, 1])], run: (K, x, y) => K.subtract(x, y), expected: sub },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.subtract(K.constant([true], { dtype: 'bool' }), K.constant([false], { dtype: 'bool' })), error: 'KerasTypeError', message: operandsNotNumeric('subtract') }],
  }),
  defineSpec({
    kerasName: 'multiply',
    cases: [
      { name: 'same shapes', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.multiply(x, y), expected: mul, grad: true },
      { name: 'broadcast', inputs: [df(T234), df([[1], [2], [-1]], { placeholderShape: [3, 1] })], run: (K, x, y) => K.multiply(x, y), expected: mul, grad: true },
      { name: 'a tensor with itself', inputs: [df(M23)], run: (K, x) => K.multiply(x, x), expected: (x) => mul(x, x), grad: true },
      { name: 'the method form', inputs: [df(M23)], run: (K, x) => x.multiply(-3), expected: (x) => mul(x, -3), grad: true },
      { name: 'int32', inputs: [i32([5, -6]), i32([7, 3])], run: (K, x, y) => K.multiply(x, y), expected: mul },
      {
        // 123456789 * 987654321 = 121932631112635269, whose low 32 bits read as int32 are -67153019
        name: 'int32 overflow wraps (two\'s complement), exactly',
        inputs: [i32([123456789, 65536]), i32([987654321, 65536])],
        run: (K, x, y) => K.multiply(x, y),
        expected: () => ({ data: [-67153019, 0], shape: [2], dtype: 'int32' }),
      },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.multiply(K.constant([true], { dtype: 'bool' }), K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: operandsNotNumeric('multiply') }],
  }),
  defineSpec({
    kerasName: 'divide',
    cases: [
      { name: 'same shapes', inputs: [df(M23), df(POS23)], run: (K, x, y) => K.divide(x, y), expected: div, grad: true },
      { name: 'broadcast', inputs: [df(M23), df(ROW3, { placeholderShape: [3] })], run: (K, x, y) => K.divide(x, y), expected: div, grad: true },
      { name: 'a number first', inputs: [df(POS23)], run: (K, x) => K.divide(1, x), expected: (x) => div(1, x), grad: true },
      { name: 'the method form', inputs: [df(M23)], run: (K, x) => x.divide(4), expected: (x) => div(x, 4), grad: true },
      { name: 'int32 gives floatx (true division)', inputs: [i32([1, 7, -3]), i32([2, 2, 4])], outDtype: 'float', run: (K, x, y) => K.divide(x, y), expected: div },
      { name: 'by zero', inputs: [fl([1, -1, 0])], run: (K, x) => K.divide(x, 0), expected: () => [Infinity, -Infinity, NaN] },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.divide(K.constant([true], { dtype: 'bool' }), K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: operandsNotNumeric('divide') }],
  }),
  defineSpec({
    kerasName: 'negative',
    cases: [
      { name: 'a matrix', inputs: [df(M23)], run: (K, x) => K.negative(x), expected: neg, grad: true },
      { name: 'the method form', inputs: [df(T234)], run: (K, x) => x.negative(), expected: neg, grad: true },
      { name: 'int32', inputs: [i32([1, -2, 0])], run: (K, x) => K.negative(x), expected: (x) => map(x, (v) => -v + 0) },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.negative(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: notNumeric('negative') }],
  }),
  defineSpec({
    kerasName: 'slice',
    cases: [
      { name: 'a block', inputs: [df(T234, { placeholderShape: [2, 3, 4] })], run: (K, x) => K.slice(x, [0, 1, 1], [2, 2, 2]), expected: (x) => slice(x, [0, 1, 1], [2, 2, 2]), grad: true },
      { name: 'size -1 runs to the end', inputs: [df(T234)], run: (K, x) => K.slice(x, [1, 0, 2], [-1, -1, -1]), expected: (x) => slice(x, [1, 0, 2], [-1, -1, -1]), grad: true },
      { name: 'the method form', inputs: [df(M23, { placeholderShape: [2, 3] })], run: (K, x) => x.slice([1, 0], [1, 2]), expected: (x) => slice(x, [1, 0], [1, 2]), grad: true },
      { name: 'an empty slice', inputs: [fl(M23, { placeholderShape: [2, 3] })], run: (K, x) => K.slice(x, [0, 1], [2, 0]), expected: () => ({ data: [], shape: [2, 0] }) },
      { name: 'int32', inputs: [i32([[1, 2, 3], [4, 5, 6]], { placeholderShape: [2, 3] })], run: (K, x) => K.slice(x, [0, 1], [2, 2]), expected: (x) => slice(x, [0, 1], [2, 2]) },
      { name: 'bool', inputs: [bl([true, false, true])], run: (K, x) => K.slice(x, [1], [2]), expected: (x) => withDtype(slice(x, [1], [2]), 'bool') },
    ],
    errorCases: [
      { name: 'past the end', run: (K) => K.slice(K.constant([1, 2, 3]), [2], [2]), error: 'KerasValueError', message: "slice: arguments 'start[0]' (2) and 'size[0]' (2) go past the end of axis 0 of 'x' (shape [3])" },
      { name: 'a negative start', run: (K) => K.slice(K.constant([1, 2, 3]), [-1], [1]), error: 'KerasValueError', message: "slice: argument 'start[0]' must be >= 0, got -1" },
      { name: 'one entry per axis', run: (K) => K.slice(K.constant([[1, 2]]), [0], [1]), error: 'KerasValueError', message: "slice: argument 'start' must be an array of 2 integer(s), one per axis of 'x' (shape [1, 2]), got [0]" },
      { name: 'size below -1', run: (K) => K.slice(K.constant([1, 2]), [0], [-2]), error: 'KerasValueError', message: "slice: argument 'size[0]' must be >= 0 or -1, got -2" },
      { name: 'not an array', run: (K) => K.slice(K.constant([1, 2]), bad(0), [1]), error: 'KerasValueError', message: "slice: argument 'start' must be an array of 1 integer(s), one per axis of 'x' (shape [2]), got 0" },
    ],
  }),
];
