/**
 * The blocked matMul's inner kernel and its packing.
 *
 * A is packed into panels of TILE_M = 4 rows and B into panels of TILE_N = 2
 * columns (zero past the matrix's edge; any strides, so transposes are folded
 * into the packing). `tileBlock` computes a rectangle of 4x2 tiles of C, each in
 * 8 local accumulators walking both panels contiguously; every element of C is
 * the sum over p = 0..k-1 in order, in double, from +0, stored once in C's
 * dtype. Any split of C into rectangles therefore gives the same bits as one
 * call over all of it.
 *
 * Panels are a plain JS array of doubles, one per thread (`newPanels`), A's panels
 * first and B's after them. The kernel is bound by the instructions V8 emits per
 * element read: a double array's element is one bounds check and one load, where a
 * Float64Array's also sums two base fields and sign-extends the index, and a 4x2
 * tile keeps its 8 accumulators and 6 operands in registers where a 4x4 tile's 16
 * accumulators spilled. On the bench MLP's 128x784x256 product: 0.31-0.32 ns per
 * multiply-add, against 0.40 for 4x2 tiles over Float64Arrays and 0.42 for the 4x4
 * tiles over Float64Arrays used before.
 *
 * A plain array cannot be shared between threads, so each thread packs the panels
 * it needs itself, from the operands (which the caller copies into shared memory for
 * the workers): `packedRectangle` packs those of a rectangle that this thread has
 * not packed for the current product, then computes it.
 *
 * `newPanels`, `readyPanels`, `rectangleOrigin`, `packPanels`, `tileBlock` and
 * `packedRectangle` are self-contained (no reference outside their own bodies but
 * each other's names): the matMul worker threads (matmul-threads.ts) run their
 * source text, so the threads and the calling thread run the same code.
 */
import type { HostArray } from '../types';

/** Rows of a micro-tile (A's panel width). */
export const TILE_M = 4;
/** Columns of a micro-tile (B's panel width). */
export const TILE_N = 2;

/**
 * The most doubles one thread's panels hold (32 MiB of V8 heap): a product whose
 * panels need more is computed in blocks of C whose panels fit (matmul.ts), and one
 * whose single pair of panels would not fit (k above PANEL_LIMIT / 6) takes the row loop.
 * Also keeps every panel index an int32.
 */
export const PANEL_LIMIT = 1 << 22;

/** A strided view of one matrix: element (r, c) is at `off + r * rs + c * cs`. */
export interface MatView {
  readonly data: HostArray;
  off: number;
  readonly rs: number;
  readonly cs: number;
}

/** A thread's panels: a plain array of doubles (see the file comment). */
export type Panels = number[];

/**
 * A panel array of `len` doubles. Filled with a non-integer: V8 then keeps its
 * elements as raw doubles from the start (an array of small integers would be kept
 * as tagged integers until the first fraction is stored, and the kernel would see
 * two element kinds).
 */
export function newPanels(len: number): Panels {
  return new Array<number>(len).fill(0.5);
}

/** A thread's panels and which of them it has packed for the current product. */
export interface PanelState {
  pan: Panels;
  aDone: Uint8Array;
  bDone: Uint8Array;
}

/**
 * `state` (or a new one) grown to hold the panels of an m x k by k x n product, with
 * every panel marked not packed (see `readyPanels`).
 */
export function panelStateFor(state: PanelState | null, m: number, n: number, k: number): PanelState {
  const s = state ?? { pan: [], aDone: new Uint8Array(0), bDone: new Uint8Array(0) };
  return readyPanels(s, Math.ceil(m / TILE_M), Math.ceil(n / TILE_N), panelsLength(m, n, k), PANEL_LIMIT);
}

/**
 * `state` grown to `len` doubles of panels (at least twice what it had, at most
 * `limit`: a run of growing products reallocates rarely) and to mP row and nP column
 * panels, every panel marked not packed. Panels are kept between products.
 * Self-contained but for `newPanels`: the workers run its text (one per job).
 */
export function readyPanels(state: PanelState, mP: number, nP: number, len: number, limit: number): PanelState {
  let s = state;
  if (s.pan.length < len) s = { ...s, pan: newPanels(Math.min(limit, Math.max(len, 2 * s.pan.length))) };
  if (s.aDone.length < mP) s = { ...s, aDone: new Uint8Array(Math.max(mP, 2 * s.aDone.length)) };
  if (s.bDone.length < nP) s = { ...s, bDone: new Uint8Array(Math.max(nP, 2 * s.bDone.length)) };
  s.aDone.fill(0, 0, mP);
  s.bDone.fill(0, 0, nP);
  return s;
}

