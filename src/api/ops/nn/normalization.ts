/**
 * Batch normalisation of the nn group.
 */
import { Shape } from '../../../backends/types';
import { KerasShapeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { binary, div, onesLikeOp, reduceOp, reshapeTo, scalar, stopGrad, sub } from '../../primitives';
import { applyComposite, batchNormFormula } from '../../composites';
import { KTensor } from '../../tensor';
import { checkArity, checkBroadcastsTo, checkNumber, floatTensor, normAxis, operandLike, show } from '../../validate';
import type { TensorInput } from '../../tensor-input';
import { optionsArg } from '../../options';

/** An optional scale or offset: null/undefined, or a tensor of the dtype of `x`. */
function optionalParam(v: unknown, x: KTensor, fn: string, arg: string): KTensor | null {
  return v === null || v === undefined ? null : operandLike(v, x, fn, arg, 'x');
}

/**
 * `tf.nn.batch_normalization` (`batchNormFormula`): one batchNorm composite node when
 * every parameter is per-channel on one axis of x (its dims 1 except that axis's, which
 * is x's known length there and not 1), which an engine may run on a kernel of its own;
 * else the formula in primitives.
 */
function normalize(x: KTensor, mean: KTensor, variance: KTensor, beta: KTensor | null, gamma: KTensor | null, eps: number): KTensor {
  const given = [mean, variance, ...(beta ? [beta] : []), ...(gamma ? [gamma] : [])];
  const axis = channelAxis(x, given);
  if (axis === null) return batchNormFormula(x, mean, variance, beta, gamma, eps);
  const c = x.shape[axis] as number;
  const flat = given.map((p) => (p.rank === 1 ? p : reshapeTo(p, [c], 'batchNormalization')));
  return applyComposite('batchNorm', [x, ...flat], { axis, epsilon: eps, beta: beta !== null, gamma: gamma !== null });
}

/** The one axis of x along which every parameter holds x's (known, > 1) length, with 1 elsewhere; else null. */
function channelAxis(x: KTensor, params: readonly KTensor[]): number | null {
  let axis: number | null = null;
  for (const p of params) {
    if (p.rank > x.rank) return null;
    for (let j = 0; j < p.rank; j++) {
      const d = p.shape[j];
      if (d === 1) continue;
      const at = x.rank - p.rank + j;
      if (d === null || (axis !== null && axis !== at)) return null;
      axis = at;
    }
  }
  if (axis === null) return null;
  const c = x.shape[axis];
  if (c === null || c === 1) return null;
  const a = axis;
  return params.every((p) => a >= x.rank - p.rank && p.shape[a - (x.rank - p.rank)] === c) ? a : null;
}

/** The newer arguments of `batchNormalization`, given as its sixth argument. */
export interface BatchNormalizationOptions {
  /** The features axis (Keras 2.3.1's `axis`, default -1): 1-D parameters apply along it. */
  readonly axis?: number;
  /** Fuzz factor added to the variance (default 0.001). */
  readonly epsilon?: number;
}

/**
 * A 1-D parameter laid along `axis` (shape 1 elsewhere) when its length is x's there or
 * either is unknown (a mismatch known only at run time is then a shape error there, not
 * a broadcast along the last axis); a 1-D parameter of another known length, and any
 * other, unchanged (NumPy broadcasting).
 */
function alongAxis(p: KTensor, x: KTensor, axis: number): KTensor {
  if (axis === x.rank - 1 || p.rank !== 1 || x.rank < 2) return p;
  const n = p.shape[0];
  const c = x.shape[axis];
  if (n !== null && c !== null && n !== c) return p;
  return reshapeTo(p, x.shape.map((_, i) => (i === axis ? n ?? c : 1)));
}

/** The sixth argument: an epsilon (never an integer, which is Keras 2.3.1's axis) or {axis, epsilon}. */
function epsilonAndAxis(v: unknown, rank: number, fn: string): { eps: number; axis: number } {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) {
      throw new KerasValueError(
        `${fn}: argument 'epsilon' is the integer ${v}; in Keras 2.3.1's order (x, mean, var, beta, gamma, axis, epsilon) that would be the axis. ` +
          `Pass {axis: ${v}} (and {epsilon}) as the sixth argument, or a fractional epsilon`,
      );
    }
    return { eps: checkNumber(v, fn, 'epsilon'), axis: rank - 1 };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof KTensor) {
    throw new KerasValueError(`${fn}: argument 'epsilon' must be a finite number or an options object {axis, epsilon}, got ${show(v)}`);
  }
  const o = optionsArg(v, ['axis', 'epsilon'], fn);
  const eps = o.epsilon === undefined ? 0.001 : checkNumber(o.epsilon, fn, 'epsilon');
  const axis = o.axis === undefined ? rank - 1 : normAxis(o.axis, Math.max(rank, 1), fn);
  return { eps, axis };
}

