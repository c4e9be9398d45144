/**
 * How many XNNPACK threads the tfjs backend asks for (no tfjs import: `keras-backend
 * info` reads it without starting, or even having, the engine).
 */
import { coreCount } from '../cores';

/** The most threads the threaded build can use: emscripten's pre-spawned pool size (tfjs's max_num_threads). */
export const WASM_MAX_THREADS = 8;

/** The threads keras.json's `tfjs.threads` asks for: 0 is one per core; at most WASM_MAX_THREADS. */
export function tfjsThreadsFor(setting: number): number {
  return Math.min(setting === 0 ? coreCount() : setting, WASM_MAX_THREADS);
}
