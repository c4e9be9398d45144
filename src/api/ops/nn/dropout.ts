/**
 * `dropout` of the nn group.
 */
import { KerasValueError } from '../../../errors';
import { binary, broadcastLike, div, mul, reduceOp, scalar, unary } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkNumber, floatTensor, show } from '../../validate';
import { randomTensor, seedOf } from '../random';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/**
 * Sets entries of `x` to zero with probability `level` and scales the others by
 * 1 / (1 - level), with a new mask at each evaluation. `noiseShape` (broadcastable
 * to x's shape; `null` entries follow x) shares a mask along axes of size 1.
 *
 * Mirrors `keras.backend.dropout(x, level, noise_shape=None, seed=None)`.
 */
export function dropout(x: TensorInput, level: number, noiseShape: readonly (number | null)[] | null = null, seed: number | null = null, ...extra: []): KTensor {
  checkArity('dropout', 4, extra);
  const fn = 'dropout';
  const t = floatTensor(x, fn);
  const lv = checkNumber(level, fn, 'level');
  if (lv < 0 || lv >= 1) throw new KerasValueError(`${fn}: argument 'level' must be in [0, 1), got ${lv}`);
  const s = seedOf(seed, fn);
  // The mask follows x's run-time shape, reduced over the axes where noiseShape is 1.
  let like: KTensor = t;
  if (noiseShape !== null && noiseShape !== undefined) {
    if (!Array.isArray(noiseShape) || noiseShape.length !== t.rank) {
      throw new KerasValueError(`${fn}: argument 'noiseShape' must be an array of ${t.rank} (one entry per axis of 'x'), got ${show(noiseShape)}`);
    }
    const axes: number[] = [];
    noiseShape.forEach((d, i) => {
      if (d === null) return;
      if (!Number.isInteger(d) || (d !== 1 && t.shape[i] !== null && d !== t.shape[i])) {
        throw new KerasValueError(`${fn}: argument 'noiseShape' [${noiseShape.map(String).join(', ')}] is not broadcastable to x's shape at axis ${i}`);
      }
      if (d === 1 && t.shape[i] !== 1) axes.push(i);
    });
    like = reduceOp('reduceSum', t, axes, true);
  }
  if (lv === 0) return t;
  const retain = 1 - lv;
  // As tf.nn.dropout: keep where floor(retain + u) = 1, u uniform in [0, 1).
  const u = randomTensor('uniform', 0, 1, like, t.dtype, s, 'dropout');
  const keep = unary('floor', binary('add', u, scalar(retain, t.dtype)));
  return mul(div(t, scalar(retain, t.dtype)), broadcastLike(keep, t));
}
