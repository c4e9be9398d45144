/**
 * Loading and starting TensorFlow.js once per process: tfjs-core plus the wasm
 * backend, read from the installed package's own files (no network).
 *
 * tfjs-core's engine is a process-wide singleton: every tfjs backend object made
 * by `createTfjsBackend` shares it, so starting it is done (and cached) here.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import { registerHeapKernels } from './heap-kernels';
import { registerHeapCompareKernel } from './heap-compare';
import { registerHeapPoolKernels } from './heap-pool';
import { registerHeapReluGradKernel } from './heap-relu-grad';
import { registerHeapLogSumExpKernel } from './heap-logsumexp';

/** The tfjs-core module every file of this adapter computes with (functional ops only). */
export { tf };

/** The wasm binary tfjs loads in Node (SIMD, single thread). */
const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

let starting: Promise<void> | undefined;

/**
 * The folder holding the installed tfjs-backend-wasm binaries (with a trailing
 * separator), or `undefined` when it cannot be found from here.
 */
function wasmFolder(): string | undefined {
  try {
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    return fs.existsSync(path.join(dir, WASM_FILE)) ? dir + path.sep : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads tfjs-backend-wasm, points it at its installed binaries, makes 'wasm'
 * tfjs's active backend and waits until it is ready. Safe to call many times:
 * the work is done once; a failed start may be retried.
 */
export function startEngine(): Promise<void> {
  if (starting === undefined) {
    starting = (async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const folder = wasmFolder();
      // Only before the wasm module is first instantiated; later calls would be ignored anyway.
      if (folder !== undefined && tf.engine().registry.wasm === undefined) wasm.setWasmPaths(folder);
      const ok = await tf.setBackend('wasm');
      if (!ok) throw new Error('tfjs backend: the wasm engine failed to start (tf.setBackend("wasm") returned false)');
      await tf.ready();
      registerHeapKernels();
      registerHeapPoolKernels();
      registerHeapCompareKernel();
      registerHeapReluGradKernel();
      registerHeapLogSumExpKernel();
    })();
    starting.catch(() => {
      starting = undefined;
    });
  }
  return starting;
}

