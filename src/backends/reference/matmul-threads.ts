/**
 * Large matMuls split over worker threads, synchronously.
 *
 * One small pool per process (at most `min(cores, 4) - 1` workers, started on
 * the first large product, unref'd so they never keep the process alive, each
 * ending itself after a second without work and started again when needed).
 * The calling thread copies A's and B's data into shared scratch (of the operand's
 * type when it is float32, else float64), publishes a job (the views of A and B, and
 * a grid of rectangles of C's 4x2 tiles) in shared control words and wakes the
 * workers; then every thread, the caller included, claims rectangles one at a
 * time with a compare-and-swap until none is left, and computes each with
 * `packedRectangle`: it packs the panels of A and B the rectangle needs into its
 * own panels (a plain array, which threads cannot share: see matmul-tiles.ts) if it
 * has not yet for this job, so the packing is split over the threads too. The
 * caller writes its rectangles straight into the output, a worker into its own
 * shared scratch that the caller copies from once the worker stamps the rectangle
 * done (Atomics.wait). A worker polls for 2 ms after each job before it sleeps (a
 * training step's products come a millisecond or two apart), and the caller wakes
 * the sleeping ones before it copies the operands (`rouse`): a worker woken by the
 * job itself started late. A rectangle a worker has not finished soon after the
 * caller ran out of work (a busy machine may have descheduled it) is computed by the
 * caller as well, so a call never waits long on another thread. Each product
 * shape is timed both ways and split only while splitting has been the faster
 * way lately (when the other cores are busy, a split is slower than the caller
 * alone); the other way is retimed every 16th product of the shape while the
 * caller alone is faster, every 64th while splitting is.
 * Every element is computed whole by one thread with the same kernel
 * (`tileBlock`, whose source text the workers run, as `packPanels`' and
 * `packedRectangle`'s), so the result has the same bits whichever thread computed it
 * and however many threads there are.
 *
 * Without worker_threads or SharedArrayBuffer, before a worker has started, or
 * when it failed its start-up check (for instance under code instrumentation
 * that makes the kernel's text refer to outside names), the caller computes
 * every rectangle itself: a worker only ever takes work off it.
 */
import { coreCount } from '../cores';
import type { HostArray } from '../types';
import {
  MatView,
  newPanels,
  packPanels,
  packedRectangle,
  panelGroup,
  PANEL_LIMIT,
  PanelState,
  panelStateFor,
  readyPanels,
  rectangleOrigin,
  tileBlock,
  TILE_M,
  TILE_N,
} from './matmul-tiles';

/** Multiply-adds from which a product is split over threads (below, waking a worker costs more than it saves). */
export const THREAD_MIN_MACS = 1 << 21;
/** At most this many rectangles per job (7 bits of the state word). */
const MAX_CHUNKS = 127;
/** Rectangles per thread aimed at (uneven thread speeds even out over several). */
const CHUNKS_PER_THREAD = 8;
/** A worker ends itself after this long without work. */
const IDLE_MS = 1000;
/** Scratch kept between calls, per array, in doubles (32 MiB); larger products use scratch of their own. */
const KEEP_DOUBLES = 1 << 22;
/** While the caller alone is the faster way, every this many products of one shape are split (to notice the other cores free again). */
const EXPLORE_SPLIT_EVERY = 16;
/**
 * While splitting is the faster way, every this many products run on the caller alone.
 * Rarer: a busier machine shows in the splits' own timings, which every split records.
 */
const EXPLORE_SINGLE_EVERY = 64;
/** Timings kept per shape and way (the fastest of them decides). */
const TIMINGS_KEPT = 3;
/** Product shapes whose timings are kept (then forgotten all at once). */
const MAX_TIMED_SHAPES = 64;
/** Split jobs after a worker starts that are run but not timed (its first jobs run slower). */
const WARM_JOBS = 4;
/** A worker stays awake (polling) this long after a job or a wake-up before it sleeps. */
const SPIN_MS = 2;
/** The most workers a pool has. */
const MAX_WORKERS = 3;

