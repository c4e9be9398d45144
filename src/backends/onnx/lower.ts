/**
 * Lowering of each primitive (see ../types.ts for the exact semantics) to one or a
 * few ONNX nodes at opset `ONNX_OPSET`, through an `Emitter`. The same lowering
 * serves eager kernels (eager.ts) and whole-graph compilation (compile.ts).
 *
 * Where ORT's CPU provider (1.30, opset 26) lacks a kernel for a dtype, the
 * lowering casts around it so that results stay exact. Measured coverage:
 * - float only (no int32, no bool): Sqrt Exp Log Tanh Sigmoid Sin Cos Round Floor Ceil
 *   (int32 inputs: rounding is the identity; the others go through float64).
 * - no bool: Neg Abs Sign Relu Add Sub Mul Div Pow Max Min Greater(OrEqual) Less(OrEqual)
 *   ReduceSum ReduceProd ArgMax ArgMin CumSum CumProd MatMul Where (bool goes through int32).
 * - ReduceMax/ReduceMin take bool but fail on an empty set: any/all are built from
 *   ReduceMin over int32 (empty -> INT32_MAX -> true).
 * - Sigmoid exists for floats but is a low-precision approximation (relative error up
 *   to 100% for x < -16), so sigmoid is built from Exp (see `sigmoidFloat`).
 * - integer Div throws on a zero divisor (div is float-only anyway; see `div`).
 * - int32 Pow goes through double and saturates: int32 pow is built from int64 Mul,
 *   BitwiseAnd and Cast (see `wrappingIntPow`).
 * - everything else used (Equal, Not, And, Or, Cast, Transpose, Reshape, Slice, Concat,
 *   Pad, Tile, Expand, Gather, ScatterElements, ConstantOfShape, Identity) takes all four.
 * - float16, int8, int16, uint8, uint16: most ops lack CPU kernels for them, so every
 *   primitive but `cast` runs in a wider compute dtype (`computeDType`: float16 in
 *   float32, the small integers in int32) between Casts: float16 results are computed
 *   in float32 and rounded to half at each op's output (as NumPy and the reference
 *   backend do), integer results wrap when cast back (the low bits of an int32 sum or
 *   product are the narrow type's), so results stay exact.
 *
 * Attribute values that vary from call to call without changing the node
 * structure (slice begins, reshape targets, pads, ...) go through `Emitter.param`,
 * so eager.ts can feed them as inputs and share one session across values. The
 * lowering must never branch on such values: it branches only on what
 * `structuralKey` returns, on input dtypes and on input ranks.
 */
import { DType, DTYPE_INFO, isIntDType, PrimitiveAttrs, PrimitiveName, ReduceAttrs, Shape } from '../types';
import { AttrValue, OnnxDType, onnxElemType } from './model';

/** Largest int64 this module writes for "to the end" (Slice clamps it to the dim). */
const BIG = Number.MAX_SAFE_INTEGER;

/** Where lowered nodes go. Names are ONNX value names. */
export interface Emitter {
  /**
   * Appends a node with one output and returns the output's (fresh) name. `what`
   * names, in the library's run-time error, whose values a failing node read (see
   * `nodeName` in model.ts).
   */
  node(opType: string, inputs: readonly string[], attrs?: Readonly<Record<string, AttrValue>>, what?: string): string;
  /** Appends a node with `count` outputs and returns their (fresh) names. */
  nodes(opType: string, inputs: readonly string[], count: number, attrs?: Readonly<Record<string, AttrValue>>): string[];
  /** A fixed constant tensor (part of the model's structure). */
  constant(dtype: OnnxDType, dims: readonly number[], values: readonly number[]): string;
  /**
   * A constant whose values may change between calls that share one structure
   * (e.g. slice begins). Its dims must depend only on the structure.
   */
  param(dtype: OnnxDType, dims: readonly number[], values: readonly number[]): string;
  /**
   * An ONNX `If` on the one-element bool `cond`: each body builds its branch's values
   * through the emitter it is given (reading this graph's values by name) and returns
   * one name per entry of `outputs` (the dtype and rank of each, the same in both
   * branches). Returns the If's output names.
   */
  branch(
    cond: string,
    thenBody: (em: Emitter) => readonly string[],
    elseBody: (em: Emitter) => readonly string[],
    outputs: readonly { readonly dtype: OnnxDType; readonly rank: number }[],
  ): string[];
  /**
   * The names `make` returned the first time `key` was asked for in this graph (not
   * its branches): one computation serves several lowerings (e.g. max pooling and its
   * gradient share one MaxPool with Indices).
   */
  shared(key: string, make: () => readonly string[]): readonly string[];
}

/** One input of a primitive, as the lowering sees it. */
export interface LowerInput {
  readonly name: string;
  readonly dtype: DType;
  readonly rank: number;
  /**
   * Every element is +0 and the other inputs' broadcast shape already holds this
   * input's shape, so a lowering may leave it out without changing the result's shape.
   * compile.ts sets it where the graph proves it (zero fills such as a gradient's
   * zerosLike); eager kernels never do.
   */
  readonly plusZeroFill?: boolean;
  /**
   * Every element is a float zero (+0 or -0) known when the graph is built: a constant
   * or its broadcast (compile.ts). `add` and `sub` then avoid an ONNX Add or Sub, which
   * ORT's NoopElimination removes (see `addOrSub`).
   */
  readonly zeroConstant?: boolean;
  /** The static shape (null: a dim known only at run time), where the caller knows it (compile.ts; eager kernels do not). */
  readonly shape?: Shape;
}

/** What the lowering is told about the output. */
export interface LowerOutput {
  readonly dtype: DType;
  readonly rank: number;
}

export type LoweringOf<A> = (
  em: Emitter,
  attrs: A,
  inputs: readonly LowerInput[],
  out: LowerOutput,
) => string;
type NoAttrs = Record<string, never>;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

function isFloat(d: DType): boolean {
  return d === 'float32' || d === 'float64' || d === 'float16';
}

/**
 * The dtype ORT computes `d` in: float16 in float32, int8/int16/uint8/uint16 in int32
 * (see the header), every other dtype in itself.
 */
