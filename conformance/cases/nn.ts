/**
 * Cases of the `nn` group: the activations (relu, softmax, sigmoid, tanh, elu,
 * softplus, softsign, hard_sigmoid, l2_normalize), the cross-entropies, in_top_k,
 * bias_add, batch normalisation and dropout.
 */
import type { KTensor } from '../../src';
import type { NDArray } from '../../src/index';
import { defineSpec, FunctionSpec, KApi, ValueCase } from '../case';
import { map, mul, OArray, roundedUniform, sigmoid, softmax, tag, tanh, toNested } from '../oracle';
import { reshape } from '../oracle/shape';
import { transpose as oracleTranspose } from '../oracle';
import { batchNormalization, biasAdd, binaryCrossentropy, categoricalCrossentropy, clipBounds, elu, hardSigmoid, inTopK, l2Normalize, normalizeBatchInTraining, softplus, softsign, sparseCategoricalCrossentropy } from '../oracle/nn';
import { correlation, correlationThreshold } from '../oracle/statistics';
import { bad, df, fl, i32, M23, T234, X234, zeroSigns } from './helpers';
import { unaryFloatCases } from './math';
import { ALPHA, bernoulliMean, COUNT, first, near } from './statistical-checks';

/**
 * Keras 2.3.1's relu, piecewise as its docstring and TensorFlow backend define it:
 * `alpha * (x - threshold)` for `x <= threshold`; above the threshold `x`, clipped to
 * [0, maxValue] when maxValue is given.
 */
function relu(x: OArray, alpha = 0, maxValue: number | null = null, threshold = 0): OArray {
  return map(x, (v) => {
    if (v <= threshold) return alpha * (v - threshold);
    return maxValue === null ? v : Math.min(Math.max(v, 0), maxValue);
  });
}

