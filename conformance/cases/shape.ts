/**
 * Cases of the `shape` group that are implemented: concatenate and reshape.
 */
import { defineSpec, FunctionSpec } from '../case';
import { concatenate, reshape, roundedUniform, toNested } from '../oracle';
import { bad, bl, df, fl, i32, M23, T234 } from './helpers';

const A22 = toNested(roundedUniform([2, 2], 'A22'));
const A13 = toNested(roundedUniform([1, 3], 'A13'));
const A2_13 = toNested(roundedUniform([2, 1, 4], 'A214'));

export const SHAPE_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'concatenate',
    cases: [
      {
        name: 'two matrices, default axis -1',
        inputs: [df(A22), df(M23)],
        run: (K, a, b) => K.concatenate([a, b]),
        expected: (a, b) => concatenate([a, b], -1),
        grad: true,
      },
      {
        name: 'three along axis 0 (the unknown batch dim)',
        inputs: [df(A13), df(M23), df(A13)],
        run: (K, a, b, c) => K.concatenate([a, b, c], 0),
        expected: (a, b, c) => concatenate([a, b, c], 0),
        grad: true,
      },
      {
        name: 'rank 3, axis 1',
        inputs: [df(T234), df(A2_13)],
        run: (K, a, b) => K.concatenate([a, b], 1),
        expected: (a, b) => concatenate([a, b], 1),
        grad: true,
      },
      {
        name: 'rank 3, axis -2',
        inputs: [df(A2_13), df(T234)],
        run: (K, a, b) => K.concatenate([a, b], -2),
        expected: (a, b) => concatenate([a, b], -2),
        grad: true,
      },
      {
        name: 'vectors',
        inputs: [df([1, 2]), df([3]), df([4, 5, 6])],
        run: (K, a, b, c) => K.concatenate([a, b, c]),
        expected: (a, b, c) => concatenate([a, b, c]),
        grad: true,
      },
      { name: 'one tensor', inputs: [df(M23)], run: (K, a) => K.concatenate([a], 1), expected: (a) => a, grad: true },
      { name: 'int32', inputs: [i32([[1, 2]]), i32([[3]])], run: (K, a, b) => K.concatenate([a, b]), expected: (a, b) => concatenate([a, b]) },
      { name: 'bool', inputs: [bl([true]), bl([false, true])], run: (K, a, b) => K.concatenate([a, b], 0), expected: (a, b) => concatenate([a, b], 0) },
      {
        name: 'static shape with an unknown batch dim',
        modes: ['eager'],
        run: (K) => [
          K.intShape(K.concatenate([K.placeholder({ shape: [null, 2] }), K.placeholder({ shape: [null, 3] })])),
          K.intShape(K.concatenate([K.placeholder({ shape: [null, 2] }), K.placeholder({ shape: [3, 2] })], 0)),
        ],
        expected: () => [
          [null, 5],
          [null, 2],
        ],
      },
    ],
    errorCases: [
      { name: 'an empty list', run: (K) => K.concatenate([]), error: 'KerasValueError', message: /concatenate: argument 'tensors'/ },
      { name: 'not a list', run: (K) => K.concatenate(bad(K.constant([1]))), error: 'KerasValueError', message: /concatenate: argument 'tensors'/ },
      {
        name: 'dims differ outside the axis',
        run: (K) => K.concatenate([K.constant([[1, 2]]), K.constant([[1], [2]])], 0),
        error: 'KerasShapeError',
        message: /concatenate: .*tensors\[1\]/,
      },
      {
        name: 'ranks differ',
        run: (K) => K.concatenate([K.constant([[1, 2]]), K.constant([1, 2])]),
        error: 'KerasShapeError',
        message: /concatenate: .*tensors\[1\]/,
      },
      {
        name: 'dtypes differ',
        run: (K) => K.concatenate([K.constant([1]), K.constant([1], { dtype: 'int32' })]),
        error: 'KerasTypeError',
        message: /concatenate: .*tensors\[1\]/,
      },
      { name: 'axis out of range', run: (K) => K.concatenate([K.constant([1]), K.constant([2])], 1), error: 'KerasValueError', message: /concatenate: argument 'axis'/ },
      { name: 'scalars', run: (K) => K.concatenate([K.constant(1), K.constant(2)]), error: 'KerasValueError', message: /concatenate: .*tensors\[0\]/ },
      { name: 'a non-tensor item', run: (K) => K.concatenate([K.constant([1]), bad('abc')]), error: 'KerasTypeError', message: /concatenate: argument 'tensors\[1\]'/ },
    ],
  }),
  defineSpec({
    kerasName: 'reshape',
    cases: [
      { name: '[2, 3] to [3, 2]', inputs: [df(M23, { placeholderShape: [2, 3] })], run: (K, x) => K.reshape(x, [3, 2]), expected: (x) => reshape(x, [3, 2]), grad: true },
      { name: 'to [-1]', inputs: [df(T234)], run: (K, x) => K.reshape(x, [-1]), expected: (x) => reshape(x, [-1]), grad: true },
      { name: 'to [-1, 6] with an unknown batch dim', inputs: [df(T234)], run: (K, x) => K.reshape(x, [-1, 6]), expected: (x) => reshape(x, [-1, 6]), grad: true },
      { name: 'to [4, -1, 3]', inputs: [df(T234)], run: (K, x) => K.reshape(x, [4, -1, 3]), expected: (x) => reshape(x, [4, -1, 3]), grad: true },
      { name: 'a scalar to [1, 1]', inputs: [df(3.5)], run: (K, x) => K.reshape(x, [1, 1]), expected: (x) => reshape(x, [1, 1]), grad: true },
      { name: '[1] to a scalar', inputs: [df([3.5], { placeholderShape: [1] })], run: (K, x) => K.reshape(x, []), expected: (x) => reshape(x, []), grad: true },
      { name: 'int32', inputs: [i32([[1, 2, 3], [4, 5, 6]])], run: (K, x) => K.reshape(x, [3, 2]), expected: (x) => reshape(x, [3, 2]) },
      { name: 'bool', inputs: [bl([true, false, true, true])], run: (K, x) => K.reshape(x, [2, 2]), expected: (x) => reshape(x, [2, 2]) },
      { name: 'a zero-size tensor', modes: ['eager'], outDtype: 'float', run: (K) => K.reshape(K.zeros([0, 3]), [3, 0]), expected: () => ({ data: [], shape: [3, 0] }) },
      {
        name: 'static shapes',
        modes: ['eager'],
        run: (K) => [K.intShape(K.reshape(K.placeholder({ shape: [null, 2, 3] }), [-1, 6])), K.intShape(K.reshape(K.constant([[1, 2], [3, 4]]), [-1]))],
        expected: () => [
          [null, 6],
          [4],
        ],
      },
      { name: 'values follow row-major order', inputs: [fl([[1, 2, 3], [4, 5, 6]], { placeholderShape: [2, 3] })], run: (K, x) => K.reshape(x, [3, 2]), expected: () => [[1, 2], [3, 4], [5, 6]] },
    ],
    errorCases: [
      {
        name: 'element count differs',
        run: (K) => K.reshape(K.constant([[1, 2, 3], [4, 5, 6]]), [4, 4]),
        error: 'KerasShapeError',
        message: /reshape: .*\[4, 4\]/,
      },
      { name: 'two -1', run: (K) => K.reshape(K.constant([1, 2, 3, 4]), [-1, -1]), error: 'KerasValueError', message: /reshape: argument 'shape'/ },
      { name: 'a dim below -1', run: (K) => K.reshape(K.constant([1, 2]), [-2]), error: 'KerasValueError', message: /reshape: argument 'shape'/ },
      { name: 'not an array', run: (K) => K.reshape(K.constant([1, 2]), bad(2)), error: 'KerasValueError', message: /reshape: argument 'shape'/ },
      { name: '-1 that cannot divide', run: (K) => K.reshape(K.constant([1, 2, 3]), [2, -1]), error: 'KerasShapeError', message: /reshape: .*\[2, -1\]/ },
    ],
  }),
];
