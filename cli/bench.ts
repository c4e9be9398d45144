/**
 * `keras-backend bench`: runs the benchmarks under bench/ (each in its own Node
 * process, so one engine's memory and threads do not weigh on the next), prints
 * their tables, and draws the SVG chart of ms per step by backend and model.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RECORD_ENV, BACKENDS_ENV, StepRecord } from '../bench/record';
import { EngineName, enginePackageStatus, installCommand, isEngineInstalled } from '../src/backends/engine-packages';
import { benchChartSvg } from './bench-chart';
import { packageInfo } from './package-info';
import { ProgressBar } from './progress';
import { compiledScript, runScript } from './run-script';
import { UsageError } from './usage-error';
import { BUILTIN_BACKENDS } from '../src/index';

/** A benchmark: its file under bench/, what it times, and the engines it cannot do without. */
export interface Benchmark {
  readonly name: string;
  readonly about: string;
  /** Engines the benchmark itself needs (its hand-written baseline or a static import), whatever backends are asked for. */
  readonly needs: readonly EngineName[];
}

/** The benchmarks, in the order they run. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'train-steps',
    about: 'MLP and CNN training steps through K.function on each backend, against a hand-built ONNX model and raw tfjs-core, interleaved',
    needs: ['tfjs', 'onnx'],
  },
  { name: 'mlp-step', about: 'one compiled SGD training step of an MLP, against raw TF.js (and tfjs-layers when installed)', needs: ['tfjs'] },
  { name: 'eager-ops', about: 'two eager ops on a small tensor and a read-back, against raw TF.js', needs: ['tfjs'] },
  { name: 'matmul', about: "one 512x512x512 matMul kernel call on each backend's kernel table, against raw TF.js", needs: ['tfjs', 'onnx'] },
  { name: 'lstm', about: 'an LSTM training step over T = 10..400, with and without a Dense layer in front: build, K.function, first call, step; beside tfjs-layers', needs: ['tfjs'] },
];

/** Options of the `bench` command. */
export interface BenchCommandOptions {
  readonly backend: readonly string[];
  readonly only: readonly string[];
  /** SVG file to write, or false for none. */
  readonly svg: string | false;
  readonly json?: string;
  readonly progress: boolean;
}

const BUILTIN: readonly string[] = BUILTIN_BACKENDS;

function missingLine(engines: readonly EngineName[]): string {
  const missing = engines.flatMap((e) => enginePackageStatus(e).filter((p) => p.installed !== p.version));
  return installCommand(missing);
}

/** Runs the command; returns the exit status (1 when a benchmark failed). */
export async function benchCommand(opts: BenchCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const only = opts.only.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const unknown = only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown benchmark(s): ${unknown.join(', ')} (known: ${BENCHMARKS.map((b) => b.name).join(', ')})`);
  const asked = opts.backend.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const badBackend = asked.filter((b) => !BUILTIN.includes(b));
  if (badBackend.length > 0) throw new UsageError(`bench times the built-in backends only (${BUILTIN.join(', ')}), not ${badBackend.join(', ')}`);
  const wanted = asked.length > 0 ? asked : BUILTIN;
  const backends = wanted.filter((b) => b === 'reference' || isEngineInstalled(b as EngineName));
  for (const b of wanted.filter((w) => !backends.includes(w))) {
    out.write(`(not timing '${b}': its engine is not installed; ${missingLine([b as EngineName])})\n`);
  }
  const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
  // Resolve every script first: a broken installation fails before any timing.
  const scripts = selected.map((b) => ({ bench: b, file: compiledScript('bench', b.name) }));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-bench-'));
  const recordFile = path.join(dir, 'records.jsonl');
  const bar = new ProgressBar({ total: scripts.length, label: 'bench', silent: !opts.progress });
  let failed = 0;
  try {
    for (const { bench, file } of scripts) {
      const lacking = bench.needs.filter((e) => !isEngineInstalled(e));
      if (lacking.length > 0) {
        bar.clear();
        out.write(`${bench.name}: skipped, it needs ${lacking.join(' and ')}: ${missingLine(lacking)}\n\n`);
        bar.tick(`${bench.name} skipped`);
        continue;
      }
      bar.show(`running ${bench.name}: ${bench.about}`);
      const r = await runScript(file, [], { [RECORD_ENV]: recordFile, [BACKENDS_ENV]: backends.join(',') }, true);
      bar.clear();
      out.write(r.stdout.endsWith('\n') || r.stdout === '' ? r.stdout : `${r.stdout}\n`);
      if (r.code !== 0) {
        failed++;
        out.write(`${bench.name}: FAILED (exit status ${r.code})\n`);
      }
      out.write('\n');
      bar.tick(`${bench.name} done`);
    }
  } finally {
    bar.done();
  }
  const records: StepRecord[] = fs.existsSync(recordFile)
    ? fs
        .readFileSync(recordFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as StepRecord)
    : [];
  fs.rmSync(dir, { recursive: true, force: true });
  const pkg = packageInfo();
  const subtitle = `keras-backend-ts ${pkg.version}, Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (opts.svg !== false) {
    fs.writeFileSync(opts.svg, benchChartSvg(records, subtitle));
    out.write(`Chart of ${records.length} timings written to ${opts.svg}\n`);
  }
  if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify({ subtitle, records }, null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}
