/**
 * Cases of the `shape` group: reshaping, permuting, flattening, adding and
 * removing axes, concatenating and stacking, repeating and tiling, resizing,
 * padding, one-hot, reverse, arange and pattern_broadcast.
 */
import type { KTensor } from '../../src';
import { defineSpec, ErrorCase, FunctionSpec, KApi, UncheckedKApi, unchecked } from '../case';
import { concatenate, reshape, roundedUniform, storeAs, toNested, transpose, withDtype } from '../oracle';
import { arange, batchFlatten, expandDims, flatten, oneHot, pad, repeatElements, resizeBilinear, reverse, squeeze, stack, tile, upsample } from '../oracle/shape';
import { notATensor as notATensorMessage } from './messages';
import { bad, bl, df, fl, i32, M23, T234, withFormat } from './helpers';

const A22 = toNested(roundedUniform([2, 2], 'A22'));
const A13 = toNested(roundedUniform([1, 3], 'A13'));
const A2_13 = toNested(roundedUniform([2, 1, 4], 'A214'));

/** Small fixed inputs. */
const A1232 = toNested(roundedUniform([1, 2, 3, 2], 'A1232'));

const A2123 = toNested(roundedUniform([2, 1, 2, 3], 'A2123'));

const A12121 = toNested(roundedUniform([1, 2, 1, 2, 1], 'A12121'));

const A11222 = toNested(roundedUniform([1, 1, 2, 2, 2], 'A11222'));

const A2212 = toNested(roundedUniform([2, 2, 1, 2], 'A2212'));

const A213 = toNested(roundedUniform([2, 1, 3], 'A213'));

const A232 = toNested(roundedUniform([2, 3, 2], 'A232'));

const I23 = [
  [1, -2, 3],
  [4, 5, -6],
];

const B23 = [
  [true, false, true],
  [false, false, true],
];

const c = (K: KApi): KTensor => K.constant(M23);

const c3 = (K: KApi): KTensor => K.constant(T234);

