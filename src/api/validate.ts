/**
 * Argument checks shared by the public functions. Messages name the function,
 * the argument and what was expected.
 */
import { DType, DTYPE_INFO, DTYPES, isFloatDType, isIntDType, Shape } from '../backends/types';
import { floatx, imageDataFormat } from '../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../errors';
import { fmt } from './infer';
import { evaluateFor } from './ops/tensors/inspect';
import { applyOp, constantFrom } from './primitives';
import { show } from '../format';
import { KTensor } from './tensor';
import type { NDArray } from './ndarray';
import { isTensorLike, toHostValue, valuesOf } from './values';

export { show };
export { checkArity } from '../arity';

/** A valid dtype name, or a KerasTypeError (Keras 2.3.1 raises TypeError for an unknown dtype). */
export function checkDType(v: unknown, fn: string, arg: string): DType {
  if (typeof v !== 'string' || !DTYPES.includes(v as DType)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be one of ${DTYPES.join(', ')}, got ${show(v)}`);
  }
  return v as DType;
}

/** An integer, or a KerasValueError. */
export function checkInt(v: unknown, fn: string, arg: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be an integer, got ${show(v)}`);
  }
  return v;
}

/** A finite number, or a KerasValueError. */
export function checkNumber(v: unknown, fn: string, arg: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be a finite number, got ${show(v)}`);
  }
  return v;
}

/** A boolean, or a KerasValueError. */
export function checkBool(v: unknown, fn: string, arg: string): boolean {
  if (typeof v !== 'boolean') throw new KerasValueError(`${fn}: argument '${arg}' must be a boolean, got ${show(v)}`);
  return v;
}

/** Normalises one axis (negative counts from the end) for a tensor of rank `rank`. */
export function normAxis(axis: unknown, rank: number, fn: string, arg = 'axis'): number {
  const a = checkInt(axis, fn, arg);
  if (a < -rank || a >= rank) {
    throw new KerasValueError(`${fn}: argument '${arg}' is ${a}, out of range for a tensor of rank ${rank} (expected ${-rank} to ${rank - 1})`);
  }
  return a < 0 ? a + rank : a;
}

/** Normalises `axis` (null/undefined: all axes; an int; or a list of ints) to sorted unique axes. */
export function normAxes(axis: unknown, rank: number, fn: string): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = Array.isArray(axis) ? axis : [axis];
  const out = list.map((a, i) => normAxis(a, rank, fn, Array.isArray(axis) ? `axis[${i}]` : 'axis'));
  if (new Set(out).size !== out.length) throw new KerasValueError(`${fn}: argument 'axis' repeats an axis: ${show(axis)}`);
  return out.sort((p, q) => p - q);
}

/** A float tensor argument, or a KerasTypeError. */
export function floatTensor(v: unknown, fn: string, arg = 'x'): KTensor {
  const t = asTensor(v, fn, arg);
  if (!isFloatDType(t.dtype)) throw new KerasTypeError(`${fn}: argument '${arg}' must be a float tensor, got dtype ${t.dtype}`);
  return t;
}

/** A numeric (not bool) tensor argument, or a KerasTypeError. */
export function numericTensor(x: unknown, fn: string, arg = 'x'): KTensor {
  const t = requireTensorLike(x, fn, arg);
  if (t.dtype === 'bool') throw new KerasTypeError(`${fn}: argument '${arg}' must be a numeric tensor, got dtype bool (use K.cast)`);
  return t;
}

/** Two numeric (not bool) operands of one dtype, or a KerasTypeError naming both. */
export function checkNumericPair(a: KTensor, fn: string, xArg = 'x', yArg = 'y'): void {
  if (a.dtype === 'bool') throw new KerasTypeError(`${fn}: arguments '${xArg}' and '${yArg}' must be numeric tensors, got dtype bool (use K.cast)`);
}

/** Checks that two static shapes broadcast together (NumPy rules), naming both arguments. */
export function checkBroadcastable(a: KTensor, b: KTensor, fn: string, xArg = 'x', yArg = 'y'): void {
  const r = Math.max(a.rank, b.rank);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.rank ? 1 : a.shape[i - (r - a.rank)];
    const db = i < r - b.rank ? 1 : b.shape[i - (r - b.rank)];
    if (da !== 1 && db !== 1 && !dimsCompatible(da, db)) {
      throw new KerasShapeError(`${fn}: arguments '${xArg}' (shape [${fmt(a.shape)}]) and '${yArg}' (shape [${fmt(b.shape)}]) do not broadcast together`);
    }
  }
}

/**
 * Two operands of an op: non-tensors take the other's dtype; tensor dtypes must agree,
 * and, for an elementwise op (`elementwise`, the default), static shapes must broadcast together.
 */
export function binaryOperands(x: unknown, y: unknown, fn: string, elementwise = true): [KTensor, KTensor] {
  let a: KTensor;
  let b: KTensor;
  if (x instanceof KTensor) {
    a = x;
    b = asTensor(y, fn, 'y', x.dtype);
  } else if (y instanceof KTensor) {
    b = y;
    a = asTensor(x, fn, 'x', y.dtype);
  } else {
    a = asTensor(x, fn, 'x');
    b = asTensor(y, fn, 'y', a.dtype);
  }
  if (a.dtype !== b.dtype) {
    throw new KerasTypeError(`${fn}: arguments 'x' and 'y' must have the same dtype, got ${a.dtype} and ${b.dtype} (use K.cast)`);
  }
  if (elementwise) checkBroadcastable(a, b, fn);
  return [a, b];
}

/** A tensor of rank at least `min`. */
export function minRank(v: unknown, min: number, fn: string, arg = 'x'): KTensor {
  const t = requireTensorLike(v, fn, arg);
  if (t.rank < min) throw new KerasValueError(`${fn}: argument '${arg}' must have rank >= ${min}, got shape [${fmt(t.shape)}]`);
  return t;
}

/** A tensor argument (tensor-likes converted). */
export function requireTensorLike(v: unknown, fn: string, arg = 'x'): KTensor {
  return v instanceof KTensor ? v : asTensor(v, fn, arg);
}

/**
 * A second tensor operand of `fn` that takes the dtype of `like` when it is not a
 * tensor yet (numbers, nested arrays; for an int32 `like` the values must be whole);
 * a tensor must already have that dtype.
 */
export function operandLike(v: unknown, like: KTensor, fn: string, arg: string, likeArg: string): KTensor {
  let t: KTensor;
  if (v instanceof KTensor) t = v;
  else if (isFloatDType(like.dtype)) t = constantFrom(v, fn, arg, like.dtype);
  else if (like.dtype === 'int32') t = wholeToInt32(asTensor(v, fn, arg, 'int32'), fn, arg);
  else t = asTensor(v, fn, arg, like.dtype);
  if (t.dtype !== like.dtype) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must have the dtype of '${likeArg}' (${like.dtype}), got ${t.dtype} (use K.cast)`);
  }
  return t;
}

