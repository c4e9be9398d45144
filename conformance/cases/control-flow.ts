/**
 * Cases of the control-flow functions: rnn, map_fn, foldl, foldr. Expected values
 * come from plain float64 loops (oracle/control-flow.ts). The loops are unrolled,
 * so the iterated dimension must be static: rnn's time axis is axis 1 (graph mode
 * leaves only the batch dim unknown); map/fold inputs get a static placeholderShape.
 */
import type { KTensor } from '../../src/index';
import { defineSpec, FunctionSpec, KApi } from '../case';
import { OArray, roundedUniform, square, sum, toNested } from '../oracle';
import { foldElementwise, mapSlices, simpleRnn } from '../oracle/control-flow';
import { bad, bl, df, fl, i32, M23 } from './helpers';

const X = toNested(roundedUniform([2, 3, 2], 'cfX'));
const W = toNested(roundedUniform([2, 2], 'cfW'));
const U = toNested(roundedUniform([2, 2], 'cfU'));
const H0 = toNested(roundedUniform([2, 2], 'cfH0'));
const MASK = [
  [true, false, true],
  [false, true, true],
];
const S22 = { placeholderShape: [2, 2] };

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
        return [out[0], seen.join(',')];
      },
      expected: (x) => [[[Number(x.data[4]) + 10, Number(x.data[5]) + 20], [Number(x.data[10]) + 10, Number(x.data[11]) + 20]], '2,2,2'],
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
      name: 'an unknown time dimension',
      run: (K) => K.rnn(step0(K), K.placeholder({ shape: [2, null, 2] }), [K.constant(H0)]),
      error: 'KerasValueError',
      message: /rnn: the time dimension of 'inputs' must be known \(the loop is unrolled/,
    },
    { name: 'a step function that is not a function', run: (K) => K.rnn(bad(42), c(K), [K.constant(H0)]), error: 'KerasTypeError', message: /rnn: argument 'stepFunction' must be a function/ },
    { name: 'inputs of rank 2', run: (K) => K.rnn(step0(K), K.constant(M23), [K.constant(H0)]), error: 'KerasValueError', message: /rnn: argument 'inputs' must be at least 3D/ },
    {
      name: 'a step function returning the wrong number of states',
      run: (K) => K.rnn((x, s) => [K.dot(x, K.constant(W)), [s[0], s[0]]], c(K), [K.constant(H0)]),
      error: 'KerasValueError',
      message: /rnn: the step function .* returned 2 new states for 1 states \('initialStates'\)/,
    },
    {
      name: 'a step function not returning [output, newStates]',
      run: (K) => K.rnn(bad((x: KTensor) => x), c(K), [K.constant(H0)]),
      error: 'KerasTypeError',
      message: /rnn: the step function .* must return \[output, newStates\]/,
    },
    {
      name: 'a new state of another shape',
      run: (K) => K.rnn((x, s) => [x, [K.concatenate([s[0], s[0]])]], c(K), [K.constant(H0)]),
      error: 'KerasShapeError',
      message: /rnn: the step function .*new state 0 has shape \[2, 4\].*state 0 has shape \[2, 2\]/,
    },
    { name: 'a mask of the wrong shape', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], { mask: K.constant([[1, 1], [1, 1]]) }), error: 'KerasShapeError', message: /rnn: argument 'mask'/ },
    { name: 'inputLength differing from the time dimension', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], { inputLength: 4 }), error: 'KerasValueError', message: /rnn: argument 'inputLength'/ },
    { name: 'an unknown option', run: (K) => K.rnn(step0(K), c(K), [K.constant(H0)], bad({ go_backwards: true })), error: 'KerasValueError', message: /rnn: argument 'options' has an unknown key 'go_backwards'/ },
    { name: 'initialStates not a list', run: (K) => K.rnn(step0(K), c(K), bad(3)), error: 'KerasTypeError', message: /rnn: argument 'initialStates'/ },
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
  ],
  errorCases: [
    { name: 'fn not a function', run: (K) => K.mapFn(bad('square'), K.constant(M23)), error: 'KerasTypeError', message: /mapFn: argument 'fn' must be a function/ },
    {
      name: 'an unknown leading dimension',
      run: (K) => K.mapFn((r) => r, K.placeholder({ shape: [null, 3] })),
      error: 'KerasValueError',
      message: /mapFn: the leading dimension of 'elems' must be known/,
    },
    {
      name: 'results of different shapes',
      run: (K) => {
        let i = 0;
        return K.mapFn((r) => (i++ === 0 ? r : K.concatenate([r, r])), K.constant(M23));
      },
      error: 'KerasShapeError',
      message: /mapFn: argument 'fn' \(at element 1\) has shape \[6\]/,
    },
    { name: 'a result of another dtype than dtype', run: (K) => K.mapFn((r) => r, K.constant(M23), null, 'int32'), error: 'KerasTypeError', message: /mapFn: argument 'fn' .*returned dtype float32, but argument 'dtype' is int32/ },
    { name: 'fn not returning a tensor', run: (K) => K.mapFn(bad(() => 'x'), K.constant(M23)), error: 'KerasTypeError', message: /mapFn: argument 'fn'/ },
    { name: 'a scalar elems', run: (K) => K.mapFn((r) => r, K.constant(2)), error: 'KerasValueError', message: /mapFn: argument 'elems' must have rank >= 1/ },
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
    ],
    errorCases: [
      { name: 'fn not a function', run: (K) => fold(K)(bad(1), K.constant(M23)), error: 'KerasTypeError', message: new RegExp(`${kerasName}: argument 'fn' must be a function`) },
      {
        name: 'an unknown leading dimension',
        run: (K) => fold(K)((a, r) => K.add(a, r), K.placeholder({ shape: [null, 3] })),
        error: 'KerasValueError',
        message: new RegExp(`${kerasName}: the leading dimension of 'elems' must be known`),
      },
      {
        name: 'fn changing the shape of the accumulator',
        run: (K) => fold(K)((a, r) => K.concatenate([a, r]), K.constant(M23)),
        error: 'KerasShapeError',
        message: new RegExp(`${kerasName}: argument 'fn' \\(at element \\d\\): the result has shape \\[6\\]`),
      },
      {
        name: 'fn changing the dtype of the accumulator',
        run: (K) => fold(K)((a, r) => K.cast(K.add(a, r), 'int32'), K.constant(M23)),
        error: 'KerasTypeError',
        message: new RegExp(`${kerasName}: argument 'fn' .*dtype int32`),
      },
      { name: 'empty elems and no initializer', run: (K) => fold(K)((a, r) => K.add(a, r), K.zeros([0, 3])), error: 'KerasValueError', message: new RegExp(`${kerasName}: argument 'elems' is empty`) },
      { name: 'a bad name', run: (K) => fold(K)((a, r) => K.add(a, r), K.constant(M23), null, bad(3)), error: 'KerasValueError', message: new RegExp(`${kerasName}: argument 'name'`) },
    ],
  });
}

export const CONTROL_FLOW_SPECS: FunctionSpec[] = [RNN, MAP_FN, foldSpec('foldl'), foldSpec('foldr')];
