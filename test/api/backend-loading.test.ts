/**
 * Backend authors: a backend that is not built in is loaded from an npm module
 * named in KERAS_BACKEND (or keras.json), checked against the interface, with clear
 * errors when it cannot be found or is incomplete.
 */
import * as path from 'path';

const fixtures = path.join(__dirname, '..', 'fixtures');

describe('third-party backend modules', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(fixtures));
  afterAll(() => process.chdir(cwd));
  afterEach(() => {
    delete process.env.KERAS_BACKEND;
  });

  it('loads the module named in KERAS_BACKEND and runs the API on it', async () => {
    process.env.KERAS_BACKEND = 'keras-backend-tiny';
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      await K.ready();
      expect(K.backend()).toBe('keras-backend-tiny');
      const v = K.variable([[1, 2], [3, 4]]);
      const x = K.placeholder({ shape: [null, 2] });
      const f = K.function([x], [K.dot(x, v)]);
      expect(Array.from(f([[[1, 1]]])[0].data)).toEqual([4, 6]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tiny = require(path.join(fixtures, 'node_modules', 'keras-backend-tiny')) as { kernelCalls(): number };
      expect(tiny.kernelCalls()).toBeGreaterThan(0);
      // it declared no float64
      expect(() => K.constant([1], { dtype: 'float64' })).toThrow(/'tiny' backend does not support dtype float64/);
    });
  });

  it('loads a module by name with setBackend', async () => {
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      await K.setBackend('keras-backend-tiny');
      expect(K.backend()).toBe('keras-backend-tiny');
      expect(K.eval(K.sum(K.constant([1, 2, 3]))).item()).toBe(6);
    });
  });

  it('names what an incomplete module lacks', async () => {
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      const err = await K.setBackend('keras-backend-incomplete').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(K.ConfigError);
      expect((err as Error).message).toMatch(/keras-backend-incomplete' does not implement the Backend interface/);
      expect((err as Error).message).toMatch(/'toHost'/);
      expect((err as Error).message).toMatch(/kernels for the primitives .*neg/);
    });
  });

  it('says clearly when a backend cannot be found', async () => {
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      const err = await K.setBackend('no-such-backend-module').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(K.ConfigError);
      expect((err as Error).message).toMatch(/Unknown backend 'no-such-backend-module'.*reference, tfjs, onnx/);
    });
  });

  it('refuses an unknown KERAS_BACKEND naming the variable and the known backends', async () => {
    process.env.KERAS_BACKEND = 'theano';
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      expect(() => K.backend()).toThrow(K.ConfigError);
      expect(() => K.backend()).toThrow(/KERAS_BACKEND.*theano.*reference/);
    });
  });

  it('registers a backend at run time with registerBackend', async () => {
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tiny = require(path.join(fixtures, 'node_modules', 'keras-backend-tiny')) as { createBackend(): import('../../src/index').Backend };
      K.registerBackend('mine', () => tiny.createBackend());
      await K.setBackend('mine');
      expect(K.backend()).toBe('mine');
      expect(K.eval(K.max(K.constant([1, 5, 3]))).item()).toBe(5);
    });
  });
});