// Control words (Int32Array). STATE: seq << 14 | back << 7 | front: rectangles [front, back) are
// unclaimed; the caller claims from the front, the workers from the back (see `run`).
const STATE = 0;
/** Words 1..MAX_WORKERS: each worker slot's status. */
const SLOT0 = 1;
const CTRL_WORDS = SLOT0 + MAX_WORKERS;
// Slot status.
const NONE = 0;
const STARTING = 1;
const READY = 2;
const FAILED = 3;
// Job parameters (Float64Array).
const P_M = 0;
const P_N = 1;
const P_K = 2;
const P_GROUP = 3;
const P_ROWS = 4; // row panels per rectangle
const P_COLS = 5; // column panels per rectangle
const P_COL_CHUNKS = 6;
const P_GEN = 7; // scratch generation
const P_F32 = 8; // 1: C is float32, and the worker's copy of it too
// A's view (m x k) and B^T's view (n x k) in the shared copies; *_F32: 1 when the copy is float32.
const P_A_F32 = 9;
const P_A_OFF = 10;
const P_A_RS = 11;
const P_A_CS = 12;
const P_B_F32 = 13;
const P_B_OFF = 14;
const P_B_RS = 15;
const P_B_CS = 16;
const P_ROW_CHUNKS = 17;
const P_COLUMN_MAJOR = 18; // 1: rectangle idx runs down the row chunks first (see `run`)
const PARAM_WORDS = 19;

/**
 * The worker's program: its loop around the kernel's own source text. Worker
 * `w` claims the last unclaimed rectangle (compare-and-swap on STATE), clears its
 * stamp `done[w * MAX_CHUNKS + idx]`, marks it `owner[idx] = w + 1`,
 * computes it into its own scratch `cw` (packing the panels it needs into its own
 * panels) and stamps `done[w * MAX_CHUNKS + idx]` with the job's sequence number
 * (negated when it could not compute it).
 */
