/**
 * The reference backend's matMul split over worker threads (matmul-threads.ts):
 * the same bits as one thread and as the textbook sum (each element summed in
 * double over k in order from +0, then stored in the output dtype), with
 * transposes, batches, odd sizes and products too large to keep scratch for;
 * the workers do take part, and the process's thread count stays bounded.
 */
import { createReferenceBackend, RefTensor, RefValue } from '../../src/backends/reference';
import { matMulThreadStats, matMulWorkersReady, setMatMulWorkers, THREAD_MIN_MACS } from '../../src/backends/reference/matmul-threads';
import { PANEL_LIMIT, TILE_M, TILE_N } from '../../src/backends/reference/matmul-tiles';
import type { DType } from '../../src/backends/types';
import { hostArrayFor, sizeOf } from '../../src/backends/types';
import { textbookMatMul as textbook } from '../helpers/textbook-matmul';
import { threadCount as threads } from '../helpers/thread-count';

const backend = createReferenceBackend();

/** A number tensor (these tests make no int64 tensors). */
function numeric(x: RefValue): RefTensor {
  if (x.dtype === 'int64') throw new Error('unexpected int64 tensor');
  return x as RefTensor;
}

function randomTensor(shape: number[], dtype: DType, seed: number): RefTensor {
  let s = seed >>> 0;
  const data = hostArrayFor(dtype, sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2147483648 - 1;
  }
  return numeric(backend.fromHost(data, shape, dtype));
}

function matMul(a: RefTensor, b: RefTensor, transposeA: boolean, transposeB: boolean): RefTensor {
  return numeric(backend.kernels.matMul([a, b], { transposeA, transposeB }, { dtype: a.dtype, shape: [] }));
}

/** Runs `f` until a worker has computed part of a product (at most `tries` times); returns how many workers' rectangles were seen. */
function untilAWorkerHelps(f: () => void, tries = 200): number {
  const before = matMulThreadStats().workerRectangles;
  for (let i = 0; i < tries && matMulThreadStats().workerRectangles === before; i++) f();
  return matMulThreadStats().workerRectangles - before;
}

beforeAll(async () => {
  setMatMulWorkers(1);
  expect(await matMulWorkersReady()).toBe(true);
});

afterAll(() => setMatMulWorkers(0));

