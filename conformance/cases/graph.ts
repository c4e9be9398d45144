/**
 * Cases of the `graph` group: function, gradients, stop_gradient, switch,
 * in_train_phase, in_test_phase, print_tensor, and the control flow (rnn, map_fn,
 * foldl, foldr). Control-flow expected values come from plain float64 loops
 * (oracle/graph.ts); the loops are unrolled, so the iterated dimension must be
 * static: rnn's time axis is axis 1 (graph mode leaves only the batch dim
 * unknown); map/fold inputs get a static placeholderShape.
 */
import type { KTensor } from '../../src';
import { defineSpec, FunctionSpec, KApi, UncheckedKApi, unchecked, ValueCase } from '../case';
import { add as oracleAdd, array, dot, exp, map, mean, mul, numericGradient, OArray, roundedUniform, softmax, square, sub, sum, tag, tanh, toNested, transpose, withDtype } from '../oracle';
import { foldElementwise, mapSlices, simpleRnn } from '../oracle/graph';
import { switchElementwise } from '../oracle/graph';
import { bad, bl, df, fl, i32, M23, T234, vr, X234, zeroSigns } from './helpers';

const X23 = toNested(roundedUniform([2, 3], 'X23'));
const W32 = toNested(roundedUniform([3, 2], 'W32g'));
const T23 = toNested(roundedUniform([2, 3], 'T23', 0, 1));

/** The MLP-like loss mean(tanh(x . w)^2) in the oracle. */
function mlpLoss(x: OArray, w: OArray): number {
  const h = tanh(dot(x, w));
  return mean(mul(h, h)).data[0];
}

/** Runs `f` with process.stdout.write captured (printTensor writes there, as Keras 2.3.1); returns its result and what it wrote. */
function captureStdout<R>(f: () => R): [R, string] {
  const original = process.stdout.write;
  let text = '';
  (process.stdout as { write: unknown }).write = (chunk: unknown): boolean => {
    text += String(chunk);
    return true;
  };
  try {
    return [f(), text];
  } finally {
    process.stdout.write = original;
  }
}

const A23 = [
  [1, 2, 3],
  [4, 5, 6],
];

const B23 = [
  [-1, -2, -3],
  [-4, -5, -6],
];

/** [da, db] of sum(switch(c, a, b) * w) for the case above: w or +0 as c picks a or b. */
const SWITCH_GRAD_EXPECTED = [-0, 0, Infinity, 0, NaN, 0, 0, NaN, 0, -0, 0, -Infinity];

export const SWITCH_SPEC = defineSpec({
  kerasName: 'switch',
  cases: [
    { name: 'a scalar bool condition, true', inputs: [bl(true), df(A23), fl(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, a) => a, grad: true },
    { name: 'a scalar bool condition, false', inputs: [bl(false), fl(A23), df(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, _a, b) => b, grad: true },
    { name: 'an int32 scalar condition (nonzero is true)', inputs: [i32(2), fl(A23), fl(B23)], outDtype: 'float', run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, a) => a },
    { name: 'a float scalar condition 0', inputs: [fl(0), fl(A23), fl(B23)], run: (K, c, a, b) => K.switch(c, a, b), expected: (_c, _a, b) => b },
    // the chosen value as it is, -0 included (ORT's Where turned a -0 of its first branch into +0)
    {
      name: 'an elementwise condition keeps -0',
      inputs: [bl([true, false, true, false]), fl([-0, 0, -0, -0]), fl([0, -0, -0, 0])],
      outDtype: 'float',
      run: (K, c, a, b) => K.switch(c, a, b),
      expected: () => [0, 0, 0, 0],
      check: zeroSigns([-0, -0, -0, 0]),
    },
    // the gradient of the branch chosen is the upstream gradient exactly (-0, NaN and Inf
    // included), +0 where the other branch is chosen
    {
      name: 'the gradients pass -0, NaN and Inf to the branch chosen and +0 to the other',
      inputs: [
        bl([true, false, true, false, true, false]),
        fl([1, 2, 3, 4, 5, 6], { kind: 'lazy', placeholderShape: [6] }),
        fl([-1, -2, -3, -4, -5, -6], { kind: 'lazy', placeholderShape: [6] }),
        fl([-0, NaN, Infinity, -0, NaN, -Infinity], { kind: 'lazy', placeholderShape: [6] }),
      ],
      outDtype: 'float',
      run: (K, c, a, b, w) => K.concatenate(K.gradients(K.sum(K.multiply(K.switch(c, a, b), w)), [a, b]) as KTensor[]),
      expected: () => SWITCH_GRAD_EXPECTED,
      check: zeroSigns(SWITCH_GRAD_EXPECTED),
    },
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
      message: "switch: argument 'condition' has rank 2, more than the rank 1 of 'thenExpression' and 'elseExpression' (shape [2, 3] against [2])",
    },
    {
      name: 'a condition that does not match the leading axes',
      run: (K) => K.switch(K.placeholder({ shape: [3], dtype: 'bool' }), K.zeros([2, 3]), K.ones([2, 3])),
      error: 'KerasShapeError',
      message: "switch: argument 'condition' of shape [3] does not match the leading axes of 'thenExpression' (shape [2, 3])",
    },
    {
      name: 'branches of different shapes',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), K.ones([3])),
      error: 'KerasShapeError',
      message: "switch: arguments 'thenExpression' and 'elseExpression' must have the same shape, got [2] and [3]",
    },
    {
      name: 'branches of different dtypes',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), K.constant([1, 2], { dtype: 'int32' })),
      error: 'KerasTypeError',
      message: "switch: argument 'elseExpression' must have the dtype of 'thenExpression' (float32), got int32 (use K.cast)",
    },
    {
      name: 'a branch function returning undefined',
      run: (K) => K.switch(K.placeholder({ shape: [], dtype: 'bool' }), K.zeros([2]), bad(() => undefined)),
      error: 'KerasTypeError',
      message: "switch: argument 'elseExpression' is a function that returned undefined, not a tensor",
    },
    { name: 'a string condition', run: (K) => K.switch(bad('yes'), K.zeros([2]), K.ones([2])), error: 'KerasTypeError', message: "switch: argument 'condition' must be a tensor or a tensor-like value, got string" },
  ],
});