/**
 * Applies batch normalisation with the given statistics:
 * `(x - mean) / sqrt(var + epsilon) * gamma + beta`, every parameter broadcasting
 * (NumPy rules) to the shape of `x`. `beta` and `gamma` may be null (no offset, no
 * scale).
 *
 * The sixth argument is the documented `epsilon` (a number), or an options object
 * `{axis, epsilon}` for Keras 2.3.1's newer `axis`: 1-D parameters with one value per
 * position of `axis` apply along it (e.g. `{axis: 1}` for channels_first). Keras 2.3.1
 * put `axis` before `epsilon` positionally; an integer sixth argument is refused rather
 * than read as an epsilon.
 *
 * Mirrors `keras.backend.batch_normalization(x, mean, var, beta, gamma, epsilon=0.001)`
 * (documented) and Keras 2.3.1's `batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=0.001)`.
 */
export function batchNormalization(
  x: TensorInput,
  mean: TensorInput,
  variance: TensorInput,
  beta: TensorInput | null,
  gamma: TensorInput | null,
  epsilon: number | BatchNormalizationOptions = 0.001,
  ...extra: []
): KTensor {
  const fn = 'batchNormalization';
  checkArity(fn, 6, extra);
  const t = floatTensor(x, fn);
  const { eps, axis } = epsilonAndAxis(epsilon, t.rank, fn);
  const m = alongAxis(operandLike(mean, t, fn, 'mean', 'x'), t, axis);
  const v = alongAxis(operandLike(variance, t, fn, 'var', 'x'), t, axis);
  const bp = optionalParam(beta, t, fn, 'beta');
  const gp = optionalParam(gamma, t, fn, 'gamma');
  const b = bp && alongAxis(bp, t, axis);
  const g = gp && alongAxis(gp, t, axis);
  checkBroadcastsTo(m, t, fn, 'mean');
  checkBroadcastsTo(v, t, fn, 'var');
  if (b) checkBroadcastsTo(b, t, fn, 'beta');
  if (g) checkBroadcastsTo(g, t, fn, 'gamma');
  return normalize(t, m, v, b, g, eps);
}

/** The reduction axes: an array of distinct ints in range (negatives count from the end). */
function reductionAxesArg(v: unknown, rank: number, fn: string): number[] {
  if (!Array.isArray(v) || v.some((a) => typeof a !== 'number' || !Number.isInteger(a))) {
    throw new KerasValueError(`${fn}: argument 'reductionAxes' must be an array of integers, got ${show(v)}`);
  }
  const axes = (v as number[]).map((a) => {
    if (a < -rank || a >= rank) {
      throw new KerasValueError(`${fn}: argument 'reductionAxes' has axis ${a}, out of range for 'x' of rank ${rank} (expected ${-rank} to ${rank - 1})`);
    }
    return a < 0 ? a + rank : a;
  });
  if (new Set(axes).size !== axes.length) throw new KerasValueError(`${fn}: argument 'reductionAxes' repeats an axis: ${show(v)}`);
  return axes.sort((p, q) => p - q);
}

