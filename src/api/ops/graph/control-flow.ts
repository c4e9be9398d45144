/**
 * Control flow of the catalogue: rnn, map_fn, foldl, foldr. There is no loop
 * primitive yet, so each is unrolled: the user's function is called once per
 * step on a slice of the input (a gather of one index, which removes the axis),
 * and the per-step results are joined along the iterated axis. They are plain
 * composites over primitives, so they run and differentiate identically on every
 * backend; the iterated dimension must be statically known.
 */
import type { DType } from '../../../backends/types';
import { KerasShapeError,KerasTypeError,KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp,cast,expandDimsOp,scalar,where } from '../../primitives';
import { KTensor } from '../../tensor';
import { asTensor,checkBool,checkDType,checkInt,requireTensorLike,shapesCompatible,show } from '../../validate';
import type { TensorLike } from '../../values';
import { insertAxis } from '../shape/helpers';

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/** The slice of `x` at index `i` of `axis` (the axis removed). */
function step(x: KTensor, axis: number, i: number): KTensor {
  return applyOp('gather', [x, scalar(i, 'int32')], { axis });
}

/** Stacks same-shaped tensors along a new axis `axis`. */
function stackAlong(parts: readonly KTensor[], axis: number, fn: string): KTensor {
  const expanded = parts.map((p) => insertAxis(p, axis, fn));
  return expanded.length === 1 ? expanded[0] : applyOp('concat', expanded, { axis });
}

/** A value as the errors here show it: tensors by shape and dtype, not by their innards. */
function describe(v: unknown): string {
  if (v instanceof KTensor) return `a tensor of shape [${fmt(v.shape)}] and dtype ${v.dtype}`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  return show(v);
}

/** A function argument, or a KerasTypeError. */
function fnArg<F>(v: unknown, fn: string, arg: string): F {
  if (typeof v !== 'function') throw new KerasTypeError(`${fn}: argument '${arg}' must be a function, got ${describe(v)}`);
  return v as F;
}

/** What a user function returned, as a tensor (tensor-likes converted), or a KerasTypeError. */
function resultTensor(v: unknown, fn: string, what: string): KTensor {
  if (v instanceof Promise) throw new KerasTypeError(`${fn}: ${what} must be synchronous (it returned a Promise)`);
  if (v === undefined || v === null) throw new KerasTypeError(`${fn}: ${what} returned ${String(v)}, not a tensor`);
  if (v instanceof KTensor) return v;
  try {
    return requireTensorLike(v, fn, 'result');
  } catch {
    throw new KerasTypeError(`${fn}: ${what} must return a tensor, got ${describe(v)}`);
  }
}

/** Checks that `t` (from step `i`) has the dtype and a shape compatible with `ref`. */
function checkSame(t: KTensor, ref: KTensor, fn: string, what: string, refWhat: string): void {
  if (t.dtype !== ref.dtype) {
    throw new KerasTypeError(`${fn}: ${what} has dtype ${t.dtype}, but ${refWhat} has dtype ${ref.dtype}; they must be the same`);
  }
  if (!shapesCompatible(t.shape, ref.shape)) {
    throw new KerasShapeError(`${fn}: ${what} has shape [${fmt(t.shape)}], but ${refWhat} has shape [${fmt(ref.shape)}]; they must be the same`);
  }
}

/** The statically known length of axis `axis` of `t`, or a KerasValueError saying the loop needs it. */
function knownLength(t: KTensor, axis: number, fn: string, arg: string, what: string): number {
  const n = t.shape[axis];
  if (n === null) {
    throw new KerasValueError(
      `${fn}: the ${what} of '${arg}' must be known (the loop is unrolled; a symbolic loop is not implemented yet), got shape [${fmt(t.shape)}]`,
    );
  }
  return n;
}

/** A list of tensors: an array (entries converted) or a single tensor (a list of one). */
function tensorList(v: unknown, fn: string, arg: string): KTensor[] {
  if (v instanceof KTensor) return [v];
  if (!Array.isArray(v)) throw new KerasTypeError(`${fn}: argument '${arg}' must be a list of tensors, got ${describe(v)}`);
  return v.map((t, i) => requireTensorLike(t, fn, `${arg}[${i}]`));
}

/* ------------------------------------------------------------------------ */
/* rnn                                                                      */
/* ------------------------------------------------------------------------ */

