/**
 * `npm run bench`: one compiled SGD training step of an MLP (784-256-10, batch 128,
 * relu, softmax, mean squared error against one-hot targets) on each backend, and the
 * same step written directly in TF.js (tf.variable + tf.variableGrads) and with
 * tfjs-layers (`trainOnBatch`), on the same wasm engine, all in this one process.
 * Prints ms/step and the ratio to raw TF.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../src/index';
import { buildMlp, syntheticData } from '../demo/mlp-model';
import { benchBackends, recordStep } from './record';

/**
 * The union package @tensorflow/tfjs (tfjs-layers; a devDependency of this
 * repository, so absent where the package is installed) or undefined. It shares
 * tfjs-core's engine and registers TF.js's own gradients and layers.
 */
function loadTfjsLayers(): typeof import('@tensorflow/tfjs') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
  } catch {
    return undefined;
  }
}

const IN = 784;
const HIDDEN = 256;
const CLASSES = 10;
const BATCH = 128;
const LR = 0.1;

/** Median milliseconds per call of `step` over `reps` timed calls after `warmup` calls. */
async function timeIt(step: () => unknown, warmup: number, reps: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await step();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await step();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function rawTfjsStep(data: ReturnType<typeof syntheticData>): () => void {
  const x = tf.tensor2d(data.x.data, [BATCH, IN]);
  const y = tf.tensor2d(data.y.data, [BATCH, CLASSES]);
  const w1 = tf.variable(tf.randomNormal([IN, HIDDEN], 0, Math.sqrt(2 / IN), 'float32', 1));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(tf.randomNormal([HIDDEN, CLASSES], 0, Math.sqrt(2 / HIDDEN), 'float32', 2));
  const b2 = tf.variable(tf.zeros([CLASSES]));
  const vars = [w1, b1, w2, b2];
  const lr = tf.scalar(LR);
  return () => {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => {
        const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
        const p = tf.softmax(tf.add(tf.matMul(h, w2), b2));
        return tf.mean(tf.square(tf.sub(p, y)));
      }, vars);
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
      value.dataSync(); // the loss comes back to the host, as K.function's does
    });
  };
}

function layersStep(tfl: typeof import('@tensorflow/tfjs'), data: ReturnType<typeof syntheticData>): () => Promise<unknown> {
  const x = tf.tensor2d(data.x.data, [BATCH, IN]);
  const y = tf.tensor2d(data.y.data, [BATCH, CLASSES]);
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: HIDDEN, activation: 'relu', inputShape: [IN] }),
      tfl.layers.dense({ units: CLASSES, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tfl.train.sgd(LR), loss: 'meanSquaredError' });
  return () => model.trainOnBatch(x, y);
}

async function main(): Promise<void> {
  const data = syntheticData(BATCH, IN, CLASSES);
  const results: { name: string; ms: number }[] = [];
  const backends = benchBackends();
  const model = `MLP ${IN}-${HIDDEN}-${CLASSES}, batch ${BATCH}, SGD step`;

  await K.setBackend('tfjs'); // starts tfjs-core on the wasm engine
  // Loaded first: tfjs-core alone registers no gradients, and the raw step's tf.variableGrads needs them.
  const tfl = loadTfjsLayers();
  let raw: number | null = null;
  if (tfl) {
    raw = await timeIt(rawTfjsStep(data), 5, 30);
    results.push({ name: 'raw TF.js (wasm)', ms: raw });
    recordStep({ model, backend: 'raw TF.js (wasm)', msPerStep: raw, baseline: true });
    const ms = await timeIt(layersStep(tfl, data), 5, 30);
    results.push({ name: 'tfjs-layers trainOnBatch (wasm)', ms });
    recordStep({ model, backend: 'tfjs-layers (wasm)', msPerStep: ms, baseline: true });
  }

  for (const name of backends) {
    await K.setBackend(name);
    const mlp = buildMlp(K, { inputDim: IN, hidden: HIDDEN, classes: CLASSES, learningRate: LR, seed: 1 });
    const ms = await timeIt(() => mlp.step([data.x, data.y]), 3, name === 'reference' ? 10 : 30);
    results.push({ name: `K.function step on '${name}'`, ms });
    recordStep({ model, backend: name, msPerStep: ms });
  }

  console.log(`${model} (median):`);
  for (const r of results) {
    const ratio = raw === null ? '' : `   ${(r.ms / raw).toFixed(2)}x raw TF.js`;
    console.log(`  ${r.name.padEnd(32)} ${r.ms.toFixed(2).padStart(8)} ms/step${ratio}`);
  }
  if (!tfl) console.log('  (raw TF.js and tfjs-layers not timed: @tensorflow/tfjs, which registers TF.js\'s gradients, is not installed)');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
