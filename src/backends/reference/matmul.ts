/**
 * Batched matrix product with broadcast batch dimensions and optional
 * transposes of the last two axes.
 *
 * Products pack A into panels of 4 rows and B into panels of 2 columns and
 * compute 4x2 tiles of C (matmul-tiles.ts), in blocks of C whose panels fit one
 * thread's PANEL_LIMIT; products of at least THREAD_MIN_MACS multiply-adds are
 * split over worker threads (matmul-threads.ts) with the same bits as on one
 * thread. Thin products (m below 4 or n below 2), and those past the kernel's
 * int32 indexing or one pair of panels, use a plain i-k-j loop over contiguous
 * rows. Accumulation is in double, each element summed in order over k from +0;
 * the result is stored in the output dtype.
 */
import { HostArray, sizeOf } from '../types';
import { formatShape } from '../../format';
import { broadcastShapes, broadcastStrides } from './broadcast';
import { MatView, panelsLength, PANEL_LIMIT, TILE_M, TILE_N } from './matmul-tiles';
import { matMulPool, runOnCaller, THREAD_MIN_MACS, TileJob } from './matmul-threads';
import { RefTensor, storageFor } from './tensor';

/** Operands of this many elements or more take the row loop (the tile kernel's index arithmetic is int32). */
const INDEX_LIMIT = 2 ** 31;

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

  // The tile kernel indexes operands and panels as int32: operands of 2^31 elements or more,
  // or an inner dimension too long for one pair of panels, take the row loop.
  const huge = Math.max(a.data.length, b.data.length) >= INDEX_LIMIT || (TILE_M + TILE_N) * k > PANEL_LIMIT;
  if (m < TILE_M || n < TILE_N || huge) {
    const row = new Float64Array(n);
    for (let t = 0; t < count; t++) {
      av.off = offs.a[t];
      bv.off = offs.b[t];
      rowProduct(av, bv, m, n, k, row, out, t * m * n);
    }
    return { data: out, shape, dtype: a.dtype };
  }
  // Blocks of C whose panels fit one thread's PANEL_LIMIT (the whole of C, but for large products).
  let blockRows = m;
  let blockCols = n;
  if (panelsLength(m, n, k) > PANEL_LIMIT) {
    const side = Math.floor(PANEL_LIMIT / k); // rows + columns of a block
    blockRows = Math.min(m, Math.max(TILE_M, Math.floor(side / 2 / TILE_M) * TILE_M));
    blockCols = Math.min(n, Math.max(TILE_N, Math.floor((side - Math.ceil(blockRows / TILE_M) * TILE_M) / TILE_N) * TILE_N));
  }

  const pool = m * n * k >= THREAD_MIN_MACS ? matMulPool() : null;
  // Split only while splitting this shape has been the faster way (see MatMulPool.chooseSplit).
  const ready = pool !== null && pool.wake();
  const threaded = ready && pool.chooseSplit(m, n, k);
  if (threaded) pool.rouse();
  const t0 = performance.now();
  try {
    const shared = threaded ? pool.share(a.data, b.data, blockRows * blockCols) : null;
    for (let t = 0; t < count; t++) {
      for (let i0 = 0; i0 < m; i0 += blockRows) {
        for (let j0 = 0; j0 < n; j0 += blockCols) {
          // A's rows from i0, and B's columns from j0 as the rows of B^T.
          const job: TileJob = {
            m: Math.min(blockRows, m - i0),
            n: Math.min(blockCols, n - j0),
            k,
            a: { data: a.data, off: offs.a[t] + i0 * av.rs, rs: av.rs, cs: av.cs },
            b: { data: b.data, off: offs.b[t] + j0 * bv.cs, rs: bv.cs, cs: bv.rs },
            out,
            co: t * m * n + i0 * n + j0,
            ldc: n,
          };
          if (shared !== null && pool !== null) pool.run(job, shared);
          else runOnCaller(job);
        }
      }
    }
  } finally {
    if (threaded) pool.release();
  }
  // (timed on the caller alone while the workers start too, so fewer products need to be run that way to compare)
  if (pool !== null) pool.record(m, n, k, threaded, (performance.now() - t0) / count);
  return { data: out, shape, dtype: a.dtype };
}
