/**
 * The suite convicts a wrong backend: backends written to be wrong (the reference
 * backend with one kernel changed, registered through the public registerBackend)
 * get `fail` from the exported runner, the verdict fails, and the command exits
 * non-zero. Only a lack the backend declares (a dtype outside its `dtypes`) counts
 * as `unsupported`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as K from '../src/index';
import { Backend, DType, HostArray, registerBackend, UnsupportedError } from '../src/index';
import { checkBackend } from '../src/backends/kit';
import { createReferenceBackend } from '../src/backends/reference';
import type { RefValue } from '../src/backends/reference';
import { allSpecs, ConformanceReport, ErrorCase, runConformance, runConformanceVerdict, runErrorCase, verdict } from '../conformance';

/** The reference backend under another name, with some kernels replaced. */
function wrapped(name: string, change: (ref: Backend<RefValue>) => Partial<Backend<RefValue>['kernels']>, dtypes?: DType[]): Backend<RefValue> {
  const ref = createReferenceBackend();
  return { ...ref, name, dtypes: dtypes ? new Set(dtypes) : ref.dtypes, kernels: { ...ref.kernels, ...change(ref) } };
}

/** tanh's kernel output multiplied by 1 + 1e-4. */
const tanhOff = (ref: Backend<RefValue>): Partial<Backend<RefValue>['kernels']> => ({
  tanh: (inputs, attrs, out) => {
    const y = ref.kernels.tanh(inputs, attrs, out);
    const host = ref.toHost(y) as HostArray; // tanh gives floats
    for (let i = 0; i < host.length; i++) host[i] *= 1 + 1e-4;
    return ref.fromHost(host, ref.shapeOf(y), out.dtype);
  },
});

registerBackend('verdict-cumprod-unsupported', () =>
  wrapped('verdict-cumprod-unsupported', () => ({
    cumprod: () => {
      throw new UnsupportedError('cumprod is not available here', 'verdict-cumprod-unsupported', 'cumprod');
    },
  })),
);
registerBackend('verdict-tanh-off', () => wrapped('verdict-tanh-off', tanhOff));
// Declares float32 only: its float64 runs are a declared lack; but a kernel raising
// UnsupportedError for float32, which it declares, is a failure.
registerBackend('verdict-float32-only', () =>
  wrapped('verdict-float32-only', () => ({}), ['float32', 'int32', 'bool']),
);
registerBackend('verdict-float64-claimed', () =>
  wrapped('verdict-float64-claimed', (ref) => ({
    exp: (inputs, attrs, out) => {
      if (out.dtype === 'float64') throw new UnsupportedError("The backend does not support dtype float64", 'verdict-float64-claimed', 'dtype float64');
      return ref.kernels.exp(inputs, attrs, out);
    },
  })),
);

/**
 * The reference backend whose native convolution kernels (the forward one and its two
 * gradients) refuse 3-D data with an UnsupportedError for the feature 'conv3d';
 * `declare`: it says so in `unsupported`.
 */
function noConv3d(name: string, declare: boolean): Backend<RefValue> {
  const ref = createReferenceBackend();
  const composites = ref.composites ?? {};
  const { conv, convInputGrad, convFilterGrad } = composites;
  if (conv === undefined || convInputGrad === undefined || convFilterGrad === undefined) throw new Error('the reference backend has native convolution kernels');
  const refuse3d = (x: RefValue): void => {
    if (ref.shapeOf(x).length === 5) throw new UnsupportedError(`The '${name}' backend has no 3-D convolution`, name, 'conv3d');
  };
  return {
    ...ref,
    name,
    ...(declare ? { unsupported: { features: ['conv3d'], reason: 'no 3-D convolution in this engine' } } : {}),
    composites: {
      ...composites,
      conv: (inputs, attrs, out) => (refuse3d(inputs[0]), conv(inputs, attrs, out)),
      convInputGrad: (inputs, attrs, out) => (refuse3d(inputs[0]), convInputGrad(inputs, attrs, out)),
      convFilterGrad: (inputs, attrs, out) => (refuse3d(inputs[0]), convFilterGrad(inputs, attrs, out)),
    },
  };
}
registerBackend('verdict-no-conv3d', () => noConv3d('verdict-no-conv3d', true));
registerBackend('verdict-conv3d-undeclared', () => noConv3d('verdict-conv3d-undeclared', false));
// Declares the primitive cumprod lacking; its kernel is wrong on purpose, to show it never runs.
registerBackend('verdict-no-cumprod', () => ({
  ...wrapped('verdict-no-cumprod', (ref) => ({
    cumprod: (inputs, attrs, out) => {
      const y = ref.kernels.cumprod(inputs, attrs, out);
      const host = ref.toHost(y) as HostArray; // the cases' cumprods are of numbers
      for (let i = 0; i < host.length; i++) host[i] *= 2;
      return ref.fromHost(host, ref.shapeOf(y), out.dtype);
    },
  })),
  unsupported: { features: ['cumprod'], reason: 'no running products here' },
}));