const R = [
  [-2, -0.5, 0.25],
  [1, 2.5, 4],
];
/** The transpose of a nested 2-D array. */
function transposeNested(m: readonly (readonly number[])[]): number[][] {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

const X3 = toNested(roundedUniform([2, 3, 4], 'softmax3', -3, 3));

const R23 = [
  [-2, -0.5, 0.25],
  [1, 2.5, -4],
];

const X45 = toNested(roundedUniform([4, 5], 'nnmore:X45', -3, 3));


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
    { name: 'int32', run: (K) => K.elu(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "elu: argument 'x' must be a float tensor, got dtype int32" },
    { name: 'a NaN alpha', run: (K) => K.elu(K.constant([1]), NaN), error: 'KerasValueError', message: "elu: argument 'alpha' must be a finite number, got NaN" },
    { name: 'a string alpha', run: (K) => K.elu(K.constant([1]), bad('1')), error: 'KerasValueError', message: `elu: argument 'alpha' must be a finite number, got "1"` },
    { name: 'a string x', run: (K) => K.elu(bad('x')), error: 'KerasTypeError', message: "elu: argument 'x' must be a tensor or a tensor-like value, got string" },
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
    { name: 'int32', run: (K) => K.softplus(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "softplus: argument 'x' must be a float tensor, got dtype int32" },
    { name: 'bool', run: (K) => K.softplus(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "softplus: argument 'x' must be a float tensor, got dtype bool" },
  ],
});

const SOFTSIGN_SPEC = defineSpec({
  kerasName: 'softsign',
  cases: [
    ...activationCases((K, x) => K.softsign(x), softsign, R23, X234, -1.5),
    { name: 'zero and large arguments', inputs: [fl([-1e6, -0, 0, 1e6])], run: (K, x) => K.softsign(x), expected: softsign },
    { name: 'the gradient at 0 is 1', inputs: [fl([0, 1], { kind: 'lazy' })], run: (K, x) => K.gradients(K.sum(K.softsign(x)), [x])[0], expected: () => [1, 0.25] },
  ],
  errorCases: [{ name: 'int32', run: (K) => K.softsign(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "softsign: argument 'x' must be a float tensor, got dtype int32" }],
});

const HARD_SIGMOID_SPEC = defineSpec({
  kerasName: 'hard_sigmoid',
  cases: [
    { name: 'the three pieces and the bounds', inputs: [fl([-10, -2.5, -1, 0, 0.3, 2.5, 10])], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid },
    { name: 'a matrix (away from the kinks)', inputs: [df([[-3, -1, 0.3], [2, 4, -2]])], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid, grad: true },
    { name: 'rank 3', inputs: [df(X234)], run: (K, x) => K.hardSigmoid(x), expected: hardSigmoid },
  ],
  errorCases: [{ name: 'int32', run: (K) => K.hardSigmoid(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "hardSigmoid: argument 'x' must be a float tensor, got dtype int32" }],
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
    { name: 'axis out of range', run: (K) => K.l2Normalize(K.constant([[1, 2]]), 2), error: 'KerasValueError', message: "l2Normalize: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
    { name: 'a fractional axis', run: (K) => K.l2Normalize(K.constant([[1, 2]]), 0.5), error: 'KerasValueError', message: "l2Normalize: argument 'axis' must be an integer, got 0.5" },
    { name: 'int32', run: (K) => K.l2Normalize(K.constant([1, 2], { dtype: 'int32' })), error: 'KerasTypeError', message: "l2Normalize: argument 'x' must be a float tensor, got dtype int32" },
  ],
});

const CCE_SPEC = defineSpec({
  kerasName: 'categorical_crossentropy',
  cases: [
    {
      name: 'axis 0 (Keras 2.3.1): classes down the columns, the transposed problem',
      inputs: [df(transposeNested(Y23)), df(transposeNested(P23))],
      run: (K, t, o) => K.categoricalCrossentropy(t, o, false, 0),
      expected(t, o) {
        return categoricalCrossentropy(oracleTranspose(t), oracleTranspose(o), false, bounds.call(this));
      },
      grad: true,
    },
    {
      name: 'axis 0 from logits',
      inputs: [df(transposeNested(Y23)), df(transposeNested(P23))],
      run: (K, t, o) => K.categoricalCrossentropy(t, o, true, 0),
      expected: (t, o) => categoricalCrossentropy(oracleTranspose(t), oracleTranspose(o), true),
    },
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
    { name: 'shapes differ', run: (K) => K.categoricalCrossentropy(K.constant([[0, 1]]), K.constant([[0.5, 0.25, 0.25]])), error: 'KerasShapeError', message: "categoricalCrossentropy: arguments 'target' and 'output' must have the same shape, got [1, 2] and [1, 3]" },
    { name: 'an int32 output', run: (K) => K.categoricalCrossentropy([[0, 1]], K.constant([[0, 1]], { dtype: 'int32' })), error: 'KerasTypeError', message: "categoricalCrossentropy: argument 'output' must be a float tensor, got dtype int32" },
    { name: 'an int32 target tensor', run: (K) => K.categoricalCrossentropy(K.constant([[0, 1]], { dtype: 'int32' }), K.constant([[0.5, 0.5]])), error: 'KerasTypeError', message: "categoricalCrossentropy: argument 'target' must have the dtype of 'output' (float32), got int32 (use K.cast)" },
    { name: 'a scalar output', run: (K) => K.categoricalCrossentropy(1, K.constant(1)), error: 'KerasValueError', message: "categoricalCrossentropy: argument 'output' must have rank >= 1, got a scalar" },
    { name: 'fromLogits not a boolean', run: (K) => K.categoricalCrossentropy([[0, 1]], K.constant([[0.5, 0.5]]), bad('yes')), error: 'KerasValueError', message: `categoricalCrossentropy: argument 'fromLogits' must be a boolean, got "yes"` },
  ],
});

const SCCE_SPEC = defineSpec({
  kerasName: 'sparse_categorical_crossentropy',
  cases: [
    {
      name: 'axis 0 (Keras 2.3.1), hand-computed: -log(p[target] / sum(p)) down each column',
      inputs: [i32([1, 0]), fl([[0.2, 0.1], [0.5, 0.1], [0.3, 0.6]], { placeholderShape: [3, 2] })],
      run: (K, t, o) => K.sparseCategoricalCrossentropy(t, o, false, 0),
      expected: () => [-Math.log(0.5), -Math.log(0.1 / 0.8)],
    },
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
  ],
  errorCases: [
    {
      name: 'a constant class index out of range',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 3], { dtype: 'int32' }), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasValueError',
      message: "sparseCategoricalCrossentropy: argument 'target' holds the class index 3 at flat index 1, out of range for 3 classes (expected 0 to 2)",
    },
    {
      // TensorFlow (CPU) raises at run time; this gave NaN for the row before
      name: 'a class index out of range fed at run time',
      run: (K) => {
        const t = K.placeholder({ shape: [null], dtype: 'int32' });
        const f = K.function([t], [K.sparseCategoricalCrossentropy(t, K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]]))]);
        return f([new Int32Array([0, 3])])[0];
      },
      error: 'KerasValueError',
      message: "sparseCategoricalCrossentropy: argument 'target': index 3 is out of range for an axis of length 3 (expected 0 to 2)",
    },
    {
      name: 'a negative class index fed at run time',
      run: (K) => {
        const t = K.placeholder({ shape: [null], dtype: 'int32' });
        const o = K.placeholder({ shape: [null, 3] });
        const f = K.function([t, o], [K.sparseCategoricalCrossentropy(t, o, true)]);
        return f([new Int32Array([-1]), [[1, 2, 3]]])[0];
      },
      error: 'KerasValueError',
      message: "sparseCategoricalCrossentropy: argument 'target': index -1 is out of range for an axis of length 3 (expected 0 to 2)",
    },
    {
      name: 'a constant float target that is not whole',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 1.5]), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasValueError',
      message: "sparseCategoricalCrossentropy: argument 'target' must hold whole numbers, got 1.5 at flat index 1",
    },
    {
      name: 'one target too many',
      run: (K) => K.sparseCategoricalCrossentropy(K.constant([0, 1, 2], { dtype: 'int32' }), K.constant([[0.5, 0.25, 0.25], [0.5, 0.25, 0.25]])),
      error: 'KerasShapeError',
      message: "sparseCategoricalCrossentropy: argument 'target' of shape [3] does not hold one class index per row of 'output' (shape [2, 3])",
    },
    {
      name: 'unknown number of classes',
      run: (K) => K.sparseCategoricalCrossentropy(K.placeholder({ shape: [null], dtype: 'int32' }), K.placeholder({ shape: [null, null] })),
      error: 'KerasValueError',
      message: "sparseCategoricalCrossentropy: the last dimension of argument 'output' (the classes) must be known, got shape [None, None]",
    },
    { name: 'an int32 output', run: (K) => K.sparseCategoricalCrossentropy([0], K.constant([[0, 1]], { dtype: 'int32' })), error: 'KerasTypeError', message: "sparseCategoricalCrossentropy: argument 'output' must be a float tensor, got dtype int32" },
    { name: 'a string target', run: (K) => K.sparseCategoricalCrossentropy('a', K.constant([[0.5, 0.5]])), error: 'KerasTypeError', message: "sparseCategoricalCrossentropy: argument 'target' must be a tensor or a tensor-like value, got string" },
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
    { name: 'shapes differ', run: (K) => K.binaryCrossentropy(K.constant([0, 1]), K.constant([0.5, 0.25, 0.25])), error: 'KerasShapeError', message: "binaryCrossentropy: arguments 'target' and 'output' must have the same shape, got [2] and [3]" },
    { name: 'an int32 output', run: (K) => K.binaryCrossentropy([0, 1], K.constant([0, 1], { dtype: 'int32' })), error: 'KerasTypeError', message: "binaryCrossentropy: argument 'output' must be a float tensor, got dtype int32" },
    { name: 'fromLogits not a boolean', run: (K) => K.binaryCrossentropy([0], K.constant([0.5]), bad(1)), error: 'KerasValueError', message: "binaryCrossentropy: argument 'fromLogits' must be a boolean, got 1" },
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
    { name: 'predictions of rank 1', run: (K) => K.inTopK(K.constant([0.1, 0.2]), K.constant([0], { dtype: 'int32' }), 1), error: 'KerasValueError', message: "inTopK: argument 'predictions' must be a matrix (batch, classes), got shape [2]" },
    { name: 'float targets', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0]), 1), error: 'KerasTypeError', message: "inTopK: argument 'targets' must be an int32 tensor, got dtype float32" },
    { name: 'targets of rank 2', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([[0]], { dtype: 'int32' }), 1), error: 'KerasValueError', message: "inTopK: argument 'targets' must be a vector (batch,), got shape [1, 1]" },
    { name: 'targets of the wrong length', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0, 1], { dtype: 'int32' }), 1), error: 'KerasShapeError', message: "inTopK: argument 'targets' has length 2, but 'predictions' has 1 row(s) (shape [1, 2])" },
    { name: 'a fractional k', run: (K) => K.inTopK(K.constant([[0.1, 0.2]]), K.constant([0], { dtype: 'int32' }), 1.5), error: 'KerasValueError', message: "inTopK: argument 'k' must be an integer, got 1.5" },
    { name: 'int32 predictions', run: (K) => K.inTopK(K.constant([[1, 2]], { dtype: 'int32' }), K.constant([0], { dtype: 'int32' }), 1), error: 'KerasTypeError', message: "inTopK: argument 'predictions' must be a float tensor, got dtype int32" },
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
    { name: 'a bias of rank 2 for x of rank 4', run: (K) => K.biasAdd(K.zeros([1, 2, 2, 3]), K.zeros([2, 3])), error: 'KerasValueError', message: "biasAdd: argument 'bias' must have rank 1 or 3 (the rank of 'x' minus 1), got shape [2, 3]" },
    { name: 'a vector of the wrong length', run: (K) => K.biasAdd(K.zeros([1, 2, 2, 3]), K.zeros([2])), error: 'KerasShapeError', message: "biasAdd: argument 'bias' of shape [2] does not fit 'x' of shape [1, 2, 2, 3] (channels_last): its length must equal the last axis of 'x'" },
    { name: 'channels_first, wrong length', run: (K) => K.biasAdd(K.zeros([1, 3, 2]), K.zeros([2]), 'channels_first'), error: 'KerasShapeError', message: "biasAdd: argument 'bias' of shape [2] does not fit 'x' of shape [1, 3, 2] (channels_first): it does not broadcast to 'x'" },
    { name: 'rank 2, wrong length', run: (K) => K.biasAdd(K.zeros([2, 3]), K.zeros([2])), error: 'KerasShapeError', message: "biasAdd: argument 'bias' of shape [2] does not fit 'x' of shape [2, 3] (channels_last): its length must equal the last axis of 'x'" },
    { name: 'a rank-(n-1) bias that does not fit', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.zeros([3, 2])), error: 'KerasShapeError', message: "biasAdd: argument 'bias' of shape [3, 2] does not fit 'x' of shape [1, 2, 3] (channels_last): it does not broadcast to 'x'" },
    { name: 'a bad dataFormat', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.zeros([3]), 'NHWC'), error: 'KerasValueError', message: `biasAdd: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "NHWC"` },
    { name: 'dtypes differ', run: (K) => K.biasAdd(K.zeros([1, 2, 3]), K.constant([1, 2, 3], { dtype: 'int32' })), error: 'KerasTypeError', message: "biasAdd: argument 'bias' must have the dtype of 'x' (float32), got int32 (use K.cast)" },
    { name: 'x of rank 1', run: (K) => K.biasAdd(K.zeros([3]), K.zeros([3])), error: 'KerasValueError', message: "biasAdd: argument 'x' must have rank >= 2, got shape [3]" },
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
      name: 'axes [0], gradient of the mean for x',
      inputs: [df(NX), fl([1.5, 0.5, 2], { placeholderShape: [3] }), fl([0.1, -0.2, 0.3], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0])[1],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0], 0.001)[1],
      grad: true,
    },
    {
      name: 'axes [0], gradient of the variance for x',
      inputs: [df(NX), fl([1.5, 0.5, 2], { placeholderShape: [3] }), fl([0.1, -0.2, 0.3], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0])[2],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0], 0.001)[2],
      grad: true,
    },
    {
      name: 'rank 4, axes [0, 2, 3], gradient of the variance for x',
      inputs: [df(X4D), fl([2, -1, 0.5], { placeholderShape: [3] }), fl([0.5, 0, 1], { placeholderShape: [3] })],
      run: (K, x, g, b) => K.normalizeBatchInTraining(x, g, b, [0, 2, 3])[2],
      expected: (x, g, b) => normalizeBatchInTraining(x, g, b, [0, 2, 3], 0.001)[2],
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
      name: 'rank 4, axes [0, 1, 2], gamma null, gradient of normed',
      inputs: [df(X4D, { placeholderShape: [null, 3, 2, 2] }), df([0.5, 0], { placeholderShape: [2] })],
      run: (K, x, b) => K.normalizeBatchInTraining(x, null, b, [0, 1, 2])[0],
      expected: (x, b) => normalizeBatchInTraining(x, null, b, [0, 1, 2], 0.001)[0],
      grad: true,
    },
    {
      name: 'rank 4, axes [0, 2, 3], beta null, gradient of normed, mean and variance summed',
      inputs: [df(X4D, { placeholderShape: [null, 3, 2, 2] }), df([2, -1, 0.5], { placeholderShape: [3] })],
      run: (K, x, g) => {
        const [n, m, v] = K.normalizeBatchInTraining(x, g, null, [0, 2, 3], 0.01);
        return K.add(K.add(K.sum(K.square(n)), K.sum(m)), K.sum(v));
      },
      expected: (x, g) => {
        const [n, m, v] = normalizeBatchInTraining(x, g, null, [0, 2, 3], 0.01);
        const total = (a: OArray): number => Array.from(a.data).reduce((p, q) => p + q, 0);
        return total(mul(n, n)) + total(m) + total(v);
      },
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
    { name: 'reductionAxes not an array', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, bad(0)), error: 'KerasValueError', message: "normalizeBatchInTraining: argument 'reductionAxes' must be an array of integers, got 0" },
    { name: 'an axis out of range', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [2]), error: 'KerasValueError', message: "normalizeBatchInTraining: argument 'reductionAxes' has axis 2, out of range for 'x' of rank 2 (expected -2 to 1)" },
    { name: 'a repeated axis', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [0, -2]), error: 'KerasValueError', message: "normalizeBatchInTraining: argument 'reductionAxes' repeats an axis: [0,-2]" },
    { name: 'gamma of the wrong length', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), K.ones([2]), null, [0]), error: 'KerasShapeError', message: "normalizeBatchInTraining: argument 'gamma' has shape [2], which does not broadcast to the shape [2, 3] of 'x'" },
    { name: 'beta of the wrong size (broadcast case)', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3, 4]), null, K.ones([4]), [0, 2]), error: 'KerasShapeError', message: "normalizeBatchInTraining: argument 'beta' has shape [4] (4 values), but the axes kept by the reduction have shape [3] (3 values)" },
    { name: 'a NaN epsilon', run: (K) => K.normalizeBatchInTraining(K.zeros([2, 3]), null, null, [0], NaN), error: 'KerasValueError', message: "normalizeBatchInTraining: argument 'epsilon' must be a finite number, got NaN" },
    { name: 'int32 x', run: (K) => K.normalizeBatchInTraining(K.constant([[1, 2]], { dtype: 'int32' }), null, null, [0]), error: 'KerasTypeError', message: "normalizeBatchInTraining: argument 'x' must be a float tensor, got dtype int32" },
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
      run: (K, x) => K.batchNormalization(x, 0.5, 2, 1, 3, { epsilon: 0 }),
      expected: (x) => batchNormalization(x, 0.5, 2, 1, 3, 0),
    },
    {
      name: 'axis 1 (Keras 2.3.1): 1-D statistics apply along the channels of NCHW',
      inputs: [
        df(X4D),
        df([0.1, -0.2, 0.3], { placeholderShape: [3] }),
        df([0.5, 1, 2], { placeholderShape: [3] }),
        df([0, 1, -1], { placeholderShape: [3] }),
        df([2, 0.5, 1], { placeholderShape: [3] }),
      ],
      run: (K, x, m, v, b, g) => K.batchNormalization(x, m, v, b, g, { axis: 1 }),
      expected: (x, m, v, b, g) => {
        const c = (p: OArray): OArray => reshape(p, [1, 3, 1, 1]);
        return batchNormalization(x, c(m), c(v), c(b), c(g), 0.001);
      },
      grad: true,
    },
    {
      name: 'axis 1 by hand: x 1 everywhere, mean [0, 1, 2], var [1, 4, 0.25] (epsilon 0), beta 0, gamma 1',
      inputs: [fl([[[[1]], [[1]], [[1]]]])],
      run: (K, x) => K.batchNormalization(x, K.constant([0, 1, 2]), K.constant([1, 4, 0.25]), null, null, { axis: 1, epsilon: 0 }),
      // (1 - 0) / 1, (1 - 1) / 2, (1 - 2) / 0.5
      expected: () => [[[[1]], [[0]], [[-2]]]],
    },
    // The batchNorm composite's kernels: channels last (onnx transposes to NCHW), a middle
    // axis (no transpose on onnx for axis 1), beta or gamma alone (the inputs' order)
    {
      name: 'rank 4 channels last, 1-D statistics, unknown batch dim, gradient for every input',
      inputs: [
        df(toNested(roundedUniform([2, 2, 2, 3], 'bn:NHWC', -2, 2)), { placeholderShape: [null, 2, 2, 3] }),
        df([0.1, -0.2, 0.3], { placeholderShape: [3] }),
        df([0.5, 1, 2], { placeholderShape: [3] }),
        df([0, 1, -1], { placeholderShape: [3] }),
        df([2, 0.5, 1], { placeholderShape: [3] }),
      ],
      run: (K, x, m, v, b, g) => K.batchNormalization(x, m, v, b, g),
      expected: (x, m, v, b, g) => batchNormalization(x, m, v, b, g, 0.001),
      grad: true,
    },
    {
      name: 'rank 3, axis 1, beta without gamma, gradient',
      inputs: [df(T234, { placeholderShape: [2, 3, 4] }), df([0.1, -0.2, 0.3], { placeholderShape: [3] }), df([0.5, 1, 2], { placeholderShape: [3] }), df([0, 1, -1], { placeholderShape: [3] })],
      run: (K, x, m, v, b) => K.batchNormalization(x, m, v, b, null, { axis: 1 }),
      expected: (x, m, v, b) => {
        const c = (p: OArray): OArray => reshape(p, [1, 3, 1]);
        return batchNormalization(x, c(m), c(v), c(b), null, 0.001);
      },
      grad: true,
    },
    {
      name: 'rank 4, axis 2, gamma without beta, unknown batch dim, gradient',
      inputs: [df(X4D, { placeholderShape: [null, 3, 2, 2] }), df([0.1, -0.2], { placeholderShape: [2] }), df([0.5, 1], { placeholderShape: [2] }), df([2, -0.5], { placeholderShape: [2] })],
      run: (K, x, m, v, g) => K.batchNormalization(x, m, v, null, g, { axis: 2 }),
      expected: (x, m, v, g) => {
        const c = (p: OArray): OArray => reshape(p, [1, 1, 2, 1]);
        return batchNormalization(x, c(m), c(v), null, c(g), 0.001);
      },
      grad: true,
    },
    {
      name: 'by hand: infinities, NaN and a huge x; epsilon 0, var 1/4 (inv 2)',
      inputs: [fl([[Infinity, -Infinity, NaN], [1e30, 2, 0]])],
      run: (K, x) => K.batchNormalization(x, K.constant([1, 1, 0]), K.constant([0.25, 0.25, 0.25]), K.constant([0, 0, 1]), null, { epsilon: 0 }),
      // x * 2 + (beta - mean * 2)
      expected: () => [[Infinity, -Infinity, NaN], [2e30, 2, 1]],
    },
    {
      name: 'by hand: the formula x * inv + (beta - mean * inv) in float32, x * inv overflowing',
      inputs: [fl([[3e38, 1]])],
      run: (K, x) => K.batchNormalization(x, K.constant([3e38, 3e38]), K.constant([0.25, 0.25]), K.constant([0, 0]), null, { epsilon: 0 }),
      // 3e38 * 2 = Inf, 0 - Inf = -Inf: Inf - Inf = NaN and 2 - Inf = -Inf (not (x - mean) * inv)
      expected: () => [[NaN, -Infinity]],
      floatVariants: ['float32'],
    },
    {
      name: 'by hand: zero signs without beta, x * inv - mean * inv',
      inputs: [fl([[-0, 0, -0, 1]])],
      run: (K, x) => K.batchNormalization(x, K.constant([0, 0, -0, 1]), K.constant([1, 1, 1, 1]), null, null, { epsilon: 0 }),
      // -0 + -(0), 0 + -(0), -0 + -(-0), 1 + -(1)
      expected: () => [[-0, 0, 0, 0]],
      check: zeroSigns([-0, 0, 0, 0]),
    },
    {
      name: 'by hand: the same zero signs along axis 1 of rank 3',
      inputs: [fl([[[-0], [0], [-0], [1]]])],
      run: (K, x) => K.batchNormalization(x, K.constant([0, 0, -0, 1]), K.constant([1, 1, 1, 1]), null, null, { axis: 1, epsilon: 0 }),
      expected: () => [[[-0], [0], [0], [0]]],
      check: zeroSigns([-0, 0, 0, 0]),
    },
    {
      // 1 / sqrt(var + epsilon) with var = -0 and epsilon 0 is 1 / sqrt(+0) = +Inf: onnx
      // once kept the -0 (ORT's optimiser removed the Add of the constant 0) and gave -Inf
      name: 'by hand: the gradient for a -0 variance with epsilon 0 is +Inf (var + 0 is +0)',
      inputs: [fl([[[1, 1], [1, 1], [1, 1]]], { kind: 'lazy', placeholderShape: [null, 3, 2] }), fl([0, 0, -0], { kind: 'lazy', placeholderShape: [3] })],
      run: (K, x, v) => K.gradients(K.sum(K.batchNormalization(x, K.zeros([3]), v, null, null, { axis: 1, epsilon: 0 })), [x])[0],
      expected: () => [[[Infinity, Infinity], [Infinity, Infinity], [Infinity, Infinity]]],
    },
    {
      // var + epsilon = -0 + 0 = +0, inv = +Inf: x * inv = -Inf and -(mean * inv) = -Inf; a
      // -0 kept would give +Inf (ORT drops an Add of a constant 0 in some graphs: the fuzzer's
      // seed 20261203 found it on this formula path; this small graph keeps the Add)
      name: 'by hand: a -0 variance with epsilon 0 normalises as +0 (channels last)',
      inputs: [fl([[-1], [-2]], { kind: 'lazy', placeholderShape: [null, 1] }), fl([-0], { kind: 'lazy', placeholderShape: [1] })],
      run: (K, x, v) => K.batchNormalization(x, K.constant([1]), K.reshape(v, [1]), null, null, { epsilon: 0 }),
      expected: () => [[-Infinity], [-Infinity]],
    },
    {
      name: 'axis 1 with every dim unknown in graph mode (as many columns as channels)',
      inputs: [fl([[[1, 2, 3], [1, 2, 3], [1, 2, 3]]], { placeholderShape: [null, null, null] })],
      run: (K, x) => K.batchNormalization(x, K.constant([0, 10, 20]), K.constant([1, 4, 0.25]), null, null, { axis: 1, epsilon: 0 }),
      // row c: (x - mean[c]) / sqrt(var[c])
      expected: () => [[[1, 2, 3], [-4.5, -4, -3.5], [-38, -36, -34]]],
    },
    {
      name: '{axis: -1, epsilon: 0.01} is the documented epsilon 0.01',
      inputs: [df(NX), df([0.2, -0.1, 0.4], { placeholderShape: [3] }), df([0.8, 1.5, 0.3], { placeholderShape: [3] })],
      run: (K, x, m, v) => K.batchNormalization(x, m, v, null, null, { axis: -1, epsilon: 0.01 }),
      expected: (x, m, v) => batchNormalization(x, m, v, null, null, 0.01),
    },
  ],
  errorCases: [
    { name: 'mean of the wrong length', run: (K) => K.batchNormalization(K.zeros([2, 3]), K.zeros([2]), K.ones([3]), null, null), error: 'KerasShapeError', message: "batchNormalization: argument 'mean' has shape [2], which does not broadcast to the shape [2, 3] of 'x'" },
    { name: 'gamma of a higher rank', run: (K) => K.batchNormalization(K.zeros([3]), K.zeros([3]), K.ones([3]), null, K.ones([2, 3])), error: 'KerasShapeError', message: "batchNormalization: argument 'gamma' has shape [2, 3], which does not broadcast to the shape [3] of 'x'" },
    { name: 'int32 var', run: (K) => K.batchNormalization(K.zeros([3]), K.zeros([3]), K.constant([1, 1, 1], { dtype: 'int32' }), null, null), error: 'KerasTypeError', message: "batchNormalization: argument 'var' must have the dtype of 'x' (float32), got int32 (use K.cast)" },
    { name: 'a string epsilon', run: (K) => K.batchNormalization(K.zeros([3]), 0, 1, null, null, bad('0.1')), error: 'KerasValueError', message: `batchNormalization: argument 'epsilon' must be a finite number or an options object {axis, epsilon}, got "0.1"` },
    { name: 'int32 x', run: (K) => K.batchNormalization(K.constant([1], { dtype: 'int32' }), 0, 1, null, null), error: 'KerasTypeError', message: "batchNormalization: argument 'x' must be a float tensor, got dtype int32" },
    {
      name: "Keras 2.3.1's positional axis -1 is not read as an epsilon",
      run: (K) => K.batchNormalization(K.zeros([2, 3]), 0, 1, null, null, -1),
      error: 'KerasValueError',
      message: /^batchNormalization: argument 'epsilon' is the integer -1; in Keras 2.3.1's order \(x, mean, var, beta, gamma, axis, epsilon\) that would be the axis\. Pass \{axis: -1\} \(and \{epsilon\}\) as the sixth argument, or a fractional epsilon$/,
    },
    { name: "Keras 2.3.1's axis and epsilon as 6th and 7th arguments", run: (K) => K.batchNormalization(K.zeros([2, 3]), 0, 1, null, null, bad(-1), bad(0.001)), error: 'KerasTypeError', message: /^batchNormalization: takes at most 6 positional arguments, got 7$/ },
    { name: 'an unknown option', run: (K) => K.batchNormalization(K.zeros([2, 3]), 0, 1, null, null, bad({ axes: 1 })), error: 'KerasValueError', message: "batchNormalization: argument 'options' has an unknown key 'axes' (expected axis, epsilon)" },
    {
      name: 'axis 1 unknown until run time: statistics of another length',
      run: (K) => {
        const p = K.placeholder({ shape: [null, null, null] });
        const y = K.batchNormalization(p, K.constant([0, 10, 20]), K.constant([1, 4, 0.25]), null, null, { axis: 1, epsilon: 0 });
        return K.function([p], [y])([{ data: new Float32Array(4), shape: [1, 2, 2] }]);
      },
      error: 'KerasShapeError',
      message: 'function: at run time, mul: shapes [1, 2, 2] and [1, 3, 1] cannot be broadcast together',
    },
    { name: 'axis out of range', run: (K) => K.batchNormalization(K.zeros([2, 3]), 0, 1, null, null, { axis: 2 }), error: 'KerasValueError', message: "batchNormalization: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
  ],
});

