/**
 * Starting tfjs-backend-wasm's threaded SIMD build in Node, where tfjs 4.22
 * itself only ever starts the single-threaded one.
 *
 * Three things stop the threaded build in Node, and one makes it costly (measured,
 * docs/engine-notes.md):
 * - tfjs's `WASM_HAS_MULTITHREAD_SUPPORT` flag is false in Node; it is set true.
 * - emscripten starts each pthread worker from a `blob:` URL made of tfjs's worker
 *   script, which Node's `Worker` refuses (ERR_WORKER_PATH). While the module
 *   starts, `URL.createObjectURL` hands out a `data:` URL instead: a small ES module
 *   that loads tfjs's worker script, from the installed package, the way tfjs's
 *   own loader would, and reads the glue script it is sent as a blob from the same
 *   package.
 * - the C++ side caps XNNPACK's thread pool at half the logical cores
 *   (`emscripten_num_logical_cores() / 2`, for hyper-threaded x86): on a 2-core
 *   machine, 1. While the module starts, `os.cpus()` reports twice the threads
 *   asked for, to tfjs's glue only.
 * - tfjs's start makes two Blobs, and Node's Blob slows every typed-array loop in
 *   the process (see `startThreadedWasm`): while the module starts, tfjs's own code
 *   gets a plain stand-in instead.
 *
 * The stand-ins are put back as soon as the module has started. After the start,
 * the pool's running workers are unref'd (they would keep the process alive) and
 * the pre-spawned workers the pool does not use (emscripten makes 8) are
 * terminated, freeing their isolates (about 10 MB each).
 */
// The os module object itself (an `import * as` namespace would be a copy).
import os = require('os');
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';

/** What this file uses of tfjs-backend-wasm's module. */
interface WasmModule {
  setThreadsCount(n: number): void;
  getThreadsCount(): number;
}

/** What this file uses of emscripten's pthread bookkeeping on the started module. */
interface PThreadPool {
  runningWorkers: { unref(): void }[];
  unusedWorkers: { terminate(): unknown }[];
}


/** The ES module each pthread worker runs first, for the package whose package.json is `pkg`. */
function workerSource(pkg: string): string {
  const dir = path.dirname(pkg);
  const glue = path.join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
  const script = path.join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js');
  return [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(${JSON.stringify(pkg)});`,
    `const { wasmWorkerContents } = require(${JSON.stringify(script)});`,
    `globalThis.require = require;`,
    `globalThis.__filename = ${JSON.stringify(glue)};`,
    // The glue script arrives as a stand-in for tfjs's Blob; it is the package's own file.
    `URL.createObjectURL = () => ${JSON.stringify(glue)};`,
    `URL.revokeObjectURL = () => {};`,
    // As tfjs's loader does: the script's "\n" escapes are newlines in its template string.
    `(0, eval)(wasmWorkerContents.replace(/\\n/g, '\\\\n'));`,
  ].join('\n');
}

/** Whether the current call comes from tfjs-backend-wasm's own code. */
function calledFromTfjsWasm(): boolean {
  // The call sites themselves, whatever the user's stack formatting (source maps, a
  // prepareStackTrace of their own) and limit: the caller's frame is the third (this
  // function, the stand-in, the caller).
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 4;
    Error.prepareStackTrace = (_error, frames): unknown => frames;
    const frames: unknown = new Error().stack;
    const inTfjs = (f: NodeJS.CallSite): boolean => (f.getFileName() ?? '').includes(`${path.sep}tfjs-backend-wasm${path.sep}`);
    return Array.isArray(frames) && (frames as NodeJS.CallSite[]).some(inTfjs);
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

/** What tfjs's start gets instead of a Blob: its type, for `URL.createObjectURL` below. */
interface BlobStandIn {
  readonly type: string;
  readonly standIn: true;
}

function isStandIn(obj: unknown): obj is BlobStandIn {
  return typeof obj === 'object' && obj !== null && (obj as Partial<BlobStandIn>).standIn === true;
}

/**
 * Makes 'wasm' tfjs's backend with `threads` XNNPACK threads (2 to
 * WASM_MAX_THREADS), using the installed threaded SIMD binary. Resolves to the
 * thread count the module reports; throws (after putting everything back) when
 * the threaded module cannot start, so the caller can start the single-threaded one.
 *
 * tfjs's start makes two Blobs (the worker script and the glue script). Node's
 * Blob constructor invalidates V8's ArrayBuffer-detaching protector for the
 * whole process: from then on every typed-array access in optimised code checks
 * for a detached buffer, and numeric JS loops (the reference backend's kernels,
 * tfjs-core's own) run about 25% slower (measured, docs/engine-notes.md). So
 * while the module starts, a Blob made by tfjs-backend-wasm's code is a plain
 * stand-in holding its type; everyone else's `new Blob` is the real one.
 */
export async function startThreadedWasm(wasm: WasmModule, threads: number): Promise<number> {
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  // A worker that fails to load is an uncaught error in emscripten's glue (the process
  // ends): so the files the workers read, and the binary, must be there first.
  const dir = path.dirname(pkg);
  const needed = [
    path.join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'),
    path.join(dir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js'),
    path.join(dir, 'dist', 'tfjs-backend-wasm-threaded-simd.wasm'),
  ];
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) throw new Error(`tfjs backend: threaded wasm needs ${missing.join(', ')}`);
  if (typeof SharedArrayBuffer !== 'function') throw new Error('tfjs backend: threaded wasm needs SharedArrayBuffer');
  const workerUrl = new URL('data:text/javascript;base64,' + Buffer.from(workerSource(pkg)).toString('base64'));
  const RealBlob = globalThis.Blob;
  const makeUrl = URL.createObjectURL;
  const cpus = os.cpus;
  const StandInBlob = function (...args: ConstructorParameters<typeof Blob>): Blob | BlobStandIn {
    if (calledFromTfjsWasm()) return { type: args[1]?.type ?? '', standIn: true };
    return new RealBlob(...args);
  } as unknown as typeof Blob;
  StandInBlob.prototype = RealBlob.prototype;
  globalThis.Blob = StandInBlob;
  URL.createObjectURL = (obj: Blob): string => {
    if (!isStandIn(obj)) return makeUrl(obj);
    // emscripten's pthread worker script is the only application/javascript blob tfjs makes.
    if (obj.type === 'application/javascript') return workerUrl as unknown as string;
    throw new Error(`tfjs backend: unexpected ${obj.type} script while starting threaded wasm`);
  };
  os.cpus = (): os.CpuInfo[] => {
    const real = cpus();
    if (!calledFromTfjsWasm() || real.length === 0) return real;
    return Array.from({ length: 2 * threads }, (_, i) => real[i % real.length]);
  };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  try {
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new Error('tf.setBackend("wasm") returned false');
  } catch (e) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setThreadsCount(1);
    throw e;
  } finally {
    globalThis.Blob = RealBlob;
    URL.createObjectURL = makeUrl;
    os.cpus = cpus;
  }
  const pool = (tf.backend() as unknown as { wasm?: { PThread?: PThreadPool } }).wasm?.PThread;
  if (pool !== undefined) {
    for (const w of pool.runningWorkers) w.unref();
    for (const w of pool.unusedWorkers) void w.terminate();
    pool.unusedWorkers.length = 0;
  }
  return wasm.getThreadsCount();
}
