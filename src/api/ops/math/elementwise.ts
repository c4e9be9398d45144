/**
 * Elementwise math of the math group: square, abs, sqrt, exp, log, round, sign,
 * pow, clip, the comparisons, maximum, minimum, sin and cos.
 */
import { BinaryPrimitive, DType, isIntDType, numberToInt64 } from '../../../backends/types';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { applyOp, binary, constantFrom, scalar, unary } from '../../primitives';
import { constantHostData, KTensor } from '../../tensor';
import { asTensor, binaryOperands, checkArity, checkBroadcastable, checkBroadcastsTo, floatTensor, numericTensor, requireTensorLike, show } from '../../validate';
import type { TensorInput } from '../../tensor-input';

/**
 * Elementwise square.
 *
 * Mirrors `keras.backend.square(x)`.
 */
export function square(x: TensorInput, ...extra: []): KTensor {
  checkArity('square', 1, extra);
  const t = requireTensorLike(x, 'square');
  if (t.dtype === 'bool') throw new KerasTypeError(`square: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)`);
  return binary('mul', t, t);
}

/**
 * Elementwise absolute value.
 *
 * Mirrors `keras.backend.abs(x)`.
 */
export function abs(x: TensorInput, ...extra: []): KTensor {
  checkArity('abs', 1, extra);
  const t = requireTensorLike(x, 'abs');
  if (t.dtype === 'bool') throw new KerasTypeError(`abs: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)`);
  return unary('abs', t);
}

/**
 * Elementwise square root; negative inputs give 0 (Keras clips them to 0 first).
 *
 * Mirrors `keras.backend.sqrt(x)`.
 */
export function sqrt(x: TensorInput, ...extra: []): KTensor {
  checkArity('sqrt', 1, extra);
  const t = floatTensor(x, 'sqrt');
  return unary('sqrt', binary('maximum', t, scalar(0, t.dtype)));
}

/**
 * Elementwise exponential.
 *
 * Mirrors `keras.backend.exp(x)`.
 */
export function exp(x: TensorInput, ...extra: []): KTensor {
  checkArity('exp', 1, extra);
  return unary('exp', floatTensor(x, 'exp'));
}

/**
 * Elementwise natural logarithm.
 *
 * Mirrors `keras.backend.log(x)`.
 */
export function log(x: TensorInput, ...extra: []): KTensor {
  checkArity('log', 1, extra);
  return unary('log', floatTensor(x, 'log'));
}

/** A numeric (int or float, not bool) tensor argument. */

/**
 * Elementwise rounding to the nearest integer; ties go to the even integer
 * ("half to even", as TensorFlow and NumPy: 0.5 -> 0, 1.5 -> 2, -2.5 -> -2).
 * int32 tensors are returned unchanged.
 *
 * Mirrors `keras.backend.round(x)`.
 */
export function round(x: TensorInput, ...extra: []): KTensor {
  checkArity('round', 1, extra);
  const t = numericTensor(x, 'round');
  if (isIntDType(t.dtype)) return applyOp('identity', [t], {});
  return unary('round', t);
}

/**
 * Elementwise sign: -1 for negative values, 0 for zero, 1 for positive values, in
 * the dtype of `x` (int32 or float). Its gradient is 0.
 *
 * Mirrors `keras.backend.sign(x)`.
 */
export function sign(x: TensorInput, ...extra: []): KTensor {
  checkArity('sign', 1, extra);
  return unary('sign', numericTensor(x, 'sign'));
}

/**
 * Elementwise power `x ** a`. `a` is a number (converted to the dtype of `x`) or a
 * tensor of the same dtype that broadcasts against `x`. For int32 `x` the exponent
 * must be a whole number >= 0 (checked when it is a number or a constant; a
 * negative exponent known only at run time gives the real result truncated toward
 * zero on every backend: 1 for a base of 1, +-1 for -1, else 0; TensorFlow raises).
 * int32 results wrap (two's complement). Float `x` follows IEEE `pow` (a negative
 * base with a fractional exponent gives NaN).
 *
 * Mirrors `keras.backend.pow(x, a)`.
 */
