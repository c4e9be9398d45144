/**
 * The `tfjs` object of keras.json: how the tfjs backend starts its wasm engine.
 * Every field is optional:
 *
 * ```json
 * "tfjs": { "threads": 0 }
 * ```
 *
 * - `threads`: the threads wasm's XNNPACK kernels (matrix products, convolutions,
 *   pooling) compute with. 0 (default) is one per core of the machine; at most 8
 *   are used (the threaded binary's pool), whatever is asked; 1 is the single-threaded SIMD binary, with no
 *   worker threads. tfjs's engine is started once per process: the first start's
 *   setting holds until the process ends.
 */
import { engineObject } from './engine-object';

/** The tfjs backend's engine settings (keras.json's `tfjs` object, defaults filled in). */
export interface TfjsSettings {
  /** Threads for wasm's kernels; 0: one per core (at most 8). */
  readonly threads: number;
}

/** The settings used when keras.json has no `tfjs` object. */
export const DEFAULT_TFJS_SETTINGS: TfjsSettings = Object.freeze({ threads: 0 });

const KEYS = ['threads'];

/**
 * Checks keras.json's `tfjs` field (`value`, read from `file`) and fills in the
 * defaults. Throws a `ConfigError` naming the file and the field (`tfjs.<key>`)
 * for anything malformed or unknown.
 */
export function parseTfjsSettings(value: unknown, file: string): TfjsSettings {
  const o = engineObject(value, file, 'tfjs', KEYS);
  return Object.freeze({ threads: o.count('threads', 0, 64, DEFAULT_TFJS_SETTINGS.threads) });
}
