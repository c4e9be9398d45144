/**
 * The float32 gradient checks are tight enough to convict a gradient off by a
 * relative 1e-4: a few gradient rules are wrapped (through the module seam
 * `inputGradients`, not by editing them) so their input gradients come out
 * multiplied by 1 + 1e-4, and the float32 gradient checks of the functions built
 * on them fail on every backend while their values still pass.
 */
import * as gradRules from '../src/api/grad-rules';
import { K, KTensor, BUILTIN_BACKENDS } from '../src/index';
import { runSpec, specFor } from '../conformance';

const BACKENDS = BUILTIN_BACKENDS;

/** Planted rule (primitive) -> the catalogue function whose gradient check must catch it. */
const PLANTED: Record<string, string> = { tanh: 'tanh', exp: 'exp', sigmoid: 'sigmoid', matMul: 'dot', log: 'log' };

describe('a gradient rule off by a relative 1e-4', () => {
  const original = gradRules.inputGradients;
  let spy: jest.SpyInstance;
  beforeAll(() => {
    spy = jest.spyOn(gradRules, 'inputGradients').mockImplementation((y: KTensor, g: KTensor) => {
      const grads = original(y, g);
      const node = y.node as { kind: string; op?: string };
      if (node.kind !== 'op' || !(node.op! in PLANTED)) return grads;
      return grads.map((gi) => (gi === null ? null : K.multiply(gi, 1 + 1e-4)));
    });
  });
  afterAll(() => spy.mockRestore());

  for (const backend of BACKENDS) {
    it(`fails the float32 gradient checks of ${Object.values(PLANTED).join(', ')} on ${backend}`, async () => {
      await K.setBackend(backend);
      const caught: Record<string, string> = {};
      for (const fn of Object.values(PLANTED)) {
        const runs = runSpec(K, backend, specFor(fn)!).runs;
        const f32grads = runs.filter((r) => r.gradient && r.label.includes('[float32'));
        const failed = f32grads.filter((r) => r.status === 'fail');
        expect(f32grads.length).toBeGreaterThan(0);
        // The values are untouched: only gradient checks may fail.
        expect(runs.filter((r) => !r.gradient && r.status === 'fail').map((r) => `${r.label}: ${r.message}`)).toEqual([]);
        caught[fn] = `${failed.length} of ${f32grads.length}`;
        expect(failed.length).toBeGreaterThan(0);
        expect(failed[0].message).toMatch(/gradient of input \d+: \d+ of \d+ differ/);
      }
      expect(Object.keys(caught).sort()).toEqual(Object.values(PLANTED).sort());
    });
  }
});
