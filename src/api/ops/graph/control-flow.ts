/**
 * Control flow of the catalogue: rnn, map_fn, foldl, foldr, written on the loop
 * primitive `scan` (src/api/scan.ts): the user's function is traced once into the
 * loop body, and the number of steps is the run-time length, so the iterated
 * dimension may be unknown when the op is built. `rnn` with `unroll: true` keeps
 * the static unrolling of Keras's `unroll` (one copy of the step per time step).
 */
import type { DType } from '../../../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, cast, expandDimsOp, scalar, sub, transposeOp, where } from '../../primitives';
import { scan, zerosLike } from '../../scan';
import { KTensor } from '../../tensor';
import { asTensor, checkBool, checkDType, checkInt, requireTensorLike, shapesCompatible, show } from '../../validate';
import type { TensorLike } from '../../values';
import { insertAxis } from '../shape/helpers';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

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
      `${fn}: the ${what} of '${arg}' must be known with unroll: true (one copy of the step per time step), got shape [${fmt(t.shape)}]`,
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
  /** true: unroll the loop (one copy of the step per time step; the time dimension must be known). Default false: a loop. */
  readonly unroll?: boolean;
  /** The number of time steps, when given: it must equal the static time dimension when that is known. */
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
 * By default the step function is traced once into the body of a loop (the `scan`
 * primitive) that runs once per time step: the time dimension may be unknown until
 * run time. With a mask, the step function is also applied once to the first time
 * step outside the loop, for the shape of the output before the first step, as
 * Keras's TensorFlow backend does. `unroll: true` unrolls the loop instead (one copy
 * of the step per time step; the time dimension must then be known). `inputLength`,
 * when given, must equal the time dimension when that is known.
 * `initialStates` is a list of tensors (a single tensor stands for a list of one).
 *
 * Mirrors `keras.backend.rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False, input_length=None)`.
 */