describe('a backend that declares missing features', () => {
  it('gets unsupported for a feature its kernels raise and it declares, fail when it does not declare it', async () => {
    const { report, verdict: v } = await runConformanceVerdict({ backends: ['verdict-no-conv3d', 'verdict-conv3d-undeclared'], functions: ['conv3d', 'conv2d'] });
    const row = (fn: string, b: string) => report.results.find((r) => r.function === fn && r.backend === b);
    // Every run that computes raised the declared lack; the error cases and a case that
    // only infers a static shape passed: the row passes, the unsupported runs counted apart.
    expect(row('conv3d', 'verdict-no-conv3d')?.status).toBe('pass');
    expect(row('conv3d', 'verdict-no-conv3d')?.message).toMatch(/^\d+ runs and 0 gradient checks passed; \d+ of \d+ runs unsupported, declared by the backend \(The 'verdict-no-conv3d' backend has no 3-D convolution\)$/);
    expect(row('conv2d', 'verdict-no-conv3d')?.status).toBe('pass');
    expect(row('conv3d', 'verdict-conv3d-undeclared')?.status).toBe('fail');
    expect(row('conv3d', 'verdict-conv3d-undeclared')?.message).toMatch(
      /threw UnsupportedError: The 'verdict-conv3d-undeclared' backend has no 3-D convolution, but the 'verdict-conv3d-undeclared' backend does not declare lacking this \(it declares dtypes [a-z0-9, ]+ and no missing feature\)/,
    );
    expect(row('conv2d', 'verdict-conv3d-undeclared')?.status).toBe('pass');
    // Only the undeclared lack fails the verdict; the declared one is counted apart.
    expect(v.failing.map((r) => `${r.function}@${r.backend}`)).toEqual(['conv3d@verdict-conv3d-undeclared']);
    const declaredOnly = await runConformanceVerdict({ backends: ['verdict-no-conv3d'], functions: ['conv3d', 'conv2d'] });
    expect(declaredOnly.verdict.exitCode).toBe(0);
  });

  it('gets a declared primitive refused by the library before its kernel runs, with the reason', async () => {
    await K.setBackend('verdict-no-cumprod');
    try {
      expect(K.backendUnsupported()).toEqual({ features: ['cumprod'], reason: 'no running products here' });
      let thrown: unknown;
      try {
        K.cumprod(K.constant([1, 2, 3]));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UnsupportedError);
      expect((thrown as Error).message).toBe("The 'verdict-no-cumprod' backend does not support the primitive 'cumprod' (no running products here)");
      expect((thrown as UnsupportedError).feature).toBe('cumprod');
      // In a graph too: refused when built on this backend.
      const p = K.placeholder({ shape: [null] });
      expect(() => K.cumprod(p)).toThrow("The 'verdict-no-cumprod' backend does not support the primitive 'cumprod' (no running products here)");
      expect(K.eval(K.cumsum(K.constant([1, 2, 3]))).toArray()).toEqual([1, 3, 6]);
    } finally {
      await K.setBackend('reference');
    }
    const report = await runConformance({ backends: ['verdict-no-cumprod'], functions: ['cumprod', 'cumsum'] });
    const [cumsum, cumprod] = ['cumsum', 'cumprod'].map((f) => report.results.find((r) => r.function === f));
    expect(cumprod?.status).toBe('unsupported');
    expect(cumprod?.message).toMatch(/^every value and gradient run raised UnsupportedError for a declared lack \(The 'verdict-no-cumprod' backend does not support the primitive 'cumprod' \(no running products here\)\); its \d+ error cases passed$/);
    expect(cumsum?.status).toBe('pass');
  });

  it('is checked when the backend is loaded', () => {
    const ref = createReferenceBackend();
    expect(() => checkBackend({ ...ref, unsupported: { features: ['conv3d'] } }, 'test backend')).toThrow(/'unsupported' must be \{ features: non-empty strings, reason: a non-empty string \}/);
    expect(checkBackend({ ...ref, unsupported: { features: ['conv3d'], reason: 'none' } }, 'test backend').unsupported?.features).toEqual(['conv3d']);
  });
});