/** dropout draws at random: its cases check the keep rate, the scaling and the gradient's mask. */
const DROPOUT_SPEC = defineSpec({
  kerasName: 'dropout',
  cases: [
    {
      name: 'level 0.25: zeros, or x / 0.75',
      inputs: [fl(Array.from({ length: 40 }, (_, i) => Array.from({ length: 50 }, (__, j) => 1 + ((i + j) % 7))))],
      run: (K, x) => K.dropout(x, 0.25, null, 8),
      check: (r, x) => {
        const got = (r as NDArray).data as ArrayLike<number>; // dropout of floats
        const xs = x.data;
        let zeros = 0;
        const kept = new Float64Array(got.length);
        for (let i = 0; i < got.length; i++) {
          if (got[i] === 0) zeros++;
          // kept values are scaled by 1 / (1 - level), to the float's rounding
          else if (Math.abs(got[i] - xs[i] / 0.75) > 2 ** -23 * (xs[i] / 0.75)) return `element ${i} is ${got[i]}, neither 0 nor ${xs[i] / 0.75}`;
          else kept[i] = 1;
        }
        const n = kept.length - 1;
        const c = correlation(kept.subarray(0, n), kept.subarray(1));
        const ct = correlationThreshold(n, ALPHA);
        return first(bernoulliMean('fraction kept', 1 - zeros / got.length, 0.75, got.length), Math.abs(c) <= ct ? null : `the mask of successive elements is correlated: ${c.toFixed(4)}, beyond +-${ct.toFixed(4)}`);
      },
    },
    {
      name: 'level 0.6: keep rate 0.4 and scale 2.5',
      inputs: [fl(Array.from({ length: COUNT }, (_, i) => 1 + (i % 5)))],
      run: (K, x) => K.dropout(x, 0.6, null, 12),
      check: (r, x) => {
        const got = (r as NDArray).data as ArrayLike<number>; // dropout of floats
        let kept = 0;
        for (let i = 0; i < got.length; i++) {
          if (got[i] === 0) continue;
          if (Math.abs(got[i] - x.data[i] * 2.5) > 2 ** -23 * x.data[i] * 2.5) return `element ${i} is ${got[i]}, neither 0 nor ${x.data[i] * 2.5}`;
          kept++;
        }
        return bernoulliMean('fraction kept', kept / got.length, 0.4, got.length);
      },
    },
    {
      name: 'the gradient uses the mask of the value (one evaluation, seed fixed): W / (1 - level) where kept, 0 where dropped',
      modes: ['graph'],
      inputs: [fl(Array.from({ length: 20 }, (_, i) => Array.from({ length: 10 }, (__, j) => 1 + ((3 * i + j) % 4))), { kind: 'lazy' })],
      run: (K, x) => {
        const w = K.constant(Array.from({ length: 20 }, (_, i) => Array.from({ length: 10 }, (__, j) => ((i * 7 + j * 3) % 11) - 5)));
        const y = K.dropout(x, 0.3, null, 14);
        const [g] = K.gradients(K.sum(K.multiply(y, w)), [x]);
        return [y, g as NonNullable<typeof g>];
      },
      check: (r, x) => {
        const [y, g] = (r as NDArray[]).map((a) => a.data as ArrayLike<number>); // floats
        let dropped = 0;
        for (let e = 0; e < y.length; e++) {
          const i = Math.floor(e / 10);
          const j = e % 10;
          const w = ((i * 7 + j * 3) % 11) - 5;
          const keep = y[e] !== 0;
          if (!keep) dropped++;
          const wantY = keep ? x.data[e] / 0.7 : 0;
          const wantG = keep ? w / 0.7 : 0;
          const tol = 2 ** -22 * 10;
          if (Math.abs(y[e] - wantY) > tol || Math.abs(g[e] - wantG) > tol) return `element ${e}: value ${y[e]}, gradient ${g[e]}; expected ${wantY}, ${wantG}`;
        }
        return dropped > 0 && dropped < y.length ? null : `dropped ${dropped} of ${y.length}`;
      },
    },
    {
      name: 'noiseShape [null, 1] drops whole rows',
      inputs: [fl(Array.from({ length: 200 }, () => [1, 2, 3]))],
      run: (K, x) => K.dropout(x, 0.5, [null, 1], 9),
      check: (r) => {
        const a = r as NDArray;
        let dropped = 0;
        for (let i = 0; i < 200; i++) {
          const row = Array.prototype.slice.call(a.data, 3 * i, 3 * i + 3);
          if (row.every((v) => v === 0)) dropped++;
          else if (row.join() !== '2,4,6') return `row ${i} is [${row}], neither zeros nor [2, 4, 6]`;
        }
        return near('fraction of rows dropped', dropped / 200, 0.5, 0.12);
      },
    },
    { name: 'level 0 keeps x', inputs: [fl([[1, -2], [3, 4]])], run: (K, x) => K.dropout(x, 0), expected: (x) => x },
  ],
  errorCases: [
    { name: 'level 1', run: (K) => K.dropout(K.constant([1, 2]), 1), error: 'KerasValueError', message: "dropout: argument 'level' must be in [0, 1), got 1" },
    { name: 'a negative level', run: (K) => K.dropout(K.constant([1, 2]), -0.1), error: 'KerasValueError', message: "dropout: argument 'level' must be in [0, 1), got -0.1" },
    { name: 'a noiseShape of the wrong rank', run: (K) => K.dropout(K.constant([1, 2]), 0.5, [2, 1]), error: 'KerasValueError', message: "dropout: argument 'noiseShape' must be an array of 1 (one entry per axis of 'x'), got [2,1]" },
    { name: 'an int tensor', run: (K) => K.dropout(K.constant([1, 2], { dtype: 'int32' }), 0.5), error: 'KerasTypeError', message: "dropout: argument 'x' must be a float tensor, got dtype int32" },
    { name: 'not a number level', run: (K) => K.dropout(K.constant([1, 2]), bad('a')), error: 'KerasValueError', message: `dropout: argument 'level' must be a finite number, got "a"` },
  ],
});

