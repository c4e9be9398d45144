/**
 * Cases of the `tensors` group: making tensors (variable, constant, placeholder,
 * zeros, ones, eye, *_like, random variables), inspecting them (shape, intShape,
 * ndim, dtype, countParams, isPlaceholder, isKerasTensor, isSparse), eval,
 * identity, toDense and cast.
 */
import type { NDArray } from '../../src/index';
import { defineSpec, FunctionSpec, Observed } from '../case';
import { array, eye, full, map, withDtype } from '../oracle';
import { bad, bl, df, fl, i32, M23, T234, vr } from './helpers';

function stats(r: Observed): { n: number; mean: number; std: number; min: number; max: number; dtype: string } | string {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return `expected a tensor value, got ${String(r)}`;
  const nd = r as NDArray;
  const d = Array.from(nd.data as ArrayLike<number>); // random draws: floats
  const n = d.length;
  const mean = d.reduce((p, v) => p + v, 0) / n;
  const std = Math.sqrt(d.reduce((p, v) => p + (v - mean) ** 2, 0) / n);
  return { n, mean, std, min: Math.min(...d), max: Math.max(...d), dtype: nd.dtype };
}

function sameValues(a: Observed, b: Observed): boolean {
  const x = a as NDArray;
  const y = b as NDArray;
  return x.data.length === y.data.length && [...x.data].every((v, i) => v === y.data[i]);
}

/** A check of a random tensor: dtype, shape, bounds, mean and std within `tolMean` / `tolStd`. */
function randomCheck(
  shape: number[],
  want: { min: number; max: number; mean: number; std: number; tolMean: number; tolStd: number; maxInclusive?: boolean },
) {
  return function (this: { floatx: string }, r: Observed): string | null {
    const s = stats(r);
    if (typeof s === 'string') return s;
    const nd = r as NDArray;
    if (nd.dtype !== this.floatx) return `dtype ${nd.dtype}, expected ${this.floatx}`;
    if (nd.shape.length !== shape.length || nd.shape.some((d, i) => d !== shape[i])) return `shape [${nd.shape.join(', ')}], expected [${shape.join(', ')}]`;
    if (s.min < want.min || s.max > want.max || (!want.maxInclusive && s.max >= want.max && want.max > want.min)) {
      return `values in [${s.min}, ${s.max}], expected within [${want.min}, ${want.max}${want.maxInclusive ? ']' : ')'}`;
    }
    if (Math.abs(s.mean - want.mean) > want.tolMean) return `mean ${s.mean}, expected ${want.mean} +- ${want.tolMean}`;
    if (Math.abs(s.std - want.std) > want.tolStd) return `std ${s.std}, expected ${want.std} +- ${want.tolStd}`;
    return null;
  };
}

/** A tensor-like shaped value with a typed array. */
const SHAPED = { data: new Float32Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] };

