/**
 * int64 variants of the tensors, state, cast, elementwise, comparison and reduction
 * functions: the same calls on int64 tensors holding values at and near the ends of
 * the range (+-2^63), so sums, products, negations and powers wrap, and casts round
 * or wrap. Expected values come from the oracle's exact bigint arithmetic
 * (conformance/oracle/int64.ts). Inputs are fed as bigints; outputs are compared
 * exactly as bigints. A backend that does not declare int64 (tfjs) reports these
 * runs `unsupported`. Merged into the specs of their functions (index.ts).
 */
import type { NDArray } from '../../src/index';
import type { CaseInput, ErrorCase, KApi, ValueCase } from '../case';
import { argExtreme64, binary64, bigOf, castI64, cumulative64, floatToI64, i64, I64_MAX, I64_MIN, OArray, OracleDType, pow64, reduce64, unary64 } from '../oracle';
import type { KTensor } from '../../src/index';
import { concatenate, expandDims, gather, pad, repeatElements, reshape, reverse, stack, tile, transpose } from '../oracle';

/**
 * A shape function of int64 x, from the oracle's own version applied to the flat
 * positions of x (exact small numbers), each position then replaced by its bigint.
 */
function moved(xs: readonly OArray[], f: (positions: OArray[]) => OArray): OArray {
  let offset = 0;
  const all: bigint[] = [];
  const positions = xs.map((x) => {
    const p: OArray = { data: x.data.map((_, i) => offset + i), shape: x.shape };
    offset += x.data.length;
    all.push(...bigOf(x));
    return p;
  });
  const r = f(positions);
  return i64(r.data.map((k) => all[k]), r.shape);
}

const shaped = (what: string, f: (K: KApi, x: KTensor, y: KTensor) => KTensor, oracle: (p: OArray[]) => OArray): ValueCase[] => [
  { name: `int64: ${what}`, inputs: [input(X), input(Y)], run: (K, x, y) => f(K, x, y), expected: (x, y) => moved([x, y], oracle) },
];

const MAX = I64_MAX;
const MIN = I64_MIN;

/** Two 2x3 operands reaching the ends of the range. */
const X: bigint[][] = [
  [MIN, -(2n ** 40n) - 7n, -1n],
  [0n, 2n ** 53n + 1n, MAX],
];
const Y: bigint[][] = [
  [-1n, 3n, MIN],
  [5n, 2n ** 31n, 2n],
];

/**
 * Operands whose low 32 bits order them the other way (2^31 looks negative as an
 * int32; 2^32 + 1 looks like 1), in rows of several elements: ORT 1.30's int64
 * Max/Min/ReduceMax compare them wrongly.
 */
const Z: bigint[][] = [
  [2n ** 31n, 4n, 2n ** 32n + 2n ** 31n],
  [-(2n ** 32n) + 5n, 2n ** 31n + 7n, 3n],
];
const W: bigint[][] = [
  [4n, 2n ** 31n, 2n ** 32n + 1n],
  [-(2n ** 32n) + 2n ** 31n + 5n, 7n, -(2n ** 31n)],
];
/** Longer rows of the same kind (ORT 1.30's int64 ReduceMax of the first row gave 8). */
const V: bigint[][] = [
  [1n, 2n, 3n, 2n ** 31n, 4n, 5n, 6n, 7n, 8n],
  [9n, 8n, 7n, 2n ** 32n + 1n, 6n, 5n, 4n, 3n, 2n],
];

const input = (value: CaseInput['value'], extra: Partial<CaseInput> = {}): CaseInput => ({ value, dtype: 'int64', ...extra });
const flat = (v: bigint[][]): bigint[] => v.flat();

type Unary = (K: KApi, x: KTensor) => KTensor;
type Binary = (K: KApi, x: KTensor, y: KTensor) => KTensor;

const unaryCase = (what: string, f: Unary, oracle: (x: OArray) => OArray): ValueCase => ({
  name: `int64: ${what}`,
  inputs: [input(X)],
  run: (K, x) => f(K, x),
  expected: (x) => oracle(x),
});

const binaryCase = (what: string, f: Binary, oracle: (a: bigint, b: bigint) => bigint | boolean): ValueCase => ({
  name: `int64: ${what}`,
  inputs: [input(X), input(Y)],
  run: (K, x, y) => f(K, x, y),
  expected: (x, y) => binary64(x, y, oracle),
});

