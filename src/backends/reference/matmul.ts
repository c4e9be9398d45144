/**
 * Batched matrix product with broadcast batch dimensions and optional
 * transposes of the last two axes.
 *
 * Large products pack A into panels of 4 rows and B into panels of 4 columns
 * (float64, zero-padded, transposes folded into the packing) and compute each
 * 4x4 tile of C in 16 local accumulators, walking both panels contiguously.
 * B panels are processed in groups that fit in L2 while A panels stream
 * through L1. Small or thin products use a plain i-k-j loop over contiguous rows.
 * Accumulation is in double; the result is stored in the output dtype.
 */
import { HostArray, sizeOf } from '../types';
import { formatShape } from '../../format';
import { broadcastShapes, broadcastStrides } from './broadcast';
import { RefTensor, storageFor } from './tensor';

/** Rows (columns) of a micro-tile. */
const TILE = 4;
/** Bytes of packed B kept hot per group of panels (about L2). */
const B_GROUP_BYTES = 256 * 1024;

/** A strided view of one matrix: element (r, c) is at `off + r * rs + c * cs`. */
interface MatView {
  readonly data: HostArray;
  off: number;
  readonly rs: number;
  readonly cs: number;
}

/**
 * Packs rows [0, m) x columns [0, k) of `v` into `dst` as panels of 4 rows:
 * dst[(panel * k + p) * 4 + t] = v(panel * 4 + t, p), zero past row m.
 */
function packRows(v: MatView, m: number, k: number, dst: Float64Array): void {
  const { data, off, rs, cs } = v;
  const panels = Math.ceil(m / TILE);
  for (let ip = 0; ip < panels; ip++) {
    const base = ip * k * TILE;
    for (let t = 0; t < TILE; t++) {
      const i = ip * TILE + t;
      let d = base + t;
      if (i < m) {
        let s = off + i * rs;
        for (let p = 0; p < k; p++, d += TILE, s += cs) dst[d] = data[s];
      } else {
        for (let p = 0; p < k; p++, d += TILE) dst[d] = 0;
      }
    }
  }
}

/** Packs B (k x n) as panels of 4 columns: dst[(panel * k + p) * 4 + t] = v(p, panel * 4 + t). */
function packCols(v: MatView, k: number, n: number, dst: Float64Array): void {
  // Column j of B is row j of B^T: swap the strides and reuse packRows.
  packRows({ data: v.data, off: v.off, rs: v.cs, cs: v.rs }, n, k, dst);
}

/**
 * C (m x n, row-major from `co` in `c`) = A B from packed panels, one 4x4 tile at a time.
 */
function tiledProduct(
  ap: Float64Array,
  bp: Float64Array,
  m: number,
  n: number,
  k: number,
  c: HostArray,
  co: number,
): void {
  const mPanels = Math.ceil(m / TILE);
  const nPanels = Math.ceil(n / TILE);
  const group = Math.max(1, Math.floor(B_GROUP_BYTES / (k * TILE * 8)));
  for (let j0 = 0; j0 < nPanels; j0 += group) {
    const j1 = Math.min(nPanels, j0 + group);
    for (let ip = 0; ip < mPanels; ip++) {
      const aStart = ip * k * TILE;
      const i = ip * TILE;
      for (let jp = j0; jp < j1; jp++) {
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        let ao = aStart;
        let bo = jp * k * TILE;
        for (let p = 0; p < k; p++, ao += TILE, bo += TILE) {
          const a0 = ap[ao];
          const a1 = ap[ao + 1];
          const a2 = ap[ao + 2];
          const a3 = ap[ao + 3];
          const b0 = bp[bo];
          const b1 = bp[bo + 1];
          const b2 = bp[bo + 2];
          const b3 = bp[bo + 3];
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
        const j = jp * TILE;
        let o = co + i * n + j;
        if (i + TILE <= m && j + TILE <= n) {
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
          const cols = Math.min(TILE, n - j);
          const rows = Math.min(TILE, m - i);
          storeRow(c, o, cols, c00, c01, c02, c03);
          if (rows > 1) storeRow(c, o + n, cols, c10, c11, c12, c13);
          if (rows > 2) storeRow(c, o + 2 * n, cols, c20, c21, c22, c23);
          if (rows > 3) storeRow(c, o + 3 * n, cols, c30, c31, c32, c33);
        }
      }
    }
  }
}

function storeRow(c: HostArray, o: number, cols: number, v0: number, v1: number, v2: number, v3: number): void {
  c[o] = v0;
  if (cols > 1) c[o + 1] = v1;
  if (cols > 2) c[o + 2] = v2;
  if (cols > 3) c[o + 3] = v3;
}

/**
 * C = A B for thin products (m or n below a tile): i-k-j over a float64 row
 * accumulator `row` (length >= n), reading B row by row.
 */
function rowProduct(av: MatView, bv: MatView, m: number, n: number, k: number, row: Float64Array, c: HostArray, co: number): void {
  const a = av.data;
  const b = bv.data;
  for (let i = 0; i < m; i++) {
    row.fill(0, 0, n);
    let ai = av.off + i * av.rs;
    for (let p = 0; p < k; p++, ai += av.cs) {
      const x = a[ai];
      let bi = bv.off + p * bv.rs;
      const bcs = bv.cs;
      for (let j = 0; j < n; j++, bi += bcs) row[j] += x * b[bi];
    }
    const o = co + i * n;
    for (let j = 0; j < n; j++) c[o + j] = row[j];
  }
}

/** Offsets (in elements) of each batch's matrix in a and b, for the broadcast batch shape. */
function batchOffsets(
  batch: readonly number[],
  aBatch: readonly number[],
  bBatch: readonly number[],
  aMat: number,
  bMat: number,
): { a: Float64Array; b: Float64Array } {
  const count = sizeOf(batch);
  const as = broadcastStrides(aBatch, batch);
  const bs = broadcastStrides(bBatch, batch);
  const aOff = new Float64Array(count);
  const bOff = new Float64Array(count);
  const idx = new Int32Array(batch.length);
  let ao = 0;
  let bo = 0;
  for (let t = 0; t < count; t++) {
    aOff[t] = ao * aMat;
    bOff[t] = bo * bMat;
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++idx[d] < batch[d]) {
        ao += as[d];
        bo += bs[d];
        break;
      }
      idx[d] = 0;
      ao -= as[d] * (batch[d] - 1);
      bo -= bs[d] * (batch[d] - 1);
    }
  }
  return { a: aOff, b: bOff };
}

