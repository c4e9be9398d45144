/**
 * Random tensors: drawn anew every time they are evaluated (each call of a compiled
 * function, each eval), from a seeded host generator, so every backend sees the
 * same values for the same seed; and dropout built on them.
 */
import { DType, isFloatDType } from '../../backends/types';
import { floatx } from '../../config';
import { KerasValueError } from '../../errors';
import { activeBackend } from '../engine';
import { binary, broadcastLike, div, mul, reduceOp, scalar, unary } from '../prims';
import { HostRandom, nextSeed } from '../random';
import { checkBackendDType, KTensor, RandomDistribution } from '../tensor';
import { checkAllocation, checkConcreteShape } from '../values';
import { checkDType, checkNumber, floatTensor, show } from '../validate';

function seedOf(seed: unknown, fn: string): number {
  if (seed === undefined || seed === null) return nextSeed();
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new KerasValueError(`${fn}: argument 'seed' must be an integer, got ${show(seed)}`);
  }
  return seed;
}

function floatDTypeOf(dtype: unknown, fn: string): DType {
  const dt = dtype === undefined || dtype === null ? floatx() : checkDType(dtype, fn, 'dtype');
  if (!isFloatDType(dt)) throw new KerasValueError(`${fn}: argument 'dtype' must be a float dtype, got ${dt}`);
  return dt;
}

/** A random tensor of a static shape, or shaped like `like` at run time. */
function randomTensor(distribution: RandomDistribution, a: number, b: number, shape: KTensor | readonly number[], dtype: DType, seed: number, fn: string): KTensor {
  checkBackendDType(activeBackend(), dtype);
  // values are drawn in float64 first: refuse a size that cannot be held, now
  if (!(shape instanceof KTensor)) checkAllocation(shape.reduce((p, d) => p * d, 1), 'float64', fn);
  const like = shape instanceof KTensor ? [shape] : [];
  const staticShape = shape instanceof KTensor ? shape.shape : shape;
  return new KTensor({ kind: 'random', distribution, a, b, rng: new HostRandom(seed), inputs: like }, staticShape, dtype);
}

/** Options of `randomNormal` and `truncatedNormal`. */
export interface RandomNormalOptions {
  mean?: number;
  stddev?: number;
  dtype?: DType;
  seed?: number;
}

function normalLike(fn: string, distribution: RandomDistribution, shape: readonly number[], o: RandomNormalOptions): KTensor {
  const s = checkConcreteShape(shape, fn, 'shape');
  const mean = checkNumber(o.mean ?? 0, fn, 'mean');
  const stddev = checkNumber(o.stddev ?? 1, fn, 'stddev');
  if (stddev < 0) throw new KerasValueError(`${fn}: argument 'stddev' must be >= 0, got ${stddev}`);
  return randomTensor(distribution, mean, stddev, s, floatDTypeOf(o.dtype, fn), seedOf(o.seed, fn), fn);
}

/**
 * A tensor of normally distributed values, drawn anew at each evaluation.
 *
 * Mirrors `keras.backend.random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)`.
 */
export function randomNormal(shape: readonly number[], options: RandomNormalOptions = {}): KTensor {
  return normalLike('randomNormal', 'normal', shape, options);
}

/**
 * Normally distributed values redrawn when more than two standard deviations from the mean.
 *
 * Mirrors `keras.backend.truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)`.
 */
export function truncatedNormal(shape: readonly number[], options: RandomNormalOptions = {}): KTensor {
  return normalLike('truncatedNormal', 'truncatedNormal', shape, options);
}

/** Options of `randomUniform`. */
export interface RandomUniformOptions {
  minval?: number;
  maxval?: number;
  dtype?: DType;
  seed?: number;
}

/**
 * A tensor of values drawn uniformly from [minval, maxval), anew at each evaluation.
 *
 * Mirrors `keras.backend.random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None)`.
 */
export function randomUniform(shape: readonly number[], options: RandomUniformOptions = {}): KTensor {
  const fn = 'randomUniform';
  const s = checkConcreteShape(shape, fn, 'shape');
  const lo = checkNumber(options.minval ?? 0, fn, 'minval');
  const hi = checkNumber(options.maxval ?? 1, fn, 'maxval');
  if (hi < lo) throw new KerasValueError(`${fn}: argument 'maxval' (${hi}) must be >= 'minval' (${lo})`);
  return randomTensor('uniform', lo, hi, s, floatDTypeOf(options.dtype, fn), seedOf(options.seed, fn), fn);
}

/** Options of `randomBinomial`. */
export interface RandomBinomialOptions {
  p?: number;
  dtype?: DType;
  seed?: number;
}

/**
 * A tensor of 1s (probability `p`) and 0s, drawn anew at each evaluation.
 *
 * Mirrors `keras.backend.random_binomial(shape, p=0.0, dtype=None, seed=None)`.
 */
export function randomBinomial(shape: readonly number[], options: RandomBinomialOptions = {}): KTensor {
  const fn = 'randomBinomial';
  const s = checkConcreteShape(shape, fn, 'shape');
  const p = checkNumber(options.p ?? 0, fn, 'p');
  if (p < 0 || p > 1) throw new KerasValueError(`${fn}: argument 'p' must be in [0, 1], got ${p}`);
  return randomTensor('binomial', p, 0, s, floatDTypeOf(options.dtype, fn), seedOf(options.seed, fn), fn);
}

/**
 * Sets entries of `x` to zero with probability `level` and scales the others by
 * 1 / (1 - level), with a new mask at each evaluation. `noiseShape` (broadcastable
 * to x's shape; `null` entries follow x) shares a mask along axes of size 1.
 *
 * Mirrors `keras.backend.dropout(x, level, noise_shape=None, seed=None)`.
 */
export function dropout(x: unknown, level: number, noiseShape: readonly (number | null)[] | null = null, seed: number | null = null): KTensor {
  const fn = 'dropout';
  const t = floatTensor(x, fn);
  const lv = checkNumber(level, fn, 'level');
  if (lv < 0 || lv >= 1) throw new KerasValueError(`${fn}: argument 'level' must be in [0, 1), got ${lv}`);
  const s = seedOf(seed, fn);
  // The mask follows x's run-time shape, reduced over the axes where noiseShape is 1.
  let like: KTensor = t;
  if (noiseShape !== null && noiseShape !== undefined) {
    if (!Array.isArray(noiseShape) || noiseShape.length !== t.rank) {
      throw new KerasValueError(`${fn}: argument 'noiseShape' must be an array of ${t.rank} entries (one per axis of x), got ${show(noiseShape)}`);
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
