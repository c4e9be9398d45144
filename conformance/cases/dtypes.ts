/**
 * dtype variants of the tensors, state, cast, elementwise, comparison and reduction
 * functions: the same calls on float16, int8, int16, uint8 and uint16 tensors, with
 * values that reach each dtype's ends (so integer results wrap and float16 ones
 * round or overflow). Expected values come from the oracle's own rules
 * (conformance/oracle/dtypes.ts: half rounding, two's-complement wrapping, the cast
 * rule). A backend that does not declare a dtype (tfjs) reports those runs
 * `unsupported`. The variants are merged into the specs of their functions (index.ts).
 */
import type { KTensor, NDArray } from '../../src/index';
import type { CaseInput, KApi, ValueCase } from '../case';
import {
  abs,
  add,
  argExtreme,
  castTo,
  compare,
  cumulative,
  full,
  maximum,
  minimum,
  mul,
  neg,
  OArray,
  OracleDType,
  outputAs,
  reduce,
  round,
  sign,
  square,
  sub,
} from '../oracle';
import { exp, gather, log } from '../oracle/math';
import { oneHot } from '../oracle/shape';

/** The dtypes these variants cover. */
export type NarrowDType = 'float16' | 'int8' | 'int16' | 'uint8' | 'uint16';

export const NARROW_DTYPES: readonly NarrowDType[] = ['float16', 'int8', 'int16', 'uint8', 'uint16'];

const INTS: readonly NarrowDType[] = ['int8', 'int16', 'uint8', 'uint16'];

/** Two 2x3 operands per dtype, reaching its ends. */
const OPERANDS: Readonly<Record<NarrowDType, readonly [number[][], number[][]]>> = {
  int8: [[[-128, -100, -1], [0, 100, 127]], [[-1, 100, 2], [5, 100, 1]]],
  int16: [[[-32768, -300, -1], [0, 300, 32767]], [[-1, 300, 2], [7, 200, 1]]],
  uint8: [[[0, 1, 100], [200, 250, 255]], [[1, 255, 3], [100, 10, 1]]],
  uint16: [[[0, 1, 300], [60000, 65000, 65535]], [[1, 65535, 300], [6000, 1000, 1]]],
  // -65504 and 1000 * 70 overflow products; 0.1 and 3.14159 are not halves (rounded on input)
  float16: [[[-65504, -1.5, 0.1], [0, 3.14159, 1000]], [[-1, 0.3, 3], [2.5, 1e-3, 70]]],
};

const input = (dt: NarrowDType, which: 0 | 1, extra: Partial<CaseInput> = {}): CaseInput => ({ value: OPERANDS[dt][which], dtype: dt, ...extra });

type Unary = (K: KApi, x: KTensor) => KTensor;
type Binary = (K: KApi, x: KTensor, y: KTensor) => KTensor;

/** One case per dtype of `dts`: `f(x)` against `oracle(x)` converted to the output dtype. */
function unaryVariants(dts: readonly NarrowDType[], what: string, f: Unary, oracle: (x: OArray, dt: NarrowDType) => OArray, outDtype?: OracleDType): ValueCase[] {
  return dts.map((dt) => ({
    name: `${dt}: ${what}`,
    inputs: [input(dt, 0)],
    run: (K: KApi, x: KTensor) => f(K, x),
    expected: (x: OArray) => outputAs(oracle(x, dt), outDtype ?? dt),
  }));
}

/** One case per dtype of `dts`: `f(x, y)` against `oracle(x, y)` converted to the output dtype. */
function binaryVariants(dts: readonly NarrowDType[], what: string, f: Binary, oracle: (x: OArray, y: OArray) => OArray, outDtype?: OracleDType): ValueCase[] {
  return dts.map((dt) => ({
    name: `${dt}: ${what}`,
    inputs: [input(dt, 0), input(dt, 1)],
    run: (K: KApi, x: KTensor, y: KTensor) => f(K, x, y),
    expected: (x: OArray, y: OArray) => outputAs(oracle(x, y), outDtype ?? dt),
  }));
}

const cmp = (op: Parameters<typeof compare>[2], f: Binary): ValueCase[] =>
  binaryVariants(NARROW_DTYPES, 'compared elementwise', f, (x, y) => compare(x, y, op), 'bool');