type Axis = number | number[] | null;
type Kind = 'sum' | 'prod' | 'max' | 'min';
const red = (kind: Kind, f: (K: KApi, x: KTensor, axis: Axis, keepDims?: boolean) => KTensor): ValueCase[] => [
  { name: 'int64: over all axes', inputs: [input(X)], run: (K, x) => f(K, x, null), expected: (x) => reduce64(x, null, kind) },
  { name: 'int64: over axis 1', inputs: [input(X)], run: (K, x) => f(K, x, 1), expected: (x) => reduce64(x, [1], kind) },
  {
    name: 'int64: over axis 0, keepdims',
    inputs: [input(Y)],
    run: (K, x) => f(K, x, 0, true),
    expected: (x) => {
      const r = reduce64(x, [0], kind);
      return { ...r, shape: [1, ...r.shape] };
    },
  },
  { name: 'int64: rows whose low 32 bits order them the other way, over axis 1', inputs: [input(Z)], run: (K, x) => f(K, x, 1), expected: (x) => reduce64(x, [1], kind) },
  { name: 'int64: the same, over all axes', inputs: [input(W)], run: (K, x) => f(K, x, null), expected: (x) => reduce64(x, null, kind) },
  { name: 'int64: longer rows of the same kind, over axis 1', inputs: [input(V)], run: (K, x) => f(K, x, 1), expected: (x) => reduce64(x, [1], kind) },
  {
    name: 'int64: over an empty axis',
    inputs: [input([[]] as unknown as bigint[][], { placeholderShape: [null, 0] })],
    run: (K, x) => f(K, x, 1),
    expected: () => reduce64(i64([], [1, 0]), [1], kind),
  },
];

/**
 * A call on an int64 constant that must throw: the error's class and message are the
 * result (a value case, so that a backend without int64 reports it unsupported).
 */
function refusal(name: string, f: Unary, message: string): ValueCase {
  return {
    name,
    inputs: [input([0n], { kind: 'constant' })],
    modes: ['eager'],
    run: (K, x) => {
      try {
        f(K, x);
        return 'no error';
      } catch (e) {
        if (e instanceof K.UnsupportedError) throw e;
        return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
      }
    },
    expected: () => message,
  };
}

/** Casts from int64 to every dtype, and from every dtype to int64. */
function castCases(): ValueCase[] {
  const targets: readonly OracleDType[] = ['float16', 'float32', 'float64', 'int8', 'int16', 'int32', 'uint8', 'uint16', 'bool'];
  // ties and near-ties of float32 (24 bits) and float64 (53 bits) rounding, and values whose low bits wrap
  const values: bigint[] = [MIN, MAX, 2n ** 24n + 1n, 2n ** 24n + 3n, 2n ** 60n + 2n ** 36n + 1n, 2n ** 53n + 1n, 2n ** 53n + 3n, -(2n ** 32n) - 129n, 65519n, 65520n, 0n, -1n];
  const out: ValueCase[] = targets.map((to) => ({
    name: `int64 to ${to}`,
    inputs: [input(values)],
    run: (K: KApi, x: KTensor) => K.cast(x, to),
    expected: (x: OArray) => castI64(x, 'int64', to),
  }));
  out.push({
    name: 'float32 to int64: NaN gives 0, out-of-range values saturate, others truncate',
    inputs: [{ value: [NaN, Infinity, -Infinity, 1e30, -1e30, 2 ** 63, -(2 ** 63), 2.7, -2.7, 2 ** 40], dtype: 'float32' }],
    run: (K, x) => K.cast(x, 'int64'),
    expected: (x) => castI64(x, 'float32', 'int64'),
  });
  out.push({
    name: 'float64 to int64: the largest doubles below 2^63 convert exactly',
    inputs: [{ value: [2 ** 63 - 1024, -(2 ** 63) + 1024, 2 ** 53 + 2, -0.5, 1e300], dtype: 'float64' }],
    run: (K, x) => K.cast(x, 'int64'),
    expected: (x) => castI64(x, 'float64', 'int64'),
  });
  for (const from of ['float16', 'int8', 'int16', 'int32', 'uint8', 'uint16', 'bool'] as const) {
    const v = from === 'bool' ? [true, false] : from === 'uint8' || from === 'uint16' ? [0, 1, 255] : from === 'float16' ? [-65504, -1.5, 0.1, 1000] : [-128, -1, 0, 127];
    out.push({
      name: `${from} to int64`,
      inputs: [{ value: v, dtype: from }],
      run: (K, x) => K.cast(x, 'int64'),
      expected: (x) => castI64(x, from, 'int64'),
    });
  }
  return out;
}

