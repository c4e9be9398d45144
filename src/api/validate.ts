/**
 * Argument checks shared by the public functions. Messages name the function,
 * the argument and what was expected.
 */
import { DType, DTYPES, isFloatDType } from '../backends/types';
import { KerasTypeError, KerasValueError } from '../errors';
import { fmt } from './infer';
import { asTensor, requireTensor } from './op';
import { KTensor } from './tensor';
import { show } from './show';

export { show };

/** A valid dtype name, or a KerasValueError. */
export function checkDType(v: unknown, fn: string, arg: string): DType {
  if (typeof v !== 'string' || !DTYPES.includes(v as DType)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be one of ${DTYPES.join(', ')}, got ${show(v)}`);
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

/** Two operands of an elementwise op: non-tensors take the other's dtype; tensor dtypes must agree. */
export function binaryOperands(x: unknown, y: unknown, fn: string): [KTensor, KTensor] {
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

export { requireTensor };