/**
 * Batched matrix product: a [..., m, k] (or [..., k, m] with `transposeA`),
 * b [..., k, n] (or [..., n, k] with `transposeB`); the leading dims broadcast.
 * Output [...batch, m, n] in a's dtype.
 */
export function matMul(a: RefTensor, b: RefTensor, transposeA: boolean, transposeB: boolean): RefTensor {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 2 || rb < 2) throw new Error(`reference backend: matMul needs rank >= 2, got [${formatShape(a.shape)}] and [${formatShape(b.shape)}]`);
  const [ar, ac] = [a.shape[ra - 2], a.shape[ra - 1]];
  const [br, bc] = [b.shape[rb - 2], b.shape[rb - 1]];
  const m = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const kb = transposeB ? bc : br;
  const n = transposeB ? br : bc;
  if (k !== kb) {
    throw new Error(
      `reference backend: matMul inner dimensions differ: [${formatShape(a.shape)}]${transposeA ? ' transposed' : ''} @ [${formatShape(b.shape)}]${transposeB ? ' transposed' : ''}`,
    );
  }
  const aBatch = a.shape.slice(0, ra - 2);
  const bBatch = b.shape.slice(0, rb - 2);
  const batch = broadcastShapes(aBatch, bBatch);
  const shape = [...batch, m, n];
  const out = storageFor(a.dtype, sizeOf(shape));
  const count = sizeOf(batch);
  if (out.length === 0 || k === 0) return { data: out, shape, dtype: a.dtype }; // zeros
  const offs = batchOffsets(batch, aBatch, bBatch, ar * ac, br * bc);
  // Element (r, c) of the logical (transposed) matrices.
  const av: MatView = { data: a.data, off: 0, rs: transposeA ? 1 : ac, cs: transposeA ? ac : 1 };
  const bv: MatView = { data: b.data, off: 0, rs: transposeB ? 1 : bc, cs: transposeB ? bc : 1 };

  if (m < TILE || n < TILE) {
    const row = new Float64Array(n);
    for (let t = 0; t < count; t++) {
      av.off = offs.a[t];
      bv.off = offs.b[t];
      rowProduct(av, bv, m, n, k, row, out, t * m * n);
    }
    return { data: out, shape, dtype: a.dtype };
  }

  const ap = new Float64Array(Math.ceil(m / TILE) * TILE * k);
  const bp = new Float64Array(Math.ceil(n / TILE) * TILE * k);
  let packedA = -1;
  let packedB = -1;
  for (let t = 0; t < count; t++) {
    // A broadcast operand is packed once and reused across batches.
    if (offs.a[t] !== packedA) {
      av.off = packedA = offs.a[t];
      packRows(av, m, k, ap);
    }
    if (offs.b[t] !== packedB) {
      bv.off = packedB = offs.b[t];
      packCols(bv, k, n, bp);
    }
    tiledProduct(ap, bp, m, n, k, out, t * m * n);
  }
  return { data: out, shape, dtype: a.dtype };
}
