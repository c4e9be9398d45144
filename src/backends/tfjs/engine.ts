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
import { WASM_MAX_THREADS } from './thread-count';
import { startThreadedWasm } from './wasm-threads';

/** The tfjs-core module every file of this adapter computes with (functional ops only). */
export { tf };

/** The single-threaded wasm binary (SIMD); the threaded one sits beside it. */
const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

/** The code of the warning given when the threaded engine cannot start. */
export const THREADS_WARNING = 'KERAS_TFJS_ONE_THREAD';

let starting: Promise<void> | undefined;
let startedThreads = 0;

/** How many threads the started wasm engine computes with (0 before it starts). */
export function engineThreads(): number {
  return startedThreads;
}

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
 * tfjs's active backend and waits until it is ready. With `threads` > 1 it
 * starts the threaded binary (at most WASM_MAX_THREADS threads), falling back to
 * the single-threaded one if that fails, with a process warning (THREADS_WARNING) saying why. Safe to call many times: the work is
 * done once (the first call's `threads` holds); a failed start may be retried.
 */
export function startEngine(threads = 1): Promise<void> {
  if (starting === undefined) {
    starting = (async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const folder = wasmFolder();
      const fresh = tf.engine().registry.wasm === undefined;
      // Only before the wasm module is first instantiated; later calls would be ignored anyway.
      if (folder !== undefined && fresh) wasm.setWasmPaths(folder);
      let started = false;
      if (fresh && folder !== undefined && threads > 1) {
        try {
          startedThreads = await startThreadedWasm(wasm, Math.min(threads, WASM_MAX_THREADS));
          started = true;
        } catch (e) {
          // The single-threaded binary below, said once (a Node warning: --no-warnings silences it).
          const why = e instanceof Error ? e.message : String(e);
          process.emitWarning(`tfjs backend: the threaded wasm engine did not start (${why}); computing on one thread`, { code: THREADS_WARNING });
        }
      }
      if (!started) {
        const ok = await tf.setBackend('wasm');
        if (!ok) throw new Error('tfjs backend: the wasm engine failed to start (tf.setBackend("wasm") returned false)');
        startedThreads = wasm.getThreadsCount();
      }
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