describe('matMul over worker threads', () => {
  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('130x301 @ 301x157 float32, transposeA=%s transposeB=%s: the textbook sum, bit for bit', (ta, tb) => {
    const [m, k, n] = [130, 301, 157];
    expect(m * k * n).toBeGreaterThanOrEqual(THREAD_MIN_MACS);
    const a = randomTensor(ta ? [k, m] : [m, k], 'float32', 1);
    const b = randomTensor(tb ? [n, k] : [k, n], 'float32', 2);
    const expected = Array.from(Float32Array.from(textbook(a.data, b.data, m, k, n, ta, tb)));
    const helped = untilAWorkerHelps(() => {
      const c = matMul(a, b, ta, tb);
      expect(c.shape).toEqual([m, n]);
      expect(c.data).toBeInstanceOf(Float32Array);
      expect(Array.from(c.data)).toEqual(expected);
    });
    expect(helped).toBeGreaterThan(0);
  });

  test('67x500 @ 500x93 float64: the textbook sum, bit for bit', () => {
    const [m, k, n] = [67, 500, 93];
    const a = randomTensor([m, k], 'float64', 3);
    const b = randomTensor([k, n], 'float64', 4);
    const expected = Array.from(textbook(a.data, b.data, m, k, n, false, false));
    expect(untilAWorkerHelps(() => expect(Array.from(matMul(a, b, false, false).data)).toEqual(expected))).toBeGreaterThan(0);
  });

  test('broadcast batches [2,1,90,160] @ [1,2,160,150]: each product the textbook sum', () => {
    const a = randomTensor([2, 1, 90, 160], 'float32', 5);
    const b = randomTensor([1, 2, 160, 150], 'float32', 6);
    const expected: number[] = [];
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const c = textbook(a.data.subarray(i * 14400, (i + 1) * 14400), b.data.subarray(j * 24000, (j + 1) * 24000), 90, 160, 150, false, false);
        expected.push(...Float32Array.from(c));
      }
    }
    expect(untilAWorkerHelps(() => {
      const c = matMul(a, b, false, false);
      expect(c.shape).toEqual([2, 2, 90, 150]);
      expect(Array.from(c.data)).toEqual(expected);
    })).toBeGreaterThan(0);
  });

  test('a product too large to keep scratch for (2100x2000 @ 2000x9), then a small one again', () => {
    const a = randomTensor([2100, 2000], 'float32', 7);
    const b = randomTensor([2000, 9], 'float32', 8);
    const expected = Array.from(Float32Array.from(textbook(a.data, b.data, 2100, 2000, 9, false, false)));
    expect(Array.from(matMul(a, b, false, false).data)).toEqual(expected);
    const x = randomTensor([130, 301], 'float32', 9);
    const y = randomTensor([301, 157], 'float32', 10);
    const again = Array.from(Float32Array.from(textbook(x.data, y.data, 130, 301, 157, false, false)));
    expect(untilAWorkerHelps(() => expect(Array.from(matMul(x, y, false, false).data)).toEqual(again))).toBeGreaterThan(0);
  });

  test('int32 operands (shared with the workers as float64): the textbook sum, stored as int32', () => {
    const [m, k, n] = [96, 300, 90];
    const a = randomTensor([m, k], 'int32', 16); // values -1 and 0 (see randomTensor), exact in double
    const b = randomTensor([k, n], 'int32', 17);
    for (let i = 0; i < a.data.length; i++) a.data[i] = (i % 13) - 6;
    for (let i = 0; i < b.data.length; i++) b.data[i] = (i % 11) - 5;
    const expected = Array.from(Int32Array.from(textbook(a.data, b.data, m, k, n, false, false)));
    expect(untilAWorkerHelps(() => {
      const c = matMul(a, b, false, false);
      expect(c.data).toBeInstanceOf(Int32Array);
      expect(Array.from(c.data)).toEqual(expected);
    })).toBeGreaterThan(0);
  });

  test('a product whose panels exceed one thread\'s PANEL_LIMIT is computed in blocks of C, the same bits', () => {
    // (40 + 30) x 70000 doubles of panels > PANEL_LIMIT: blocks of 28 rows (see matMul).
    const [m, k, n] = [40, 70000, 30];
    expect((m + n) * k).toBeGreaterThan(PANEL_LIMIT);
    const a = randomTensor([k, m], 'float32', 18);
    const b = randomTensor([k, n], 'float32', 19);
    const expected = Array.from(Float32Array.from(textbook(a.data, b.data, m, k, n, true, false)));
    expect(Array.from(matMul(a, b, true, false).data)).toEqual(expected);
  });

  test('an inner dimension too long for one pair of panels takes the row loop, the same bits', () => {
    const [m, k, n] = [5, Math.floor(PANEL_LIMIT / (TILE_M + TILE_N)) + 1, 3];
    const a = randomTensor([m, k], 'float32', 20);
    const b = randomTensor([n, k], 'float32', 21);
    const expected = Array.from(Float32Array.from(textbook(a.data, b.data, m, k, n, false, true)));
    expect(Array.from(matMul(a, b, false, true).data)).toEqual(expected);
  });

  test('every shape from 1x1x1 to 9x5x9, both transposes: the textbook sum (edge tiles, the row loop below a tile)', () => {
    let seed = 100;
    for (let m = 1; m <= 9; m++) {
      for (let k = 1; k <= 5; k++) {
        for (let n = 1; n <= 9; n++) {
          for (const [ta, tb] of [[false, false], [true, true]] as const) {
            const a = randomTensor(ta ? [k, m] : [m, k], 'float64', seed++);
            const b = randomTensor(tb ? [n, k] : [k, n], 'float64', seed++);
            const c = matMul(a, b, ta, tb);
            expect(c.shape).toEqual([m, n]);
            expect(Array.from(c.data)).toEqual(Array.from(textbook(a.data, b.data, m, k, n, ta, tb)));
          }
        }
      }
    }
  });

  test('with no worker threads: not split, and the same textbook bits', () => {
    const a = randomTensor([150, 200], 'float32', 11);
    const b = randomTensor([200, 120], 'float32', 12);
    const expected = Array.from(Float32Array.from(textbook(a.data, b.data, 150, 200, 120, false, false)));
    expect(untilAWorkerHelps(() => expect(Array.from(matMul(a, b, false, false).data)).toEqual(expected))).toBeGreaterThan(0);
    setMatMulWorkers(0);
    try {
      const jobs = matMulThreadStats().jobs;
      expect(Array.from(matMul(a, b, false, false).data)).toEqual(expected);
      expect(matMulThreadStats().jobs).toBe(jobs); // not split
    } finally {
      setMatMulWorkers(1);
    }
  });

  test('many large products keep the thread count bounded', async () => {
    expect(await matMulWorkersReady()).toBe(true);
    const before = threads();
    const a = randomTensor([128, 300], 'float32', 13);
    const b = randomTensor([300, 64], 'float32', 14);
    const bt = randomTensor([64, 300], 'float32', 15);
    let peak = before ?? 0;
    for (let i = 0; i < 200; i++) {
      if (i % 2 === 0) matMul(a, b, false, false);
      else matMul(a, bt, false, true);
      peak = Math.max(peak, threads() ?? 0);
    }
    if (before !== null) expect(peak).toBeLessThanOrEqual(before + 1);
  });
});