export function computeDType(d: DType): DType {
  if (d === 'float16') return 'float32';
  return DTYPE_INFO[d].kind !== 'bool' && !isFloat(d) && DTYPE_INFO[d].bytes < 4 ? 'int32' : d;
}

/** Cast `name` from `from` to `to`; no node when they are equal. */
function cast(em: Emitter, name: string, from: OnnxDType, to: OnnxDType): string {
  return from === to ? name : em.node('Cast', [name], { to: onnxElemType(to) });
}

/**
 * Runs `body` on the inputs cast to `via`, then casts the result (of dtype
 * `resultDtype`, default `via`) to `outDtype`.
 */
function castAround(
  em: Emitter,
  inputs: readonly LowerInput[],
  via: DType,
  outDtype: DType,
  body: (names: string[]) => string,
  resultDtype: DType = via,
): string {
  const names = inputs.map((x) => cast(em, x.name, x.dtype, via));
  return cast(em, body(names), resultDtype, outDtype);
}

/**
 * `x + 0` for a float x: turns a -0 into +0 and changes nothing else. Sums start from
 * +0 (TensorFlow's rule); ORT's ReduceSum and CumSum start from the first term. Not an
 * Add of a constant 0: ORT's optimiser removes that as a no-op (measured: kept only
 * when it makes a graph output). Where(x == 0, 0, x) gives +0 for both zeros.
 */
function plusZero(em: Emitter, x: string, dtype: DType): string {
  if (!isFloat(dtype)) return x;
  const zero = em.constant(dtype, [], [0]);
  return em.node('Where', [em.node('Equal', [x, zero]), zero, x]);
}

/**
 * where(c, a, b) that returns a -0 of `a` as it is. ORT's Where (see `whereWithZero`)
 * loses a -0 chosen from its second input, and one from its third when the third is
 * broadcast along the last axes against the second. Both branches are therefore put
 * third, with a 1 (the second input) in the unselected places, and multiplied: x * 1
 * is x exactly, -0, NaN and Inf included.
 */
function exactWhere(em: Emitter, c: string, a: string, b: string, dtype: DType): string {
  const one = em.constant(dtype, [], [1]);
  const fromB = em.node('Where', [c, one, b]);
  // not c as Xor(c, true): ORT's optimiser rewrites Where(Not(c), x, y) as Where(c, y, x)
  const notC = em.node('Xor', [c, em.constant('bool', [], [1])]);
  const fromA = em.node('Where', [notC, one, a]);
  return em.node('Mul', [fromA, fromB]);
}

/**
 * where(c, +0, v) or where(c, v, +0) (`zeroFirst`), exact with one Where when the +0
 * is a fill the result's shape does not depend on (`LowerInput.plusZeroFill`), as in
 * the gradients of relu, maximum, minimum and where. ORT 1.30's CPU Where(c, x, y)
 * computes X = c ? x : +0 and Y = c ? +0 : y (each broadcast with c), then merges them
 * with `X != 0 ? X : Y` (with `Y != 0 ? Y : X` when Y is constant along the last
 * axes while X is not). With a scalar +0 as x, X is +0 everywhere and Y holds at
 * least X's shape, so the merge returns Y: v exactly where it is chosen (-0, NaN and
 * Inf included) and +0 elsewhere. When the +0 belongs to the true branch the
 * condition is negated first, with Xor (ORT's optimiser turns Where(Not(c), x, y)
 * into Where(c, y, x), which would put v second again).
 */
export function whereWithZero(em: Emitter, c: string, v: string, dtype: DType, zeroFirst: boolean): string {
  const zero = em.constant(dtype, [], [0]);
  const cond = zeroFirst ? c : em.node('Xor', [c, em.constant('bool', [], [1])]);
  return em.node('Where', [cond, zero, v]);
}

/**
 * relu of a float `x` as ORT's Relu gives it: x where x > 0 (and NaN), +0 below, but
 * -0 for a -0; the relu primitive is an Abs of it (relu(-0) is +0).
 */
export function reluKeepingMinusZero(em: Emitter, x: string): string {
  return em.node('Relu', [x]);
}

/** int64 constant 0..n-1. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * `body` computed in float64 on an integer or bool x, converted back to `out` by the
 * cast rule (int64: truncated and saturated, NaN -> 0, as `saturatingToInt`; the
 * narrower types as before: a plain Cast).
 */
function viaFloat64(em: Emitter, x: LowerInput, out: DType, body: (a: string) => string): string {
  if (out === 'int64') return saturatingToInt(em, body(cast(em, x.name, x.dtype, 'float64')), 'float64', 'int64');
  return castAround(em, [x], 'float64', out, ([a]) => body(a));
}

/** Unary op ORT runs on float32/float64 only: other dtypes go through float64. */
function floatUnary(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, [x], out) => (isFloat(x.dtype) ? em.node(opType, [x.name]) : viaFloat64(em, x, out.dtype, (a) => em.node(opType, [a])));
}

/** Unary op ORT runs on float32/float64/int32: bool goes through int32 (result cast back, x != 0). */
function numericUnary(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, [x], out) =>
    x.dtype !== 'bool' ? em.node(opType, [x.name]) : castAround(em, [x], 'int32', out.dtype, ([a]) => em.node(opType, [a]));
}

/** Rounding ops: identity on integers and bools. */
function roundingUnary(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, [x]) => (isFloat(x.dtype) ? em.node(opType, [x.name]) : em.node('Identity', [x.name]));
}

/**
 * sigmoid without ORT's Sigmoid, whose CPU kernel is a low-precision approximation
 * (relative error up to 100% for x < -16). With e = exp(-|x|) (never overflows):
 * x >= 0: 1 / (1 + e); x < 0: e / (1 + e).
 */
function sigmoidFloat(em: Emitter, x: string, dtype: DType): string {
  const one = em.constant(dtype, [], [1]);
  const zero = em.constant(dtype, [], [0]);
  const e = em.node('Exp', [em.node('Neg', [em.node('Abs', [x])])]);
  const pos = em.node('Div', [one, em.node('Add', [one, e])]);
  const neg = em.node('Mul', [e, pos]);
  return em.node('Where', [em.node('GreaterOrEqual', [x, zero]), pos, neg]);
}