/**
 * A constant converted from host values to int32 after checking that its values are
 * whole (float constants); other tensors are returned as they are.
 */
export function wholeToInt32(t: KTensor, fn: string, arg: string): KTensor {
  if (!isFloatDType(t.dtype) || t.node.kind !== 'constant') return t;
  const data = numbersOf(evaluateFor(t, fn));
  for (let i = 0; i < data.length; i++) {
    if (!Number.isInteger(data[i])) {
      throw new KerasValueError(`${fn}: argument '${arg}' must hold whole numbers, got ${show(data[i])} at flat index ${i}`);
    }
  }
  return applyOp('cast', [t], { dtype: 'int32' });
}

/**
 * Refuses an int64 tensor where indices or labels are taken as int32 (a narrowing
 * cast would wrap large values silently): a KerasTypeError naming `fn` and `arg`.
 */
export function refuseInt64(t: KTensor, fn: string, arg: string): KTensor {
  if (t.dtype === 'int64') {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be an integer tensor of at most 32 bits, got dtype int64 (use K.cast(x, 'int32'))`);
  }
  return t;
}

/**
 * The values of `t` read now, for a function whose result's size depends on them: a
 * tensor that depends on a placeholder is refused (its values only come when fed).
 */
export function valuesNow(t: KTensor, fn: string, arg: string): NDArray {
  try {
    return evaluateFor(t, fn);
  } catch (e) {
    if (e instanceof KerasValueError && /depends on placeholder/.test(e.message)) {
      throw new KerasValueError(
        `${fn}: argument '${arg}' must have a value now, but it depends on a placeholder (the size of the result depends on its values, which static shapes cannot express: compute it first, e.g. with K.function, and pass the values)`,
      );
    }
    throw e;
  }
}

/** The elements of host values as numbers (float16 decoded from its half bits, by `valuesOf`). */
export function numbersOf(nd: NDArray): number[] {
  return Array.from(valuesOf(nd.data, nd.dtype));
}

/** Whether two static dims may be equal (either unknown, or the same). */
export function dimsCompatible(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

/** Two shapes of the same rank whose known dims agree. */
export function shapesCompatible(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => dimsCompatible(d, b[i]));
}

/** Checks that `p` broadcasts to the shape of `x` (NumPy rules) without growing it. */
export function checkBroadcastsTo(p: KTensor, x: KTensor, fn: string, arg: string, xArg = 'x'): void {
  const off = x.rank - p.rank;
  const ok = off >= 0 && p.shape.every((d, i) => d === 1 || dimsCompatible(d, x.shape[i + off]));
  if (!ok) {
    throw new KerasShapeError(`${fn}: argument '${arg}' has shape [${fmt(p.shape)}], which does not broadcast to the shape [${fmt(x.shape)}] of '${xArg}'`);
  }
}

/** A `dataFormat` argument: null/undefined gives `imageDataFormat()`; any letter case accepted, as Keras lowercases. */
export function dataFormatArg(v: unknown, fn: string): 'channels_first' | 'channels_last' {
  if (v === null || v === undefined) return imageDataFormat();
  if (typeof v === 'string') {
    const l = v.toLowerCase();
    if (l === 'channels_first' || l === 'channels_last') return l;
  }
  throw new KerasValueError(`${fn}: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got ${show(v)}`);
}

/** An optional boolean flag (undefined gives `dflt`). */
export function flagArg(v: unknown, dflt: boolean, fn: string, arg: string): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new KerasValueError(`${fn}: argument '${arg}' must be a boolean, got ${show(v)}`);
  return v;
}

/** A non-negative (or, with `min` 1, positive) integer argument. */
export function countArg(v: unknown, fn: string, arg: string, min = 0): number {
  const n = checkInt(v, fn, arg);
  if (n < min) throw new KerasValueError(`${fn}: argument '${arg}' must be an integer >= ${min}, got ${n}`);
  return n;
}

/** A tensor argument of rank exactly `rank`. */
export function rankArg(v: unknown, rank: number, fn: string, arg = 'x'): KTensor {
  const t = requireTensorLike(v, fn, arg);
  if (t.rank !== rank) throw new KerasValueError(`${fn}: argument '${arg}' must be a ${rank}D tensor, got shape [${fmt(t.shape)}]`);
  return t;
}

/** An axis where a new axis can go: -(rank+1) <= axis <= rank, normalised to 0..rank. */
export function newAxisArg(axis: unknown, rank: number, fn: string, arg = 'axis'): number {
  return normAxis(axis, rank + 1, fn, arg);
}

/**
 * A tensor argument: a KTensor as it is, anything else converted to a constant
 * (numbers take `dtypeHint` when given, else floatx).
 */
export function asTensor(value: unknown, fn: string, arg: string, dtypeHint?: DType): KTensor {
  if (value instanceof KTensor) return value;
  if (!isTensorLike(value)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be a tensor or a tensor-like value, got ${value === null ? 'null' : typeof value}`);
  }
  // Untyped values (numbers, booleans, nested arrays) take the dtype of the tensor
  // they meet, as TensorFlow converts them; typed arrays and NDArrays keep theirs.
  const untyped = typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value);
  if (!untyped || dtypeHint === undefined) return constantFrom(value, fn, arg);
  const host = toHostValue(value, fn, arg, undefined, floatx());
  // nested bigints are int64 values: they keep their dtype
  if (host.data instanceof BigInt64Array) return constantFrom(host, fn, arg);
  if (isIntDType(dtypeHint) && host.dtype !== 'bool' && !Array.from(host.data).every(Number.isInteger)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' has values that are not whole numbers, for an ${dtypeHint} tensor (use K.cast)`);
  }
  if (isIntDType(dtypeHint) && host.dtype !== 'bool') {
    // Out of range would saturate (or wrap) silently: refused, as NumPy refuses
    // np.array(300, dtype=np.int8).
    const { min, max } = DTYPE_INFO[dtypeHint];
    const data = host.data;
    const i = Array.from(data).findIndex((x) => x < min || x > max);
    if (i >= 0) {
      throw new KerasValueError(`${fn}: argument '${arg}' has a value out of the ${dtypeHint} range (${min} to ${max}): ${show(host.data[i])} at flat index ${i}`);
    }
  }
  if (host.dtype === 'bool' && dtypeHint !== 'bool') return constantFrom(host, fn, arg);
  return constantFrom(host, fn, arg, dtypeHint);
}

/** A tensor argument that must already be a KTensor (no conversion). */
export function requireTensor(value: unknown, fn: string, arg: string): KTensor {
  if (!(value instanceof KTensor)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be a tensor (KTensor), got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value;
}

/** Checks that `v` is a valid concrete shape (array of non-negative integers). */
export function checkConcreteShape(v: unknown, fn: string, arg: string): number[] {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return [v];
  if (!Array.isArray(v) || v.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < 0)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be an array of non-negative integers, got ${show(v)}`);
  }
  return [...(v as number[])];
}