export function pow(x: TensorInput, a: TensorInput, ...extra: []): KTensor {
  checkArity('pow', 2, extra);
  const t = numericTensor(x, 'pow');
  const e = a instanceof KTensor ? a : asTensor(a, 'pow', 'a', t.dtype);
  if (e.dtype !== t.dtype) {
    throw new KerasTypeError(`pow: arguments 'x' and 'a' must have the same dtype, got ${t.dtype} and ${e.dtype} (use K.cast)`);
  }
  checkBroadcastable(t, e, 'pow', 'x', 'a');
  if (isIntDType(t.dtype)) {
    const data = constantHostData(e);
    if (data !== null) {
      for (let i = 0; i < data.length; i++) {
        if (data[i] < 0) {
          throw new KerasValueError(`pow: argument 'a' must be >= 0 for an ${t.dtype} base (integers to negative powers are not allowed), got ${data[i]}`);
        }
      }
    }
  }
  return binary('pow', t, e);
}

/** One bound of `clip`: a number (or +-Infinity), or null / undefined for none. */
function clipBound(v: unknown, arg: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new KerasValueError(`clip: argument '${arg}' must be a number or null, got ${show(v)}`);
  }
  return v;
}

/** A clip bound: a number, null (no bound), or (Keras 2.3.1) a tensor of bounds, elementwise. */
export type TensorBound = number | null | TensorInput;

function isTensorBound(v: unknown): boolean {
  return v instanceof KTensor || Array.isArray(v) || ArrayBuffer.isView(v);
}

/** One bound as a tensor of x's dtype: -inf/+inf (or the int32 extremes) where null. */
function boundTensor(v: unknown, t: KTensor, arg: string, open: number): KTensor {
  if (v === null || v === undefined) {
    const n = clipBound(v, arg);
    return scalar(n ?? open, t.dtype);
  }
  if (isTensorBound(v)) {
    const b = asTensor(v, 'clip', arg, t.dtype);
    if (b.dtype !== t.dtype) throw new KerasTypeError(`clip: argument '${arg}' must have the dtype of 'x' (${t.dtype}), got ${b.dtype}`);
    checkBroadcastsTo(b, t, 'clip', arg);
    return b;
  }
  const n = clipBound(v, arg);
  return scalar(isIntDType(t.dtype) ? Math.trunc(n as number) : (n as number), t.dtype);
}

/**
 * `clip` with tensor bounds (Keras 2.3.1): `max(min(x, maxValue), minValue)` elementwise,
 * the bounds broadcasting against `x`, as TensorFlow's `clip_by_value`. (The numbers-only
 * rule "maxValue below minValue becomes minValue" applies to numbers only, as in Keras.)
 */
function clipByTensors(t: KTensor, minValue: unknown, maxValue: unknown): KTensor {
  const intLimits = isIntDType(t.dtype);
  const lo = boundTensor(minValue, t, 'minValue', intLimits ? -2147483648 : -Infinity);
  const hi = boundTensor(maxValue, t, 'maxValue', intLimits ? 2147483647 : Infinity);
  return binary('maximum', binary('minimum', t, hi), lo);
}

/**
 * Elementwise clipping of `x` to `[minValue, maxValue]`. `null` bounds are -inf and
 * +inf (no bound). As in Keras, when `maxValue < minValue` then `maxValue` becomes
 * `minValue`. The bounds are converted to the dtype of `x` (for int32, truncated
 * toward zero, as TensorFlow's cast). The gradient passes where
 * `minValue <= x <= maxValue` (bounds included), as TensorFlow.
 *
 * As in Keras 2.3.1, either bound may also be a tensor (or an array) broadcasting to
 * `x`'s shape: `x` is then clipped elementwise, `max(min(x, maxValue), minValue)`, and
 * the gradient also reaches the bounds.
 *
 * Mirrors `keras.backend.clip(x, min_value, max_value)`.
 */
export function clip(x: TensorInput, minValue: TensorBound, maxValue: TensorBound, ...extra: []): KTensor {
  checkArity('clip', 3, extra);
  const t = numericTensor(x, 'clip');
  if (isTensorBound(minValue) || isTensorBound(maxValue)) return clipByTensors(t, minValue, maxValue);
  let lo = clipBound(minValue, 'minValue');
  let hi = clipBound(maxValue, 'maxValue');
  if (lo !== null && hi !== null && hi < lo) hi = lo;
  if (isIntDType(t.dtype)) {
    // Integer tensors: finite bounds truncate toward zero; an infinite bound on the open side is no bound.
    if (lo === Infinity || hi === -Infinity) {
      throw new KerasValueError(`clip: argument '${lo === Infinity ? 'minValue' : 'maxValue'}' is ${lo === Infinity ? lo : hi}, which has no ${t.dtype} value`);
    }
    lo = lo === null || lo === -Infinity ? null : Math.trunc(lo);
    hi = hi === null || hi === Infinity ? null : Math.trunc(hi);
  } else {
    if (lo === -Infinity) lo = null;
    if (hi === Infinity) hi = null;
  }
  let out = t;
  if (hi !== null) out = binary('minimum', out, boundOf(hi, t.dtype, 'maxValue'));
  if (lo !== null) out = binary('maximum', out, boundOf(lo, t.dtype, 'minValue'));
  return out === t ? applyOp('identity', [t], {}) : out;
}

