/**
 * Shape manipulation: concatenate, reshape; the other shape functions are in shape-more.ts.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp } from '../op';
import { KTensor } from '../tensor';
import { normAxis, requireTensorLike, show } from '../validate';

/**
 * Joins tensors along `axis` (default -1); other dimensions must agree.
 *
 * Mirrors `keras.backend.concatenate(tensors, axis=-1)`.
 */
export function concatenate(tensors: readonly unknown[], axis = -1): KTensor {
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
 * Gives `x` a new shape with the same number of elements; one entry may be -1.
 *
 * Mirrors `keras.backend.reshape(x, shape)`.
 */
export function reshape(x: unknown, shape: readonly number[]): KTensor {
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
    if (!ok) throw new KerasShapeError(`reshape: cannot reshape a tensor of shape [${fmt(t.shape)}] (${total} elements) to [${shape.join(', ')}]`);
  }
  return applyOp('reshape', [t], { shape: [...shape] });
}

/* The other shape functions live in shape-more.ts. */
export {
  permuteDimensions,
  repeatElements,
  resizeImages,
  resizeVolumes,
  repeat,
  arange,
  tile,
  flatten,
  batchFlatten,
  expandDims,
  squeeze,
  temporalPadding,
  spatial2dPadding,
  spatial3dPadding,
  stack,
  oneHot,
  reverse,
  patternBroadcast,
} from './shape-more';
export type { ArangeOptions } from './shape-more';