function notATensor(fn: string, call: (K: UncheckedKApi, x: unknown) => unknown): ErrorCase {
  return { name: 'a string tensor', run: (K) => call(unchecked(K), 'abc'), error: 'KerasTypeError', message: notATensorMessage(fn, 'x', 'string') };
}

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
      { name: 'an empty list', run: (K) => K.concatenate([]), error: 'KerasValueError', message: "concatenate: argument 'tensors' must be a non-empty array of tensors, got []" },
      { name: 'not a list', run: (K) => K.concatenate(bad(K.constant([1]))), error: 'KerasValueError', message: "concatenate: argument 'tensors' must be a non-empty array of tensors, got a KTensor of shape [1] and dtype float32" },
      {
        name: 'dims differ outside the axis',
        run: (K) => K.concatenate([K.constant([[1, 2]]), K.constant([[1], [2]])], 0),
        error: 'KerasShapeError',
        message: "concatenate: argument 'tensors[1]' has shape [2, 1], which does not match the shape [1, 2] of 'tensors[0]' outside axis 0",
      },
      {
        name: 'ranks differ',
        run: (K) => K.concatenate([K.constant([[1, 2]]), K.constant([1, 2])]),
        error: 'KerasShapeError',
        message: "concatenate: argument 'tensors[1]' must have the rank of 'tensors[0]' (2), got shape [2]",
      },
      {
        name: 'dtypes differ',
        run: (K) => K.concatenate([K.constant([1]), K.constant([1], { dtype: 'int32' })]),
        error: 'KerasTypeError',
        message: "concatenate: argument 'tensors[1]' must have the dtype of 'tensors[0]' (float32), got int32 (use K.cast)",
      },
      { name: 'axis out of range', run: (K) => K.concatenate([K.constant([1]), K.constant([2])], 1), error: 'KerasValueError', message: "concatenate: argument 'axis' is 1, out of range for a tensor of rank 1 (expected -1 to 0)" },
      { name: 'scalars', run: (K) => K.concatenate([K.constant(1), K.constant(2)]), error: 'KerasValueError', message: "concatenate: argument 'tensors[0]' is a scalar (rank 0), which cannot be concatenated" },
      { name: 'a non-tensor item', run: (K) => K.concatenate([K.constant([1]), bad('abc')]), error: 'KerasTypeError', message: "concatenate: argument 'tensors[1]' must be a tensor or a tensor-like value, got string" },
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
        message: "reshape: argument 'shape' [4, 4] does not fit argument 'x' (shape [2, 3], 6 elements)",
      },
      { name: 'two -1', run: (K) => K.reshape(K.constant([1, 2, 3, 4]), [-1, -1]), error: 'KerasValueError', message: "reshape: argument 'shape' may have at most one -1, got [-1,-1]" },
      { name: 'a dim below -1', run: (K) => K.reshape(K.constant([1, 2]), [-2]), error: 'KerasValueError', message: "reshape: argument 'shape' must be an array of non-negative integers and at most one -1, got [-2]" },
      { name: 'not an array', run: (K) => K.reshape(K.constant([1, 2]), bad(2)), error: 'KerasValueError', message: "reshape: argument 'shape' must be an array of non-negative integers and at most one -1, got 2" },
      { name: '-1 that cannot divide', run: (K) => K.reshape(K.constant([1, 2, 3]), [2, -1]), error: 'KerasShapeError', message: "reshape: argument 'shape' [2, -1] does not fit argument 'x' (shape [3], 3 elements)" },
      {
        // the element count is known only when the values are fed: checked by the library before the engine runs
        name: 'element count differs at run time',
        run: (K) => {
          const p = K.placeholder({ shape: [null, 3] });
          return K.function([p], [K.reshape(p, [4, 4])])([[[1, 2, 3], [4, 5, 6]]]);
        },
        error: 'KerasShapeError',
        message: 'function: at run time, reshape: cannot reshape [2, 3] (6 elements) to [4, 4] (16 elements)',
      },
      {
        name: '-1 that cannot divide at run time',
        run: (K) => {
          const p = K.placeholder({ shape: [null] });
          return K.function([p], [K.reshape(p, [2, -1])])([[1, 2, 3]]);
        },
        error: 'KerasShapeError',
        message: 'function: at run time, reshape: cannot reshape [3] (3 elements) to [2, -1]: 3 is not a multiple of 2',
      },
    ],
  }),
  defineSpec({
    kerasName: 'permute_dimensions',
    cases: [
      { name: 'matrix [1, 0]', inputs: [df(M23)], run: (K, x) => K.permuteDimensions(x, [1, 0]), expected: (x) => transpose(x, [1, 0]), grad: true },
      { name: 'rank 3 [0, 2, 1]', inputs: [df(T234)], run: (K, x) => K.permuteDimensions(x, [0, 2, 1]), expected: (x) => transpose(x, [0, 2, 1]), grad: true },
      { name: 'rank 3 [2, 0, 1]', inputs: [df(T234)], run: (K, x) => K.permuteDimensions(x, [2, 0, 1]), expected: (x) => transpose(x, [2, 0, 1]), grad: true },
      { name: 'the identity pattern', inputs: [df(T234)], run: (K, x) => K.permuteDimensions(x, [0, 1, 2]), expected: (x) => x, grad: true },
      {
        name: 'two unknown dims',
        inputs: [df(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.permuteDimensions(x, [1, 2, 0]),
        expected: (x) => transpose(x, [1, 2, 0]),
        grad: true,
      },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.permuteDimensions(x, [1, 0]), expected: (x) => transpose(x, [1, 0]) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.permuteDimensions(x, [1, 0]), expected: (x) => transpose(x, [1, 0]) },
      {
        name: 'static shape',
        modes: ['eager'],
        run: (K) => K.intShape(K.permuteDimensions(K.placeholder({ shape: [null, 2, 3] }), [2, 0, 1])),
        expected: () => [3, null, 2],
      },
    ],
    errorCases: [
      { name: 'too short', run: (K) => K.permuteDimensions(c3(K), [0, 1]), error: 'KerasValueError', message: "permuteDimensions: argument 'pattern' must be a permutation of 0 .. 2 (the axes of 'x', shape [2, 3, 4]), got [0,1]" },
      { name: 'a repeated axis', run: (K) => K.permuteDimensions(c3(K), [0, 1, 1]), error: 'KerasValueError', message: "permuteDimensions: argument 'pattern' must be a permutation of 0 .. 2 (the axes of 'x', shape [2, 3, 4]), got [0,1,1]" },
      { name: 'out of range', run: (K) => K.permuteDimensions(c(K), [0, 2]), error: 'KerasValueError', message: "permuteDimensions: argument 'pattern' must be a permutation of 0 .. 1 (the axes of 'x', shape [2, 3]), got [0,2]" },
      { name: 'a negative axis', run: (K) => K.permuteDimensions(c(K), [-1, 0]), error: 'KerasValueError', message: "permuteDimensions: argument 'pattern' must be a permutation of 0 .. 1 (the axes of 'x', shape [2, 3]), got [-1,0]" },
      { name: 'not an array', run: (K) => K.permuteDimensions(c(K), bad(1)), error: 'KerasValueError', message: "permuteDimensions: argument 'pattern' must be a permutation of 0 .. 1 (the axes of 'x', shape [2, 3]), got 1" },
      notATensor('permuteDimensions', (K, x) => K.permuteDimensions(x, [0])),
    ],
  }),
  defineSpec({
    kerasName: 'repeat_elements',
    cases: [
      { name: 'a vector (the Keras example)', inputs: [i32([1, 2, 3])], run: (K, x) => K.repeatElements(x, 2, 0), expected: () => [1, 1, 2, 2, 3, 3] },
      // found by the fuzzer: along the unknown axis of an empty tensor, a reshape's -1 has no value
      {
        name: 'an empty tensor along its unknown axis, and its gradient',
        inputs: [fl([[], [], []], { kind: 'lazy', placeholderShape: [null, 0] })],
        run: (K, x) => [K.repeatElements(x, 2, 0), K.gradients(K.sum(K.repeatElements(x, 2, 0)), [x])[0] as KTensor],
        expected() {
          return [{ data: [], shape: [6, 0], dtype: this.floatx }, { data: [], shape: [3, 0], dtype: this.floatx }];
        },
      },
      { name: 'axis 1 (known)', inputs: [df(T234)], run: (K, x) => K.repeatElements(x, 2, 1), expected: (x) => repeatElements(x, 2, 1), grad: true },
      { name: 'axis -1', inputs: [df(M23)], run: (K, x) => K.repeatElements(x, 3, -1), expected: (x) => repeatElements(x, 3, -1), grad: true },
      { name: 'axis 0 (the unknown batch dim)', inputs: [df(T234)], run: (K, x) => K.repeatElements(x, 3, 0), expected: (x) => repeatElements(x, 3, 0), grad: true },
      {
        name: 'a known axis with two unknown dims',
        inputs: [df(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.repeatElements(x, 2, 2),
        expected: (x) => repeatElements(x, 2, 2),
        grad: true,
      },
      {
        name: 'an unknown axis with another unknown dim (values)',
        inputs: [fl(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.repeatElements(x, 2, 1),
        expected: (x) => repeatElements(x, 2, 1),
      },
      { name: 'rep 1', inputs: [df(M23)], run: (K, x) => K.repeatElements(x, 1, 1), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.repeatElements(x, 2, 0), expected: (x) => repeatElements(x, 2, 0) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.repeatElements(x, 2, 1), expected: (x) => repeatElements(x, 2, 1) },
      {
        name: 'static shapes',
        modes: ['eager'],
        run: (K) => [
          K.intShape(K.repeatElements(K.placeholder({ shape: [null, 3] }), 2, 1)),
          K.intShape(K.repeatElements(K.placeholder({ shape: [null, 3] }), 2, 0)),
          K.intShape(K.repeatElements(K.placeholder({ shape: [null, null, 3] }), 2, 0)),
        ],
        expected: () => [
          [null, 6],
          [null, 3],
          [null, null, 3],
        ],
      },
    ],
    errorCases: [
      { name: 'rep 0', run: (K) => K.repeatElements(c(K), 0, 1), error: 'KerasValueError', message: "repeatElements: argument 'rep' must be an integer >= 1, got 0" },
      { name: 'a fractional rep', run: (K) => K.repeatElements(c(K), 1.5, 1), error: 'KerasValueError', message: "repeatElements: argument 'rep' must be an integer, got 1.5" },
      { name: 'axis out of range', run: (K) => K.repeatElements(c(K), 2, 2), error: 'KerasValueError', message: "repeatElements: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
      { name: 'a scalar', run: (K) => K.repeatElements(K.constant(1), 2, 0), error: 'KerasValueError', message: "repeatElements: argument 'x' must have rank >= 1, got a scalar" },
      notATensor('repeatElements', (K, x) => K.repeatElements(x, 2, 0)),
    ],
  }),
  defineSpec({
    kerasName: 'resize_images',
    cases: [
      {
        name: 'channels_last, factors 2 and 3',
        inputs: [df(A1232)],
        run: (K, x) => K.resizeImages(x, 2, 3, 'channels_last'),
        expected: (x) => upsample(x, [1, 2, 3, 1]),
        grad: true,
      },
      {
        name: 'channels_first, factors 3 and 2',
        inputs: [df(A2123)],
        run: (K, x) => K.resizeImages(x, 3, 2, 'channels_first'),
        expected: (x) => upsample(x, [1, 1, 3, 2]),
        grad: true,
      },
      {
        name: 'dataFormat null follows imageDataFormat (channels_first)',
        inputs: [df(A2123)],
        run: (K, x) => withFormat(K, 'channels_first', () => K.resizeImages(x, 2, 1, null)),
        expected: (x) => upsample(x, [1, 1, 2, 1]),
        grad: true,
      },
      {
        name: "interpolation 'nearest'",
        inputs: [df(A1232)],
        run: (K, x) => K.resizeImages(x, 1, 2, 'channels_last', 'nearest'),
        expected: (x) => upsample(x, [1, 1, 2, 1]),
        grad: true,
      },
      { name: 'factors 1 and 1', inputs: [df(A1232)], run: (K, x) => K.resizeImages(x, 1, 1, 'channels_last'), expected: (x) => x, grad: true },
      {
        name: 'unknown height and width (values)',
        inputs: [fl(A1232, { placeholderShape: [null, null, null, 2] })],
        run: (K, x) => K.resizeImages(x, 2, 2, 'channels_last'),
        expected: (x) => upsample(x, [1, 2, 2, 1]),
      },
      {
        name: 'int32',
        inputs: [i32([[[[1], [2]], [[3], [4]]]])],
        run: (K, x) => K.resizeImages(x, 2, 2, 'channels_last'),
        expected: (x) => upsample(x, [1, 2, 2, 1]),
      },
      {
        name: 'bool, channels_first',
        inputs: [bl([[[[true, false], [false, true]]]])],
        run: (K, x) => K.resizeImages(x, 1, 2, 'channels_first'),
        expected: (x) => upsample(x, [1, 1, 1, 2]),
      },
      {
        name: 'static shape',
        modes: ['eager'],
        run: (K) => K.intShape(K.resizeImages(K.placeholder({ shape: [null, 4, 5, 3] }), 2, 3, 'channels_last')),
        expected: () => [null, 8, 15, 3],
      },
      // 'bilinear' (Keras 2.3.1: TensorFlow's resize_bilinear, align_corners and half_pixel_centers false)
      {
        // TensorFlow's own test data for its v1 BILINEAR resize with align_corners false (3x2 to 6x4)
        name: "bilinear: TensorFlow's legacy test data, 3x2 to 6x4",
        inputs: [df([[[[64], [32]], [[32], [64]], [[50], [100]]]])],
        run: (K, x) => K.resizeImages(x, 2, 2, 'channels_last', 'bilinear'),
        expected: () => [[[[64], [48], [32], [32]], [[48], [48], [48], [48]], [[32], [48], [64], [64]], [[41], [61.5], [82], [82]], [[50], [75], [100], [100]], [[50], [75], [100], [100]]]],
      },
      {
        // rows read 0, 0.5, 1, 1.5 (clamped to 1); columns the same
        name: 'bilinear by hand: [[1, 2], [3, 4]] by 2 and 2',
        inputs: [df([[[[1], [2]], [[3], [4]]]])],
        run: (K, x) => K.resizeImages(x, 2, 2, 'channels_last', 'bilinear'),
        expected: () => [[[[1], [1.5], [2], [2]], [[2], [2.5], [3], [3]], [[3], [3.5], [4], [4]], [[3], [3.5], [4], [4]]]],
      },
      {
        // columns read 0, 1/3, 2/3, 1, 4/3, 5/3: [1, 2, 3, 4, 4, 4]
        name: 'bilinear by hand: [1, 4] by 1 and 3, channels_first',
        inputs: [df([[[[1, 4]]]])],
        run: (K, x) => K.resizeImages(x, 1, 3, 'channels_first', 'bilinear'),
        expected: () => [[[[1, 2, 3, 4, 4, 4]]]],
      },
      {
        // TensorFlow's x0 + (x1 - x0) f: Inf + (0 - Inf) * 0 is NaN (ORT's Resize gave Inf)
        name: 'bilinear by hand: an infinite cell makes NaN where it is blended',
        inputs: [fl([[[[Infinity], [0], [0]]]])],
        run: (K, x) => K.resizeImages(x, 1, 2, 'channels_last', 'bilinear'),
        expected: () => [[[[NaN], [NaN], [0], [0], [0], [0]]]],
      },
      {
        // TensorFlow blends both axes even with a factor of 1 (f = 0): the -Infinity row becomes
        // NaN (-Inf + (-Inf - -Inf) * 0), and rows 0 and 1 blend with it (1 + (NaN - 1) * 0)
        name: 'bilinear by hand: a factor of 1 still blends an infinite cell',
        inputs: [fl([[[[1]], [[-Infinity]], [[0]]]])],
        run: (K, x) => K.resizeImages(x, 2, 1, 'channels_last', 'bilinear'),
        expected: () => [[[[NaN]], [[NaN]], [[NaN]], [[NaN]], [[0]], [[0]]]],
      },
      {
        name: 'bilinear, channels_last, factors 2 and 3',
        inputs: [df(A1232)],
        run: (K, x) => K.resizeImages(x, 2, 3, 'channels_last', 'bilinear'),
        expected: (x) => resizeBilinear(x, 4, 9),
        grad: true,
      },
      {
        name: 'bilinear, channels_first, factors 3 and 2, unknown batch',
        inputs: [df(A2123, { placeholderShape: [null, 1, 2, 3] })],
        run: (K, x) => K.resizeImages(x, 3, 2, 'channels_first', 'bilinear'),
        expected: (x) => transpose(resizeBilinear(transpose(x, [0, 2, 3, 1]), 6, 6), [0, 3, 1, 2]),
        grad: true,
      },
    ],
    errorCases: [
      { name: 'a 3D tensor', run: (K) => K.resizeImages(c3(K), 2, 2, 'channels_last'), error: 'KerasValueError', message: "resizeImages: argument 'x' must be a 4D tensor, got shape [2, 3, 4]" },
      { name: 'bilinear on int32', run: (K) => K.resizeImages(K.zeros([1, 2, 2, 1], 'int32'), 2, 2, 'channels_last', 'bilinear'), error: 'KerasTypeError', message: "resizeImages: argument 'x' must be a float tensor for 'bilinear' interpolation, got dtype int32" },
      {
        name: 'bilinear with an unknown height',
        run: (K) => K.resizeImages(K.placeholder({ shape: [1, null, 2, 1] }), 2, 2, 'channels_last', 'bilinear'),
        error: 'KerasValueError',
        message: /^resizeImages: argument 'x' \(shape \[1, None, 2, 1\], channels_last\) must have a known height and width for 'bilinear' interpolation$/,
      },
      { name: 'heightFactor 0', run: (K) => K.resizeImages(K.zeros([1, 2, 2, 1]), 0, 2, 'channels_last'), error: 'KerasValueError', message: "resizeImages: argument 'heightFactor' must be an integer >= 1, got 0" },
      { name: 'a fractional widthFactor', run: (K) => K.resizeImages(K.zeros([1, 2, 2, 1]), 2, 1.5, 'channels_last'), error: 'KerasValueError', message: "resizeImages: argument 'widthFactor' must be an integer, got 1.5" },
      { name: 'a bad dataFormat', run: (K) => K.resizeImages(K.zeros([1, 2, 2, 1]), 2, 2, bad('nhwc')), error: 'KerasValueError', message: `resizeImages: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "nhwc"` },
      { name: 'an unknown interpolation', run: (K) => K.resizeImages(K.zeros([1, 2, 2, 1]), 2, 2, 'channels_last', bad('cubic')), error: 'KerasValueError', message: `resizeImages: argument 'interpolation' must be 'nearest' or 'bilinear', got "cubic"` },
      notATensor('resizeImages', (K, x) => K.resizeImages(x, 2, 2, 'channels_last')),
    ],
  }),
  defineSpec({
    kerasName: 'resize_volumes',
    cases: [
      {
        name: 'channels_last, factors 2, 1, 3',
        inputs: [df(A12121)],
        run: (K, x) => K.resizeVolumes(x, 2, 1, 3, 'channels_last'),
        expected: (x) => upsample(x, [1, 2, 1, 3, 1]),
        grad: true,
      },
      {
        name: 'channels_first, factors 1, 2, 2',
        inputs: [df(A11222)],
        run: (K, x) => K.resizeVolumes(x, 1, 2, 2, 'channels_first'),
        expected: (x) => upsample(x, [1, 1, 1, 2, 2]),
        grad: true,
      },
      {
        name: 'dataFormat null follows imageDataFormat (channels_last)',
        inputs: [df(A12121)],
        run: (K, x) => withFormat(K, 'channels_last', () => K.resizeVolumes(x, 1, 2, 1, null)),
        expected: (x) => upsample(x, [1, 1, 2, 1, 1]),
        grad: true,
      },
      {
        name: 'int32',
        inputs: [i32([[[[[1, 2]], [[3, 4]]]]])],
        run: (K, x) => K.resizeVolumes(x, 1, 2, 2, 'channels_last'),
        expected: (x) => upsample(x, [1, 1, 2, 2, 1]),
      },
      {
        name: 'unknown spatial dims (values)',
        inputs: [fl(A12121, { placeholderShape: [null, null, 1, null, 1] })],
        run: (K, x) => K.resizeVolumes(x, 2, 2, 2, 'channels_last'),
        expected: (x) => upsample(x, [1, 2, 2, 2, 1]),
      },
    ],
    errorCases: [
      { name: 'a 4D tensor', run: (K) => K.resizeVolumes(K.zeros([1, 2, 2, 1]), 2, 2, 2, 'channels_last'), error: 'KerasValueError', message: "resizeVolumes: argument 'x' must be a 5D tensor, got shape [1, 2, 2, 1]" },
      { name: 'depthFactor 0', run: (K) => K.resizeVolumes(K.zeros([1, 1, 2, 2, 1]), 0, 2, 2, 'channels_last'), error: 'KerasValueError', message: "resizeVolumes: argument 'depthFactor' must be an integer >= 1, got 0" },
      { name: 'widthFactor -1', run: (K) => K.resizeVolumes(K.zeros([1, 1, 2, 2, 1]), 1, 2, -1, 'channels_last'), error: 'KerasValueError', message: "resizeVolumes: argument 'widthFactor' must be an integer >= 1, got -1" },
      { name: 'a bad dataFormat', run: (K) => K.resizeVolumes(K.zeros([1, 1, 2, 2, 1]), 1, 1, 1, bad('ndhwc')), error: 'KerasValueError', message: `resizeVolumes: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "ndhwc"` },
      notATensor('resizeVolumes', (K, x) => K.resizeVolumes(x, 1, 1, 1, 'channels_last')),
    ],
  }),
  defineSpec({
    kerasName: 'repeat',
    cases: [
      { name: 'n 3', inputs: [df(M23)], run: (K, x) => K.repeat(x, 3), expected: (x) => tile(expandDims(x, 1), [1, 3, 1]), grad: true },
      { name: 'n 1', inputs: [df(M23)], run: (K, x) => K.repeat(x, 1), expected: (x) => expandDims(x, 1), grad: true },
      {
        name: 'both dims unknown',
        inputs: [df(M23, { placeholderShape: [null, null] })],
        run: (K, x) => K.repeat(x, 2),
        expected: (x) => tile(expandDims(x, 1), [1, 2, 1]),
        grad: true,
      },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.repeat(x, 2), expected: (x) => tile(expandDims(x, 1), [1, 2, 1]) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.repeat(x, 2), expected: (x) => tile(expandDims(x, 1), [1, 2, 1]) },
      { name: 'n 0', modes: ['eager'], outDtype: 'float', run: (K) => K.repeat(K.constant(M23), 0), expected: () => ({ data: [], shape: [2, 0, 3] }) },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.repeat(K.placeholder({ shape: [null, 3] }), 4)), expected: () => [null, 4, 3] },
    ],
    errorCases: [
      { name: 'a 3D tensor', run: (K) => K.repeat(c3(K), 2), error: 'KerasValueError', message: "repeat: argument 'x' must be a 2D tensor, got shape [2, 3, 4]" },
      { name: 'a vector', run: (K) => K.repeat(K.constant([1, 2]), 2), error: 'KerasValueError', message: "repeat: argument 'x' must be a 2D tensor, got shape [2]" },
      { name: 'n -1', run: (K) => K.repeat(c(K), -1), error: 'KerasValueError', message: "repeat: argument 'n' must be an integer >= 0, got -1" },
      { name: 'a fractional n', run: (K) => K.repeat(c(K), 2.5), error: 'KerasValueError', message: "repeat: argument 'n' must be an integer, got 2.5" },
      notATensor('repeat', (K, x) => K.repeat(x, 2)),
    ],
  }),
  defineSpec({
    kerasName: 'arange',
    cases: [
      { name: 'one argument is the stop', outDtype: 'int32', run: (K) => K.arange(5), expected: () => arange(5) },
      { name: 'start, stop, step', outDtype: 'int32', run: (K) => K.arange(2, { stop: 9, step: 3 }), expected: () => arange(2, 9, 3) },
      { name: 'a negative step', outDtype: 'int32', run: (K) => K.arange(5, { stop: 1, step: -1 }), expected: () => arange(5, 1, -1) },
      { name: 'a negative single argument is empty', outDtype: 'int32', run: (K) => K.arange(-3), expected: () => ({ data: [], shape: [0] }) },
      { name: 'start equal to stop is empty', outDtype: 'int32', run: (K) => K.arange(2, { stop: 2 }), expected: () => ({ data: [], shape: [0] }) },
      {
        name: 'float dtype and step',
        outDtype: 'float',
        run(K) {
          return K.arange(-1, { stop: 1, step: 0.25, dtype: this.floatx });
        },
        expected: () => arange(-1, 1, 0.25),
      },
      {
        name: 'a fractional single argument, float dtype',
        outDtype: 'float',
        run(K) {
          return K.arange(2.5, { stop: null, dtype: this.floatx });
        },
        expected: () => [0, 1, 2],
      },
      {
        name: 'fractional values truncated toward zero for int32',
        outDtype: 'int32',
        run: (K) => K.arange(-1, { stop: 1.5, step: 0.5 }),
        expected: () => storeAs(arange(-1, 1.5, 0.5), 'int32'),
      },
      { name: 'a negative fractional step', outDtype: 'float32', run: (K) => K.arange(1, { stop: -0.5, step: -0.5, dtype: 'float32' }), expected: () => withDtype(arange(1, -0.5, -0.5), 'float32') },
      { name: 'bool dtype', outDtype: 'bool', run: (K) => K.arange(3, { dtype: 'bool' }), expected: () => withDtype(storeAs(arange(3), 'bool'), 'bool') },
      { name: 'static shape and dtype', modes: ['eager'], run: (K) => [K.intShape(K.arange(1, { stop: 10, step: 2 })), K.dtype(K.arange(4))], expected: () => [[5], 'int32'] },
      // Keras 2.3.1 takes scalar tensors (its test: arange(constant(1)) has length 1, a start of -1 gives [])
      { name: 'a scalar int32 tensor start', modes: ['eager'], outDtype: 'int32', run: (K) => K.arange(K.constant(1, { dtype: 'int32' })), expected: () => [0] },
      { name: 'a scalar tensor start of -1 is empty', modes: ['eager'], outDtype: 'int32', run: (K) => K.arange(K.constant(-1, { dtype: 'int32' })), expected: () => ({ data: [], shape: [0] }) },
      {
        name: 'tensors for start, stop and step (a computed one included)',
        modes: ['eager'],
        outDtype: 'int32',
        run: (K) => K.arange(K.constant(2), { stop: K.sum(K.constant([4, 5])), step: K.variable(3, { dtype: 'int32' }) }),
        expected: () => arange(2, 9, 3),
      },
    ],
    errorCases: [
      { name: 'step 0', run: (K) => K.arange(0, { stop: 5, step: 0 }), error: 'KerasValueError', message: "arange: argument 'step' must not be 0" },
      { name: 'a step away from stop', run: (K) => K.arange(5, { stop: 2 }), error: 'KerasValueError', message: "arange: argument 'step' (1) goes away from 'stop': start 5 > stop 2 (as TensorFlow's range)" },
      { name: 'a negative step away from stop', run: (K) => K.arange(0, { stop: 3, step: -1 }), error: 'KerasValueError', message: "arange: argument 'step' (-1) goes away from 'stop': start 0 < stop 3 (as TensorFlow's range)" },
      { name: 'start NaN', run: (K) => K.arange(NaN), error: 'KerasValueError', message: "arange: argument 'start' must be a finite number, got NaN" },
      { name: 'stop a string', run: (K) => K.arange(0, { stop: bad('5') }), error: 'KerasValueError', message: `arange: argument 'stop' must be a finite number, got "5"` },
      { name: 'a bad dtype', run: (K) => K.arange(0, { stop: 5, dtype: bad('int4') }), error: 'KerasTypeError', message: `arange: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "int4"` },
      { name: 'a number for the options', run: (K) => K.arange(0, bad(5)), error: 'KerasValueError', message: "arange: argument 'options' must be an object {stop, step, dtype}, got 5" },
      { name: 'an unknown option', run: (K) => K.arange(0, bad({ end: 5 })), error: 'KerasValueError', message: "arange: argument 'options' has an unknown key 'end' (expected stop, step, dtype)" },
      { name: 'a tensor start that is not a scalar', run: (K) => K.arange(K.constant([3])), error: 'KerasValueError', message: "arange: argument 'start' must be a number or a scalar tensor, got a KTensor of shape [1] and dtype float32" },
      { name: 'a stop that depends on a placeholder', run: (K) => K.arange(0, { stop: K.sum(K.placeholder({ shape: [2] })) }), error: 'KerasValueError', message: "arange: argument 'stop' must have a value now, but it depends on a placeholder (the size of the result depends on its values, which static shapes cannot express: compute it first, e.g. with K.function, and pass the values)" },
      { name: 'a NaN tensor step', run: (K) => K.arange(0, { stop: 3, step: K.constant(NaN) }), error: 'KerasValueError', message: "arange: argument 'step' must be a finite number, got NaN" },
    ],
  }),
  defineSpec({
    kerasName: 'tile',
    cases: [
      { name: 'matrix [2, 3]', inputs: [df(M23)], run: (K, x) => K.tile(x, [2, 3]), expected: (x) => tile(x, [2, 3]), grad: true },
      { name: 'matrix [1, 2]', inputs: [df(M23)], run: (K, x) => K.tile(x, [1, 2]), expected: (x) => tile(x, [1, 2]), grad: true },
      { name: 'rank 3 [2, 1, 2]', inputs: [df(T234)], run: (K, x) => K.tile(x, [2, 1, 2]), expected: (x) => tile(x, [2, 1, 2]), grad: true },
      {
        name: 'static shapes (the tile primitive)',
        inputs: [df(M23, { placeholderShape: [2, 3] })],
        run: (K, x) => K.tile(x, [3, 2]),
        expected: (x) => tile(x, [3, 2]),
        grad: true,
      },
      { name: 'an int for a vector', inputs: [df([1.5, -2, 3])], run: (K, x) => K.tile(x, 3), expected: (x) => tile(x, [3]), grad: true },
      { name: 'all ones', inputs: [df(M23)], run: (K, x) => K.tile(x, [1, 1]), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.tile(x, [2, 2]), expected: (x) => tile(x, [2, 2]) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.tile(x, [1, 2]), expected: (x) => tile(x, [1, 2]) },
      { name: 'a rep of 0', modes: ['eager'], outDtype: 'float', run: (K) => K.tile(K.constant(M23), [0, 1]), expected: () => ({ data: [], shape: [0, 3] }) },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.tile(K.placeholder({ shape: [null, 3] }), [2, 2])), expected: () => [null, 6] },
      { name: 'an int for a matrix tiles the last axis (Keras 2.3.1, np.tile)', inputs: [df(M23)], run: (K, x) => K.tile(x, 2), expected: (x) => tile(x, [1, 2]), grad: true },
      { name: 'fewer reps than axes get leading 1s', inputs: [df(T234)], run: (K, x) => K.tile(x, [2, 3]), expected: (x) => tile(x, [1, 2, 3]), grad: true },
      { name: 'tile(variable (3, 4), 2) has shape (3, 8)', modes: ['eager'], run: (K) => K.intShape(K.tile(K.variable(K.zeros([3, 4])), 2)), expected: () => [3, 8] },
      { name: 'tile(placeholder (None, 4), 2) has shape (None, 8)', modes: ['eager'], run: (K) => K.intShape(K.tile(K.placeholder({ shape: [null, 4] }), 2)), expected: () => [null, 8] },
      { name: 'by hand: [[1, 2]] tiled 2', modes: ['eager'], run: (K) => K.tile(K.constant([[1, 2]]), 2), expected: () => [[1, 2, 1, 2]] },
    ],
    errorCases: [
      { name: 'too many reps', run: (K) => K.tile(c(K), [1, 2, 3]), error: 'KerasValueError', message: "tile: argument 'n' must have at most one entry per axis of 'x' (shape [2, 3], rank 2), got [1,2,3]" },
      { name: 'a negative rep', run: (K) => K.tile(c(K), [1, -2]), error: 'KerasValueError', message: "tile: argument 'n' must be a non-negative integer or a list of them, got [1,-2]" },
      { name: 'a fractional rep', run: (K) => K.tile(c(K), [1, 1.5]), error: 'KerasValueError', message: "tile: argument 'n' must be a non-negative integer or a list of them, got [1,1.5]" },
      notATensor('tile', (K, x) => K.tile(x, [1])),
    ],
  }),
  defineSpec({
    kerasName: 'flatten',
    cases: [
      { name: 'rank 3', inputs: [df(T234)], run: (K, x) => K.flatten(x), expected: (x) => flatten(x), grad: true },
      { name: 'two unknown dims (values)', inputs: [fl(M23, { placeholderShape: [null, null] })], run: (K, x) => K.flatten(x), expected: (x) => flatten(x) },
      { name: 'a vector', inputs: [df([1, 2, 3])], run: (K, x) => K.flatten(x), expected: (x) => x, grad: true },
      { name: 'a scalar', inputs: [df(2.5)], run: (K, x) => K.flatten(x), expected: (x) => flatten(x), grad: true },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.flatten(x), expected: (x) => flatten(x) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.flatten(x), expected: (x) => flatten(x) },
      { name: 'static shape', modes: ['eager'], run: (K) => [K.intShape(K.flatten(c3(K))), K.intShape(K.flatten(K.placeholder({ shape: [null, 3] })))], expected: () => [[24], [null]] },
    ],
    errorCases: [notATensor('flatten', (K, x) => K.flatten(x))],
  }),
  defineSpec({
    kerasName: 'batch_flatten',
    cases: [
      { name: 'rank 3', inputs: [df(T234)], run: (K, x) => K.batchFlatten(x), expected: (x) => batchFlatten(x), grad: true },
      { name: 'rank 4', inputs: [df(A2123)], run: (K, x) => K.batchFlatten(x), expected: (x) => batchFlatten(x), grad: true },
      { name: 'a matrix is unchanged', inputs: [df(M23)], run: (K, x) => K.batchFlatten(x), expected: (x) => x, grad: true },
      { name: 'a vector becomes a column', inputs: [df([1, 2, 3])], run: (K, x) => K.batchFlatten(x), expected: (x) => batchFlatten(x), grad: true },
      {
        name: 'a known batch with unknown dims after it (values)',
        inputs: [fl(T234, { placeholderShape: [2, null, null] })],
        run: (K, x) => K.batchFlatten(x),
        expected: (x) => batchFlatten(x),
      },
      // found by the fuzzer: a reshape to [-1, 0] cannot find the batch size of an empty tensor
      {
        name: 'an empty tensor with an unknown batch, and its gradient',
        inputs: [fl([[[], [], []], [[], [], []]], { kind: 'lazy', placeholderShape: [null, 3, 0] })],
        run: (K, x) => [K.batchFlatten(x), K.gradients(K.sum(K.batchFlatten(x)), [x])[0] as KTensor],
        expected() {
          return [{ data: [], shape: [2, 0], dtype: this.floatx }, { data: [], shape: [2, 3, 0], dtype: this.floatx }];
        },
      },
      { name: 'int32', inputs: [i32([[[1, 2]], [[3, 4]]])], run: (K, x) => K.batchFlatten(x), expected: (x) => batchFlatten(x) },
      { name: 'bool', inputs: [bl([[[true, false]], [[false, true]]])], run: (K, x) => K.batchFlatten(x), expected: (x) => batchFlatten(x) },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.batchFlatten(K.placeholder({ shape: [null, 3, 4] }))), expected: () => [null, 12] },
    ],
    errorCases: [
      {
        name: 'unknown batch and another unknown dim',
        run: (K) => K.batchFlatten(K.placeholder({ shape: [null, null, 3] })),
        error: 'KerasValueError',
        message: "batchFlatten: argument 'x' has shape [None, None, 3]: the batch dimension and another one are both unknown, which batchFlatten cannot reshape yet",
      },
      notATensor('batchFlatten', (K, x) => K.batchFlatten(x)),
    ],
  }),
  defineSpec({
    kerasName: 'expand_dims',
    cases: [
      { name: 'default axis -1', inputs: [df(M23)], run: (K, x) => K.expandDims(x), expected: (x) => expandDims(x), grad: true },
      // found by the fuzzer: an empty tensor with an unknown dim went through a reshape's -1,
      // which a size of 0 leaves ambiguous (graph mode failed); its gradient likewise
      {
        name: 'an empty tensor with an unknown dim, and its gradient',
        inputs: [fl([[]], { kind: 'lazy', placeholderShape: [null, 0] })],
        run: (K, x) => [K.expandDims(x, -1), K.gradients(K.sum(K.expandDims(x, -1)), [x])[0] as KTensor],
        expected() {
          return [{ data: [], shape: [1, 0, 1], dtype: this.floatx }, { data: [], shape: [1, 0], dtype: this.floatx }];
        },
      },
      { name: 'axis 0', inputs: [df(M23)], run: (K, x) => K.expandDims(x, 0), expected: (x) => expandDims(x, 0), grad: true },
      { name: 'axis 1', inputs: [df(M23)], run: (K, x) => K.expandDims(x, 1), expected: (x) => expandDims(x, 1), grad: true },
      { name: 'axis -3 (the front)', inputs: [df(M23)], run: (K, x) => K.expandDims(x, -3), expected: (x) => expandDims(x, 0), grad: true },
      { name: 'a scalar', inputs: [df(1.5)], run: (K, x) => K.expandDims(x), expected: (x) => expandDims(x), grad: true },
      {
        name: 'every dim unknown, axis -1',
        inputs: [df(M23, { placeholderShape: [null, null] })],
        run: (K, x) => K.expandDims(x),
        expected: (x) => expandDims(x),
        grad: true,
      },
      {
        name: 'every dim unknown, axis 1',
        inputs: [df(T234, { placeholderShape: [null, null, null] })],
        run: (K, x) => K.expandDims(x, 1),
        expected: (x) => expandDims(x, 1),
        grad: true,
      },
      {
        name: 'two unknown dims and a known one, axis 1',
        inputs: [df(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.expandDims(x, 1),
        expected: (x) => expandDims(x, 1),
        grad: true,
      },
      {
        name: 'two unknown dims and a known one, axis -1',
        inputs: [df(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.expandDims(x, -1),
        expected: (x) => expandDims(x, -1),
        grad: true,
      },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.expandDims(x, 1), expected: (x) => expandDims(x, 1) },
      { name: 'bool, every dim unknown', inputs: [bl(B23, { placeholderShape: [null, null] })], run: (K, x) => K.expandDims(x, 0), expected: (x) => expandDims(x, 0) },
      { name: 'int32, every dim unknown', inputs: [i32(I23, { placeholderShape: [null, null] })], run: (K, x) => K.expandDims(x, 2), expected: (x) => expandDims(x, 2) },
      {
        name: 'static shapes',
        modes: ['eager'],
        run: (K) => [K.intShape(K.expandDims(K.placeholder({ shape: [null, 3] }), 1)), K.intShape(K.expandDims(K.placeholder({ shape: [null, null] })))],
        expected: () => [
          [null, 1, 3],
          [null, null, 1],
        ],
      },
    ],
    errorCases: [
      { name: 'axis 3 for a matrix', run: (K) => K.expandDims(c(K), 3), error: 'KerasValueError', message: "expandDims: argument 'axis' is 3, out of range for a tensor of rank 3 (expected -3 to 2)" },
      { name: 'axis -4 for a matrix', run: (K) => K.expandDims(c(K), -4), error: 'KerasValueError', message: "expandDims: argument 'axis' is -4, out of range for a tensor of rank 3 (expected -3 to 2)" },
      { name: 'a fractional axis', run: (K) => K.expandDims(c(K), 0.5), error: 'KerasValueError', message: "expandDims: argument 'axis' must be an integer, got 0.5" },
      notATensor('expandDims', (K, x) => K.expandDims(x)),
    ],
  }),
  defineSpec({
    kerasName: 'squeeze',
    cases: [
      { name: 'axis 1', inputs: [df(A213)], run: (K, x) => K.squeeze(x, 1), expected: (x) => squeeze(x, 1), grad: true },
      { name: 'axis -2', inputs: [df(A213)], run: (K, x) => K.squeeze(x, -2), expected: (x) => squeeze(x, 1), grad: true },
      { name: 'the unknown batch dim', inputs: [df([[1.5, -2, 3]])], run: (K, x) => K.squeeze(x, 0), expected: (x) => squeeze(x, 0), grad: true },
      {
        name: 'two unknown dims',
        inputs: [df(A213, { placeholderShape: [null, 1, null] })],
        run: (K, x) => K.squeeze(x, 1),
        expected: (x) => squeeze(x, 1),
        grad: true,
      },
      { name: 'to a scalar', inputs: [df([2.5])], run: (K, x) => K.squeeze(x, 0), expected: (x) => squeeze(x, 0), grad: true },
      { name: 'int32', inputs: [i32([[1], [2]])], run: (K, x) => K.squeeze(x, -1), expected: (x) => squeeze(x, -1) },
      { name: 'bool', inputs: [bl([[true, false]])], run: (K, x) => K.squeeze(x, 0), expected: (x) => squeeze(x, 0) },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.squeeze(K.placeholder({ shape: [null, 1, null] }), 1)), expected: () => [null, null] },
    ],
    errorCases: [
      { name: 'a dim that is not 1', run: (K) => K.squeeze(c(K), 1), error: 'KerasValueError', message: "squeeze: argument 'axis' (1) must name a dimension of length 1, but 'x' has shape [2, 3]" },
      { name: 'axis out of range', run: (K) => K.squeeze(c(K), 2), error: 'KerasValueError', message: "squeeze: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
      { name: 'a scalar', run: (K) => K.squeeze(K.constant(1), 0), error: 'KerasValueError', message: "squeeze: argument 'x' must have rank >= 1, got a scalar" },
      {
        name: 'an unknown dim among other unknown dims',
        run: (K) => K.squeeze(K.placeholder({ shape: [null, null, 3] }), 1),
        error: 'KerasValueError',
        message: "squeeze: argument 'axis' (1) is a dimension of unknown length in shape [None, None, 3], which has other unknown dimensions: its length cannot be checked to be 1 (give the placeholder a static shape there)",
      },
      notATensor('squeeze', (K, x) => K.squeeze(x, 0)),
    ],
  }),
  defineSpec({
    kerasName: 'temporal_padding',
    cases: [
      { name: 'default (1, 1)', inputs: [df(A232)], run: (K, x) => K.temporalPadding(x), expected: (x) => pad(x, [[0, 0], [1, 1], [0, 0]]), grad: true },
      { name: '(2, 0)', inputs: [df(A232)], run: (K, x) => K.temporalPadding(x, [2, 0]), expected: (x) => pad(x, [[0, 0], [2, 0], [0, 0]]), grad: true },
      { name: '(0, 3)', inputs: [df(A232)], run: (K, x) => K.temporalPadding(x, [0, 3]), expected: (x) => pad(x, [[0, 0], [0, 3], [0, 0]]), grad: true },
      {
        name: 'unknown steps, (1, 2)',
        inputs: [df(A232, { placeholderShape: [null, null, 2] })],
        run: (K, x) => K.temporalPadding(x, [1, 2]),
        expected: (x) => pad(x, [[0, 0], [1, 2], [0, 0]]),
        grad: true,
      },
      { name: '(0, 0)', inputs: [df(A232)], run: (K, x) => K.temporalPadding(x, [0, 0]), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32([[[1], [2]]])], run: (K, x) => K.temporalPadding(x), expected: (x) => pad(x, [[0, 0], [1, 1], [0, 0]]) },
      {
        name: 'bool, unknown steps',
        inputs: [bl([[[true], [true]]], { placeholderShape: [null, null, 1] })],
        run: (K, x) => K.temporalPadding(x, [1, 1]),
        expected: (x) => pad(x, [[0, 0], [1, 1], [0, 0]]),
      },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.temporalPadding(K.placeholder({ shape: [null, 5, 2] }), [1, 2])), expected: () => [null, 8, 2] },
    ],
    errorCases: [
      { name: 'a 2D tensor', run: (K) => K.temporalPadding(c(K)), error: 'KerasValueError', message: "temporalPadding: argument 'x' must be a 3D tensor, got shape [2, 3]" },
      { name: 'one number', run: (K) => K.temporalPadding(c3(K), bad([1])), error: 'KerasValueError', message: "temporalPadding: argument 'padding' must be a pair [before, after] of non-negative integers, got [1]" },
      { name: 'a negative pad', run: (K) => K.temporalPadding(c3(K), [-1, 1]), error: 'KerasValueError', message: "temporalPadding: argument 'padding' must be a pair [before, after] of non-negative integers, got [-1,1]" },
      { name: 'a fractional pad', run: (K) => K.temporalPadding(c3(K), [1, 0.5]), error: 'KerasValueError', message: "temporalPadding: argument 'padding' must be a pair [before, after] of non-negative integers, got [1,0.5]" },
      notATensor('temporalPadding', (K, x) => K.temporalPadding(x)),
    ],
  }),
  defineSpec({
    kerasName: 'spatial_2d_padding',
    cases: [
      {
        name: 'channels_last',
        inputs: [df(A2212)],
        run: (K, x) =>
          K.spatial2dPadding(
            x,
            [
              [1, 0],
              [2, 1],
            ],
            'channels_last',
          ),
        expected: (x) => pad(x, [[0, 0], [1, 0], [2, 1], [0, 0]]),
        grad: true,
      },
      {
        name: 'channels_first',
        inputs: [df(A2212)],
        run: (K, x) =>
          K.spatial2dPadding(
            x,
            [
              [0, 1],
              [1, 1],
            ],
            'channels_first',
          ),
        expected: (x) => pad(x, [[0, 0], [0, 0], [0, 1], [1, 1]]),
        grad: true,
      },
      {
        name: 'the defaults follow imageDataFormat (channels_first)',
        inputs: [df(A2212)],
        run: (K, x) => withFormat(K, 'channels_first', () => K.spatial2dPadding(x)),
        expected: (x) => pad(x, [[0, 0], [0, 0], [1, 1], [1, 1]]),
        grad: true,
      },
      {
        name: 'unknown height and width',
        inputs: [df(A2212, { placeholderShape: [null, null, null, 2] })],
        run: (K, x) =>
          K.spatial2dPadding(
            x,
            [
              [1, 2],
              [0, 1],
            ],
            'channels_last',
          ),
        expected: (x) => pad(x, [[0, 0], [1, 2], [0, 1], [0, 0]]),
        grad: true,
      },
      {
        name: 'int32',
        inputs: [i32([[[[1, 2]]]])],
        run: (K, x) => K.spatial2dPadding(x, undefined, 'channels_last'),
        expected: (x) => pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]),
      },
    ],
    errorCases: [
      { name: 'a 3D tensor', run: (K) => K.spatial2dPadding(c3(K)), error: 'KerasValueError', message: "spatial2dPadding: argument 'x' must be a 4D tensor, got shape [2, 3, 4]" },
      { name: 'one pair', run: (K) => K.spatial2dPadding(K.zeros([1, 2, 2, 1]), [[1, 1]]), error: 'KerasValueError', message: "spatial2dPadding: argument 'padding' must be 2 pairs [before, after] of non-negative integers, got [[1,1]]" },
      {
        name: 'a short pair',
        run: (K) => K.spatial2dPadding(K.zeros([1, 2, 2, 1]), bad([[1, 1], [1]])),
        error: 'KerasValueError',
        message: "spatial2dPadding: argument 'padding[1]' must be a pair [before, after] of non-negative integers, got [1]",
      },
      {
        name: 'a negative pad',
        run: (K) =>
          K.spatial2dPadding(K.zeros([1, 2, 2, 1]), [
            [1, -1],
            [1, 1],
          ]),
        error: 'KerasValueError',
        message: "spatial2dPadding: argument 'padding[0]' must be a pair [before, after] of non-negative integers, got [1,-1]",
      },
      { name: 'a bad dataFormat', run: (K) => K.spatial2dPadding(K.zeros([1, 2, 2, 1]), undefined, bad('NHWC')), error: 'KerasValueError', message: `spatial2dPadding: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "NHWC"` },
      notATensor('spatial2dPadding', (K, x) => K.spatial2dPadding(x)),
    ],
  }),
  defineSpec({
    kerasName: 'spatial_3d_padding',
    cases: [
      {
        name: 'channels_last',
        inputs: [df(A12121)],
        run: (K, x) =>
          K.spatial3dPadding(
            x,
            [
              [1, 0],
              [0, 1],
              [1, 1],
            ],
            'channels_last',
          ),
        expected: (x) => pad(x, [[0, 0], [1, 0], [0, 1], [1, 1], [0, 0]]),
        grad: true,
      },
      {
        name: 'channels_first',
        inputs: [df(A11222)],
        run: (K, x) =>
          K.spatial3dPadding(
            x,
            [
              [0, 1],
              [1, 0],
              [0, 2],
            ],
            'channels_first',
          ),
        expected: (x) => pad(x, [[0, 0], [0, 0], [0, 1], [1, 0], [0, 2]]),
        grad: true,
      },
      {
        name: 'the defaults follow imageDataFormat (channels_last)',
        inputs: [df(A12121)],
        run: (K, x) => withFormat(K, 'channels_last', () => K.spatial3dPadding(x)),
        expected: (x) => pad(x, [[0, 0], [1, 1], [1, 1], [1, 1], [0, 0]]),
        grad: true,
      },
      {
        name: 'unknown spatial dims',
        inputs: [df(A11222, { placeholderShape: [null, 1, null, null, null] })],
        run: (K, x) =>
          K.spatial3dPadding(
            x,
            [
              [1, 1],
              [0, 1],
              [1, 0],
            ],
            'channels_first',
          ),
        expected: (x) => pad(x, [[0, 0], [0, 0], [1, 1], [0, 1], [1, 0]]),
        grad: true,
      },
      {
        name: 'int32',
        inputs: [i32([[[[[3]]]]])],
        run: (K, x) => K.spatial3dPadding(x, undefined, 'channels_first'),
        expected: (x) => pad(x, [[0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]),
      },
    ],
    errorCases: [
      { name: 'a 4D tensor', run: (K) => K.spatial3dPadding(K.zeros([1, 2, 2, 1])), error: 'KerasValueError', message: "spatial3dPadding: argument 'x' must be a 5D tensor, got shape [1, 2, 2, 1]" },
      {
        name: 'two pairs',
        run: (K) =>
          K.spatial3dPadding(K.zeros([1, 1, 2, 2, 1]), [
            [1, 1],
            [1, 1],
          ]),
        error: 'KerasValueError',
        message: "spatial3dPadding: argument 'padding' must be 3 pairs [before, after] of non-negative integers, got [[1,1],[1,1]]",
      },
      {
        name: 'a fractional pad',
        run: (K) =>
          K.spatial3dPadding(K.zeros([1, 1, 2, 2, 1]), [
            [1, 1],
            [1, 1],
            [0.5, 1],
          ]),
        error: 'KerasValueError',
        message: "spatial3dPadding: argument 'padding[2]' must be a pair [before, after] of non-negative integers, got [0.5,1]",
      },
      { name: 'a bad dataFormat', run: (K) => K.spatial3dPadding(K.zeros([1, 1, 2, 2, 1]), undefined, bad('x')), error: 'KerasValueError', message: `spatial3dPadding: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "x"` },
      notATensor('spatial3dPadding', (K, x) => K.spatial3dPadding(x)),
    ],
  }),
  defineSpec({
    kerasName: 'stack',
    cases: [
      { name: 'two matrices, axis 0', inputs: [df(M23), df(I23)], run: (K, a, b) => K.stack([a, b]), expected: (a, b) => stack([a, b], 0), grad: true },
      { name: 'two matrices, axis 1', inputs: [df(M23), df(I23)], run: (K, a, b) => K.stack([a, b], 1), expected: (a, b) => stack([a, b], 1), grad: true },
      { name: 'two matrices, axis -1', inputs: [df(M23), df(I23)], run: (K, a, b) => K.stack([a, b], -1), expected: (a, b) => stack([a, b], 2), grad: true },
      {
        name: 'three vectors',
        inputs: [df([1, 2]), df([3, 4]), df([5, 6])],
        run: (K, a, b, c) => K.stack([a, b, c]),
        expected: (a, b, c) => stack([a, b, c]),
        grad: true,
      },
      { name: 'one tensor', inputs: [df(M23)], run: (K, a) => K.stack([a], 1), expected: (a) => stack([a], 1), grad: true },
      { name: 'scalars', inputs: [df(1.5), df(-2)], run: (K, a, b) => K.stack([a, b]), expected: (a, b) => stack([a, b]), grad: true },
      {
        name: 'every dim unknown, axis 1',
        inputs: [df(M23, { placeholderShape: [null, null] }), df(I23, { placeholderShape: [null, null] })],
        run: (K, a, b) => K.stack([a, b], 1),
        expected: (a, b) => stack([a, b], 1),
        grad: true,
      },
      { name: 'int32', inputs: [i32([1, 2]), i32([3, 4])], run: (K, a, b) => K.stack([a, b], 1), expected: (a, b) => stack([a, b], 1) },
      { name: 'bool', inputs: [bl([true, false]), bl([false, false])], run: (K, a, b) => K.stack([a, b]), expected: (a, b) => stack([a, b]) },
      {
        name: 'static shape',
        modes: ['eager'],
        run: (K) => K.intShape(K.stack([K.placeholder({ shape: [null, 3] }), K.placeholder({ shape: [null, 3] })], 1)),
        expected: () => [null, 2, 3],
      },
    ],
    errorCases: [
      { name: 'an empty list', run: (K) => K.stack([]), error: 'KerasValueError', message: "stack: argument 'x' must be a non-empty array of tensors, got []" },
      { name: 'not a list', run: (K) => K.stack(bad(K.constant([1]))), error: 'KerasValueError', message: "stack: argument 'x' must be a non-empty array of tensors, got a KTensor of shape [1] and dtype float32" },
      { name: 'dtypes differ', run: (K) => K.stack([K.constant([1]), K.constant([1], { dtype: 'int32' })]), error: 'KerasTypeError', message: "stack: argument 'x[1]' must have the dtype of 'x[0]' (float32), got int32 (use K.cast)" },
      { name: 'shapes differ', run: (K) => K.stack([K.constant([1, 2]), K.constant([1, 2, 3])]), error: 'KerasShapeError', message: "stack: argument 'x[1]' must have the shape of 'x[0]' ([2]), got [3]" },
      { name: 'ranks differ', run: (K) => K.stack([K.constant([1, 2]), K.constant([[1, 2]])]), error: 'KerasShapeError', message: "stack: argument 'x[1]' must have the shape of 'x[0]' ([2]), got [1, 2]" },
      { name: 'axis out of range', run: (K) => K.stack([c(K), c(K)], 3), error: 'KerasValueError', message: "stack: argument 'axis' is 3, out of range for a tensor of rank 3 (expected -3 to 2)" },
      { name: 'a non-tensor item', run: (K) => K.stack([K.constant([1]), bad('abc')]), error: 'KerasTypeError', message: "stack: argument 'x[1]' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'one_hot',
    cases: [
      { name: 'a vector of indices', inputs: [i32([0, 2, 1, 2])], outDtype: 'float', run: (K, i) => K.oneHot(i, 3), expected: (i) => oneHot(i, 3) },
      {
        name: 'out-of-range indices give zero rows',
        inputs: [i32([[0, 3], [-1, 1]])],
        outDtype: 'float',
        run: (K, i) => K.oneHot(i, 3),
        expected: (i) => oneHot(i, 3),
      },
      {
        name: 'every dim unknown',
        inputs: [i32([[1, 0, 4], [2, 2, 0]], { placeholderShape: [null, null] })],
        outDtype: 'float',
        run: (K, i) => K.oneHot(i, 5),
        expected: (i) => oneHot(i, 5),
      },
      { name: 'a scalar index', inputs: [i32(2)], outDtype: 'float', run: (K, i) => K.oneHot(i, 4), expected: (i) => oneHot(i, 4) },
      { name: 'one class', inputs: [i32([0, 1])], outDtype: 'float', run: (K, i) => K.oneHot(i, 1), expected: (i) => oneHot(i, 1) },
      { name: 'no classes', modes: ['eager'], outDtype: 'float', run: (K) => K.oneHot(K.constant([1, 0], { dtype: 'int32' }), 0), expected: () => ({ data: [], shape: [2, 0] }) },
      {
        name: 'dtype is floatx',
        modes: ['eager'],
        outDtype: 'float',
        run(K) {
          return K.dtype(K.oneHot(K.constant([1], { dtype: 'int32' }), 2)) === this.floatx;
        },
        expected: () => true,
      },
      { name: 'static shape', modes: ['eager'], run: (K) => K.intShape(K.oneHot(K.placeholder({ shape: [null, 7], dtype: 'int32' }), 3)), expected: () => [null, 7, 3] },
    ],
    errorCases: [
      { name: 'float indices', run: (K) => K.oneHot(K.constant([0, 1]), 2), error: 'KerasTypeError', message: "oneHot: argument 'indices' must be an integer tensor, got dtype float32 (use K.cast)" },
      { name: 'bool indices', run: (K) => K.oneHot(K.constant([true], { dtype: 'bool' }), 2), error: 'KerasTypeError', message: "oneHot: argument 'indices' must be an integer tensor, got dtype bool (use K.cast)" },
      { name: 'numClasses -1', run: (K) => K.oneHot(K.constant([0], { dtype: 'int32' }), -1), error: 'KerasValueError', message: "oneHot: argument 'numClasses' must be an integer >= 0, got -1" },
      { name: 'a fractional numClasses', run: (K) => K.oneHot(K.constant([0], { dtype: 'int32' }), 2.5), error: 'KerasValueError', message: "oneHot: argument 'numClasses' must be an integer, got 2.5" },
      { name: 'a string', run: (K) => K.oneHot(bad('abc'), 2), error: 'KerasTypeError', message: "oneHot: argument 'indices' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'reverse',
    cases: [
      { name: 'axis 0 (the unknown batch dim)', inputs: [df(M23)], run: (K, x) => K.reverse(x, 0), expected: (x) => reverse(x, [0]), grad: true },
      { name: 'axes [1]', inputs: [df(M23)], run: (K, x) => K.reverse(x, [1]), expected: (x) => reverse(x, [1]), grad: true },
      { name: 'axes [0, 1]', inputs: [df(M23)], run: (K, x) => K.reverse(x, [0, 1]), expected: (x) => reverse(x, [0, 1]), grad: true },
      { name: 'axes [-1, 0] of rank 3', inputs: [df(T234)], run: (K, x) => K.reverse(x, [-1, 0]), expected: (x) => reverse(x, [2, 0]), grad: true },
      { name: 'no axes', inputs: [df(M23)], run: (K, x) => K.reverse(x, []), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.reverse(x, 1), expected: (x) => reverse(x, [1]) },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.reverse(x, [0, 1]), expected: (x) => reverse(x, [0, 1]) },
    ],
    errorCases: [
      { name: 'axis out of range', run: (K) => K.reverse(c(K), 2), error: 'KerasValueError', message: "reverse: argument 'axes' is 2, out of range for a tensor of rank 2 (expected -2 to 1)" },
      { name: 'a bad entry', run: (K) => K.reverse(c(K), [0, -3]), error: 'KerasValueError', message: "reverse: argument 'axes[1]' is -3, out of range for a tensor of rank 2 (expected -2 to 1)" },
      { name: 'a repeated axis', run: (K) => K.reverse(c(K), [1, -1]), error: 'KerasValueError', message: "reverse: argument 'axes' repeats an axis: [1,-1]" },
      { name: 'a fractional axis', run: (K) => K.reverse(c(K), 0.5), error: 'KerasValueError', message: "reverse: argument 'axes' must be an integer, got 0.5" },
      { name: 'not an axis', run: (K) => K.reverse(c(K), bad('0')), error: 'KerasValueError', message: `reverse: argument 'axes' must be an integer or a list of integers, got "0"` },
      notATensor('reverse', (K, x) => K.reverse(x, 0)),
    ],
  }),
  defineSpec({
    kerasName: 'pattern_broadcast',
    cases: [
      {
        name: 'a broadcastable first axis',
        inputs: [df([[1.5, -2, 3]])],
        run: (K, x) => K.patternBroadcast(x, [true, false]),
        expected: (x) => x,
        grad: true,
      },
      { name: 'nothing broadcastable', inputs: [df(M23)], run: (K, x) => K.patternBroadcast(x, [false, false]), expected: (x) => x, grad: true },
      { name: 'an unknown dim marked broadcastable', inputs: [df(T234)], modes: ['graph'], run: (K, x) => K.patternBroadcast(x, [true, false, false]), expected: (x) => x, grad: true },
      { name: 'a scalar', inputs: [df(2)], run: (K, x) => K.patternBroadcast(x, []), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32(I23)], run: (K, x) => K.patternBroadcast(x, [false, false]), expected: (x) => x },
      { name: 'bool', inputs: [bl(B23)], run: (K, x) => K.patternBroadcast(x, [false, false]), expected: (x) => x },
      { name: 'a new tensor', inputs: [fl(M23)], modes: ['eager'], run: (K, x) => K.patternBroadcast(x, [false, false]) !== x, expected: () => true },
    ],
    errorCases: [
      { name: 'too few flags', run: (K) => K.patternBroadcast(c(K), [false]), error: 'KerasValueError', message: "patternBroadcast: argument 'broadcastable' must be a list of 2 booleans (one per axis of 'x', shape [2, 3]), got [false]" },
      { name: 'not booleans', run: (K) => K.patternBroadcast(c(K), bad([0, 1])), error: 'KerasValueError', message: "patternBroadcast: argument 'broadcastable[0]' must be a boolean, got 0" },
      { name: 'a known dim that is not 1', run: (K) => K.patternBroadcast(c(K), [true, false]), error: 'KerasValueError', message: "patternBroadcast: argument 'broadcastable' marks axis 0 broadcastable, but its length is 2 (shape [2, 3])" },
      notATensor('patternBroadcast', (K, x) => K.patternBroadcast(x, [])),
    ],
  }),
];
