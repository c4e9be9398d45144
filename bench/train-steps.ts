/**
 * `npm run bench` (first part): one training step of an MLP and of a small CNN
 * (see shapes.ts), through K.function on each backend, against hand-written
 * programs on the same engines in the same process: a hand-built ONNX training
 * model (hand-onnx.ts) and raw tfjs-core (hand-tfjs.ts). Programs run
 * interleaved (a few steps of each in turn, several rounds) and each reports the
 * median of its step times. Each turn begins with untimed steps (SETTLE_MS): the
 * program before it, on another engine, has just filled both cores' caches with its
 * own data (an onnx step right after threaded tfjs steps took 2.2-2.6 ms, then 1.7,
 * 1.4, 1.35, 1.15 and 1.0; docs/engine-notes.md), which a program running alone, as a
 * user runs one engine, never meets.
 *
 * `benchTrainingSteps()` returns the result rows (for other tools to print or
 * chart); run as a script, this file prints them.
 */
import * as K from '../src/index';
import { handOnnxCnn, handOnnxMlp, Step } from './hand-onnx';
import { handTfjsCnn, handTfjsMlp } from './hand-tfjs';
import { kCnnStep, kMlpStep } from './k-models';
import { CNN, cnnData, MLP, mlpData } from './shapes';
import { benchBackends, recordStep } from './record';
import { BUILTIN_BACKENDS, BuiltinBackendName } from '../src/index';

/** The training steps measured. */
export type StepKind = 'mlp' | 'cnn';

/** One measured program. */
export interface StepRow {
  /** Which training step. */
  readonly step: StepKind;
  /** What ran it: 'hand-built ONNX', 'raw tfjs-core', or 'K.function on <backend>'. */
  readonly program: string;
  /** The engine underneath: 'onnx', 'tfjs' or 'reference'. */
  readonly engine: BuiltinBackendName;
  /** Median milliseconds per step. */
  readonly msPerStep: number;
  /** msPerStep over the hand-built ONNX program's (the reference point). */
  readonly vsHandOnnx: number;
  /** msPerStep over the hand-written program on the same engine (null for the reference engine, which has none, and for tfjs without @tensorflow/tfjs). */
  readonly vsHandSameEngine: number | null;
}

/** Options of `benchTrainingSteps`. */
export interface StepBenchOptions {
  /** The steps to time (default both). */
  readonly steps?: readonly StepKind[];
  /** The backends to time through K.function (default every built-in one). */
  readonly backends?: readonly BuiltinBackendName[];
  /** Interleaved rounds (default 15). */
  readonly rounds?: number;
}

interface Program {
  readonly program: string;
  readonly engine: StepRow['engine'];
  /** Steps per round (fewer for slow programs). */
  readonly perRound: number;
  readonly backend?: string;
  readonly run: Step;
  readonly samples: number[];
}

