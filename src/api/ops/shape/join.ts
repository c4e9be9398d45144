/**
 * Shape functions that join tensors: concatenate and stack.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { newAxisArg, normAxis, requireTensorLike } from '../../validate';
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
    throw new KerasValueError(`concatenate: argument 'tensors' must be a non-empty array of tensors`);
  }
  const ts = tensors.map((t, i) => requireTensorLike(t, 'concatenate', `tensors[${i}]`));
  const rank = ts[0].rank;
  if (rank === 0) throw new KerasValueError(`concatenate: scalars cannot be concatenated (tensors[0] has rank 0)`);
  const ax = normAxis(axis, rank, 'concatenate');
  ts.forEach((t, i) => {
    if (t.dtype !== ts[0].dtype) {
      throw new KerasTypeError(`concatenate: tensors[${i}] has dtype ${t.dtype}, tensors[0] has ${ts[0].dtype}`);
    }
    if (t.rank !== rank) throw new KerasShapeError(`concatenate: tensors[${i}] has rank ${t.rank}, tensors[0] has rank ${rank}`);
    t.shape.forEach((d, k) => {
      const d0 = ts[0].shape[k];
      if (k !== ax && d !== null && d0 !== null && d !== d0) {
        throw new KerasShapeError(`concatenate: tensors[${i}] has shape [${fmt(t.shape)}], which does not match [${fmt(ts[0].shape)}] outside axis ${ax}`);
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
  if (!Array.isArray(x) || x.length === 0) throw new KerasValueError(`stack: argument 'x' must be a non-empty array of tensors`);
  const ts = x.map((v, i) => requireTensorLike(v, 'stack', `x[${i}]`));
  const first = ts[0];
  ts.forEach((t, i) => {
    if (t.dtype !== first.dtype) throw new KerasTypeError(`stack: x[${i}] has dtype ${t.dtype}, x[0] has ${first.dtype}`);
    const clash = t.rank !== first.rank || t.shape.some((d, k) => d !== null && first.shape[k] !== null && d !== first.shape[k]);
    if (clash) throw new KerasShapeError(`stack: x[${i}] has shape [${fmt(t.shape)}], x[0] has shape [${fmt(first.shape)}]; they must be the same`);
  });
  const ax = newAxisArg(axis, first.rank, 'stack');
  const parts = ts.map((t) => insertAxis(t, ax, 'stack'));
  return parts.length === 1 ? parts[0] : applyOp('concat', parts, { axis: ax });
}