export const TENSORS_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'is_sparse',
    cases: [
      { name: 'a float tensor', inputs: [fl(M23)], run: (K, x) => K.isSparse(x), expected: () => false },
      { name: 'an int32 tensor', inputs: [i32([1, 2])], run: (K, x) => K.isSparse(x), expected: () => false },
      { name: 'a variable', inputs: [vr([1, 2])], run: (K, x) => K.isSparse(x), expected: () => false },
    ],
    errorCases: [
      { name: 'a nested array', run: (K) => K.isSparse([1, 2]), error: 'KerasTypeError', message: "isSparse: argument 'tensor' must be a tensor (KTensor), got an array" },
      { name: 'null', run: (K) => K.isSparse(null), error: 'KerasTypeError', message: "isSparse: argument 'tensor' must be a tensor (KTensor), got null" },
    ],
  }),
  defineSpec({
    kerasName: 'to_dense',
    cases: [
      { name: 'a dense tensor is returned unchanged', inputs: [df(M23)], run: (K, x) => K.toDense(x), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32([[1, -2], [3, 4]])], run: (K, x) => K.toDense(x), expected: (x) => x },
      { name: 'is the same tensor', inputs: [fl([1, 2])], modes: ['eager'], run: (K, x) => K.toDense(x) === x, expected: () => true },
    ],
    errorCases: [{ name: 'a number', run: (K) => K.toDense(3), error: 'KerasTypeError', message: "toDense: argument 'tensor' must be a tensor (KTensor), got number" }],
  }),
  defineSpec({
    kerasName: 'variable',
    cases: [
      { name: 'from nested floats', outDtype: 'float', run: (K) => K.variable([[1.5, -2], [3, 4.25]]), expected: () => [[1.5, -2], [3, 4.25]] },
      { name: 'a scalar', outDtype: 'float', run: (K) => K.variable(3.5), expected: () => 3.5 },
      { name: 'int32 truncates toward zero', outDtype: 'int32', run: (K) => K.variable([1.7, -2.5, 3], { dtype: 'int32' }), expected: () => [1, -2, 3] },
      { name: 'bool', outDtype: 'bool', run: (K) => K.variable([true, false, true], { dtype: 'bool' }), expected: () => withDtype(array([1, 0, 1]), 'bool') },
      { name: 'from a typed array with a shape', outDtype: 'float', run: (K) => K.variable(SHAPED), expected: () => [[1, 2, 3], [4, 5, 6]] },
      {
        name: 'from an NDArray',
        outDtype: 'float',
        run: (K) => K.variable(K.eval(K.constant([[1, 2], [3, 4]]))),
        expected: () => [[1, 2], [3, 4]],
      },
      { name: 'from a tensor', inputs: [fl([1, 2, 3], { kind: 'constant' })], run: (K, c) => K.variable(K.add(c, 1)), expected: (c) => map(c, (v) => v + 1) },
      {
        name: 'the name option, and it is a variable',
        modes: ['eager'],
        run: (K) => {
          const v = K.variable([1, 2], { name: 'my_var' });
          return [v.name, K.isPlaceholder(v), K.intShape(v)];
        },
        expected: () => ['my_var', false, [2]],
      },
      {
        name: 'K.eval of an op on it sees setValue',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const v = K.variable([1, 2, 3]);
          const s = K.sum(v);
          K.setValue(v, [10, 20, 30]);
          return K.eval(s);
        },
        expected: () => 60,
      },
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.variable([1, 2], bad('float64')), error: 'KerasValueError', message: `variable: argument 'options' must be an object {dtype, name, constraint}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.variable([1, 2], bad([2, 2])), error: 'KerasValueError', message: "variable: argument 'options' must be an object {dtype, name, constraint}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.variable([1, 2], bad({ dtpye: 'float64' })), error: 'KerasValueError', message: "variable: argument 'options' has an unknown key 'dtpye' (expected dtype, name, constraint)" },
      { name: 'a ragged array', run: (K) => K.variable([[1, 2], [3]]), error: 'KerasShapeError', message: "variable: argument 'value' is a ragged nested array (expected length 2 at depth 1, got 1)" },
      { name: 'a string', run: (K) => K.variable('abc'), error: 'KerasTypeError', message: `variable: argument 'value' must be a tensor, a number, a boolean, a nested array, a typed array, an NDArray or a TF.js tensor, got string "abc"` },
      { name: 'an unknown dtype', run: (K) => K.variable(1, { dtype: bad('float8') }), error: 'KerasTypeError', message: `variable: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "float8"` },
      { name: 'a name that is not a string', run: (K) => K.variable(1, { name: bad(3) }), error: 'KerasValueError', message: "variable: argument 'name' must be a string, got 3" },
      {
        name: 'a constraint that is not a function',
        run: (K) => K.variable(1, { constraint: bad(3) }),
        error: 'KerasValueError',
        message: "variable: option 'constraint' must be a function, got number",
      },
    ],
  }),
  defineSpec({
    kerasName: 'constant',
    cases: [
      { name: 'from nested floats', outDtype: 'float', run: (K) => K.constant([[1.5, -2], [3, 4.25]]), expected: () => [[1.5, -2], [3, 4.25]] },
      { name: 'a scalar', outDtype: 'float', run: (K) => K.constant(-7.25), expected: () => -7.25 },
      { name: 'int32', outDtype: 'int32', run: (K) => K.constant([[1, 2], [3, 4]], { dtype: 'int32' }), expected: () => [[1, 2], [3, 4]] },
      { name: 'bool', outDtype: 'bool', run: (K) => K.constant([false, true], { dtype: 'bool' }), expected: () => withDtype(array([0, 1]), 'bool') },
      { name: 'booleans take floatx unless dtype is given (as Keras)', outDtype: 'float', run: (K) => K.constant([true, true, false]), expected: () => [1, 1, 0] },
      { name: 'a scalar fills shape', outDtype: 'float', run: (K) => K.constant(7, { shape: [2, 3] }), expected: () => full([2, 3], 7) },
      { name: 'shape reshapes the value', outDtype: 'float', run: (K) => K.constant([1, 2, 3, 4, 5, 6], { shape: [3, 2] }), expected: () => [[1, 2], [3, 4], [5, 6]] },
      { name: 'from a typed array with a shape', outDtype: 'float', run: (K) => K.constant(SHAPED), expected: () => [[1, 2, 3], [4, 5, 6]] },
      { name: 'the name option', modes: ['eager'], run: (K) => K.constant([1], { name: 'my_const' }).name, expected: () => 'my_const' },
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.constant([1, 2], bad('float64')), error: 'KerasValueError', message: `constant: argument 'options' must be an object {dtype, shape, name}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.constant([1, 2], bad([2, 2])), error: 'KerasValueError', message: "constant: argument 'options' must be an object {dtype, shape, name}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.constant([1, 2], bad({ dtpye: 'float64' })), error: 'KerasValueError', message: "constant: argument 'options' has an unknown key 'dtpye' (expected dtype, shape, name)" },
      {
        name: 'value does not fill shape',
        run: (K) => K.constant([1, 2, 3], { shape: [2, 2] }),
        error: 'KerasValueError',
        message: "constant: argument 'value' has 3 elements, which cannot fill shape [2, 2]",
      },
      { name: 'a negative dim in shape', run: (K) => K.constant(1, { shape: [-1] }), error: 'KerasValueError', message: "constant: argument 'shape' must be an array of non-negative integers, got [-1]" },
      { name: 'an unknown dtype', run: (K) => K.constant(1, { dtype: bad('int4') }), error: 'KerasTypeError', message: `constant: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "int4"` },
      { name: 'numbers mixed with booleans', run: (K) => K.constant([1, true]), error: 'KerasTypeError', message: "constant: argument 'value' mixes numbers and booleans" },
    ],
  }),
  defineSpec({
    kerasName: 'is_keras_tensor',
    cases: [
      { name: 'a constant or placeholder input', inputs: [fl(M23)], run: (K, x) => K.isKerasTensor(x), expected: () => false },
      { name: 'a variable', inputs: [vr([1])], run: (K, x) => K.isKerasTensor(x), expected: () => false },
    ],
    errorCases: [
      { name: 'a nested array', run: (K) => K.isKerasTensor([1, 2]), error: 'KerasValueError', message: "isKerasTensor: argument 'x' must be a symbolic tensor (KTensor), got an array" },
      { name: 'a number', run: (K) => K.isKerasTensor(1), error: 'KerasValueError', message: "isKerasTensor: argument 'x' must be a symbolic tensor (KTensor), got number" },
    ],
  }),
  defineSpec({
    kerasName: 'placeholder',
    cases: [
      {
        name: 'shape with an unknown batch dim',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 3] });
          return [K.intShape(p), K.dtype(p), K.ndim(p), K.isPlaceholder(p)];
        },
        expected() {
          return [[null, 3], this.floatx, 2, true];
        },
      },
      {
        name: 'ndim: every dim unknown',
        modes: ['eager'],
        run: (K) => K.intShape(K.placeholder({ ndim: 3, dtype: 'int32' })),
        expected: () => [null, null, null],
      },
      { name: 'a scalar placeholder', modes: ['eager'], run: (K) => K.intShape(K.placeholder({ shape: [] })), expected: () => [] },
      { name: 'the dtype option', modes: ['eager'], run: (K) => [K.dtype(K.placeholder({ shape: [2], dtype: 'int32' })), K.dtype(K.placeholder({ shape: [2], dtype: 'bool' }))], expected: () => ['int32', 'bool'] },
      { name: 'the name option', modes: ['eager'], run: (K) => K.placeholder({ shape: [2], name: 'my_input' }).name, expected: () => 'my_input' },
      {
        name: 'fed with two batch sizes',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [null, 2] });
          const f = K.function([p], [K.multiply(p, 2)]);
          return [f([[[1, 2]]])[0], f([[[1, 2], [3, 4], [5, 6]]])[0]];
        },
        expected: () => [[[2, 4]], [[2, 4], [6, 8], [10, 12]]],
      },
      {
        name: 'a scalar placeholder fed',
        outDtype: 'float',
        modes: ['eager'],
        run(K) {
          const p = K.placeholder({ shape: [] });
          return K.function([p], [K.add(p, 1)])([2.5])[0];
        },
        expected: () => 3.5,
      },
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.placeholder(bad('float64')), error: 'KerasValueError', message: `placeholder: argument 'options' must be an object {shape, ndim, dtype, sparse, name}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.placeholder(bad([2, 2])), error: 'KerasValueError', message: "placeholder: argument 'options' must be an object {shape, ndim, dtype, sparse, name}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.placeholder(bad({ dtpye: 'float64' })), error: 'KerasValueError', message: "placeholder: argument 'options' has an unknown key 'dtpye' (expected shape, ndim, dtype, sparse, name)" },
      { name: 'neither shape nor ndim', run: (K) => K.placeholder(), error: 'KerasValueError', message: "placeholder: give option 'shape' or option 'ndim'" },
      {
        name: 'shape and ndim disagree',
        run: (K) => K.placeholder({ shape: [2, 3], ndim: 3 }),
        error: 'KerasValueError',
        message: "placeholder: options 'shape' (rank 2) and 'ndim' (3) disagree",
      },
      { name: 'a negative dim', run: (K) => K.placeholder({ shape: [-2] }), error: 'KerasValueError', message: "placeholder: option 'shape' must be an array of non-negative integers or null, got [-2]" },
      { name: 'a negative ndim', run: (K) => K.placeholder({ ndim: -1 }), error: 'KerasValueError', message: "placeholder: option 'ndim' must be a non-negative integer, got -1" },
      { name: 'sparse', run: (K) => K.placeholder({ shape: [2], sparse: true }), error: 'KerasValueError', message: "placeholder: option 'sparse' is not supported (sparse tensors are not implemented)" },
      { name: 'an unknown dtype', run: (K) => K.placeholder({ shape: [2], dtype: bad('str') }), error: 'KerasTypeError', message: `placeholder: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "str"` },
    ],
  }),
  defineSpec({
    kerasName: 'is_placeholder',
    cases: [
      {
        name: 'an input: false as a constant, true as a placeholder',
        inputs: [fl(M23)],
        run: (K, x) => K.isPlaceholder(x),
        expected() {
          return this.mode === 'graph';
        },
      },
      { name: 'a variable', inputs: [vr([1])], run: (K, x) => K.isPlaceholder(x), expected: () => false },
      { name: 'an op on a placeholder is not one', modes: ['eager'], run: (K) => K.isPlaceholder(K.identity(K.placeholder({ shape: [2] }))), expected: () => false },
      { name: 'a non-tensor', modes: ['eager'], run: (K) => [K.isPlaceholder([1, 2]), K.isPlaceholder(null), K.isPlaceholder(3)], expected: () => [false, false, false] },
    ],
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'shape',
    cases: [
      { name: 'of a matrix', inputs: [fl(M23, { placeholderShape: [2, 3] })], outDtype: 'int32', run: (K, x) => K.shape(x), expected: () => [2, 3] },
      { name: 'of a scalar', inputs: [fl(5)], outDtype: 'int32', run: (K, x) => K.shape(x), expected: () => array([]) },
      { name: 'of a rank-3 int32 tensor', inputs: [i32([[[1], [2]]], { placeholderShape: [1, 2, 1] })], outDtype: 'int32', run: (K, x) => K.shape(x), expected: () => [1, 2, 1] },
      { name: 'of a variable', inputs: [vr([[1, 2, 3, 4]])], outDtype: 'int32', run: (K, x) => K.shape(x), expected: () => [1, 4] },
      // graph mode: the batch dim is unknown until the feed: read at run time
      { name: 'with an unknown batch dim', inputs: [fl([[1, 2, 3], [4, 5, 6], [7, 8, 9]])], outDtype: 'int32', run: (K, x) => K.shape(x), expected: () => [3, 3] },
      {
        name: 'with every dim unknown',
        inputs: [fl([[[1, 2]], [[3, 4]]], { placeholderShape: [null, null, null] })],
        outDtype: 'int32',
        run: (K, x) => K.shape(x),
        expected: () => [2, 1, 2],
      },
    ],
    errorCases: [
      { name: 'a string', run: (K) => K.shape('abc'), error: 'KerasTypeError', message: "shape: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'int_shape',
    cases: [
      {
        name: 'of a matrix (batch dim unknown in graph mode)',
        inputs: [fl(M23)],
        run: (K, x) => K.intShape(x),
        expected() {
          return this.mode === 'graph' ? [null, 3] : [2, 3];
        },
      },
      { name: 'of a scalar', inputs: [fl(1)], run: (K, x) => K.intShape(x), expected: () => [] },
      {
        name: 'of a rank-3 tensor',
        inputs: [fl(T234, { placeholderShape: [null, null, 4] })],
        run: (K, x) => K.intShape(x),
        expected() {
          return this.mode === 'graph' ? [null, null, 4] : [2, 3, 4];
        },
      },
      { name: 'is a fresh array', inputs: [fl([1, 2])], modes: ['eager'], run: (K, x) => K.intShape(x) !== K.intShape(x), expected: () => true },
    ],
    errorCases: [{ name: 'a string', run: (K) => K.intShape('abc'), error: 'KerasTypeError', message: "intShape: argument 'x' must be a tensor or a tensor-like value, got string" }],
  }),
  defineSpec({
    kerasName: 'ndim',
    cases: [
      { name: 'a matrix', inputs: [fl(M23)], run: (K, x) => K.ndim(x), expected: () => 2 },
      { name: 'a scalar', inputs: [fl(3)], run: (K, x) => K.ndim(x), expected: () => 0 },
      { name: 'rank 3, int32', inputs: [i32([[[1, 2]]])], run: (K, x) => K.ndim(x), expected: () => 3 },
      { name: 'a placeholder from ndim', modes: ['eager'], run: (K) => K.ndim(K.placeholder({ ndim: 4 })), expected: () => 4 },
    ],
    errorCases: [{ name: 'an object', run: (K) => K.ndim({}), error: 'KerasTypeError', message: "ndim: argument 'x' must be a tensor or a tensor-like value, got object" }],
  }),
  defineSpec({
    kerasName: 'dtype',
    cases: [
      {
        name: 'float',
        inputs: [fl([1.5])],
        run: (K, x) => K.dtype(x),
        expected() {
          return this.floatx;
        },
      },
      { name: 'int32', inputs: [i32([1])], run: (K, x) => K.dtype(x), expected: () => 'int32' },
      { name: 'bool', inputs: [bl([true])], run: (K, x) => K.dtype(x), expected: () => 'bool' },
      { name: 'of an op result', inputs: [i32([1, 2])], run: (K, x) => K.dtype(K.cast(x, 'bool')), expected: () => 'bool' },
    ],
    errorCases: [{ name: 'undefined', run: (K) => K.dtype(undefined), error: 'KerasTypeError', message: "dtype: argument 'x' must be a tensor or a tensor-like value, got undefined" }],
  }),
  defineSpec({
    kerasName: 'eval',
    cases: [
      { name: 'a constant', inputs: [fl(M23, { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => x },
      { name: 'a variable', inputs: [vr(M23)], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => x },
      { name: 'an op on a variable', inputs: [vr(M23)], modes: ['eager'], run: (K, v) => K.eval(K.multiply(v, 2)), expected: (v) => map(v, (a) => 2 * a) },
      { name: 'int32', inputs: [i32([[1, -2]], { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => x },
      { name: 'bool', inputs: [bl([true, false], { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => x },
      { name: 'a scalar', inputs: [fl(2.5, { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: () => 2.5 },
      {
        name: 'toArray gives nested arrays, booleans for bool',
        modes: ['eager'],
        run: (K) => [K.eval(K.constant([[1, 2], [3, 4]], { dtype: 'int32' })).toArray(), K.eval(K.constant([true, false], { dtype: 'bool' })).toArray()],
        expected: () => [[[1, 2], [3, 4]], [true, false]],
      },
      {
        name: 'NDArray fields',
        modes: ['eager'],
        run(K) {
          const nd = K.eval(K.constant([[1, 2, 3]], { dtype: 'int32' }));
          return [[...nd.shape], nd.dtype, nd.data instanceof Int32Array, nd.size];
        },
        expected: () => [[1, 3], 'int32', true, 3],
      },
    ],
    errorCases: [
      {
        name: 'a tensor that needs a placeholder',
        run: (K) => K.eval(K.add(K.placeholder({ shape: [2] }), 1)),
        error: 'KerasValueError',
        message: /^eval: the tensor depends on placeholder 'placeholder_\d+', which has no value here; feed it through K\.function\(inputs, outputs\)$/,
      },
      { name: 'a string', run: (K) => K.eval('abc'), error: 'KerasTypeError', message: "eval: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'zeros',
    cases: [
      { name: 'a matrix of floatx', outDtype: 'float', run: (K) => K.zeros([2, 3]), expected: () => full([2, 3], 0) },
      { name: 'int32', outDtype: 'int32', run: (K) => K.zeros([3], 'int32'), expected: () => [0, 0, 0] },
      { name: 'bool', outDtype: 'bool', run: (K) => K.zeros([2], 'bool'), expected: () => withDtype(array([0, 0]), 'bool') },
      { name: 'an integer shape', outDtype: 'float', run: (K) => K.zeros(4), expected: () => [0, 0, 0, 0] },
      { name: 'a scalar', outDtype: 'float', run: (K) => K.zeros([]), expected: () => 0 },
      { name: 'is a variable (settable)', modes: ['eager'], run: (K) => { const z = K.zeros([2]); K.setValue(z, [1, 2]); return K.getValue(z).toArray(); }, expected: () => [1, 2] },
    ],
    errorCases: [
      { name: 'a negative dim', run: (K) => K.zeros([-1]), error: 'KerasValueError', message: "zeros: argument 'shape' must be an array of non-negative integers, got [-1]" },
      { name: 'a fractional dim', run: (K) => K.zeros([1.5]), error: 'KerasValueError', message: "zeros: argument 'shape' must be an array of non-negative integers, got [1.5]" },
      { name: 'an unknown dtype', run: (K) => K.zeros([2], bad('float8')), error: 'KerasTypeError', message: `zeros: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "float8"` },
    ],
  }),
  defineSpec({
    kerasName: 'ones',
    cases: [
      { name: 'a matrix of floatx', outDtype: 'float', run: (K) => K.ones([2, 3]), expected: () => full([2, 3], 1) },
      { name: 'int32', outDtype: 'int32', run: (K) => K.ones([3], 'int32'), expected: () => [1, 1, 1] },
      { name: 'bool', outDtype: 'bool', run: (K) => K.ones([2], 'bool'), expected: () => withDtype(array([1, 1]), 'bool') },
      { name: 'rank 3', outDtype: 'float', run: (K) => K.ones([1, 2, 2]), expected: () => full([1, 2, 2], 1) },
      { name: 'a zero-size dim', outDtype: 'float', run: (K) => K.ones([0, 3]), expected: () => full([0, 3], 1) },
    ],
    errorCases: [
      { name: 'a negative dim', run: (K) => K.ones([2, -3]), error: 'KerasValueError', message: "ones: argument 'shape' must be an array of non-negative integers, got [2,-3]" },
      { name: 'an unknown dtype', run: (K) => K.ones([2], bad('complex')), error: 'KerasTypeError', message: `ones: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "complex"` },
    ],
  }),
  defineSpec({
    kerasName: 'eye',
    cases: [
      { name: 'square', outDtype: 'float', run: (K) => K.eye(3), expected: () => eye(3) },
      { name: 'rectangular', outDtype: 'float', run: (K) => K.eye([2, 3]), expected: () => eye(2, 3) },
      { name: 'tall', outDtype: 'float', run: (K) => K.eye([3, 2]), expected: () => eye(3, 2) },
      { name: 'int32', outDtype: 'int32', run: (K) => K.eye(2, 'int32'), expected: () => eye(2) },
      { name: '1x1', outDtype: 'float', run: (K) => K.eye(1), expected: () => [[1]] },
    ],
    errorCases: [
      { name: 'a negative size', run: (K) => K.eye(-1), error: 'KerasValueError', message: "eye: argument 'size' must be an array of non-negative integers, got -1" },
      { name: 'three dims', run: (K) => K.eye(bad([1, 2, 3])), error: 'KerasValueError', message: "eye: argument 'size' must be an integer or [rows, cols], got [1,2,3]" },
      { name: 'an unknown dtype', run: (K) => K.eye(2, bad('x')), error: 'KerasTypeError', message: `eye: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "x"` },
    ],
  }),
  defineSpec({
    kerasName: 'ones_like',
    cases: [
      { name: 'a float matrix', inputs: [fl(M23)], run: (K, x) => K.onesLike(x), expected: (x) => full(x.shape, 1) },
      { name: 'int32 keeps int32', inputs: [i32([[1, 2], [3, 4]])], run: (K, x) => K.onesLike(x), expected: (x) => full(x.shape, 1) },
      { name: 'a dtype override', inputs: [fl(T234)], outDtype: 'int32', run: (K, x) => K.onesLike(x, 'int32'), expected: (x) => full(x.shape, 1) },
      { name: 'bool', inputs: [bl([true, false])], run: (K, x) => K.onesLike(x), expected: () => withDtype(array([1, 1]), 'bool') },
      { name: 'a scalar', inputs: [fl(4)], run: (K, x) => K.onesLike(x), expected: () => 1 },
    ],
    errorCases: [
      { name: 'an unknown dtype', run: (K) => K.onesLike(K.constant([1]), bad('foo')), error: 'KerasTypeError', message: `onesLike: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "foo"` },
      { name: 'a string', run: (K) => K.onesLike('abc'), error: 'KerasTypeError', message: "onesLike: argument 'x' must be a tensor or a tensor-like value, got string" },
      { name: 'a name that is not a string', run: (K) => K.onesLike(K.constant([1]), null, bad(3)), error: 'KerasValueError', message: "onesLike: argument 'name' must be a string, got 3" },
    ],
  }),
  defineSpec({
    kerasName: 'zeros_like',
    cases: [
      { name: 'a float matrix', inputs: [fl(M23)], run: (K, x) => K.zerosLike(x), expected: (x) => full(x.shape, 0) },
      { name: 'int32 keeps int32', inputs: [i32([[1, 2], [3, 4]])], run: (K, x) => K.zerosLike(x), expected: (x) => full(x.shape, 0) },
      { name: 'a dtype override', inputs: [i32([1, 2, 3])], outDtype: 'float', floatVariants: ['float32', 'float64'], run(K, x) { return K.zerosLike(x, this.floatx); }, expected: (x) => full(x.shape, 0) },
      { name: 'rank 3', inputs: [fl(T234)], run: (K, x) => K.zerosLike(x), expected: (x) => full(x.shape, 0) },
    ],
    errorCases: [
      { name: 'an unknown dtype', run: (K) => K.zerosLike(K.constant([1]), bad('foo')), error: 'KerasTypeError', message: `zerosLike: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "foo"` },
      { name: 'a string', run: (K) => K.zerosLike('abc'), error: 'KerasTypeError', message: "zerosLike: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'identity',
    cases: [
      { name: 'a float matrix', inputs: [df(M23)], run: (K, x) => K.identity(x), expected: (x) => x, grad: true },
      { name: 'rank 3', inputs: [df(T234)], run: (K, x) => K.identity(x), expected: (x) => x, grad: true },
      { name: 'int32', inputs: [i32([7, -8])], run: (K, x) => K.identity(x), expected: (x) => x },
      { name: 'bool', inputs: [bl([true, false])], run: (K, x) => K.identity(x), expected: (x) => x },
      { name: 'a new tensor', inputs: [fl([1])], modes: ['eager'], run: (K, x) => K.identity(x) !== x, expected: () => true },
    ],
    errorCases: [
      { name: 'a string', run: (K) => K.identity('abc'), error: 'KerasTypeError', message: "identity: argument 'x' must be a tensor or a tensor-like value, got string" },
      { name: 'a name that is not a string', run: (K) => K.identity(K.constant(1), bad(5)), error: 'KerasValueError', message: "identity: argument 'name' must be a string, got 5" },
    ],
  }),
  defineSpec({
    kerasName: 'random_uniform_variable',
    cases: [
      {
        name: '2000 draws in [-2, 3)',
        outDtype: 'float',
        run: (K) => K.randomUniformVariable([40, 50], -2, 3, { seed: 42 }),
        check: randomCheck([40, 50], { min: -2, max: 3, mean: 0.5, std: 5 / Math.sqrt(12), tolMean: 0.15, tolStd: 0.1 }),
      },
      {
        name: 'the same seed gives the same values, another seed others',
        outDtype: 'float',
        run: (K) => [K.randomUniformVariable([10], 0, 1, { seed: 7 }), K.randomUniformVariable([10], 0, 1, { seed: 7 }), K.randomUniformVariable([10], 0, 1, { seed: 8 })],
        check: (r) => {
          const [a, b, c] = r as Observed[];
          if (!sameValues(a, b)) return 'seed 7 twice gave different values';
          if (sameValues(a, c)) return 'seeds 7 and 8 gave the same values';
          return null;
        },
      },
      {
        name: 'no seed: two calls differ',
        outDtype: 'float',
        modes: ['eager'],
        run: (K) => [K.randomUniformVariable([10], 0, 1), K.randomUniformVariable([10], 0, 1)],
        check: (r) => (sameValues((r as Observed[])[0], (r as Observed[])[1]) ? 'two unseeded calls gave the same values' : null),
      },
      {
        name: 'low == high gives that value',
        outDtype: 'float',
        run: (K) => K.randomUniformVariable([2, 2], 1.5, 1.5, { seed: 1 }),
        expected: () => full([2, 2], 1.5),
      },
      {
        name: 'is a variable',
        modes: ['eager'],
        run(K) {
          const v = K.randomUniformVariable([2], 0, 1, { seed: 3, name: 'ru' });
          K.setValue(v, [5, 6]);
          return [v.name, K.getValue(v).toArray()];
        },
        expected: () => ['ru', [5, 6]],
      },
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.randomUniformVariable([2], 0, 1, bad('float64')), error: 'KerasValueError', message: `randomUniformVariable: argument 'options' must be an object {dtype, name, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.randomUniformVariable([2], 0, 1, bad([2, 2])), error: 'KerasValueError', message: "randomUniformVariable: argument 'options' must be an object {dtype, name, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.randomUniformVariable([2], 0, 1, bad({ dtpye: 'float64' })), error: 'KerasValueError', message: "randomUniformVariable: argument 'options' has an unknown key 'dtpye' (expected dtype, name, seed)" },
      { name: 'high < low', run: (K) => K.randomUniformVariable([2], 1, 0), error: 'KerasValueError', message: "randomUniformVariable: argument 'high' (0) must be >= 'low' (1)" },
      { name: 'a negative dim', run: (K) => K.randomUniformVariable([-2], 0, 1), error: 'KerasValueError', message: "randomUniformVariable: argument 'shape' must be an array of non-negative integers, got [-2]" },
      { name: 'low not a number', run: (K) => K.randomUniformVariable([2], bad('a'), 1), error: 'KerasValueError', message: `randomUniformVariable: argument 'low' must be a finite number, got "a"` },
      { name: 'a fractional seed', run: (K) => K.randomUniformVariable([2], 0, 1, { seed: 1.5 }), error: 'KerasValueError', message: "randomUniformVariable: option 'seed' must be an integer, got 1.5" },
    ],
  }),
  defineSpec({
    kerasName: 'random_normal_variable',
    cases: [
      {
        name: '2000 draws, mean 1, scale 2',
        outDtype: 'float',
        run: (K) => K.randomNormalVariable([40, 50], 1, 2, { seed: 3 }),
        check: randomCheck([40, 50], { min: -15, max: 17, mean: 1, std: 2, tolMean: 0.2, tolStd: 0.15, maxInclusive: true }),
      },
      {
        name: 'an odd count of draws',
        outDtype: 'float',
        run: (K) => K.randomNormalVariable([3, 333], -1, 0.5, { seed: 11 }),
        check: randomCheck([3, 333], { min: -5, max: 3, mean: -1, std: 0.5, tolMean: 0.06, tolStd: 0.05, maxInclusive: true }),
      },
      {
        name: 'the same seed gives the same values, another seed others',
        outDtype: 'float',
        run: (K) => [K.randomNormalVariable([9], 0, 1, { seed: 5 }), K.randomNormalVariable([9], 0, 1, { seed: 5 }), K.randomNormalVariable([9], 0, 1, { seed: 6 })],
        check: (r) => {
          const [a, b, c] = r as Observed[];
          if (!sameValues(a, b)) return 'seed 5 twice gave different values';
          if (sameValues(a, c)) return 'seeds 5 and 6 gave the same values';
          return null;
        },
      },
      { name: 'scale 0 gives the mean', outDtype: 'float', run: (K) => K.randomNormalVariable([3], 2.5, 0, { seed: 1 }), expected: () => [2.5, 2.5, 2.5] },
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.randomNormalVariable([2], 0, 1, bad('float64')), error: 'KerasValueError', message: `randomNormalVariable: argument 'options' must be an object {dtype, name, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.randomNormalVariable([2], 0, 1, bad([2, 2])), error: 'KerasValueError', message: "randomNormalVariable: argument 'options' must be an object {dtype, name, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.randomNormalVariable([2], 0, 1, bad({ dtpye: 'float64' })), error: 'KerasValueError', message: "randomNormalVariable: argument 'options' has an unknown key 'dtpye' (expected dtype, name, seed)" },
      { name: 'a negative scale', run: (K) => K.randomNormalVariable([2], 0, -1), error: 'KerasValueError', message: "randomNormalVariable: argument 'scale' must be >= 0, got -1" },
      { name: 'a NaN mean', run: (K) => K.randomNormalVariable([2], NaN, 1), error: 'KerasValueError', message: "randomNormalVariable: argument 'mean' must be a finite number, got NaN" },
      { name: 'a bad shape', run: (K) => K.randomNormalVariable(bad('2'), 0, 1), error: 'KerasValueError', message: `randomNormalVariable: argument 'shape' must be an array of non-negative integers, got "2"` },
    ],
  }),
  defineSpec({
    kerasName: 'count_params',
    cases: [
      { name: 'a matrix', inputs: [fl(M23, { placeholderShape: [2, 3] })], run: (K, x) => K.countParams(x), expected: () => 6 },
      { name: 'a scalar', inputs: [fl(1)], run: (K, x) => K.countParams(x), expected: () => 1 },
      { name: 'a variable', inputs: [vr(T234)], run: (K, x) => K.countParams(x), expected: () => 24 },
      { name: 'an empty tensor', modes: ['eager'], run: (K) => K.countParams(K.zeros([0, 5])), expected: () => 0 },
    ],
    errorCases: [
      { name: 'unknown dims', run: (K) => K.countParams(K.placeholder({ shape: [null, 3] })), error: 'KerasValueError', message: "countParams: the shape [None, 3] of argument 'x' has unknown dimensions" },
      { name: 'a string', run: (K) => K.countParams('abc'), error: 'KerasTypeError', message: "countParams: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  defineSpec({
    kerasName: 'cast',
    cases: [
      {
        name: 'float to int32 truncates toward zero',
        inputs: [fl([-1.7, -0.5, 0, 0.5, 1.7, 2.5])],
        outDtype: 'int32',
        run: (K, x) => K.cast(x, 'int32'),
        expected: (x) => map(x, (v) => Math.trunc(v)),
      },
      {
        // special values: truncation toward zero, saturating at the int32 range; NaN gives 0 (as XLA)
        name: 'float to int32: NaN gives 0, out-of-range values saturate',
        inputs: [fl([NaN, 3e9, -3e9, Infinity, -Infinity, 2147483520, -2147483648, -2.5])],
        outDtype: 'int32',
        run: (K, x) => K.cast(x, 'int32'),
        expected: () => ({ data: [0, 2147483647, -2147483648, 2147483647, -2147483648, 2147483520, -2147483648, -2], shape: [8], dtype: 'int32' }),
      },
      {
        name: 'float to bool: NaN is true, -0 is false',
        inputs: [fl([NaN, -0, 0, 1e-30])],
        outDtype: 'bool',
        run: (K, x) => K.cast(x, 'bool'),
        expected: () => ({ data: [1, 0, 0, 1], shape: [4], dtype: 'bool' }),
      },
      {
        name: 'int32 to floatx',
        inputs: [i32([[1, -2], [3, 40000]])],
        outDtype: 'float',
        floatVariants: ['float32', 'float64'],
        run(K, x) {
          return K.cast(x, this.floatx);
        },
        expected: (x) => x,
      },
      { name: 'float to bool is x != 0', inputs: [fl([0, 1.5, -2, 0, 1e-3])], outDtype: 'bool', run: (K, x) => K.cast(x, 'bool'), expected: (x) => map(x, (v) => (v !== 0 ? 1 : 0)) },
      { name: 'bool to float is 0/1', inputs: [bl([true, false, true])], outDtype: 'float', floatVariants: ['float32', 'float64'], run(K, x) { return K.cast(x, this.floatx); }, expected: (x) => x },
      { name: 'bool to int32', inputs: [bl([[true], [false]])], outDtype: 'int32', run: (K, x) => K.cast(x, 'int32'), expected: (x) => x },
      { name: 'int32 to bool', inputs: [i32([0, 3, -1])], outDtype: 'bool', run: (K, x) => K.cast(x, 'bool'), expected: () => [0, 1, 1] },
      { name: 'float32 to float64', inputs: [fl([0.1, -2.5])], outDtype: 'float64', floatVariants: ['float32'], run: (K, x) => K.cast(x, 'float64'), expected: (x) => x },
      { name: 'float64 to float32', inputs: [fl([0.1, -2.5])], outDtype: 'float32', floatVariants: ['float64'], run: (K, x) => K.cast(x, 'float32'), expected: (x) => map(x, Math.fround) },
      { name: 'to the same dtype, differentiable', inputs: [df(M23)], run(K, x) { return K.cast(x, this.floatx); }, expected: (x) => x, grad: true },
    ],
    errorCases: [
      { name: 'an unknown dtype', run: (K) => K.cast(K.constant([1]), bad('float8')), error: 'KerasTypeError', message: `cast: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "float8"` },
      { name: 'a string', run: (K) => K.cast('abc', 'int32'), error: 'KerasTypeError', message: "cast: argument 'x' must be a tensor or a tensor-like value, got string" },
    ],
  }),
  // Keras 2.3.1 additions.
  defineSpec({
    kerasName: 'get_variable_shape',
    cases: [
      { name: 'of a variable', inputs: [vr([[1, 2, 3]])], run: (K, x) => K.getVariableShape(x), expected: () => [1, 3] },
      { name: 'of a placeholder with an unknown dim', modes: ['eager'], run: (K) => K.getVariableShape(K.placeholder({ shape: [null, 4] })), expected: () => [null, 4] },
    ],
    errorCases: [{ name: 'a string', run: (K) => K.getVariableShape('abc'), error: 'KerasTypeError', message: "getVariableShape: argument 'x' must be a tensor or a tensor-like value, got string" }],
  }),
  defineSpec({
    kerasName: 'is_tensor',
    cases: [
      { name: 'a constant or placeholder', inputs: [fl(M23)], run: (K, x) => K.isTensor(x), expected: () => true },
      { name: 'a variable', inputs: [vr([1])], run: (K, x) => K.isTensor(x), expected: () => true },
      { name: 'an op result', modes: ['eager'], run: (K) => K.isTensor(K.add(K.placeholder({ shape: [2] }), 1)), expected: () => true },
      { name: 'host values are not', modes: ['eager'], run: (K) => [K.isTensor([1, 2]), K.isTensor(3), K.isTensor(null), K.isTensor(K.eval(K.constant([1])))], expected: () => [false, false, false, false] },
    ],
    // Any value is a valid argument: the answer is false for what is not a tensor.
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'is_variable',
    cases: [
      { name: 'a variable', inputs: [vr([1, 2])], run: (K, x) => K.isVariable(x), expected: () => true },
      { name: 'a constant or placeholder is not', inputs: [fl(M23)], run: (K, x) => K.isVariable(x), expected: () => false },
      { name: 'an op on a variable is not', modes: ['eager'], run: (K) => K.isVariable(K.add(K.variable([1]), 1)), expected: () => false },
      { name: 'host values are not', modes: ['eager'], run: (K) => [K.isVariable([1]), K.isVariable(undefined)], expected: () => [false, false] },
    ],
    // Any value is a valid argument: the answer is false for what is not a variable.
    errorCases: [],
  }),
  defineSpec({
    kerasName: 'size',
    cases: [
      // graph mode: the batch dim is unknown until the feed: counted at run time
      { name: 'of a matrix: 2 x 3', inputs: [fl(M23)], outDtype: 'int32', run: (K, x) => K.size(x), expected: () => 6 },
      { name: 'of a rank-3 tensor: 2 x 3 x 4', inputs: [fl(T234)], outDtype: 'int32', run: (K, x) => K.size(x), expected: () => 24 },
      { name: 'of a scalar: 1', inputs: [fl(5)], outDtype: 'int32', run: (K, x) => K.size(x), expected: () => 1 },
      { name: 'every dim unknown: 2 x 1 x 2', inputs: [fl([[[1, 2]], [[3, 4]]], { placeholderShape: [null, null, null] })], outDtype: 'int32', run: (K, x) => K.size(x), expected: () => 4 },
      { name: 'an empty tensor: 0', modes: ['eager'], outDtype: 'int32', run: (K) => K.size(K.zeros([0, 3])), expected: () => 0 },
    ],
    errorCases: [{ name: 'a string', run: (K) => K.size('abc'), error: 'KerasTypeError', message: "size: argument 'x' must be a tensor or a tensor-like value, got string" }],
  }),
];
