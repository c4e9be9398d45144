/**
 * The `keras-backend` command, run from the build (dist/, made by `npm run build`,
 * which `npm test` runs first) as a user runs it: parser, exit statuses, info,
 * conformance reports (JUnit XML, baseline comparison) and a deliberately wrong
 * backend (test/fixtures/node_modules/keras-backend-wrong).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'dist', 'cli', 'main.js');
const fixtures = path.join(root, 'test', 'fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function installedVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

let tmp: string;
beforeAll(() => {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first (npm test does)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the parser', () => {
  it('lists the four commands under --help and exits 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['info', 'conformance', 'bench', 'demo']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('refuses an unknown option or command with exit status 2', () => {
    expect(cli(['conformance', '--no-such-option']).code).toBe(2);
    expect(cli(['no-such-command']).code).toBe(2);
    const r = cli(['conformance', '-f', 'no_such_function']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown function name(s): no_such_function');
  });
});

describe('info', () => {
  it('names the backend, why, the settings and each engine with its installed versions', () => {
    const home = fs.mkdtempSync(path.join(tmp, 'home-'));
    fs.writeFileSync(path.join(home, 'keras.json'), JSON.stringify({ backend: 'onnx', floatx: 'float64', epsilon: 0.001, tfjs: { threads: 3 } }));
    const fromFile = cli(['info', '--json', '--no-start'], { env: { KERAS_HOME: home, KERAS_BACKEND: '' } });
    expect(fromFile.code).toBe(0);
    const info = JSON.parse(fromFile.stdout);
    expect(info.backend).toMatchObject({ name: 'onnx', origin: 'file', started: null });
    expect(info.backend.why).toContain(path.join(home, 'keras.json'));
    expect([info.floatx, info.epsilon, info.imageDataFormat]).toEqual(['float64', 0.001, 'channels_last']);
    const engines = Object.fromEntries(info.engines.map((e: { backend: string }) => [e.backend, e]));
    expect(Object.keys(engines)).toEqual(['reference', 'tfjs', 'onnx']);
    expect(engines.tfjs.packages).toEqual({
      '@tensorflow/tfjs-core': installedVersion('@tensorflow/tfjs-core'),
      '@tensorflow/tfjs-backend-wasm': installedVersion('@tensorflow/tfjs-backend-wasm'),
    });
    expect(engines.onnx.packages['onnxruntime-node']).toBe(installedVersion('onnxruntime-node'));
    // TF.js has no float64; the reference and ONNX Runtime backends compute in it.
    expect(engines.tfjs.dtypes).toEqual(['float32', 'int32', 'bool']);
    expect(engines.reference.dtypes).toContain('float64');
    expect(engines.onnx.dtypes).toContain('float64');
    // keras.json's engine objects, the missing fields defaulted
    expect(info.engineSettings.tfjs).toEqual({ threads: 3 });
    expect(info.engineSettings.onnx).toMatchObject({ intraOpNumThreads: 0, graphOptimizationLevel: 'all', threadedSessions: 4 });

    const fromEnv = cli(['info'], { env: { KERAS_HOME: home, KERAS_BACKEND: 'reference' } });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toMatch(/^backend +reference +\(from the environment variable KERAS_BACKEND=reference/m);
    expect(fromEnv.stdout).toMatch(/^started +yes/m);
    expect(fromEnv.stdout).toMatch(/^  tfjs +threads 3$/m);
  });

  it('exits 1 and says why when the backend in use does not start', () => {
    const r = cli(['info'], { env: { KERAS_HOME: tmp, KERAS_BACKEND: 'keras-backend-incomplete' }, cwd: fixtures });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^started +NO: ConfigError: /m);
  });
});

describe('conformance', () => {
  const env = { KERAS_HOME: tmp };

  it('runs only the functions asked for, writes JUnit XML with one test case per function and backend, exits 0', () => {
    const junit = path.join(tmp, 'ok.xml');
    const json = path.join(tmp, 'ok.json');
    const r = cli(['conformance', '-b', 'reference', '-f', 'abs', '--function', 'tanh', '--junit', junit, '--json', json, '--no-progress'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(report.results.map((x: { function: string; status: string }) => [x.function, x.status])).toEqual([
      ['abs', 'pass'],
      ['tanh', 'pass'],
    ]);
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('<testsuite name="keras.backend conformance on reference" tests="2" failures="0" errors="0" skipped="0">');
    expect(xml).not.toContain('<failure');
  });

  it('fails (exit 1) on a wrong backend, with a JUnit failure for that function only, and reports the regression against a baseline', () => {
    const baseline = path.join(tmp, 'baseline.json');
    fs.writeFileSync(
      baseline,
      JSON.stringify({
        backends: ['keras-backend-wrong'],
        results: [
          { function: 'abs', backend: 'keras-backend-wrong', status: 'fail', cases: 0, gradientCases: 0, maxAbsError: 0, message: '' },
          { function: 'tanh', backend: 'keras-backend-wrong', status: 'pass', cases: 0, gradientCases: 0, maxAbsError: 0, message: '' },
        ],
      }),
    );
    const junit = path.join(tmp, 'wrong.xml');
    const r = cli(['conformance', '-b', 'keras-backend-wrong', '-f', 'tanh,abs', '--junit', junit, '--baseline', baseline, '--no-progress'], {
      env,
      cwd: fixtures,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^tanh +FAIL$/m);
    expect(r.stdout).toMatch(/^abs +pass$/m);
    expect(r.stdout).toContain('REGRESSED tanh on keras-backend-wrong: pass -> fail');
    expect(r.stdout).toContain('improved  abs on keras-backend-wrong: fail -> pass');
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(/<testcase classname="keras.backend.keras-backend-wrong" name="tanh">\n\s+<failure type="fail" message="[^"]*got /);
  });

  it('refuses a baseline that is not a report before running anything (exit 2)', () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"results": 3}');
    const r = cli(['conformance', '--baseline', bad], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a conformance report');
    expect(r.stdout).toBe('');
  });
});

describe('bench and demo', () => {
  it('refuses an unknown benchmark or demo (exit 2)', () => {
    expect(cli(['bench', '--only', 'no-such-bench']).code).toBe(2);
    expect(cli(['demo', 'no-such-demo']).code).toBe(2);
  });

  it('demo trains the MLP on the backend asked for', () => {
    const r = cli(['demo', '--backend', 'reference'], { env: { KERAS_HOME: tmp } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Using the 'reference' backend");
    const m = /loss ([\d.]+) -> ([\d.]+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m?.[2])).toBeLessThan(Number(m?.[1]));
  });
});

describe("info shows the tfjs threads a keras.json setting gives", () => {
  it('a count above the threaded binary\'s 8 is shown with the 8 used', () => {
    const home = fs.mkdtempSync(path.join(tmp, 'threads-home-'));
    fs.writeFileSync(path.join(home, 'keras.json'), JSON.stringify({ tfjs: { threads: 12 } }));
    const r = cli(['info'], { env: { KERAS_HOME: home, KERAS_BACKEND: 'reference' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  tfjs +threads 12 \(8 used: the threaded binary's most\)$/m);
  });
});

describe('a keras.json the library refuses', () => {
  it('is reported as the ConfigError it is, naming the file and the field, with exit status 2 (not a crash)', () => {
    const home = fs.mkdtempSync(path.join(tmp, 'bad-home-'));
    const file = path.join(home, 'keras.json');
    fs.writeFileSync(file, JSON.stringify({ tfjs: { threads: 'many' } }));
    const r = cli(['info'], { env: { KERAS_HOME: home, KERAS_BACKEND: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`keras-backend: ConfigError: ${file}: field 'tfjs.threads' must be an integer from 0 to 64, got "many"\n`);
  });
});
