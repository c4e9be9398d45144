/**
 * Shape functions that join tensors: concatenate and stack.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { newAxisArg, normAxis, requireTensorLike, show } from '../../validate';
import { insertAxis } from './helpers';
import { checkArity } from '../../../arity';

/**
 * Joins tensors along `axis` (default -1); other dimensions must agree.
 *
 * Mirrors `keras.backend.concatenate(tensors, axis=-1)`.
 */
export function concatenate(tensors: readonly unknown[], axis = -1, ...extra: []): KTensor {
  checkArity('concatenate', 2, extra);
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new KerasValueError(`concatenate: argument 'tensors' must be a non-empty array of tensors, got ${show(tensors)}`);
  }
  const ts = tensors.map((t, i) => requireTensorLike(t, 'concatenate', `tensors[${i}]`));
  const rank = ts[0].rank;
  if (rank === 0) throw new KerasValueError(`concatenate: argument 'tensors[0]' is a scalar (rank 0), which cannot be concatenated`);
  const ax = normAxis(axis, rank, 'concatenate');
  ts.forEach((t, i) => {
    if (t.dtype !== ts[0].dtype) {
      throw new KerasTypeError(`concatenate: argument 'tensors[${i}]' must have the dtype of 'tensors[0]' (${ts[0].dtype}), got ${t.dtype} (use K.cast)`);
    }
    if (t.rank !== rank) throw new KerasShapeError(`concatenate: argument 'tensors[${i}]' must have the rank of 'tensors[0]' (${rank}), got shape [${fmt(t.shape)}]`);
    t.shape.forEach((d, k) => {
      const d0 = ts[0].shape[k];
      if (k !== ax && d !== null && d0 !== null && d !== d0) {
        throw new KerasShapeError(`concatenate: argument 'tensors[${i}]' has shape [${fmt(t.shape)}], which does not match the shape [${fmt(ts[0].shape)}] of 'tensors[0]' outside axis ${ax}`);
      }
    });
  });
  if (ts.length === 1) return ts[0];
  return applyOp('concat', ts, { axis: ax });
}

/**
 * Stacks a non-empty list of tensors of the same shape and dtype into one of rank
 * + 1, along the new axis `axis` (default 0).
 *
 * Mirrors `keras.backend.stack(x, axis=0)`.
 */
export function stack(x: readonly unknown[], axis = 0, ...extra: []): KTensor {
  checkArity('stack', 2, extra);
  if (!Array.isArray(x) || x.length === 0) throw new KerasValueError(`stack: argument 'x' must be a non-empty array of tensors, got ${show(x)}`);
  const ts = x.map((v, i) => requireTensorLike(v, 'stack', `x[${i}]`));
  const first = ts[0];
  ts.forEach((t, i) => {
    if (t.dtype !== first.dtype) throw new KerasTypeError(`stack: argument 'x[${i}]' must have the dtype of 'x[0]' (${first.dtype}), got ${t.dtype} (use K.cast)`);
    const clash = t.rank !== first.rank || t.shape.some((d, k) => d !== null && first.shape[k] !== null && d !== first.shape[k]);
    if (clash) throw new KerasShapeError(`stack: argument 'x[${i}]' must have the shape of 'x[0]' ([${fmt(first.shape)}]), got [${fmt(t.shape)}]`);
  });
  const ax = newAxisArg(axis, first.rank, 'stack');
  const parts = ts.map((t) => insertAxis(t, ax, 'stack'));
  return parts.length === 1 ? parts[0] : applyOp('concat', parts, { axis: ax });
}