/** Binary arithmetic ORT runs on float32/float64/int32: bool goes through int32. */
function numericBinary(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, inputs, out) =>
    inputs[0].dtype !== 'bool'
      ? em.node(opType, inputs.map((x) => x.name))
      : castAround(em, inputs, 'int32', out.dtype, (n) => em.node(opType, n));
}

/**
 * add and sub. ORT's NoopElimination (graph optimisation level 'basic' and up) removes
 * an Add of a constant 0 (either side) and a Sub of one (second side), +0 or -0: but
 * x + (+0) turns a -0 into +0 and x - (-0) does too, so with x = -0 the result kept a
 * -0 (1 / sqrt(var + epsilon) gave -Inf for var = -0 and epsilon = 0, where +Inf is
 * right). With a float zero constant on one side the lowering is a Sum (not a target
 * of that rule), x - c as Sum(x, Neg(c)): the same values, -0 included.
 */
function addOrSub(opType: 'Add' | 'Sub'): LoweringOf<NoAttrs> {
  const plain = numericBinary(opType);
  return (em, attrs, inputs, out) => {
    const [a, b] = inputs;
    if (!isFloat(a.dtype) || (a.zeroConstant !== true && b.zeroConstant !== true)) return plain(em, attrs, inputs, out);
    if (opType === 'Add') return em.node('Sum', [a.name, b.name]);
    return em.node('Sum', [a.name, em.node('Neg', [b.name])]);
  };
}

/**
 * maximum/minimum: NaN from either side (ORT's Max/Min propagate it), and b where a
 * and b compare equal (+0 against -0), as TensorFlow's kernels. ORT's Max/Min give b
 * on ties for same-shape operands but a when b is broadcast, so for floats the tie is
 * settled explicitly, exactly (see `exactWhere` for why it multiplies by 1).
 */
function extremum(opType: 'Max' | 'Min'): LoweringOf<NoAttrs> {
  return (em, attrs, inputs, out) => {
    const [a, b] = inputs;
    // ORT 1.30's int64 Max/Min are wrong from two elements on (max(2^31, 4) gave 4): a select on Greater/Less
    if (a.dtype === 'int64') return em.node('Where', [em.node(opType === 'Max' ? 'Greater' : 'Less', [a.name, b.name]), a.name, b.name]);
    if (!isFloat(a.dtype)) return numericBinary(opType)(em, attrs, inputs, out);
    const m = em.node(opType, [a.name, b.name]);
    const one = em.constant(a.dtype, [], [1]);
    const tie = em.node('Equal', [a.name, b.name]);
    const noTie = em.node('Xor', [tie, em.constant('bool', [], [1])]);
    return em.node('Mul', [em.node('Where', [tie, one, m]), em.node('Where', [noTie, one, b.name])]);
  };
}

/** Ordered comparison: bool output; bool inputs compared as 0/1 int32. */
function comparison(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, inputs) =>
    inputs[0].dtype !== 'bool'
      ? em.node(opType, inputs.map((x) => x.name))
      : castAround(em, inputs, 'int32', 'bool', (n) => em.node(opType, n), 'bool');
}

/** Logical op on bools (non-bool inputs are first cast to bool, x != 0). */
function logical(opType: string): LoweringOf<NoAttrs> {
  return (em, _attrs, inputs) => em.node(opType, inputs.map((x) => cast(em, x.name, x.dtype, 'bool')));
}

function axesConst(em: Emitter, axes: readonly number[]): string {
  return em.constant('int64', [axes.length], axes);
}

/** all(x) over axes: min over 0/1 as int32; an empty set gives INT32_MAX, i.e. true. */
function reduceAllBool(em: Emitter, x: string, attrs: PrimitiveAttrs['reduceAll']): string {
  const i = em.node('Cast', [x], { to: onnxElemType('int32') });
  const m = em.node('ReduceMin', [i, axesConst(em, attrs.axes)], { keepdims: attrs.keepDims ? 1 : 0 });
  return em.node('Cast', [m], { to: onnxElemType('bool') });
}

/** any(x) = not all(not x); ORT's ReduceMax on bool fails on an empty set. */
function reduceAnyBool(em: Emitter, x: string, attrs: PrimitiveAttrs['reduceAny']): string {
  return em.node('Not', [reduceAllBool(em, em.node('Not', [x]), attrs)]);
}

/** ReduceSum/Max/Min/Prod on numbers; bool inputs are mapped to any/all. */
function numericReduce(opType: string, onBool: 'any' | 'all'): LoweringOf<ReduceAttrs> {
  return (em, attrs, [x]) => {
    if (x.dtype === 'bool') return onBool === 'any' ? reduceAnyBool(em, x.name, attrs) : reduceAllBool(em, x.name, attrs);
    const reduce = (v: string): string => em.node(opType, [v, axesConst(em, attrs.axes)], { keepdims: attrs.keepDims ? 1 : 0 });
    if (x.dtype === 'int64' && (opType === 'ReduceSum' || opType === 'ReduceProd')) return int64SumOrProd(em, x, attrs, opType === 'ReduceProd');
    if (x.dtype === 'int64') return int64Extreme(em, x, attrs, opType === 'ReduceMax');
    if (x.dtype === 'int32' && (opType === 'ReduceSum' || opType === 'ReduceProd')) {
      // ORT saturates int32 sums and products; the exact wrapping int64 ones (CumSum,
      // CumProd: ORT's int64 ReduceProd goes through double, wrong past 2^53) keep the
      // two's-complement int32 result in their low 32 bits (Cast to int32 keeps them).
      const wide: LowerInput = { ...x, name: cast(em, x.name, 'int32', 'int64'), dtype: 'int64' };
      return cast(em, int64SumOrProd(em, wide, attrs, opType === 'ReduceProd'), 'int64', 'int32');
    }
    const r = reduce(x.name);
    if (isFloat(x.dtype) && (opType === 'ReduceMax' || opType === 'ReduceMin')) return withNaNOf(em, x.name, x.dtype, attrs, r);
    return opType === 'ReduceSum' ? plusZero(em, r, x.dtype) : r;
  };
}

