/**
 * One 512x512x512 float32 matMul kernel call (with the result read back) on each
 * backend's kernel table, against raw TF.js on the wasm engine, in one process.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../src/index';
import { createReferenceBackend } from '../src/backends/reference';
import { createTfjsBackend } from '../src/backends/tfjs';
import { createOnnxBackend } from '../src/backends/onnx';
import type { Backend } from '../src/index';
import { benchBackends, recordStep } from './record';

const N = 512;

function median(step: () => void, reps: number): number {
  step();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    step();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(reps / 2)];
}

async function kernelTime<T>(backend: Backend<T>, a: Float32Array, b: Float32Array): Promise<number> {
  await backend.init?.();
  const x = backend.fromHost(a, [N, N], 'float32');
  const y = backend.fromHost(b, [N, N], 'float32');
  return median(() => {
    const z = backend.kernels.matMul([x, y], { transposeA: false, transposeB: false }, { dtype: 'float32', shape: [N, N] });
    backend.toHost(z);
    backend.dispose(z);
  }, 9);
}

async function main(): Promise<void> {
  const a = Float32Array.from({ length: N * N }, (_, i) => Math.sin(i));
  const b = Float32Array.from({ length: N * N }, (_, i) => Math.cos(i));
  await K.setBackend('tfjs');
  const ta = tf.tensor2d(a, [N, N]);
  const tb = tf.tensor2d(b, [N, N]);
  const raw = median(() => {
    const c = tf.matMul(ta, tb);
    c.dataSync();
    c.dispose();
  }, 9);
  const model = `matMul kernel ${N}x${N}x${N} float32`;
  const rows: [string, number][] = [['raw TF.js (wasm) tf.matMul', raw]];
  recordStep({ model, backend: 'raw TF.js (wasm)', msPerStep: raw, baseline: true });
  const makers: Record<string, [string, () => Backend<unknown>]> = {
    reference: ['reference kernel', createReferenceBackend as () => Backend<unknown>],
    tfjs: ['tfjs kernel', createTfjsBackend as () => Backend<unknown>],
    onnx: ['onnx kernel (eager session)', createOnnxBackend as () => Backend<unknown>],
  };
  for (const name of benchBackends()) {
    const maker = makers[name];
    if (!maker) continue;
    const ms = await kernelTime(maker[1](), a, b);
    rows.push([maker[0], ms]);
    recordStep({ model, backend: name, msPerStep: ms });
  }
  console.log(`matMul ${N}x${N}x${N} float32 with read-back (median of 9):`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(30)} ${ms.toFixed(2).padStart(8)} ms   ${(ms / raw).toFixed(2)}x raw TF.js`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
