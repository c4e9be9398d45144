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
      expect([...f([[[1, 1]]])[0].data]).toEqual([4, 6]);
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

  /** The ConfigError `setBackend(name)` rejects with (a failure if it resolves). */
  async function refusal(name: string, options?: { timeoutMs?: number }): Promise<Error> {
    let err: unknown;
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      err = await K.setBackend(name, options).then(
        () => new Error('setBackend resolved'),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(K.ConfigError);
    });
    return err as Error;
  }

  it('calls only an explicit createBackend export: other exports are never run', async () => {
    const err = await refusal('keras-backend-default-only');
    expect(err.message).toMatch(/The backend module 'keras-backend-default-only' .*does not export a function 'createBackend'/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(fixtures, 'node_modules', 'keras-backend-default-only')) as { called: boolean }).called).toBe(false);
  });

  it('refuses Node built-ins as backends (no process exit, no raw TypeError)', async () => {
    for (const name of ['events', 'module', 'assert', 'node:process']) {
      expect((await refusal(name)).message).toMatch(new RegExp(`The backend '${name}' names a Node.js built-in module`));
    }
  });

  it('a module that throws null on load, or whose createBackend throws 42, is a ConfigError naming it', async () => {
    expect((await refusal('keras-backend-throws-null')).message).toMatch(/'keras-backend-throws-null' .*failed to load: /);
    expect((await refusal('keras-backend-factory-throws')).message).toMatch(/'keras-backend-factory-throws': createBackend\(\) failed: a thrown number \(42\)/);
  });

  it('a createBackend that never resolves gives up after the timeout', async () => {
    const err = await refusal('keras-backend-never', { timeoutMs: 200 });
    expect(err.message).toMatch(/setBackend: the backend 'keras-backend-never' did not start within 200 ms/);
  });

  it('start options that are not an object {timeoutMs} are a ConfigError, never ignored', async () => {
    expect((await refusal('reference', 5000 as never)).message).toBe("setBackend: argument 'options' must be an object {timeoutMs}, got 5000");
    expect((await refusal('reference', { timeout: 5000 } as never)).message).toBe("setBackend: argument 'options' has an unknown key 'timeout' (expected timeoutMs)");
  });

  it('names resolve from the working directory, never from the library\'s own folder', async () => {
    // './reference' exists next to the library's backends, not in the user's project
    expect((await refusal('./reference')).message).toMatch(/Unknown backend '.\/reference'/);
    expect((await refusal('../backends/reference')).message).toMatch(/Unknown backend/);
  });

  it('setBackend accepts keras.json\'s aliases: tensorflow is tfjs', async () => {
    await jest.isolateModulesAsync(async () => {
      const K = await import('../../src/index');
      await K.setBackend('tensorflow');
      expect(K.backend()).toBe('tfjs');
    });
  });
});