function workerSource(): string {
  return `'use strict';
const { workerData, receiveMessageOnPort } = require('worker_threads');
const newPanels = ${newPanels.toString()};
const readyPanels = ${readyPanels.toString()};
const rectangleOrigin = ${rectangleOrigin.toString()};
const packPanels = ${packPanels.toString()};
const tileBlock = ${tileBlock.toString()};
const packedRectangle = ${packedRectangle.toString()};
const ctrl = new Int32Array(workerData.ctrl);
const owner = new Int32Array(workerData.owner);
const params = new Float64Array(workerData.params);
const done = new Int32Array(workerData.done);
const port = workerData.port;
const w = workerData.w;
const row = w * ${MAX_CHUNKS};
let gen = -1, sa32, sa64, sb32, sb64, cw, cw32;
// This thread's panels (a plain array of doubles, see matmul-tiles.ts) and the job they were packed for.
let st = { pan: [], aDone: new Uint8Array(0), bDone: new Uint8Array(0) }, packedFor = -1;
function scratch(want) {
  while (gen !== want) {
    const msg = receiveMessageOnPort(port);
    if (msg === undefined) return false;
    const s = msg.message;
    gen = s.gen;
    sa32 = new Float32Array(s.sa); sa64 = new Float64Array(s.sa); sb32 = new Float32Array(s.sb); sb64 = new Float64Array(s.sb);
    cw = new Float64Array(s.cw); cw32 = new Float32Array(s.cw);
  }
  return true;
}
function rectangle(idx, seq) {
  if (!scratch(params[${P_GEN}])) return false;
  // Whole numbers as int32 (| 0): read from a Float64Array they are doubles, and the kernel
  // called with double sizes and offsets ran its index arithmetic in floating point (a
  // worker's rectangle took 1.0 ms where the caller's took 0.6).
  const m = params[${P_M}] | 0, n = params[${P_N}] | 0, k = params[${P_K}] | 0;
  const rows = params[${P_ROWS}] | 0, cols = params[${P_COLS}] | 0, colChunks = params[${P_COL_CHUNKS}] | 0, rowChunks = params[${P_ROW_CHUNKS}] | 0;
  const mP = Math.ceil(m / ${TILE_M}), nP = Math.ceil(n / ${TILE_N});
  const [ip0, jp0] = rectangleOrigin(idx, rows, cols, rowChunks, colChunks, params[${P_COLUMN_MAJOR}] === 1);
  if (m * n > cw.length) return false;
  if (packedFor !== seq) {
    // A new job: no panel of it packed yet here.
    st = readyPanels(st, mP, nP, (mP * ${TILE_M} + nP * ${TILE_N}) * k, ${PANEL_LIMIT});
    packedFor = seq;
  }
  const a = params[${P_A_F32}] === 1 ? sa32 : sa64, b = params[${P_B_F32}] === 1 ? sb32 : sb64;
  // A float32 C is stored as float32 (rounded as the caller's own stores into C round):
  // half the bytes for the caller to copy out of this thread's cache.
  packedRectangle(st.pan, st.aDone, st.bDone, a, params[${P_A_OFF}], params[${P_A_RS}], params[${P_A_CS}], b, params[${P_B_OFF}], params[${P_B_RS}], params[${P_B_CS}],
    m, n, k, params[${P_F32}] === 1 ? cw32 : cw, 0, n, ip0, Math.min(mP, ip0 + rows), jp0, Math.min(nP, jp0 + cols), params[${P_GROUP}] | 0);
  return true;
}
try {
  // Start-up check: a 5x6 @ 6x7 product of small integers (exact in double), its first element.
  const a = new Float64Array(30), b = new Float64Array(42), c = new Float64Array(35);
  for (let i = 0; i < 30; i++) a[i] = (i % 7) - 3;
  for (let i = 0; i < 42; i++) b[i] = (i % 5) - 2;
  const p0 = new Array(8 * 6 + 8 * 6).fill(0.5);
  packedRectangle(p0, new Uint8Array(2), new Uint8Array(4), a, 0, 6, 1, b, 0, 1, 7, 5, 7, 6, c, 0, 7, 0, 2, 0, 4, 1);
  let s = 0;
  for (let p = 0; p < 6; p++) s += a[p] * b[p * 7];
  if (c[0] !== s) throw new Error('kernel check');
  // Warm-up: enough tiles for the engine to optimise the kernel and the packing before
  // the first job (interpreted, a worker's first rectangles took several times the caller's).
  // Both operand types, and both packing orders (rows along k, and rows side by side).
  const wa = new Float32Array(64 * 256), wd = new Float64Array(64 * 256), wc = new Float64Array(64 * 64), wp = new Array(64 * 256 * 2).fill(0.5);
  for (let r = 0; r < 10; r++) {
    packedRectangle(wp, new Uint8Array(16), new Uint8Array(32), wa, 0, 256, 1, wd, 0, 256, 1, 64, 64, 256, wc, 0, 64, 0, 16, 0, 32, 8);
    packedRectangle(wp, new Uint8Array(16), new Uint8Array(32), wd, 0, 1, 64, wa, 0, 1, 64, 64, 64, 256, wc, 0, 64, 0, 16, 0, 32, 8);
  }
} catch (e) {
  Atomics.store(ctrl, ${SLOT0} + w, ${FAILED});
  throw e;
}
Atomics.store(ctrl, ${SLOT0} + w, ${READY});
for (;;) {
  let v = Atomics.load(ctrl, ${STATE});
  while ((v & 127) < ((v >> 7) & 127)) {
    const seq = v >>> 14, idx = ((v >> 7) & 127) - 1;
    if (Atomics.compareExchange(ctrl, ${STATE}, v, v - 128) === v) {
      // The stamp cleared before the claim is published: a stamp left from a job
      // 32767 jobs ago with the same sequence number must not read as done.
      Atomics.store(done, row + idx, 0);
      Atomics.store(owner, idx, w + 1);
      Atomics.notify(owner, idx);
      let ok = false;
      try { ok = rectangle(idx, seq); } catch (e) { ok = false; }
      Atomics.store(done, row + idx, ok ? seq : -seq);
      Atomics.notify(done, row + idx);
    }
    v = Atomics.load(ctrl, ${STATE});
  }
  // Stay awake a moment for the next job (a training step's products come a millisecond or
  // two apart), then sleep. The clock is read every 1024 polls: each read makes a heap number.
  const awake = performance.now() + ${SPIN_MS};
  for (let polls = 0; Atomics.load(ctrl, ${STATE}) === v; polls = (polls + 1) | 0) {
    if ((polls & 1023) === 0 && !(performance.now() < awake)) break;
  }
  if (Atomics.load(ctrl, ${STATE}) !== v) continue;
  if (Atomics.wait(ctrl, ${STATE}, v, ${IDLE_MS}) === 'timed-out' && Atomics.load(ctrl, ${STATE}) === v) {
    // Idle: end this thread (the caller starts another when it needs one).
    Atomics.store(ctrl, ${SLOT0} + w, ${NONE});
    process.exit(0);
  }
}
`;
}