/** A clip bound as a scalar of `dtype`; int64 bounds saturate at its range by the cast rule (numbers beyond 2^53 included). */
function boundOf(v: number, dtype: DType, arg: string): KTensor {
  return dtype === 'int64' ? constantFrom(numberToInt64(v, true), 'clip', arg, 'int64') : scalar(v, dtype);
}

/** A comparison: operands converted as for arithmetic (numbers take the other's dtype), bool result. */
function compare(op: BinaryPrimitive, fn: string, x: unknown, y: unknown, boolOk: boolean): KTensor {
  const [a, b] = binaryOperands(x, y, fn);
  if (!boolOk && a.dtype === 'bool') {
    throw new KerasTypeError(`${fn}: arguments 'x' and 'y' must be numeric tensors, got dtype bool (use K.cast)`);
  }
  return binary(op, a, b);
}

/**
 * Elementwise `x == y` with broadcasting; a bool tensor. Works on float, int32 and
 * bool operands (of one dtype; numbers take the other operand's dtype). NaN is not
 * equal to anything.
 *
 * Mirrors `keras.backend.equal(x, y)`.
 */
export function equal(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('equal', 2, extra);
  return compare('equal', 'equal', x, y, true);
}

/**
 * Elementwise `x != y` with broadcasting; a bool tensor (float, int32 or bool operands).
 *
 * Mirrors `keras.backend.not_equal(x, y)`.
 */
export function notEqual(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('notEqual', 2, extra);
  return compare('notEqual', 'notEqual', x, y, true);
}

/**
 * Elementwise `x > y` with broadcasting; a bool tensor (float or int32 operands).
 *
 * Mirrors `keras.backend.greater(x, y)`.
 */
export function greater(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('greater', 2, extra);
  return compare('greater', 'greater', x, y, false);
}

/**
 * Elementwise `x >= y` with broadcasting; a bool tensor (float or int32 operands).
 *
 * Mirrors `keras.backend.greater_equal(x, y)`.
 */
export function greaterEqual(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('greaterEqual', 2, extra);
  return compare('greaterEqual', 'greaterEqual', x, y, false);
}

/**
 * Elementwise `x < y` with broadcasting; a bool tensor (float or int32 operands).
 *
 * Mirrors `keras.backend.less(x, y)`.
 */
export function less(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('less', 2, extra);
  return compare('less', 'less', x, y, false);
}

/**
 * Elementwise `x <= y` with broadcasting; a bool tensor (float or int32 operands).
 *
 * Mirrors `keras.backend.less_equal(x, y)`.
 */
export function lessEqual(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('lessEqual', 2, extra);
  return compare('lessEqual', 'lessEqual', x, y, false);
}

function extremum(op: 'maximum' | 'minimum', x: unknown, y: unknown): KTensor {
  const [a, b] = binaryOperands(x, y, op);
  if (a.dtype === 'bool') throw new KerasTypeError(`${op}: arguments 'x' and 'y' must be numeric tensors, got dtype bool (use K.cast)`);
  return binary(op, a, b);
}

/**
 * Elementwise maximum of two tensors, with broadcasting (float or int32). On ties
 * the gradient goes to `x`, as TensorFlow.
 *
 * Mirrors `keras.backend.maximum(x, y)`.
 */
export function maximum(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('maximum', 2, extra);
  return extremum('maximum', x, y);
}

/**
 * Elementwise minimum of two tensors, with broadcasting (float or int32). On ties
 * the gradient goes to `x`, as TensorFlow.
 *
 * Mirrors `keras.backend.minimum(x, y)`.
 */
export function minimum(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('minimum', 2, extra);
  return extremum('minimum', x, y);
}

/**
 * Elementwise sine (float tensors).
 *
 * Mirrors `keras.backend.sin(x)`.
 */
export function sin(x: TensorInput, ...extra: []): KTensor {
  checkArity('sin', 1, extra);
  return unary('sin', floatTensor(x, 'sin'));
}

/**
 * Elementwise cosine (float tensors).
 *
 * Mirrors `keras.backend.cos(x)`.
 */
export function cos(x: TensorInput, ...extra: []): KTensor {
  checkArity('cos', 1, extra);
  return unary('cos', floatTensor(x, 'cos'));
}
