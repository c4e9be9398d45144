/**
 * Cases of the `random` group. Random values cannot be compared with
 * an oracle, so the checks are statistical, with fixed seeds: Kolmogorov-Smirnov
 * against the documented distribution, independence of successive draws (lag-1
 * correlation, chi-square of consecutive pairs, correlation of two evaluations),
 * truncation bounds, binomial means per probability; plus determinism under a seed
 * and fresh draws at each evaluation (dropout's cases are in nn.ts).
 *
 * False alarms: each statistical check fails a correct generator with probability
 * at most ALPHA = 1e-5 (KS and Hoeffding bounds are exact; the correlation,
 * chi-square and binomial checks use normal approximations, good at these sizes).
 * With about 40 such checks per float variant and mode, a correct generator trips
 * one with probability below 1e-3; as the seeds are fixed, a run that passes once
 * passes every time.
 */
import type { NDArray } from '../../src/index';
import { defineSpec, FunctionSpec, Observed, ValueCase } from '../case';
import {
  chiSquareThreshold,
  correlation,
  correlationThreshold,
  ksStatistic,
  ksThreshold,
  normalCdf,
  pairChiSquare,
  truncatedNormalCdf
} from '../oracle/statistics';
import { ALPHA, bernoulliMean, COUNT, first, near } from './statistical-checks';
import { bad } from './helpers';

/** KS distance of the draws from `cdf`, within the threshold for ALPHA. */
function ks(what: string, v: Float64Array, cdf: (x: number) => number): string | null {
  const d = ksStatistic(v, cdf);
  const t = ksThreshold(v.length, ALPHA);
  return d <= t ? null : `${what}: Kolmogorov-Smirnov distance ${d.toFixed(4)} exceeds ${t.toFixed(4)} (false-alarm rate ${ALPHA})`;
}

/** Successive draws uncorrelated (lag 1), and consecutive pairs uniform over an 8 x 8 grid once mapped through `cdf`. */
function independent(v: Float64Array, cdf: (x: number) => number): string | null {
  const n = v.length - 1;
  const r = correlation(v.subarray(0, n), v.subarray(1));
  const rt = correlationThreshold(n, ALPHA);
  if (Math.abs(r) > rt) return `successive draws are correlated: lag-1 correlation ${r.toFixed(4)}, beyond +-${rt.toFixed(4)} (false-alarm rate ${ALPHA})`;
  const { stat, df } = pairChiSquare(Float64Array.from(v, cdf), 8);
  const ct = chiSquareThreshold(df, ALPHA);
  return stat <= ct ? null : `consecutive pairs are not independent: chi-square ${stat.toFixed(1)} on ${df} degrees of freedom exceeds ${ct.toFixed(1)} (false-alarm rate ${ALPHA})`;
}

/** Two evaluations of one random tensor (successive draws) uncorrelated. */
function freshDraws(a: Float64Array, b: Float64Array): string | null {
  const r = correlation(a, b);
  const t = correlationThreshold(a.length, ALPHA);
  return Math.abs(r) <= t ? null : `two evaluations are correlated: ${r.toFixed(4)}, beyond +-${t.toFixed(4)} (false-alarm rate ${ALPHA})`;
}

const N = [100, 60];

function values(result: Observed): Float64Array {
  return Float64Array.from((result as NDArray).data as ArrayLike<number>); // random values are floats
}

function moments(v: Float64Array): { mean: number; std: number; min: number; max: number } {
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of v) {
    s += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(q / v.length), min, max };
}

/** Same seed, same values; and a new draw at each evaluation. */
function determinism(make: (K: Parameters<ValueCase['run']>[0], seed: number) => ReturnType<ValueCase['run']>): ValueCase[] {
  return [
    {
      name: 'the same seed gives the same values',
      outDtype: 'float',
      run: (K) => [make(K, 5), make(K, 5)],
      check: (r) => {
        const [a, b] = (r as NDArray[]).map((x) => [...x.data]);
        return a.every((v, i) => v === b[i]) ? null : 'two tensors with seed 5 differ';
      },
    },
    {
      name: 'a new draw at each evaluation',
      modes: ['eager'],
      run: (K) => {
        const t = make(K, 11) as Parameters<typeof K.eval>[0];
        const a = K.eval(t).data;
        const b = K.eval(t).data;
        return a.some((v, i) => v !== b[i]);
      },
      expected: () => true,
    },
  ];
}

