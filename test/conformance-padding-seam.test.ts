/**
 * 'same' padding with an odd total puts the extra cell at the end (TensorFlow).
 * An off-by-one planted through a seam (the window geometry helper wrapped so the
 * extra cell goes first; the sources untouched) is caught by the cases of
 * separable_conv1d and conv3d_transpose, on every backend.
 */
import * as patches from '../src/api/ops/conv/patches';
import { K, BUILTIN_BACKENDS } from '../src/index';
import { runSpec, specFor } from '../conformance';

const BACKENDS = BUILTIN_BACKENDS;

describe("'same' padding with the extra cell first", () => {
  const original = patches.windowAxis;
  let planted = 0;
  let spy: jest.SpyInstance;
  beforeAll(() => {
    spy = jest.spyOn(patches, 'windowAxis').mockImplementation((length, kernel, stride, dilation, padding) => {
      const w = original(length, kernel, stride, dilation, padding);
      if (padding !== 'same') return w;
      const total = Math.max((w.out - 1) * stride + patches.effectiveKernel(kernel, dilation) - length, 0);
      if (total % 2 === 0) return w;
      planted++;
      return { ...w, padBefore: Math.ceil(total / 2) };
    });
  });
  afterAll(() => spy.mockRestore());

  for (const backend of BACKENDS) {
    it.each(['separable_conv1d', 'conv3d_transpose'])(`fails %s on ${backend}`, async (fn) => {
      await K.setBackend(backend);
      const before = planted;
      const runs = runSpec(K, backend, specFor(fn)!).runs;
      expect(planted).toBeGreaterThan(before);
      const failed = runs.filter((r) => r.status === 'fail');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.map((r) => r.label).join('\n')).toMatch(/^'same,/m);
    });
  }
});