/** Cases shared by in_train_phase (train = x) and in_test_phase (train = alt). */
function phaseCases(call: (K: UncheckedKApi, x: unknown, alt: unknown, training?: unknown) => KTensor, trainPicksX: boolean): ValueCase[] {
  const onTrain = (a: OArray, b: OArray): OArray => (trainPicksX ? a : b);
  const onTest = (a: OArray, b: OArray): OArray => (trainPicksX ? b : a);
  return [
    { name: 'training null: the learning phase (0 by default)', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(unchecked(K), x, alt), expected: onTest },
    {
      name: 'training null after setLearningPhase(1)',
      inputs: [fl(A23), fl(B23)],
      run(K, x, alt) {
        K.setLearningPhase(1);
        return call(unchecked(K), x, alt, null);
      },
      expected: onTrain,
    },
    { name: 'training 1', inputs: [df(A23), fl(B23)], run: (K, x, alt) => call(unchecked(K), x, alt, 1), expected: onTrain, ...(trainPicksX ? { grad: true } : {}) },
    { name: 'training 0', inputs: [fl(A23), df(B23)], run: (K, x, alt) => call(unchecked(K), x, alt, 0), expected: onTest, ...(trainPicksX ? { grad: true } : {}) },
    // The gradient flows to the branch picked (for in_train_phase the cases above check x).
    ...(trainPicksX
      ? []
      : [
          { name: 'training 1, gradient to alt', inputs: [fl(A23), df(B23)], run: (K: KApi, x: KTensor, alt: KTensor) => call(unchecked(K), x, alt, 1), expected: onTrain, grad: true },
          { name: 'training 0, gradient to x', inputs: [df(A23), fl(B23)], run: (K: KApi, x: KTensor, alt: KTensor) => call(unchecked(K), x, alt, 0), expected: onTest, grad: true },
        ]),
    { name: 'training true', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(unchecked(K), x, alt, true), expected: onTrain },
    { name: 'training false', inputs: [fl(A23), fl(B23)], run: (K, x, alt) => call(unchecked(K), x, alt, false), expected: onTest },
    {
      name: 'functions; only the one selected is called',
      modes: ['eager'],
      inputs: [fl(A23)],
      run: (K, a) =>
        call(
          unchecked(K),
          () => (trainPicksX ? K.multiply(a, 2) : K.negative(a)),
          () => {
            if (trainPicksX) throw new Error('the other branch was called');
            return K.multiply(a, 2);
          },
          1,
        ),
      expected: (a) => mul(a, 2),
    },
    { name: 'a bool tensor training flag, true', inputs: [bl(true), fl(A23), fl(B23)], outDtype: 'float', run: (K, t, x, alt) => call(unchecked(K), x, alt, t), expected: (_t, a, b) => onTrain(a, b) },
    { name: 'an int32 tensor training flag, 0', inputs: [i32(0), fl(A23), fl(B23)], outDtype: 'float', run: (K, t, x, alt) => call(unchecked(K), x, alt, t), expected: (_t, a, b) => onTest(a, b) },
  ];
}

function phaseErrors(name: string, call: (K: UncheckedKApi, x: unknown, alt: unknown, training?: unknown) => unknown): FunctionSpec['errorCases'] {
  return [
    { name: 'training 2', run: (K) => call(unchecked(K), K.zeros([2]), K.ones([2]), 2), error: 'KerasValueError', message: `${name}: argument 'training' must be 0, 1, a boolean, a scalar tensor or null, got 2` },
    { name: 'training a string', run: (K) => call(unchecked(K), K.zeros([2]), K.ones([2]), 'yes'), error: 'KerasValueError', message: `${name}: argument 'training' must be 0, 1, a boolean, a scalar tensor or null, got "yes"` },
    {
      name: 'a tensor flag with branches of different shapes',
      run: (K) => call(unchecked(K), K.zeros([2]), K.ones([3]), K.placeholder({ shape: [], dtype: 'bool' })),
      error: 'KerasShapeError',
      // inTestPhase(x, alt) selects alt in the training phase, and names it first
      message: name === 'inTrainPhase' ? `inTrainPhase: arguments 'x' and 'alt' must have the same shape, got [2] and [3]` : `inTestPhase: arguments 'alt' and 'x' must have the same shape, got [3] and [2]`,
    },
  ];
}

export const IN_TRAIN_SPEC = defineSpec({
  kerasName: 'in_train_phase',
  cases: phaseCases((K, x, alt, training) => K.inTrainPhase(x as KTensor, alt as KTensor, training as KTensor), true),
  errorCases: phaseErrors('inTrainPhase', (K, x, alt, training) => K.inTrainPhase(x as KTensor, alt as KTensor, training as KTensor)),
});

export const IN_TEST_SPEC = defineSpec({
  kerasName: 'in_test_phase',
  cases: phaseCases((K, x, alt, training) => K.inTestPhase(x as KTensor, alt as KTensor, training as KTensor), false),
  errorCases: phaseErrors('inTestPhase', (K, x, alt, training) => K.inTestPhase(x as KTensor, alt as KTensor, training as KTensor)),
});

