/**
 * Variable state: updates for `function`, and reading and writing values.
 */
import { floatx } from '../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import type { Backend } from '../../backends/backend';
import { isFloatDType } from '../../backends/types';
import { activeBackend } from '../engine';
import { KUpdate } from './graph/function';
import { fmt } from '../infer';
import { NDArray } from '../ndarray';
import { add, broadcastLike, mul, scalar, sub } from '../primitives';
import { asTensor } from '../validate';
import { KTensor, storeVariable, checkBackendDType } from '../tensor';
import { checkNumber, requireTensor, show } from '../validate';
import { fillHost, toHostValue } from '../values';
import { evaluateFor } from './tensors/inspect';
import type { TensorInput } from '../tensor-input';
import { checkArity } from '../../arity';

function requireVariable(x: unknown, fn: string, arg: string): KTensor {
  const t = requireTensor(x, fn, arg);
  if (t.node.kind !== 'variable') throw new KerasTypeError(`${fn}: argument '${arg}' must be a variable, got a ${t.node.kind} tensor`);
  return t;
}

function updateWith(
  fn: string,
  x: unknown,
  varArg: string,
  value: unknown,
  valueArg: string,
  combine?: (v: KTensor, d: KTensor) => KTensor,
): KUpdate {
  const v = requireVariable(x, fn, varArg);
  const d = asTensor(value, fn, valueArg, v.dtype);
  if (d.dtype !== v.dtype) {
    throw new KerasTypeError(`${fn}: argument '${valueArg}' must have the dtype of variable '${v.name}' (${v.dtype}), got ${d.dtype} (use K.cast)`);
  }
  // A scalar is broadcast; anything else must have the variable's shape.
  if (d.rank !== 0 && (d.rank !== v.rank || d.shape.some((s, i) => s !== null && v.shape[i] !== null && s !== v.shape[i]))) {
    throw new KerasShapeError(`${fn}: argument '${valueArg}' must have the shape of variable '${v.name}' ([${fmt(v.shape)}]), got [${fmt(d.shape)}]`);
  }
  const next = combine ? combine(v, d) : d.rank === 0 && v.rank !== 0 ? broadcastLike(d, v) : d;
  return new KUpdate(v, next);
}

/**
 * An update setting variable `x` to `newX`, applied when a `function` that lists it runs.
 *
 * Mirrors `keras.backend.update(x, new_x)`.
 */
export function update(x: KTensor, newX: TensorInput, ...extra: []): KUpdate {
  checkArity('update', 2, extra);
  return updateWith('update', x, 'x', newX, 'newX');
}

/**
 * An update adding `increment` to variable `x`.
 *
 * Mirrors `keras.backend.update_add(x, increment)`.
 */
export function updateAdd(x: KTensor, increment: TensorInput, ...extra: []): KUpdate {
  checkArity('updateAdd', 2, extra);
  return updateWith('updateAdd', x, 'x', increment, 'increment', add);
}

/**
 * An update subtracting `decrement` from variable `x`.
 *
 * Mirrors `keras.backend.update_sub(x, decrement)`.
 */
export function updateSub(x: KTensor, decrement: TensorInput, ...extra: []): KUpdate {
  checkArity('updateSub', 2, extra);
  return updateWith('updateSub', x, 'x', decrement, 'decrement', sub);
}

/**
 * An update setting `variable` to `variable * momentum + value * (1 - momentum)`.
 *
 * Mirrors `keras.backend.moving_average_update(variable, value, momentum)`.
 */
export function movingAverageUpdate(variable: KTensor, value: TensorInput, momentum: number, ...extra: []): KUpdate {
  checkArity('movingAverageUpdate', 3, extra);
  const m = checkNumber(momentum, 'movingAverageUpdate', 'momentum');
  // An integer variable would truncate momentum and 1 - momentum (0.5 -> 0) and
  // silently give a wrong average: refused, as TensorFlow refuses a float decay.
  const v = requireVariable(variable, 'movingAverageUpdate', 'variable');
  if (!isFloatDType(v.dtype)) {
    throw new KerasTypeError(`movingAverageUpdate: argument 'variable' must be a float variable, got dtype ${v.dtype} (a fractional momentum cannot be applied to integers)`);
  }
  return updateWith('movingAverageUpdate', variable, 'variable', value, 'value', (cur, val) => add(mul(cur, scalar(m, cur.dtype)), mul(val, scalar(1 - m, cur.dtype))));
}

