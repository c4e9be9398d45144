/**
 * Cases of the catalogue functions added after the first set (file owned by the
 * engineer implementing them): elu, softplus, softsign, the cross-entropies,
 * hard_sigmoid, l2_normalize, in_top_k, bias_add, normalize_batch_in_training,
 * batch_normalization, switch, in_train_phase, in_test_phase, print_tensor.
 */
import type { KTensor } from '../../src/index';
import { defineSpec, FunctionSpec, KApi, ValueCase } from '../case';
import { map, mul, OArray, roundedUniform, sigmoid, tag, toNested } from '../oracle';
import {
  batchNormalization,
  biasAdd,
  binaryCrossentropy,
  categoricalCrossentropy,
  clipBounds,
  elu,
  hardSigmoid,
  inTopK,
  l2Normalize,
  normalizeBatchInTraining,
  softplus,
  softsign,
  sparseCategoricalCrossentropy,
  switchElementwise,
} from '../oracle/nn-more';
import { bad, bl, df, fl, i32, M23, T234 } from './helpers';

const R23 = [
  [-2, -0.5, 0.25],
  [1, 2.5, -4],
];
const X45 = toNested(roundedUniform([4, 5], 'nnmore:X45', -3, 3));
const X234 = toNested(roundedUniform([2, 3, 4], 'nnmore:X234', -3, 3));

/** Probabilities (rows not summing to 1, away from the clip bounds) and one-hot / soft targets. */
const P23 = [
  [0.2, 0.5, 0.4],
  [0.6, 0.15, 0.3],
];
const Y23 = [
  [0, 1, 0],
  [1, 0, 0],
];
const S23 = [
  [0.1, 0.7, 0.2],
  [0.5, 0.25, 0.25],
];
const L234 = toNested(roundedUniform([2, 3, 4], 'nnmore:L234', -2, 2));
const Y234 = [
  [
    [0, 0, 1, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 1],
  ],
  [
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 0, 0, 0],
  ],
];
const P234 = toNested(roundedUniform([2, 3, 4], 'nnmore:P234', 0.05, 0.95));

/** The clip bounds of the case's float variant. */
function bounds(this: { floatx: 'float32' | 'float64' }): [number, number] {
  return clipBounds(1e-7, this.floatx);
}

/** Runs `f` with process.stderr.write captured; returns its result and what it wrote. */
function captureStderr<R>(f: () => R): [R, string] {
  const original = process.stderr.write;
  let text = '';
  (process.stderr as { write: unknown }).write = (chunk: unknown): boolean => {
    text += String(chunk);
    return true;
  };
  try {
    return [f(), text];
  } finally {
    process.stderr.write = original;
  }
}

/** The float-input cases shared by the elementwise activations. */
function activationCases(fn: (K: KApi, x: KTensor) => KTensor, oracle: (x: OArray) => OArray, matrix: unknown, rank3: unknown, s: number): ValueCase[] {
  return [
    { name: 'a matrix', inputs: [df(matrix as number[][])], run: fn, expected: oracle, grad: true },
    { name: 'rank 3 (unknown batch dim in graph mode)', inputs: [df(rank3 as number[][][])], run: fn, expected: oracle, grad: true },
    { name: 'a scalar', inputs: [df(s)], run: fn, expected: oracle, grad: true },
  ];
}

