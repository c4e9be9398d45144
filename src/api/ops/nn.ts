/**
 * Neural-network functions: relu, softmax, sigmoid, tanh here; the other
 * activations, the losses, in_top_k, bias_add and batch normalisation from the
 * files re-exported at the end.
 */
import { KerasValueError } from '../../errors';
import { applyOp } from '../op';
import { binary, div, reduceOp, scalar, sub, unary } from '../prims';
import { KTensor } from '../tensor';
import { checkNumber, floatTensor, normAxis } from '../validate';

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

export { elu, softplus, softsign, hardSigmoid, l2Normalize } from './activations';
export { categoricalCrossentropy, sparseCategoricalCrossentropy, binaryCrossentropy } from './losses';
export { inTopK, biasAdd } from './nn-extra';
export { batchNormalization, normalizeBatchInTraining } from './normalization';
