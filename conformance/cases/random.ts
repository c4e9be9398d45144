/**
 * Cases of the random functions and dropout. Random values cannot be compared with
 * an oracle, so the checks are statistical (bounds, mean, standard deviation over
 * many draws), determinism under a seed, fresh draws at each evaluation, and the
 * exact structure of dropout's output.
 */
import type { NDArray } from '../../src/index';
import { defineSpec, FunctionSpec, Observed, ValueCase } from '../case';
import { bad, fl } from './helpers';

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
          const m = moments(values(r));
          if (m.min < -1 || m.max >= 3) return `values outside [-1, 3): min ${m.min}, max ${m.max}`;
          // uniform on [a, b): mean (a+b)/2, std (b-a)/sqrt(12)
          return first(near('mean', m.mean, 1, 0.06), near('std', m.std, 4 / Math.sqrt(12), 0.04));
        },
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
          const m = moments(values(r));
          // standard error of the mean: 0.5 / sqrt(6000) = 0.0065
          return first(near('mean', m.mean, 2, 0.03), near('std', m.std, 0.5, 0.025));
        },
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
          const m = moments(values(r));
          if (m.min < -5 || m.max > 3) return `values outside [-5, 3]: min ${m.min}, max ${m.max}`;
          // a normal truncated at +-2 sigma keeps variance factor 1 - 4 phi(2) / (2 Phi(2) - 1) = 0.7737
          return first(near('mean', m.mean, -1, 0.1), near('std', m.std, 2 * Math.sqrt(0.7737), 0.08));
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
          for (let i = 0; i < got.length; i++) {
            if (got[i] === 0) zeros++;
            else if (Math.abs(got[i] - xs[i] / 0.75) > 1e-5 * xs[i]) return `element ${i} is ${got[i]}, neither 0 nor ${xs[i] / 0.75}`;
          }
          return near('fraction dropped', zeros / got.length, 0.25, 0.03);
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