/**
 * int64 sum or product over attrs' axes, wrapping: ORT's int64 ReduceSum and
 * ReduceProd are not exact (measured: sum(2^63 - 1, -2^63, 5, -7) gave -2, as in
 * double), while CumSum and CumProd wrap exactly. So along each reduced axis: pad
 * one 0 (1) in front (an empty axis then gives 0 (1)), scan, keep the last element;
 * then drop the reduced axes unless keepDims.
 */
function int64SumOrProd(em: Emitter, x: LowerInput, attrs: ReduceAttrs, prod: boolean): string {
  let v = x.name;
  const identity = em.constant('int64', [], [prod ? 1 : 0]);
  for (const axis of attrs.axes) {
    const pads = new Array<number>(2 * x.rank).fill(0);
    pads[axis] = 1;
    v = em.node('Pad', [v, em.constant('int64', [pads.length], pads), identity], { mode: 'constant' });
    v = em.node(prod ? 'CumProd' : 'CumSum', [v, em.constant('int64', [], [axis])]);
    v = em.node('Slice', [v, em.constant('int64', [1], [-1]), em.constant('int64', [1], [BIG]), em.constant('int64', [1], [axis])]);
  }
  return attrs.keepDims ? v : em.node('Squeeze', [v, axesConst(em, attrs.axes)]);
}

/**
 * int64 max or min over attrs' axes: ORT 1.30's int64 ReduceMax is wrong (max of
 * [1, 2, 3, 2^31, 4, ..., 8] gave 8), while ArgMax/ArgMin are right. So along each
 * reduced axis: pad one -2^63 (2^63 - 1) in front (an empty axis then gives it, the
 * dtype's end), take the ArgMax (ArgMin) with keepdims and gather that element; then
 * drop the reduced axes unless keepDims.
 */
function int64Extreme(em: Emitter, x: LowerInput, attrs: ReduceAttrs, max: boolean): string {
  let v = x.name;
  const lowest = em.constant('int64', [], [-(2 ** 63)]);
  const end = max ? lowest : em.node('BitwiseNot', [lowest]); // 2^63 - 1 is not a double
  for (const axis of attrs.axes) {
    const pads = new Array<number>(2 * x.rank).fill(0);
    pads[axis] = 1;
    v = em.node('Pad', [v, em.constant('int64', [pads.length], pads), end], { mode: 'constant' });
    const idx = em.node(max ? 'ArgMax' : 'ArgMin', [v], { axis, keepdims: 1, select_last_index: 0 });
    v = em.node('GatherElements', [v, idx], { axis });
  }
  return attrs.keepDims ? v : em.node('Squeeze', [v, axesConst(em, attrs.axes)]);
}

/**
 * `r` (a max or min of x over attrs' axes), NaN where any reduced cell of x is NaN:
 * ORT's ReduceMax/ReduceMin skip NaNs. The sum of x's NaN cells (zeros elsewhere) is
 * NaN exactly there.
 */
function withNaNOf(em: Emitter, x: string, dtype: DType, attrs: ReduceAttrs, r: string): string {
  const nanOnly = em.node('Where', [em.node('IsNaN', [x]), x, em.constant(dtype, [], [0])]);
  const s = em.node('ReduceSum', [nanOnly, axesConst(em, attrs.axes)], { keepdims: attrs.keepDims ? 1 : 0 });
  return em.node('Where', [em.node('IsNaN', [s]), s, r]);
}

/**
 * float (float32 or float64) -> an integer dtype, truncating toward zero and
 * saturating: NaN gives 0, values beyond the target's range its nearest end (ORT's
 * Cast gives INT32_MIN for all of those on x86). The rule of `convertElement` (../dtypes.ts).
 */
function saturatingToInt(em: Emitter, x: string, dtype: DType, to: DType): string {
  const { min, max } = DTYPE_INFO[to];
  if (DTYPE_INFO[to].bytes < 4) {
    // the 8- and 16-bit ends are exact floats: clamp in float, then Cast truncates (ORT has no Where for them)
    const z = em.node('Where', [em.node('IsNaN', [x]), em.constant(dtype, [], [0]), x]);
    const c = em.node('Max', [em.node('Min', [z, em.constant(dtype, [], [max])]), em.constant(dtype, [], [min])]);
    return em.node('Cast', [c], { to: onnxElemType(to) });
  }
  // int64: max is 2^63 (DTYPE_INFO), the double nearest 2^63 - 1; x >= 2^63 is out of range
  const high = em.node('GreaterOrEqual', [x, em.constant(dtype, [], [to === 'int64' ? max : max + 1])]);
  const low = em.node('Less', [x, em.constant(dtype, [], [min])]);
  const bad = em.node('Or', [em.node('Or', [high, low]), em.node('IsNaN', [x])]);
  const t = em.node('Cast', [em.node('Where', [bad, em.constant(dtype, [], [0]), x])], { to: onnxElemType(to) });
  // 2^63 - 1 is not a double: for int64 it is made as NOT(-2^63)
  const top = to === 'int64' ? em.node('BitwiseNot', [em.constant('int64', [], [min])]) : em.constant(to, [], [max]);
  const hi = em.node('Where', [high, top, t]);
  return em.node('Where', [low, em.constant(to, [], [min]), hi]);
}

/**
 * float64 -> float16 rounded once, to nearest with ties to even (ORT's Cast goes
 * through float32 and may round twice: 1 + 2^-11 + 2^-40 gives 1, not 1 + 2^-10).
 * x is rounded to a multiple of 2^(e-10), e its binary exponent (at least -14, the
 * subnormals' spacing 2^-24), with Round (ties to even) in float64, where scaling by a
 * power of two is exact; the result is a half value, which Cast keeps. |x| >= 65520
 * (and inf, NaN) go to Cast directly, which gives inf (NaN).
 */
