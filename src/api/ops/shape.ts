/**
 * Shape manipulation: concatenate, reshape.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp } from '../op';
import { KTensor } from '../tensor';
import { normAxis, requireTensorLike, show } from '../validate';
import { notImplemented, NotImplemented } from '../not-implemented';

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

/* Not implemented yet: each throws NotImplementedYetError (see ../not-implemented.ts). */
/** Not implemented yet: mirrors `keras.backend.permute_dimensions`. Throws NotImplementedYetError. */
export const permuteDimensions: NotImplemented = notImplemented('permute_dimensions', 'permuteDimensions');
/** Not implemented yet: mirrors `keras.backend.repeat_elements`. Throws NotImplementedYetError. */
export const repeatElements: NotImplemented = notImplemented('repeat_elements', 'repeatElements');
/** Not implemented yet: mirrors `keras.backend.resize_images`. Throws NotImplementedYetError. */
export const resizeImages: NotImplemented = notImplemented('resize_images', 'resizeImages');
/** Not implemented yet: mirrors `keras.backend.resize_volumes`. Throws NotImplementedYetError. */
export const resizeVolumes: NotImplemented = notImplemented('resize_volumes', 'resizeVolumes');
/** Not implemented yet: mirrors `keras.backend.repeat`. Throws NotImplementedYetError. */
export const repeat: NotImplemented = notImplemented('repeat', 'repeat');
/** Not implemented yet: mirrors `keras.backend.arange`. Throws NotImplementedYetError. */
export const arange: NotImplemented = notImplemented('arange', 'arange');
/** Not implemented yet: mirrors `keras.backend.tile`. Throws NotImplementedYetError. */
export const tile: NotImplemented = notImplemented('tile', 'tile');
/** Not implemented yet: mirrors `keras.backend.flatten`. Throws NotImplementedYetError. */
export const flatten: NotImplemented = notImplemented('flatten', 'flatten');
/** Not implemented yet: mirrors `keras.backend.batch_flatten`. Throws NotImplementedYetError. */
export const batchFlatten: NotImplemented = notImplemented('batch_flatten', 'batchFlatten');
/** Not implemented yet: mirrors `keras.backend.expand_dims`. Throws NotImplementedYetError. */
export const expandDims: NotImplemented = notImplemented('expand_dims', 'expandDims');
/** Not implemented yet: mirrors `keras.backend.squeeze`. Throws NotImplementedYetError. */
export const squeeze: NotImplemented = notImplemented('squeeze', 'squeeze');
/** Not implemented yet: mirrors `keras.backend.temporal_padding`. Throws NotImplementedYetError. */
export const temporalPadding: NotImplemented = notImplemented('temporal_padding', 'temporalPadding');
/** Not implemented yet: mirrors `keras.backend.spatial_2d_padding`. Throws NotImplementedYetError. */
export const spatial2dPadding: NotImplemented = notImplemented('spatial_2d_padding', 'spatial2dPadding');
/** Not implemented yet: mirrors `keras.backend.spatial_3d_padding`. Throws NotImplementedYetError. */
export const spatial3dPadding: NotImplemented = notImplemented('spatial_3d_padding', 'spatial3dPadding');
/** Not implemented yet: mirrors `keras.backend.stack`. Throws NotImplementedYetError. */
export const stack: NotImplemented = notImplemented('stack', 'stack');
/** Not implemented yet: mirrors `keras.backend.one_hot`. Throws NotImplementedYetError. */
export const oneHot: NotImplemented = notImplemented('one_hot', 'oneHot');
/** Not implemented yet: mirrors `keras.backend.reverse`. Throws NotImplementedYetError. */
export const reverse: NotImplemented = notImplemented('reverse', 'reverse');
/** Not implemented yet: mirrors `keras.backend.pattern_broadcast`. Throws NotImplementedYetError. */
export const patternBroadcast: NotImplemented = notImplemented('pattern_broadcast', 'patternBroadcast');
