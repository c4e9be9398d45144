/**
 * The only file that touches onnxruntime-node's internal synchronous binding
 * (`onnxruntime-node/dist/binding`). That path is not part of the package's
 * public API, so the installed version is checked against the pinned one.
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import { KerasValueError } from '../../errors';
import { indexOutOfRange } from '../types';
import { NEGATIVE_INDEX_SHIFT } from './lower';
import { whatOfNodeName } from './model';

/** The onnxruntime-node version whose internal binding this file was written against. */
export const PINNED_ORT_VERSION = '1.30.0';

/** Session options understood by the native binding (a subset of ORT's `SessionOptions`). */
export interface SyncSessionOptions {
  /** Threads inside one op (ORT's default: one per core). 1 makes a session cheap to create. */
  readonly intraOpNumThreads?: number;
  /** Threads across independent ops (only used with `executionMode: 'parallel'`). */
  readonly interOpNumThreads?: number;
  /** ORT graph optimisation level; default 'all'. */
  readonly graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'layout' | 'all';
  /** 'sequential' (default) or 'parallel'. */
  readonly executionMode?: 'sequential' | 'parallel';
  /**
   * ORT's CPU memory arena; off by default here: with it, the memory of freed sessions
   * is never given back (RSS grew ~65 MB per 1,000 compiled functions created and
   * dropped; flat without it).
   */
  readonly enableCpuMemArena?: boolean;
  /** Execution provider names in order of preference (default: CPU). */
  readonly executionProviders?: readonly string[];
  /** Session configuration entries (ORT's `AddConfigEntry`), values as strings. */
  readonly extra?: Readonly<Record<string, string>>;
}

interface NativeSession {
  loadModel(buffer: ArrayBuffer, byteOffset: number, byteLength: number, options: object): void;
  readonly inputMetadata: readonly { readonly name: string }[];
  readonly outputMetadata: readonly { readonly name: string }[];
  run(
    feeds: Record<string, ort.Tensor>,
    fetches: Record<string, null>,
    options: object,
  ): Record<string, ort.Tensor>;
  dispose(): void;
}

interface NativeBindingModule {
  initOrt(): void;
  binding: {
    InferenceSession: new () => NativeSession;
    initOrtOnce(logLevel: number, tensorConstructor: unknown, isMainThread: boolean): void;
  };
}

/**
 * ORT's native log level: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal. Fatal only:
 * a failed run is reported by the error the library raises, not by ORT's own lines on stderr.
 */
const ORT_LOG_LEVEL = 4;

type LocalArrayCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

const LOCAL_ARRAYS: Readonly<Record<string, LocalArrayCtor>> = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  float16: Uint16Array,
};

/**
 * The tensor constructor handed to the native binding, which calls it with
 * `new (type, typedArray, dims)` for every output. The binding makes its typed
 * arrays in the realm it was loaded in; under a VM sandbox (jest) that is not the
 * realm of `ort.Tensor`, whose constructor then rejects them. So foreign typed
 * arrays are re-viewed (no copy) with this realm's constructor first.
 */
function RealmSafeTensor(type: ort.Tensor.Type, data: unknown, dims: readonly number[]): ort.Tensor {
  const Local = LOCAL_ARRAYS[type];
  let local = data;
  if (Local !== undefined && ArrayBuffer.isView(data) && !(data instanceof Local)) {
    const view = data as unknown as { buffer: ArrayBufferLike; byteOffset: number; length: number };
    local = new Local(view.buffer, view.byteOffset, view.length);
  }
  return new ort.Tensor(type, local as Float32Array, Array.from(dims));
}

let native: NativeBindingModule | undefined;
let sessionsCreated = 0;
let sessionsDisposed = 0;
let runs = 0;

/** The installed onnxruntime-node version, read from its package.json. */
export function installedOrtVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('onnxruntime-node/package.json') as { version: string }).version;
}

/**
 * Loads and initialises the native binding once (idempotent). Throws a clear error
 * when the installed onnxruntime-node is not the pinned version, because the
 * binding's internal path and calling convention may change between versions.
 */