const ELU_SPEC = defineSpec({
  kerasName: 'elu',
  cases: [
    ...activationCases((K, x) => K.elu(x), (x) => elu(x), R23, X234, -0.7),
    { name: 'alpha 0.5', inputs: [df(R23)], run: (K, x) => K.elu(x, 0.5), expected: (x) => elu(x, 0.5), grad: true },
    { name: 'alpha 2, rank 3', inputs: [df(X234)], run: (K, x) => K.elu(x, 2), expected: (x) => elu(x, 2), grad: true },
    { name: 'alpha 0 is relu', inputs: [df(R23)], run: (K, x) => K.elu(x, 0), expected: (x) => elu(x, 0), grad: true },
    { name: 'zero and large arguments (no overflow)', inputs: [fl([-1000, -100, -0, 0, 1e-4, 100, 1000])], run: (K, x) => K.elu(x, 1.5), expected: (x) => elu(x, 1.5) },
    {
      name: 'the gradient at 0 is alpha (as TensorFlow), finite at -1000',
      inputs: [fl([-1000, -1, 0, 2], { kind: 'lazy' })],
      run: (K, x) => K.gradients(K.sum(K.elu(x, 0.5)), [x])[0],
      expected: () => [0, 0.5 * Math.exp(-1), 0.5, 1],
    },
  ],
  errorCases: [
    { name: 'int32', run: (K) => K.elu(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /elu: argument 'x'/ },
    { name: 'a NaN alpha', run: (K) => K.elu(K.constant([1]), NaN), error: 'KerasValueError', message: /elu: argument 'alpha' .*NaN/ },
    { name: 'a string alpha', run: (K) => K.elu(K.constant([1]), bad('1')), error: 'KerasValueError', message: /elu: argument 'alpha'/ },
    { name: 'a string x', run: (K) => K.elu(bad('x')), error: 'KerasTypeError', message: /elu: argument 'x'/ },
  ],
});

const SOFTPLUS_SPEC = defineSpec({
  kerasName: 'softplus',
  cases: [
    ...activationCases((K, x) => K.softplus(x), softplus, R23, X234, 0.3),
    {
      name: 'large |x|: no overflow, no NaN',
      inputs: [fl([-1000, -100, -30, -5, 0, 5, 30, 100, 1000])],
      run: (K, x) => K.softplus(x),
      expected: softplus,
    },
    {
      name: 'tiny results keep their relative precision (softplus(-20) = exp(-20))',
      inputs: [fl([-20, -17, -12])],
      run: (K, x) => K.softplus(x),
      expected: softplus,
      tol: { float32: { rtol: 1e-5, atol: 0 }, float64: { rtol: 1e-12, atol: 0 } },
    },
    {
      name: 'the gradient is sigmoid(x), 0.5 at 0, finite for large |x|',
      inputs: [fl([-1000, -50, 0, 3, 50, 1000], { kind: 'lazy' })],
      run: (K, x) => K.gradients(K.sum(K.softplus(x)), [x])[0],
      expected: (x) => sigmoid(x),
    },
  ],
  errorCases: [
    { name: 'int32', run: (K) => K.softplus(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /softplus: argument 'x'/ },
    { name: 'bool', run: (K) => K.softplus(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: /softplus: argument 'x'/ },
  ],
});

const SOFTSIGN_SPEC = defineSpec({
  kerasName: 'softsign',
  cases: [
    ...activationCases((K, x) => K.softsign(x), softsign, R23, X234, -1.5),
    { name: 'zero and large arguments', inputs: [fl([-1e6, -0, 0, 1e6])], run: (K, x) => K.softsign(x), expected: softsign },
    { name: 'the gradient at 0 is 1', inputs: [fl([0, 1], { kind: 'lazy' })], run: (K, x) => K.gradients(K.sum(K.softsign(x)), [x])[0], expected: () => [1, 0.25] },
  ],
  errorCases: [{ name: 'int32', run: (K) => K.softsign(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /softsign: argument 'x'/ }],
});

const HARD_SIGMOID_SPEC = defineSpec({
  kerasName: 'hard_sigmoid',
  cases: [
    { name: 'the three pieces and the bounds', inputs: [fl([-10, -2.5, -1, 0, 0.3, 2.5, 10])], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid },
    { name: 'a matrix (away from the kinks)', inputs: [df([[-3, -1, 0.3], [2, 4, -2]])], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid, grad: true },
    { name: 'rank 3', inputs: [df(X234)], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid },
  ],
  errorCases: [{ name: 'int32', run: (K) => K.hardSigmoid(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: /hardSigmoid: argument 'x'/ }],
});

const L2_SPEC = defineSpec({
  kerasName: 'l2_normalize',
  cases: [
    { name: 'axis omitted (all axes)', inputs: [df(M23, { placeholderShape: [2, 3] })], run: (K, x) => K.l2Normalize(x), expected: (x) => l2Normalize(x), grad: true },
    { name: 'axis null, unknown batch dim', inputs: [df(M23)], run: (K, x) => K.l2Normalize(x, null), expected: (x) => l2Normalize(x, null), grad: true },
    { name: 'axis 1', inputs: [df(X45)], run: (K, x) => K.l2Normalize(x, 1), expected: (x) => l2Normalize(x, 1), grad: true },
    { name: 'axis -1 of rank 3', inputs: [df(T234)], run: (K, x) => K.l2Normalize(x, -1), expected: (x) => l2Normalize(x, -1), grad: true },
    { name: 'axis 0 (the unknown batch dim)', inputs: [df(X45)], run: (K, x) => K.l2Normalize(x, 0), expected: (x) => l2Normalize(x, 0), grad: true },
    { name: 'axis [0, 2]', inputs: [df(T234)], run: (K, x) => K.l2Normalize(x, [0, 2]), expected: (x) => l2Normalize(x, [0, 2]), grad: true },
    { name: 'a zero row stays zero (the norm is floored at 1e-6)', inputs: [fl([[0, 0, 0], [3, 0, -4], [1e-9, 0, 0]])], run: (K, x) => K.l2Normalize(x, 1), expected: (x) => l2Normalize(x, 1) },
  ],
  errorCases: [
    { name: 'axis out of range', run: (K) => K.l2Normalize(K.constant([[1, 2]]), 2), error: 'KerasValueError', message: /l2Normalize: argument 'axis'/ },
    { name: 'a fractional axis', run: (K) => K.l2Normalize(K.constant([[1, 2]]), 0.5), error: 'KerasValueError', message: /l2Normalize: argument 'axis'/ },
    { name: 'int32', run: (K) => K.l2Normalize(K.constant([1, 2], { dtype: 'int32' })), error: 'KerasTypeError', message: /l2Normalize: argument 'x'/ },
  ],
});

const CCE_SPEC = defineSpec({
  kerasName: 'categorical_crossentropy',
  cases: [
    {
      name: 'probabilities (rows renormalised), gradient for target and output',
      inputs: [df(Y23), df(P23)],
      run: (K, t, o) => K.categoricalCrossentropy(t, o),
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'the example of the TensorFlow docs (hand-computed -log p)',
      inputs: [fl([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), fl([[0.9, 0.05, 0.05], [0.05, 0.89, 0.06], [0.05, 0.01, 0.94]])],
      run: (K, t, o) => K.categoricalCrossentropy(t, o),
      expected: () => [-Math.log(0.9), -Math.log(0.89), -Math.log(0.94)],
    },
    {
      name: 'soft targets',
      inputs: [df(S23), df(P23)],
      run: (K, t, o) => K.categoricalCrossentropy(t, o, false),
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'zeros and ones are clipped to [epsilon, 1 - epsilon]',
      inputs: [fl([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), fl([[0, 0.5, 0.5], [0, 1, 0], [0.25, 0.25, 0.5]])],
      run: (K, t, o) => K.categoricalCrossentropy(t, o),
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, bounds.call(this));
      },
    },
    {
      name: 'epsilon follows setEpsilon',
      inputs: [fl([[1, 0]]), fl([[0, 1]])],
      run(K, t, o) {
        K.setEpsilon(1e-3);
        return K.categoricalCrossentropy(t, o);
      },
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, clipBounds(1e-3, this.floatx));
      },
    },
    {
      name: 'rank 3, probabilities',
      inputs: [df(Y234), df(P234)],
      run: (K, t, o) => K.categoricalCrossentropy(t, o),
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'rank 3 with two unknown dims, probabilities',
      inputs: [df(Y234, { placeholderShape: [null, null, 4] }), df(P234, { placeholderShape: [null, null, 4] })],
      run: (K, t, o) => K.categoricalCrossentropy(t, o),
      expected(t, o) {
        return categoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'rank 3 with two unknown dims, logits',
      inputs: [fl(Y234, { placeholderShape: [null, null, 4] }), df(L234, { placeholderShape: [null, null, 4] })],
      run: (K, t, o) => K.categoricalCrossentropy(t, o, true),
      expected: (t, o) => categoricalCrossentropy(t, o, true),
      grad: true,
    },
    { name: 'logits', inputs: [fl(S23), df(M23)], run: (K, t, o) => K.categoricalCrossentropy(t, o, true), expected: (t, o) => categoricalCrossentropy(t, o, true), grad: true },
    { name: 'logits, rank 3', inputs: [fl(Y234), df(L234)], run: (K, t, o) => K.categoricalCrossentropy(t, o, true), expected: (t, o) => categoricalCrossentropy(t, o, true), grad: true },
    {
      name: 'large logits are stable',
      inputs: [fl([[0, 0, 1], [1, 0, 0]]), df([[1000, 1001, 1002], [-1000, -1001, -1002]])],
      run: (K, t, o) => K.categoricalCrossentropy(t, o, true),
      expected: (t, o) => categoricalCrossentropy(t, o, true),
      grad: true,
    },
    {
      name: 'with logits no gradient flows to target (as TensorFlow)',
      inputs: [fl(Y23, { kind: 'lazy' }), fl(M23)],
      run: (K, t, o) => K.gradients(K.sum(K.categoricalCrossentropy(t, o, true)), [t])[0],
      expected: () => null,
    },
  ],
  errorCases: [
    { name: 'shapes differ', run: (K) => K.categoricalCrossentropy(K.constant([[0, 1]]), K.constant([[0.5, 0.25, 0.25]])), error: 'KerasShapeError', message: /categoricalCrossentropy: arguments 'target' and 'output'/ },
    { name: 'an int32 output', run: (K) => K.categoricalCrossentropy([[0, 1]], K.constant([[0, 1]], { dtype: 'int32' })), error: 'KerasTypeError', message: /categoricalCrossentropy: argument 'output'/ },
    { name: 'an int32 target tensor', run: (K) => K.categoricalCrossentropy(K.constant([[0, 1]], { dtype: 'int32' }), K.constant([[0.5, 0.5]])), error: 'KerasTypeError', message: /categoricalCrossentropy: argument 'target'/ },
    { name: 'a scalar output', run: (K) => K.categoricalCrossentropy(1, K.constant(1)), error: 'KerasValueError', message: /categoricalCrossentropy: argument 'output'/ },
    { name: 'fromLogits not a boolean', run: (K) => K.categoricalCrossentropy([[0, 1]], K.constant([[0.5, 0.5]]), bad('yes')), error: 'KerasValueError', message: /categoricalCrossentropy: argument 'fromLogits'/ },
  ],
});

const SCCE_SPEC = defineSpec({
  kerasName: 'sparse_categorical_crossentropy',
  cases: [
    {
      name: 'hand-computed: -log(p[target] / sum(p))',
      inputs: [i32([1, 0]), fl([[0.2, 0.5, 0.3], [0.1, 0.1, 0.6]])],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected: () => [-Math.log(0.5), -Math.log(0.1 / 0.8)],
    },
    {
      name: 'int32 targets (batch,), probabilities',
      inputs: [i32([1, 0]), df(P23)],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'targets (batch, 1) give (batch,)',
      inputs: [i32([[2], [0]]), df(P23)],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'float targets holding whole numbers are cast',
      inputs: [fl([[2], [1]]), df(P23)],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'zeros and ones are clipped',
      inputs: [i32([0, 1, 2]), fl([[0, 0.5, 0.5], [0, 1, 0], [1, 0, 0]])],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
    },
    { name: 'logits', inputs: [i32([2, 1]), df(M23)], run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o, true), expected: (t, o) => sparseCategoricalCrossentropy(t, o, true), grad: true },
    {
      name: 'logits, rank 3 (batch, time, classes)',
      inputs: [i32([[2, 0, 3], [1, 2, 0]]), df(L234)],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o, true),
      expected: (t, o) => sparseCategoricalCrossentropy(t, o, true),
      grad: true,
    },
    {
      name: 'rank 3 with two unknown dims, targets with a trailing 1',
      inputs: [i32([[[2], [0], [3]], [[1], [2], [0]]], { placeholderShape: [null, null, 1] }), df(P234, { placeholderShape: [null, null, 4] })],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'flattened targets (one per row, any shape)',
      inputs: [i32([2, 0, 3, 1, 2, 0], { placeholderShape: [6] }), fl(L234, { placeholderShape: [null, 3, 4] })],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o, true),
      expected: (t, o) => sparseCategoricalCrossentropy(t, o, true),
    },
    {
      name: 'a vector output gives shape [1] (as Keras)',
      inputs: [i32(1, { kind: 'constant' }), fl([0.25, 0.5, 0.25], { placeholderShape: [3] })],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
    },
    {
      name: 'large logits are stable',
      inputs: [i32([2, 0]), df([[1000, 1001, 1002], [-1000, -1001, -1002]])],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o, true),
      expected: (t, o) => sparseCategoricalCrossentropy(t, o, true),
      grad: true,
    },
    {
      name: 'a class index out of range known only at run time gives NaN for its row',
      inputs: [i32([1, 3, -1], { kind: 'lazy' }), fl([[0.2, 0.3, 0.5], [0.2, 0.3, 0.5], [0.2, 0.3, 0.5]])],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o),
      expected(t, o) {
        return sparseCategoricalCrossentropy(t, o, false, bounds.call(this));
      },
    },
  ],
  errorCases: [
    {
      name: 'a constant class index out of range',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 3], { dtype: 'int32' }), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasValueError',
      message: /sparseCategoricalCrossentropy: argument 'target' .*3/,
    },
    {
      name: 'a constant float target that is not whole',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 1.5]), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasValueError',
      message: /sparseCategoricalCrossentropy: argument 'target'/,
    },
    {
      name: 'one target too many',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 1, 2], { dtype: 'int32' }), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasShapeError',
      message: /sparseCategoricalCrossentropy: argument 'target'/,
    },
    {
      name: 'unknown number of classes',
      run: (K) => K.sparseCategoricalCrossentropy(K.placeholder({ shape: [null], dtype: 'int32' }), K.placeholder({ shape: [null, null] })),
      error: 'KerasValueError',
      message: /sparseCategoricalCrossentropy: .*argument 'output'/,
    },
    { name: 'an int32 output', run: (K) => K.sparseCategoricalCrossentropy([0], K.constant([[0, 1]], { dtype: 'int32' })), error: 'KerasTypeError', message: /sparseCategoricalCrossentropy: argument 'output'/ },
    { name: 'a string target', run: (K) => K.sparseCategoricalCrossentropy('a', K.constant([[0.5, 0.5]])), error: 'KerasTypeError', message: /sparseCategoricalCrossentropy: argument 'target'/ },
  ],
});

