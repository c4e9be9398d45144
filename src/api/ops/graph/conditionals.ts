/**
 * Selection of the graph group: switch, in_train_phase, in_test_phase.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { cast, inversePerm, transposeOp, where } from '../../primitives';
import { KTensor } from '../../tensor';
import { operandLike, requireTensorLike, shapesCompatible, show } from '../../validate';
import type { TensorLike } from '../../values';
import { learningPhase } from '../config';
import { evaluateFor } from '../tensors/inspect';
import { checkArity } from '../../../arity';

/** A branch of a selection: a tensor, a tensor-like value, or a function returning one. */
export type Branch = KTensor | TensorLike | (() => KTensor | TensorLike);

/** The argument names a selection reports in its errors. */
interface SelectNames {
  readonly fn: string;
  readonly cond: string;
  readonly then: string;
  readonly else: string;
}

/** Calls a branch given as a function; anything else is returned as it is. */
function materialise(e: unknown, fn: string, arg: string): unknown {
  if (typeof e !== 'function') return e;
  const v = (e as () => unknown)();
  if (v instanceof Promise) throw new KerasTypeError(`${fn}: argument '${arg}' must be synchronous (it returned a Promise)`);
  if (v === undefined || v === null) throw new KerasTypeError(`${fn}: argument '${arg}' is a function that returned ${String(v)}, not a tensor`);
  return v;
}

/** Both branches as tensors of one dtype and of compatible shapes. */
function branchPair(thenV: unknown, elseV: unknown, n: SelectNames): [KTensor, KTensor] {
  let a: KTensor;
  let b: KTensor;
  if (thenV instanceof KTensor) {
    a = thenV;
    b = operandLike(elseV, a, n.fn, n.else, n.then);
  } else if (elseV instanceof KTensor) {
    b = elseV;
    a = operandLike(thenV, b, n.fn, n.then, n.else);
  } else {
    a = requireTensorLike(thenV, n.fn, n.then);
    b = operandLike(elseV, a, n.fn, n.else, n.then);
  }
  if (!shapesCompatible(a.shape, b.shape)) {
    throw new KerasShapeError(`${n.fn}: arguments '${n.then}' and '${n.else}' must have the same shape, got [${fmt(a.shape)}] and [${fmt(b.shape)}]`);
  }
  return [a, b];
}

/** The selection shared by switch, inTrainPhase and inTestPhase. */
function select(condition: unknown, thenE: unknown, elseE: unknown, n: SelectNames): KTensor {
  const c0 = requireTensorLike(condition, n.fn, n.cond);
  const c = c0.dtype === 'bool' ? c0 : cast(c0, 'bool');
  if (c.rank === 0 && c.node.kind === 'constant') {
    // Known now: only the branch taken is built (as tf.cond does when run eagerly).
    const take = evaluateFor(c, n.fn).data[0] !== 0;
    const arg = take ? n.then : n.else;
    return requireTensorLike(materialise(take ? thenE : elseE, n.fn, arg), n.fn, arg);
  }
  const [a, b] = branchPair(materialise(thenE, n.fn, n.then), materialise(elseE, n.fn, n.else), n);
  if (c.rank === 0) return where(c, a, b);
  if (c.rank > a.rank) {
    throw new KerasValueError(
      `${n.fn}: argument '${n.cond}' has rank ${c.rank}, more than the rank ${a.rank} of '${n.then}' and '${n.else}' (shape [${fmt(c.shape)}] against [${fmt(a.shape)}])`,
    );
  }
  // The condition lines up with the leading axes of the branches and stretches (a
  // length-1 axis) over them, as Keras tiles it for tf.where.
  const fits = c.shape.every((d, i) => d === 1 || d === null || a.shape[i] === null || d === a.shape[i]);
  if (!fits) {
    throw new KerasShapeError(`${n.fn}: argument '${n.cond}' of shape [${fmt(c.shape)}] does not match the leading axes of '${n.then}' (shape [${fmt(a.shape)}])`);
  }
  if (c.rank === a.rank) return where(c, a, b);
  // Move the trailing axes of the branches to the front so that NumPy broadcasting
  // (aligned on the right) lines the condition up with their leading axes.
  const r = a.rank;
  const k = c.rank;
  const perm = [...Array.from({ length: r - k }, (_, i) => k + i), ...Array.from({ length: k }, (_, i) => i)];
  return transposeOp(where(c, transposeOp(a, perm), transposeOp(b, perm)), inversePerm(perm));
}

/**
 * Selects between two tensors with a condition (bool, or numeric: nonzero is true).
 * `thenExpression` and `elseExpression` are tensors (or tensor-like values), or
 * functions returning one; they must have the same shape and dtype.
 *
 * A scalar condition selects a whole branch; when it is a constant, only the branch
 * taken is built (a function branch not taken is not called). A condition of rank
 * >= 1 selects elementwise: it lines up with the leading axes of the branches (it may
 * not have a higher rank) and a length-1 axis stretches, as Keras's TensorFlow backend
 * tiles it (a vector condition picks rows).
 *
 * Exported as `switch` (`K.switch(...)`).
 *
 * Mirrors `keras.backend.switch(condition, then_expression, else_expression)`.
 */
function switchOp(condition: unknown, thenExpression: Branch, elseExpression: Branch, ...extra: []): KTensor {
  checkArity('switch', 3, extra);
  return select(condition, thenExpression, elseExpression, { fn: 'switch', cond: 'condition', then: 'thenExpression', else: 'elseExpression' });
}

export { switchOp as switch };

/** The learning-phase selection: a static pick for 0/1/booleans, `select` for a tensor. */
function phaseSelect(trainV: unknown, otherV: unknown, training: unknown, n: SelectNames): KTensor {
  const flag = training === null || training === undefined ? learningPhase() : training;
  if (flag === 1 || flag === true) return requireTensorLike(materialise(trainV, n.fn, n.then), n.fn, n.then);
  if (flag === 0 || flag === false) return requireTensorLike(materialise(otherV, n.fn, n.else), n.fn, n.else);
  if (flag instanceof KTensor) return select(flag, trainV, otherV, n);
  throw new KerasValueError(`${n.fn}: argument 'training' must be 0, 1, a boolean, a scalar tensor or null, got ${show(flag)}`);
}

/**
 * Selects `x` in the training phase and `alt` otherwise. Each is a tensor or a
 * function returning one (only the one selected is called when the phase is known).
 * `training` defaults to `learningPhase()`: 0 or 1 when set by `setLearningPhase`,
 * else the learning-phase placeholder (fed at each call, 0 unless fed); 0, 1 or a
 * boolean picks at once; a tensor selects through `switch` when evaluated.
 *
 * Mirrors `keras.backend.in_train_phase(x, alt, training=None)`.
 */
export function inTrainPhase(x: Branch, alt: Branch, training: number | boolean | KTensor | null = null, ...extra: []): KTensor {
  checkArity('inTrainPhase', 3, extra);
  return phaseSelect(x, alt, training, { fn: 'inTrainPhase', cond: 'training', then: 'x', else: 'alt' });
}

/**
 * Selects `x` in the test phase and `alt` otherwise (the mirror of `inTrainPhase`).
 *
 * Mirrors `keras.backend.in_test_phase(x, alt, training=None)`.
 */
export function inTestPhase(x: Branch, alt: Branch, training: number | boolean | KTensor | null = null, ...extra: []): KTensor {
  checkArity('inTestPhase', 3, extra);
  return phaseSelect(alt, x, training, { fn: 'inTestPhase', cond: 'training', then: 'alt', else: 'x' });
}
