/**
 * A short differential fuzzing run (a few seconds): random shapes, special values and
 * functions on every backend, eager against graph, gradients. Any disagreement fails,
 * with the shrunk case. `npm run fuzz -- --cases N --seed S` runs a long one.
 */
import * as fc from 'fast-check';
import { K } from '../../src/index';
import { checkCase, describeCase, disagreement, fuzzCaseArbitrary } from './differential';

const BACKENDS = ['reference', 'tfjs', 'onnx'];

beforeAll(async () => {
  for (const b of BACKENDS) await K.setBackend(b);
});

test('the comparison itself: NaN matches NaN, zeros match whatever their sign, a real difference is found', () => {
  const nd = (data: number[]) => ({ value: new K.NDArray(Float32Array.from(data), [data.length], 'float32') });
  expect(disagreement(nd([NaN, -0, Infinity]), nd([NaN, 0, Infinity]))).toBeNull();
  expect(disagreement(nd([1, 2]), nd([1, 2.1]))).toMatch(/at \[1\]/);
  expect(disagreement(nd([Infinity]), nd([-Infinity]))).not.toBeNull();
  expect(disagreement({ error: 'KerasValueError' }, nd([1]))).toMatch(/KerasValueError vs a value/);
});

test('every backend agrees, eager and graph, values and gradients (60 random cases, fixed seed)', async () => {
  await fc.assert(
    fc.asyncProperty(fuzzCaseArbitrary(), async (c) => {
      const found = await checkCase(K, BACKENDS, c);
      if (found.length > 0) throw new Error(`${found[0].between}: ${found[0].detail}\n  ${describeCase(c)}`);
    }),
    { numRuns: 60, seed: 20261201 },
  );
});
