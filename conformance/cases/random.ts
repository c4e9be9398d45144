/**
 * Cases of the random functions and dropout. Random values cannot be compared with
 * an oracle, so the checks are statistical, with fixed seeds: Kolmogorov-Smirnov
 * against the documented distribution, independence of successive draws (lag-1
 * correlation, chi-square of consecutive pairs, correlation of two evaluations),
 * truncation bounds, binomial means per probability, dropout's keep rate and
 * scaling; plus determinism under a seed, fresh draws at each evaluation, and the
 * exact structure of dropout's output and gradient.
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
  normalQuantile,
  pairChiSquare,
  truncatedNormalCdf,
} from '../oracle/statistics';
import { bad, fl } from './helpers';

/** The false-alarm rate of each statistical check. */
const ALPHA = 1e-5;

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

/** The fraction of ones in n Bernoulli(p) draws within the normal-approximation band for ALPHA. */
function bernoulliMean(what: string, got: number, p: number, n: number): string | null {
  const t = normalQuantile(1 - ALPHA / 2) * Math.sqrt((p * (1 - p)) / n);
  return Math.abs(got - p) <= t ? null : `${what} is ${got.toFixed(4)}, expected ${p} +- ${t.toFixed(4)} (false-alarm rate ${ALPHA})`;
}

const N = [100, 60];
const COUNT = 6000;

