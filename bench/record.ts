/**
 * What a benchmark hands to `keras-backend bench` besides its printed table: one
 * record per timing (ms per step of a model on a backend, or of the hand-written
 * program it is compared with), appended as a JSON line to the file named by the
 * environment variable KERAS_BENCH_RECORD. The command draws its chart from them.
 * Run directly (`node dist/bench/x.js`), a benchmark only prints.
 */
import { appendFileSync } from 'fs';
import { BUILTIN_BACKENDS } from '../src/index';

/** One timing. */
export interface StepRecord {
  /** The model or operation timed, e.g. `MLP 784-256-10, batch 128, SGD step`. */
  readonly model: string;
  /** Who ran it: a backend name, or the hand-written program (`raw TF.js (wasm)`). */
  readonly backend: string;
  /** Median milliseconds per step. */
  readonly msPerStep: number;
  /** Whether this is the hand-written program the backends are compared with. */
  readonly baseline?: boolean;
}

/** The environment variable naming the file records are appended to. */
export const RECORD_ENV = 'KERAS_BENCH_RECORD';

/** The environment variable listing the backends to time (comma-separated; default: all three). */
export const BACKENDS_ENV = 'KERAS_BENCH_BACKENDS';

/** Appends `r` to the record file, when the command asked for one. */
export function recordStep(r: StepRecord): void {
  const file = process.env[RECORD_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(r)}\n`);
}

/** The backends to time: KERAS_BENCH_BACKENDS, else command-line arguments, else all three built-in ones. */
export function benchBackends(argv: readonly string[] = process.argv.slice(2)): string[] {
  const env = process.env[BACKENDS_ENV];
  const names = env ? env.split(',') : argv.flatMap((a) => a.split(','));
  const list = names.map((s) => s.trim()).filter((s) => s !== '');
  return list.length > 0 ? list : [...BUILTIN_BACKENDS];
}