const BCE_SPEC = defineSpec({
  kerasName: 'binary_crossentropy',
  cases: [
    {
      name: 'probabilities, gradient for target and output',
      inputs: [df([[0, 1, 1], [1, 0, 0.3]]), df([[0.2, 0.9, 0.55], [0.35, 0.7, 0.1]])],
      run: (K, t, o) => K.binaryCrossentropy(t, o),
      expected(t, o) {
        return binaryCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'hand-computed: -log(0.9), -log(0.2), -log(0.5)',
      inputs: [fl([1, 0, 1]), fl([0.9, 0.8, 0.5])],
      run: (K, t, o) => K.binaryCrossentropy(t, o),
      expected: () => [-Math.log(0.9), -Math.log(0.2), -Math.log(0.5)],
    },
    {
      name: 'zeros and ones are clipped to [epsilon, 1 - epsilon]',
      inputs: [fl([0, 1, 1, 0, 0.5]), fl([0, 1, 0, 1, 0.5])],
      run: (K, t, o) => K.binaryCrossentropy(t, o),
      expected(t, o) {
        return binaryCrossentropy(t, o, false, bounds.call(this));
      },
    },
    {
      name: 'rank 3, probabilities',
      inputs: [df(P234), df(toNested(roundedUniform([2, 3, 4], 'nnmore:B234', 0.05, 0.95)))],
      run: (K, t, o) => K.binaryCrossentropy(t, o, false),
      expected(t, o) {
        return binaryCrossentropy(t, o, false, bounds.call(this));
      },
      grad: true,
    },
    { name: 'logits', inputs: [df([[0, 1, 0.25], [1, 0, 0.5]]), df(R23)], run: (K, t, o) => K.binaryCrossentropy(t, o, true), expected: (t, o) => binaryCrossentropy(t, o, true), grad: true },
    {
      name: 'large logits are stable',
      inputs: [fl([0, 1, 0, 1, 0.5]), df([-1000, -100, 100, 1000, 0])],
      run: (K, t, o) => K.binaryCrossentropy(t, o, true),
      expected: (t, o) => binaryCrossentropy(t, o, true),
      grad: true,
    },
  ],
  errorCases: [
    { name: 'shapes differ', run: (K) => K.binaryCrossentropy(K.constant([0, 1]), K.constant([0.5, 0.25, 0.25])), error: 'KerasShapeError', message: /binaryCrossentropy: arguments 'target' and 'output'/ },
    { name: 'an int32 output', run: (K) => K.binaryCrossentropy([0, 1], K.constant([0, 1], { dtype: 'int32' })), error: 'KerasTypeError', message: /binaryCrossentropy: argument 'output'/ },
    { name: 'fromLogits not a boolean', run: (K) => K.binaryCrossentropy([0], K.constant([0.5]), bad(1)), error: 'KerasValueError', message: /binaryCrossentropy: argument 'fromLogits'/ },
  ],
});

const PRED = [
  [0.1, 0.5, 0.5, 0.2],
  [1, 2, 3, 4],
  [0.3, -1, 0.3, 0.3],
];
const IN_TOP_K_SPEC = defineSpec({
  kerasName: 'in_top_k',
  cases: [
    { name: 'k 1, ties count as in (TensorFlow rule)', inputs: [fl(PRED), i32([2, 3, 0])], outDtype: 'bool', run: (K, p, t) => K.inTopK(p, t, 1), expected: (p, t) => inTopK(p, t, 1) },
    { name: 'k 2', inputs: [fl(PRED), i32([3, 2, 1])], outDtype: 'bool', run: (K, p, t) => K.inTopK(p, t, 2), expected: (p, t) => inTopK(p, t, 2) },
    { name: 'k 3', inputs: [fl(PRED), i32([3, 0, 1])], outDtype: 'bool', run: (K, p, t) => K.inTopK(p, t, 3), expected: (p, t) => inTopK(p, t, 3) },
    { name: 'k 0 is always false', inputs: [fl(PRED), i32([1, 3, 0])], outDtype: 'bool', run: (K, p, t) => K.inTopK(p, t, 0), expected: (p, t) => inTopK(p, t, 0) },
    { name: 'k above the number of classes', inputs: [fl(PRED), i32([0, 0, 1])], outDtype: 'bool', run: (K, p, t) => K.inTopK(p, t, 7), expected: (p, t) => inTopK(p, t, 7) },
    {
      name: 'non-finite rows and targets out of range give false',
      inputs: [fl([[0.1, Infinity, 0.2], [NaN, 0.5, 0.2], [0.3, 0.2, 0.1], [0.3, 0.2, 0.1], [0.3, 0.2, 0.1]]), i32([0, 1, 3, -1, 0])],
      outDtype: 'bool',
      run: (K, p, t) => K.inTopK(p, t, 2),
      expected: (p, t) => inTopK(p, t, 2),
    },
    {
      name: 'classes known only at run time',
      inputs: [fl(PRED, { placeholderShape: [null, null] }), i32([2, 1, 1])],
      outDtype: 'bool',
      run: (K, p, t) => K.inTopK(p, t, 2),
      expected: (p, t) => inTopK(p, t, 2),
    },
    { name: 'a nested-array target', inputs: [fl(PRED)], outDtype: 'bool', run: (K, p) => K.inTopK(p, [1, 3, 2], 1), expected: (p) => inTopK(p, [1, 3, 2], 1) },
  ],
  errorCases: [
    { name: 'predictions of rank 1', run: (K) => K.inTopK(K.constant([0.1, 0.2]), K.constant([0], { dtype: 'int32' }), 1), error: 'KerasValueError', message: /inTopK: argument 'predictions'/ },
    { name: 'float targets', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0]), 1), error: 'KerasTypeError', message: /inTopK: argument 'targets'/ },
    { name: 'targets of rank 2', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([[0]], { dtype: 'int32' }), 1), error: 'KerasValueError', message: /inTopK: argument 'targets'/ },
    { name: 'targets of the wrong length', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0, 1], { dtype: 'int32' }), 1), error: 'KerasShapeError', message: /inTopK: argument 'targets'/ },
    { name: 'a fractional k', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0], { dtype: 'int32' }), 1.5), error: 'KerasValueError', message: /inTopK: argument 'k'/ },
    { name: 'int32 predictions', run: (K) => K.inTopK(K.constant([[1, 2]], { dtype: 'int32' }), K.constant([0], { dtype: 'int32' }), 1), error: 'KerasTypeError', message: /inTopK: argument 'predictions'/ },
  ],
});