describe('a backend written to be wrong', () => {
  it('fails cumprod when a kernel raises UnsupportedError for a dtype it declares, and tanh off by 1e-4', async () => {
    const { report, verdict: v } = await runConformanceVerdict({
      backends: ['verdict-cumprod-unsupported', 'verdict-tanh-off'],
      functions: ['cumprod', 'tanh', 'sum'],
    });
    const row = (fn: string, b: string) => report.results.find((r) => r.function === fn && r.backend === b);
    expect(row('cumprod', 'verdict-cumprod-unsupported')?.status).toBe('fail');
    expect(row('cumprod', 'verdict-cumprod-unsupported')?.message).toMatch(/UnsupportedError: cumprod is not available here, but the 'verdict-cumprod-unsupported' backend does not declare lacking this/);
    expect(row('tanh', 'verdict-tanh-off')?.status).toBe('fail');
    expect(row('tanh', 'verdict-tanh-off')?.message).toMatch(/values: \d+ of \d+ differ/);
    // The functions the wrong kernel does not touch pass.
    expect(row('tanh', 'verdict-cumprod-unsupported')?.status).toBe('pass');
    expect(row('cumprod', 'verdict-tanh-off')?.status).toBe('pass');
    expect(row('sum', 'verdict-tanh-off')?.status).toBe('pass');
    expect(v.ok).toBe(false);
    expect(v.exitCode).toBe(1);
    expect(v.failing.map((r) => `${r.function}@${r.backend}`).sort()).toEqual(['cumprod@verdict-cumprod-unsupported', 'tanh@verdict-tanh-off']);
    expect(v.summary).toMatch(/^FAIL: 2 \(function, backend\) rows failed and 0 are missing/);
  });

  it('counts a declared lack as unsupported, and an undeclared one as a failure', async () => {
    const report = await runConformance({ backends: ['verdict-float32-only', 'verdict-float64-claimed'], functions: ['exp'] });
    const [only, claimed] = report.results.filter((r) => r.function === 'exp');
    expect(only.status).toBe('pass');
    expect(only.message).toMatch(/runs unsupported, declared by the backend \(The 'verdict-float32-only' backend does not support dtype float64/);
    expect(claimed.status).toBe('fail');
    expect(claimed.message).toMatch(/does not declare lacking this \(it declares dtypes float16, float32, float64, int8, int16, int32, int64, uint8, uint16, bool and no missing feature\)/);
    expect(verdict(report).exitCode).toBe(1);
  });
});

describe('the verdict', () => {
  const row = (fn: string, status: 'pass' | 'fail' | 'unsupported' | 'missing', message = '') => ({
    function: fn,
    backend: 'b',
    status,
    cases: 0,
    gradientCases: 0,
    maxAbsError: 0,
    message,
  });
  const report = (...results: ConformanceReport['results']): ConformanceReport => ({ backends: ['b'], results });

  it('passes with pass, unsupported, and rows a functions filter left out', () => {
    const v = verdict(report(row('sum', 'pass'), row('mean', 'unsupported'), row('max', 'missing', 'not selected (functions filter)')));
    expect([v.ok, v.exitCode, v.failing.length, v.unsupported.length]).toEqual([true, 0, 0, 1]);
    expect(v.summary).toMatch(/^PASS: 2 \(function, backend\) rows/);
  });

  it('fails on a missing function (no cases) that no filter left out', () => {
    const v = verdict(report(row('sum', 'pass'), row('mean', 'missing', 'no conformance cases for mean')));
    expect([v.ok, v.exitCode]).toEqual([false, 1]);
    expect(v.failing.map((r) => r.function)).toEqual(['mean']);
    expect(v.summary).toMatch(/^FAIL: 0 \(function, backend\) rows failed and 1 are missing/);
  });

  it('fails on a failed function', () => {
    expect(verdict(report(row('sum', 'fail', 'got 2, expected 3'))).exitCode).toBe(1);
  });
});

describe('an error case', () => {
  beforeAll(async () => {
    await K.setBackend('reference');
  });
  const call: ErrorCase['run'] = (k) => k.sum(k.constant([[1, 2]]), 2);
  const whole = "sum: argument 'axis' is 2, out of range for a tensor of rank 2 (expected -2 to 1)";
  const status = (ec: ErrorCase): string => runErrorCase(K, ec).status;

  it('passes with the whole message, as a string or an anchored RegExp', () => {
    expect(status({ name: 's', run: call, error: 'KerasValueError', message: whole })).toBe('pass');
    expect(status({ name: 'r', run: call, error: 'KerasValueError', message: /^sum: argument 'axis' is \d+, out of range for a tensor of rank 2 \(expected -2 to 1\)$/ })).toBe('pass');
  });

  it('fails with part of the message, another message, or another class (a subclass too)', () => {
    const partial = runErrorCase(K, { name: 'p', run: call, error: 'KerasValueError', message: /sum: argument 'axis'/ });
    expect(partial.status).toBe('fail');
    expect(partial.message).toMatch(/does not state the whole message/);
    expect(status({ name: 'start', run: call, error: 'KerasValueError', message: /^sum: argument 'axis'/ })).toBe('fail');
    expect(status({ name: 'other', run: call, error: 'KerasValueError', message: whole.replace('rank 2', 'rank 3') })).toBe('fail');
    expect(status({ name: 'prefix', run: call, error: 'KerasValueError', message: whole.slice(0, -1) })).toBe('fail');
    expect(status({ name: 'base class', run: call, error: 'KerasError', message: whole })).toBe('fail');
    const shape: ErrorCase['run'] = (k) => k.add(k.constant([1, 2]), k.constant([1, 2, 3]));
    const shapeMessage = "add: arguments 'x' (shape [2]) and 'y' (shape [3]) do not broadcast together";
    expect(status({ name: 'subclass', run: shape, error: 'KerasValueError', message: shapeMessage })).toBe('fail');
    expect(status({ name: 'exact class', run: shape, error: 'KerasShapeError', message: shapeMessage })).toBe('pass');
  });

  it('of the suite states the whole message, every one', () => {
    const partial: string[] = [];
    let n = 0;
    for (const spec of allSpecs()) {
      for (const ec of spec.errorCases) {
        n++;
        const m = ec.message;
        if (typeof m !== 'string' && !(m.source.startsWith('^') && m.source.endsWith('$'))) partial.push(`${spec.kerasName}: ${ec.name} ${String(m)}`);
      }
    }
    expect(partial).toEqual([]);
    expect(n).toBeGreaterThan(600);
  });
});

describe('the conformance command', () => {
  const root = path.join(__dirname, '..');
  const cli = path.join(root, 'dist', 'cli', 'main.js');
  const run = (args: string[]): { code: number; out: string } => {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (\`npm test\` does)`);
    try {
      const out = execFileSync(process.execPath, [cli, 'conformance', '--no-progress', ...args], { cwd: path.join(__dirname, 'fixtures'), encoding: 'utf8', stdio: 'pipe' });
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it('exits 1 when a function fails on a backend module written to be wrong', () => {
    const { code, out } = run(['--backend', 'keras-backend-wrong', '--function', 'tanh', '--function', 'cumprod']);
    expect(out).toMatch(/^tanh +FAIL/m);
    expect(out).toMatch(/^cumprod +FAIL/m);
    expect(out).toMatch(/FAIL: 2 \(function, backend\) rows failed/);
    expect(code).toBe(1);
  });

  it('exits 0 when every selected function passes', () => {
    const { code, out } = run(['--backend', 'keras-backend-wrong', '--function', 'sum']);
    expect(out).toMatch(/PASS: 1 \(function, backend\) rows/);
    expect(code).toBe(0);
  });
});
