/**
 * The tfjs backend starts tfjs-backend-wasm's threaded binary in Node (see
 * src/backends/tfjs/wasm-threads.ts): one XNNPACK thread per core by default, one
 * with keras.json's `"tfjs": {"threads": 1}`. Each case is a fresh process over the
 * built library (the wasm engine is started once per process), killed after 60 s:
 * the process must end by itself (the pool's workers do not hold it), the start
 * must put back what it stood in for (Blob, URL.createObjectURL, os.cpus) and
 * leave V8's ArrayBuffer-detaching protector intact (a Blob made by Node
 * invalidates it and slows every typed-array loop in the process by about 25%);
 * when the threaded engine cannot start, the single-threaded one does, with a warning.
 */
import * as os from 'os';
import * as path from 'path';
import { coreCount } from '../../src/backends/cores';
import { builtIndex, requireBuilt, runBuilt } from '../helpers/built-child';

const builtEngine = path.join(path.dirname(builtIndex), 'backends', 'tfjs', 'engine.js');

/**
 * The child's script: optionally writes keras.json, starts tfjs, makes Blobs of its
 * own on every turn of the event loop while tfjs starts, and checks a 96x300 . 300x80
 * product (large enough for XNNPACK to split it over threads) against a float64 loop.
 */
function script(kerasJson: string | null, preamble = ''): string {
  return `
    require('v8').setFlagsFromString('--trace-protector-invalidation');
    ${preamble}
    const fs = require('fs'), os = require('os'), path = require('path');
    ${kerasJson === null ? '' : `fs.writeFileSync(path.join(process.env.KERAS_HOME, 'keras.json'), ${JSON.stringify(kerasJson)});`}
    const RealBlob = globalThis.Blob, makeUrl = URL.createObjectURL, cpus = os.cpus;
    let userBlobs = 0, realBlobs = 0, starting = true;
    const tick = () => {
      if (!starting) return;
      const b = new Blob(['abc']);
      userBlobs++;
      if (b instanceof RealBlob && b.size === 3) realBlobs++;
      setImmediate(tick);
    };
    tick();
    (async () => {
      await K.setBackend('tfjs');
      starting = false;
      const { engineThreads } = require(${JSON.stringify(builtEngine)});
      const M = 96, N = 300, P = 80;
      const a = Float32Array.from({ length: M * N }, (_, i) => Math.sin(i * 0.37));
      const b = Float32Array.from({ length: N * P }, (_, i) => Math.cos(i * 0.11));
      const got = K.eval(K.dot(K.constant(a, { shape: [M, N] }), K.constant(b, { shape: [N, P] }))).data;
      let worst = 0;
      for (let i = 0; i < M; i++) for (let j = 0; j < P; j++) {
        let s = 0;
        for (let k = 0; k < N; k++) s += a[i * N + k] * b[k * P + j];
        worst = Math.max(worst, Math.abs(got[i * P + j] - s));
      }
      console.log(JSON.stringify({
        threads: engineThreads(),
        worst,
        putBack: globalThis.Blob === RealBlob && URL.createObjectURL === makeUrl && os.cpus === cpus,
        cpus: os.cpus().length,
        userBlobs, realBlobs,
      }));
    })().catch((e) => console.log('failed', e && e.stack));`;
}

interface ChildReport {
  threads: number;
  worst: number;
  putBack: boolean;
  cpus: number;
  userBlobs: number;
  realBlobs: number;
}

/** Runs the script; its report and every line it printed. */
function run(kerasJson: string | null, preamble = ''): { report: ChildReport; lines: string[]; stderr: string; status: number | null; signal: string | null } {
  const r = runBuilt(script(kerasJson, preamble), { ...process.env, KERAS_BACKEND: 'tfjs' });
  const lines = r.stdout.trim().split('\n');
  const last = lines.filter((l) => l.startsWith('{')).pop();
  if (last === undefined) throw new Error(`the child printed no report:\n${r.stdout}\n${r.stderr}`);
  return { report: JSON.parse(last) as ChildReport, lines, stderr: r.stderr, status: r.status, signal: r.signal };
}

describe('tfjs wasm threads', () => {
  beforeAll(requireBuilt);

  it('default: one thread per core (at most 8), products right, the process exits by itself', () => {
    const r = run(null);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.report.threads).toBe(Math.min(coreCount(), 8));
    expect(r.report.worst).toBeLessThan(1e-3);
    expect(r.report.putBack).toBe(true);
    expect(r.report.cpus).toBe(os.cpus().length);
  });

  it('the Blobs others make while tfjs starts are real ones', () => {
    const { report } = run(null);
    expect(report.userBlobs).toBeGreaterThan(0);
    expect(report.realBlobs).toBe(report.userBlobs);
  });

  it("a user's own stack formatting and limit change nothing (and are left as they were)", () => {
    const preamble = `
      const prepare = () => 42;
      Error.prepareStackTrace = prepare;
      Error.stackTraceLimit = 0;
      process.on('exit', () => console.log(Error.prepareStackTrace === prepare && Error.stackTraceLimit === 0 ? 'kept' : 'changed'));`;
    const r = run(null, preamble);
    expect(r.status).toBe(0);
    expect(r.report.threads).toBe(Math.min(coreCount(), 8));
    expect(r.report.realBlobs).toBe(r.report.userBlobs);
    expect(r.lines[r.lines.length - 1]).toBe('kept');
  });

  it('a threaded engine that cannot start: the single-threaded one, right products, and one warning saying why', () => {
    // The threaded build's worker script is hidden from the start-up's file check.
    const preamble = `
      const fsx = require('fs'), existsSync = fsx.existsSync;
      fsx.existsSync = (f) => !String(f).endsWith('threaded-simd.worker.js') && existsSync(f);`;
    const r = run(null, preamble);
    expect(r.status).toBe(0);
    expect(r.report.threads).toBe(1);
    expect(r.report.worst).toBeLessThan(1e-3);
    expect(r.report.putBack).toBe(true);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('KERAS_TFJS_ONE_THREAD'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('the threaded wasm engine did not start');
    expect(warnings[0]).toContain('threaded-simd.worker.js');
  });

  it("keras.json's tfjs.threads = 1: the single-threaded binary, no warning", () => {
    const r = run('{"tfjs": {"threads": 1}}');
    expect(r.status).toBe(0);
    expect(r.report.threads).toBe(1);
    expect(r.stderr).not.toContain('KERAS_TFJS_ONE_THREAD');
    expect(r.report.worst).toBeLessThan(1e-3);
  });
});

describe("tfjs's start leaves V8's ArrayBuffer-detaching protector intact", () => {
  beforeAll(requireBuilt);

  it('no invalidation while starting the threaded engine and computing', () => {
    const body = `
      require('v8').setFlagsFromString('--trace-protector-invalidation');
      (async () => {
        await K.setBackend('tfjs');
        const x = K.constant(Float32Array.from({ length: 4096 }, (_, i) => i % 7), { shape: [64, 64] });
        K.eval(K.dot(x, x));
        console.log('done');
      })().catch((e) => console.log('failed', e && e.stack));`;
    const r = runBuilt(body, { ...process.env, KERAS_BACKEND: 'tfjs' });
    expect(r.stdout).not.toContain('ArrayBufferDetaching');
    expect(r.stdout.trim().split('\n').pop()).toBe('done');
  });
});