type WorkerModule = typeof import('worker_threads');
type Worker = import('worker_threads').Worker;
type MessagePort = import('worker_threads').MessagePort;

/** The shared copies of A's and B's data, and each worker's copy of C (as float64, and the same memory as float32). */
interface Scratch {
  gen: number;
  readonly sa: Float64Array;
  readonly sb: Float64Array;
  readonly sa32: Float32Array;
  readonly sb32: Float32Array;
  readonly cw: readonly Float64Array[];
  readonly cw32: readonly Float32Array[];
}

/** Scratch `gen` over these arrays, with their float32 views. */
function scratchOf(gen: number, sa: Float64Array, sb: Float64Array, cw: readonly Float64Array[]): Scratch {
  const f32 = (d: Float64Array): Float32Array => new Float32Array(d.buffer);
  return { gen, sa, sb, sa32: f32(sa), sb32: f32(sb), cw, cw32: cw.map(f32) };
}

interface Slot {
  worker: Worker | null;
  port: MessagePort | null;
}

function sharedDoubles(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8));
}

function waitFor(word: Int32Array, at: number, until: (v: number) => boolean, deadline: number): number {
  let v = Atomics.load(word, at);
  while (!until(v)) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    Atomics.wait(word, at, v, left);
    v = Atomics.load(word, at);
  }
  return v;
}

/**
 * One product (or one block of one) for the tile kernel: C (m x n, element (i, j) at
 * co + i * ldc + j of `out`) = A B, A the m x k view `a`, B given as the n x k view `b` of B^T.
 */
export interface TileJob {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly a: MatView;
  readonly b: MatView;
  readonly out: HostArray;
  readonly co: number;
  readonly ldc: number;
}

/** The calling thread's panels (kept between products; see `panelStateFor`). */
let callerPanels: PanelState | null = null;

/**
 * C = A B for `job` on the calling thread alone: every panel packed, then every tile.
 */
export function runOnCaller(job: TileJob): void {
  const { m, n, k, a, b } = job;
  const mP = Math.ceil(m / TILE_M);
  const nP = Math.ceil(n / TILE_N);
  const st = (callerPanels = panelStateFor(callerPanels, m, n, k));
  packedRectangle(st.pan, st.aDone, st.bDone, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, m, n, k, job.out, job.co, job.ldc, 0, mP, 0, nP, panelGroup(k));
}

/** Row pieces at least this long are copied with `set` (a memory copy, but a subarray object made per row). */
const SET_FROM = 64;

/** Copies rows [i0, i1) x columns [j0, j1) of `src` (rows `srcLd` long, from 0) into `out` (element (i, j) at co + i * ldc + j). */
function copyRows(src: HostArray, srcLd: number, out: HostArray, co: number, ldc: number, i0: number, i1: number, j0: number, j1: number): void {
  for (let i = i0; i < i1; i++) {
    const s = i * srcLd;
    const o = co + i * ldc;
    if (j1 - j0 >= SET_FROM) out.set(src.subarray(s + j0, s + j1), o + j0);
    else for (let j = j0; j < j1; j++) out[o + j] = src[s + j];
  }
}