/**
 * The first row panel and first column panel of rectangle `idx` of a job split into
 * rowChunks x colChunks rectangles of `rows` x `cols` panels, numbered down the row
 * chunks first (`columnMajor`) or across. The caller and the workers map a claimed
 * index the same way through it. Self-contained: see the file comment.
 */
export function rectangleOrigin(idx: number, rows: number, cols: number, rowChunks: number, colChunks: number, columnMajor: boolean): [number, number] {
  const r = columnMajor ? idx % rowChunks : (idx / colChunks) | 0;
  const c = columnMajor ? (idx / rowChunks) | 0 : idx % colChunks;
  return [r * rows, c * cols];
}

/** Doubles of panels for an m x k by k x n product: A's 4-row panels, then B's 2-column panels. */
export function panelsLength(m: number, n: number, k: number): number {
  return (Math.ceil(m / TILE_M) * TILE_M + Math.ceil(n / TILE_N) * TILE_N) * k;
}

/** Column panels per group for inner dimension k: the packed B of a group fits in about 256 KiB (L2). */
export function panelGroup(k: number): number {
  return Math.max(1, Math.floor((256 * 1024) / (k * TILE_N * 8)));
}

/**
 * Packs row panels [q0, q1) of width w of the rows x k matrix in `src` (element
 * (r, p) at off + r * rs + p * cs) into `dst`: panel q at d0 + q * w * k, element
 * (q * w + t, p) at that + p * w + t, zero past row `rows`. A is packed with
 * w = TILE_M; B with w = TILE_N as the view of B^T (its columns are the rows).
 * When a panel's rows are adjacent in memory (rs = 1: a transposed A, or B's
 * columns), the loop runs along k outside and across the panels inside, reading
 * each stretch of adjacent values once; otherwise panel by panel along k.
 * Self-contained: see the file comment.
 */
export function packPanels(
  src: HostArray,
  off: number,
  rs: number,
  cs: number,
  rows: number,
  k: number,
  w: number,
  q0: number,
  q1: number,
  dst: number[],
  d0: number,
): void {
  // Offsets and strides as int32 (| 0): read from a Float64Array they are doubles, and index arithmetic on doubles is slower.
  off = off | 0;
  rs = rs | 0;
  cs = cs | 0;
  const full = Math.min(q1, Math.floor(rows / w)) | 0; // panels before `full` have all w rows inside
  const step = (w * k) | 0;
  if (rs === 1 && w === 4) {
    for (let p = 0; p < k; p++) {
      let d = (d0 + q0 * step + p * 4) | 0;
      let s = (off + q0 * 4 + p * cs) | 0;
      for (let q = q0; q < full; q++, d = (d + step) | 0, s = (s + 4) | 0) {
        dst[d] = src[s];
        dst[(d + 1) | 0] = src[(s + 1) | 0];
        dst[(d + 2) | 0] = src[(s + 2) | 0];
        dst[(d + 3) | 0] = src[(s + 3) | 0];
      }
    }
  } else if (rs === 1 && w === 2) {
    for (let p = 0; p < k; p++) {
      let d = (d0 + q0 * step + p * 2) | 0;
      let s = (off + q0 * 2 + p * cs) | 0;
      for (let q = q0; q < full; q++, d = (d + step) | 0, s = (s + 2) | 0) {
        dst[d] = src[s];
        dst[(d + 1) | 0] = src[(s + 1) | 0];
      }
    }
  } else if (w === 4) {
    for (let q = q0; q < full; q++) {
      let d = (d0 + q * step) | 0;
      let s0 = (off + q * 4 * rs) | 0;
      let s1 = (s0 + rs) | 0;
      let s2 = (s1 + rs) | 0;
      let s3 = (s2 + rs) | 0;
      for (let p = 0; p < k; p++, d = (d + 4) | 0, s0 = (s0 + cs) | 0, s1 = (s1 + cs) | 0, s2 = (s2 + cs) | 0, s3 = (s3 + cs) | 0) {
        dst[d] = src[s0];
        dst[(d + 1) | 0] = src[s1];
        dst[(d + 2) | 0] = src[s2];
        dst[(d + 3) | 0] = src[s3];
      }
    }
  } else {
    for (let q = q0; q < full; q++) {
      let d = (d0 + q * step) | 0;
      const s0 = (off + q * w * rs) | 0;
      for (let p = 0; p < k; p++, d = (d + w) | 0) {
        for (let t = 0; t < w; t++) dst[(d + t) | 0] = src[(s0 + t * rs + p * cs) | 0];
      }
    }
  }
  // The last panel, when it reaches past row `rows`: zero there.
  for (let q = Math.max(q0, full); q < q1; q++) {
    let d = d0 + q * step;
    for (let p = 0; p < k; p++, d += w) {
      for (let t = 0; t < w; t++) {
        const r = q * w + t;
        dst[d + t] = r < rows ? src[off + r * rs + p * cs] : 0;
      }
    }
  }
}