export const PRINT_SPEC = defineSpec({
  kerasName: 'print_tensor',
  cases: [
    {
      name: 'a constant is printed at once (stdout) and returned',
      modes: ['eager'],
      inputs: [fl([[1, 2.5], [-3, 0]])],
      run(K, x) {
        const [y, text] = captureStdout(() => K.printTensor(x, 'x = '));
        return [y, text, y === x];
      },
      expected: (x) => [x, 'x =  [[1 2.5]\n [-3 0]]\n', true],
    },
    {
      name: 'the default message is empty; int32',
      modes: ['eager'],
      inputs: [i32([1, 2, 3])],
      run(K, x) {
        const [y, text] = captureStdout(() => K.printTensor(x));
        return [y, text];
      },
      expected: (x) => [tag(x, 'int32'), ' [1 2 3]\n'],
    },
    {
      name: 'a lazy tensor is printed each time a function computes it',
      modes: ['eager'],
      run(K) {
        const v = K.variable([[1, 2]]);
        const p = K.placeholder({ shape: [null, 2] });
        const y = K.printTensor(K.multiply(K.add(v, p), 2), 'y = ');
        const f = K.function([p], [K.sum(y)]);
        const [[s1], t1] = captureStdout(() => f([[[0, 1]]]));
        const [[s2], t2] = captureStdout(() => f([[[1, 1], [2, 2]]]));
        const [, t3] = captureStdout(() => K.eval(K.printTensor(K.square(v), 'v^2 = ')));
        return [s1, t1, s2, t2, t3];
      },
      // 2 * ([1, 2] + [0, 1]) = [2, 6]; 2 * ([1, 2] + [[1, 1], [2, 2]]) = [[4, 6], [6, 8]]
      expected: () => [8, 'y =  [[2 6]]\n', 24, 'y =  [[4 6]\n [6 8]]\n', 'v^2 =  [[1 4]]\n'],
    },
    {
      name: "tf.print's number format and summary: %g with 6 digits, inf and nan, 3 elements at each end",
      modes: ['eager'],
      run(K) {
        const [, a] = captureStdout(() => K.printTensor(K.constant([1 / 3, 1e-5, 1234567, -2.5, Infinity, NaN]), 'a:'));
        const [, b] = captureStdout(() => K.printTensor(K.constant([0, 1, 2, 3, 4, 5, 6, 7], { dtype: 'int32' }), 'b:'));
        const [, c] = captureStdout(() => K.printTensor(K.constant([true, false], { dtype: 'bool' }), 'c:'));
        return [a, b, c];
      },
      // float32(1/3) = 0.3333333432..., float32(1e-5) = 1.0000000e-05, 1234567 -> 1.23457e+06
      expected: () => ['a: [0.333333 1e-05 1.23457e+06 -2.5 inf nan]\n', 'b: [0 1 2 ... 5 6 7]\n', 'c: [1 0]\n'],
    },
    {
      name: 'the gradient passes through unchanged: d sum(print(x^2 * 3)) / dx = 6 x',
      modes: ['eager'],
      run(K) {
        const x = K.variable([[1, -2], [0.5, 3]]);
        // (whether the forward value is printed while only the gradient is computed is left open)
        return captureStdout(() => K.eval(K.gradients(K.sum(K.printTensor(K.multiply(K.square(x), 3), 'y = ')), [x])[0] as KTensor))[0];
      },
      expected: () => [[6, -12], [3, 18]],
      outDtype: 'float',
    },
  ],
  errorCases: [
    { name: 'a message that is not a string', run: (K) => K.printTensor(K.constant([1]), bad(3)), error: 'KerasValueError', message: "printTensor: argument 'message' must be a string, got 3" },
  ],
});

const X = toNested(roundedUniform([2, 3, 2], 'cfX'));

const W = toNested(roundedUniform([2, 2], 'cfW'));

const U = toNested(roundedUniform([2, 2], 'cfU'));

const H0 = toNested(roundedUniform([2, 2], 'cfH0'));

const MASK = [
  [true, false, true],
  [false, true, true],
];

const S22 = { placeholderShape: [2, 2] };
/** (samples, time, features) with the time dimension unknown in graph mode. */
const UNKNOWN_T = { placeholderShape: [2, null, 2] };

/** tanh(x W + h U), with W and U given as the constants after the state. */
function stepWithConstants(K: KApi) {
  return (x: KTensor, states: KTensor[]): [KTensor, KTensor[]] => {
    const [h, w, u] = states;
    const out = K.tanh(K.add(K.dot(x, w), K.dot(h, u)));
    return [out, [out]];
  };
}

/** tanh(x W + h U), with W and U captured. */
function stepCapturing(K: KApi, w: KTensor, u: KTensor) {
  return (x: KTensor, states: KTensor[]): [KTensor, KTensor[]] => {
    const out = K.tanh(K.add(K.dot(x, w), K.dot(states[0], u)));
    return [out, [out]];
  };
}

/** The oracle's triple as rnn's [lastOutput, outputs, [state]]. */
const triple = ([last, outs, state]: [OArray, OArray, OArray]) => [last, outs, [state]];

const c = (K: KApi): KTensor => K.constant(X);

const step0 = (K: KApi) => stepCapturing(K, K.constant(W), K.constant(U));

