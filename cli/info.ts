/**
 * `keras-backend info`: the backend in use and why (keras.json or KERAS_BACKEND),
 * floatx, epsilon, image data format, and each built-in engine: installed or not
 * (with the `npm i` line), its package versions and its dtypes.
 */
import { backendFactory } from '../src/backends/backend';
import { ENGINE_PACKAGES, EngineName, enginePackageStatus, installCommand } from '../src/backends/engine-packages';
import { tfjsThreadsFor } from '../src/backends/tfjs/thread-count';
import { BUILTIN_BACKENDS, initConfig, KerasJsonResult } from '../src/config';
import type { OnnxSettings, TfjsSettings } from '../src/config';
import * as K from '../src/index';
import { packageInfo } from './package-info';

/** One built-in engine as `info` reports it. */
export interface EngineInfo {
  readonly backend: string;
  readonly installed: boolean;
  /** Package name -> installed version (undefined when absent). */
  readonly packages: Readonly<Record<string, string | null>>;
  /** The dtypes the backend computes in (empty when not installed). */
  readonly dtypes: readonly string[];
  /** The `npm i` line that installs what is missing, or why it cannot be used. */
  readonly note: string;
}

/** Everything `info` reports (its `--json` output). */
export interface InfoReport {
  readonly package: { readonly name: string; readonly version: string };
  readonly node: string;
  readonly backend: {
    readonly name: string;
    /** Where the name came from: 'KERAS_BACKEND', 'file' (keras.json) or 'default'. */
    readonly origin: string;
    readonly why: string;
    /** Whether it started, and how long that took, or why it did not. */
    readonly started: boolean | null;
    readonly startMs: number | null;
    readonly error: string | null;
  };
  readonly kerasJson: { readonly path: string; readonly persisted: boolean; readonly created: boolean; readonly warnings: readonly string[] };
  readonly floatx: string;
  readonly epsilon: number;
  readonly imageDataFormat: string;
  readonly engines: readonly EngineInfo[];
  /** keras.json's engine settings, defaults filled in (`threads` 0 of tfjs: one per core). */
  readonly engineSettings: { readonly tfjs: TfjsSettings; readonly onnx: OnnxSettings };
}

/** keras.json's tfjs.threads, and the threads it gives on this machine where they differ (0: one per core; the threaded binary's pool has at most 8). */
function tfjsThreads(threads: number): string {
  const used = tfjsThreadsFor(threads);
  if (threads === 0) return `0 (one per core: ${used})`;
  return used === threads ? String(threads) : `${threads} (${used} used: the threaded binary's most)`;
}

function why(loaded: KerasJsonResult): string {
  const b = loaded.backend;
  const alias = b.raw !== b.name ? ` ('${b.raw}' means '${b.name}')` : '';
  if (b.origin === 'KERAS_BACKEND') return `the environment variable KERAS_BACKEND=${b.raw}${alias} (it wins over keras.json)`;
  if (b.origin === 'file') return `${loaded.created ? 'keras.json, created now with the defaults' : 'keras.json'}: ${loaded.path}${alias}`;
  return loaded.persisted
    ? `the default (${loaded.path} names no backend)`
    : `the default (no keras.json could be read or written: ${loaded.warnings.join('; ')})`;
}

function engineInfo(backend: string): EngineInfo {
  const pkgs = (backend in ENGINE_PACKAGES ? enginePackageStatus(backend as EngineName) : []).map((p) => [p.name, p.installed ?? null] as const);
  const missing = backend in ENGINE_PACKAGES ? enginePackageStatus(backend as EngineName).filter((p) => p.installed !== p.version) : [];
  const base = { backend, packages: Object.fromEntries(pkgs) };
  if (missing.length > 0) return { ...base, installed: false, dtypes: [], note: `not installed: ${installCommand(missing)}` };
  const factory = backendFactory(backend);
  if (!factory) return { ...base, installed: false, dtypes: [], note: 'not registered' };
  try {
    const made = factory();
    if (made instanceof Promise) {
      made.catch(() => undefined);
      return { ...base, installed: true, dtypes: [], note: 'dtypes known once started' };
    }
    return { ...base, installed: true, dtypes: [...made.dtypes], note: backend === 'reference' ? 'built in (pure TypeScript)' : '' };
  } catch (e) {
    return { ...base, installed: false, dtypes: [], note: e instanceof Error ? e.message : String(e) };
  }
}

/** Gathers the report; starts the configured backend unless `start` is false. */
export async function gatherInfo(start: boolean): Promise<InfoReport> {
  const loaded = initConfig();
  const name = K.backend();
  let started: boolean | null = null;
  let startMs: number | null = null;
  let error: string | null = null;
  if (start) {
    const t0 = Date.now();
    try {
      await K.ready();
      started = true;
      startMs = Date.now() - t0;
    } catch (e) {
      started = false;
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }
  const pkg = packageInfo();
  return {
    package: { name: pkg.name, version: pkg.version },
    node: process.version,
    backend: { name, origin: loaded.backend.origin, why: why(loaded), started, startMs, error },
    kerasJson: { path: loaded.path, persisted: loaded.persisted, created: loaded.created, warnings: loaded.warnings },
    floatx: K.floatx(),
    epsilon: K.epsilon(),
    imageDataFormat: K.imageDataFormat(),
    engines: BUILTIN_BACKENDS.map(engineInfo),
    engineSettings: { tfjs: loaded.tfjs, onnx: loaded.onnx },
  };
}

/** The report as aligned text lines. */
export function infoText(r: InfoReport): string {
  const rows: [string, string][] = [
    ['backend', `${r.backend.name}  (from ${r.backend.why})`],
    [
      'started',
      r.backend.started === null ? 'not tried (--no-start)' : r.backend.started ? `yes, in ${r.backend.startMs} ms` : `NO: ${r.backend.error}`,
    ],
    ['floatx', r.floatx],
    ['epsilon', String(r.epsilon)],
    ['image_data_format', r.imageDataFormat],
    ['keras.json', r.kerasJson.persisted ? r.kerasJson.path : `${r.kerasJson.path} (not written: defaults in memory)`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length)) + 2;
  const lines = [`${r.package.name} ${r.package.version} on Node ${r.node}`, ...rows.map(([k, v]) => `${k.padEnd(w)}${v}`), '', 'engines:'];
  const bw = Math.max(...r.engines.map((e) => e.backend.length)) + 2;
  for (const e of r.engines) {
    const mark = e.backend === r.backend.name ? '*' : ' ';
    const pkgs = Object.entries(e.packages)
      .map(([n, v]) => `${n} ${v ?? '(absent)'}`)
      .join(', ');
    const dtypes = e.dtypes.length > 0 ? `dtypes ${e.dtypes.join(', ')}` : '';
    const parts = [pkgs, dtypes, e.note].filter((s) => s !== '');
    lines.push(`${mark} ${e.backend.padEnd(bw)}${parts.join('; ')}`);
  }
  lines.push('', '(* the backend in use)', '', 'engine settings (keras.json):');
  const t = r.engineSettings.tfjs;
  const o = r.engineSettings.onnx;
  lines.push(`  tfjs  threads ${tfjsThreads(t.threads)}`);
  lines.push(
    `  onnx  intraOpNumThreads ${o.intraOpNumThreads}, interOpNumThreads ${o.interOpNumThreads}, graphOptimizationLevel ${o.graphOptimizationLevel}, ` +
      `executionProviders ${o.executionProviders.join(', ')}, threadedSessions ${o.threadedSessions}`,
  );
  return lines.join('\n');
}
