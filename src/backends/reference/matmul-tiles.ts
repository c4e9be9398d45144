/**
 * The blocked matMul's inner kernel and its packing, on float64 panels.
 *
 * A is packed into panels of 4 rows and B into panels of 4 columns (float64,
 * zero-padded, any strides: transposes are folded into the packing). `tileBlock`
 * computes a rectangle of 4x4 tiles of C, each in 16 local accumulators walking
 * both panels contiguously; every element of C is the sum over p = 0..k-1 in
 * order, in double, from +0, stored once in C's dtype. Any split of C into
 * rectangles therefore gives the same bits as one call over all of it.
 *
 * `tileBlock` is self-contained (no reference outside its own body): the matMul
 * worker threads (matmul-threads.ts) run its source text, so the threads and
 * the calling thread run the same code.
 */
import type { HostArray } from '../types';

/** Rows (columns) of a micro-tile. */
export const TILE = 4;

/** Operands and packed panels must hold fewer elements than this: packing and `tileBlock` index them as int32. */
export const TILE_INDEX_LIMIT = 2 ** 31;

/** A strided view of one matrix: element (r, c) is at `off + r * rs + c * cs`. */
export interface MatView {
  readonly data: HostArray;
  off: number;
  readonly rs: number;
  readonly cs: number;
}

/**
 * Packs rows [0, m) x columns [0, k) of `v` into `dst` as panels of 4 rows:
 * dst[(panel * k + p) * 4 + t] = v(panel * 4 + t, p), zero past row m.
 * Offsets and strides are taken as int32 (`| 0`: an offset read from a Float64Array
 * is a double, and index arithmetic on doubles is slower). When a panel's four rows
 * are adjacent in memory (rs = 1: a transposed A, or B's columns), four panels are
 * filled per step along k from the 16 adjacent values (one cache line), where one
 * panel at a time read each line four times: 2x faster on the bench MLP's operands.
 */
export function packRows(v: MatView, m: number, k: number, dst: Float64Array): void {
  const data = v.data;
  const off = v.off | 0;
  const rs = v.rs | 0;
  const cs = v.cs | 0;
  const full = Math.floor(m / TILE);
  const step = k * TILE;
  let ip = 0;
  if (rs === 1) {
    // Four panels at a time: rows 16 ip .. 16 ip + 15 are adjacent.
    for (; ip + 4 <= full; ip += 4) {
      let d0 = ip * step;
      let s = off + ip * TILE;
      for (let p = 0; p < k; p++, d0 += TILE, s += cs) {
        const d1 = d0 + step;
        const d2 = d1 + step;
        const d3 = d2 + step;
        dst[d0] = data[s];
        dst[d0 + 1] = data[s + 1];
        dst[d0 + 2] = data[s + 2];
        dst[d0 + 3] = data[s + 3];
        dst[d1] = data[s + 4];
        dst[d1 + 1] = data[s + 5];
        dst[d1 + 2] = data[s + 6];
        dst[d1 + 3] = data[s + 7];
        dst[d2] = data[s + 8];
        dst[d2 + 1] = data[s + 9];
        dst[d2 + 2] = data[s + 10];
        dst[d2 + 3] = data[s + 11];
        dst[d3] = data[s + 12];
        dst[d3 + 1] = data[s + 13];
        dst[d3 + 2] = data[s + 14];
        dst[d3 + 3] = data[s + 15];
      }
    }
  }
  // The other full panels: the four rows of a panel side by side, step by step along k.
  for (; ip < full; ip++) {
    let d = ip * step;
    let s0 = off + ip * TILE * rs;
    let s1 = s0 + rs;
    let s2 = s1 + rs;
    let s3 = s2 + rs;
    for (let p = 0; p < k; p++, d += TILE, s0 += cs, s1 += cs, s2 += cs, s3 += cs) {
      dst[d] = data[s0];
      dst[d + 1] = data[s1];
      dst[d + 2] = data[s2];
      dst[d + 3] = data[s3];
    }
  }
  if (full * TILE < m) {
    // The last panel, zero past row m.
    let d = full * step;
    for (let p = 0; p < k; p++, d += TILE) {
      for (let t = 0; t < TILE; t++) {
        const i = full * TILE + t;
        dst[d + t] = i < m ? data[off + i * rs + p * cs] : 0;
      }
    }
  }
}