const X2234 = toNested(roundedUniform([2, 2, 3, 4], 'nnmore:X2234', -2, 2));
const X12123 = toNested(roundedUniform([1, 2, 1, 2, 3], 'nnmore:X12123', -2, 2));
const BIAS_ADD_SPEC = defineSpec({
  kerasName: 'bias_add',
  cases: [
    { name: 'rank 2, a vector', inputs: [df(M23), df([0.5, -1, 2], { placeholderShape: [3] })], run: (K, x, b) => K.biasAdd(x, b), expected: (x, b) => biasAdd(x, b, 'channels_last'), grad: true },
    {
      name: 'rank 2 ignores channels_first (bias on the last axis)',
      inputs: [df(M23), df([0.5, -1, 2], { placeholderShape: [3] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_first'),
      expected: (x, b) => biasAdd(x, b, 'channels_last'),
      grad: true,
    },
    { name: 'rank 3, channels_last, a vector', inputs: [df(T234), df([1, 2, 3, 4], { placeholderShape: [4] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_last'), expected: (x, b) => biasAdd(x, b, 'channels_last'), grad: true },
    { name: 'rank 3, channels_first, a vector', inputs: [df(T234), df([1, 2, 3], { placeholderShape: [3] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_first'), expected: (x, b) => biasAdd(x, b, 'channels_first'), grad: true },
    {
      name: 'rank 3, channels_last, a (steps, channels) bias',
      inputs: [df(T234), df(toNested(roundedUniform([3, 4], 'nnmore:b34')), { placeholderShape: [3, 4] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_last'),
      expected: (x, b) => biasAdd(x, b, 'channels_last'),
      grad: true,
    },
    {
      name: 'rank 3, channels_first, a rank-2 bias is reshaped (not transposed), as Keras',
      inputs: [df(T234), df(toNested(roundedUniform([4, 3], 'nnmore:b43')), { placeholderShape: [4, 3] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_first'),
      expected: (x, b) => biasAdd(x, b, 'channels_first'),
      grad: true,
    },
    { name: 'rank 4, channels_last, a vector', inputs: [df(X2234), df([1, -1, 2, -2], { placeholderShape: [4] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_last'), expected: (x, b) => biasAdd(x, b, 'channels_last'), grad: true },
    { name: 'rank 4, channels_first, a vector', inputs: [df(X2234), df([1, -1], { placeholderShape: [2] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_first'), expected: (x, b) => biasAdd(x, b, 'channels_first'), grad: true },
    {
      name: 'rank 4, channels_first, a rank-3 bias',
      inputs: [fl(X2234), fl(toNested(roundedUniform([3, 4, 2], 'nnmore:b342')), { placeholderShape: [3, 4, 2] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_first'),
      expected: (x, b) => biasAdd(x, b, 'channels_first'),
    },
    {
      name: 'rank 4, channels_last, a rank-3 bias',
      inputs: [df(X2234), df(toNested(roundedUniform([2, 3, 4], 'nnmore:b234')), { placeholderShape: [2, 3, 4] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_last'),
      expected: (x, b) => biasAdd(x, b, 'channels_last'),
      grad: true,
    },
    { name: 'rank 5, channels_first, a vector', inputs: [df(X12123), df([0.5, -0.5], { placeholderShape: [2] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_first'), expected: (x, b) => biasAdd(x, b, 'channels_first'), grad: true },
    { name: 'rank 5, channels_last, a vector', inputs: [fl(X12123), fl([0.5, -0.5, 1], { placeholderShape: [3] })], run: (K, x, b) => K.biasAdd(x, b, 'channels_last'), expected: (x, b) => biasAdd(x, b, 'channels_last') },
    {
      name: 'rank 5, channels_first, a rank-4 bias',
      inputs: [fl(X12123), fl(toNested(roundedUniform([1, 2, 3, 2], 'nnmore:b1232')), { placeholderShape: [1, 2, 3, 2] })],
      run: (K, x, b) => K.biasAdd(x, b, 'channels_first'),
      expected: (x, b) => biasAdd(x, b, 'channels_first'),
    },
    {
      name: 'dataFormat null follows imageDataFormat()',
      inputs: [fl(T234), fl([1, 2, 3], { placeholderShape: [3] })],
      run(K, x, b) {
        K.setImageDataFormat('channels_first');
        return K.biasAdd(x, b);
      },
      expected: (x, b) => biasAdd(x, b, 'channels_first'),
    },
    { name: 'int32', inputs: [i32([[1, 2], [3, 4]]), i32([10, -20], { placeholderShape: [2] })], run: (K, x, b) => K.biasAdd(x, b), expected: (x, b) => tag(biasAdd(x, b, 'channels_last'), 'int32') },
    { name: 'a nested-array bias takes the dtype of x', inputs: [fl(M23)], run: (K, x) => K.biasAdd(x, [1, 2, 3]), expected: (x) => biasAdd(x, [1, 2, 3], 'channels_last') },
  ],
  errorCases: [
    { name: 'a bias of rank 2 for x of rank 4', run: (K) => K.biasAdd(K.zeros([1, 2, 2, 3]), K.zeros([2, 3])), error: 'KerasValueError', message: /biasAdd: argument 'bias'/ },
    { name: 'a vector of the wrong length', run: (K) => K.biasAdd(K.zeros([1, 2, 2, 3]), K.zeros([2])), error: 'KerasShapeError', message: /biasAdd: argument 'bias'/ },
    { name: 'channels_first, wrong length', run: (K) => K.biasAdd(K.zeros([1, 3, 2]), K.zeros([2]), 'channels_first'), error: 'KerasShapeError', message: /biasAdd: argument 'bias'/ },
    { name: 'rank 2, wrong length', run: (K) => K.biasAdd(K.zeros([2, 3]), K.zeros([2])), error: 'KerasShapeError', message: /biasAdd: argument 'bias'/ },
    { name: 'a rank-(n-1) bias that does not fit', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.zeros([3, 2])), error: 'KerasShapeError', message: /biasAdd: argument 'bias'/ },
    { name: 'a bad dataFormat', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.zeros([3]), 'NHWC'), error: 'KerasValueError', message: /biasAdd: argument 'dataFormat'/ },
    { name: 'dtypes differ', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.constant([1, 2, 3], { dtype: 'int32' })), error: 'KerasTypeError', message: /biasAdd: argument 'bias'/ },
    { name: 'x of rank 1', run: (K) => K.biasAdd(K.zeros([3]), K.zeros([3])), error: 'KerasValueError', message: /biasAdd: argument 'x'/ },
  ],
});

const NX = [
  [0.5, -1.2, 2],
  [1.5, 0.3, -0.4],
  [-0.7, 2.2, 1.1],
  [0.2, 0.9, -1.8],
];
const X4D = toNested(roundedUniform([2, 3, 2, 2], 'nnmore:X4D', -2, 2));
const NBIT_SPEC = defineSpec({
  kerasName: 'normalize_batch_in_training',
  cases: [
    {
      name: 'axes [0]: [normed, mean, variance]',
      inputs: [fl(NX), fl([1.5, 0.5, 2], { placeholderShape: [3] }), fl([0.1, -0.2, 0.3], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0]),
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0], 0.001),
    },
    {
      name: 'axes [0], gradient of normed for x, gamma and beta',
      inputs: [df(NX), df([1.5, 0.5, 2], { placeholderShape: [3] }), df([0.1, -0.2, 0.3], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0])[0],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0], 0.001)[0],
      grad: true,
    },
    {
      name: 'gamma and beta null, epsilon 0.1',
      inputs: [df(NX)],
      run: (K, x) => K.normalizeBatchInTraining(x, null, null, [0], 0.1)[0],
      expected: (x) => normalizeBatchInTraining(x, null, null, [0], 0.1)[0],
      grad: true,
    },
    {
      name: 'rank 4, axes [0, 1, 2] (channels last)',
      inputs: [fl(X4D), fl([2, -1], { placeholderShape: [2] }), fl([0.5, 0], { placeholderShape: [2] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0, 1, 2]),
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0, 1, 2], 0.001),
    },
    {
      name: 'rank 4, axes [0, 2, 3] (channels first, broadcast)',
      inputs: [fl(X4D), fl([2, -1, 0.5], { placeholderShape: [3] }), fl([0.5, 0, 1], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0, 2, 3]),
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0, 2, 3], 0.001),
    },
    {
      name: 'rank 4, axes [0, 2, 3], gradient',
      inputs: [df(X4D), df([2, -1, 0.5], { placeholderShape: [3] }), df([0.5, 0, 1], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0, 2, 3])[0],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0, 2, 3], 0.001)[0],
      grad: true,
    },
    {
      name: 'rank 3, axes [1]: gamma (batch, channels) reshaped, unknown batch dim',
      inputs: [df(T234), df([[1, 2, 0.5, -1], [0.5, 1, 1.5, 2]], { placeholderShape: [2, 4] }), fl([[0, 1, 0, 1], [1, 0, 1, 0]], { placeholderShape: [2, 4] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [1])[0],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [1], 0.001)[0],
      grad: true,
    },
    {
      name: 'negative axes [-3, -2] of rank 3 (the regular case)',
      inputs: [fl(T234), fl([1, 2, 3, 4], { placeholderShape: [4] })],
      run: (K, x, g) => K.normalizeBatchInTraining(x, g, null, [-3, -2]),
      expected: (x, g) => normalizeBatchInTraining(x, g, null, [0, 1], 0.001),
    },
  ],
  errorCases: [
    { name: 'reductionAxes not an array', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, bad(0)), error: 'KerasValueError', message: /normalizeBatchInTraining: argument 'reductionAxes'/ },
    { name: 'an axis out of range', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [2]), error: 'KerasValueError', message: /normalizeBatchInTraining: argument 'reductionAxes'/ },
    { name: 'a repeated axis', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [0, -2]), error: 'KerasValueError', message: /normalizeBatchInTraining: argument 'reductionAxes'/ },
    { name: 'gamma of the wrong length', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), K.ones([2]), null, [0]), error: 'KerasShapeError', message: /normalizeBatchInTraining: argument 'gamma'/ },
    { name: 'beta of the wrong size (broadcast case)', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3, 4]), null, K.ones([4]), [0, 2]), error: 'KerasShapeError', message: /normalizeBatchInTraining: argument 'beta'/ },
    { name: 'a NaN epsilon', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [0], NaN), error: 'KerasValueError', message: /normalizeBatchInTraining: argument 'epsilon'/ },
    { name: 'int32 x', run: (K) => K.normalizeBatchInTraining(K.constant([[1, 2]], { dtype: 'int32' }), null, null, [0]), error: 'KerasTypeError', message: /normalizeBatchInTraining: argument 'x'/ },
  ],
});

const BN_SPEC = defineSpec({
  kerasName: 'batch_normalization',
  cases: [
    {
      name: 'per-feature statistics, gradient for every input',
      inputs: [
        df(NX),
        df([0.2, -0.1, 0.4], { placeholderShape: [3] }),
        df([0.8, 1.5, 0.3], { placeholderShape: [3] }),
        df([0.1, 0, -0.5], { placeholderShape: [3] }),
        df([1.2, 0.7, 2], { placeholderShape: [3] }),
      ],
      run: (K, x, m, v, b, g) => K.batchNormalization(x, m, v, b, g),
      expected: (x, m, v, b, g) => batchNormalization(x, m, v, b, g, 0.001),
      grad: true,
    },
    {
      name: 'beta and gamma null, epsilon 0.01',
      inputs: [df(NX), df([0.2, -0.1, 0.4], { placeholderShape: [3] }), df([0.8, 1.5, 0.3], { placeholderShape: [3] })],
      run: (K, x, m, v) => K.batchNormalization(x, m, v, null, null, 0.01),
      expected: (x, m, v) => batchNormalization(x, m, v, null, null, 0.01),
      grad: true,
    },
    {
      name: 'channels-first statistics of shape (1, C, 1, 1)',
      inputs: [
        df(X4D),
        fl([[[[0.1]], [[-0.2]], [[0.3]]]], { placeholderShape: [1, 3, 1, 1] }),
        fl([[[[0.5]], [[1]], [[2]]]], { placeholderShape: [1, 3, 1, 1] }),
        fl([[[[0]], [[1]], [[-1]]]], { placeholderShape: [1, 3, 1, 1] }),
        df([[[[2]], [[0.5]], [[1]]]], { placeholderShape: [1, 3, 1, 1] }),
      ],
      run: (K, x, m, v, b, g) => K.batchNormalization(x, m, v, b, g),
      expected: (x, m, v, b, g) => batchNormalization(x, m, v, b, g, 0.001),
      grad: true,
    },
    {
      name: 'scalar statistics',
      inputs: [fl(T234)],
      run: (K, x) => K.batchNormalization(x, 0.5, 2, 1, 3, 0),
      expected: (x) => batchNormalization(x, 0.5, 2, 1, 3, 0),
    },
  ],
  errorCases: [
    { name: 'mean of the wrong length', run: (K) => K.batchNormalization(K.zeros([2, 3]), K.zeros([2]), K.ones([3]), null, null), error: 'KerasShapeError', message: /batchNormalization: argument 'mean'/ },
    { name: 'gamma of a higher rank', run: (K) => K.batchNormalization(K.zeros([3]), K.zeros([3]), K.ones([3]), null, K.ones([2, 3])), error: 'KerasShapeError', message: /batchNormalization: argument 'gamma'/ },
    { name: 'int32 var', run: (K) => K.batchNormalization(K.zeros([3]), K.zeros([3]), K.constant([1, 1, 1], { dtype: 'int32' }), null, null), error: 'KerasTypeError', message: /batchNormalization: argument 'var'/ },
    { name: 'a string epsilon', run: (K) => K.batchNormalization(K.zeros([3]), 0, 1, null, null, bad('0.1')), error: 'KerasValueError', message: /batchNormalization: argument 'epsilon'/ },
    { name: 'int32 x', run: (K) => K.batchNormalization(K.constant([1], { dtype: 'int32' }), 0, 1, null, null), error: 'KerasTypeError', message: /batchNormalization: argument 'x'/ },
  ],
});

const A23 = [
  [1, 2, 3],
  [4, 5, 6],
];
const B23 = [
  [-1, -2, -3],
  [-4, -5, -6],
];
const SWITCH_SPEC = defineSpec({
  kerasName: 'switch',
  cases: [
    { name: 'a scalar bool condition, true', inputs: [bl(true), df(A23), fl(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, a) => a, grad: true },
    { name: 'a scalar bool condition, false', inputs: [bl(false), fl(A23), df(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, _a, b) => b, grad: true },
    { name: 'an int32 scalar condition (nonzero is true)', inputs: [i32(2), fl(A23), fl(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, a) => a },
    { name: 'a float scalar condition 0', inputs: [fl(0), fl(A23), fl(B23)], run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, _a, b) => b },
    {
      name: 'branches as functions',
      inputs: [bl(false), fl(A23)],
      outDtype: 'float',
      run: (K, c, a) => K.switch(c, () => K.multiply(a, 2), () => K.negative(a)),
      expected: (_c, a) => map(a, (v) => -v),
    },
    {
      name: 'a constant condition calls only the branch taken',
      modes: ['eager'],
      inputs: [fl(A23)],
      run(K, a) {
        return K.switch(K.constant(true, { dtype: 'bool' }), () => a, () => {
          throw new Error('the other branch was called');
        });
      },
      expected: (a) => a,
    },
    {
      name: 'an elementwise condition of the same shape',
      inputs: [bl([[true, false, true], [false, false, true]]), df(A23), df(B23)],
      outDtype: 'float',
      run: (K, c, a, b) => K.switch(c, a, b),
      expected: (c, a, b) => switchElementwise(c, a, b),
      grad: true,
    },
    {
      name: 'a vector condition picks rows (as tf.where)',
      inputs: [bl([false, true]), df(A23), df(B23)],
      outDtype: 'float',
      run: (K, c, a, b) => K.switch(c, a, b),
      expected: (c, a, b) => switchElementwise(c, a, b),
      grad: true,
    },
    {
      name: 'a (batch, 1) condition stretches over rank-3 branches',
      inputs: [bl([[true], [false]], { placeholderShape: [null, 1] }), df(T234, { placeholderShape: [null, 3, 4] }), df(X234, { placeholderShape: [null, 3, 4] })],
      outDtype: 'float',
      run: (K, c, a, b) => K.switch(c, a, b),
      expected: (c, a, b) => switchElementwise(c, a, b),
      grad: true,
    },
    {
      name: 'a rank-2 condition on rank-3 branches with two unknown dims',
      inputs: [bl([[true, false, false], [false, true, true]], { placeholderShape: [null, null] }), fl(T234, { placeholderShape: [null, null, 4] }), fl(X234, { placeholderShape: [null, null, 4] })],
      outDtype: 'float',
      run: (K, c, a, b) => K.switch(c, a, b),
      expected: (c, a, b) => switchElementwise(c, a, b),
    },
    {
      name: 'int32 branches, a number as the else branch',
      inputs: [bl([true, false, true]), i32([1, 2, 3])],
      outDtype: 'int32',
      run: (K, c, a) => K.switch(c, a, [0, 0, 0]),
      expected: () => [1, 0, 3],
    },
  ],
  errorCases: [
    {
      name: 'a condition of higher rank than the branches',
      run: (K) => K.switch(K.placeholder({ shape: [2, 3], dtype: 'bool' }), K.zeros([2]), K.ones([2])),
      error: 'KerasValueError',
      message: /switch: argument 'condition'/,
    },
    {
      name: 'a condition that does not match the leading axes',
      run: (K) => K.switch(K.placeholder({ shape: [3], dtype: 'bool' }), K.zeros([2, 3]), K.ones([2, 3])),
      error: 'KerasShapeError',
      message: /switch: argument 'condition'/,
    },
    {
      name: 'branches of different shapes',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), K.ones([3])),
      error: 'KerasShapeError',
      message: /switch: arguments 'thenExpression' and 'elseExpression'/,
    },
    {
      name: 'branches of different dtypes',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), K.constant([1, 2], { dtype: 'int32' })),
      error: 'KerasTypeError',
      message: /switch: argument 'elseExpression'/,
    },
    {
      name: 'a branch function returning undefined',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), bad(() => undefined)),
      error: 'KerasTypeError',
      message: /switch: argument 'elseExpression'/,
    },
    { name: 'a string condition', run: (K) => K.switch(bad('yes'), K.zeros([2]), K.ones([2])), error: 'KerasTypeError', message: /switch: argument 'condition'/ },
  ],
});

/** Cases shared by in_train_phase (train = x) and in_test_phase (train = alt). */
function phaseCases(call: (K: KApi, x: unknown, alt: unknown, training?: unknown) => KTensor, trainPicksX: boolean): ValueCase[] {
  const onTrain = (a: OArray, b: OArray): OArray => (trainPicksX ? a : b);
  const onTest = (a: OArray, b: OArray): OArray => (trainPicksX ? b : a);
  return [
    { name: 'training null: the learning phase (0 by default)', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(K, x, alt), expected: onTest },
    {
      name: 'training null after setLearningPhase(1)',
      inputs: [fl(A23), fl(B23)],
      run(K, x, alt) {
        K.setLearningPhase(1);
        return call(K, x, alt, null);
      },
      expected: onTrain,
    },
    { name: 'training 1', inputs: [df(A23), fl(B23)], run: (K, x, alt) => call(K, x, alt, 1), expected: onTrain, ...(trainPicksX ? { grad: true } : {}) },
    { name: 'training 0', inputs: [fl(A23), df(B23)], run: (K, x, alt) => call(K, x, alt, 0), expected: onTest, ...(trainPicksX ? { grad: true } : {}) },
    { name: 'training true', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(K, x, alt, true), expected: onTrain },
    { name: 'training false', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(K, x, alt, false), expected: onTest },
    {
      name: 'functions; only the one selected is called',
      modes: ['eager'],
      inputs: [fl(A23)],
      run: (K, a) =>
        call(
          K,
          () => (trainPicksX ? K.multiply(a, 2) : K.negative(a)),
          () => {
            if (trainPicksX) throw new Error('the other branch was called');
            return K.multiply(a, 2);
          },
          1,
        ),
      expected: (a) => mul(a, 2),
    },
    { name: 'a bool tensor training flag, true', inputs: [bl(true), fl(A23), fl(B23)], outDtype: 'float', run: (K, t, x, alt) => call(K, x, alt, t), expected: (_t, a, b) => onTrain(a, b) },
    { name: 'an int32 tensor training flag, 0', inputs: [i32(0), fl(A23), fl(B23)], outDtype: 'float', run: (K, t, x, alt) => call(K, x, alt, t), expected: (_t, a, b) => onTest(a, b) },
  ];
}

function phaseErrors(name: string, call: (K: KApi, x: unknown, alt: unknown, training?: unknown) => unknown): FunctionSpec['errorCases'] {
  return [
    { name: 'training 2', run: (K) => call(K, K.zeros([2]), K.ones([2]), 2), error: 'KerasValueError', message: new RegExp(`${name}: argument 'training'`) },
    { name: 'training a string', run: (K) => call(K, K.zeros([2]), K.ones([2]), 'yes'), error: 'KerasValueError', message: new RegExp(`${name}: argument 'training'`) },
    {
      name: 'a tensor flag with branches of different shapes',
      run: (K) => call(K, K.zeros([2]), K.ones([3]), K.placeholder({ shape: [], dtype: 'bool' })),
      error: 'KerasShapeError',
      message: new RegExp(`${name}: arguments '(x|alt)' and '(x|alt)'`),
    },
  ];
}

const IN_TRAIN_SPEC = defineSpec({
  kerasName: 'in_train_phase',
  cases: phaseCases((K, x, alt, training) => K.inTrainPhase(x as KTensor, alt as KTensor, training as KTensor), true),
  errorCases: phaseErrors('inTrainPhase', (K, x, alt, training) => K.inTrainPhase(x as KTensor, alt as KTensor, training as KTensor)),
});

const IN_TEST_SPEC = defineSpec({
  kerasName: 'in_test_phase',
  cases: phaseCases((K, x, alt, training) => K.inTestPhase(x as KTensor, alt as KTensor, training as KTensor), false),
  errorCases: phaseErrors('inTestPhase', (K, x, alt, training) => K.inTestPhase(x as KTensor, alt as KTensor, training as KTensor)),
});

const PRINT_SPEC = defineSpec({
  kerasName: 'print_tensor',
  cases: [
    {
      name: 'a constant is printed at once (stderr) and returned',
      modes: ['eager'],
      inputs: [fl([[1, 2.5], [-3, 0]])],
      run(K, x) {
        const [y, text] = captureStderr(() => K.printTensor(x, 'x = '));
        return [y, text, y === x];
      },
      expected: (x) => [x, 'x = [[1,2.5],[-3,0]]\n', true],
    },
    {
      name: 'the default message is empty; int32',
      modes: ['eager'],
      inputs: [i32([1, 2, 3])],
      run(K, x) {
        const [y, text] = captureStderr(() => K.printTensor(x));
        return [y, text];
      },
      expected: (x) => [tag(x, 'int32'), '[1,2,3]\n'],
    },
    {
      name: 'a lazy tensor is printed each time a function computes it',
      modes: ['eager'],
      run(K) {
        const v = K.variable([[1, 2]]);
        const p = K.placeholder({ shape: [null, 2] });
        const y = K.printTensor(K.multiply(K.add(v, p), 2), 'y = ');
        const f = K.function([p], [K.sum(y)]);
        const [[s1], t1] = captureStderr(() => f([[[0, 1]]]));
        const [[s2], t2] = captureStderr(() => f([[[1, 1], [2, 2]]]));
        const [, t3] = captureStderr(() => K.eval(K.printTensor(K.square(v), 'v^2 = ')));
        return [s1, t1, s2, t2, t3];
      },
      // 2 * ([1, 2] + [0, 1]) = [2, 6]; 2 * ([1, 2] + [[1, 1], [2, 2]]) = [[4, 6], [6, 8]]
      expected: () => [8, 'y = [[2,6]]\n', 24, 'y = [[4,6],[6,8]]\n', 'v^2 = [[1,4]]\n'],
    },
  ],
  errorCases: [
    { name: 'a message that is not a string', run: (K) => K.printTensor(K.constant([1]), bad(3)), error: 'KerasValueError', message: /printTensor: argument 'message'/ },
  ],
});

export const NN_MORE_SPECS: FunctionSpec[] = [
  ELU_SPEC,
  SOFTPLUS_SPEC,
  SOFTSIGN_SPEC,
  CCE_SPEC,
  SCCE_SPEC,
  BCE_SPEC,
  HARD_SIGMOID_SPEC,
  L2_SPEC,
  IN_TOP_K_SPEC,
  BIAS_ADD_SPEC,
  NBIT_SPEC,
  BN_SPEC,
  SWITCH_SPEC,
  IN_TRAIN_SPEC,
  IN_TEST_SPEC,
  PRINT_SPEC,
];
