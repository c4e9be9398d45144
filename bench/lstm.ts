/**
 * The LSTM benchmark (batch 32, 32 features, 64 units, MSE on the last output, SGD)
 * over sequence lengths T, with and without a Dense layer in front (so that the
 * gradient reaches the per-step inputs): per backend, the time to build the graph
 * (model, gradients, updates), to compile it (`K.function`), the first call, and
 * the median steady training step; beside tfjs-layers' LSTM `trainOnBatch` on the
 * same wasm engine in the same process. `lstmBenchRows` returns the rows; run
 * directly, it prints them and records the steps for `keras-backend bench`.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../src/index';
import { buildLstmGraph, lstmData } from '../demo/lstm-model';
import { benchBackends, recordStep } from './record';

const BATCH = 32;
const FEATURES = 32;
const UNITS = 64;
const LR = 0.01;

/** One measurement: a backend (or tfjs-layers) at one length, with or without the Dense layer. */
export interface LstmBenchRow {
  readonly backend: string;
  readonly T: number;
  readonly dense: boolean;
  /** Building the graph: the model, its gradients and updates (ms); null for tfjs-layers. */
  readonly buildMs: number | null;
  /** `K.function` (ms), tfjs-layers: model + compile. */
  readonly functionMs: number;
  /** The first training call (ms). */
  readonly firstCallMs: number;
  /** Median steady training step (ms). */
  readonly stepMs: number;
  /** `stepMs / T`. */
  readonly msPerTimeStep: number;
}

/** Options of `lstmBenchRows`. */
export interface LstmBenchOptions {
  readonly backends?: readonly string[];
  readonly lengths?: readonly number[];
  readonly dense?: readonly boolean[];
  /** Timed steps per measurement (after one warm-up step); default 5. */
  readonly reps?: number;
  /** Also time tfjs-layers' LSTM (needs @tensorflow/tfjs); default true when installed. */
  readonly layers?: boolean;
  /** Longest T timed on the reference backend (slow: pure TypeScript); default 100. */
  readonly referenceMaxT?: number;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function loadTfjsLayers(): typeof import('@tensorflow/tfjs') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
  } catch {
    return undefined;
  }
}

async function timeLayers(tfl: typeof import('@tensorflow/tfjs'), T: number, dense: boolean, reps: number): Promise<LstmBenchRow> {
  const d = lstmData(BATCH, T, FEATURES, UNITS);
  const x = tf.tensor3d(d.x.data, [BATCH, T, FEATURES]);
  const y = tf.tensor2d(d.y.data, [BATCH, UNITS]);
  const t0 = process.hrtime.bigint();
  const layers = [
    ...(dense ? [tfl.layers.dense({ units: FEATURES, activation: 'tanh', inputShape: [T, FEATURES] })] : []),
    tfl.layers.lstm({ units: UNITS, ...(dense ? {} : { inputShape: [T, FEATURES] }) }),
  ];
  const model = tfl.sequential({ layers });
  model.compile({ optimizer: tfl.train.sgd(LR), loss: 'meanSquaredError' });
  const functionMs = ms(t0);
  const t1 = process.hrtime.bigint();
  await model.trainOnBatch(x, y);
  const firstCallMs = ms(t1);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    await model.trainOnBatch(x, y);
    times.push(ms(t));
  }
  model.dispose();
  x.dispose();
  y.dispose();
  const stepMs = median(times);
  return { backend: 'tfjs-layers (wasm)', T, dense, buildMs: null, functionMs, firstCallMs, stepMs, msPerTimeStep: stepMs / T };
}

async function timeBackend(name: string, T: number, dense: boolean, reps: number): Promise<LstmBenchRow> {
  await K.setBackend(name);
  const d = lstmData(BATCH, T, FEATURES, UNITS);
  const t0 = process.hrtime.bigint();
  const g = buildLstmGraph(K, { features: FEATURES, units: UNITS, time: T, dense, learningRate: LR, seed: 1 });
  const buildMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const step = K.function([...g.inputs], [g.loss], g.updates);
  const functionMs = ms(t1);
  const t2 = process.hrtime.bigint();
  step([d.x, d.y]);
  const firstCallMs = ms(t2);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = process.hrtime.bigint();
    step([d.x, d.y]);
    times.push(ms(t));
  }
  step.dispose();
  const stepMs = median(times);
  return { backend: name, T, dense, buildMs, functionMs, firstCallMs, stepMs, msPerTimeStep: stepMs / T };
}

/** Times the LSTM on each backend and length (see the file comment); one row per measurement. */
export async function lstmBenchRows(o: LstmBenchOptions = {}): Promise<LstmBenchRow[]> {
  const backends = o.backends ?? K.BUILTIN_BACKENDS;
  const lengths = o.lengths ?? [10, 50, 100, 200, 400];
  const denses = o.dense ?? [false, true];
  const reps = o.reps ?? 5;
  const refMax = o.referenceMaxT ?? 100;
  await K.setBackend('tfjs'); // starts tfjs-core on the wasm engine
  const tfl = o.layers === false ? undefined : loadTfjsLayers();
  const rows: LstmBenchRow[] = [];
  for (const dense of denses) {
    for (const T of lengths) {
      if (tfl) rows.push(await timeLayers(tfl, T, dense, reps));
      for (const name of backends) {
        if (name === 'reference' && T > refMax) continue;
        rows.push(await timeBackend(name, T, dense, name === 'reference' ? Math.min(reps, 2) : reps));
      }
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const rows = await lstmBenchRows({ backends: benchBackends() });
  const f = (v: number | null): string => (v === null ? '-' : v.toFixed(1)).padStart(9);
  console.log(`LSTM, batch ${BATCH}, ${FEATURES} features, ${UNITS} units, MSE on the last output, SGD step (ms; step = median):`);
  console.log(`  ${'backend'.padEnd(20)} ${'dense'.padEnd(5)} ${'T'.padStart(4)} ${'build'.padStart(9)} ${'function'.padStart(9)} ${'1st call'.padStart(9)} ${'step'.padStart(9)} ${'ms/t'.padStart(9)}`);
  for (const r of rows) {
    console.log(`  ${r.backend.padEnd(20)} ${String(r.dense).padEnd(5)} ${String(r.T).padStart(4)} ${f(r.buildMs)} ${f(r.functionMs)} ${f(r.firstCallMs)} ${f(r.stepMs)} ${r.msPerTimeStep.toFixed(3).padStart(9)}`);
    recordStep({
      model: `LSTM ${FEATURES}-${UNITS}${r.dense ? ' after Dense' : ''}, T=${r.T}, batch ${BATCH}, SGD step`,
      backend: r.backend,
      msPerStep: r.stepMs,
      baseline: r.backend.startsWith('tfjs-layers') ? true : undefined,
    });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