/** Creation, state and evaluation functions in int64. */
function tensorCases(): Record<string, ValueCase[]> {
  const one = (c: Omit<ValueCase, 'name'> & { name: string }): ValueCase[] => [c];
  return {
    constant: [
      { name: 'int64: bigints beyond 2^53 kept exactly', run: (K) => K.constant([MIN, MAX, 2n ** 53n + 1n], { dtype: 'int64' }), expected: () => i64([MIN, MAX, 2n ** 53n + 1n], [3]) },
      { name: 'int64: a BigInt64Array', run: (K) => K.constant(BigInt64Array.of(-5n, MAX), { dtype: 'int64' }), expected: () => i64([-5n, MAX], [2]) },
      { name: 'int64: whole numbers within 2^53', run: (K) => K.constant([-(2 ** 53), 0, 2 ** 53], { dtype: 'int64' }), expected: () => i64([-(2n ** 53n), 0n, 2n ** 53n], [3]) },
      { name: 'int64: a scalar filling a shape', run: (K) => K.constant(MIN, { dtype: 'int64', shape: [2, 2] }), expected: () => i64([MIN, MIN, MIN, MIN], [2, 2]) },
    ],
    variable: one({
      name: 'int64: a variable of bigints',
      modes: ['eager'],
      run: (K) => K.getValue(K.variable(X, { dtype: 'int64' })),
      expected: () => i64(flat(X), [2, 3]),
    }),
    zeros: one({ name: 'int64', run: (K) => K.zeros([2, 3], 'int64'), expected: () => i64(new Array<bigint>(6).fill(0n), [2, 3]) }),
    ones: one({ name: 'int64', run: (K) => K.ones([2, 3], 'int64'), expected: () => i64(new Array<bigint>(6).fill(1n), [2, 3]) }),
    eye: one({ name: 'int64', run: (K) => K.eye([2, 3], 'int64'), expected: () => i64([1n, 0n, 0n, 0n, 1n, 0n], [2, 3]) }),
    zeros_like: one({ name: 'int64 keeps its dtype', inputs: [input(X)], run: (K, x) => K.zerosLike(x), expected: (x) => i64(new Array<bigint>(6).fill(0n), x.shape) }),
    ones_like: one({ name: 'int64 keeps its dtype', inputs: [input(X)], run: (K, x) => K.onesLike(x), expected: (x) => i64(new Array<bigint>(6).fill(1n), x.shape) }),
    identity: one({ name: 'int64', inputs: [input(X)], run: (K, x) => K.identity(x), expected: (x) => i64(bigOf(x), x.shape) }),
    eval: one({ name: 'int64: a BigInt64Array of exact values', inputs: [input(X, { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => i64(bigOf(x), x.shape) }),
    dtype: one({ name: 'int64', inputs: [input(X)], run: (K, x) => K.dtype(x), expected: () => 'int64' }),
    placeholder: [
      {
        name: 'int64: fed bigints, a BigInt64Array and whole numbers',
        modes: ['eager'],
        run: (K) => {
          const p = K.placeholder({ shape: [null, 3], dtype: 'int64' });
          const f = K.function([p], [K.identity(p)]);
          const out = (v: Parameters<typeof f>[0][0]): NDArray => (f([v]) as NDArray[])[0];
          return [K.dtype(p), out(Y), out({ data: BigInt64Array.from(flat(Y)), shape: [2, 3] }), out([[1, 2, 3]])];
        },
        expected: () => ['int64', i64(flat(Y), [2, 3]), i64(flat(Y), [2, 3]), i64([1n, 2n, 3n], [1, 3])],
      },
    ],
    get_value: one({ name: 'int64', inputs: [input(X, { kind: 'variable' })], modes: ['eager'], run: (K, v) => K.getValue(v), expected: (v) => i64(bigOf(v), v.shape) }),
    set_value: one({
      name: 'int64: bigints stored exactly',
      inputs: [input(X, { kind: 'variable' })],
      modes: ['eager'],
      run(K, v) {
        K.setValue(v, Y);
        return K.getValue(v);
      },
      expected: () => i64(flat(Y), [2, 3]),
    }),
    update: one({
      name: 'int64',
      inputs: [input(X, { kind: 'variable' }), input(Y)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.update(v, x));
        return K.getValue(v);
      },
      expected: (_v, x) => i64(bigOf(x), x.shape),
    }),
    update_add: one({
      name: 'int64: wraps like add',
      inputs: [input(X, { kind: 'variable' }), input(Y)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.updateAdd(v, x));
        return K.getValue(v);
      },
      expected: (v, x) => binary64(v, x, (a, b) => a + b),
    }),
    update_sub: one({
      name: 'int64: wraps like subtract',
      inputs: [input(X, { kind: 'variable' }), input(Y)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.updateSub(v, x));
        return K.getValue(v);
      },
      expected: (v, x) => binary64(v, x, (a, b) => a - b),
    }),
  };
}

