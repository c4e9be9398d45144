/**
 * Cases of the `nn` group that are implemented: relu, softmax, sigmoid, tanh.
 */
import { defineSpec, FunctionSpec } from '../case';
import { map, OArray, roundedUniform, sigmoid, softmax, tanh, toNested } from '../oracle';
import { bad, df, fl, M23, T234 } from './helpers';
import { unaryFloatCases } from './math';

/** Keras relu: max(x, 0) clipped at maxValue, minus alpha * relu(-x). */
function relu(x: OArray, alpha = 0, maxValue: number | null = null): OArray {
  return map(x, (v) => {
    let p = Math.max(v, 0);
    if (maxValue !== null) p = Math.min(p, maxValue);
    return p - alpha * Math.max(-v, 0);
  });
}

const R = [
  [-2, -0.5, 0.25],
  [1, 2.5, 4],
];
const X3 = toNested(roundedUniform([2, 3, 4], 'softmax3', -3, 3));

export const NN_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'relu',
    cases: [
      { name: 'default', inputs: [df(R)], run: (K, x) => K.relu(x), expected: (x) => relu(x), grad: true },
      { name: 'rank 3', inputs: [df(T234)], run: (K, x) => K.relu(x), expected: (x) => relu(x), grad: true },
      { name: 'zero gives zero', inputs: [fl([0, -0, 1e-3])], run: (K, x) => K.relu(x), expected: (x) => relu(x) },
      { name: 'alpha 0.1 (leaky)', inputs: [df(R)], run: (K, x) => K.relu(x, 0.1), expected: (x) => relu(x, 0.1), grad: true },
      { name: 'maxValue 1.5', inputs: [df(R)], run: (K, x) => K.relu(x, 0, 1.5), expected: (x) => relu(x, 0, 1.5), grad: true },
      { name: 'alpha and maxValue', inputs: [df(R)], run: (K, x) => K.relu(x, 0.2, 2), expected: (x) => relu(x, 0.2, 2), grad: true },
      { name: 'maxValue null is no clipping', inputs: [df(R)], run: (K, x) => K.relu(x, 0, null), expected: (x) => relu(x), grad: true },
      { name: 'maxValue 0', inputs: [fl(R)], run: (K, x) => K.relu(x, 0, 0), expected: (x) => relu(x, 0, 0) },
      {
        name: 'the gradient at 0 is 0 (as TensorFlow)',
        inputs: [fl([-1, 0, 2], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.relu(x)), [x])[0],
        expected: () => [0, 0, 1],
      },
    ],
    errorCases: [
      { name: 'int32', run: (K) => K.relu(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /relu: argument 'x'/ },
      { name: 'a negative maxValue', run: (K) => K.relu(K.constant([1]), 0, -1), error: 'KerasValueError', message: /relu: argument '(maxValue|max_value)'/ },
      { name: 'a NaN alpha (the message shows NaN)', run: (K) => K.relu(K.constant([1]), NaN), error: 'KerasValueError', message: /relu: argument 'alpha' .*NaN/ },
      { name: 'a string alpha', run: (K) => K.relu(K.constant([1]), bad('0.1')), error: 'KerasValueError', message: /relu: argument 'alpha'/ },
    ],
  }),
  defineSpec({
    kerasName: 'softmax',
    cases: [
      { name: 'a matrix, last axis', inputs: [df(M23)], run: (K, x) => K.softmax(x), expected: (x) => softmax(x), grad: true },
      { name: 'a vector', inputs: [df([1, 2, 3, 4])], run: (K, x) => K.softmax(x), expected: (x) => softmax(x), grad: true },
      { name: 'rank 3', inputs: [df(X3)], run: (K, x) => K.softmax(x), expected: (x) => softmax(x), grad: true },
      { name: 'axis 0', inputs: [df(M23, { placeholderShape: [2, 3] })], run: (K, x) => K.softmax(x, 0), expected: (x) => softmax(x, 0), grad: true },
      { name: 'axis -2 of rank 3', inputs: [df(X3)], run: (K, x) => K.softmax(x, -2), expected: (x) => softmax(x, -2), grad: true },
      { name: 'large values are stable', inputs: [fl([[1000, 1001, 1002], [-1000, -1001, -1002]])], run: (K, x) => K.softmax(x), expected: (x) => softmax(x) },
      { name: '-Infinity entries (masked logits) get 0', inputs: [fl([[-Infinity, 0, 1], [2, -Infinity, 2]])], run: (K, x) => K.softmax(x), expected: (x) => softmax(x) },
      { name: 'equal values', inputs: [fl([[5, 5, 5, 5]])], run: (K, x) => K.softmax(x), expected: () => [[0.25, 0.25, 0.25, 0.25]] },
      { name: 'rows sum to 1', inputs: [fl(X3)], run: (K, x) => K.sum(K.softmax(x), -1), expected: () => [[1, 1, 1], [1, 1, 1]], tol: { float32: { rtol: 1e-6, atol: 1e-6 } } },
    ],
    errorCases: [
      { name: 'a scalar', run: (K) => K.softmax(K.constant(1)), error: 'KerasValueError', message: /softmax: argument 'x'/ },
      { name: 'int32', run: (K) => K.softmax(K.constant([1, 2], { dtype: 'int32' })), error: 'KerasTypeError', message: /softmax: argument 'x'/ },
      { name: 'axis out of range', run: (K) => K.softmax(K.constant([[1, 2]]), 2), error: 'KerasValueError', message: /softmax: argument 'axis'/ },
    ],
  }),
  defineSpec({
    kerasName: 'sigmoid',
    cases: [
      ...unaryFloatCases((K, x) => K.sigmoid(x), sigmoid, M23, T234, 0.3),
      { name: 'large arguments saturate without NaN', inputs: [fl([-100, -30, 0, 30, 100])], run: (K, x) => K.sigmoid(x), expected: sigmoid },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.sigmoid(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /sigmoid: argument 'x'/ }],
  }),
  defineSpec({
    kerasName: 'tanh',
    cases: [
      ...unaryFloatCases((K, x) => K.tanh(x), tanh, M23, T234, -0.8),
      { name: 'large arguments saturate', inputs: [fl([-50, -20, 0, 20, 50])], run: (K, x) => K.tanh(x), expected: tanh },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.tanh(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: /tanh: argument 'x'/ }],
  }),
];