type Axis = number | number[] | null;
const red = (kind: 'sum' | 'prod' | 'max' | 'min', f: (K: KApi, x: KTensor, axis: Axis) => KTensor): ValueCase[] => [
  ...unaryVariants(NARROW_DTYPES, 'over all axes', (K, x) => f(K, x, null), (x) => reduce(x, null, false, kind)),
  ...unaryVariants(NARROW_DTYPES, 'over axis 1', (K, x) => f(K, x, 1), (x) => reduce(x, 1, false, kind)),
];

/** Casts from each narrow dtype to each dtype, and from float32 special values to each narrow one. */
function castVariants(): ValueCase[] {
  const targets: readonly OracleDType[] = ['float32', 'int32', 'bool', ...NARROW_DTYPES];
  const out: ValueCase[] = [];
  for (const from of NARROW_DTYPES) {
    for (const to of targets) {
      if (to === from) continue;
      out.push({
        name: `${from} to ${to}`,
        inputs: [input(from, 0)],
        run: (K, x) => K.cast(x, to),
        expected: (x) => castTo(x, from, to),
      });
    }
  }
  for (const to of NARROW_DTYPES) {
    out.push({
      name: `float32 to ${to}: NaN gives 0 (ints), out-of-range values saturate (ints) or overflow (float16)`,
      inputs: [{ value: [NaN, 1e6, -1e6, 2.7, -2.7, 70000, 0.1], dtype: 'float32' }],
      run: (K, x) => K.cast(x, to),
      expected: (x) => castTo(x, 'float32', to),
    });
    out.push({
      name: `float64 to ${to}: rounded once`,
      // 1 + 2^-11 + 2^-40 lies just above the tie between two halves: once rounded, it goes up
      inputs: [{ value: [1 + 2 ** -11 + 2 ** -40, 65519, 65520, 2 ** -25, 3 * 2 ** -25, -300.5], dtype: 'float64' }],
      run: (K, x) => K.cast(x, to),
      expected: (x) => castTo(x, 'float64', to),
    });
  }
  return out;
}

/** Creation, state and evaluation functions in each narrow dtype. */
function tensorVariants(): Record<string, ValueCase[]> {
  const each = (f: (dt: NarrowDType) => ValueCase): ValueCase[] => NARROW_DTYPES.map(f);
  return {
    constant: each((dt) => ({
      name: `${dt}: values stored in the dtype (rounded or saturated)`,
      run: (K) => K.constant([-70000, -1.5, 0.1, 200, 65519, 70000], { dtype: dt }),
      expected: () => castTo({ data: [-70000, -1.5, 0.1, 200, 65519, 70000], shape: [6] }, 'float64', dt),
    })),
    variable: each((dt) => ({
      name: `${dt}: a variable of the dtype`,
      modes: ['eager'],
      run: (K) => K.getValue(K.variable(OPERANDS[dt][0], { dtype: dt })),
      expected: () => castTo({ data: OPERANDS[dt][0].flat(), shape: [2, 3] }, 'float64', dt),
    })),
    zeros: each((dt) => ({ name: `${dt}`, run: (K) => K.zeros([2, 3], dt), expected: () => ({ ...full([2, 3], 0), dtype: dt }) })),
    ones: each((dt) => ({ name: `${dt}`, run: (K) => K.ones([2, 3], dt), expected: () => ({ ...full([2, 3], 1), dtype: dt }) })),
    eye: each((dt) => ({ name: `${dt}`, run: (K) => K.eye([2, 3], dt), expected: () => ({ data: [1, 0, 0, 0, 1, 0], shape: [2, 3], dtype: dt }) })),
    zeros_like: each((dt) => ({ name: `${dt} keeps its dtype`, inputs: [input(dt, 0)], run: (K, x) => K.zerosLike(x), expected: (x) => ({ ...full(x.shape, 0), dtype: dt }) })),
    ones_like: each((dt) => ({ name: `${dt} keeps its dtype`, inputs: [input(dt, 0)], run: (K, x) => K.onesLike(x), expected: (x) => ({ ...full(x.shape, 1), dtype: dt }) })),
    identity: each((dt) => ({ name: `${dt}`, inputs: [input(dt, 0)], run: (K, x) => K.identity(x), expected: (x) => ({ ...x, dtype: dt }) })),
    eval: each((dt) => ({ name: `${dt}`, inputs: [input(dt, 0, { kind: 'constant' })], modes: ['eager'], run: (K, x) => K.eval(x), expected: (x) => ({ ...x, dtype: dt }) })),
    dtype: each((dt) => ({ name: `${dt}`, inputs: [input(dt, 0)], run: (K, x) => K.dtype(x), expected: () => dt })),
    placeholder: each((dt) => ({
      name: `${dt}`,
      modes: ['eager'],
      run: (K) => {
        const p = K.placeholder({ shape: [null, 3], dtype: dt });
        return [K.dtype(p), (K.function([p], [K.identity(p)])([OPERANDS[dt][1]]) as NDArray[])[0]];
      },
      expected: () => [dt, castTo({ data: OPERANDS[dt][1].flat(), shape: [2, 3] }, 'float64', dt)],
    })),
    get_value: each((dt) => ({ name: `${dt}`, inputs: [input(dt, 0, { kind: 'variable' })], modes: ['eager'], run: (K, v) => K.getValue(v), expected: (v) => ({ ...v, dtype: dt }) })),
    set_value: each((dt) => ({
      name: `${dt}: values stored in the dtype`,
      inputs: [input(dt, 0, { kind: 'variable' })],
      modes: ['eager'],
      run(K, v) {
        K.setValue(v, OPERANDS[dt][1]);
        return K.getValue(v);
      },
      expected: (_v) => castTo({ data: OPERANDS[dt][1].flat(), shape: [2, 3] }, 'float64', dt),
    })),
    update: each((dt) => ({
      name: `${dt}`,
      inputs: [input(dt, 0, { kind: 'variable' }), input(dt, 1)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.update(v, x));
        return K.getValue(v);
      },
      expected: (_v, x) => ({ ...x, dtype: dt }),
    })),
    update_add: each((dt) => ({
      name: `${dt}: wraps or rounds like add`,
      inputs: [input(dt, 0, { kind: 'variable' }), input(dt, 1)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.updateAdd(v, x));
        return K.getValue(v);
      },
      expected: (v, x) => outputAs(add(v, x), dt),
    })),
    update_sub: each((dt) => ({
      name: `${dt}: wraps or rounds like subtract`,
      inputs: [input(dt, 0, { kind: 'variable' }), input(dt, 1)],
      modes: ['eager'],
      run(K, v, x) {
        K.eval(K.updateSub(v, x));
        return K.getValue(v);
      },
      expected: (v, x) => outputAs(sub(v, x), dt),
    })),
  };
}