/** The int64 variant cases, by Keras function name. */
export const INT64_VARIANTS: Readonly<Record<string, readonly ValueCase[]>> = {
  ...tensorCases(),
  cast: castCases(),
  add: [binaryCase('wraps', (K, x, y) => K.add(x, y), (a, b) => a + b)],
  subtract: [binaryCase('wraps', (K, x, y) => K.subtract(x, y), (a, b) => a - b)],
  multiply: [binaryCase('wraps', (K, x, y) => K.multiply(x, y), (a, b) => a * b)],
  maximum: [
    binaryCase('elementwise', (K, x, y) => K.maximum(x, y), (a, b) => (a > b ? a : b)),
    { name: 'int64: operands whose low 32 bits order them the other way', inputs: [input(Z), input(W)], run: (K, x, y) => K.maximum(x, y), expected: (x, y) => binary64(x, y, (a, b) => (a > b ? a : b)) },
  ],
  minimum: [
    binaryCase('elementwise', (K, x, y) => K.minimum(x, y), (a, b) => (a < b ? a : b)),
    { name: 'int64: operands whose low 32 bits order them the other way', inputs: [input(Z), input(W)], run: (K, x, y) => K.minimum(x, y), expected: (x, y) => binary64(x, y, (a, b) => (a < b ? a : b)) },
  ],
  negative: [unaryCase('wraps (-2^63 negates to itself)', (K, x) => K.negative(x), (x) => unary64(x, (a) => -a))],
  abs: [unaryCase('wraps (-2^63 is its own absolute value)', (K, x) => K.abs(x), (x) => unary64(x, (a) => (a < 0n ? -a : a)))],
  square: [unaryCase('wraps', (K, x) => K.square(x), (x) => unary64(x, (a) => a * a))],
  sign: [unaryCase('elementwise', (K, x) => K.sign(x), (x) => unary64(x, (a) => (a > 0n ? 1n : a < 0n ? -1n : 0n)))],
  pow: [
    refusal('int64: a negative constant exponent is refused', (K, x) => K.pow(x, K.constant([-3n], { dtype: 'int64' })),
      "KerasValueError: pow: argument 'a' must be >= 0 for an int64 base (integers to negative powers are not allowed), got -3"),
    unaryCase('to the power 3, wrapping', (K, x) => K.pow(x, 3), (x) => unary64(x, (a) => a ** 3n)),
    {
      name: 'int64: tensor exponents up to 64, wrapping',
      inputs: [input([3n, 2n, -1n, -2n, 7n, MIN, 0n]), input([40n, 63n, 63n, 63n, 64n, 2n, 0n])],
      run: (K, x, e) => K.pow(x, e),
      expected: (x, e) => binary64(x, e, pow64),
    },
    {
      name: 'int64: negative exponents known at run time give the real result truncated (as int32)',
      modes: ['graph'],
      inputs: [input([2n, 1n, -1n, -1n, 0n]), input([-3n, -5n, -3n, -4n, -1n])],
      run: (K, x, e) => K.pow(x, e),
      expected: (x, e) => binary64(x, e, pow64),
    },
  ],
  // comparisons
  equal: [
    binaryCase('elementwise', (K, x, y) => K.equal(x, y), (a, b) => a === b),
    {
      name: 'int64: neighbours beyond 2^53 are told apart',
      inputs: [input([2n ** 53n + 1n, MAX, MIN]), input([2n ** 53n, MAX, MIN])],
      run: (K, x, y) => K.equal(x, y),
      expected: (x, y) => binary64(x, y, (a, b) => a === b),
    },
  ],
  not_equal: [binaryCase('elementwise', (K, x, y) => K.notEqual(x, y), (a, b) => a !== b)],
  greater: [
    binaryCase('elementwise', (K, x, y) => K.greater(x, y), (a, b) => a > b),
    {
      name: 'int64: neighbours beyond 2^53 are told apart',
      inputs: [input([2n ** 53n + 1n, MAX, MIN + 1n]), input([2n ** 53n, MAX - 1n, MIN])],
      run: (K, x, y) => K.greater(x, y),
      expected: (x, y) => binary64(x, y, (a, b) => a > b),
    },
  ],
  greater_equal: [binaryCase('elementwise', (K, x, y) => K.greaterEqual(x, y), (a, b) => a >= b)],
  less: [binaryCase('elementwise', (K, x, y) => K.less(x, y), (a, b) => a < b)],
  less_equal: [binaryCase('elementwise', (K, x, y) => K.lessEqual(x, y), (a, b) => a <= b)],
  // reductions
  sum: red('sum', (K, x, axis, kd) => K.sum(x, axis, kd)),
  prod: red('prod', (K, x, axis, kd) => K.prod(x, axis, kd)),
  max: red('max', (K, x, axis, kd) => K.max(x, axis, kd)),
  min: red('min', (K, x, axis, kd) => K.min(x, axis, kd)),
  cumsum: [
    unaryCase('along axis 1 (each partial sum wrapped)', (K, x) => K.cumsum(x, 1), (x) => cumulative64(x, 1, 'sum')),
    unaryCase('along axis 0', (K, x) => K.cumsum(x, 0), (x) => cumulative64(x, 0, 'sum')),
  ],
  cumprod: [
    unaryCase('along axis 1 (each partial product wrapped)', (K, x) => K.cumprod(x, 1), (x) => cumulative64(x, 1, 'prod')),
    unaryCase('along axis 0', (K, x) => K.cumprod(x, 0), (x) => cumulative64(x, 0, 'prod')),
  ],
  argmax: [
    {
      name: 'int64: int32 indices; neighbours beyond 2^53 told apart',
      inputs: [input([[2n ** 53n, 2n ** 53n + 1n, 2n ** 53n], [MIN, MIN + 1n, MIN + 1n]])],
      outDtype: 'int32',
      run: (K, x) => K.argmax(x, 1),
      expected: (x) => argExtreme64(x, 1, 'max'),
    },
  ],
  argmin: [
    {
      name: 'int64: int32 indices; neighbours beyond 2^53 told apart',
      inputs: [input([[MAX, MAX - 1n, MAX - 1n], [-(2n ** 53n), -(2n ** 53n) - 1n, 0n]])],
      outDtype: 'int32',
      run: (K, x) => K.argmin(x, 1),
      expected: (x) => argExtreme64(x, 1, 'min'),
    },
  ],
  clip: [
    {
      name: 'int64: bounds beyond 2^53 saturate at the int64 range (the cast rule)',
      inputs: [input(X)],
      run: (K, x) => K.clip(x, -1e30, 2 ** 60),
      expected: (x) => unary64(x, (a) => (a > floatToI64(2 ** 60) ? floatToI64(2 ** 60) : a < floatToI64(-1e30) ? floatToI64(-1e30) : a)),
    },
    {
      name: 'int64: bounds truncate toward zero (as for every integer dtype)',
      inputs: [input(Y)],
      run: (K, x) => K.clip(x, -0.5, 4.9),
      expected: (x) => unary64(x, (a) => (a > 4n ? 4n : a < 0n ? 0n : a)),
    },
  ],
  // shape functions: elements moved exactly
  reshape: shaped('values kept exactly', (K, x) => K.reshape(x, [3, 2]), ([x]) => reshape(x, [3, 2])),
  permute_dimensions: shaped('values kept exactly', (K, x) => K.permuteDimensions(x, [1, 0]), ([x]) => transpose(x, [1, 0])),
  concatenate: shaped('along each axis', (K, x, y) => K.concatenate([x, y, x], 0), ([x, y]) => concatenate([x, y, x], 0)),
  tile: shaped('values kept exactly', (K, x) => K.tile(x, [2, 3]), ([x]) => tile(x, [2, 3])),
  expand_dims: shaped('values kept exactly', (K, x) => K.expandDims(x, 1), ([x]) => expandDims(x, 1)),
  stack: shaped('values kept exactly', (K, x, y) => K.stack([x, y], 1), ([x, y]) => stack([x, y], 1)),
  reverse: shaped('values kept exactly', (K, x) => K.reverse(x, [0, 1]), ([x]) => reverse(x, [0, 1])),
  repeat_elements: shaped('values kept exactly', (K, x) => K.repeatElements(x, 2, 1), ([x]) => repeatElements(x, 2, 1)),
  temporal_padding: [
    {
      name: 'int64: padded with zeros, values kept exactly',
      inputs: [input([X, Y])],
      run: (K, x) => K.temporalPadding(x, [1, 2]),
      // the padding is the position past x's end, whose value is 0
      expected: (x) => moved([x, i64([0n], [1])], ([p]) => pad(p, [[0, 0], [1, 2], [0, 0]], x.data.length)),
    },
  ],
  // refusals that need an int64 tensor (tfjs cannot make one: unsupported there), as value cases
  gather: [
    {
      name: 'int64: rows of an int64 tensor (int32 indices), values kept exactly',
      inputs: [input(X), { value: [1, 0, 1], dtype: 'int32' }],
      run: (K, x, i) => K.gather(x, i),
      expected: (x, i) => moved([x], ([p]) => gather(p, i)),
    },
    refusal('int64 indices are refused (no silent narrowing)', (K, i) => K.gather(K.constant([1, 2]), i),
      "KerasTypeError: gather: argument 'indices' must be an integer tensor of at most 32 bits, got dtype int64 (use K.cast(x, 'int32'))"),
  ],
  one_hot: [
    refusal('int64 indices are refused (no silent narrowing)', (K, i) => K.oneHot(i, 3),
      "KerasTypeError: oneHot: argument 'indices' must be an integer tensor of at most 32 bits, got dtype int64 (use K.cast(x, 'int32'))"),
  ],
  sparse_categorical_crossentropy: [
    refusal('int64 targets are refused (no silent narrowing)', (K, t) => K.sparseCategoricalCrossentropy(t, K.constant([[0.5, 0.5]])),
      "KerasTypeError: sparseCategoricalCrossentropy: argument 'target' must be an integer tensor of at most 32 bits, got dtype int64 (use K.cast(x, 'int32'))"),
  ],
  any: [unaryCase('x != 0 over axis 1', (K, x) => K.any(x, 1), (x) => reduce64(x, [1], 'any'))],
  all: [unaryCase('x != 0 over axis 0', (K, x) => K.all(x, 0), (x) => reduce64(x, [0], 'all'))],
};