export function initOrtBinding(): void {
  if (native !== undefined) return;
  const version = installedOrtVersion();
  if (version !== PINNED_ORT_VERSION) {
    throw new Error(
      `onnx backend: onnxruntime-node ${version} is installed, but this backend uses its internal ` +
        `synchronous binding and is pinned to ${PINNED_ORT_VERSION}; install onnxruntime-node@${PINNED_ORT_VERSION}`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('onnxruntime-node/dist/binding') as NativeBindingModule;
  // Without initialisation, loadModel crashes the process. initOrt() marks the
  // package's own flag (so its public API will not initialise again); the second
  // call replaces the tensor constructor with the realm-safe one.
  mod.initOrt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMainThread } = require('worker_threads') as typeof import('worker_threads');
  mod.binding.initOrtOnce(ORT_LOG_LEVEL, RealmSafeTensor, isMainThread);
  native = mod;
}

/** Counts of native work done in this process, for tests and benchmarks. */
export interface OrtStats {
  /** Sessions created (models loaded) so far. */
  readonly sessionsCreated: number;
  /** Session runs so far. */
  readonly runs: number;
  /** Sessions freed so far. */
  readonly sessionsDisposed: number;
}

/** How many sessions were created and runs made in this process so far. */
export function ortStats(): OrtStats {
  return { sessionsCreated, runs, sessionsDisposed };
}

/**
 * The library's error for the failures of a run it can name: an index out of range
 * (the lowering makes negative indices too large, so ORT refuses them) and an arg
 * reduction over an empty axis. Anything else is returned as it is.
 */
function classifyRunError(e: unknown): unknown {
  // ORT's errors come from another realm under jest: not `instanceof Error` there
  const m = (e as { message?: unknown } | null)?.message;
  const message = typeof m === 'string' ? m : String(e);
  const node = /while running (\w+) node/.exec(message)?.[1];
  if ((node === 'Gather' || node === 'ScatterElements') && /out of (data )?bounds/.test(message)) {
    const fn = node === 'Gather' ? 'gather' : 'scatterAdd';
    // the failing node's name carries the API function and argument the indices came from, if any
    const name = /Name:'([^']*)'/.exec(message)?.[1];
    const what = name === undefined ? undefined : whatOfNodeName(name);
    const range = /inclusive range \[-?\d+,\s*(-?\d+)\]/.exec(message);
    const quoted = /idx=(-?\d+)/.exec(message);
    if (range && quoted) {
      // the lowering shifted negative indices down by NEGATIVE_INDEX_SHIFT: undo it
      const v = Number(quoted[1]);
      return indexOutOfRange(fn, v < -NEGATIVE_INDEX_SHIFT / 2 ? v + NEGATIVE_INDEX_SHIFT : v, Number(range[1]) + 1, what);
    }
    return new KerasValueError(`${what ?? fn}: an index is out of range`);
  }
  if (node === 'ArgMax' || node === 'ArgMin') {
    return new KerasValueError(`${node === 'ArgMax' ? 'argMax' : 'argMin'}: the reduced axis is empty`);
  }
  return e;
}

/**
 * A synchronous ONNX Runtime session over one model: `run` returns the outputs
 * directly (no promise, no `setImmediate`).
 */
export class SyncSession {
  /** Input names, in model order. */
  readonly inputNames: readonly string[];
  /** Output names, in model order. */
  readonly outputNames: readonly string[];
  private session: NativeSession | undefined;
  private readonly fetches: Record<string, null>;

  private constructor(session: NativeSession) {
    this.session = session;
    this.inputNames = session.inputMetadata.map((m) => m.name);
    this.outputNames = session.outputMetadata.map((m) => m.name);
    this.fetches = {};
    for (const name of this.outputNames) this.fetches[name] = null;
  }

  /** Loads `model` (encoded ModelProto bytes) into a new session. Initialises ORT if needed. */
  static create(model: Uint8Array, options: SyncSessionOptions = {}): SyncSession {
    initOrtBinding();
    const session = new (native as NativeBindingModule).binding.InferenceSession();
    // fatal only: ORT's graph warnings ("Removing initializer ...") and error lines are not
    // the user's business; failures surface as the library's exceptions.
    const opts = { ...options, ...(options.executionProviders ? { executionProviders: [...options.executionProviders] } : {}) };
    session.loadModel(model.buffer as ArrayBuffer, model.byteOffset, model.byteLength, { logSeverityLevel: ORT_LOG_LEVEL, enableCpuMemArena: false, ...opts });
    sessionsCreated++;
    return new SyncSession(session);
  }

  /** Runs the model once; `feeds` maps every input name to a tensor. Returns every output by name. */
  run(feeds: Readonly<Record<string, ort.Tensor>>): Record<string, ort.Tensor> {
    if (this.session === undefined) throw new Error('onnx backend: run on a disposed session');
    runs++;
    try {
      return this.session.run(feeds as Record<string, ort.Tensor>, this.fetches, { logSeverityLevel: ORT_LOG_LEVEL });
    } catch (e) {
      throw classifyRunError(e);
    }
  }

  /** Frees the native session. Safe to call twice. */
  dispose(): void {
    if (this.session !== undefined) {
      this.session.dispose();
      this.session = undefined;
      sessionsDisposed++;
    }
  }

  /** Whether `dispose` has been called. */
  get disposed(): boolean {
    return this.session === undefined;
  }
}
