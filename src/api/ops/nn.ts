/**
 * Neural-network activations: relu, softmax, sigmoid, tanh.
 */
import { KerasValueError } from '../../errors';
import { applyOp } from '../op';
import { binary, div, reduceOp, scalar, sub, unary } from '../prims';
import { KTensor } from '../tensor';
import { checkNumber, floatTensor, normAxis } from '../validate';
import { notImplemented, NotImplemented } from '../not-implemented';

/**
 * Rectified linear unit: `max(x, 0)`, with `alpha` the slope for negative values and
 * `maxValue` a saturation threshold.
 *
 * Mirrors `keras.backend.relu(x, alpha=0.0, max_value=None)`.
 */
export function relu(x: unknown, alpha = 0, maxValue: number | null = null): KTensor {
  const t = floatTensor(x, 'relu');
  const a = checkNumber(alpha, 'relu', 'alpha');
  let out = unary('relu', t);
  if (maxValue !== null && maxValue !== undefined) {
    const m = checkNumber(maxValue, 'relu', 'maxValue');
    if (m < 0) throw new KerasValueError(`relu: argument 'maxValue' must be >= 0, got ${m}`);
    out = binary('minimum', out, scalar(m, t.dtype));
  }
  if (a !== 0) out = sub(out, binary('mul', scalar(a, t.dtype), unary('relu', unary('neg', t))));
  return out;
}

/**
 * Softmax along `axis` (default the last), computed stably (the maximum is subtracted first).
 *
 * Mirrors `keras.backend.softmax(x, axis=-1)`.
 */
export function softmax(x: unknown, axis = -1): KTensor {
  const t = floatTensor(x, 'softmax');
  if (t.rank === 0) throw new KerasValueError(`softmax: argument 'x' must have rank >= 1, got a scalar`);
  const ax = normAxis(axis, t.rank, 'softmax');
  const m = applyOp('reduceMax', [t], { axes: [ax], keepDims: true }, { noGrad: true });
  const e = unary('exp', sub(t, m));
  return div(e, reduceOp('reduceSum', e, [ax], true));
}

/**
 * Elementwise logistic sigmoid `1 / (1 + exp(-x))`.
 *
 * Mirrors `keras.backend.sigmoid(x)`.
 */
export function sigmoid(x: unknown): KTensor {
  return unary('sigmoid', floatTensor(x, 'sigmoid'));
}

/**
 * Elementwise hyperbolic tangent.
 *
 * Mirrors `keras.backend.tanh(x)`.
 */
export function tanh(x: unknown): KTensor {
  return unary('tanh', floatTensor(x, 'tanh'));
}

/* Not implemented yet: each throws NotImplementedYetError (see ../not-implemented.ts). */
/** Not implemented yet: mirrors `keras.backend.elu`. Throws NotImplementedYetError. */
export const elu: NotImplemented = notImplemented('elu', 'elu');
/** Not implemented yet: mirrors `keras.backend.softplus`. Throws NotImplementedYetError. */
export const softplus: NotImplemented = notImplemented('softplus', 'softplus');
/** Not implemented yet: mirrors `keras.backend.softsign`. Throws NotImplementedYetError. */
export const softsign: NotImplemented = notImplemented('softsign', 'softsign');
/** Not implemented yet: mirrors `keras.backend.categorical_crossentropy`. Throws NotImplementedYetError. */
export const categoricalCrossentropy: NotImplemented = notImplemented('categorical_crossentropy', 'categoricalCrossentropy');
/** Not implemented yet: mirrors `keras.backend.sparse_categorical_crossentropy`. Throws NotImplementedYetError. */
export const sparseCategoricalCrossentropy: NotImplemented = notImplemented('sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy');
/** Not implemented yet: mirrors `keras.backend.binary_crossentropy`. Throws NotImplementedYetError. */
export const binaryCrossentropy: NotImplemented = notImplemented('binary_crossentropy', 'binaryCrossentropy');
/** Not implemented yet: mirrors `keras.backend.hard_sigmoid`. Throws NotImplementedYetError. */
export const hardSigmoid: NotImplemented = notImplemented('hard_sigmoid', 'hardSigmoid');
/** Not implemented yet: mirrors `keras.backend.l2_normalize`. Throws NotImplementedYetError. */
export const l2Normalize: NotImplemented = notImplemented('l2_normalize', 'l2Normalize');
/** Not implemented yet: mirrors `keras.backend.in_top_k`. Throws NotImplementedYetError. */
export const inTopK: NotImplemented = notImplemented('in_top_k', 'inTopK');
/** Not implemented yet: mirrors `keras.backend.bias_add`. Throws NotImplementedYetError. */
export const biasAdd: NotImplemented = notImplemented('bias_add', 'biasAdd');
/** Not implemented yet: mirrors `keras.backend.normalize_batch_in_training`. Throws NotImplementedYetError. */
export const normalizeBatchInTraining: NotImplemented = notImplemented('normalize_batch_in_training', 'normalizeBatchInTraining');
/** Not implemented yet: mirrors `keras.backend.batch_normalization`. Throws NotImplementedYetError. */
export const batchNormalization: NotImplemented = notImplemented('batch_normalization', 'batchNormalization');
