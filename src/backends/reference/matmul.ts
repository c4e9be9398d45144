/**
 * Batched matrix product with broadcast batch dimensions and optional
 * transposes of the last two axes.
 *
 * Large products pack A into panels of 4 rows and B into panels of 4 columns
 * and compute 4x4 tiles of C (matmul-tiles.ts); products of at least
 * THREAD_MIN_MACS multiply-adds are split over worker threads
 * (matmul-threads.ts) with the same bits as on one thread. Small or thin
 * products use a plain i-k-j loop over contiguous rows. Accumulation is in
 * double, each element summed in order over k from +0; the result is stored in
 * the output dtype.
 */
import { HostArray, sizeOf } from '../types';
import { formatShape } from '../../format';
import { broadcastShapes, broadcastStrides } from './broadcast';
import { MatView, packCols, packRows, panelGroup, tileBlock, TILE, TILE_INDEX_LIMIT } from './matmul-tiles';
import { matMulPool, THREAD_MIN_MACS } from './matmul-threads';
import { RefTensor, storageFor } from './tensor';

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

/** Packing scratch of the single-threaded path, kept between calls up to KEEP_DOUBLES per array. */
let kept: { ap: Float64Array; bp: Float64Array } = { ap: new Float64Array(0), bp: new Float64Array(0) };
/** Scratch kept between calls, per array, in doubles (16 MiB). */
const KEEP_DOUBLES = 1 << 21;

function localScratch(apLen: number, bpLen: number): { ap: Float64Array; bp: Float64Array } {
  if (kept.ap.length >= apLen && kept.bp.length >= bpLen) return kept;
  if (apLen > KEEP_DOUBLES || bpLen > KEEP_DOUBLES) return { ap: new Float64Array(apLen), bp: new Float64Array(bpLen) };
  const grow = (have: Float64Array, want: number): Float64Array =>
    have.length >= want ? have : new Float64Array(Math.min(KEEP_DOUBLES, Math.max(want, 2 * have.length)));
  kept = { ap: grow(kept.ap, apLen), bp: grow(kept.bp, bpLen) };
  return kept;
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

  const apLen = Math.ceil(m / TILE) * TILE * k;
  const bpLen = Math.ceil(n / TILE) * TILE * k;
  // Packing and tileBlock index as int32: operands or packed panels of 2^31 elements or more take the row loop.
  const huge = Math.max(apLen, bpLen, a.data.length, b.data.length) >= TILE_INDEX_LIMIT;
  if (m < TILE || n < TILE || huge) {
    const row = new Float64Array(n);
    for (let t = 0; t < count; t++) {
      av.off = offs.a[t];
      bv.off = offs.b[t];
      rowProduct(av, bv, m, n, k, row, out, t * m * n);
    }
    return { data: out, shape, dtype: a.dtype };
  }

  const pool = m * n * k >= THREAD_MIN_MACS ? matMulPool() : null;
  // Split only while splitting this shape has been the faster way (see MatMulPool.chooseSplit).
  const ready = pool !== null && pool.wake();
  const threaded = ready && pool.chooseSplit(m, n, k);
  if (threaded) pool.rouse();
  const scratch = threaded ? pool.scratch(apLen, bpLen, m * n) : localScratch(apLen, bpLen);
  const { ap, bp } = scratch;
  const mPanels = Math.ceil(m / TILE);
  const nPanels = Math.ceil(n / TILE);
  const group = panelGroup(k);
  let packedA = -1;
  let packedB = -1;
  let computing = 0;
  try {
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
      const t0 = performance.now();
      if (threaded) pool.run(m, n, k, out, t * m * n);
      else tileBlock(ap, bp, m, n, k, out, t * m * n, 0, mPanels, 0, nPanels, group);
      computing += performance.now() - t0;
    }
  } finally {
    if (threaded) pool.release();
  }
  // (timed on the caller alone while the workers start too, so fewer products need to be run that way to compare)
  if (pool !== null) pool.record(m, n, k, threaded, computing / count);
  return { data: out, shape, dtype: a.dtype };
}