function float64ToFloat16(em: Emitter, x: string): string {
  const c = (v: number): string => em.constant('float64', [], [v]);
  const a = em.node('Abs', [x]);
  let e = em.node('Floor', [em.node('Div', [em.node('Log', [a]), c(Math.LN2)])]);
  // Log's rounding near powers of two: make 2^e <= a < 2^(e+1) hold
  const pe = (v: string): string => em.node('Pow', [c(2), v]);
  e = em.node('Sub', [e, em.node('Cast', [em.node('Greater', [pe(e), a])], { to: onnxElemType('float64') })]);
  e = em.node('Add', [e, em.node('Cast', [em.node('LessOrEqual', [pe(em.node('Add', [e, c(1)])), a])], { to: onnxElemType('float64') })]);
  e = em.node('Min', [em.node('Max', [e, c(-14)]), c(15)]);
  const scale = pe(em.node('Sub', [e, c(10)]));
  const r = em.node('Mul', [em.node('Round', [em.node('Div', [x, scale])]), scale]);
  const direct = em.node('Or', [em.node('GreaterOrEqual', [a, c(65520)]), em.node('IsNaN', [x])]);
  return em.node('Cast', [em.node('Where', [direct, x, r])], { to: onnxElemType('float16') });
}

/** What a negative index is shifted by (see `nonWrappingIndices`); ort-binding.ts shifts it back. */
export const NEGATIVE_INDEX_SHIFT = 2 ** 40;

/**
 * int64 indices for Gather/ScatterElements, which read a negative index from the end:
 * a negative one is shifted down by 2^40, far out of range, so ORT refuses it as it
 * does any index past the end, and its message (which quotes the index) still tells
 * which one it was.
 */
function nonWrappingIndices(em: Emitter, idx: string): string {
  const wide = cast(em, idx, 'int32', 'int64');
  const shifted = em.node('Sub', [wide, em.constant('int64', [], [NEGATIVE_INDEX_SHIFT])]);
  return em.node('Where', [em.node('Less', [wide, em.constant('int64', [], [0])]), shifted, wide]);
}

/**
 * int32 `a ** e` with two's-complement wrap-around (ORT's Pow goes through double
 * and saturates). Repeated squaring over the 31 value bits of e: each product is
 * made in int64 (exact, both factors are below 2^31 in magnitude) and cut back to
 * its low 32 bits by a Cast to int32 (ORT keeps the low bits). A negative e gives
 * the real result truncated toward zero: 1 for a = 1, +-1 for a = -1 (the parity
 * of e, which is bit 0 in two's complement, as the loop computes), 0 otherwise.
 */
function wrappingIntPow(em: Emitter, a: string, e: string): string {
  const wrap = (x: string): string => cast(em, cast(em, x, 'int64', 'int32'), 'int32', 'int64');
  let base = cast(em, a, 'int32', 'int64');
  let r = em.constant('int64', [], [1]);
  const zero = em.constant('int32', [], [0]);
  for (let k = 0; k < 31; k++) {
    const bitClear = em.node('Equal', [em.node('BitwiseAnd', [e, em.constant('int32', [], [2 ** k])]), zero]);
    r = em.node('Where', [bitClear, r, wrap(em.node('Mul', [r, base]))]);
    if (k < 30) base = wrap(em.node('Mul', [base, base]));
  }
  const unit = em.node('Or', [em.node('Equal', [a, em.constant('int32', [], [1])]), em.node('Equal', [a, em.constant('int32', [], [-1])])]);
  const truncated = em.node('And', [em.node('Less', [e, zero]), em.node('Not', [unit])]);
  return em.node('Where', [truncated, zero, cast(em, r, 'int64', 'int32')]);
}

/**
 * int64 `a ** e`, wrapping (ORT's Pow goes through double): repeated squaring over
 * the 63 value bits of e with int64 Mul, which wraps. A negative e gives the real
 * result truncated toward zero, as for int32 (see `wrappingIntPow`).
 */
function wrappingInt64Pow(em: Emitter, a: string, e: string): string {
  let base = a;
  let r = em.constant('int64', [], [1]);
  const zero = em.constant('int64', [], [0]);
  for (let k = 0; k < 63; k++) {
    const bitClear = em.node('Equal', [em.node('BitwiseAnd', [e, em.constant('int64', [], [2 ** k])]), zero]);
    r = em.node('Where', [bitClear, r, em.node('Mul', [r, base])]);
    if (k < 62) base = em.node('Mul', [base, base]);
  }
  const unit = em.node('Or', [em.node('Equal', [a, em.constant('int64', [], [1])]), em.node('Equal', [a, em.constant('int64', [], [-1])])]);
  const truncated = em.node('And', [em.node('Less', [e, zero]), em.node('Not', [unit])]);
  return em.node('Where', [truncated, zero, r]);
}

function argReduce(opType: string): LoweringOf<PrimitiveAttrs['argMax']> {
  return (em, attrs, [x]) => {
    const v = x.dtype === 'bool' ? cast(em, x.name, 'bool', 'int32') : x.name;
    let idx = em.node(opType, [v], { axis: attrs.axis, keepdims: 0, select_last_index: 0 });
    if (isFloat(x.dtype)) {
      // The first NaN wins (NumPy and TensorFlow); ORT's kernels skip NaNs.
      const nan = em.node('Cast', [em.node('IsNaN', [x.name])], { to: onnxElemType('int32') });
      // with the op's own kind of node, so that a failure (an empty axis) names it
      const firstNaN = em.node(opType, [opType === 'ArgMax' ? nan : em.node('Neg', [nan])], { axis: attrs.axis, keepdims: 0, select_last_index: 0 });
      const any = em.node('ReduceMax', [nan, axesConst(em, [attrs.axis])], { keepdims: 0 });
      idx = em.node('Where', [em.node('Cast', [any], { to: onnxElemType('bool') }), firstNaN, idx]);
    }
    return cast(em, idx, 'int64', 'int32');
  };
}

function cumulative(opType: string): LoweringOf<PrimitiveAttrs['cumsum']> {
  return (em, attrs, [x], out) => {
    const axis = em.constant('int64', [], [attrs.axis]);
    const a = { exclusive: attrs.exclusive ? 1 : 0, reverse: attrs.reverse ? 1 : 0 };
    if (x.dtype !== 'bool') {
      const r = em.node(opType, [x.name, axis], a);
      return opType === 'CumSum' ? plusZero(em, r, x.dtype) : r;
    }
    return castAround(em, [x], 'int32', out.dtype, ([v]) => em.node(opType, [v, axis], a));
  };
}