/** Error cases of int64 values, by Keras function name. */
export const INT64_ERRORS: Readonly<Record<string, readonly ErrorCase[]>> = {
  constant: [
    {
      name: 'int64: a fraction is refused (not truncated)',
      run: (K) => K.constant([1, 1.5], { dtype: 'int64' }),
      error: 'KerasValueError',
      message:
        "constant: argument 'value' has the value 1.5 at flat index 1, which an int64 cannot take exactly from a number (expected whole numbers within +-2^53; pass bigints or a BigInt64Array for larger ones, or use K.cast to convert floats)",
    },
    {
      name: 'int64: a number beyond 2^53 is refused (not rounded)',
      run: (K) => K.constant(2 ** 60, { dtype: 'int64' }),
      error: 'KerasValueError',
      message:
        "constant: argument 'value' has the value 1152921504606847000 at flat index 0, which an int64 cannot take exactly from a number (expected whole numbers within +-2^53; pass bigints or a BigInt64Array for larger ones, or use K.cast to convert floats)",
    },
    {
      name: 'int64: a bigint beyond the range is refused',
      run: (K) => K.constant([0n, 2n ** 63n], { dtype: 'int64' }),
      error: 'KerasValueError',
      message: "constant: argument 'value' has the value 9223372036854775808 at flat index 1, out of the int64 range (-2^63 to 2^63 - 1)",
    },
  ],
  variable: [
    {
      name: 'int64: NaN is refused',
      run: (K) => K.variable([NaN], { dtype: 'int64' }),
      error: 'KerasValueError',
      message:
        "variable: argument 'value' has the value NaN at flat index 0, which an int64 cannot take exactly from a number (expected whole numbers within +-2^53; pass bigints or a BigInt64Array for larger ones, or use K.cast to convert floats)",
    },
  ],
};