/** relu's gradient case: x, the upstream gradient w, and w where x > 0, +0 elsewhere. */
const RELU_GRAD_X = [2, 3, 1, 4, 0, -1, NaN, -0, -Infinity, Infinity, 5];
const RELU_GRAD_W = [-0, NaN, Infinity, -Infinity, NaN, Infinity, -0, NaN, -0, -0, 0.5];
const RELU_GRAD_EXPECTED = [-0, NaN, Infinity, -Infinity, 0, 0, 0, 0, 0, -0, 0.5];

export const NN_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'relu',
    cases: [
      { name: 'default', inputs: [df(R)], run: (K, x) => K.relu(x), expected: (x) => relu(x), grad: true },
      { name: 'rank 3', inputs: [df(T234)], run: (K, x) => K.relu(x), expected: (x) => relu(x), grad: true },
      { name: 'zero gives zero', inputs: [fl([0, -0, 1e-3])], run: (K, x) => K.relu(x), expected: (x) => relu(x) },
      // relu(-0) is +0 (TensorFlow's max(x, 0)); ORT's Relu kept -0
      { name: 'relu(-0) is +0', inputs: [fl([-0, 0, -2])], run: (K, x) => K.relu(x), expected: () => [0, 0, 0], check: zeroSigns([0, 0, 0]) },
      { name: 'alpha 0.1 (leaky)', inputs: [df(R)], run: (K, x) => K.relu(x, 0.1), expected: (x) => relu(x, 0.1), grad: true },
      { name: 'maxValue 1.5', inputs: [df(R)], run: (K, x) => K.relu(x, 0, 1.5), expected: (x) => relu(x, 0, 1.5), grad: true },
      { name: 'alpha and maxValue', inputs: [df(R)], run: (K, x) => K.relu(x, 0.2, 2), expected: (x) => relu(x, 0.2, 2), grad: true },
      { name: 'maxValue null is no clipping', inputs: [df(R)], run: (K, x) => K.relu(x, 0, null), expected: (x) => relu(x), grad: true },
      { name: 'maxValue 0', inputs: [fl(R)], run: (K, x) => K.relu(x, 0, 0), expected: (x) => relu(x, 0, 0) },
      { name: 'threshold 0.8 (Keras 2.3.1), by hand', inputs: [fl(R)], run: (K, x) => K.relu(x, 0, null, 0.8), expected: () => [[0, 0, 0], [1, 2.5, 4]] },
      { name: 'threshold 0.8', inputs: [df(R)], run: (K, x) => K.relu(x, 0, null, 0.8), expected: (x) => relu(x, 0, null, 0.8), grad: true },
      { name: 'threshold 1, alpha 0.1, maxValue 3, by hand', inputs: [fl(R)], run: (K, x) => K.relu(x, 0.1, 3, 1), expected: () => [[-0.3, -0.15, -0.075], [0, 2.5, 3]] },
      { name: 'threshold 1, alpha 0.1, maxValue 3', inputs: [df(R)], run: (K, x) => K.relu(x, 0.1, 3, 1), expected: (x) => relu(x, 0.1, 3, 1), grad: true },
      { name: 'threshold -1 keeps -1 < x < 0 (no maxValue)', inputs: [df(R)], run: (K, x) => K.relu(x, 0.5, null, -1), expected: (x) => relu(x, 0.5, null, -1), grad: true },
      { name: 'threshold -1 with maxValue clips -1 < x < 0 to 0', inputs: [df(R)], run: (K, x) => K.relu(x, 0, 2, -1), expected: () => [[0, 0, 0.25], [1, 2, 2]] },
      { name: 'threshold -1 with maxValue 2', inputs: [df(R)], run: (K, x) => K.relu(x, 0, 2, -1), expected: (x) => relu(x, 0, 2, -1), grad: true },
      // TensorFlow's relu gradient: the upstream gradient exactly where x > 0 (-0, NaN and Inf
      // included), +0 wherever x > 0 fails (0, -0, negative, NaN), whatever arrives there
      // (w a constant of one row: a same-shape operand of unknown length would have its
      // gradient summed at run time, which turns -0 into +0 before relu's gradient sees it)
      {
        name: 'the gradient passes -0, NaN and Inf where x > 0 and is +0 elsewhere',
        inputs: [fl([RELU_GRAD_X], { kind: 'lazy' }), fl([RELU_GRAD_W], { kind: 'constant' })],
        run: (K, x, w) => K.gradients(K.sum(K.multiply(K.relu(x), w)), [x])[0],
        expected: () => [RELU_GRAD_EXPECTED],
        check: zeroSigns(RELU_GRAD_EXPECTED),
      },
      {
        name: 'the gradient passes -0, NaN and Inf where x > 0 and is +0 elsewhere, static shape',
        inputs: [fl(RELU_GRAD_X, { kind: 'lazy', placeholderShape: [11] }), fl(RELU_GRAD_W, { kind: 'lazy', placeholderShape: [11] })],
        run: (K, x, w) => K.gradients(K.sum(K.multiply(K.relu(x), w)), [x])[0],
        expected: () => RELU_GRAD_EXPECTED,
        check: zeroSigns(RELU_GRAD_EXPECTED),
      },
      {
        name: 'the gradient at 0 is 0 (as TensorFlow)',
        inputs: [fl([-1, 0, 2], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.relu(x)), [x])[0],
        expected: () => [0, 0, 1],
      },
    ],
    errorCases: [
      { name: 'int32', run: (K) => K.relu(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "relu: argument 'x' must be a float tensor, got dtype int32" },
      { name: 'a negative maxValue', run: (K) => K.relu(K.constant([1]), 0, -1), error: 'KerasValueError', message: "relu: argument 'maxValue' must be >= 0, got -1" },
      { name: 'a NaN alpha (the message shows NaN)', run: (K) => K.relu(K.constant([1]), NaN), error: 'KerasValueError', message: "relu: argument 'alpha' must be a finite number, got NaN" },
      { name: 'a string alpha', run: (K) => K.relu(K.constant([1]), bad('0.1')), error: 'KerasValueError', message: `relu: argument 'alpha' must be a finite number, got "0.1"` },
      { name: 'a NaN threshold', run: (K) => K.relu(K.constant([1]), 0, null, NaN), error: 'KerasValueError', message: /^relu: argument 'threshold' must be a finite number, got NaN$/ },
      { name: 'a fifth positional argument', run: (K) => K.relu(K.constant([1]), 0, null, 0.8, bad(1)), error: 'KerasTypeError', message: /^relu: takes at most 4 positional arguments, got 5$/ },
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
      // TensorFlow's order: m = max (NaN wins), exp(x - m) / sum: a NaN, a +Infinity (Inf - Inf)
      // or a row of only -Infinity makes the whole row NaN
      {
        name: 'a NaN, +Infinity or only -Infinity in a row gives NaN for the row',
        inputs: [fl([[1, NaN, 2], [Infinity, 0, 1], [-Infinity, -Infinity, -Infinity], [3, 3, -Infinity]])],
        run: (K, x) => K.softmax(x),
        expected: () => [[NaN, NaN, NaN], [NaN, NaN, NaN], [NaN, NaN, NaN], [0.5, 0.5, 0]],
      },
      { name: 'the same along axis 0', inputs: [fl([[1, Infinity, -Infinity, 3], [NaN, 0, -Infinity, 3]])], run: (K, x) => K.softmax(x, 0), expected: () => [[NaN, NaN, NaN, 0.5], [NaN, NaN, NaN, 0.5]] },
      { name: 'rows sum to 1', inputs: [fl(X3)], run: (K, x) => K.sum(K.softmax(x), -1), expected: () => [[1, 1, 1], [1, 1, 1]], tol: { float32: { rtol: 1e-6, atol: 1e-6 } } },
    ],
    errorCases: [
      { name: 'a scalar', run: (K) => K.softmax(K.constant(1)), error: 'KerasValueError', message: "softmax: argument 'x' must have rank >= 1, got a scalar" },
      { name: 'int32', run: (K) => K.softmax(K.constant([1, 2], { dtype: 'int32' })), error: 'KerasTypeError', message: "softmax: argument 'x' must be a float tensor, got dtype int32" },
      { name: 'axis out of range', run: (K) => K.softmax(K.constant([[1, 2]]), 2), error: 'KerasValueError', message: "softmax: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
    ],
  }),
  defineSpec({
    kerasName: 'sigmoid',
    cases: [
      ...unaryFloatCases((K, x) => K.sigmoid(x), sigmoid, M23, T234, 0.3),
      { name: 'large arguments saturate without NaN', inputs: [fl([-100, -30, 0, 30, 100])], run: (K, x) => K.sigmoid(x), expected: sigmoid },
    ],
    errorCases: [{ name: 'int32', run: (K) => K.sigmoid(K.constant([1], { dtype: 'int32' })), error: 'KerasTypeError', message: "sigmoid: argument 'x' must be a float tensor, got dtype int32" }],
  }),
  defineSpec({
    kerasName: 'tanh',
    cases: [
      ...unaryFloatCases((K, x) => K.tanh(x), tanh, M23, T234, -0.8),
      { name: 'large arguments saturate', inputs: [fl([-50, -20, 0, 20, 50])], run: (K, x) => K.tanh(x), expected: tanh },
    ],
    errorCases: [{ name: 'bool', run: (K) => K.tanh(K.constant([true], { dtype: 'bool' })), error: 'KerasTypeError', message: "tanh: argument 'x' must be a float tensor, got dtype bool" }],
  }),
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
  DROPOUT_SPEC,
];