export function rnn(
  stepFunction: RnnStepFunction,
  inputs: KTensor,
  initialStates: readonly KTensor[] | KTensor,
  options: RnnOptions = {},
  ...extra: []
): [KTensor, KTensor, KTensor[]] {
  checkArity('rnn', 4, extra);
  const fn = 'rnn';
  const stepFn = fnArg<(input: KTensor, states: KTensor[]) => unknown>(stepFunction, fn, 'stepFunction');
  const x = requireTensorLike(inputs, fn, 'inputs');
  if (x.rank < 3) throw new KerasValueError(`${fn}: argument 'inputs' must be at least 3D (samples, time, ...), got shape [${fmt(x.shape)}]`);
  options = optionsArg(options, RNN_KEYS, fn);
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

  if (x.shape[1] === 0) throw new KerasValueError(`${fn}: argument 'inputs' has no time steps (shape [${fmt(x.shape)}])`);

  /** Calls the step function and checks what it returns. */
  const callStep = (xt: KTensor, cur: readonly KTensor[], what: string): [KTensor, KTensor[]] => {
    const ret = stepFn(xt, [...cur, ...constants]);
    if (ret instanceof Promise) throw new KerasTypeError(`${fn}: ${what} must be synchronous (it returned a Promise)`);
    if (!Array.isArray(ret) || ret.length !== 2) {
      throw new KerasTypeError(`${fn}: ${what} must return [output, newStates], got ${describe(ret)}`);
    }
    const output = resultTensor(ret[0], fn, what);
    if (output.rank < 1) throw new KerasValueError(`${fn}: ${what} returned an output of rank 0; it must have shape (samples, ...)`);
    const list = ret[1] instanceof KTensor ? [ret[1] as KTensor] : ret[1];
    if (!Array.isArray(list)) throw new KerasTypeError(`${fn}: ${what} must return a list of new states, got ${describe(ret[1])}`);
    const newStates = list.map((st, i) => resultTensor(st, fn, `${what}, new state ${i},`));
    if (newStates.length !== cur.length) {
      throw new KerasValueError(`${fn}: ${what} returned ${newStates.length} new states for ${cur.length} states ('initialStates')`);
    }
    newStates.forEach((st, i) => checkSame(st, cur[i], fn, `${what}: new state ${i}`, `state ${i}`));
    return [output, newStates];
  };
  /** Broadcasts the mask of one step, (samples,), against `ref` (samples, ...). */
  const keepOf = (mt: KTensor, ref: KTensor): KTensor => expandDimsOp(mt, Array.from({ length: ref.rank - 1 }, (_, i) => i + 1));

  if (options.unroll === true) {
    // Keras's unroll: one copy of the step per time step (the time dimension must be known).
    const steps = knownLength(x, 1, fn, 'inputs', 'time dimension');
    const outputs: KTensor[] = [];
    for (let k = 0; k < steps; k++) {
      const t = goBackwards ? steps - 1 - k : k;
      let [output, newStates] = callStep(step(x, 1, t), states, `the step function (at time step ${t})`);
      if (outputs.length > 0) checkSame(output, outputs[0], fn, `the step function (at time step ${t}): the output`, 'the output of the first step');
      if (mask !== null) {
        const mt = step(mask, 1, t); // (samples,)
        const prev = outputs.length > 0 ? outputs[outputs.length - 1] : scalar(0, output.dtype);
        output = where(keepOf(mt, output), output, prev);
        newStates = newStates.map((st, i) => where(keepOf(mt, st), st, states[i]));
      }
      states = newStates;
      outputs.push(output);
    }
    return [outputs[outputs.length - 1], stackAlong(outputs, 1, fn), states];
  }

  // A loop over the time axis, made time-major (and reversed for goBackwards).
  const perm = Array.from({ length: x.rank }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : i));
  let xs = transposeOp(x, perm);
  let ms = mask === null ? null : transposeOp(mask, [1, 0]);
  if (goBackwards) {
    xs = applyOp('reverse', [xs], { axes: [0] });
    if (ms !== null) ms = applyOp('reverse', [ms], { axes: [0] });
  }
  const what = 'the step function (traced once for the loop)';
  const initial = [...states];
  if (ms !== null) {
    // The output before the first step is zeros of the output's shape: as Keras does, the
    // step is applied to the first time step once, outside the loop, for that shape.
    const [output0] = callStep(step(xs, 0, 0), initial, what);
    initial.push(zerosLike(output0));
  }
  const ns = states.length;
  const [finals, ys] = scan(
    fn,
    (carries, slices) => {
      const [xt, mt] = slices;
      let [output, newStates] = callStep(xt, carries.slice(0, ns), what);
      if (mt === undefined) return [newStates, [output]];
      const prev = carries[ns];
      checkSame(output, prev, fn, `${what}: the output`, 'the output of the first step');
      output = where(keepOf(mt, output), output, prev);
      newStates = newStates.map((st, i) => where(keepOf(mt, st), st, carries[i]));
      return [[...newStates, output], [output]];
    },
    initial,
    ms === null ? [xs] : [xs, ms],
  );
  const outputs = transposeOp(ys[0], inversePermOf(perm, ys[0].rank));
  let last: KTensor;
  if (ms !== null) last = finals[ns];
  else {
    // The output of the last step: index (run-time length - 1) of the stacked outputs.
    const n = applyOp('gather', [applyOp('shapeOf', [ys[0]], {}), scalar(0, 'int32')], { axis: 0 });
    last = applyOp('gather', [ys[0], sub(n, scalar(1, 'int32'))], { axis: 0 });
  }
  return [last, outputs, finals.slice(0, ns)];
}

/** The permutation swapping axes 0 and 1 of a tensor of rank `rank` (its own inverse). */
function inversePermOf(perm: readonly number[], rank: number): number[] {
  return Array.from({ length: rank }, (_, i) => (i < perm.length ? perm[i] : i));
}

/* ------------------------------------------------------------------------ */
/* map_fn, foldl, foldr                                                     */
/* ------------------------------------------------------------------------ */

/** An optional name argument: a string or null (unused: there is no graph naming). */
function nameArg(v: unknown, fn: string): void {
  if (v !== null && v !== undefined && typeof v !== 'string') throw new KerasValueError(`${fn}: argument 'name' must be a string or null, got ${show(v)}`);
}

/** `elems` for map/fold: a tensor of rank >= 1 (the leading dimension may be unknown). */
function elemsArg(v: unknown, fn: string): KTensor {
  const t = requireTensorLike(v, fn, 'elems');
  if (t.rank < 1) throw new KerasValueError(`${fn}: argument 'elems' must have rank >= 1, got a scalar`);
  return t;
}

/**
 * Applies `fn` to each slice of `elems` along axis 0 and stacks the results along
 * a new axis 0. `fn` is traced once into the body of a loop that runs once per
 * element, so the leading dimension may be unknown until run time; it must return
 * one tensor (of the same dtype and shape for every element). `dtype`, when given,
 * is the dtype `fn` must return (a KerasTypeError otherwise); `name` is accepted and
 * unused. With zero elements at run time, the result is empty when the shape of
 * `fn`'s result is known, else an error.
 *
 * Mirrors `keras.backend.map_fn(fn, elems, name=None, dtype=None)`.
 */
