/**
 * Cases of the `state` group: updates applied by `K.function` (update,
 * updateAdd, updateSub, movingAverageUpdate), checked with `K.getValue`, and
 * reading / writing variable values.
 */
import { defineSpec, FunctionSpec } from '../case';
import { add, array, mul, sub, sum, withDtype } from '../oracle';
import { movingAverage } from '../oracle/state';
import { bad, i32, vr } from './helpers';

const V = [
  [1, 2],
  [3, 4],
];

export const STATE_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'update',
    cases: [
      {
        name: 'eval of an update applies it and returns the new value (Keras 2.3.1)',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const got = K.eval(K.update(v, [[5, 6], [7, 8.5]]));
          return [got, K.getValue(v)];
        },
        expected: () => [[[5, 6], [7, 8.5]], [[5, 6], [7, 8.5]]],
      },
      {
        name: 'sets the variable when the function runs',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const u = K.update(v, [[5, 6], [7, 8.5]]);
          const before = K.getValue(v);
          K.function([], [], [u])([]);
          return [before, K.getValue(v)];
        },
        expected: (v) => [v, [[5, 6], [7, 8.5]]],
      },
      {
        name: 'a value computed from the variable, run twice',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const f = K.function([], [], [K.update(v, K.multiply(v, 2))]);
          f([]);
          f([]);
          return K.getValue(v);
        },
        expected: (v) => mul(v, 4),
      },
      {
        name: 'from a placeholder fed at call time',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const p = K.placeholder({ shape: [2, 2] });
          K.function([p], [], [K.update(v, p)])([[[9, 8], [7, 6]]]);
          return K.getValue(v);
        },
        expected: () => [[9, 8], [7, 6]],
      },
      {
        name: 'outputs are computed before the update',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const outs = K.function([], [K.multiply(v, 1)], [K.update(v, K.add(v, 10))])([]);
          return [outs[0], K.getValue(v)];
        },
        expected: (v) => [v, add(v, 10)],
      },
      {
        name: 'an int32 variable',
        inputs: [i32([1, 2, 3], { kind: 'variable' })],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.update(v, K.constant([4, 5, 6], { dtype: 'int32' }))])([]);
          return K.getValue(v);
        },
        expected: () => [4, 5, 6],
      },
    ],
    errorCases: [
      { name: 'a constant target', run: (K) => K.update(K.constant([1, 2]), [3, 4]), error: 'KerasTypeError', message: "update: argument 'x' must be a variable, got a constant tensor" },
      {
        name: 'a new value of another shape',
        run: (K) => K.update(K.variable([[1, 2], [3, 4]], { name: 'v' }), [1, 2, 3]),
        error: 'KerasShapeError',
        message: "update: argument 'newX' must have the shape of variable 'v' ([2, 2]), got [3]",
      },
      {
        name: 'a new value of another dtype',
        run: (K) => K.update(K.variable([1, 2], { name: 'v' }), K.constant([1, 2], { dtype: 'int32' })),
        error: 'KerasTypeError',
        message: "update: argument 'newX' must have the dtype of variable 'v' (float32), got int32 (use K.cast)",
      },
    ],
  }),
  defineSpec({
    kerasName: 'update_add',
    cases: [
      {
        name: 'eval of update_add, twice: each call adds once',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const u = K.updateAdd(v, 1);
          const first = K.eval(u);
          const second = K.eval(u);
          return [first, second, K.getValue(v)];
        },
        expected: (v) => [add(v, 1), add(v, 2), add(v, 2)],
      },
      {
        name: 'adds the increment',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.updateAdd(v, [[0.5, 1], [1.5, 2]])])([]);
          return K.getValue(v);
        },
        expected: (v) => add(v, [[0.5, 1], [1.5, 2]]),
      },
      {
        name: 'a broadcast scalar, three runs accumulate',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const f = K.function([], [], [K.updateAdd(v, 1)]);
          f([]);
          f([]);
          f([]);
          return K.getValue(v);
        },
        expected: (v) => add(v, 3),
      },
      {
        name: 'a placeholder increment',
        inputs: [vr([1, 2, 3])],
        modes: ['eager'],
        run(K, v) {
          const p = K.placeholder({ shape: [3] });
          const f = K.function([p], [], [K.updateAdd(v, p)]);
          f([[1, 1, 1]]);
          f([[0.5, 0, -1]]);
          return K.getValue(v);
        },
        expected: (v) => add(v, [1.5, 1, 0]),
      },
      {
        name: 'int32',
        inputs: [i32([10, 20], { kind: 'variable' })],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.updateAdd(v, K.constant([1, -5], { dtype: 'int32' }))])([]);
          return K.getValue(v);
        },
        expected: () => [11, 15],
      },
    ],
    errorCases: [
      { name: 'a constant target', run: (K) => K.updateAdd(K.constant([1, 2]), 1), error: 'KerasTypeError', message: "updateAdd: argument 'x' must be a variable, got a constant tensor" },
      {
        name: 'a fractional increment for an int32 variable (TensorFlow refuses it)',
        run: (K) => K.updateAdd(K.variable([1, 2], { dtype: 'int32', name: 'counts' }), 0.5),
        error: 'KerasTypeError',
        message: "updateAdd: argument 'increment' has values that are not whole numbers, for an int32 tensor (use K.cast)",
      },
      {
        name: 'an increment of another shape',
        run: (K) => K.updateAdd(K.variable([1, 2], { name: 'v' }), [[1, 2], [3, 4]]),
        error: 'KerasShapeError',
        message: "updateAdd: argument 'increment' must have the shape of variable 'v' ([2]), got [2, 2]",
      },
    ],
  }),
  defineSpec({
    kerasName: 'update_sub',
    cases: [
      {
        name: 'subtracts the decrement',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.updateSub(v, [[0.5, 1], [1.5, 2]])])([]);
          return K.getValue(v);
        },
        expected: (v) => sub(v, [[0.5, 1], [1.5, 2]]),
      },
      {
        name: 'a gradient-descent step',
        inputs: [vr([1, -2, 3])],
        modes: ['eager'],
        run(K, w) {
          const loss = K.sum(K.square(w));
          const [g] = K.gradients(loss, [w], { unconnected: 'zero' });
          const f = K.function([], [loss], [K.updateSub(w, K.multiply(g, 0.25))]);
          const l0 = f([])[0];
          return [l0, K.getValue(w)];
        },
        expected: (w) => [sum(mul(w, w)), mul(w, 0.5)],
      },
      {
        name: 'int32',
        inputs: [i32([10, 20], { kind: 'variable' })],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.updateSub(v, K.constant([1, 25], { dtype: 'int32' }))])([]);
          return K.getValue(v);
        },
        expected: () => [9, -5],
      },
    ],
    errorCases: [
      { name: 'a constant target', run: (K) => K.updateSub(K.constant([1, 2]), 1), error: 'KerasTypeError', message: "updateSub: argument 'x' must be a variable, got a constant tensor" },
      {
        name: 'a decrement of another shape',
        run: (K) => K.updateSub(K.variable([1, 2], { name: 'v' }), [1, 2, 3]),
        error: 'KerasShapeError',
        message: "updateSub: argument 'decrement' must have the shape of variable 'v' ([2]), got [3]",
      },
    ],
  }),
  defineSpec({
    kerasName: 'moving_average_update',
    cases: [
      {
        name: 'momentum 0.9',
        inputs: [vr([1, 2, -3])],
        modes: ['eager'],
        run(K, v) {
          K.function([], [], [K.movingAverageUpdate(v, [3, 4, 5], 0.9)])([]);
          return K.getValue(v);
        },
        expected: (v) => movingAverage(v, [3, 4, 5], 0.9),
      },
      {
        name: 'two steps',
        inputs: [vr([[0, 10]])],
        modes: ['eager'],
        run(K, v) {
          const f = K.function([], [], [K.movingAverageUpdate(v, [[1, 1]], 0.5)]);
          f([]);
          f([]);
          return K.getValue(v);
        },
        expected: (v) => movingAverage(movingAverage(v, [[1, 1]], 0.5), [[1, 1]], 0.5),
      },
      {
        name: 'momentum 0 takes the value, 1 keeps the variable',
        inputs: [vr([1, 2]), vr([1, 2])],
        modes: ['eager'],
        run(K, a, b) {
          K.function([], [], [K.movingAverageUpdate(a, [7, 8], 0), K.movingAverageUpdate(b, [7, 8], 1)])([]);
          return [K.getValue(a), K.getValue(b)];
        },
        expected: (_a, b) => [[7, 8], b],
      },
      {
        name: 'a placeholder value',
        inputs: [vr([1, 2])],
        modes: ['eager'],
        run(K, v) {
          const p = K.placeholder({ shape: [2] });
          K.function([p], [], [K.movingAverageUpdate(v, p, 0.75)])([[5, 6]]);
          return K.getValue(v);
        },
        expected: (v) => movingAverage(v, [5, 6], 0.75),
      },
    ],
    errorCases: [
      {
        name: 'a momentum that is not a number',
        run: (K) => K.movingAverageUpdate(K.variable([1]), [2], bad('0.9')),
        error: 'KerasValueError',
        message: `movingAverageUpdate: argument 'momentum' must be a finite number, got "0.9"`,
      },
      {
        name: 'a constant target',
        run: (K) => K.movingAverageUpdate(K.constant([1]), [2], 0.9),
        error: 'KerasTypeError',
        message: "movingAverageUpdate: argument 'variable' must be a variable, got a constant tensor",
      },
      {
        name: 'an int32 variable (momentum 0.5 would truncate to 0)',
        run: (K) => K.movingAverageUpdate(K.variable([1, 2], { dtype: 'int32' }), [3, 4], 0.5),
        error: 'KerasTypeError',
        message: "movingAverageUpdate: argument 'variable' must be a float variable, got dtype int32 (a fractional momentum cannot be applied to integers)",
      },
      {
        name: 'a value of another shape',
        run: (K) => K.movingAverageUpdate(K.variable([1, 2], { name: 'v' }), [1, 2, 3], 0.9),
        error: 'KerasShapeError',
        message: "movingAverageUpdate: argument 'value' must have the shape of variable 'v' ([2]), got [3]",
      },
    ],
  }),
  defineSpec({
    kerasName: 'get_value',
    cases: [
      { name: 'a variable', inputs: [vr(V)], modes: ['eager'], run: (K, v) => K.getValue(v), expected: (v) => v },
      { name: 'an int32 variable', inputs: [i32([[1, 2, 3]], { kind: 'variable' })], modes: ['eager'], run: (K, v) => K.getValue(v), expected: (v) => v },
      { name: 'a scalar variable', inputs: [vr(2.5)], modes: ['eager'], run: (K, v) => K.getValue(v), expected: () => 2.5 },
      { name: 'a constant', inputs: [i32([4, 5], { kind: 'constant' })], modes: ['eager'], run: (K, c) => K.getValue(c), expected: (c) => c },
      { name: 'an op on a variable', inputs: [vr(V)], modes: ['eager'], run: (K, v) => K.getValue(K.add(v, v)), expected: (v) => add(v, v) },
      {
        name: 'sees setValue',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          K.setValue(v, [[0, 0], [0, 1]]);
          return K.getValue(v);
        },
        expected: () => [[0, 0], [0, 1]],
      },
    ],
    errorCases: [
      { name: 'a nested array', run: (K) => K.getValue(bad([1, 2])), error: 'KerasTypeError', message: "getValue: argument 'x' must be a tensor (KTensor), got an array" },
      {
        name: 'a tensor that needs a placeholder',
        run: (K) => K.getValue(K.add(K.placeholder({ shape: [2] }), 1)),
        error: 'KerasValueError',
        message: /^getValue: the tensor depends on placeholder 'placeholder_\d+', which has no value here; feed it through K\.function\(inputs, outputs\)$/,
      },
    ],
  }),
  defineSpec({
    kerasName: 'batch_get_value',
    cases: [
      {
        name: 'two variables of different dtypes',
        inputs: [vr(V), i32([7], { kind: 'variable' })],
        modes: ['eager'],
        run: (K, a, b) => K.batchGetValue([a, b]),
        expected: (a, b) => [a, withDtype(b, 'int32')],
      },
      { name: 'an empty list', modes: ['eager'], run: (K) => K.batchGetValue([]), expected: () => [] },
      {
        name: 'variables and an op',
        inputs: [vr([1, 2])],
        modes: ['eager'],
        run: (K, v) => K.batchGetValue([v, K.multiply(v, 3)]),
        expected: (v) => [v, mul(v, 3)],
      },
    ],
    errorCases: [
      { name: 'not an array', run: (K) => K.batchGetValue(bad(K.variable([1]))), error: 'KerasTypeError', message: "batchGetValue: argument 'xs' must be an array of tensors, got a KTensor of shape [1] and dtype float32" },
      { name: 'a non-tensor item', run: (K) => K.batchGetValue(bad([K.variable([1]), 3])), error: 'KerasTypeError', message: "batchGetValue: argument 'xs[1]' must be a tensor (KTensor), got number" },
      {
        name: 'a tensor that needs a placeholder',
        run: (K) => K.batchGetValue([K.variable([1]), K.add(K.placeholder({ shape: [1] }), 1)]),
        error: 'KerasValueError',
        message: /^batchGetValue: the tensor depends on placeholder 'placeholder_\d+', which has no value here; feed it through K\.function\(inputs, outputs\)$/,
      },
    ],
  }),
  defineSpec({
    kerasName: 'set_value',
    cases: [
      {
        name: 'a nested array, returns nothing',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          const r = K.setValue(v, [[-1, -2], [-3, -4.5]]);
          return [r === undefined, K.getValue(v)];
        },
        expected: () => [true, [[-1, -2], [-3, -4.5]]],
      },
      {
        name: 'an NDArray',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          K.setValue(v, K.eval(K.constant([[9, 9], [8, 8]])));
          return K.getValue(v);
        },
        expected: () => [[9, 9], [8, 8]],
      },
      {
        name: 'a scalar fills the variable',
        inputs: [vr(V)],
        modes: ['eager'],
        run(K, v) {
          K.setValue(v, 0.5);
          return K.getValue(v);
        },
        expected: () => [[0.5, 0.5], [0.5, 0.5]],
      },
      {
        name: 'an int32 variable truncates floats',
        inputs: [i32([1, 2, 3], { kind: 'variable' })],
        modes: ['eager'],
        run(K, v) {
          K.setValue(v, [1.9, -2.9, 3]);
          return K.getValue(v);
        },
        expected: () => [1, -2, 3],
      },
      {
        name: 'a compiled function reads the new value',
        inputs: [vr([1, 2])],
        modes: ['eager'],
        run(K, v) {
          const f = K.function([], [K.multiply(v, 2)]);
          const a = f([])[0];
          K.setValue(v, [10, 20]);
          return [a, f([])[0]];
        },
        expected: (v) => [mul(v, 2), [20, 40]],
      },
      {
        name: 'a lazy tensor reads the new value',
        inputs: [vr([1, 2])],
        modes: ['eager'],
        run(K, v) {
          const s = K.sum(v);
          K.setValue(v, [10, 20]);
          return K.eval(s);
        },
        expected: () => 30,
      },
    ],
    errorCases: [
      {
        name: 'a value of another shape',
        run: (K) => K.setValue(K.variable([[1, 2], [3, 4]], { name: 'v' }), [1, 2, 3]),
        error: 'KerasShapeError',
        message: "setValue: argument 'value' must have the shape of variable 'v' ([2, 2]) or be a scalar, got [3]",
      },
      { name: 'a constant target', run: (K) => K.setValue(K.constant([1]), [2]), error: 'KerasTypeError', message: "setValue: argument 'x' must be a variable, got a constant tensor" },
      { name: 'a string value', run: (K) => K.setValue(K.variable([1]), 'abc'), error: 'KerasTypeError', message: `setValue: argument 'value' must be a tensor, a number, a boolean, a nested array, a typed array, an NDArray or a TF.js tensor, got string "abc"` },
    ],
  }),
  defineSpec({
    kerasName: 'batch_set_value',
    cases: [
      {
        name: 'two variables',
        inputs: [vr(V), i32([1, 2], { kind: 'variable' })],
        modes: ['eager'],
        run(K, a, b) {
          const r = K.batchSetValue([
            [a, [[0, 1], [2, 3]]],
            [b, [5, 6]],
          ]);
          return [r === undefined, K.getValue(a), K.getValue(b)];
        },
        expected: () => [true, [[0, 1], [2, 3]], withDtype(array([5, 6]), 'int32')],
      },
      { name: 'an empty list', modes: ['eager'], run: (K) => K.batchSetValue([]) === undefined, expected: () => true },
    ],
    errorCases: [
      { name: 'not an array', run: (K) => K.batchSetValue(bad(3)), error: 'KerasTypeError', message: "batchSetValue: argument 'tuples' must be an array of [variable, value] pairs, got 3" },
      { name: 'an item that is not a pair', run: (K) => K.batchSetValue(bad([[K.variable([1])]])), error: 'KerasValueError', message: "batchSetValue: argument 'tuples[0]' must be a [variable, value] pair, got an array of length 1" },
      {
        name: 'a value of another shape',
        run: (K) => K.batchSetValue([[K.variable([1, 2], { name: 'v' }), [1, 2, 3]]]),
        error: 'KerasShapeError',
        message: "batchSetValue: argument 'tuples[0][1]' must have the shape of variable 'v' ([2]) or be a scalar, got [3]",
      },
    ],
  }),
];
