/**
 * Cases of the `graph` group that are implemented: function, gradients,
 * stop_gradient.
 */
import { defineSpec, FunctionSpec } from '../case';
import { array, dot, exp, mean, mul, numericGradient, OArray, roundedUniform, softmax, sub, sum, tanh, toNested, transpose, withDtype } from '../oracle';
import { bad, df, fl, i32, M23, T234, vr } from './helpers';

const X23 = toNested(roundedUniform([2, 3], 'X23'));
const W32 = toNested(roundedUniform([3, 2], 'W32g'));
const T23 = toNested(roundedUniform([2, 3], 'T23', 0, 1));

/** The MLP-like loss mean(tanh(x . w)^2) in the oracle. */
function mlpLoss(x: OArray, w: OArray): number {
  const h = tanh(dot(x, w));
  return mean(mul(h, h)).data[0];
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
          const [g] = K.gradients(loss, [w]);
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
        message: /function: inputs\[1\] is the placeholder 'twice'/,
      },
      {
        name: 'a feed of the wrong shape',
        run: (K) => K.function([K.placeholder({ shape: [null, 3], name: 'x' })], [K.constant(1)])([[[1, 2, 3, 4]]]),
        error: 'KerasShapeError',
        message: /function: input 0 .*\[None, 3\]/,
      },
      {
        name: 'a feed of the wrong rank',
        run: (K) => K.function([K.placeholder({ shape: [null, 3], name: 'x' })], [K.constant(1)])([[1, 2, 3]]),
        error: 'KerasShapeError',
        message: /function: input 0/,
      },
      {
        name: 'float data for an int32 placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], dtype: 'int32', name: 'ids' });
          return K.function([p], [K.add(p, 1)])([[1.5, 2]]);
        },
        error: 'KerasTypeError',
        message: /function: input 0 .*int32/,
      },
      {
        name: 'a float32 typed array for an int32 placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], dtype: 'int32', name: 'ids' });
          return K.function([p], [K.add(p, 1)])([new Float32Array([1, 2])]);
        },
        error: 'KerasTypeError',
        message: /function: input 0 .*int32/,
      },
      {
        name: 'bool data for a float placeholder',
        run(K) {
          const p = K.placeholder({ shape: [2], name: 'x' });
          return K.function([p], [K.add(p, 1)])([[true, false]]);
        },
        error: 'KerasTypeError',
        message: /function: input 0 .*float32/,
      },
      {
        name: 'too many values',
        run: (K) => K.function([K.placeholder({ shape: [1] })], [K.constant(1)])([[1], [2]]),
        error: 'KerasValueError',
        message: /function: .*input values/,
      },
      { name: 'inputs not an array', run: (K) => K.function(bad(K.placeholder({ shape: [1] })), [K.constant(1)]), error: 'KerasTypeError', message: /function: argument 'inputs'/ },
      { name: 'called with a non-array', run: (K) => K.function([], [K.constant(1)])(bad(3)), error: 'KerasTypeError', message: /function: .*array/ },
      { name: 'an input that is not a placeholder', run: (K) => K.function([K.constant([1])], [K.constant(1)]), error: 'KerasTypeError', message: /function: inputs\[0\]/ },
      { name: 'an output that is not a tensor', run: (K) => K.function([], bad([3])), error: 'KerasTypeError', message: /function: outputs\[0\]/ },
      {
        name: 'an output needs a placeholder that is not an input',
        run: (K) => K.function([], [K.add(K.placeholder({ shape: [1], name: 'forgotten' }), 1)]),
        error: 'KerasValueError',
        message: /function: .*placeholder 'forgotten'/,
      },
      { name: 'updates not an array', run: (K) => K.function([], [], bad(3)), error: 'KerasTypeError', message: /function: argument 'updates'/ },
      {
        name: 'an update of a constant',
        run: (K) => K.function([], [], [[K.constant([1]), K.constant([2])]]),
        error: 'KerasTypeError',
        message: /function: updates\[0\]/,
      },
      {
        name: 'a variable updated twice',
        run(K) {
          const v = K.variable([1], { name: 'twice' });
          return K.function([], [], [K.update(v, [2]), K.update(v, [3])]);
        },
        error: 'KerasValueError',
        message: /function: .*'twice'.*twice|function: argument 'updates'/,
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
          const g = K.gradients(K.sum(K.multiply(K.square(x), x)), [x])[0];
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
      { name: 'an int32 loss', run: (K) => K.gradients(K.sum(K.variable([1, 2], { dtype: 'int32' })), [K.variable([1])]), error: 'KerasTypeError', message: /gradients: argument 'loss'/ },
      { name: 'a loss that is not a tensor', run: (K) => K.gradients(bad(3), [K.variable([1])]), error: 'KerasTypeError', message: /gradients: argument 'loss'/ },
      {
        name: 'a variables item that is not a tensor',
        run(K) {
          const v = K.variable([1]);
          return K.gradients(K.sum(v), bad([v, 'w']));
        },
        error: 'KerasTypeError',
        message: /gradients: argument 'variables\[1\]'/,
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
      { name: 'null', run: (K) => K.stopGradient(bad(null)), error: 'KerasTypeError', message: /stopGradient: argument 'variables'/ },
      { name: 'a list with a string', run: (K) => K.stopGradient(bad(['abc'])), error: 'KerasTypeError', message: /stopGradient: argument 'variables\[0\]'/ },
    ],
  }),
];
