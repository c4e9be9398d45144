/**
 * Elementwise primitives: unary, binary (NumPy broadcasting), `where`, `cast` and
 * `identity`. Their names, attributes, arity and shape and dtype rules.
 */
import { DType } from '../dtypes';
import { NoAttrs, PrimitiveDef, PrimitiveDefs, bool, broadcastShapes, checkDType, checkSameDType, float } from './definition';

/**
 * Elementwise unary primitives, one input, output of the input's dtype.
 * - neg, abs, sign (sign(0) = 0), sqrt, exp, log, tanh, sin, cos, floor, ceil
 * - sigmoid: 1 / (1 + exp(-x)), computed without overflow for large |x|
 * - relu: max(x, 0)
 * - round: half to even (banker's rounding), as TF, NumPy and ONNX do
 * - logicalNot: bool -> bool
 */
export const UNARY_PRIMITIVES = [
  'neg',
  'abs',
  'sign',
  'sqrt',
  'exp',
  'log',
  'tanh',
  'sigmoid',
  'relu',
  'sin',
  'cos',
  'round',
  'floor',
  'ceil',
  'logicalNot',
] as const;
export type UnaryPrimitive = (typeof UNARY_PRIMITIVES)[number];

/** Binary primitives whose output has the input dtype: add, sub, mul, div, pow, maximum, minimum. */
const ARITHMETIC_BINARY = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum'] as const;

/** Binary primitives whose output is bool: the comparisons, and logicalAnd / logicalOr. */
const BOOL_BINARY = ['equal', 'notEqual', 'greater', 'greaterEqual', 'less', 'lessEqual', 'logicalAnd', 'logicalOr'] as const;

/**
 * Elementwise binary primitives with NumPy broadcasting (shapes aligned on the
 * right; a dim of 1 stretches). Both inputs have the same dtype.
 * - add, sub, mul, div, pow, maximum, minimum: output of the input dtype.
 *   `div` takes floats only (src/api casts integers first).
 *   `pow` on int32 is integer power, wrapping (two's complement); a negative
 *   exponent gives the real result truncated toward zero (1 for a base of 1, +-1
 *   for -1, else 0).
 * - equal, notEqual, greater, greaterEqual, less, lessEqual: bool output.
 * - logicalAnd, logicalOr: bool in, bool out.
 */
export const BINARY_PRIMITIVES = [...ARITHMETIC_BINARY, ...BOOL_BINARY] as const;
export type BinaryPrimitive = (typeof BINARY_PRIMITIVES)[number];

/** Binary primitives whose output is bool. */
export const COMPARISON_PRIMITIVES: ReadonlySet<BinaryPrimitive> = new Set<BinaryPrimitive>(BOOL_BINARY);

/** Attributes of the elementwise primitives. */
export type ElementwiseAttrs = { readonly [P in UnaryPrimitive]: NoAttrs } & {
  readonly [P in BinaryPrimitive]: NoAttrs;
} & {
  /** Returns its input unchanged (a new tensor holding the same values). */
  readonly identity: NoAttrs;
  /**
   * Elementwise conversion. float -> int truncates toward zero and saturates (NaN gives 0,
   * values beyond the range its nearest end); x -> bool is x != 0; bool -> number is 0/1.
   */
  readonly cast: { readonly dtype: DType };
  /** inputs [cond (bool), a, b], all broadcast together; output dtype of a (a and b share a dtype). */
  readonly where: NoAttrs;
};

/** Any dtype; the output is shaped and typed as the input. */
const sameAsInput: PrimitiveDef<NoAttrs> = { arity: 1, infer: ([x]) => x };

/** Binary primitive `op`: inputs of one dtype (restricted by `allowed`), broadcast shapes. */
function binaryDef<P extends BinaryPrimitive>(op: P, allowed?: { is: (d: DType) => boolean; what: string }): PrimitiveDefs<ElementwiseAttrs>[P] {
  const comparison = COMPARISON_PRIMITIVES.has(op);
  return {
    arity: 2,
    infer: (inputs) => {
      checkSameDType(op, inputs);
      if (allowed !== undefined) checkDType(op, inputs[0], allowed.is, allowed.what);
      return { shape: broadcastShapes(inputs[0].shape, inputs[1].shape, op), dtype: comparison ? 'bool' : inputs[0].dtype };
    },
  };
}

const FLOATS = { is: float, what: 'a float tensor' };
const BOOLS = { is: bool, what: 'a bool tensor' };

/** Definitions of the elementwise primitives. */
export const ELEMENTWISE_PRIMITIVES: PrimitiveDefs<ElementwiseAttrs> = {
  neg: sameAsInput,
  abs: sameAsInput,
  sign: sameAsInput,
  sqrt: sameAsInput,
  exp: sameAsInput,
  log: sameAsInput,
  tanh: sameAsInput,
  sigmoid: sameAsInput,
  relu: sameAsInput,
  sin: sameAsInput,
  cos: sameAsInput,
  round: sameAsInput,
  floor: sameAsInput,
  ceil: sameAsInput,
  logicalNot: {
    arity: 1,
    infer: ([x]) => {
      checkDType('logicalNot', x, bool, 'a bool tensor');
      return x;
    },
  },
  add: binaryDef('add'),
  sub: binaryDef('sub'),
  mul: binaryDef('mul'),
  div: binaryDef('div', FLOATS),
  pow: binaryDef('pow'),
  maximum: binaryDef('maximum'),
  minimum: binaryDef('minimum'),
  equal: binaryDef('equal'),
  notEqual: binaryDef('notEqual'),
  greater: binaryDef('greater'),
  greaterEqual: binaryDef('greaterEqual'),
  less: binaryDef('less'),
  lessEqual: binaryDef('lessEqual'),
  logicalAnd: binaryDef('logicalAnd', BOOLS),
  logicalOr: binaryDef('logicalOr', BOOLS),
  identity: sameAsInput,
  cast: { arity: 1, infer: ([x], a) => ({ shape: x.shape, dtype: a.dtype }) },
  where: {
    arity: 3,
    infer: ([c, a, b]) => {
      checkDType('where', c, bool, 'a bool tensor', "'cond'");
      checkSameDType('where', [a, b]);
      const shape = broadcastShapes(broadcastShapes(c.shape, a.shape, 'where'), b.shape, 'where');
      return { shape, dtype: a.dtype };
    },
  },
};