function values(result: Observed): Float64Array {
  return Float64Array.from((result as NDArray).data);
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

/** Null when |got - want| <= tol, else a description. */
function near(what: string, got: number, want: number, tol: number): string | null {
  return Math.abs(got - want) <= tol ? null : `${what} is ${got}, expected ${want} +- ${tol}`;
}

function first(...checks: (string | null)[]): string | null {
  return checks.find((c) => c !== null) ?? null;
}

/** Same seed, same values; and a new draw at each evaluation. */
function determinism(make: (K: Parameters<ValueCase['run']>[0], seed: number) => ReturnType<ValueCase['run']>): ValueCase[] {
  return [
    {
      name: 'the same seed gives the same values',
      outDtype: 'float',
      run: (K) => [make(K, 5), make(K, 5)],
      check: (r) => {
        const [a, b] = (r as NDArray[]).map((x) => Array.from(x.data));
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
          return Array.from(a.data).every((v) => v >= 0 && v < 1) ? null : 'values outside [0, 1)';
        },
      },
      ...determinism((K, seed) => K.randomUniform([50], { seed })),
    ],
    errorCases: [
      { name: 'maxval below minval', run: (K) => K.randomUniform([2], { minval: 2, maxval: 1 }), error: 'KerasValueError', message: /randomUniform: argument 'maxval'/ },
      { name: 'a negative dim', run: (K) => K.randomUniform([2, -1]), error: 'KerasValueError', message: /randomUniform: argument 'shape'/ },
      { name: 'an int dtype', run: (K) => K.randomUniform([2], { dtype: 'int32' }), error: 'KerasValueError', message: /randomUniform: argument 'dtype'/ },
      { name: 'a fractional seed', run: (K) => K.randomUniform([2], { seed: 1.5 }), error: 'KerasValueError', message: /randomUniform: argument 'seed'/ },
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
      { name: 'a negative stddev', run: (K) => K.randomNormal([2], { stddev: -1 }), error: 'KerasValueError', message: /randomNormal: argument 'stddev'/ },
      { name: 'a NaN mean', run: (K) => K.randomNormal([2], { mean: NaN }), error: 'KerasValueError', message: /randomNormal: argument 'mean' .*NaN/ },
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
    errorCases: [{ name: 'a negative stddev', run: (K) => K.truncatedNormal([2], { stddev: -0.1 }), error: 'KerasValueError', message: /truncatedNormal: argument 'stddev'/ }],
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
    errorCases: [{ name: 'p above 1', run: (K) => K.randomBinomial([2], { p: 1.5 }), error: 'KerasValueError', message: /randomBinomial: argument 'p'/ }],
  }),
  defineSpec({
    kerasName: 'dropout',
    cases: [
      {
        name: 'level 0.25: zeros, or x / 0.75',
        inputs: [fl(Array.from({ length: 40 }, (_, i) => Array.from({ length: 50 }, (__, j) => 1 + ((i + j) % 7))))],
        run: (K, x) => K.dropout(x, 0.25, null, 8),
        check: (r, x) => {
          const got = (r as NDArray).data;
          const xs = x.data;
          let zeros = 0;
          const kept = new Float64Array(got.length);
          for (let i = 0; i < got.length; i++) {
            if (got[i] === 0) zeros++;
            // kept values are scaled by 1 / (1 - level), to the float's rounding
            else if (Math.abs(got[i] - xs[i] / 0.75) > 2 ** -23 * (xs[i] / 0.75)) return `element ${i} is ${got[i]}, neither 0 nor ${xs[i] / 0.75}`;
            else kept[i] = 1;
          }
          const n = kept.length - 1;
          const c = correlation(kept.subarray(0, n), kept.subarray(1));
          const ct = correlationThreshold(n, ALPHA);
          return first(bernoulliMean('fraction kept', 1 - zeros / got.length, 0.75, got.length), Math.abs(c) <= ct ? null : `the mask of successive elements is correlated: ${c.toFixed(4)}, beyond +-${ct.toFixed(4)}`);
        },
      },
      {
        name: 'level 0.6: keep rate 0.4 and scale 2.5',
        inputs: [fl(Array.from({ length: COUNT }, (_, i) => 1 + (i % 5)))],
        run: (K, x) => K.dropout(x, 0.6, null, 12),
        check: (r, x) => {
          const got = (r as NDArray).data;
          let kept = 0;
          for (let i = 0; i < got.length; i++) {
            if (got[i] === 0) continue;
            if (Math.abs(got[i] - x.data[i] * 2.5) > 2 ** -23 * x.data[i] * 2.5) return `element ${i} is ${got[i]}, neither 0 nor ${x.data[i] * 2.5}`;
            kept++;
          }
          return bernoulliMean('fraction kept', kept / got.length, 0.4, got.length);
        },
      },
      {
        name: 'the gradient uses the mask of the value (one evaluation, seed fixed): W / (1 - level) where kept, 0 where dropped',
        modes: ['graph'],
        inputs: [fl(Array.from({ length: 20 }, (_, i) => Array.from({ length: 10 }, (__, j) => 1 + ((3 * i + j) % 4))), { kind: 'lazy' })],
        run: (K, x) => {
          const w = K.constant(Array.from({ length: 20 }, (_, i) => Array.from({ length: 10 }, (__, j) => ((i * 7 + j * 3) % 11) - 5)));
          const y = K.dropout(x, 0.3, null, 14);
          const [g] = K.gradients(K.sum(K.multiply(y, w)), [x]);
          return [y, g as NonNullable<typeof g>];
        },
        check: (r, x) => {
          const [y, g] = (r as NDArray[]).map((a) => a.data);
          let dropped = 0;
          for (let e = 0; e < y.length; e++) {
            const i = Math.floor(e / 10);
            const j = e % 10;
            const w = ((i * 7 + j * 3) % 11) - 5;
            const keep = y[e] !== 0;
            if (!keep) dropped++;
            const wantY = keep ? x.data[e] / 0.7 : 0;
            const wantG = keep ? w / 0.7 : 0;
            const tol = 2 ** -22 * 10;
            if (Math.abs(y[e] - wantY) > tol || Math.abs(g[e] - wantG) > tol) return `element ${e}: value ${y[e]}, gradient ${g[e]}; expected ${wantY}, ${wantG}`;
          }
          return dropped > 0 && dropped < y.length ? null : `dropped ${dropped} of ${y.length}`;
        },
      },
      {
        name: 'noiseShape [null, 1] drops whole rows',
        inputs: [fl(Array.from({ length: 200 }, () => [1, 2, 3]))],
        run: (K, x) => K.dropout(x, 0.5, [null, 1], 9),
        check: (r) => {
          const a = r as NDArray;
          let dropped = 0;
          for (let i = 0; i < 200; i++) {
            const row = Array.from(a.data.slice(3 * i, 3 * i + 3));
            if (row.every((v) => v === 0)) dropped++;
            else if (row.join() !== '2,4,6') return `row ${i} is [${row}], neither zeros nor [2, 4, 6]`;
          }
          return near('fraction of rows dropped', dropped / 200, 0.5, 0.12);
        },
      },
      { name: 'level 0 keeps x', inputs: [fl([[1, -2], [3, 4]])], run: (K, x) => K.dropout(x, 0), expected: (x) => x },
    ],
    errorCases: [
      { name: 'level 1', run: (K) => K.dropout(K.constant([1, 2]), 1), error: 'KerasValueError', message: /dropout: argument 'level'/ },
      { name: 'a negative level', run: (K) => K.dropout(K.constant([1, 2]), -0.1), error: 'KerasValueError', message: /dropout: argument 'level'/ },
      { name: 'a noiseShape of the wrong rank', run: (K) => K.dropout(K.constant([1, 2]), 0.5, [2, 1]), error: 'KerasValueError', message: /dropout: argument 'noiseShape'/ },
      { name: 'an int tensor', run: (K) => K.dropout(K.constant([1, 2], { dtype: 'int32' }), 0.5), error: 'KerasTypeError', message: /dropout: argument 'x'/ },
      { name: 'not a number level', run: (K) => K.dropout(K.constant([1, 2]), bad('a')), error: 'KerasValueError', message: /dropout: argument 'level'/ },
    ],
  }),
];