export const RANDOM_SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'random_uniform',
    cases: [
      {
        name: `${COUNT} draws in [-1, 3): bounds, mean, std`,
        outDtype: 'float',
        run: (K) => K.randomUniform(N, { minval: -1, maxval: 3, seed: 1 }),
        check: (r) => {
          const v = values(r);
          const m = moments(v);
          if (m.min < -1 || m.max >= 3) return `values outside [-1, 3): min ${m.min}, max ${m.max}`;
          const cdf = (x: number): number => Math.min(1, Math.max(0, (x + 1) / 4));
          // uniform on [a, b): mean (a+b)/2, std (b-a)/sqrt(12)
          return first(near('mean', m.mean, 1, 0.06), near('std', m.std, 4 / Math.sqrt(12), 0.04), ks('uniform [-1, 3)', v, cdf), independent(v, cdf));
        },
      },
      {
        name: 'two evaluations are independent draws',
        modes: ['eager'],
        outDtype: 'float',
        run: (K) => {
          const t = K.randomUniform([COUNT], { seed: 21 });
          return [K.eval(t), K.eval(t)];
        },
        check: (r) => freshDraws(values((r as Observed[])[0]), values((r as Observed[])[1])),
      },
      {
        name: 'default range [0, 1), shape and dtype',
        outDtype: 'float',
        run: (K) => K.randomUniform([3, 4], { seed: 2 }),
        check: (r) => {
          const a = r as NDArray;
          if (a.shape.join() !== '3,4') return `shape ${a.shape}`;
          return [...a.data].every((v) => v >= 0 && v < 1) ? null : 'values outside [0, 1)';
        },
      },
      ...determinism((K, seed) => K.randomUniform([50], { seed })),
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.randomUniform([2], bad('float64')), error: 'KerasValueError', message: `randomUniform: argument 'options' must be an object {minval, maxval, dtype, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.randomUniform([2], bad([2, 2])), error: 'KerasValueError', message: "randomUniform: argument 'options' must be an object {minval, maxval, dtype, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.randomUniform([2], bad({ maxVal: 'float64' })), error: 'KerasValueError', message: "randomUniform: argument 'options' has an unknown key 'maxVal' (expected minval, maxval, dtype, seed)" },
      { name: 'maxval below minval', run: (K) => K.randomUniform([2], { minval: 2, maxval: 1 }), error: 'KerasValueError', message: "randomUniform: argument 'maxval' (1) must be >= 'minval' (2)" },
      { name: 'a negative dim', run: (K) => K.randomUniform([2, -1]), error: 'KerasValueError', message: "randomUniform: argument 'shape' must be an array of non-negative integers, got [2,-1]" },
      { name: 'an int dtype', run: (K) => K.randomUniform([2], { dtype: 'int32' }), error: 'KerasValueError', message: "randomUniform: argument 'dtype' must be a float dtype, got int32" },
      { name: 'a fractional seed', run: (K) => K.randomUniform([2], { seed: 1.5 }), error: 'KerasValueError', message: "randomUniform: argument 'seed' must be an integer, got 1.5" },
      { name: 'an unknown dtype', run: (K) => K.randomUniform([2], { dtype: bad('float8') }), error: 'KerasTypeError', message: `randomUniform: argument 'dtype' must be one of float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool, got "float8"` },
    ],
  }),
  defineSpec({
    kerasName: 'random_normal',
    cases: [
      {
        name: `${COUNT} draws, mean 2, stddev 0.5`,
        outDtype: 'float',
        run: (K) => K.randomNormal(N, { mean: 2, stddev: 0.5, seed: 3 }),
        check: (r) => {
          const v = values(r);
          const m = moments(v);
          const cdf = (x: number): number => normalCdf((x - 2) / 0.5);
          // standard error of the mean: 0.5 / sqrt(6000) = 0.0065
          return first(near('mean', m.mean, 2, 0.03), near('std', m.std, 0.5, 0.025), ks('normal(2, 0.5)', v, cdf), independent(v, cdf));
        },
      },
      {
        name: `${COUNT} draws, default mean 0 and stddev 1, in a shape of odd size`,
        outDtype: 'float',
        run: (K) => K.randomNormal([COUNT + 1], { seed: 13 }),
        check: (r) => {
          const v = values(r);
          return first(ks('normal(0, 1)', v, normalCdf), independent(v, normalCdf));
        },
      },
      {
        name: 'two evaluations are independent draws',
        modes: ['eager'],
        outDtype: 'float',
        run: (K) => {
          const t = K.randomNormal([COUNT], { seed: 22 });
          return [K.eval(t), K.eval(t)];
        },
        check: (r) => freshDraws(values((r as Observed[])[0]), values((r as Observed[])[1])),
      },
      ...determinism((K, seed) => K.randomNormal([50], { seed })),
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.randomNormal([2], bad('float64')), error: 'KerasValueError', message: `randomNormal: argument 'options' must be an object {mean, stddev, dtype, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.randomNormal([2], bad([2, 2])), error: 'KerasValueError', message: "randomNormal: argument 'options' must be an object {mean, stddev, dtype, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.randomNormal([2], bad({ std: 'float64' })), error: 'KerasValueError', message: "randomNormal: argument 'options' has an unknown key 'std' (expected mean, stddev, dtype, seed)" },
      { name: 'a negative stddev', run: (K) => K.randomNormal([2], { stddev: -1 }), error: 'KerasValueError', message: "randomNormal: argument 'stddev' must be >= 0, got -1" },
      { name: 'a NaN mean', run: (K) => K.randomNormal([2], { mean: NaN }), error: 'KerasValueError', message: "randomNormal: argument 'mean' must be a finite number, got NaN" },
    ],
  }),
  defineSpec({
    kerasName: 'truncated_normal',
    cases: [
      {
        name: `${COUNT} draws within two stddev of the mean`,
        outDtype: 'float',
        run: (K) => K.truncatedNormal(N, { mean: -1, stddev: 2, seed: 4 }),
        check: (r) => {
          const v = values(r);
          const m = moments(v);
          if (m.min < -5 || m.max > 3) return `values outside [-5, 3]: min ${m.min}, max ${m.max}`;
          const cdf = (x: number): number => truncatedNormalCdf(x, -1, 2);
          // a normal truncated at +-2 sigma keeps variance factor 1 - 4 phi(2) / (2 Phi(2) - 1) = 0.7737
          return first(near('mean', m.mean, -1, 0.1), near('std', m.std, 2 * Math.sqrt(0.7737), 0.08), ks('normal(-1, 2) truncated to [-5, 3]', v, cdf), independent(v, cdf));
        },
      },
      ...determinism((K, seed) => K.truncatedNormal([50], { seed })),
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.truncatedNormal([2], bad('float64')), error: 'KerasValueError', message: `truncatedNormal: argument 'options' must be an object {mean, stddev, dtype, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.truncatedNormal([2], bad([2, 2])), error: 'KerasValueError', message: "truncatedNormal: argument 'options' must be an object {mean, stddev, dtype, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.truncatedNormal([2], bad({ std: 'float64' })), error: 'KerasValueError', message: "truncatedNormal: argument 'options' has an unknown key 'std' (expected mean, stddev, dtype, seed)" },
      { name: 'a negative stddev', run: (K) => K.truncatedNormal([2], { stddev: -0.1 }), error: 'KerasValueError', message: "truncatedNormal: argument 'stddev' must be >= 0, got -0.1" },
    ],
  }),
  defineSpec({
    kerasName: 'random_binomial',
    cases: [
      {
        name: `${COUNT} draws with p = 0.3`,
        outDtype: 'float',
        run: (K) => K.randomBinomial(N, { p: 0.3, seed: 6 }),
        check: (r) => {
          const v = values(r);
          if (!v.every((x) => x === 0 || x === 1)) return 'values other than 0 and 1';
          return near('mean', moments(v).mean, 0.3, 0.03);
        },
      },
      ...[0.05, 0.5, 0.9].map(
        (p, i): ValueCase => ({
          name: `${COUNT} draws with p = ${p}: the mean, and successive draws uncorrelated`,
          outDtype: 'float',
          run: (K) => K.randomBinomial([COUNT], { p, seed: 30 + i }),
          check: (r) => {
            const v = values(r);
            if (!v.every((x) => x === 0 || x === 1)) return 'values other than 0 and 1';
            const n = v.length - 1;
            const c = correlation(v.subarray(0, n), v.subarray(1));
            const ct = correlationThreshold(n, ALPHA);
            return first(bernoulliMean('mean', moments(v).mean, p, v.length), Math.abs(c) <= ct ? null : `successive draws are correlated: ${c.toFixed(4)}, beyond +-${ct.toFixed(4)}`);
          },
        }),
      ),
      { name: 'p = 0 gives zeros', outDtype: 'float', run: (K) => K.randomBinomial([4], { seed: 1 }), expected: () => [0, 0, 0, 0] },
      { name: 'p = 1 gives ones', outDtype: 'float', run: (K) => K.randomBinomial([2, 2], { p: 1, seed: 1 }), expected: () => [[1, 1], [1, 1]] },
      ...determinism((K, seed) => K.randomBinomial([50], { p: 0.5, seed })),
    ],
    errorCases: [
      { name: 'a dtype string for the options (a positional argument in Keras)', run: (K) => K.randomBinomial([2], bad('float64')), error: 'KerasValueError', message: `randomBinomial: argument 'options' must be an object {p, dtype, seed}, got "float64"` },
      { name: 'an array for the options', run: (K) => K.randomBinomial([2], bad([2, 2])), error: 'KerasValueError', message: "randomBinomial: argument 'options' must be an object {p, dtype, seed}, got [2,2]" },
      { name: 'a misspelt option', run: (K) => K.randomBinomial([2], bad({ prob: 'float64' })), error: 'KerasValueError', message: "randomBinomial: argument 'options' has an unknown key 'prob' (expected p, dtype, seed)" },
      { name: 'p above 1', run: (K) => K.randomBinomial([2], { p: 1.5 }), error: 'KerasValueError', message: "randomBinomial: argument 'p' must be in [0, 1], got 1.5" },
    ],
  }),
];
