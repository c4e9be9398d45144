/**
 * The package as a user gets it: `npm pack`, then `npm install` of the tarball
 * into a fresh project, offline (its one dependency, commander, comes from the npm
 * cache that the repository's own install filled). No engine is installed with it;
 * then the engines are linked in from this repository's node_modules, as an
 * `npm i` of them would place them. Tried there: require, import, strict
 * TypeScript (nodenext, no skipLibCheck), a training step, the clear error for a
 * missing engine, and the `keras-backend` command. are-the-types-wrong checks
 * the tarball's types (offline) for the root and every subpath.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, unknown>;
};
const ENGINE_PACKAGES = Object.keys(pkg.peerDependencies);
const TIMEOUT = 240000;

let tmp: string;
let project: string;
let home: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: { ...process.env, KERAS_HOME: home, KERAS_BACKEND: '', ...env }, encoding: 'utf8' });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The installed command, run through its bin link (which needs the shebang and the executable bit). */
function keras(args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return run(path.join(project, 'node_modules', '.bin', 'keras-backend'), args, project, env);
}

function nodeIn(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return ok(run(process.execPath, args, project, env), `node ${args.slice(0, 2).join(' ')}`);
}

/** Packages whose presence the test checks for itself: found in a node_modules above the project, they would be resolved from there. */
const SHADOWING = ['keras-backend-ts', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm', 'onnxruntime-node', 'onnx-proto'];

/** A node_modules folder above `dir` holding one of SHADOWING, which Node's resolution would find (so the project would not stand alone). */
function shadowingAbove(dir: string): string | undefined {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const found = SHADOWING.map((name) => path.join(d, 'node_modules', ...name.split('/'))).find((p) => fs.existsSync(p));
    if (found !== undefined) return found;
    if (path.dirname(d) === d) return undefined;
  }
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-packed-'));
  const stray = shadowingAbove(tmp);
  if (stray !== undefined) {
    throw new Error(`${stray} exists above the temporary folder ${tmp}: Node would resolve it from there, so this test cannot show that the installed package stands alone; remove it (or set TMPDIR elsewhere)`);
  }
  project = path.join(tmp, 'project');
  home = path.join(tmp, 'keras-home');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'a-user-project', version: '1.0.0', private: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // prepack rebuilds dist/ only if a source is newer than the last build
  ok(run(npm, ['pack', '--silent', '--pack-destination', tmp], root), 'npm pack');
  tarball = path.join(tmp, `keras-backend-ts-${pkg.version}.tgz`);
  ok(run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], project), 'npm install --offline of the tarball');
}, TIMEOUT);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the tarball', () => {
  const files = (): string[] => {
    const list: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else list.push(path.relative(path.join(project, 'node_modules', 'keras-backend-ts'), p).split(path.sep).join('/'));
      }
    };
    walk(path.join(project, 'node_modules', 'keras-backend-ts'));
    return list;
  };

  it('holds what users need: LICENSE, README, the build; no tests, sources or source maps', () => {
    const list = files();
    expect(list).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/src/index.mjs', 'dist/cli/main.js']));
    expect(list.filter((f) => /\.test\.|\.map$|^test\/|^src\/|\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.d.mts'))).toEqual([]);
    expect(fs.readFileSync(path.join(project, 'node_modules', 'keras-backend-ts', 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} keras-backend-ts contributors/);
  });

  it('installs no engine: only the package and its dependencies', () => {
    const top = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(top.sort()).toEqual(['keras-backend-ts', ...Object.keys(pkg.dependencies)].sort());
  });

  it('requires only its dependencies, its optional peer dependencies and Node built-ins', () => {
    const builtins = new Set(require('module').builtinModules as string[]);
    const allowed = new Set([...Object.keys(pkg.dependencies), ...ENGINE_PACKAGES]);
    const outside: string[] = [];
    for (const f of files().filter((x) => x.endsWith('.js') || x.endsWith('.mjs'))) {
      const text = fs.readFileSync(path.join(project, 'node_modules', 'keras-backend-ts', f), 'utf8');
      // The build is CommonJS (TypeScript compiles import() to require too); the .mjs faces import it.
      const pattern = f.endsWith('.mjs') ? /^import [^'"]* from (['"])([^'"]+)\1;$/gm : /\brequire\((['"])([^'"]+)\1\)/g;
      for (const m of text.matchAll(pattern)) {
        const spec = m[2];
        if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (allowed.has(name)) continue;
        outside.push(`${f}: ${spec}`);
      }
    }
    // The exceptions: benchmarks load tfjs-layers / TF.js's gradients when they happen to be installed (try/catch).
    expect(outside.sort()).toEqual(['dist/bench/hand-tfjs.js: @tensorflow/tfjs', 'dist/bench/lstm.js: @tensorflow/tfjs', 'dist/bench/mlp-step.js: @tensorflow/tfjs']);
    expect(fs.readFileSync(path.join(project, 'node_modules', 'keras-backend-ts', 'dist/bench/hand-tfjs.js'), 'utf8')).toMatch(
      /try \{\s*(\/\/[^\n]*\n\s*)?return require\('@tensorflow\/tfjs'\) !== undefined;\s*\}\s*catch/,
    );
    for (const bench of ['dist/bench/mlp-step.js', 'dist/bench/lstm.js']) {
      expect(fs.readFileSync(path.join(project, 'node_modules', 'keras-backend-ts', bench), 'utf8')).toMatch(
        /try \{\s*(\/\/[^\n]*\n\s*)?return require\('@tensorflow\/tfjs'\);\s*\}\s*catch/,
      );
    }
  });
});

describe('are-the-types-wrong on the tarball', () => {
  it('finds no problem for the root or any subpath, under node10, node16 (CommonJS and ESM) and bundler resolution', () => {
    const attwPkg = require.resolve('@arethetypeswrong/cli/package.json');
    const bin = path.join(path.dirname(attwPkg), (JSON.parse(fs.readFileSync(attwPkg, 'utf8')) as { bin: { attw: string } }).bin.attw);
    // Offline: the local tarball, and no look-up of @types packages on the registry.
    // Run from the temporary folder, so no .attw.json of the repository relaxes a rule.
    const r = run(process.execPath, [bin, tarball, '--no-definitely-typed', '--profile', 'strict', '--format', 'json'], tmp);
    const out = JSON.parse(r.stdout) as {
      problems?: Record<string, unknown[]>;
      analysis: {
        packageName: string;
        problems: unknown[];
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
    };
    expect(out.analysis.packageName).toBe('keras-backend-ts');
    expect(out.analysis.problems).toEqual([]);
    expect(Object.values(out.problems ?? {}).flat()).toEqual([]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Every subpath in "exports" was checked, in every resolution mode, and found its own declarations:
    // CommonJS ones for require (and node10), ES module ones for import and bundlers.
    expect(Object.keys(out.analysis.entrypoints).sort()).toEqual(Object.keys(pkg.exports).sort());
    for (const subpath of Object.keys(pkg.exports).filter((s) => s !== './package.json')) {
      const found = Object.fromEntries(Object.entries(out.analysis.entrypoints[subpath]?.resolutions ?? {}).map(([mode, x]) => [mode, x.resolution?.fileName.match(/\.d\.m?ts$/)?.[0]]));
      expect([subpath, found]).toEqual([subpath, { node10: '.d.ts', 'node16-cjs': '.d.ts', 'node16-esm': '.d.mts', bundler: '.d.mts' }]);
    }
  });
});

describe('in a new project without engines', () => {
  it('require() and import give K; the default backend is reference and trains; tfjs and onnx say what to install', () => {
    const script = `
      const { K } = require('keras-backend-ts');
      (async () => {
        await K.ready();
        const x = K.placeholder({ shape: [null, 2] });
        const w = K.variable([[0.5], [-0.25]]);
        const y = K.placeholder({ shape: [null, 1] });
        const loss = K.mean(K.square(K.subtract(K.dot(x, w), y)));
        const [g] = K.gradients(loss, [w]);
        const step = K.function([x, y], [loss], [K.update(w, K.subtract(w, K.multiply(g, 0.5)))]);
        const losses = [];
        for (let i = 0; i < 20; i++) losses.push(step([[[1, 0], [0, 1]], [[1], [2]]])[0].item());
        const errors = {};
        for (const b of ['tfjs', 'onnx']) {
          try { await K.setBackend(b); errors[b] = 'none'; } catch (e) { errors[b] = e.name + ': ' + e.message; }
        }
        console.log(JSON.stringify({ backend: K.backend(), first: losses[0], last: losses[19], errors }));
      })();`;
    const out = JSON.parse(nodeIn(['-e', script]));
    expect(out.backend).toBe('reference');
    // x = I: predictions w = [0.5, -0.25] against [1, 2]: loss = (0.25 + 5.0625) / 2. The
    // gradient is w - y, so a step of 0.5 halves the error: the loss falls 4x per step.
    expect(out.first).toBeCloseTo(2.65625, 6);
    expect(out.last).toBeCloseTo(2.65625 / 4 ** 19, 9);
    expect(out.last).toBeGreaterThan(0);
    expect(out.errors.tfjs).toBe(
      "ConfigError: The 'tfjs' backend needs packages that are optional peer dependencies of keras-backend-ts: @tensorflow/tfjs-core (not installed), @tensorflow/tfjs-backend-wasm (not installed). Install them with: npm i @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0",
    );
    expect(out.errors.onnx).toMatch(/^ConfigError: The 'onnx' backend needs .*Install them with: npm i onnxruntime-node@1\.30\.0 onnx-proto@8\.0\.1 .*ONNXRUNTIME_NODE_INSTALL=skip/);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'keras.json'), 'utf8')).backend).toBe('reference');
  });

  it('import (ES module): named exports, the default export, and the conformance subpath', () => {
    const out = nodeIn([
      '--input-type=module',
      '-e',
      `import K, { K as K2, sum, constant } from 'keras-backend-ts';
       import { runConformance, toJUnit } from 'keras-backend-ts/conformance';
       await K.ready();
       const r = await runConformance({ backends: ['reference'], functions: ['sum'] });
       console.log(JSON.stringify({ same: K === K2, s: K.eval(sum(constant([1, 2, 3]))).item(), rows: r.results.map((x) => x.status), junit: typeof toJUnit }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ same: true, s: 6, rows: ['pass'], junit: 'function' });
  });

  it('type-checks under strict TypeScript (nodenext, ESM and CommonJS files, no skipLibCheck, no @types/node)', () => {
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['*.mts', '*.cts'],
      }),
    );
    fs.writeFileSync(
      path.join(project, 'use.mts'),
      `import K, { constant, sum } from 'keras-backend-ts';
       import { runConformance } from 'keras-backend-ts/conformance';
       await K.ready();
       const s: number = K.eval(sum(constant([1, 2, 3]))).item();
       const r = await runConformance({ backends: ['reference'], functions: ['sum'] });
       export const out: [number, string | undefined] = [s, r.results[0]?.status];
       // The README's example, as written there.
       const x = K.placeholder({ shape: [null, 4] });
       const w = K.randomNormalVariable([4, 2], 0, 0.1, { seed: 1 });
       const y = K.placeholder({ shape: [null, 2] });
       const loss = K.mean(K.square(K.subtract(K.dot(x, w), y)));
       const [g] = K.gradients(loss, [w], { unconnected: 'zero' });
       const step = K.function([x, y], [loss], [K.update(w, K.subtract(w, K.multiply(g, 0.1)))]);
       const [l] = step([[[1, 2, 3, 4]], [[0, 1]]]);
       export const readme: [number, unknown] = [l.item(), K.eval(w).toArray()];
       // @ts-expect-error a string is not a tensor
       K.dot('not a tensor', { foo: 1 });\n`,
    );
    fs.writeFileSync(
      path.join(project, 'use.cts'),
      `import { K } from 'keras-backend-ts';
       import type { ConformanceReport } from 'keras-backend-ts/conformance';
       export const b: string = K.backend();
       export type R = ConformanceReport;\n`,
    );
    const r = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs the command: info, conformance with JUnit, demo', () => {
    const info = keras(['info']);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/^\* reference /m);
    expect(info.stdout).toMatch(/^ {2}tfjs .*not installed: npm i @tensorflow\/tfjs-core@4\.22\.0 @tensorflow\/tfjs-backend-wasm@4\.22\.0$/m);
    const junit = path.join(tmp, 'ref.xml');
    const conf = keras(['conformance', '-b', 'reference', '-f', 'sum,tanh', '--junit', junit, '--no-progress']);
    expect(conf.status).toBe(0);
    expect(fs.readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(2);
    // Without -b: the backends whose engine is installed (here reference alone), naming the others.
    const byDefault = keras(['conformance', '-f', 'sum', '--no-progress']);
    expect(byDefault.stdout).toContain("(not running 'tfjs': its engine is not installed; npm i @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0)\n");
    expect(byDefault.stdout).toContain("(not running 'onnx': its engine is not installed; npm i onnxruntime-node@1.30.0 onnx-proto@8.0.1)\n");
    expect(byDefault.stdout).toMatch(/^Totals \(1 runs in [\d.]+ s\):\nreference: pass 1,/m);
    expect(byDefault.status).toBe(0);
    const demo = keras(['demo']);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("Using the 'reference' backend");
  });
});

describe('in a new project with the engines installed', () => {
  beforeAll(() => {
    // As `npm i <engine packages>` would place them (their own dependencies resolve from where they really are).
    for (const name of ENGINE_PACKAGES) {
      const link = path.join(project, 'node_modules', ...name.split('/'));
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.join(root, 'node_modules', ...name.split('/')), link, 'dir');
    }
  });

  it('info lists every engine with its version and dtypes', () => {
    const r = keras(['info', '--json', '--no-start']);
    expect(r.status).toBe(0);
    const engines = Object.fromEntries((JSON.parse(r.stdout).engines as { backend: string; installed: boolean; dtypes: string[]; packages: Record<string, string> }[]).map((e) => [e.backend, e]));
    expect(engines.tfjs).toMatchObject({ installed: true, dtypes: ['float32', 'int32', 'bool'], packages: { '@tensorflow/tfjs-core': '4.22.0' } });
    expect(engines.onnx).toMatchObject({ installed: true, packages: { 'onnxruntime-node': '1.30.0', 'onnx-proto': '8.0.1' } });
    expect(engines.onnx.dtypes).toContain('float64');
  });

  it('conformance --junit, then --baseline against that run: no regression, exit 0', () => {
    const json = path.join(tmp, 'engines.json');
    const junit = path.join(tmp, 'engines.xml');
    const first = keras(['conformance', '-b', 'tfjs,onnx', '-f', 'tanh,dot', '--json', json, '--junit', junit, '--no-progress']);
    expect(first.status).toBe(0);
    expect(fs.readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(4);
    const second = keras(['conformance', '-b', 'onnx', '-f', 'tanh', '--baseline', json, '--no-progress']);
    expect(second.stdout).toContain('no regressions');
    expect(second.status).toBe(0);
  });

  it("runs the example backend (examples/backend-float32, its own package) through the published conformance runner", () => {
    const example = path.join(project, 'node_modules', 'keras-backend-float32-example');
    fs.cpSync(path.join(root, 'examples', 'backend-float32'), example, {
      recursive: true,
      filter: (src) => !/[\\/](dist|node_modules)$/.test(src) && !src.endsWith('conformance-report.md'),
    });
    // Built against the installed package's types only (strict, node16 resolution).
    const tsc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], example);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // Its own script: the whole suite through runConformanceVerdict.
    const all = run(process.execPath, ['conformance.js'], example);
    expect(all.stderr).toBe('');
    // every catalogue function, on the one backend
    const rows = fs.readFileSync(path.join(root, 'conformance', 'catalogue.tsv'), 'utf8').trim().split('\n').length - 1;
    expect(all.stdout).toMatch(new RegExp(`^PASS: ${rows} \\(function, backend\\) rows, none failed or missing; 1 known failures \\(xfail\\)$`, 'm'));
    // The marked known failure, and why.
    const md = fs.readFileSync(path.join(example, 'conformance-report.md'), 'utf8');
    expect(md).toMatch(/`round`.*xfail/);
    // Without the mark, round fails the command (the same package named as the backend module).
    const unmarked = keras(['conformance', '-b', 'keras-backend-float32-example', '-f', 'round', '--no-progress']);
    expect(unmarked.status).toBe(1);
    expect(unmarked.stdout).toMatch(/^round +FAIL$/m);
    expect(all.status).toBe(0);
    // The command, naming the package as the backend module.
    const junit = path.join(tmp, 'example.xml');
    const cmd = keras(['conformance', '-b', 'keras-backend-float32-example', '-f', 'tanh,exp,sum,cast', '--junit', junit, '--no-progress']);
    expect(cmd.status).toBe(0);
    expect(fs.readFileSync(junit, 'utf8').match(/<testcase classname="keras.backend.keras-backend-float32-example"/g)).toHaveLength(4);
  });

  it('bench prints its table and draws the chart; demo trains on onnx', () => {
    const svg = path.join(tmp, 'bench.svg');
    const bench = keras(['bench', '--only', 'eager-ops', '-b', 'reference,onnx', '--svg', svg, '--no-progress']);
    expect(bench.stderr).toBe('');
    expect(bench.status).toBe(0);
    expect(bench.stdout).toMatch(/K on 'onnx': multiply\(add\(c, c\), c\) +[\d.]+ us/);
    const chart = fs.readFileSync(svg, 'utf8');
    expect(chart).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // one bar each: the raw TF.js program, reference, onnx
    expect(chart.match(/<rect x=/g)).toHaveLength(3);
    const demo = keras(['demo', '--backend', 'onnx']);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain("Using the 'onnx' backend");
  });
});
