/**
 * The random functions are tested as distributions: two generator bugs planted
 * through a seam (the host generator's `normal` method replaced for the test, the
 * sources untouched) are caught by the random_normal cases, on every backend:
 * - Box-Muller's second value a copy of the first (mean and spread unchanged);
 * - normal draws replaced by uniform ones with the same mean and spread.
 */
import { HostRandom } from '../src/api/host-random';
import { K, BUILTIN_BACKENDS } from '../src/index';
import { runSpec, specFor } from '../conformance';

const BACKENDS = BUILTIN_BACKENDS;

/** Box-Muller, but the second value of each pair is a copy of the first. */
function copiedSecond(this: HostRandom, n: number, mean: number, stddev: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    let u = this.next();
    while (u <= 1e-300) u = this.next();
    const v = this.next();
    out[i] = mean + stddev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = out[i];
  }
  return out;
}

/** Uniform draws with the mean and standard deviation asked for: mean +- sqrt(3) stddev. */
function uniformInstead(this: HostRandom, n: number, mean: number, stddev: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + stddev * Math.sqrt(3) * (2 * this.next() - 1);
  return out;
}

describe.each([
  ['the second Box-Muller value a copy of the first', copiedSecond, /successive draws are correlated|consecutive pairs are not independent/],
  ['uniform draws with the same mean and spread', uniformInstead, /Kolmogorov-Smirnov distance/],
])('random_normal with %s', (_name, impl, why) => {
  let spy: jest.SpyInstance;
  beforeAll(() => {
    spy = jest.spyOn(HostRandom.prototype, 'normal').mockImplementation(impl);
  });
  afterAll(() => spy.mockRestore());

  it.each(BACKENDS)('fails on %s, and not by its mean or spread', async (backend) => {
    await K.setBackend(backend);
    const runs = runSpec(K, backend, specFor('random_normal')!).runs;
    const failed = runs.filter((r) => r.status === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.message).toMatch(why);
      expect(f.message).not.toMatch(/^(mean|std) is/);
    }
  });
});

describe('the generator as it is', () => {
  it('passes the same cases', async () => {
    await K.setBackend('reference');
    const runs = runSpec(K, 'reference', specFor('random_normal')!).runs;
    expect(runs.filter((r) => r.status !== 'pass').map((r) => `${r.label}: ${r.message}`)).toEqual([]);
  });
});
