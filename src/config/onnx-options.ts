/**
 * The `onnx` object of keras.json: how the onnx backend makes its ONNX Runtime
 * sessions. Every field is optional:
 *
 * ```json
 * "onnx": {
 *   "intraOpNumThreads": 0,
 *   "interOpNumThreads": 1,
 *   "graphOptimizationLevel": "all",
 *   "executionProviders": ["cpu"],
 *   "threadedSessions": 4
 * }
 * ```
 *
 * - `intraOpNumThreads`: threads inside one op of a compiled function; 0 (default)
 *   is one per core of the machine.
 * - `interOpNumThreads`: threads across independent ops (default 1: sequential).
 * - `graphOptimizationLevel`: ONNX Runtime's, 'disabled' | 'basic' | 'extended' | 'all' (default).
 * - `executionProviders`: ONNX Runtime execution provider names in order of
 *   preference (default ["cpu"]; "cuda" needs the GPU build of onnxruntime-node).
 * - `threadedSessions`: how many compiled functions may hold a multi-threaded
 *   session at once (default 4); functions compiled while that many are alive run
 *   single-threaded, so a program that makes many functions keeps a bounded number
 *   of threads (each session owns its thread pool).
 */
import { engineObject } from './engine-object';

/** ONNX Runtime's graph optimisation levels. */
export const ONNX_OPTIMIZATION_LEVELS = ['disabled', 'basic', 'extended', 'all'] as const;

/** One of ONNX Runtime's graph optimisation levels. */
export type OnnxOptimizationLevel = (typeof ONNX_OPTIMIZATION_LEVELS)[number];

/** The onnx backend's session settings (keras.json's `onnx` object, defaults filled in). */
export interface OnnxSettings {
  /** Threads inside one op of a compiled function; 0: one per core. */
  readonly intraOpNumThreads: number;
  /** Threads across independent ops (more than 1 runs the graph in parallel mode). */
  readonly interOpNumThreads: number;
  /** ONNX Runtime's graph optimisation level for compiled functions. */
  readonly graphOptimizationLevel: OnnxOptimizationLevel;
  /** Execution provider names, in order of preference. */
  readonly executionProviders: readonly string[];
  /** How many compiled functions may hold a multi-threaded session at once. */
  readonly threadedSessions: number;
}

/** The settings used when keras.json has no `onnx` object. */
export const DEFAULT_ONNX_SETTINGS: OnnxSettings = Object.freeze({
  intraOpNumThreads: 0,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionProviders: Object.freeze(['cpu']),
  threadedSessions: 4,
});

const KEYS = ['intraOpNumThreads', 'interOpNumThreads', 'graphOptimizationLevel', 'executionProviders', 'threadedSessions'];

/**
 * Checks keras.json's `onnx` field (`value`, read from `file`) and fills in the
 * defaults. Throws a `ConfigError` naming the file and the field (`onnx.<key>`)
 * for anything malformed or unknown.
 */
export function parseOnnxSettings(value: unknown, file: string): OnnxSettings {
  const o = engineObject(value, file, 'onnx', KEYS);
  let level = DEFAULT_ONNX_SETTINGS.graphOptimizationLevel;
  if (o.has('graphOptimizationLevel')) {
    const v = o.value('graphOptimizationLevel');
    if (typeof v !== 'string' || !(ONNX_OPTIMIZATION_LEVELS as readonly string[]).includes(v)) {
      throw o.bad('graphOptimizationLevel', `one of ${ONNX_OPTIMIZATION_LEVELS.map((l) => `"${l}"`).join(', ')}`);
    }
    level = v as OnnxOptimizationLevel;
  }
  let providers = DEFAULT_ONNX_SETTINGS.executionProviders;
  if (o.has('executionProviders')) {
    const v = o.value('executionProviders');
    if (!Array.isArray(v) || v.length === 0 || v.some((p) => typeof p !== 'string' || p.length === 0)) {
      throw o.bad('executionProviders', 'a non-empty array of execution provider names (e.g. ["cuda", "cpu"])');
    }
    providers = Object.freeze([...(v as string[])]);
  }
  return Object.freeze({
    intraOpNumThreads: o.count('intraOpNumThreads', 0, 1024, DEFAULT_ONNX_SETTINGS.intraOpNumThreads),
    interOpNumThreads: o.count('interOpNumThreads', 1, 1024, DEFAULT_ONNX_SETTINGS.interOpNumThreads),
    graphOptimizationLevel: level,
    executionProviders: providers,
    threadedSessions: o.count('threadedSessions', 0, 1024, DEFAULT_ONNX_SETTINGS.threadedSessions),
  });
}