/** Mean over `axes`, also when their lengths are known only at run time. */
function meanOver(x: KTensor, axes: readonly number[], keepDims: boolean): KTensor {
  const s = reduceOp('reduceSum', x, axes, keepDims);
  const count = axes.reduce<number | null>((p, i) => (p === null || x.shape[i] === null ? null : p * (x.shape[i] as number)), 1);
  if (count === null) return div(s, reduceOp('reduceSum', onesLikeOp(x), axes, keepDims));
  return count === 1 ? s : div(s, scalar(count, x.dtype));
}

/**
 * `gamma` or `beta` reshaped to `target` (x's shape with 1 on the reduced axes), as
 * Keras reshapes them for non-standard reduction axes; they must hold one value per
 * position of the kept axes.
 */
function toTargetShape(p: KTensor, target: Shape, kept: readonly number[], fn: string, arg: string): KTensor {
  const size = (s: Shape): number | null => s.reduce<number | null>((a, d) => (a === null || d === null ? null : a * d), 1);
  const keptShape = kept.map((i) => target[i]);
  const np = size(p.shape);
  const nk = size(keptShape);
  if (np !== null && nk !== null && np !== nk) {
    throw new KerasShapeError(
      `${fn}: argument '${arg}' has shape [${fmt(p.shape)}] (${np} values), but the axes kept by the reduction have shape [${fmt(keptShape)}] (${nk} values)`,
    );
  }
  const shape = [...target];
  if (p.rank === kept.length) {
    // Fill unknown kept dims from the parameter's own shape where it knows them.
    kept.forEach((axis, j) => {
      if (shape[axis] === null) shape[axis] = p.shape[j];
    });
  }
  if (shape.filter((d) => d === null).length > 1) {
    throw new KerasShapeError(`${fn}: argument '${arg}' cannot be reshaped to [${fmt(shape)}]: more than one dimension is unknown`);
  }
  return reshapeTo(p, shape, fn);
}

/**
 * Computes the mean and variance of `x` over `reductionAxes` and normalises `x` with
 * them: returns `[normed, mean, variance]`, where `mean` and `variance` have the
 * shape of `x` without the reduced axes and the variance is the biased one (divided
 * by the count), as `tf.nn.moments`. `gamma` and `beta` may be null. When the
 * reduced axes are all but the last, they broadcast as they are; otherwise (say
 * `[0, 2, 3]` for channels-first images) they are reshaped to the shape of `x` with 1
 * on the reduced axes, as Keras does. Negative axes count from the end.
 *
 * Mirrors `keras.backend.normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=0.001)`.
 */
export function normalizeBatchInTraining(
  x: TensorInput,
  gamma: TensorInput | null,
  beta: TensorInput | null,
  reductionAxes: readonly number[],
  epsilon = 0.001,
  ...extra: []
): [KTensor, KTensor, KTensor] {
  checkArity('normalizeBatchInTraining', 5, extra);
  const fn = 'normalizeBatchInTraining';
  const t = floatTensor(x, fn);
  let g = optionalParam(gamma, t, fn, 'gamma');
  let b = optionalParam(beta, t, fn, 'beta');
  const axes = reductionAxesArg(reductionAxes, t.rank, fn);
  const eps = checkNumber(epsilon, fn, 'epsilon');
  const meanK = meanOver(t, axes, true);
  const centered = sub(t, stopGrad(meanK));
  const varK = meanOver(binary('mul', centered, centered), axes, true);
  const mean = reduceOp('reduceSum', meanK, axes, false);
  const variance = reduceOp('reduceSum', varK, axes, false);
  const regular = axes.length === t.rank - 1 && axes.every((a, i) => a === i);
  let normed: KTensor;
  if (regular) {
    if (g) checkBroadcastsTo(g, t, fn, 'gamma');
    if (b) checkBroadcastsTo(b, t, fn, 'beta');
    normed = normalize(t, mean, variance, b, g, eps);
  } else {
    const target: Shape = t.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const kept = t.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    if (g) g = toTargetShape(g, target, kept, fn, 'gamma');
    if (b) b = toTargetShape(b, target, kept, fn, 'beta');
    normed = normalize(t, meanK, varK, b, g, eps);
  }
  return [normed, mean, variance];
}