/** The process's pool (one per module instance; see the file comment). */
class MatMulPool {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CTRL_WORDS * 4));
  private readonly owner = new Int32Array(new SharedArrayBuffer(MAX_CHUNKS * 4));
  private readonly params = new Float64Array(new SharedArrayBuffer(PARAM_WORDS * 8));
  private readonly done = new Int32Array(new SharedArrayBuffer(MAX_WORKERS * MAX_CHUNKS * 4));
  private readonly mine = new Uint8Array(MAX_CHUNKS);
  private readonly slots: Slot[];
  private kept: Scratch;
  private current: Scratch;
  private seq = 0;
  private closed = false;
  /** Whether the workers have not yet run a job on the current scratch (see `record`). */
  private freshScratch = false;
  /** Split jobs still to run untimed since a worker started (see `record`). */
  private warming = 0;

  constructor(
    private readonly wt: WorkerModule,
    workers: number,
  ) {
    this.slots = Array.from({ length: workers }, () => ({ worker: null, port: null }));
    this.kept = this.current = scratchOf(0, sharedDoubles(0), sharedDoubles(0), this.slots.map(() => sharedDoubles(0)));
  }

  /**
   * Copies A's and B's data into the scratch shared with the workers (as float32 when
   * the operand is float32, else as float64: exact for every dtype the backend keeps in
   * a typed array), with room for C (cwLen elements) in each worker's copy. Returns
   * whether each copy is float32.
   */
  share(a: HostArray, b: HostArray, cwLen: number): { readonly aF32: boolean; readonly bF32: boolean } {
    const s = this.scratch(a.length, b.length, cwLen);
    const aF32 = a instanceof Float32Array;
    const bF32 = b instanceof Float32Array;
    if (aF32) s.sa32.set(a);
    else s.sa.set(a);
    if (bF32) s.sb32.set(b);
    else s.sb.set(b);
    return { aF32, bF32 };
  }

  /** Shared scratch of at least the given lengths (in doubles; C's for each worker). */
  private scratch(saLen: number, sbLen: number, cwLen: number): Scratch {
    const cur = this.current;
    if (cur.sa.length >= saLen && cur.sb.length >= sbLen && cur.cw[0].length >= cwLen) return cur;
    const kept = this.kept;
    let next: Scratch;
    if (saLen <= KEEP_DOUBLES && sbLen <= KEEP_DOUBLES && cwLen <= KEEP_DOUBLES) {
      // Grow the kept scratch (to at least twice, so a run of growing products reallocates rarely).
      const grow = (have: Float64Array, want: number): Float64Array =>
        have.length >= want ? have : sharedDoubles(Math.min(KEEP_DOUBLES, Math.max(want, 2 * have.length)));
      next = this.kept = scratchOf(cur.gen + 1, grow(kept.sa, saLen), grow(kept.sb, sbLen), kept.cw.map((c) => grow(c, cwLen)));
    } else {
      // Too large to keep: this product's own, dropped afterwards (see `release`).
      next = scratchOf(cur.gen + 1, sharedDoubles(saLen), sharedDoubles(sbLen), this.slots.map(() => sharedDoubles(cwLen)));
    }
    this.use(next);
    return next;
  }

  /** Goes back to the kept scratch after a product that needed its own. */
  release(): void {
    if (this.current === this.kept) return;
    this.kept.gen = this.current.gen + 1;
    this.use(this.kept);
  }

  private use(s: Scratch): void {
    this.current = s;
    this.freshScratch = true;
    this.slots.forEach((slot, w) => slot.port?.postMessage({ gen: s.gen, sa: s.sa.buffer, sb: s.sb.buffer, cw: s.cw[w].buffer }));
  }

  /**
   * Wakes the sleeping workers ahead of a job (while the caller copies the operands): a
   * worker that slept since the last product took longer to start on the next.
   */
  rouse(): void {
    Atomics.notify(this.ctrl, STATE);
  }

  /** Starts workers in empty slots; true when at least one is ready to take work. */
  wake(): boolean {
    if (this.closed) return false;
    let ready = false;
    for (let w = 0; w < this.slots.length; w++) {
      const status = Atomics.load(this.ctrl, SLOT0 + w);
      if (status === READY) ready = true;
      else if (status === NONE) this.start(w);
    }
    return ready;
  }

  /** Per product shape: the last few milliseconds per product on the caller alone [0] and split [1], and products since the way not chosen was timed. */
  private readonly timings = new Map<string, { ms: [number[], number[]]; since: number }>();

  /**
   * Whether to split the next m x k x n product: the way whose best recent
   * timing (the fastest of the last TIMINGS_KEPT) is lower for this shape, after
   * the first WARM_JOBS jobs of a started worker, which split. Until each way
   * has been timed TIMINGS_KEPT times the two alternate; then the way not chosen
   * is timed again now and then (EXPLORE_SPLIT_EVERY, EXPLORE_SINGLE_EVERY), so a
   * change in the machine's load is noticed. The fastest, not the median: a one-off pause
   * (a garbage collection, a thread descheduled once) slows either way now and
   * then, and two such pauses among three split timings kept the bench MLP's
   * products on one thread for 32 products (a median of [7.4, 13.8, 16.6] ms
   * against 12.5 ms alone); when the other cores stay busy, every recent split
   * is slow, and after TIMINGS_KEPT of them the caller alone is chosen.
   */
  chooseSplit(m: number, n: number, k: number): boolean {
    if (this.warming > 0) return true;
    const t = this.timings.get(`${m},${n},${k}`);
    if (t === undefined) return true;
    const [single, split] = t.ms;
    if (split.length < TIMINGS_KEPT || single.length < TIMINGS_KEPT) return split.length <= single.length;
    const faster = Math.min(...split) <= Math.min(...single);
    if (++t.since < (faster ? EXPLORE_SINGLE_EVERY : EXPLORE_SPLIT_EVERY)) return faster;
    t.since = 0;
    return !faster;
  }

  /**
   * Records how long an m x k x n product took on the caller alone or split.
   * The first WARM_JOBS splits after a worker started (they always split: see
   * `chooseSplit`) and a split whose scratch was new to the workers are not
   * recorded: a worker's first jobs and its adoption of new buffers are one-off
   * costs (the first splits of the bench MLP's products took 12-16 ms, the later
   * ones 7-8, the caller alone 12).
   */
  record(m: number, n: number, k: number, split: boolean, ms: number): void {
    if (split && (this.freshScratch || this.warming > 0)) {
      this.freshScratch = false;
      if (this.warming > 0) this.warming--;
      stats.split++;
      return;
    }
    const key = `${m},${n},${k}`;
    let t = this.timings.get(key);
    if (t === undefined) {
      if (this.timings.size >= MAX_TIMED_SHAPES) this.timings.clear();
      t = { ms: [[], []], since: 0 };
      this.timings.set(key, t);
    }
    const kept = t.ms[split ? 1 : 0];
    kept.push(ms);
    if (kept.length > TIMINGS_KEPT) kept.shift();
    if (split) stats.split++;
    else stats.single++;
  }

  /** The number of worker slots. */
  get size(): number {
    return this.slots.length;
  }

  /** Whether some worker is still starting (neither ready nor failed). */
  starting(): boolean {
    return this.slots.some((_, w) => Atomics.load(this.ctrl, SLOT0 + w) === STARTING);
  }

  private start(w: number): void {
    const slot = this.slots[w];
    slot.port?.close();
    slot.port = null;
    const { port1, port2 } = new this.wt.MessageChannel();
    const s = this.current;
    Atomics.store(this.ctrl, SLOT0 + w, STARTING);
    let worker: Worker;
    try {
      worker = new this.wt.Worker(workerSource(), {
        eval: true,
        workerData: { ctrl: this.ctrl.buffer, owner: this.owner.buffer, params: this.params.buffer, done: this.done.buffer, port: port2, w },
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
    } catch {
      Atomics.store(this.ctrl, SLOT0 + w, FAILED);
      port1.close();
      return;
    }
    worker.unref();
    this.warming = WARM_JOBS;
    port1.postMessage({ gen: s.gen, sa: s.sa.buffer, sb: s.sb.buffer, cw: s.cw[w].buffer });
    const status = (): number => Atomics.load(this.ctrl, SLOT0 + w);
    worker.on('error', () => {
      // A worker that failed its start-up check stays FAILED; one that died otherwise may be started again.
      if (slot.worker === worker && status() !== FAILED) Atomics.store(this.ctrl, SLOT0 + w, NONE);
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (status() === READY || status() === STARTING) Atomics.store(this.ctrl, SLOT0 + w, NONE);
    });
    slot.worker = worker;
    slot.port = port1;
  }

  /**
   * C = A B for one tile job (see `TileJob`), split over the caller and the ready
   * workers; `share` has copied the operands' data for this call. A rectangle a worker
   * has not finished when the caller has run out of work (within twice the caller's own
   * time per rectangle) is computed by the caller too (a busy machine may have
   * descheduled the worker), so the call never waits long on another thread.
   */
  run(job: TileJob, shared: { readonly aF32: boolean; readonly bF32: boolean }): void {
    const { m, n, k, a, b, out, co, ldc } = job;
    const s = this.current;
    const mP = Math.ceil(m / TILE_M);
    const nP = Math.ceil(n / TILE_N);
    const group = panelGroup(k);
    const threads = this.slots.length + 1;
    // Rectangles: whole groups of column panels across, then rows split to reach the aim.
    let colChunks = Math.min(Math.ceil(nP / Math.min(group, nP)), MAX_CHUNKS);
    const cols = Math.ceil(nP / colChunks);
    colChunks = Math.ceil(nP / cols);
    let rowChunks = Math.max(1, Math.min(mP, Math.floor(MAX_CHUNKS / colChunks), Math.ceil((CHUNKS_PER_THREAD * threads) / colChunks)));
    const rows = Math.ceil(mP / rowChunks);
    rowChunks = Math.ceil(mP / rows);
    const count = rowChunks * colChunks;
    // The caller claims rectangles from the front and the workers from the back, so each
    // thread tends to pack only its own side of the larger operand: rectangles are
    // numbered down the row chunks first when B's panels are the larger, else across.
    const columnMajor = nP * TILE_N > mP * TILE_M;
    const p = this.params;
    p[P_M] = m;
    p[P_N] = n;
    p[P_K] = k;
    p[P_GROUP] = group;
    p[P_ROWS] = rows;
    p[P_COLS] = cols;
    p[P_COL_CHUNKS] = colChunks;
    p[P_ROW_CHUNKS] = rowChunks;
    p[P_COLUMN_MAJOR] = columnMajor ? 1 : 0;
    p[P_GEN] = s.gen;
    const f32 = out instanceof Float32Array;
    p[P_F32] = f32 ? 1 : 0;
    p[P_A_F32] = shared.aF32 ? 1 : 0;
    p[P_A_OFF] = a.off;
    p[P_A_RS] = a.rs;
    p[P_A_CS] = a.cs;
    p[P_B_F32] = shared.bF32 ? 1 : 0;
    p[P_B_OFF] = b.off;
    p[P_B_RS] = b.rs;
    p[P_B_CS] = b.cs;
    this.owner.fill(0, 0, count);
    this.mine.fill(0, 0, count);
    this.seq = (this.seq % 32767) + 1;
    const seq = this.seq;
    stats.jobs++;
    Atomics.store(this.ctrl, STATE, (seq << 14) | (count << 7));
    Atomics.notify(this.ctrl, STATE);
    const st = (callerPanels = panelStateFor(callerPanels, m, n, k));
    const rect = (idx: number): void => {
      const [ip0, jp0] = rectangleOrigin(idx, rows, cols, rowChunks, colChunks, columnMajor);
      packedRectangle(st.pan, st.aDone, st.bDone, a.data, a.off, a.rs, a.cs, b.data, b.off, b.rs, b.cs, m, n, k, out, co, ldc, ip0, Math.min(mP, ip0 + rows), jp0, Math.min(nP, jp0 + cols), group);
    };
    const t0 = performance.now();
    let own = 0;
    for (;;) {
      const v = Atomics.load(this.ctrl, STATE);
      const idx = v & 127;
      if (idx >= ((v >> 7) & 127)) break;
      if (Atomics.compareExchange(this.ctrl, STATE, v, v + 1) !== v) continue;
      this.mine[idx] = 1;
      rect(idx);
      own++;
    }
    stats.callerRectangles += own;
    const patience = own > 0 ? Math.max(0.1, (2 * (performance.now() - t0)) / own) : 5;
    // The workers' rectangles: wait for each (a little), then copy it out of the worker's scratch.
    for (let idx = 0; idx < count; idx++) {
      if (this.mine[idx] === 1) continue;
      const deadline = performance.now() + patience;
      const w = waitFor(this.owner, idx, (v) => v !== 0, deadline) - 1;
      const d = w < 0 ? 0 : waitFor(this.done, w * MAX_CHUNKS + idx, (v) => v === seq || v === -seq, deadline);
      if (d !== seq) {
        rect(idx); // not done in time, or the worker could not: computed here
        stats.callerRecomputed++;
        continue;
      }
      stats.workerRectangles++;
      const [ip0, jp0] = rectangleOrigin(idx, rows, cols, rowChunks, colChunks, columnMajor);
      const i0 = ip0 * TILE_M;
      const i1 = Math.min(m, i0 + rows * TILE_M);
      const j0 = jp0 * TILE_N;
      const j1 = Math.min(n, j0 + cols * TILE_N);
      // Row by row out of the worker's copy (float32 when C is: see workerSource; its rows are n long).
      copyRows(f32 ? s.cw32[w] : s.cw[w], n, out, co, ldc, i0, i1, j0, j1);
    }
  }

  /** Ends the workers; the pool is not used again. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      void slot.worker?.terminate();
      slot.port?.close();
    }
  }
}

/** Counts of rectangles computed so far in this process, by whom (for tests and benchmarks). */
export interface MatMulThreadStats {
  /** Split products run. */
  jobs: number;
  /** Rectangles the calling thread computed. */
  callerRectangles: number;
  /** Rectangles a worker computed. */
  workerRectangles: number;
  /** Rectangles a worker claimed but had not finished in time (or could not compute), computed by the caller. */
  callerRecomputed: number;
  /** Products large enough to split that were split (a worker ready). */
  split: number;
  /** Products large enough to split run on the caller alone (no worker ready yet, or the faster way lately). */
  single: number;
}

const stats: MatMulThreadStats = { jobs: 0, callerRectangles: 0, workerRectangles: 0, callerRecomputed: 0, split: 0, single: 0 };

/** A copy of the counts so far. */
export function matMulThreadStats(): MatMulThreadStats {
  return { ...stats };
}

let pool: MatMulPool | null | undefined;
let workerCount: number | undefined;

function defaultWorkers(wt: WorkerModule): number {
  void wt;
  return Math.max(0, Math.min(coreCount(), MAX_WORKERS + 1) - 1);
}

/** The pool when large products may be split (null: run everything on the calling thread). */
export function matMulPool(): MatMulPool | null {
  if (workerCount === 0) return null;
  if (pool !== undefined) return pool;
  pool = null;
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return null;
  let wt: WorkerModule;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    wt = require('worker_threads') as WorkerModule;
  } catch {
    return null;
  }
  const n = Math.min(MAX_WORKERS, workerCount ?? defaultWorkers(wt));
  if (n > 0) pool = new MatMulPool(wt, n);
  return pool;
}

export type { MatMulPool };

/**
 * Sets how many worker threads large matMuls may use (0: none, every product
 * on the calling thread; default min(cores, 4) - 1, at most 3). For tests and
 * benchmarks. 0 leaves the pool as it is (its idle workers end by themselves),
 * so switching back to the same count finds it again; another count replaces it.
 */
export function setMatMulWorkers(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`setMatMulWorkers: n must be a non-negative integer, got ${n}`);
  workerCount = n;
  if (n === 0 || (pool != null && pool.size === Math.min(MAX_WORKERS, n))) return;
  pool?.close();
  pool = undefined;
}

/**
 * Resolves true once a worker of the pool is ready to take work (starting the
 * pool's workers if needed), false when the pool has none or none started
 * within `timeoutMs`. For tests and benchmarks: products never wait for this.
 */
export async function matMulWorkersReady(timeoutMs = 10000): Promise<boolean> {
  const p = matMulPool();
  if (p === null) return false;
  const end = Date.now() + timeoutMs;
  while (!p.wake()) {
    if (Date.now() >= end || !p.starting()) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