const RNN = defineSpec({
  kerasName: 'rnn',
  cases: [
    {
      name: 'simple RNN, W and U as constants',
      inputs: [fl(X), fl(H0), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepWithConstants(K), x, [h0], { constants: [w, u] }),
      expected: (x, h0, w, u) => triple(simpleRnn(x, w, u, h0)),
    },
    {
      name: 'simple RNN, W and U captured by the step function',
      inputs: [fl(X), fl(H0), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0]),
      expected: (x, h0, w, u) => triple(simpleRnn(x, w, u, h0)),
    },
    {
      name: 'a bool mask keeps the previous output (zeros at first) and state',
      inputs: [fl(X), fl(H0), bl(MASK), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { mask: m, constants: [w, u] }),
      expected: (x, h0, m, w, u) => triple(simpleRnn(x, w, u, h0, { mask: m })),
    },
    {
      name: 'a 0/1 float mask',
      inputs: [fl(X), fl(H0), fl(MASK.map((r) => r.map(Number))), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { mask: m, constants: [w, u] }),
      expected: (x, h0, m, w, u) => triple(simpleRnn(x, w, u, h0, { mask: m })),
    },
    {
      name: 'goBackwards (outputs in iteration order)',
      inputs: [fl(X), fl(H0), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0], { goBackwards: true }),
      expected: (x, h0, w, u) => triple(simpleRnn(x, w, u, h0, { goBackwards: true })),
    },
    {
      name: 'goBackwards with a mask',
      inputs: [fl(X), fl(H0), bl(MASK), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { goBackwards: true, mask: m, constants: [w, u] }),
      expected: (x, h0, m, w, u) => triple(simpleRnn(x, w, u, h0, { goBackwards: true, mask: m })),
    },
    {
      name: 'unroll and inputLength are accepted',
      inputs: [fl(X), fl(H0), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0], { unroll: true, inputLength: 3 }),
      expected: (x, h0, w, u) => triple(simpleRnn(x, w, u, h0)),
    },
    {
      name: 'constants are passed after the states, as Keras does',
      inputs: [fl(X), fl(H0)],
      run: (K, x, h0) => {
        const seen: number[] = [];
        const out = K.rnn(
          (xt, states) => {
            seen.push(states.length);
            return [K.add(xt, states[1]), [states[0]]];
          },
          x,
          [h0],
          { constants: [K.constant([10, 20])] },
        );
        return [out[0], String(seen.length > 0 && seen.every((n) => n === 2))];
      },
      expected: (x) => [[[Number(x.data[4]) + 10, Number(x.data[5]) + 20], [Number(x.data[10]) + 10, Number(x.data[11]) + 20]], 'true'],
    },
    {
      name: 'unroll: true unrolls (one call of the step function per time step)',
      inputs: [fl(X), fl(H0), fl(W, S22), fl(U, S22)],
      run: (K, x, h0, w, u) => {
        let calls = 0;
        const stepFn = stepCapturing(K, w, u);
        const out = K.rnn((xt, s) => (calls++, stepFn(xt, s)), x, [h0], { unroll: true, goBackwards: true });
        return [...out, String(calls)];
      },
      expected: (x, h0, w, u) => [...triple(simpleRnn(x, w, u, h0, { goBackwards: true })), '3'],
    },
    {
      name: 'unknown length: gradient through the outputs',
      inputs: [df(X, UNKNOWN_T), df(H0), df(W, S22), df(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0])[1],
      expected: (x, h0, w, u) => simpleRnn(x, w, u, h0)[1],
      grad: true,
    },
    {
      name: 'unknown length: gradient through the last output, goBackwards, constants',
      inputs: [df(X, UNKNOWN_T), df(H0), df(W, S22), df(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepWithConstants(K), x, [h0], { goBackwards: true, constants: [w, u], inputLength: 3 })[0],
      expected: (x, h0, w, u) => simpleRnn(x, w, u, h0, { goBackwards: true })[0],
      grad: true,
    },
    {
      name: 'unknown length: gradient through the outputs, masked',
      inputs: [df(X, UNKNOWN_T), df(H0), bl(MASK, { placeholderShape: [2, null] }), df(W, S22), df(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { mask: m, constants: [w, u] })[1],
      expected: (x, h0, m, w, u) => simpleRnn(x, w, u, h0, { mask: m })[1],
      grad: true,
    },
    {
      name: 'unknown length: gradient through the last state, masked, backwards',
      inputs: [df(X, UNKNOWN_T), df(H0), bl(MASK, { placeholderShape: [2, null] }), df(W, S22), df(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { mask: m, goBackwards: true, constants: [w, u] })[2][0],
      expected: (x, h0, m, w, u) => simpleRnn(x, w, u, h0, { mask: m, goBackwards: true })[2],
      grad: true,
    },
    {
      name: 'gradient through the last output',
      inputs: [df(X), df(H0), df(W, S22), df(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0])[0],
      expected: (x, h0, w, u) => simpleRnn(x, w, u, h0)[0],
      grad: true,
    },
    {
      name: 'gradient through the outputs',
      inputs: [df(X), df(H0), df(W, S22), df(U, S22)],
      run: (K, x, h0, w, u) => K.rnn(stepCapturing(K, w, u), x, [h0])[1],
      expected: (x, h0, w, u) => simpleRnn(x, w, u, h0)[1],
      grad: true,
    },
    {
      name: 'gradient through the last state, masked, backwards',
      inputs: [df(X), df(H0), bl(MASK), df(W, S22), df(U, S22)],
      run: (K, x, h0, m, w, u) => K.rnn(stepWithConstants(K), x, [h0], { mask: m, goBackwards: true, constants: [w, u] })[2][0],
      expected: (x, h0, m, w, u) => simpleRnn(x, w, u, h0, { mask: m, goBackwards: true })[2],
      grad: true,
    },
  ],
  errorCases: [
    {
      name: 'unroll: true over an unknown time dimension',
      run: (K) => K.rnn(step0(K), K.placeholder({ shape: [2, null, 2] }), [K.constant(H0)], { unroll: true }),
      error: 'KerasValueError',
      message: "rnn: the time dimension of 'inputs' must be known with unroll: true (one copy of the step per time step), got shape [2, None, 2]",
    },
    { name: 'a step function that is not a function', run: (K) => K.rnn(bad(42), c(K), [K.constant(H0)]), error: 'KerasTypeError', message: "rnn: argument 'stepFunction' must be a function, got 42" },
    { name: 'inputs of rank 2', run: (K) => K.rnn(step0(K), K.constant(M23), [K.constant(H0)]), error: 'KerasValueError', message: "rnn: argument 'inputs' must be at least 3D (samples, time, ...), got shape [2, 3]" },
    {
      name: 'a step function returning the wrong number of states',
      run: (K) => K.rnn((x, s) => [K.dot(x, K.constant(W)), [s[0], s[0]]], c(K), [K.constant(H0)]),
      error: 'KerasValueError',
      message: "rnn: the step function (traced once for the loop) returned 2 new states for 1 states ('initialStates')",
    },
    {
      name: 'a step function not returning [output, newStates]',
      run: (K) => K.rnn(bad((x: KTensor) => x), c(K), [K.constant(H0)]),
      error: 'KerasTypeError',
      message: 'rnn: the step function (traced once for the loop) must return [output, newStates], got a tensor of shape [2, 2] and dtype float32',
    },
    {
      name: 'a new state of another shape',
      run: (K) => K.rnn((x, s) => [x, [K.concatenate([s[0], s[0]])]], c(K), [K.constant(H0)]),
      error: 'KerasShapeError',
      message: 'rnn: the step function (traced once for the loop): new state 0 has shape [2, 4], but state 0 has shape [2, 2]; they must be the same',
    },
    { name: 'a mask of the wrong shape', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], { mask: K.constant([[1, 1], [1, 1]]) }), error: 'KerasShapeError', message: "rnn: argument 'mask' has shape [2, 2], which does not match (samples, time) of 'inputs' (shape [2, 3, 2])" },
    { name: 'inputLength differing from the time dimension', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], { inputLength: 4 }), error: 'KerasValueError', message: "rnn: argument 'inputLength' is 4, but the time dimension of 'inputs' is 3 (shape [2, 3, 2])" },
    { name: 'an unknown option', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], bad({ go_backwards: true })), error: 'KerasValueError', message: "rnn: argument 'options' has an unknown key 'go_backwards' (expected goBackwards, mask, constants, unroll, inputLength)" },
    { name: 'initialStates not a list', run: (K) => K.rnn(step0(K), c(K), bad(3)), error: 'KerasTypeError', message: "rnn: argument 'initialStates' must be a list of tensors, got 3" },
  ],
});

const S23 = { placeholderShape: [2, 3] };

const V4 = [0.5, -1, 2, 3];

const S4 = { placeholderShape: [4] };

