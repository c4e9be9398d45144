/**
 * Shape functions that rearrange or relabel the cells of one tensor: reshape,
 * permute_dimensions, flatten, batch_flatten, expand_dims, squeeze, reverse and
 * Theano's pattern_broadcast. All are composites over primitives (see helpers.ts
 * for how unknown dims are handled).
 */
import { KerasShapeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, reduceOp, reshapeTo, transposeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkBool, newAxisArg, normAxis, requireTensorLike, show } from '../../validate';
import { insertAxis, removeAxis } from './helpers';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/**
 * Gives `x` a new shape with the same number of elements; one entry may be -1.
 *
 * Mirrors `keras.backend.reshape(x, shape)`.
 */
export function reshape(x: TensorInput, shape: readonly number[], ...extra: []): KTensor {
  checkArity('reshape', 2, extra);
  const t = requireTensorLike(x, 'reshape');
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new KerasValueError(`reshape: argument 'shape' must be an array of non-negative integers and at most one -1, got ${show(shape)}`);
  }
  if (shape.filter((d) => d === -1).length > 1) {
    throw new KerasValueError(`reshape: argument 'shape' may have at most one -1, got ${show(shape)}`);
  }
  const known = t.shape.every((d) => d !== null);
  if (known) {
    const total = (t.shape as number[]).reduce((p, d) => p * d, 1);
    const rest = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
    const ok = shape.includes(-1) ? rest !== 0 && total % rest === 0 : rest === total;
    if (!ok) throw new KerasShapeError(`reshape: argument 'shape' [${shape.join(', ')}] does not fit argument 'x' (shape [${fmt(t.shape)}], ${total} elements)`);
  }
  return applyOp('reshape', [t], { shape: [...shape] });
}

/**
 * Permutes the axes of `x`: output axis i is input axis `pattern[i]`. `pattern`
 * lists each of 0 .. rank-1 once.
 *
 * Mirrors `keras.backend.permute_dimensions(x, pattern)`.
 */
export function permuteDimensions(x: TensorInput, pattern: readonly number[], ...extra: []): KTensor {
  checkArity('permuteDimensions', 2, extra);
  const t = requireTensorLike(x, 'permuteDimensions');
  const r = t.rank;
  if (!Array.isArray(pattern) || pattern.length !== r) {
    throw new KerasValueError(`permuteDimensions: argument 'pattern' must be a permutation of 0 .. ${r - 1} (the axes of 'x', shape [${fmt(t.shape)}]), got ${show(pattern)}`);
  }
  const seen = new Set<number>();
  for (const p of pattern as unknown[]) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= r || seen.has(p)) {
      throw new KerasValueError(`permuteDimensions: argument 'pattern' must be a permutation of 0 .. ${r - 1} (the axes of 'x', shape [${fmt(t.shape)}]), got ${show(pattern)}`);
    }
    seen.add(p);
  }
  return transposeOp(t, pattern);
}

/**
 * Flattens `x` to 1D (row-major order).
 *
 * Mirrors `keras.backend.flatten(x)`.
 */
export function flatten(x: TensorInput, ...extra: []): KTensor {
  checkArity('flatten', 1, extra);
  const t = requireTensorLike(x, 'flatten');
  if (t.rank === 1) return t;
  return applyOp('reshape', [t], { shape: [-1] });
}

/**
 * Turns an nD tensor into a 2D tensor with the same first (batch) dimension:
 * each sample flattened. The first dim may be unknown when the others are known;
 * with the first dim and another both unknown it throws (that needs a reshape to
 * a run-time shape, which the primitives lack).
 *
 * Mirrors `keras.backend.batch_flatten(x)`.
 */