/**
 * C[i, j] for the 4x2 tiles of row panels [ip0, ip1) and column panels [jp0, jp1)
 * of C = A B (m x n, k inner), from the panels in `pan` (A's from 0, B's from
 * `bAt`); C's element (i, j) is at co + i * ldc + j in `c`. Column panels are
 * taken `group` at a time (the packed B of a group stays in L2 while the row
 * panels of A stream through L1). Self-contained: see the file comment.
 */
export function tileBlock(
  pan: number[],
  bAt: number,
  m: number,
  n: number,
  k: number,
  c: HostArray,
  co: number,
  ldc: number,
  ip0: number,
  ip1: number,
  jp0: number,
  jp1: number,
  group: number,
): void {
  for (let g0 = jp0; g0 < jp1; g0 += group) {
    const g1 = Math.min(jp1, g0 + group);
    for (let ip = ip0; ip < ip1; ip++) {
      const aStart = (ip * k * 4) | 0;
      const i = ip * 4;
      for (let jp = g0; jp < g1; jp++) {
        let c00 = 0, c01 = 0, c10 = 0, c11 = 0, c20 = 0, c21 = 0, c30 = 0, c31 = 0;
        let ao = aStart;
        let bo = (bAt + jp * k * 2) | 0;
        // `| 0` on the index arithmetic: int32 adds without V8's overflow checks.
        for (let p = 0; p < k; p = (p + 1) | 0, ao = (ao + 4) | 0, bo = (bo + 2) | 0) {
          const a0 = pan[ao];
          const a1 = pan[(ao + 1) | 0];
          const a2 = pan[(ao + 2) | 0];
          const a3 = pan[(ao + 3) | 0];
          const b0 = pan[bo];
          const b1 = pan[(bo + 1) | 0];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c30 += a3 * b0;
          c31 += a3 * b1;
        }
        const j = jp * 2;
        let o = co + i * ldc + j;
        if (i + 4 <= m && j + 2 <= n) {
          c[o] = c00;
          c[o + 1] = c01;
          o += ldc;
          c[o] = c10;
          c[o + 1] = c11;
          o += ldc;
          c[o] = c20;
          c[o + 1] = c21;
          o += ldc;
          c[o] = c30;
          c[o + 1] = c31;
        } else {
          // Edge tile: store only the rows and columns inside C.
          const rows = Math.min(4, m - i);
          for (let r = 0; r < rows; r++, o += ldc) {
            c[o] = r === 0 ? c00 : r === 1 ? c10 : r === 2 ? c20 : c30;
            if (j + 1 < n) c[o + 1] = r === 0 ? c01 : r === 1 ? c11 : r === 2 ? c21 : c31;
          }
        }
      }
    }
  }
}

/**
 * Computes the tiles of row panels [ip0, ip1) x column panels [jp0, jp1) of
 * C = A B (see `tileBlock`), first packing into `pan` the panels among them not yet
 * packed by this thread for this product (`aDone[ip]`, `bDone[jp]` are 0 for those,
 * and set to 1). A is the m x k view (a, aOff, aRs, aCs), B is given as the n x k
 * view of B^T (b, bOff, bRs, bCs). Self-contained: see the file comment.
 */
export function packedRectangle(
  pan: number[],
  aDone: Uint8Array,
  bDone: Uint8Array,
  a: HostArray,
  aOff: number,
  aRs: number,
  aCs: number,
  b: HostArray,
  bOff: number,
  bRs: number,
  bCs: number,
  m: number,
  n: number,
  k: number,
  c: HostArray,
  co: number,
  ldc: number,
  ip0: number,
  ip1: number,
  jp0: number,
  jp1: number,
  group: number,
): void {
  const bAt = Math.ceil(m / 4) * 4 * k;
  // Each run of panels in [q0, q1) not yet packed, packed in one call.
  const packRuns = (done: Uint8Array, q0: number, q1: number, src: HostArray, off: number, rs: number, cs: number, rows: number, w: number, d0: number): void => {
    for (let q = q0; q < q1; ) {
      if (done[q] === 1) {
        q++;
        continue;
      }
      let e = q;
      while (e < q1 && done[e] === 0) done[e++] = 1;
      packPanels(src, off, rs, cs, rows, k, w, q, e, pan, d0);
      q = e;
    }
  };
  packRuns(aDone, ip0, ip1, a, aOff, aRs, aCs, m, 4, 0);
  packRuns(bDone, jp0, jp1, b, bOff, bRs, bCs, n, 2, bAt);
  tileBlock(pan, bAt, m, n, k, c, co, ldc, ip0, ip1, jp0, jp1, group);
}