const MAP_FN = defineSpec({
  kerasName: 'map_fn',
  cases: [
    { name: 'square of each row', inputs: [df(M23, S23)], run: (K, x) => K.mapFn((r) => K.square(r), x), expected: (x) => mapSlices(x, (r) => square(r)), grad: true },
    { name: 'scalar results (row sums)', inputs: [df(M23, S23)], run: (K, x) => K.mapFn((r) => K.sum(r), x), expected: (x) => mapSlices(x, (r) => sum(r)), grad: true },
    { name: 'over a vector', inputs: [fl(V4, S4)], run: (K, x) => K.mapFn((v) => K.square(v), x), expected: (x) => square(x) },
    { name: 'int32 elements, dtype int32', inputs: [i32([[1, -2], [3, 4]], S22)], run: (K, x) => K.mapFn((r) => K.multiply(r, r), x, null, 'int32'), expected: (x) => mapSlices(x, (r) => square(r)) },
    { name: 'a name is accepted', inputs: [fl(M23, S23)], run: (K, x) => K.mapFn((r) => K.square(r), x, 'sq'), expected: (x) => square(x) },
    {
      name: 'unknown length: rows times a captured weight (gradient)',
      inputs: [df(M23, { placeholderShape: [null, 3] }), df([0.5, -1, 2], { placeholderShape: [3] })],
      run: (K, x, w) => K.mapFn((r) => K.sum(K.multiply(K.square(r), w)), x),
      expected: (x, w) => mapSlices(x, (r) => sum({ data: r.data.map((v, i) => v * v * Number(w.data[i])), shape: r.shape })),
      grad: true,
    },
  ],
  errorCases: [
    { name: 'fn not a function', run: (K) => K.mapFn(bad('square'), K.constant(M23)), error: 'KerasTypeError', message: `mapFn: argument 'fn' must be a function, got "square"` },
    { name: 'a result of another dtype than dtype', run: (K) => K.mapFn((r) => r, K.constant(M23), null, 'int32'), error: 'KerasTypeError', message: "mapFn: argument 'fn' (traced once for the loop) returned dtype float32, but argument 'dtype' is int32" },
    { name: 'fn not returning a tensor', run: (K) => K.mapFn(bad(() => 'x'), K.constant(M23)), error: 'KerasTypeError', message: `mapFn: argument 'fn' (traced once for the loop) must return a tensor, got "x"` },
    { name: 'a scalar elems', run: (K) => K.mapFn((r) => r, K.constant(2)), error: 'KerasValueError', message: "mapFn: argument 'elems' must have rank >= 1, got a scalar" },
  ],
});

const add = (a: number, x: number): number => a + x;

const twiceAdd = (a: number, x: number): number => a * 2 + x;

const prod = (a: number, x: number): number => a * x;

function foldSpec(kerasName: 'foldl' | 'foldr'): FunctionSpec {
  const right = kerasName === 'foldr';
  const fold = (K: KApi): typeof K.foldl => (right ? K.foldr : K.foldl);
  const first = right ? 'last' : 'first';
  return defineSpec({
    kerasName,
    cases: [
      { name: 'sum of the rows', inputs: [df(M23, S23)], run: (K, x) => fold(K)((a, r) => K.add(a, r), x), expected: (x) => foldElementwise(x, null, add, right), grad: true },
      {
        name: 'sum with an initializer',
        inputs: [df(M23, S23), df([1, -2, 0.5], { placeholderShape: [3] })],
        run: (K, x, i) => fold(K)((a, r) => K.add(a, r), x, i),
        expected: (x, i) => foldElementwise(x, i, add, right),
        grad: true,
      },
      {
        name: `acc * 2 + x tells left from right (starts at the ${first} element)`,
        inputs: [df(V4, S4)],
        run: (K, x) => fold(K)((a, v) => K.add(K.multiply(a, 2), v), x),
        expected: (x) => foldElementwise(x, null, twiceAdd, right),
        grad: true,
      },
      {
        name: 'acc * 2 + x with a number initializer',
        inputs: [fl(V4, S4)],
        run: (K, x) => fold(K)((a, v) => K.add(K.multiply(a, 2), v), x, 1),
        expected: (x) => foldElementwise(x, 1, twiceAdd, right),
      },
      { name: 'a product (gradient)', inputs: [df(M23, S23)], run: (K, x) => fold(K)((a, r) => K.multiply(a, r), x), expected: (x) => foldElementwise(x, null, prod, right), grad: true },
      { name: 'int32 sum', inputs: [i32([[1, 2], [3, -4], [5, 6]], { placeholderShape: [3, 2] })], run: (K, x) => fold(K)((a, r) => K.add(a, r), x), expected: (x) => foldElementwise(x, null, add, right) },
      { name: 'one element, no initializer: the element', inputs: [fl([[1.5, -2]], { placeholderShape: [1, 2] })], run: (K, x) => fold(K)((a, r) => K.add(a, r), x, null, 'f'), expected: () => [1.5, -2] },
      {
        name: 'unknown length: acc * 2 + x (gradient)',
        inputs: [df(V4, { placeholderShape: [null] })],
        run: (K, x) => fold(K)((a, v) => K.add(K.multiply(a, 2), v), x),
        expected: (x) => foldElementwise(x, null, twiceAdd, right),
        grad: true,
      },
      {
        name: 'unknown length: a product with an initializer (gradient)',
        inputs: [df(M23, { placeholderShape: [null, 3] }), df([1, -2, 0.5], { placeholderShape: [3] })],
        run: (K, x, i) => fold(K)((a, r) => K.multiply(a, r), x, i),
        expected: (x, i) => foldElementwise(x, i, prod, right),
        grad: true,
      },
    ],
    errorCases: [
      { name: 'fn not a function', run: (K) => fold(K)(bad(1), K.constant(M23)), error: 'KerasTypeError', message: `${kerasName}: argument 'fn' must be a function, got 1` },
      {
        name: 'fn changing the shape of the accumulator',
        run: (K) => fold(K)((a, r) => K.concatenate([a, r]), K.constant(M23)),
        error: 'KerasShapeError',
        message: `${kerasName}: argument 'fn' (traced once for the loop): the result has shape [6], but the accumulator ('initializer', or the ${right ? 'last' : 'first'} element) has shape [3]; they must be the same`,
      },
      {
        name: 'fn changing the dtype of the accumulator',
        run: (K) => fold(K)((a, r) => K.cast(K.add(a, r), 'int32'), K.constant(M23)),
        error: 'KerasTypeError',
        message: `${kerasName}: argument 'fn' (traced once for the loop): the result has dtype int32, but the accumulator ('initializer', or the ${right ? 'last' : 'first'} element) has dtype float32; they must be the same`,
      },
      { name: 'empty elems and no initializer', run: (K) => fold(K)((a, r) => K.add(a, r), K.zeros([0, 3])), error: 'KerasValueError', message: `${kerasName}: argument 'elems' is empty (shape [0, 3]) and no 'initializer' is given` },
      { name: 'a bad name', run: (K) => fold(K)((a, r) => K.add(a, r), K.constant(M23), null, bad(3)), error: 'KerasValueError', message: `${kerasName}: argument 'name' must be a string or null, got 3` },
    ],
  });
}