/** Swaps the last two axes. */
function transposeLast2(em: Emitter, x: string, rank: number): string {
  const perm = range(rank);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return em.node('Transpose', [x], { perm });
}

/** Fill value of a pad (or zero) as a scalar of `dtype`. */
function scalarValue(dtype: DType, v: number): number {
  if (dtype === 'bool') return v !== 0 ? 1 : 0;
  if (dtype === 'int32') return Math.trunc(v);
  return v;
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */
/* ------------------------------------------------------------------------ */

/** One lowering per primitive of the attributes map `A`. */
export type LoweringTable<A> = { readonly [P in keyof A]: LoweringOf<A[P]> };

/** The lowering of every primitive; the eager kernels (index.ts) are derived from it. */
export const LOWERINGS: LoweringTable<PrimitiveAttrs> = {
  // unary
  neg: numericUnary('Neg'),
  abs: numericUnary('Abs'),
  sign: numericUnary('Sign'),
  // relu(-0) = +0 (TensorFlow's max(x, 0)); ORT's Relu keeps -0, which Abs turns into +0
  // (Relu's other results are >= 0 or NaN: Abs leaves them as they are)
  relu: (em, attrs, [x], out) => (isFloat(x.dtype) ? em.node('Abs', [reluKeepingMinusZero(em, x.name)]) : numericUnary('Relu')(em, attrs, [x], out)),
  sqrt: floatUnary('Sqrt'),
  exp: floatUnary('Exp'),
  log: floatUnary('Log'),
  tanh: floatUnary('Tanh'),
  sin: floatUnary('Sin'),
  cos: floatUnary('Cos'),
  sigmoid: (em, _attrs, [x], out) =>
    isFloat(x.dtype)
      ? sigmoidFloat(em, x.name, x.dtype)
      : viaFloat64(em, x, out.dtype, (a) => sigmoidFloat(em, a, 'float64')),
  round: roundingUnary('Round'),
  floor: roundingUnary('Floor'),
  ceil: roundingUnary('Ceil'),
  logicalNot: (em, _attrs, [x]) => em.node('Not', [cast(em, x.name, x.dtype, 'bool')]),

  // binary
  add: addOrSub('Add'),
  sub: addOrSub('Sub'),
  mul: numericBinary('Mul'),
  div: (em, _attrs, inputs, out) =>
    isFloat(inputs[0].dtype)
      ? em.node('Div', inputs.map((x) => x.name))
      : // Only floats reach div (types.ts); others divide in float64 and truncate,
        // because ORT's integer Div throws on a zero divisor.
        castAround(em, inputs, 'float64', out.dtype, (n) => em.node('Div', n)),
  pow: (em, _attrs, inputs, out) => {
    if (isFloat(inputs[0].dtype)) return em.node('Pow', inputs.map((x) => x.name));
    if (inputs[0].dtype === 'int64') return wrappingInt64Pow(em, inputs[0].name, inputs[1].name);
    return castAround(em, inputs, 'int32', out.dtype, ([a, e]) => wrappingIntPow(em, a, e));
  },
  maximum: extremum('Max'),
  minimum: extremum('Min'),
  equal: (em, _attrs, [a, b]) => em.node('Equal', [a.name, b.name]),
  notEqual: (em, _attrs, [a, b]) => em.node('Not', [em.node('Equal', [a.name, b.name])]),
  greater: comparison('Greater'),
  greaterEqual: comparison('GreaterOrEqual'),
  less: comparison('Less'),
  lessEqual: comparison('LessOrEqual'),
  logicalAnd: logical('And'),
  logicalOr: logical('Or'),

  // reductions
  reduceSum: numericReduce('ReduceSum', 'any'),
  reduceMax: numericReduce('ReduceMax', 'any'),
  reduceMin: numericReduce('ReduceMin', 'all'),
  reduceProd: numericReduce('ReduceProd', 'all'),
  reduceAny: (em, attrs, [x]) => reduceAnyBool(em, cast(em, x.name, x.dtype, 'bool'), attrs),
  reduceAll: (em, attrs, [x]) => reduceAllBool(em, cast(em, x.name, x.dtype, 'bool'), attrs),

  // the rest
  identity: (em, _attrs, [x]) => em.node('Identity', [x.name]),
  cast: (em, attrs, [x]) => {
    const to = attrs.dtype;
    if (x.dtype === to) return em.node('Identity', [x.name]);
    // float16 -> float32 is exact; the saturating selects below then run in float32
    const from = x.dtype === 'float16' ? 'float32' : x.dtype;
    const v = cast(em, x.name, x.dtype, from);
    if (isFloat(from) && isIntDType(to)) return saturatingToInt(em, v, from, to);
    if (from === 'float64' && to === 'float16') return float64ToFloat16(em, v);
    return cast(em, v, from, to); // int -> int wraps, to float rounds to nearest, to bool is x != 0
  },
  where: (em, _attrs, [c, a, b], out) => {
    const cond = cast(em, c.name, c.dtype, 'bool');
    if (isFloat(a.dtype)) {
      if (a.plusZeroFill === true) return whereWithZero(em, cond, b.name, a.dtype, true);
      if (b.plusZeroFill === true) return whereWithZero(em, cond, a.name, a.dtype, false);
      return exactWhere(em, cond, a.name, b.name, a.dtype);
    }
    // ORT has no Where kernel for bool values.
    if (a.dtype !== 'bool') return em.node('Where', [cond, a.name, b.name]);
    return castAround(em, [a, b], 'int32', out.dtype, ([x, y]) => em.node('Where', [cond, x, y]));
  },
  argMax: argReduce('ArgMax'),
  argMin: argReduce('ArgMin'),
  cumsum: cumulative('CumSum'),
  cumprod: cumulative('CumProd'),
  matMul: (em, attrs, [a, b], out) => {
    const body = ([x, y]: string[]): string => {
      if (a.rank === 2 && isFloat(a.dtype)) {
        // Gemm takes the transposes as flags: no Transpose copy.
        return em.node('Gemm', [x, y], { transA: attrs.transposeA ? 1 : 0, transB: attrs.transposeB ? 1 : 0 });
      }
      const xa = attrs.transposeA ? transposeLast2(em, x, a.rank) : x;
      const yb = attrs.transposeB ? transposeLast2(em, y, b.rank) : y;
      return em.node('MatMul', [xa, yb]);
    };
    return a.dtype === 'bool' ? castAround(em, [a, b], 'int32', out.dtype, body) : body([a.name, b.name]);
  },
  reshape: (em, attrs, [x]) =>
    em.node('Reshape', [x.name, em.param('int64', [attrs.shape.length], attrs.shape)], { allowzero: 1 }),
  transpose: (em, attrs, [x]) => em.node('Transpose', [x.name], { perm: attrs.perm }),
  slice: (em, attrs, [x]) => {
    if (x.rank === 0) return em.node('Identity', [x.name]);
    const ends = attrs.begin.map((b, i) => (attrs.size[i] < 0 ? BIG : b + attrs.size[i]));
    return em.node('Slice', [
      x.name,
      em.param('int64', [x.rank], attrs.begin),
      em.param('int64', [x.rank], ends),
      em.constant('int64', [x.rank], range(x.rank)),
    ]);
  },
  concat: (em, attrs, inputs) => em.node('Concat', inputs.map((x) => x.name), { axis: attrs.axis }),
  concatPart: (em, attrs, [x, ...parts]) => {
    // Run-time lengths of the parts on the axis: Shape(part, start=axis, end=axis+1).
    const len = (p: LowerInput): string => em.node('Shape', [p.name], { start: attrs.axis, end: attrs.axis + 1 });
    let start = em.constant('int64', [1], [0]);
    for (let j = 0; j < attrs.index; j++) start = em.node('Add', [start, len(parts[j])]);
    const end = em.node('Add', [start, len(parts[attrs.index])]);
    return em.node('Slice', [x.name, start, end, em.constant('int64', [1], [attrs.axis])]);
  },
  pad: (em, attrs, [x]) => {
    if (x.rank === 0) return em.node('Identity', [x.name]);
    const pads = [...attrs.pads.map((p) => p[0]), ...attrs.pads.map((p) => p[1])];
    return em.node(
      'Pad',
      [x.name, em.param('int64', [2 * x.rank], pads), em.param(x.dtype, [], [scalarValue(x.dtype, attrs.value)])],
      { mode: 'constant' },
    );
  },
  tile: (em, attrs, [x]) =>
    x.rank === 0 ? em.node('Identity', [x.name]) : em.node('Tile', [x.name, em.param('int64', [x.rank], attrs.reps)]),
  reverse: (em, attrs, [x]) => {
    const n = attrs.axes.length;
    if (n === 0) return em.node('Identity', [x.name]);
    return em.node('Slice', [
      x.name,
      em.constant('int64', [n], new Array<number>(n).fill(-1)),
      em.constant('int64', [n], new Array<number>(n).fill(-BIG)),
      em.constant('int64', [n], attrs.axes),
      em.constant('int64', [n], new Array<number>(n).fill(-1)),
    ]);
  },
  gather: (em, attrs, [x, idx]) => em.node('Gather', [x.name, nonWrappingIndices(em, idx.name)], { axis: attrs.axis }, attrs.what),
  scatterAdd: (em, attrs, [u, idx, like], out) => {
    // The length of the scattered axis: the attribute, or like's run-time length.
    const size = (): string =>
      like === undefined ? em.param('int64', [1], [attrs.size]) : em.node('Shape', [like.name], { start: attrs.axis, end: attrs.axis + 1 });
    // The updates can be empty while there are indices only when one of their other dims is 0 (or unknown).
    const other = u.shape === undefined ? null : [...u.shape.slice(0, attrs.axis), ...u.shape.slice(attrs.axis + idx.rank)];
    const mayBeEmpty = other === null || other.some((d) => d === null || d === 0);
    const body = ([uName]: string[]): string =>
      scatterAdd(em, attrs, size, uName, u.rank, idx.name, idx.rank, u.dtype === 'bool' ? 'int32' : u.dtype, mayBeEmpty);
    return u.dtype === 'bool' ? castAround(em, [u], 'int32', out.dtype, body) : body([u.name]);
  },
  broadcastTo: (em, attrs, [x]) => em.node('Expand', [x.name, em.param('int64', [attrs.shape.length], attrs.shape)]),
  broadcastLike: (em, _attrs, [x, like]) => em.node('Expand', [x.name, em.node('Shape', [like.name])]),
  sumLike: (em, _attrs, [g, like], out) => {
    // The axes where like's run-time length is 1, found at run time; summing an axis
    // where g also has length 1 changes nothing. An empty axis list is a no-op.
    const isOne = em.node('Equal', [em.node('Shape', [like.name]), em.constant('int64', [], [1])]);
    const axes = em.node('Reshape', [em.node('NonZero', [isOne]), em.constant('int64', [1], [-1])]);
    // a sum starts from +0, also a sum of one term (no axis to reduce): -0 becomes +0
    const body = ([n]: string[]): string => em.node('ReduceSum', [n, axes], { keepdims: 1, noop_with_empty_axes: 1 });
    return g.dtype === 'bool' ? castAround(em, [g], 'int32', out.dtype, body) : plusZero(em, body([g.name]), g.dtype);
  },
  expandDims: (em, attrs, [x]) => em.node('Unsqueeze', [x.name, em.constant('int64', [attrs.axes.length], attrs.axes)]),
  reshapeLike: (em, _attrs, [x, like]) => em.node('Reshape', [x.name, em.node('Shape', [like.name])], { allowzero: 1 }),
  shapeOf: (em, _attrs, [x]) => cast(em, em.node('Shape', [x.name]), 'int64', 'int32'),
};

/**
 * scatterAdd as ScatterElements(zeros, indices broadcast to updates, updates,
 * reduction='add'): exact, repeated indices accumulate. Updates [pre, J..., post]
 * are first reshaped to [pre, N, post] (N = number of indices) and the indices to
 * [1.., N, 1..] then expanded to the same shape.
 */
function scatterAdd(
  em: Emitter,
  attrs: PrimitiveAttrs['scatterAdd'],
  size: () => string,
  u: string,
  uRank: number,
  idx: string,
  idxRank: number,
  dtype: DType,
  mayBeEmpty: boolean,
): string {
  const axis = attrs.axis;
  const post = uRank - axis - idxRank;
  const shapeU = em.node('Shape', [u]);
  const preDims = em.node('Slice', [shapeU, em.constant('int64', [1], [0]), em.constant('int64', [1], [axis])]);
  const postDims = em.node('Slice', [shapeU, em.constant('int64', [1], [axis + idxRank]), em.constant('int64', [1], [BIG])]);
  // Number of indices as a [1] tensor (1 for a scalar index: the product of no dims).
  const n = em.node('ReduceProd', [em.node('Shape', [idx])], { keepdims: 1 });
  const u3Shape = em.node('Concat', [preDims, n, postDims], { axis: 0 });
  const u3 = em.node('Reshape', [u, u3Shape], { allowzero: 1 });
  const idxFlat = em.node('Reshape', [nonWrappingIndices(em, idx), em.constant('int64', [1], [-1])]);
  const ones = (k: number): number[] => new Array<number>(k).fill(1);
  const idxShape = em.node('Concat', [em.constant('int64', [axis], ones(axis)), n, em.constant('int64', [post], ones(post))], {
    axis: 0,
  });
  // broadcast by adding zeros of the updates' shape: ORT's Expand keeps a 1 against a 0 dim
  // (measured: then "Indices vs updates dimensions differs" for empty updates)
  const int64Zeros = { value: { tensor: { dtype: 'int64' as const, dims: [1], data: new BigInt64Array(1) } } };
  const zeros64 = em.node('ConstantOfShape', [u3Shape], int64Zeros);
  const idx3 = em.node('Add', [em.node('Reshape', [idxFlat, idxShape], { allowzero: 1 }), zeros64]);
  // ScatterElements checks only the indices it scatters, so none when the updates are
  // empty (a 0 among their other dims), where the other engines still refuse an index out
  // of range. Where that can happen (`mayBeEmpty`), a scatter of the indices alone into a
  // [length] vector checks each one (and ORT's error names ScatterElements, as the main
  // scatter's would); the sum of that vector, 0, is added to the length, so the check runs.
  let length = size();
  if (mayBeEmpty) {
    const checked = em.node('ScatterElements', [em.node('ConstantOfShape', [length], int64Zeros), idxFlat, em.node('ConstantOfShape', [n], int64Zeros)], { axis: 0 });
    length = em.node('Add', [length, em.node('ReduceSum', [checked], { keepdims: 1 })]);
  }
  const zShape = em.node('Concat', [preDims, length, postDims], { axis: 0 });
  const zeros = em.node('ConstantOfShape', [zShape], {
    value: { tensor: { dtype: dtype === 'bool' ? 'int32' : dtype, dims: [1], data: zeroOf(dtype) } },
  });
  return em.node('ScatterElements', [zeros, idx3, u3], { axis, reduction: 'add' });
}

function zeroOf(dtype: DType): Float32Array | Float64Array | Int32Array {
  if (dtype === 'float32') return new Float32Array(1);
  if (dtype === 'float64') return new Float64Array(1);
  return new Int32Array(1);
}

/**
 * Lowers one primitive and returns the name of its output, always a value made by
 * a new node (never one of the input names).
 */
export function lowerPrimitive<P extends PrimitiveName>(
  em: Emitter,
  op: P,
  attrs: PrimitiveAttrs[P],
  inputs: readonly LowerInput[],
  out: LowerOutput,
): string {
  const lowering: LoweringOf<PrimitiveAttrs[P]> = LOWERINGS[op];
  const narrow = op !== 'cast' && (computeDType(out.dtype) !== out.dtype || inputs.some((x) => computeDType(x.dtype) !== x.dtype));
  if (!narrow) {
    const result = lowering(em, attrs, inputs, out);
    return inputs.some((x) => x.name === result) ? em.node('Identity', [result]) : result;
  }
  // in the compute dtypes between Casts (see the header); the Casts are new nodes
  const wide = inputs.map((x) => ({ ...x, name: cast(em, x.name, x.dtype, computeDType(x.dtype)), dtype: computeDType(x.dtype) }));
  const wideOut = { ...out, dtype: computeDType(out.dtype) };
  let result = lowering(em, attrs, wide, wideOut);
  if (wideOut.dtype !== out.dtype && isIntDType(out.dtype) && (op === 'reduceMax' || op === 'reduceMin')) {
    // an empty max or min is the int32 end: the narrow type's end instead (non-empty ones are in range)
    const { min, max } = DTYPE_INFO[out.dtype];
    result = em.node('Max', [em.node('Min', [result, em.constant('int32', [], [max])]), em.constant('int32', [], [min])]);
  }
  if (wideOut.dtype === out.dtype) return inputs.some((x) => x.name === result) || wide.some((x) => x.name === result) ? em.node('Identity', [result]) : result;
  return em.node('Cast', [result], { to: onnxElemType(out.dtype) });
}

/** Attribute fields that reach the model only through `Emitter.param`. */
const PARAM_FIELDS: Partial<Record<PrimitiveName, readonly string[]>> = {
  reshape: ['shape'],
  slice: ['begin', 'size'],
  pad: ['pads', 'value'],
  tile: ['reps'],
  broadcastTo: ['shape'],
  scatterAdd: ['size'],
};

/**
 * The part of `attrs` that decides the structure of the lowered nodes: everything
 * except the fields passed through `Emitter.param` (of those only array lengths
 * count). Two calls with equal keys (and equal input dtypes and ranks) lower to
 * the same nodes.
 */
export function structuralKey(op: PrimitiveName, attrs: object): string {
  const params = PARAM_FIELDS[op];
  if (params === undefined) return JSON.stringify(attrs);
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!params.includes(k)) kept[k] = v;
    else if (Array.isArray(v)) kept[k] = `#${v.length}`;
  }
  return JSON.stringify(kept);
}