export function batchFlatten(x: TensorInput, ...extra: []): KTensor {
  checkArity('batchFlatten', 1, extra);
  const t = requireTensorLike(x, 'batchFlatten');
  if (t.rank === 2) return t;
  const first = t.rank === 0 ? 1 : t.shape[0];
  const rest = t.shape.slice(1);
  const restSize = rest.reduce<number | null>((p, d) => (p === null || d === null ? null : p * d), 1);
  if (first === null && restSize === null) {
    throw new KerasValueError(
      `batchFlatten: argument 'x' has shape [${fmt(t.shape)}]: the batch dimension and another one are both unknown, which batchFlatten cannot reshape yet`,
    );
  }
  if (first === null && restSize === 0) {
    // A reshape to [-1, 0] cannot find the batch size of an empty tensor; summing away
    // every axis but the batch axis and one empty axis gives the same [batch, 0].
    const z = t.shape.indexOf(0);
    const axes = rest.map((_, i) => i + 1).filter((a) => a !== z);
    return reduceOp(t.dtype === 'bool' ? 'reduceAny' : 'reduceSum', t, axes, false);
  }
  return reshapeTo(t, [first, restSize], 'batchFlatten');
}

/**
 * Adds an axis of length 1 at position `axis` (-rank-1 <= axis <= rank; default -1, last).
 *
 * Mirrors `keras.backend.expand_dims(x, axis=-1)`.
 */
export function expandDims(x: TensorInput, axis = -1, ...extra: []): KTensor {
  checkArity('expandDims', 2, extra);
  const t = requireTensorLike(x, 'expandDims');
  return insertAxis(t, newAxisArg(axis, t.rank, 'expandDims'), 'expandDims');
}

/**
 * Removes the axis `axis`, which must have length 1.
 *
 * Mirrors `keras.backend.squeeze(x, axis)`.
 */
export function squeeze(x: TensorInput, axis: number, ...extra: []): KTensor {
  checkArity('squeeze', 2, extra);
  const t = requireTensorLike(x, 'squeeze');
  if (t.rank === 0) throw new KerasValueError(`squeeze: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis, t.rank, 'squeeze');
  const d = t.shape[ax];
  if (d !== null && d !== 1) {
    throw new KerasValueError(`squeeze: argument 'axis' (${axis}) must name a dimension of length 1, but 'x' has shape [${fmt(t.shape)}]`);
  }
  return removeAxis(t, ax, 'squeeze');
}

/**
 * Reverses `x` along `axes` (an int or a list of distinct ints).
 *
 * Mirrors `keras.backend.reverse(x, axes)`.
 */
export function reverse(x: TensorInput, axes: number | readonly number[], ...extra: []): KTensor {
  checkArity('reverse', 2, extra);
  const t = requireTensorLike(x, 'reverse');
  const list = typeof axes === 'number' ? [axes] : axes;
  if (!Array.isArray(list)) throw new KerasValueError(`reverse: argument 'axes' must be an integer or a list of integers, got ${show(axes)}`);
  const norm = list.map((a, i) => normAxis(a, t.rank, 'reverse', Array.isArray(axes) ? `axes[${i}]` : 'axes'));
  if (new Set(norm).size !== norm.length) throw new KerasValueError(`reverse: argument 'axes' repeats an axis: ${show(axes)}`);
  if (norm.length === 0) return t;
  return applyOp('reverse', [t], { axes: norm.sort((p, q) => p - q) });
}

/**
 * Theano's broadcasting pattern: `broadcastable` has one boolean per axis, true
 * where the axis is meant to have length 1. The values are unchanged (a new
 * tensor, the identity); an axis marked true whose static length is known and not
 * 1 is an error.
 *
 * Mirrors `keras.backend.pattern_broadcast(x, broadcastable)`.
 */
export function patternBroadcast(x: TensorInput, broadcastable: readonly boolean[], ...extra: []): KTensor {
  checkArity('patternBroadcast', 2, extra);
  const t = requireTensorLike(x, 'patternBroadcast');
  if (!Array.isArray(broadcastable) || broadcastable.length !== t.rank) {
    throw new KerasValueError(`patternBroadcast: argument 'broadcastable' must be a list of ${t.rank} booleans (one per axis of 'x', shape [${fmt(t.shape)}]), got ${show(broadcastable)}`);
  }
  broadcastable.forEach((b, i) => {
    const flag = checkBool(b, 'patternBroadcast', `broadcastable[${i}]`);
    const d = t.shape[i];
    if (flag && d !== null && d !== 1) {
      throw new KerasValueError(`patternBroadcast: argument 'broadcastable' marks axis ${i} broadcastable, but its length is ${d} (shape [${fmt(t.shape)}])`);
    }
  });
  return applyOp('identity', [t], {});
}