export const GRAPH_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'function',
    cases: [
      {
        name: 'one function fed two batch sizes',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 3] });
          const f = K.function([p], [K.sum(K.square(p), 1)]);
          return [f([[[1, 2, 3], [0.5, 0, -1]]])[0], f([[[1, 1, 1]]])[0], f([[[2, 0, 0], [0, 2, 0], [0, 0, 2], [1, 0, 1]]])[0]];
        },
        expected: () => [sum(mul([[1, 2, 3], [0.5, 0, -1]], [[1, 2, 3], [0.5, 0, -1]]), 1), [3], [4, 4, 4, 2]],
      },
      {
        name: 'several inputs and outputs',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const a = K.placeholder({ shape: [2] });
          const b = K.placeholder({ shape: [2] });
          return K.function([a, b], [K.add(a, b), K.multiply(a, b), K.subtract(a, b)])([
            [1, 2],
            [3, -4],
          ]);
        },
        expected: () => [
          [4, -2],
          [3, -8],
          [-2, 6],
        ],
      },
      {
        name: 'a single output tensor (not a list)',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null] });
          return K.function([p], K.multiply(p, 3))([[1, 2]]);
        },
        expected: () => [[3, 6]],
      },
      {
        name: '[variable, value] pairs as updates, with outputs',
        inputs: [vr([1, 2])],
        modes: ['eager'],
        run(K, v) {
          const p = K.placeholder({ shape: [2] });
          const f = K.function([p], [K.add(v, p)], [[v, K.add(v, p)]]);
          const o1 = f([[10, 10]])[0];
          const o2 = f([[1, 1]])[0];
          return [o1, o2, K.getValue(v)];
        },
        expected: () => [
          [11, 12],
          [12, 13],
          [12, 13],
        ],
      },
      {
        name: 'an int32 placeholder fed with whole numbers',
        outDtype: 'int32',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 2], dtype: 'int32' });
          return K.function([p], [K.add(p, 1), K.sum(p, 0)])([[[1, 2], [3, 4]]]);
        },
        expected: () => [
          [
            [2, 3],
            [4, 5],
          ],
          [4, 6],
        ],
      },
      {
        name: 'a bool placeholder',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [3], dtype: 'bool' });
          return K.function([p], [K.identity(p), K.sum(p)])([[true, false, true]]);
        },
        expected: () => [withDtype(array([1, 0, 1]), 'bool'), withDtype(array(2), 'int32')],
      },
      {
        name: 'no inputs',
        inputs: [vr([1.5, 2.5])],
        modes: ['eager'],
        run: (K, v) => K.function([], [K.multiply(v, 2)])([]),
        expected: (v) => [mul(v, 2)],
      },
      {
        name: 'the same output twice, and a constant output',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [2] });
          const o = K.exp(p);
          return K.function([p], [o, o, K.constant([7])])([[0, 1]]);
        },
        expected: () => [exp([0, 1]), exp([0, 1]), [7]],
      },
      {
        name: 'a scalar output',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 2] });
          return K.function([p], [K.mean(K.sum(p, 1), 0)])([[[1, 2], [3, 4]]]);
        },
        expected: () => [5],
      },
      {
        name: 'typed-array, shaped and NDArray feeds',
        outDtype: 'float',
        floatVariants: ['float32'],
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 2] });
          const f = K.function([p], [K.multiply(p, 2)]);
          return [
            f([{ data: new Float32Array([1, 2, 3, 4]), shape: [2, 2] }])[0],
            f([K.eval(K.constant([[5, 6]]))])[0],
            f([{ data: [7, 8], shape: [1, 2] }])[0],
          ];
        },
        expected: () => [[[2, 4], [6, 8]], [[10, 12]], [[14, 16]]],
      },
      {
        name: 'the inputs and outputs properties',
        modes: ['eager'],
        run(K) {
          const a = K.placeholder({ shape: [1] });
          const b = K.placeholder({ shape: [1] });
          const o = K.add(a, b);
          const f = K.function([a, b], [o]);
          return [f.inputs.length, f.inputs[0] === a, f.inputs[1] === b, f.outputs.length, f.outputs[0] === o];
        },
        expected: () => [2, true, true, 1, true],
      },
      {
        name: 'a training loop: 3 SGD steps of linear regression',
        inputs: [vr([[0.5], [-0.25]]), fl([[1, 2], [0.5, -1], [2, 0.5], [-1, 1]], { kind: 'constant' }), fl([[1], [-2], [0.5], [3]], { kind: 'constant' })],
        modes: ['eager'],
        run(K, w, xs, ys) {
          const x = K.placeholder({ shape: [null, 2], name: 'x' });
          const y = K.placeholder({ shape: [null, 1], name: 'y' });
          const loss = K.mean(K.square(K.subtract(K.dot(x, w), y)));
          const [g] = K.gradients(loss, [w], { unconnected: 'zero' });
          const step = K.function([x, y], [loss], [K.updateSub(w, K.multiply(g, 0.1))]);
          const xv = K.eval(xs);
          const yv = K.eval(ys);
          const losses = [step([xv, yv])[0], step([xv, yv])[0], step([xv, yv])[0]];
          return [losses, K.getValue(w)];
        },
        expected(w0, x, y) {
          let w = w0;
          const losses: OArray[] = [];
          for (let i = 0; i < 3; i++) {
            const r = sub(dot(x, w), y);
            losses.push(mean(mul(r, r)));
            // d/dw mean((xw - y)^2) = 2/N x^T (xw - y)
            w = sub(w, mul(dot(transpose(x), r), 0.2 / x.shape[0]));
          }
          return [losses, w];
        },
      },
      {
        name: 'outputs depending on graph inputs (graph mode placeholders)',
        inputs: [df(M23), df([[1, 0], [0, 1], [1, 1]], { placeholderShape: [3, 2] })],
        run: (K, x, w) => K.tanh(K.dot(x, w)),
        expected: (x, w) => tanh(dot(x, w)),
        grad: true,
      },
    ],
    errorCases: [
      {
        name: 'one placeholder listed twice in the inputs',
        run(K) {
          const p = K.placeholder({ shape: [2], name: 'twice' });
          return K.function([p, p], [K.add(p, 1)]);
        },
        error: 'KerasValueError',
        message: "function: argument 'inputs[1]' is the placeholder 'twice', already listed as 'inputs[0]'; list each placeholder once",
      },
      {
        name: 'a feed of the wrong shape',
        run: (K) => K.function([K.placeholder({ shape: [null, 3], name: 'x' })], [K.constant(1)])([[[1, 2, 3, 4]]]),
        error: 'KerasShapeError',
        message: "function: input 0 ('x') expects shape [None, 3], got [1, 4]",
      },
      {
        name: 'a feed of the wrong rank',
        run: (K) => K.function([K.placeholder({ shape: [null, 3], name: 'x' })], [K.constant(1)])([[1, 2, 3]]),
        error: 'KerasShapeError',
        message: "function: input 0 ('x') expects shape [None, 3], got [3]",
      },
      {
        name: 'float data for an int32 placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], dtype: 'int32', name: 'ids' });
          return K.function([p], [K.add(p, 1)])([[1.5, 2]]);
        },
        error: 'KerasTypeError',
        message: "function: input 0 ('ids') expects dtype int32, got float64 data",
      },
      {
        name: 'a float32 typed array for an int32 placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], dtype: 'int32', name: 'ids' });
          return K.function([p], [K.add(p, 1)])([new Float32Array([1, 2])]);
        },
        error: 'KerasTypeError',
        message: "function: input 0 ('ids') expects dtype int32, got float32 data",
      },
      {
        name: 'bool data for a float placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], name: 'x' });
          return K.function([p], [K.add(p, 1)])([[true, false]]);
        },
        error: 'KerasTypeError',
        message: "function: input 0 ('x') expects dtype float32, got bool data",
      },
      {
        name: 'too many values',
        run: (K) => (K.function([K.placeholder({ shape: [1] })], [K.constant(1)]) as (values: unknown) => unknown)([[1], [2]]),
        error: 'KerasValueError',
        message: 'function: the returned function takes an array of 1 input value(s), got 2',
      },
      { name: 'inputs not an array', run: (K) => K.function(bad(K.placeholder({ shape: [1] })), [K.constant(1)]), error: 'KerasTypeError', message: "function: argument 'inputs' must be an array of placeholders, got a KTensor of shape [1] and dtype float32" },
      { name: 'called with a non-array', run: (K) => K.function([], [K.constant(1)])(bad(3)), error: 'KerasTypeError', message: 'function: the returned function takes an array of 0 input value(s), got 3' },
      { name: 'an input that is not a placeholder', run: (K) => K.function([K.constant([1])], [K.constant(1)]), error: 'KerasTypeError', message: /^function: argument 'inputs\[0\]' must be a placeholder, got the constant 'constant_\d+'$/ },
      { name: 'an output that is not a tensor', run: (K) => K.function([], bad([3])), error: 'KerasTypeError', message: "function: argument 'outputs[0]' must be a tensor, got 3" },
      {
        name: 'an output needs a placeholder that is not an input',
        run: (K) => K.function([], [K.add(K.placeholder({ shape: [1], name: 'forgotten' }), 1)]),
        error: 'KerasValueError',
        message: "function: the outputs depend on placeholder 'forgotten', which is not among the inputs",
      },
      { name: 'updates not an array', run: (K) => K.function([], [], bad(3)), error: 'KerasTypeError', message: "function: argument 'updates' must be an array of updates, got 3" },
      {
        name: 'an update of a constant',
        run: (K) => K.function([], [], [[K.constant([1]), K.constant([2])]]),
        error: 'KerasTypeError',
        message: /^function: argument 'updates\[0\]' targets 'constant_\d+', which is not a variable$/,
      },
      {
        name: 'a variable updated twice',
        run(K) {
          const v = K.variable([1], { name: 'twice' });
          return K.function([], [], [K.update(v, [2]), K.update(v, [3])]);
        },
        error: 'KerasValueError',
        message: "function: argument 'updates[1]' updates variable 'twice' a second time; update each variable once",
      },
    ],
  }),
  defineSpec({
    kerasName: 'gradients',
    cases: [
      {
        name: 'of sum(x^2) is 2x (and its gradient is checked: second order)',
        inputs: [df(M23, { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.square(x)), [x])[0],
        expected: (x) => mul(x, 2),
        grad: true,
      },
      {
        // f = sum(relu(x) * w): df/dx = w where x > 0 (relu's gradient, one composite node);
        // its gradient w.r.t. w, of sum(df/dx * x), is x where x > 0, 0 elsewhere: by hand
        name: "second order through relu's gradient, by hand",
        inputs: [fl([[-1, 0.5, 2], [3, -0.25, 0]], { kind: 'lazy' }), fl([[2, -1, 0.5], [1, 4, -3]], { kind: 'lazy' })],
        run: (K, x, w) => {
          const gx = K.gradients(K.sum(K.multiply(K.relu(x), w)), [x])[0] as KTensor;
          return [gx, K.gradients(K.sum(K.multiply(gx, x)), [w])[0] as KTensor];
        },
        expected: () => [[[0, -1, 0.5], [1, 0, 0]], [[0, 0.5, 2], [3, 0, 0]]],
      },
      {
        name: 'one tensor instead of a list',
        inputs: [df([1, -2, 3], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.exp(x)), x),
        expected: (x) => [exp(x)],
      },
      {
        name: 'null for a tensor the loss does not reach',
        inputs: [df([1, 2], { kind: 'lazy' }), df([3, 4], { kind: 'lazy' })],
        run: (K, x, y) => K.gradients(K.sum(K.multiply(x, 3)), [x, y]),
        expected: () => [[3, 3], null],
      },
      {
        name: 'null for a variable the loss does not reach',
        inputs: [vr([1, 2]), vr([[3], [4]])],
        run: (K, v, w) => K.gradients(K.sum(K.square(v)), [w, v]),
        expected: (v) => [null, [2 * v.data[0], 2 * v.data[1]]],
      },
      {
        name: 'a gradient of a gradient',
        inputs: [df([[0.5, -1], [2, 1.5]], { kind: 'lazy' })],
        run(K, x) {
          const [g] = K.gradients(K.sum(K.multiply(K.square(x), x)), [x], { unconnected: 'zero' });
          return K.gradients(K.sum(g), [x])[0];
        },
        expected: (x) => mul(x, 6),
        grad: true,
      },
      {
        name: 'a non-scalar loss is summed',
        inputs: [df(T234, { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.square(x), [x])[0],
        expected: (x) => mul(x, 2),
      },
      {
        name: 'of a variable',
        inputs: [vr([0.5, -1, 2])],
        run: (K, v) => K.gradients(K.sum(K.exp(v)), [v])[0],
        expected: exp,
      },
      {
        name: 'with respect to an intermediate tensor',
        inputs: [df(M23, { kind: 'lazy' })],
        run(K, x) {
          const h = K.multiply(x, 2);
          return K.gradients(K.sum(K.square(h)), [h])[0];
        },
        expected: (x) => mul(x, 4),
      },
      {
        name: 'through dot, tanh and mean (an MLP loss)',
        inputs: [fl(X23, { placeholderShape: [2, 3] }), df(W32, { kind: 'lazy', placeholderShape: [3, 2] })],
        run(K, x, w) {
          const h = K.tanh(K.dot(x, w));
          return K.gradients(K.mean(K.square(h)), [w])[0];
        },
        expected: (x, w) => numericGradient((wv) => mlpLoss(x, wv), w),
        tol: { float32: { rtol: 1e-4, atol: 1e-5 }, float64: { rtol: 1e-7, atol: 1e-9 } },
      },
      {
        name: 'through softmax',
        inputs: [df(X23, { kind: 'lazy', placeholderShape: [2, 3] }), fl(T23, { kind: 'constant' })],
        run: (K, x, t) => K.gradients(K.sum(K.multiply(K.softmax(x), t)), [x])[0],
        expected: (x, t) => numericGradient((xv) => sum(mul(softmax(xv), t)).data[0], x),
        tol: { float32: { rtol: 1e-4, atol: 1e-5 }, float64: { rtol: 1e-7, atol: 1e-9 } },
      },
      {
        name: 'both operands of a product',
        inputs: [df([1, 2, 3], { kind: 'lazy' }), df([4, 5, 6], { kind: 'lazy' })],
        run: (K, x, y) => K.gradients(K.sum(K.multiply(x, y)), [x, y]),
        expected: (x, y) => [y, x],
      },
    ],
    errorCases: [
      { name: 'an int32 loss', run: (K) => K.gradients(K.sum(K.variable([1, 2], { dtype: 'int32' })), [K.variable([1])]), error: 'KerasTypeError', message: "gradients: argument 'loss' must be a float tensor, got dtype int32" },
      { name: 'a loss that is not a tensor', run: (K) => K.gradients(bad(3), [K.variable([1])]), error: 'KerasTypeError', message: "gradients: argument 'loss' must be a tensor (KTensor), got number" },
      {
        name: 'a variables item that is not a tensor',
        run(K) {
          const v = K.variable([1]);
          return K.gradients(K.sum(v), bad([v, 'w']));
        },
        error: 'KerasTypeError',
        message: "gradients: argument 'variables[1]' must be a tensor (KTensor), got string",
      },
    ],
  }),
  defineSpec({
    kerasName: 'stop_gradient',
    cases: [
      { name: 'values are unchanged', inputs: [fl(M23)], run: (K, x) => K.stopGradient(x), expected: (x) => x },
      { name: 'int32 values', inputs: [i32([1, 2])], run: (K, x) => K.stopGradient(x), expected: (x) => x },
      {
        name: 'blocks one of two paths',
        inputs: [df(M23, { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.multiply(K.stopGradient(x), x)), [x])[0],
        expected: (x) => x,
      },
      {
        name: 'a fully stopped loss has a null gradient',
        inputs: [df([1, 2], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.square(K.stopGradient(x))), [x]),
        expected: () => [null],
      },
      {
        name: 'a list of tensors',
        inputs: [fl([1, 2]), fl([[3]])],
        run: (K, x, y) => K.stopGradient([x, y]),
        expected: (x, y) => [x, y],
      },
      {
        name: 'a list: each is stopped',
        inputs: [df([1, 2], { kind: 'lazy' }), df([3, 4], { kind: 'lazy' })],
        run(K, x, y) {
          const [sx, sy] = K.stopGradient([x, y]);
          return K.gradients(K.sum(K.add(K.multiply(sx, y), K.multiply(x, sy))), [x, y]);
        },
        expected: (x, y) => [y, x],
      },
    ],
    errorCases: [
      { name: 'null', run: (K) => K.stopGradient(bad(null)), error: 'KerasTypeError', message: "stopGradient: argument 'variables' must be a tensor or a list of tensors, got null" },
      { name: 'a list with a string', run: (K) => K.stopGradient(bad(['abc'])), error: 'KerasTypeError', message: "stopGradient: argument 'variables[0]' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  SWITCH_SPEC,
  IN_TRAIN_SPEC,
  IN_TEST_SPEC,
  PRINT_SPEC,
  RNN,
  MAP_FN,
  foldSpec('foldl'),
  foldSpec('foldr'),
  // Keras 2.3.1 additions.
  defineSpec({
    kerasName: 'symbolic',
    cases: [
      { name: 'the wrapped function computes as the function', inputs: [df(M23), df(M23)], run: (K, x, y) => K.symbolic((a: KTensor, b: KTensor) => K.add(a, K.multiply(b, 2)))(x, y), expected: (x, y) => oracleAdd(x, mul(y, 2)), grad: true },
      { name: 'a non-tensor result passes through', modes: ['eager'], run: (K) => K.symbolic(() => 42)(), expected: () => 42 },
    ],
    errorCases: [{ name: 'not a function', run: (K) => K.symbolic(bad(3)), error: 'KerasTypeError', message: /^symbolic: argument 'func' must be a function, got 3$/ }],
  }),
  defineSpec({
    kerasName: 'eager',
    cases: [
      { name: 'the wrapped function computes as the function', inputs: [df(M23)], run: (K, x) => K.eager((a: KTensor) => K.square(a))(x), expected: (x) => mul(x, x), grad: true },
    ],
    errorCases: [{ name: 'not a function', run: (K) => K.eager(bad('f')), error: 'KerasTypeError', message: /^eager: argument 'func' must be a function, got "f"$/ }],
  }),
];