/**
 * The value of a variable (or any tensor without placeholders), as an NDArray.
 *
 * Mirrors `keras.backend.get_value(x)`.
 */
export function getValue(x: KTensor, ...extra: []): NDArray {
  checkArity('getValue', 1, extra);
  requireTensor(x, 'getValue', 'x');
  return evaluateFor(x, 'getValue');
}

/**
 * The values of several tensors.
 *
 * Mirrors `keras.backend.batch_get_value(xs)`.
 */
export function batchGetValue(xs: readonly KTensor[], ...extra: []): NDArray[] {
  checkArity('batchGetValue', 1, extra);
  if (!Array.isArray(xs)) throw new KerasTypeError(`batchGetValue: argument 'xs' must be an array of tensors, got ${show(xs)}`);
  return xs.map((x, i) => {
    requireTensor(x, 'batchGetValue', `xs[${i}]`);
    return evaluateFor(x, 'batchGetValue');
  });
}

/**
 * Sets the value of variable `x` from a host value of the same shape.
 *
 * Mirrors `keras.backend.set_value(x, value)`.
 */
export function setValue(x: KTensor, value: TensorInput, ...extra: []): void {
  checkArity('setValue', 2, extra);
  assignValue(x, value, 'setValue', 'x', 'value');
}

function assignValue(x: unknown, value: unknown, fn: string, xArg: string, valueArg: string): void {
  const [v, backend, native] = prepareValue(x, value, fn, xArg, valueArg);
  storeVariable(v, backend, native);
}

/** Checks a new value for variable `x` and makes its native tensor (not yet stored). */
function prepareValue(x: unknown, value: unknown, fn: string, xArg: string, valueArg: string): [KTensor, Backend, unknown] {
  const v = requireVariable(x, fn, xArg);
  if (value instanceof KTensor) value = evaluateFor(value, fn);
  const host = toHostValue(value, fn, valueArg, v.dtype, floatx());
  const sameShape = host.shape.length === v.shape.length && host.shape.every((d, i) => d === v.shape[i]);
  // A scalar fills the whole variable; anything else must have its shape.
  if (!sameShape && host.shape.length !== 0) {
    throw new KerasShapeError(`${fn}: argument '${valueArg}' must have the shape of variable '${v.name}' ([${fmt(v.shape)}]) or be a scalar, got [${host.shape.join(', ')}]`);
  }
  const backend = activeBackend();
  checkBackendDType(backend, v.dtype);
  let data = host.data;
  if (!sameShape) {
    const n = (v.shape as number[]).reduce((p, d) => p * d, 1);
    data = fillHost(v.dtype, n, host.data);
  }
  return [v, backend, backend.fromHost(data, v.shape as number[], v.dtype)];
}

/**
 * Sets several variables: `tuples` is a list of `[variable, value]`. Every value is
 * checked before any variable changes: all are set, or none.
 *
 * Mirrors `keras.backend.batch_set_value(tuples)`.
 */
export function batchSetValue(tuples: readonly (readonly [KTensor, unknown])[], ...extra: []): void {
  checkArity('batchSetValue', 1, extra);
  if (!Array.isArray(tuples)) throw new KerasTypeError(`batchSetValue: argument 'tuples' must be an array of [variable, value] pairs, got ${show(tuples)}`);
  tuples.forEach((t, i) => {
    if (!Array.isArray(t) || t.length !== 2) throw new KerasValueError(`batchSetValue: argument 'tuples[${i}]' must be a [variable, value] pair, got ${Array.isArray(t) ? `an array of length ${t.length}` : show(t)}`);
  });
  const ready: [KTensor, Backend, unknown][] = [];
  try {
    tuples.forEach(([x, value], i) => ready.push(prepareValue(x, value, 'batchSetValue', `tuples[${i}][0]`, `tuples[${i}][1]`)));
  } catch (e) {
    for (const [, backend, native] of ready) backend.dispose(native);
    throw e;
  }
  for (const [v, backend, native] of ready) storeVariable(v, backend, native);
}
