/**
 * Random tensors: drawn anew every time they are evaluated (each call of a compiled
 * function, each eval), from a seeded host generator, so every backend sees the
 * same values for the same seed; and dropout built on them.
 */
import { DType, isFloatDType } from '../../backends/types';
import { floatx } from '../../config';
import { KerasValueError } from '../../errors';
import { activeBackend } from '../engine';
import { HostRandom, nextSeed } from '../host-random';
import { checkBackendDType, KTensor, RandomDistribution } from '../tensor';
import { checkAllocation } from '../values';
import { checkConcreteShape, checkDType, checkNumber, show } from '../validate';
import { checkArity } from '../../arity';
import { optionsArg } from '../options';

export function seedOf(seed: unknown, fn: string): number {
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
export function randomTensor(distribution: RandomDistribution, a: number, b: number, shape: KTensor | readonly number[], dtype: DType, seed: number, fn: string): KTensor {
  checkBackendDType(activeBackend(), dtype);
  // values are drawn in float64 first: refuse a size that cannot be held, now
  if (!(shape instanceof KTensor)) {
    const n = shape.reduce((p, d) => p * d, 1);
    checkAllocation(n, 'float64', fn);
    checkAllocation(n, dtype, fn, activeBackend());
  }
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
  o = optionsArg(o, ['mean', 'stddev', 'dtype', 'seed'], fn);
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
export function randomNormal(shape: readonly number[], options: RandomNormalOptions = {}, ...extra: []): KTensor {
  checkArity('randomNormal', 2, extra);
  return normalLike('randomNormal', 'normal', shape, options);
}

/**
 * Normally distributed values redrawn when more than two standard deviations from the mean.
 *
 * Mirrors `keras.backend.truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)`.
 */
export function truncatedNormal(shape: readonly number[], options: RandomNormalOptions = {}, ...extra: []): KTensor {
  checkArity('truncatedNormal', 2, extra);
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
export function randomUniform(shape: readonly number[], options: RandomUniformOptions = {}, ...extra: []): KTensor {
  checkArity('randomUniform', 2, extra);
  const fn = 'randomUniform';
  options = optionsArg(options, ['minval', 'maxval', 'dtype', 'seed'], fn);
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
export function randomBinomial(shape: readonly number[], options: RandomBinomialOptions = {}, ...extra: []): KTensor {
  checkArity('randomBinomial', 2, extra);
  const fn = 'randomBinomial';
  options = optionsArg(options, ['p', 'dtype', 'seed'], fn);
  const s = checkConcreteShape(shape, fn, 'shape');
  const p = checkNumber(options.p ?? 0, fn, 'p');
  if (p < 0 || p > 1) throw new KerasValueError(`${fn}: argument 'p' must be in [0, 1], got ${p}`);
  return randomTensor('binomial', p, 0, s, floatDTypeOf(options.dtype, fn), seedOf(options.seed, fn), fn);
}