async function programsFor(step: StepKind, backends: readonly string[]): Promise<Program[]> {
  const progs: Program[] = [];
  const add = (program: string, engine: StepRow['engine'], run: Step | null, backend?: string): void => {
    if (run !== null) progs.push({ program, engine, run, backend, perRound: 3, samples: [] });
  };
  await K.setBackend('tfjs'); // starts the wasm engine for raw tfjs-core too
  // The hand-written programs and the K step with its feeds, per step type.
  const spec =
    step === 'mlp'
      ? ((d) => ({
          hand: [handOnnxMlp(d.x, d.y), handTfjsMlp(d.x, d.y)] as const,
          kStep: kMlpStep,
          feeds: [
            { data: d.x, shape: [MLP.batch, MLP.input] },
            { data: d.y, shape: [MLP.batch, MLP.classes] },
          ],
        }))(mlpData())
      : ((d) => ({
          hand: [handOnnxCnn(d.xNchw, d.y), handTfjsCnn(d.x, d.y)] as const,
          kStep: kCnnStep,
          feeds: [
            { data: d.x, shape: [CNN.batch, CNN.size, CNN.size, 1] },
            { data: d.y, shape: [CNN.batch, CNN.classes] },
          ],
        }))(cnnData());
  add('hand-built ONNX', 'onnx', spec.hand[0]);
  add('raw tfjs-core', 'tfjs', spec.hand[1]);
  for (const b of backends) {
    await K.setBackend(b);
    const f = spec.kStep(K);
    add(`K.function on ${b}`, b as StepRow['engine'], () => void f(spec.feeds), b);
  }
  return progs;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Each program's warm-up time before the timed rounds. */
const WARM_UP_MS = 300;
/** Untimed steps at the start of each program's turn in a round: at least one, and at least this long. */
const SETTLE_MS = 10;

async function timeInterleaved(progs: Program[], rounds: number): Promise<void> {
  // Warm-up: each program steps for WARM_UP_MS and at least 3 steps (compilation, first-run
  // allocation, the JIT, the reference matMul's worker threads starting), then a probe to size the rounds.
  for (const p of progs) {
    if (p.backend) await K.setBackend(p.backend);
    const until = performance.now() + WARM_UP_MS;
    for (let i = 0; i < 3 || performance.now() < until; i++) p.run();
    const t0 = process.hrtime.bigint();
    p.run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    (p as { perRound: number }).perRound = Math.max(1, Math.min(10, Math.round(60 / Math.max(ms, 1e-3))));
  }
  for (let r = 0; r < rounds; r++) {
    for (const p of progs) {
      if (p.backend) await K.setBackend(p.backend);
      const settled = performance.now() + SETTLE_MS;
      do p.run();
      while (performance.now() < settled);
      for (let i = 0; i < p.perRound; i++) {
        const t0 = process.hrtime.bigint();
        p.run();
        p.samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  }
}

/** Times the training steps (see the file comment) and returns one row per program and step. */
export async function benchTrainingSteps(options: StepBenchOptions = {}): Promise<StepRow[]> {
  const steps = options.steps ?? ['mlp', 'cnn'];
  const backends = options.backends ?? [...BUILTIN_BACKENDS];
  const rows: StepRow[] = [];
  for (const step of steps) {
    const progs = await programsFor(step, backends);
    await timeInterleaved(progs, options.rounds ?? 15);
    const ms = progs.map((p) => median(p.samples));
    const handOnnx = ms[0];
    const tfjsAt = progs.findIndex((p) => p.program === 'raw tfjs-core');
    const handTfjs = tfjsAt < 0 ? null : ms[tfjsAt];
    progs.forEach((p, k) => {
      const hand = p.engine === 'onnx' ? handOnnx : p.engine === 'tfjs' ? handTfjs : null;
      // (no raw tfjs-core program without the @tensorflow/tfjs devDependency: no ratio for tfjs then)
      rows.push({
        step,
        program: p.program,
        engine: p.engine,
        msPerStep: ms[k],
        vsHandOnnx: ms[k] / handOnnx,
        vsHandSameEngine: hand === null ? null : ms[k] / hand,
      });
    });
  }
  return rows;
}

/** The name of a training step, as the table and the chart print it. */
export function stepTitle(step: StepKind): string {
  return step === 'mlp'
    ? `MLP ${MLP.input}-${MLP.hidden}-${MLP.classes}, batch ${MLP.batch}, SGD step`
    : `CNN ${CNN.size}x${CNN.size}x1, conv3x3-${CNN.f1}, pool2, conv3x3-${CNN.f2}, pool2, dense ${CNN.classes}, batch ${CNN.batch}, SGD step`;
}

/** The rows as a text table. */
export function formatStepRows(rows: readonly StepRow[]): string {
  const lines: string[] = [];
  for (const step of ['mlp', 'cnn'] as const) {
    const mine = rows.filter((r) => r.step === step);
    if (mine.length === 0) continue;
    lines.push(`${stepTitle(step)} (median of interleaved runs):`);
    for (const r of mine) {
      const same = r.vsHandSameEngine === null || r.program.startsWith('hand') || r.program.startsWith('raw') ? '' : `   ${r.vsHandSameEngine.toFixed(2)}x the hand-written ${r.engine} program`;
      lines.push(`  ${r.program.padEnd(24)} ${r.msPerStep.toFixed(2).padStart(9)} ms/step   ${r.vsHandOnnx.toFixed(2).padStart(6)}x hand-built ONNX${same}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const steps = args.filter((a): a is StepKind => a === 'mlp' || a === 'cnn');
  const backends = benchBackends(args.filter((a) => a !== 'mlp' && a !== 'cnn')).filter(
    (a): a is BuiltinBackendName => (BUILTIN_BACKENDS as readonly string[]).includes(a),
  );
  const rows = await benchTrainingSteps({ steps: steps.length > 0 ? steps : undefined, backends });
  console.log(formatStepRows(rows));
  for (const r of rows) {
    const hand = r.program === 'hand-built ONNX' || r.program === 'raw tfjs-core';
    recordStep({ model: stepTitle(r.step), backend: r.program.replace(/^K\.function on /, ''), msPerStep: r.msPerStep, baseline: hand });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