/** Packs B (k x n) as panels of 4 columns: dst[(panel * k + p) * 4 + t] = v(p, panel * 4 + t). */
export function packCols(v: MatView, k: number, n: number, dst: Float64Array): void {
  // Column j of B is row j of B^T: swap the strides and reuse packRows.
  packRows({ data: v.data, off: v.off, rs: v.cs, cs: v.rs }, n, k, dst);
}

/**
 * C[i, j] for the tiles of row panels [ip0, ip1) and column panels [jp0, jp1)
 * of C = A B (m x n, k inner), from packed panels `ap` and `bp`; C is row-major
 * from `co` in `c`. Column panels are taken `group` at a time (packed B of a
 * group stays in L2 while the row panels of A stream through L1).
 * Self-contained: see the file comment.
 */
export function tileBlock(
  ap: Float64Array,
  bp: Float64Array,
  m: number,
  n: number,
  k: number,
  c: HostArray,
  co: number,
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
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        let ao = aStart;
        let bo = (jp * k * 4) | 0;
        // `| 0` on the index arithmetic: int32 adds without V8's overflow checks (7% faster).
        for (let p = 0; p < k; p = (p + 1) | 0, ao = (ao + 4) | 0, bo = (bo + 4) | 0) {
          const a0 = ap[ao];
          const a1 = ap[(ao + 1) | 0];
          const a2 = ap[(ao + 2) | 0];
          const a3 = ap[(ao + 3) | 0];
          const b0 = bp[bo];
          const b1 = bp[(bo + 1) | 0];
          const b2 = bp[(bo + 2) | 0];
          const b3 = bp[(bo + 3) | 0];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c03 += a0 * b3;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c13 += a1 * b3;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
          c23 += a2 * b3;
          c30 += a3 * b0;
          c31 += a3 * b1;
          c32 += a3 * b2;
          c33 += a3 * b3;
        }
        const j = jp * 4;
        let o = co + i * n + j;
        if (i + 4 <= m && j + 4 <= n) {
          c[o] = c00;
          c[o + 1] = c01;
          c[o + 2] = c02;
          c[o + 3] = c03;
          o += n;
          c[o] = c10;
          c[o + 1] = c11;
          c[o + 2] = c12;
          c[o + 3] = c13;
          o += n;
          c[o] = c20;
          c[o + 1] = c21;
          c[o + 2] = c22;
          c[o + 3] = c23;
          o += n;
          c[o] = c30;
          c[o + 1] = c31;
          c[o + 2] = c32;
          c[o + 3] = c33;
        } else {
          // Edge tile: store only the rows and columns inside C.
          const cols = Math.min(4, n - j);
          const rows = Math.min(4, m - i);
          for (let r = 0; r < rows; r++, o += n) {
            const v0 = r === 0 ? c00 : r === 1 ? c10 : r === 2 ? c20 : c30;
            const v1 = r === 0 ? c01 : r === 1 ? c11 : r === 2 ? c21 : c31;
            const v2 = r === 0 ? c02 : r === 1 ? c12 : r === 2 ? c22 : c32;
            const v3 = r === 0 ? c03 : r === 1 ? c13 : r === 2 ? c23 : c33;
            c[o] = v0;
            if (cols > 1) c[o + 1] = v1;
            if (cols > 2) c[o + 2] = v2;
            if (cols > 3) c[o + 3] = v3;
          }
        }
      }
    }
  }
}

/** Column panels per group for inner dimension k: packed B of a group fits in about 256 KiB (L2). */
export function panelGroup(k: number): number {
  return Math.max(1, Math.floor((256 * 1024) / (k * TILE * 8)));
}