/**
 * The step function of `rnn`: the input at one time step (shape (samples, ...)),
 * and the states followed by the constants; returns `[output, newStates]`.
 */
export type RnnStepFunction = (input: KTensor, states: KTensor[]) => readonly [KTensor, readonly KTensor[] | KTensor];

/** Options of `rnn` (Keras's optional parameters, camelCase). */
export interface RnnOptions {
  /** Iterate from the last time step to the first (outputs are in iteration order). Default false. */
  readonly goBackwards?: boolean;
  /** (samples, time) or (samples, time, 1), bool or numeric (nonzero: kept); null: no mask. */
  readonly mask?: KTensor | null;
  /** Tensors appended to the states at every step. */
  readonly constants?: readonly KTensor[] | null;
  /** Accepted for compatibility: the loop is always unrolled. */
  readonly unroll?: boolean;
  /** The number of time steps, when given: it must equal the static time dimension. */
  readonly inputLength?: number | null;
}

const RNN_KEYS = ['goBackwards', 'mask', 'constants', 'unroll', 'inputLength'];

/**
 * Iterates `stepFunction` over the time dimension (axis 1) of `inputs`, of shape
 * (samples, time, ...) (rank >= 3). At each step, `stepFunction(input_t, [...states,
 * ...constants])` returns `[output, newStates]`: `output` of shape (samples, ...), and
 * as many new states as `initialStates`, each of the same dtype and shape as the state
 * it replaces. Returns `[lastOutput, outputs, newStates]`: the last output, all
 * outputs stacked on axis 1 (samples, time, ...), and the last states (a list).
 *
 * `mask` (samples, time) (or (samples, time, 1)), bool or 0/1: where it is 0 for a
 * sample, that step keeps the previous output (zeros before the first step) and the
 * previous states, as Keras's unrolled TensorFlow loop does (the mask is broadcast
 * over the trailing axes, so outputs and states of any rank work). `goBackwards`
 * iterates from the last step to the first, and `outputs` is in iteration order
 * (reversed in time), as in Keras. `constants` are appended to the states passed to
 * the step function (they are not returned by it).
 *
 * The loop is always unrolled (there is no loop primitive yet): the time dimension
 * must be statically known (a KerasValueError otherwise), `unroll` is accepted and
 * ignored, and `inputLength`, when given, must equal the time dimension.
 * `initialStates` is a list of tensors (a single tensor stands for a list of one).
 *
 * Mirrors `keras.backend.rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False, input_length=None)`.
 */
