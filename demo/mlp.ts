/**
 * `npm run demo`: trains a small MLP on synthetic data on the configured backend
 * (keras.json or KERAS_BACKEND) and prints the loss falling.
 */
import * as K from '../src/index';
import { buildMlp, lossOf, syntheticData } from './mlp-model';

async function main(): Promise<void> {
  await K.ready();
  console.log(`Using the '${K.backend()}' backend (keras.json: ${K.configPath()}, floatx ${K.floatx()})`);
  const inputDim = 64;
  const classes = 10;
  const mlp = buildMlp(K, { inputDim, hidden: 32, classes, learningRate: 2, seed: 3 });
  const data = syntheticData(256, inputDim, classes);
  const t0 = Date.now();
  let first = NaN;
  let last = NaN;
  for (let epoch = 0; epoch <= 300; epoch++) {
    last = lossOf(mlp.step([data.x, data.y]));
    if (epoch === 0) first = last;
    if (epoch % 50 === 0) console.log(`step ${String(epoch).padStart(3)}  loss ${last.toFixed(6)}`);
  }
  const ms = Date.now() - t0;
  console.log(`loss ${first.toFixed(6)} -> ${last.toFixed(6)} (${(first / last).toFixed(1)}x lower) in ${ms} ms on '${K.backend()}'`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exit(1);
});