export function mapFn(fn: (x: KTensor) => KTensor, elems: KTensor, name: string | null = null, dtype: DType | null = null, ...extra: []): KTensor {
  checkArity('mapFn', 4, extra);
  const f = fnArg<(x: KTensor) => unknown>(fn, 'mapFn', 'fn');
  const x = elemsArg(elems, 'mapFn');
  nameArg(name, 'mapFn');
  const dt = dtype === null || dtype === undefined ? null : checkDType(dtype, 'mapFn', 'dtype');
  if (x.shape[0] === 0) throw new KerasValueError(`mapFn: argument 'elems' has no elements (shape [${fmt(x.shape)}]): the result shape is unknown`);
  const what = "argument 'fn' (traced once for the loop)";
  const [, ys] = scan(
    'mapFn',
    (_c, [xt]) => {
      const y = resultTensor(f(xt), 'mapFn', what);
      if (dt !== null && y.dtype !== dt) throw new KerasTypeError(`mapFn: ${what} returned dtype ${y.dtype}, but argument 'dtype' is ${dt}`);
      return [[], [y]];
    },
    [],
    [x],
  );
  return ys[0];
}

/** The fold shared by foldl and foldr. */
function fold(name: string, fn: unknown, elems: unknown, initializer: unknown, nodeName: unknown, fromRight: boolean): KTensor {
  const f = fnArg<(acc: KTensor, x: KTensor) => unknown>(fn, name, 'fn');
  let x = elemsArg(elems, name);
  nameArg(nodeName, name);
  let acc: KTensor;
  let reverse = fromRight;
  if (initializer === null || initializer === undefined) {
    if (x.shape[0] === 0) throw new KerasValueError(`${name}: argument 'elems' is empty (shape [${fmt(x.shape)}]) and no 'initializer' is given`);
    // The first element in fold order starts the accumulator; the loop runs over the rest.
    if (fromRight) x = applyOp('reverse', [x], { axes: [0] });
    reverse = false;
    acc = step(x, 0, 0);
    x = applyOp('slice', [x], { begin: x.shape.map((_, i) => (i === 0 ? 1 : 0)), size: x.shape.map(() => -1) });
  } else {
    acc = initializer instanceof KTensor ? initializer : asTensor(initializer, name, 'initializer', x.dtype);
  }
  const what = "argument 'fn' (traced once for the loop)";
  const refWhat = `the accumulator ('initializer', or the ${fromRight ? 'last' : 'first'} element)`;
  const [[result]] = scan(
    name,
    ([a], [xt]) => {
      const next = resultTensor(f(a, xt), name, what);
      checkSame(next, a, name, `${what}: the result`, refWhat);
      return [[next], []];
    },
    [acc],
    [x],
    { reverse },
  );
  return result;
}

/**
 * Reduces `elems` along axis 0 from left to right: `acc = fn(acc, elems[i])` for
 * i = 0, 1, ..., starting from `initializer` (null: `elems[0]`, and the fold starts
 * at `elems[1]`). `fn` must return a tensor of the accumulator's dtype and shape.
 * Returns the final accumulator. `name` is accepted and unused.
 *
 * `fn` is traced once into the body of a loop: the leading dimension of `elems` may
 * be unknown until run time.
 *
 * Mirrors `keras.backend.foldl(fn, elems, initializer=None, name=None)`.
 */
export function foldl(fn: (acc: KTensor, x: KTensor) => KTensor, elems: KTensor, initializer: KTensor | TensorLike | null = null, name: string | null = null, ...extra: []): KTensor {
  checkArity('foldl', 4, extra);
  return fold('foldl', fn, elems, initializer, name, false);
}

/**
 * Reduces `elems` along axis 0 from right to left: `acc = fn(acc, elems[i])` for
 * i = n-1, n-2, ..., starting from `initializer` (null: `elems[n-1]`, and the fold
 * starts at `elems[n-2]`). `fn` must return a tensor of the accumulator's dtype and
 * shape. Returns the final accumulator. `name` is accepted and unused.
 *
 * `fn` is traced once into the body of a loop: the leading dimension of `elems` may
 * be unknown until run time.
 *
 * Mirrors `keras.backend.foldr(fn, elems, initializer=None, name=None)`.
 */
export function foldr(fn: (acc: KTensor, x: KTensor) => KTensor, elems: KTensor, initializer: KTensor | TensorLike | null = null, name: string | null = null, ...extra: []): KTensor {
  checkArity('foldr', 4, extra);
  return fold('foldr', fn, elems, initializer, name, true);
}