/**
 * float16 chains that tell rounding at each op's output from rounding only at the
 * end: (x + y) - x with x = 1000, y = 0.3 is 0.5 when x + y is first rounded to a half
 * (1000.5; halves near 1000 are 0.5 apart), 0.2998... otherwise.
 */
const ROUNDED_BETWEEN_OPS: ValueCase = {
  name: 'float16: rounded at each op output ((x + y) - x)',
  inputs: [
    { value: [1000, 3.14159, -2.2], dtype: 'float16' },
    { value: [0.3, 1e-3, 0.001], dtype: 'float16' },
  ],
  run: (K, x, y) => K.subtract(K.add(x, y), x),
  expected: (x, y) => outputAs(sub(outputAs(add(x, y), 'float16'), x), 'float16'),
};

/** The variant cases, by Keras function name. */
export const DTYPE_VARIANTS: Readonly<Record<string, readonly ValueCase[]>> = {
  ...tensorVariants(),
  cast: castVariants(),
  // elementwise
  add: binaryVariants(NARROW_DTYPES, 'wraps (ints) or rounds (float16)', (K, x, y) => K.add(x, y), add),
  subtract: binaryVariants(NARROW_DTYPES, 'wraps (ints) or rounds (float16)', (K, x, y) => K.subtract(x, y), sub),
  multiply: binaryVariants(NARROW_DTYPES, 'wraps (ints) or rounds and overflows (float16)', (K, x, y) => K.multiply(x, y), mul),
  maximum: binaryVariants(NARROW_DTYPES, 'elementwise', (K, x, y) => K.maximum(x, y), maximum),
  minimum: binaryVariants(NARROW_DTYPES, 'elementwise', (K, x, y) => K.minimum(x, y), minimum),
  negative: unaryVariants(NARROW_DTYPES, 'wraps (the smallest int negates to itself; unsigned wrap)', (K, x) => K.negative(x), neg),
  abs: unaryVariants(NARROW_DTYPES, 'wraps (the smallest int is its own absolute value)', (K, x) => K.abs(x), abs),
  square: [
    ...unaryVariants(NARROW_DTYPES, 'wraps (ints) or overflows (float16)', (K, x) => K.square(x), square),
    // 3.140625^2 = 9.8635... rounds to 9.8671875 before it is squared again: 97.375, not 97.3125
    ...unaryVariants(['float16'], 'squared twice, rounded in between', (K, x) => K.square(K.square(x)), (x) => square(outputAs(square(x), 'float16'))),
    ROUNDED_BETWEEN_OPS,
  ],
  sign: unaryVariants(NARROW_DTYPES, 'elementwise', (K, x) => K.sign(x), sign),
  round: unaryVariants(['float16'], 'half to even', (K, x) => K.round(x), round),
  sqrt: unaryVariants(['float16'], 'computed in float32, rounded to half', (K, x) => K.sqrt(K.abs(x)), (x) => ({ ...x, data: x.data.map((v) => Math.sqrt(Math.abs(v))) })),
  exp: unaryVariants(['float16'], 'overflows to inf beyond 11.09', (K, x) => K.exp(x), exp),
  log: unaryVariants(['float16'], 'of |x|', (K, x) => K.log(K.abs(x)), (x) => log(abs(x))),
  pow: unaryVariants(INTS, 'integer power wraps', (K, x) => K.pow(x, 3), (x) => ({ ...x, data: x.data.map((v) => v * v * v) })),
  // comparisons
  equal: cmp('equal', (K, x, y) => K.equal(x, y)),
  not_equal: cmp('notEqual', (K, x, y) => K.notEqual(x, y)),
  greater: cmp('greater', (K, x, y) => K.greater(x, y)),
  greater_equal: cmp('greaterEqual', (K, x, y) => K.greaterEqual(x, y)),
  less: cmp('less', (K, x, y) => K.less(x, y)),
  less_equal: cmp('lessEqual', (K, x, y) => K.lessEqual(x, y)),
  // reductions
  sum: red('sum', (K, x, axis) => K.sum(x, axis)),
  prod: red('prod', (K, x, axis) => K.prod(x, axis)),
  max: red('max', (K, x, axis) => K.max(x, axis)),
  min: red('min', (K, x, axis) => K.min(x, axis)),
  cumsum: unaryVariants(NARROW_DTYPES, 'along axis 1 (each partial sum stored in the dtype)', (K, x) => K.cumsum(x, 1), (x) => cumulative(x, 1, 'sum')),
  cumprod: unaryVariants(NARROW_DTYPES, 'along axis 0', (K, x) => K.cumprod(x, 0), (x) => cumulative(x, 0, 'prod')),
  argmax: unaryVariants(NARROW_DTYPES, 'gives int32 indices', (K, x) => K.argmax(x, 1), (x) => argExtreme(x, 1, 'max'), 'int32'),
  argmin: unaryVariants(NARROW_DTYPES, 'gives int32 indices', (K, x) => K.argmin(x, 0), (x) => argExtreme(x, 0, 'min'), 'int32'),
  // integer indices of every width, and gathering rows of a narrow-dtype tensor
  gather: [
    ...INTS.map((dt): ValueCase => ({
      name: `${dt} indices`,
      inputs: [{ value: [[1.5, 2], [3, 4], [5, 6]] }, { value: [2, 0, 2], dtype: dt }],
      run: (K, x, i) => K.gather(x, i),
      expected: (x, i) => gather(x, i),
    })),
    ...NARROW_DTYPES.map((dt): ValueCase => ({
      name: `rows of a ${dt} tensor`,
      inputs: [input(dt, 0), { value: [1, 0, 1], dtype: 'int32' }],
      run: (K, x, i) => K.gather(x, i),
      expected: (x, i) => gather(x, i, dt),
    })),
  ],
  one_hot: INTS.map((dt): ValueCase => ({
    name: `${dt} indices`,
    inputs: [{ value: [[0, 2], [1, 3]], dtype: dt }],
    outDtype: 'float',
    run: (K, i) => K.oneHot(i, 4),
    expected: (i) => oneHot(i, 4),
  })),
  any: unaryVariants(NARROW_DTYPES, 'x != 0 over axis 1', (K, x) => K.any(x, 1), (x) => reduce(x, 1, false, 'any'), 'bool'),
  all: unaryVariants(NARROW_DTYPES, 'x != 0 over axis 0', (K, x) => K.all(x, 0), (x) => reduce(x, 0, false, 'all'), 'bool'),
};
