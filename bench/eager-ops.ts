/**
 * Eager overhead: one small op on constants, read back to the host, through K on each
 * backend, against the same op written directly in TF.js on the wasm engine, in one
 * process. Prints microseconds per op and the ratio to raw TF.js.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../src/index';
import { benchBackends, recordStep } from './record';

const N = 100;
const ITER = 3000;

function perOp(step: () => void): number {
  for (let i = 0; i < 300; i++) step();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ITER; i++) step();
  return Number(process.hrtime.bigint() - t0) / 1e3 / ITER;
}

async function main(): Promise<void> {
  const data = Float32Array.from({ length: N }, (_, i) => i / N);
  await K.setBackend('tfjs');
  const a = tf.tensor1d(data);
  // The fastest raw idiom: explicit dispose (tf.tidy alone costs ~35 us here).
  const rawStep = (): void => {
    const b = tf.add(a, a);
    const c = tf.mul(b, a);
    c.dataSync();
    b.dispose();
    c.dispose();
  };
  perOp(rawStep); // JIT warm-up of the raw path too
  const raw = perOp(rawStep);
  const rows = [{ name: 'raw TF.js (wasm): mul(add(a, a), a)', us: raw }];
  const model = `eager multiply(add(c, c), c), [${N}] float32`;
  recordStep({ model, backend: 'raw TF.js (wasm)', msPerStep: raw / 1000, baseline: true });
  for (const name of benchBackends()) {
    await K.setBackend(name);
    const c = K.constant(data);
    const us = perOp(() => K.tidy(() => K.eval(K.multiply(K.add(c, c), c))));
    rows.push({ name: `K on '${name}': multiply(add(c, c), c)`, us });
    recordStep({ model, backend: name, msPerStep: us / 1000 });
  }
  console.log(`Eager ops on a [${N}] float32 tensor, two ops and a read-back (mean over ${ITER}):`);
  for (const r of rows) console.log(`  ${r.name.padEnd(44)} ${r.us.toFixed(1).padStart(8)} us   ${(r.us / raw).toFixed(2)}x raw TF.js`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