export function rnn(
  stepFunction: RnnStepFunction,
  inputs: KTensor,
  initialStates: readonly KTensor[] | KTensor,
  options: RnnOptions = {},
): [KTensor, KTensor, KTensor[]] {
  const fn = 'rnn';
  const stepFn = fnArg<(input: KTensor, states: KTensor[]) => unknown>(stepFunction, fn, 'stepFunction');
  const x = requireTensorLike(inputs, fn, 'inputs');
  if (x.rank < 3) throw new KerasValueError(`${fn}: argument 'inputs' must be at least 3D (samples, time, ...), got shape [${fmt(x.shape)}]`);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new KerasValueError(`${fn}: argument 'options' must be an object {${RNN_KEYS.join(', ')}}, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!RNN_KEYS.includes(key)) throw new KerasValueError(`${fn}: argument 'options' has an unknown key '${key}' (expected ${RNN_KEYS.join(', ')})`);
  }
  const goBackwards = options.goBackwards === undefined ? false : checkBool(options.goBackwards, fn, 'goBackwards');
  if (options.unroll !== undefined) checkBool(options.unroll, fn, 'unroll');
  let states = tensorList(initialStates, fn, 'initialStates');
  const constants = options.constants === undefined || options.constants === null ? [] : tensorList(options.constants, fn, 'constants');

  const inputLength = options.inputLength ?? null;
  if (inputLength !== null) {
    const n = checkInt(inputLength, fn, 'inputLength');
    if (x.shape[1] !== null && n !== x.shape[1]) {
      throw new KerasValueError(`${fn}: argument 'inputLength' is ${n}, but the time dimension of 'inputs' is ${x.shape[1]} (shape [${fmt(x.shape)}])`);
    }
  }
  const steps = knownLength(x, 1, fn, 'inputs', 'time dimension');
  if (steps === 0) throw new KerasValueError(`${fn}: argument 'inputs' has no time steps (shape [${fmt(x.shape)}])`);

  let mask: KTensor | null = null;
  if (options.mask !== undefined && options.mask !== null) {
    let m = requireTensorLike(options.mask, fn, 'mask');
    if (m.rank === 3 && m.shape[2] === 1) m = step(m, 2, 0);
    if (m.rank !== 2) throw new KerasValueError(`${fn}: argument 'mask' must have shape (samples, time), got shape [${fmt(m.shape)}]`);
    if (!shapesCompatible(m.shape, x.shape.slice(0, 2))) {
      throw new KerasShapeError(`${fn}: argument 'mask' has shape [${fmt(m.shape)}], which does not match (samples, time) of 'inputs' (shape [${fmt(x.shape)}])`);
    }
    mask = m.dtype === 'bool' ? m : cast(m, 'bool');
  }

  const outputs: KTensor[] = [];
  for (let k = 0; k < steps; k++) {
    const t = goBackwards ? steps - 1 - k : k;
    const what = `the step function (at time step ${t})`;
    const ret = stepFn(step(x, 1, t), [...states, ...constants]);
    if (ret instanceof Promise) throw new KerasTypeError(`${fn}: ${what} must be synchronous (it returned a Promise)`);
    if (!Array.isArray(ret) || ret.length !== 2) {
      throw new KerasTypeError(`${fn}: ${what} must return [output, newStates], got ${describe(ret)}`);
    }
    let output = resultTensor(ret[0], fn, what);
    if (output.rank < 1) throw new KerasValueError(`${fn}: ${what} returned an output of rank 0; it must have shape (samples, ...)`);
    let newStates = ret[1] instanceof KTensor ? [ret[1] as KTensor] : ret[1];
    if (!Array.isArray(newStates)) throw new KerasTypeError(`${fn}: ${what} must return a list of new states, got ${describe(ret[1])}`);
    newStates = newStates.map((s, i) => resultTensor(s, fn, `${what}, new state ${i},`));
    if (newStates.length !== states.length) {
      throw new KerasValueError(`${fn}: ${what} returned ${newStates.length} new states for ${states.length} states ('initialStates')`);
    }
    (newStates as KTensor[]).forEach((s, i) => checkSame(s, states[i], fn, `${what}: new state ${i}`, `state ${i}`));
    if (outputs.length > 0) checkSame(output, outputs[0], fn, `${what}: the output`, 'the output of the first step');
    if (mask !== null) {
      const mt = step(mask, 1, t); // (samples,)
      const keep = (ref: KTensor): KTensor => expandDimsOp(mt, Array.from({ length: ref.rank - 1 }, (_, i) => i + 1));
      const prev = outputs.length > 0 ? outputs[outputs.length - 1] : scalar(0, output.dtype);
      output = where(keep(output), output, prev);
      newStates = (newStates as KTensor[]).map((s, i) => where(keep(s), s, states[i]));
    }
    states = newStates as KTensor[];
    outputs.push(output);
  }
  return [outputs[outputs.length - 1], stackAlong(outputs, 1, fn), states];
}

/* ------------------------------------------------------------------------ */
/* map_fn, foldl, foldr                                                     */
/* ------------------------------------------------------------------------ */

/** An optional name argument: a string or null (unused: there is no graph naming). */
function nameArg(v: unknown, fn: string): void {
  if (v !== null && v !== undefined && typeof v !== 'string') throw new KerasValueError(`${fn}: argument 'name' must be a string or null, got ${show(v)}`);
}

/** `elems` for map/fold: a tensor of rank >= 1 whose leading dimension is known. */
function elemsArg(v: unknown, fn: string): [KTensor, number] {
  const t = requireTensorLike(v, fn, 'elems');
  if (t.rank < 1) throw new KerasValueError(`${fn}: argument 'elems' must have rank >= 1, got a scalar`);
  return [t, knownLength(t, 0, fn, 'elems', 'leading dimension')];
}

/**
 * Applies `fn` to each slice of `elems` along axis 0 and stacks the results along
 * a new axis 0. `fn` must return tensors of one dtype and shape for every element.
 * `dtype`, when given, is the dtype `fn` must return (a KerasTypeError otherwise);
 * `name` is accepted and unused.
 *
 * The map is unrolled: the leading dimension of `elems` must be statically known
 * and non-zero.
 *
 * Mirrors `keras.backend.map_fn(fn, elems, name=None, dtype=None)`.
 */
export function mapFn(fn: (x: KTensor) => KTensor, elems: KTensor, name: string | null = null, dtype: DType | null = null): KTensor {
  const f = fnArg<(x: KTensor) => unknown>(fn, 'mapFn', 'fn');
  const [x, n] = elemsArg(elems, 'mapFn');
  nameArg(name, 'mapFn');
  const dt = dtype === null || dtype === undefined ? null : checkDType(dtype, 'mapFn', 'dtype');
  if (n === 0) throw new KerasValueError(`mapFn: argument 'elems' has no elements (shape [${fmt(x.shape)}]): the result shape is unknown`);
  const results: KTensor[] = [];
  for (let i = 0; i < n; i++) {
    const what = `argument 'fn' (at element ${i})`;
    const y = resultTensor(f(step(x, 0, i)), 'mapFn', what);
    if (dt !== null && y.dtype !== dt) throw new KerasTypeError(`mapFn: ${what} returned dtype ${y.dtype}, but argument 'dtype' is ${dt}`);
    if (results.length > 0) checkSame(y, results[0], 'mapFn', what, 'the result for element 0');
    results.push(y);
  }
  return stackAlong(results, 0, 'mapFn');
}

/** The fold shared by foldl and foldr. */
function fold(name: string, fn: unknown, elems: unknown, initializer: unknown, nodeName: unknown, fromRight: boolean): KTensor {
  const f = fnArg<(acc: KTensor, x: KTensor) => unknown>(fn, name, 'fn');
  const [x, n] = elemsArg(elems, name);
  nameArg(nodeName, name);
  const order = Array.from({ length: n }, (_, i) => (fromRight ? n - 1 - i : i));
  let acc: KTensor;
  let rest: number[];
  if (initializer === null || initializer === undefined) {
    if (n === 0) throw new KerasValueError(`${name}: argument 'elems' is empty (shape [${fmt(x.shape)}]) and no 'initializer' is given`);
    acc = step(x, 0, order[0]);
    rest = order.slice(1);
  } else {
    acc = initializer instanceof KTensor ? initializer : asTensor(initializer, name, 'initializer', x.dtype);
    rest = order;
  }
  const first = acc;
  for (const i of rest) {
    const what = `argument 'fn' (at element ${i})`;
    const next = resultTensor(f(acc, step(x, 0, i)), name, what);
    checkSame(next, first, name, `${what}: the result`, `the accumulator ('initializer', or the ${fromRight ? 'last' : 'first'} element)`);
    acc = next;
  }
  return acc;
}

/**
 * Reduces `elems` along axis 0 from left to right: `acc = fn(acc, elems[i])` for
 * i = 0, 1, ..., starting from `initializer` (null: `elems[0]`, and the fold starts
 * at `elems[1]`). `fn` must return a tensor of the accumulator's dtype and shape.
 * Returns the final accumulator. `name` is accepted and unused.
 *
 * The fold is unrolled: the leading dimension of `elems` must be statically known.
 *
 * Mirrors `keras.backend.foldl(fn, elems, initializer=None, name=None)`.
 */
export function foldl(fn: (acc: KTensor, x: KTensor) => KTensor, elems: KTensor, initializer: KTensor | TensorLike | null = null, name: string | null = null): KTensor {
  return fold('foldl', fn, elems, initializer, name, false);
}

/**
 * Reduces `elems` along axis 0 from right to left: `acc = fn(acc, elems[i])` for
 * i = n-1, n-2, ..., starting from `initializer` (null: `elems[n-1]`, and the fold
 * starts at `elems[n-2]`). `fn` must return a tensor of the accumulator's dtype and
 * shape. Returns the final accumulator. `name` is accepted and unused.
 *
 * The fold is unrolled: the leading dimension of `elems` must be statically known.
 *
 * Mirrors `keras.backend.foldr(fn, elems, initializer=None, name=None)`.
 */
export function foldr(fn: (acc: KTensor, x: KTensor) => KTensor, elems: KTensor, initializer: KTensor | TensorLike | null = null, name: string | null = null): KTensor {
  return fold('foldr', fn, elems, initializer, name, true);
}
