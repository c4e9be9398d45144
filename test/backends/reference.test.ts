/**
 * Reference-backend specific tests: host copying, the general (strided,
 * tiled) code paths on larger random inputs checked against naive index
 * formulas, int32 pow wrap-around and signed zeros, internal guards, and a
 * 512x512x512 matMul. Small-case primitive semantics (int32 wrap-around and NaN
 * included) are in the shared table, primitive-cases.ts.
 */
import { checkBackend } from '../../src/backends/backend';
import { interpretGraph } from '../../src/backends/interpret';
import { createReferenceBackend, RefTensor, RefValue } from '../../src/backends/reference';
import type { DType, Graph, OutputInfo, PrimitiveAttrs, PrimitiveName } from '../../src/backends/types';
import { PRIMITIVES, hostArrayFor, sizeOf } from '../../src/backends/types';
import { textbookMatMul } from '../helpers/textbook-matmul';

const backend = createReferenceBackend();
const K = backend.kernels;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number tensor (these tests make no int64 tensors). */
function numeric(x: RefValue): RefTensor {
  if (x.dtype === 'int64') throw new Error('unexpected int64 tensor');
  return x as RefTensor;
}

function randomTensor(shape: number[], dtype: DType, seed: number): RefTensor {
  const r = rng(seed);
  const data = hostArrayFor(dtype, sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    data[i] = dtype === 'int32' ? Math.floor(r() * 200) - 100 : dtype === 'bool' ? (r() < 0.5 ? 1 : 0) : r() * 2 - 1;
  }
  return numeric(backend.fromHost(data, shape, dtype));
}

function t(data: number[], shape: number[], dtype: DType = 'float32'): RefTensor {
  const host = hostArrayFor(dtype, data.length);
  host.set(data);
  return numeric(backend.fromHost(host, shape, dtype));
}

function run<P extends PrimitiveName>(op: P, inputs: RefTensor[], attrs: PrimitiveAttrs[P], dtype: DType = inputs[0].dtype): RefTensor {
  const out: OutputInfo = { dtype, shape: [] };
  return numeric(K[op](inputs, attrs, out));
}

/** Number host data (these tests make no int64 tensors). */
function nums(a: ArrayLike<number> | BigInt64Array): ArrayLike<number> {
  if (a instanceof BigInt64Array) throw new Error('unexpected int64 data');
  return a;
}

function values(x: RefValue): number[] {
  return Array.from(nums(backend.toHost(x)));
}

/** Multi-index of flat position `flat` in `shape`. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** Flat position of multi-index `idx` in `shape`. */
function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) flat = flat * shape[d] + idx[d];
  return flat;
}

function expectClose(data: ArrayLike<number> | BigInt64Array, expected: ArrayLike<number>, tol: number): void {
  const actual = nums(data);
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  if (!(worst <= tol)) throw new Error(`max relative error ${worst} at ${at}: got ${actual[at]}, expected ${expected[at]}`);
}

describe('the reference backend object', () => {
  test('implements the Backend interface with the documented dtypes; compile is the interpreter', () => {
    expect(() => checkBackend(backend, 'reference')).not.toThrow();
    expect(backend.name).toBe('reference');
    expect([...backend.dtypes].sort()).toEqual(['bool', 'float16', 'float32', 'float64', 'int16', 'int32', 'int64', 'int8', 'uint16', 'uint8']);
    // (compile only holds the graph's constants for recycle.ts, then runs the default interpreter)
    expect(typeof backend.compile).toBe('function');
    for (const p of PRIMITIVES) expect(typeof K[p]).toBe('function');
  });

  test('fromHost copies its input', () => {
    const src = new Float32Array([1, 2, 3]);
    const x = backend.fromHost(src, [3], 'float32');
    src[0] = 99;
    expect(values(x)).toEqual([1, 2, 3]);
  });

  test('toHost returns a fresh copy of the right layout', () => {
    const x = t([1, 2, 3], [3], 'int32');
    const h1 = backend.toHost(x);
    expect(h1).toBeInstanceOf(Int32Array);
    h1[0] = 42;
    expect(values(x)).toEqual([1, 2, 3]);
    expect(backend.toHost(x)).not.toBe(backend.toHost(x));
    expect(backend.toHost(t([1], [1], 'float64'))).toBeInstanceOf(Float64Array);
    expect(backend.toHost(t([1], [1], 'bool'))).toBeInstanceOf(Uint8Array);
  });

  test('fromHost converts another layout and normalizes bools to 0/1', () => {
    expect(backend.toHost(backend.fromHost(new Float64Array([1.5, -2.5]), [2], 'int32'))).toEqual(new Int32Array([1, -2]));
    expect(values(backend.fromHost(new Uint8Array([0, 2, 255]), [3], 'bool'))).toEqual([0, 1, 1]);
  });

  test('fromHost refuses data that does not fill the shape', () => {
    expect(() => backend.fromHost(new Float32Array(5), [2, 3], 'float32')).toThrow(/do not fill/);
  });

  test('shapeOf returns a copy; dispose is harmless, twice', () => {
    const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
    const s = backend.shapeOf(x);
    s[0] = 7;
    expect(backend.shapeOf(x)).toEqual([2, 3]);
    backend.dispose(x);
    backend.dispose(x);
    expect(values(x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('reshape and identity give new tensors whose host copies are independent', () => {
    const x = t([1, 2, 3, 4], [2, 2]);
    const r = run('reshape', [x], { shape: [4] });
    const i = run('identity', [x], {});
    expect(r).not.toBe(x);
    expect(i).not.toBe(x);
    backend.toHost(r)[0] = 50;
    expect(values(x)).toEqual([1, 2, 3, 4]);
    expect(backend.shapeOf(r)).toEqual([4]);
  });

  test('runs a graph through the default interpreter', () => {
    // y = relu(x @ w + b), and an update v <- v + 1
    const w = t([1, -1, 2, 0], [2, 2]);
    const g: Graph<RefTensor> = {
      nodes: [
        { kind: 'input', shape: [1, 2], dtype: 'float32', name: 'x' },
        { kind: 'constant', shape: [2, 2], dtype: 'float32', value: w },
        { kind: 'op', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [0, 1], shape: [1, 2], dtype: 'float32' },
        { kind: 'variable', shape: [2], dtype: 'float32', name: 'b' },
        { kind: 'op', op: 'add', attrs: {}, inputs: [2, 3], shape: [1, 2], dtype: 'float32' },
        { kind: 'op', op: 'relu', attrs: {}, inputs: [4], shape: [1, 2], dtype: 'float32' },
        { kind: 'constant', shape: [], dtype: 'float32', value: t([1], []) },
        { kind: 'op', op: 'add', attrs: {}, inputs: [3, 6], shape: [2], dtype: 'float32' },
      ],
      inputs: [0],
      variables: [3],
      outputs: [5],
      updates: [{ variable: 3, value: 7 }],
    };
    const compiled = interpretGraph(backend, g);
    const res = compiled.run([t([3, 4], [1, 2])], [t([0.5, -0.5], [2])]);
    // x @ w = [3*1 + 4*2, 3*-1 + 4*0] = [11, -3]; + b = [11.5, -3.5]; relu = [11.5, 0]
    expect(values(res.outputs[0])).toEqual([11.5, 0]);
    expect(values(res.updates[0])).toEqual([1.5, 0.5]);
  });
});

describe('matMul', () => {
  test('512x512x512 float32 matches a naive triple loop', () => {
    // (its speed is measured by bench/matmul.ts, not here)
    const n = 512;
    const a = randomTensor([n, n], 'float32', 1);
    const b = randomTensor([n, n], 'float32', 2);
    const c = run('matMul', [a, b], { transposeA: false, transposeB: false });
    const out = backend.toHost(c);
    expect(out).toBeInstanceOf(Float32Array);
    expectClose(out, textbookMatMul(a.data, b.data, n, n, n, false, false), 1e-6);
  });

  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])('odd sizes (37x29 @ 29x53), transposeA=%s transposeB=%s, float64', (ta, tb) => {
    const [m, k, n] = [37, 29, 53];
    const a = randomTensor(ta ? [k, m] : [m, k], 'float64', 3);
    const b = randomTensor(tb ? [n, k] : [k, n], 'float64', 4);
    const c = run('matMul', [a, b], { transposeA: ta, transposeB: tb });
    expect(backend.shapeOf(c)).toEqual([m, n]);
    expectClose(backend.toHost(c), textbookMatMul(a.data, b.data, m, k, n, ta, tb), 1e-12);
  });

  test.each([
    [1, 7, 9],
    [9, 7, 1],
    [3, 5, 2],
    [6, 1, 6],
  ])('thin products %ix%ix%i', (m, k, n) => {
    const a = randomTensor([m, k], 'float32', 5);
    const b = randomTensor([n, k], 'float32', 6);
    const c = run('matMul', [a, b], { transposeA: false, transposeB: true });
    expectClose(backend.toHost(c), textbookMatMul(a.data, b.data, m, k, n, false, true), 1e-6);
  });

  test('broadcast batch dims [3,1,6,5] @ [1,2,5,7] with transposeB on [1,2,7,5]', () => {
    const a = randomTensor([3, 1, 6, 5], 'float32', 7);
    const b = randomTensor([1, 2, 7, 5], 'float32', 8);
    const c = run('matMul', [a, b], { transposeA: false, transposeB: true });
    expect(backend.shapeOf(c)).toEqual([3, 2, 6, 7]);
    const out = backend.toHost(c);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        const expected = textbookMatMul(a.data.subarray(i * 30, i * 30 + 30), b.data.subarray(j * 35, j * 35 + 35), 6, 5, 7, false, true);
        const o = (i * 2 + j) * 42;
        expectClose(out.subarray(o, o + 42), expected, 1e-6);
      }
    }
  });

  test('NaN and Inf propagate through the product', () => {
    const a = t([NaN, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], [4, 4]);
    const b = t([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], [4, 4]);
    const c = values(run('matMul', [a, b], { transposeA: false, transposeB: false }));
    expect(c.slice(0, 4).every(Number.isNaN)).toBe(true); // NaN * 0 = NaN
  });

  test('refuses mismatched inner dimensions', () => {
    expect(() => run('matMul', [t([1, 2, 3, 4, 5, 6], [2, 3]), t([1, 2, 3, 4], [2, 2])], { transposeA: false, transposeB: false })).toThrow(
      Error,
    );
  });
});

describe('layout against index formulas', () => {
  test('3-D transpose [2,3,4] perm [1,2,0]: out[j][k][i] = x[i][j][k]', () => {
    const shape = [2, 3, 4];
    const x = randomTensor(shape, 'float32', 9);
    const y = run('transpose', [x], { perm: [1, 2, 0] });
    expect(backend.shapeOf(y)).toEqual([3, 4, 2]);
    const out = backend.toHost(y);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) expect(out[j * 8 + k * 2 + i]).toBe(x.data[i * 12 + j * 4 + k]);
  });

  test.each([
    [[5, 3, 4, 2], [3, 1, 0, 2]],
    [[70, 45], [1, 0]],
    [[3, 40, 33], [0, 2, 1]],
    [[2, 1, 3], [1, 2, 0]],
  ])('transpose %j perm %j', (shape, perm) => {
    const x = randomTensor(shape, 'int32', 10);
    const y = run('transpose', [x], { perm });
    const outShape = perm.map((p) => shape[p]);
    expect(backend.shapeOf(y)).toEqual(outShape);
    const out = backend.toHost(y);
    for (let f = 0; f < out.length; f++) {
      const oi = unravel(f, outShape);
      const xi = new Array<number>(shape.length);
      perm.forEach((p, d) => (xi[p] = oi[d]));
      if (out[f] !== x.data[ravel(xi, shape)]) throw new Error(`transpose mismatch at ${oi}`);
    }
  });

  test('slice, reverse, pad and tile of a random [4,5,6] tensor', () => {
    const shape = [4, 5, 6];
    const x = randomTensor(shape, 'float64', 11);
    const at = (i: number[]): number => x.data[ravel(i, shape)];

    const s = run('slice', [x], { begin: [1, 0, 2], size: [2, -1, 3] });
    const sShape = [2, 5, 3];
    expect(backend.shapeOf(s)).toEqual(sShape);
    backend.toHost(s).forEach((v, f) => {
      const [a, b, c] = unravel(f, sShape);
      expect(v).toBe(at([a + 1, b, c + 2]));
    });

    const r = run('reverse', [x], { axes: [0, 2] });
    backend.toHost(r).forEach((v, f) => {
      const [a, b, c] = unravel(f, shape);
      expect(v).toBe(at([3 - a, b, 5 - c]));
    });

    const p = run('pad', [x], { pads: [[0, 1], [2, 0], [1, 1]], value: -7 });
    const pShape = [5, 7, 8];
    expect(backend.shapeOf(p)).toEqual(pShape);
    backend.toHost(p).forEach((v, f) => {
      const [a, b, c] = unravel(f, pShape);
      const inside = a < 4 && b >= 2 && c >= 1 && c < 7;
      expect(v).toBe(inside ? at([a, b - 2, c - 1]) : -7);
    });

    const tl = run('tile', [x], { reps: [2, 1, 3] });
    const tShape = [8, 5, 18];
    expect(backend.shapeOf(tl)).toEqual(tShape);
    backend.toHost(tl).forEach((v, f) => {
      const [a, b, c] = unravel(f, tShape);
      expect(v).toBe(at([a % 4, b, c % 6]));
    });
  });

  test('concat of large chunks along the middle axis', () => {
    const a = randomTensor([2, 3, 20], 'float32', 12);
    const b = randomTensor([2, 1, 20], 'float32', 13);
    const c = run('concat', [a, b], { axis: 1 });
    expect(backend.shapeOf(c)).toEqual([2, 4, 20]);
    backend.toHost(c).forEach((v, f) => {
      const [i, j, k] = unravel(f, [2, 4, 20]);
      expect(v).toBe(j < 3 ? a.data[ravel([i, j, k], [2, 3, 20])] : b.data[ravel([i, 0, k], [2, 1, 20])]);
    });
  });

  test('broadcastTo [3,1,5] -> [2,3,4,5]', () => {
    const x = randomTensor([3, 1, 5], 'int32', 14);
    const y = run('broadcastTo', [x], { shape: [2, 3, 4, 5] });
    backend.toHost(y).forEach((v, f) => {
      const [, j, , l] = unravel(f, [2, 3, 4, 5]);
      expect(v).toBe(x.data[j * 5 + l]);
    });
  });
});

describe('broadcasting and reductions against naive loops', () => {
  test('binary ops on [3,1,4,1] and [2,1,5] (general strided path)', () => {
    const as = [3, 1, 4, 1];
    const bs = [2, 1, 5];
    const os = [3, 2, 4, 5];
    const a = randomTensor(as, 'float32', 15);
    const b = randomTensor(bs, 'float32', 16);
    const sum = backend.toHost(run('sub', [a, b], {}));
    const gt = backend.toHost(run('greater', [a, b], {}, 'bool'));
    expect(gt).toBeInstanceOf(Uint8Array);
    for (let f = 0; f < sizeOf(os); f++) {
      const [i, j, k, l] = unravel(f, os);
      const av = a.data[ravel([i, 0, k, 0], as)];
      const bv = b.data[ravel([j, 0, l], bs)];
      expect(sum[f]).toBe(Math.fround(av - bv));
      expect(gt[f]).toBe(av > bv ? 1 : 0);
    }
  });

  test.each(['float32', 'float64'] as const)('%s add/sub/mul/div: same shape, a scalar either side, a row along the last axis', (dtype) => {
    const a = randomTensor([6, 7], dtype, 41);
    const b = randomTensor([6, 7], dtype, 42);
    const s = randomTensor([], dtype, 43);
    const row = randomTensor([1, 7], dtype, 44);
    const vec = randomTensor([7], dtype, 45);
    const round = dtype === 'float32' ? Math.fround : (v: number): number => v;
    const f = { add: (x: number, y: number) => x + y, sub: (x: number, y: number) => x - y, mul: (x: number, y: number) => x * y, div: (x: number, y: number) => x / y };
    for (const op of ['add', 'sub', 'mul', 'div'] as const) {
      const cases: [RefTensor, RefTensor, (i: number) => [number, number]][] = [
        [a, b, (i) => [a.data[i], b.data[i]]],
        [a, s, (i) => [a.data[i], s.data[0]]],
        [s, b, (i) => [s.data[0], b.data[i]]],
        [a, row, (i) => [a.data[i], row.data[i % 7]]],
        [a, vec, (i) => [a.data[i], vec.data[i % 7]]],
      ];
      for (const [x, y, at] of cases) {
        const out = run(op, [x, y], {});
        expect(out.shape).toEqual([6, 7]);
        for (let i = 0; i < 42; i++) expect(out.data[i]).toBe(round(f[op](...at(i))));
      }
    }
  });

  test('float32 relu of special bit patterns: negatives, -0 and -inf give +0; NaNs of either sign, +inf and denormals pass', () => {
    const bits = [0x7fc00000, 0x7fffffff, 0x7f800001, 0xff800001, 0xffffffff, 0xffc00000, 0x80000000, 0xff800000, 0x7f800000, 0x00000001, 0x80000001, 0x3f800000, 0xbf800000, 0x00000000];
    const x = new Float32Array(new Uint32Array(bits).buffer);
    const y = backend.toHost(run('relu', [numeric(backend.fromHost(x, [bits.length], 'float32'))], {}));
    for (let i = 0; i < bits.length; i++) {
      const v = x[i];
      if (Number.isNaN(v)) expect(y[i]).toBeNaN();
      else expect(Object.is(y[i], v > 0 ? v : 0)).toBe(true);
    }
  });

  test.each(['float32', 'int32', 'float64'] as const)('%s where with a random mask (same shapes): x where set, else y, bit for bit', (dtype) => {
    const c = randomTensor([300], 'bool', 46);
    const x = randomTensor([300], dtype, 47);
    const y = randomTensor([300], dtype, 48);
    const special = dtype === 'int32' ? [] : [NaN, -0, Infinity, -Infinity];
    special.forEach((v, i) => {
      (x.data as Float32Array)[i] = v;
      (y.data as Float32Array)[10 + i] = v;
    });
    const out = backend.toHost(run('where', [c, x, y], {}, dtype));
    for (let i = 0; i < 300; i++) {
      const want = c.data[i] ? x.data[i] : y.data[i];
      if (Number.isNaN(want)) expect(out[i]).toBeNaN();
      else expect(Object.is(out[i], want)).toBe(true);
    }
  });

  test('where with three different broadcast shapes', () => {
    const c = randomTensor([4, 1], 'bool', 17);
    const a = randomTensor([1, 3], 'int32', 18);
    const b = randomTensor([2, 1, 1], 'int32', 19);
    const y = backend.toHost(run('where', [c, a, b], {}, 'int32'));
    for (let f = 0; f < 24; f++) {
      const [i, j, k] = unravel(f, [2, 4, 3]);
      expect(y[f]).toBe(c.data[j] ? a.data[k] : b.data[i]);
    }
  });

  test.each([[[0]], [[1]], [[2]], [[3]], [[0, 2]], [[1, 3]], [[0, 1, 2, 3]], [[1, 2]]])(
    'reduceSum / reduceMax / reduceProd of [3,4,2,5] over %j',
    (axes) => {
      const shape = [3, 4, 2, 5];
      const x = randomTensor(shape, 'float64', 20);
      const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
      const sum = new Float64Array(sizeOf(kept));
      const max = new Float64Array(sizeOf(kept)).fill(-Infinity);
      const prod = new Float64Array(sizeOf(kept)).fill(1);
      for (let f = 0; f < x.data.length; f++) {
        const o = ravel(
          unravel(f, shape).map((v, i) => (axes.includes(i) ? 0 : v)),
          kept,
        );
        sum[o] += x.data[f];
        max[o] = Math.max(max[o], x.data[f]);
        prod[o] *= x.data[f];
      }
      const attrs = { axes, keepDims: true };
      expectClose(backend.toHost(run('reduceSum', [x], attrs)), sum, 1e-12);
      expect([...backend.toHost(run('reduceMax', [x], attrs))]).toEqual(Array.from(max));
      expectClose(backend.toHost(run('reduceProd', [x], attrs)), prod, 1e-12);
      const dropped = backend.shapeOf(run('reduceSum', [x], { axes, keepDims: false }));
      expect(dropped).toEqual(shape.filter((_, i) => !axes.includes(i)));
    },
  );

  test('float32 reduceSum accumulates in double', () => {
    // 2^24 + 1 + 1 ... in float32 steps would stick at 2^24; in double it reaches 2^24 + 100.
    const data = new Array<number>(101).fill(1);
    data[0] = 16777216;
    const y = values(run('reduceSum', [t(data, [101])], { axes: [0], keepDims: false }));
    expect(y[0]).toBe(16777216 + 100);
  });

  test('cumsum along the middle axis of [2,5,3], reverse and exclusive', () => {
    const shape = [2, 5, 3];
    const x = randomTensor(shape, 'int32', 21);
    const y = backend.toHost(run('cumsum', [x], { axis: 1, exclusive: true, reverse: true }));
    for (let i = 0; i < 2; i++) {
      for (let k = 0; k < 3; k++) {
        for (let j = 0; j < 5; j++) {
          let s = 0;
          for (let q = j + 1; q < 5; q++) s += x.data[ravel([i, q, k], shape)];
          expect(y[ravel([i, j, k], shape)]).toBe(s);
        }
      }
    }
  });

  test('argMax / argMin along the middle axis of [3,6,4]', () => {
    const shape = [3, 6, 4];
    const x = randomTensor(shape, 'int32', 22);
    const mx = backend.toHost(run('argMax', [x], { axis: 1 }, 'int32'));
    const mn = backend.toHost(run('argMin', [x], { axis: 1 }, 'int32'));
    expect(mx).toBeInstanceOf(Int32Array);
    for (let i = 0; i < 3; i++) {
      for (let k = 0; k < 4; k++) {
        let bi = 0;
        let si = 0;
        for (let j = 1; j < 6; j++) {
          if (x.data[ravel([i, j, k], shape)] > x.data[ravel([i, bi, k], shape)]) bi = j;
          if (x.data[ravel([i, j, k], shape)] < x.data[ravel([i, si, k], shape)]) si = j;
        }
        expect(mx[i * 4 + k]).toBe(bi);
        expect(mn[i * 4 + k]).toBe(si);
      }
    }
  });
});

describe('gather and scatterAdd', () => {
  test('scatterAdd is the adjoint of gather: <gather(x), u> = <x, scatterAdd(u)>', () => {
    const x = randomTensor([3, 7, 4], 'float64', 23);
    const idx = t([6, 0, 6, 2, 3, 3], [2, 3], 'int32');
    const g = run('gather', [x, idx], { axis: 1 });
    expect(backend.shapeOf(g)).toEqual([3, 2, 3, 4]);
    const u = randomTensor([3, 2, 3, 4], 'float64', 24);
    const s = run('scatterAdd', [u, idx], { axis: 1, size: 7 });
    expect(backend.shapeOf(s)).toEqual([3, 7, 4]);
    let lhs = 0;
    let rhs = 0;
    const gd = nums(backend.toHost(g));
    const sd = nums(backend.toHost(s));
    for (let i = 0; i < gd.length; i++) lhs += gd[i] * u.data[i];
    for (let i = 0; i < sd.length; i++) rhs += x.data[i] * sd[i];
    expect(lhs).toBeCloseTo(rhs, 10);
  });

  test('gather of long rows (TypedArray.set path)', () => {
    const x = randomTensor([5, 40], 'float32', 25);
    const y = nums(backend.toHost(run('gather', [x, t([4, 1, 4], [3], 'int32')], { axis: 0 })));
    expect(Array.from(Array.prototype.slice.call(y, 0, 40))).toEqual(Array.from(x.data.subarray(160, 200)));
    expect(Array.from(Array.prototype.slice.call(y, 40, 80))).toEqual(Array.from(x.data.subarray(40, 80)));
  });

  test('refuses out-of-range indices with a plain Error', () => {
    const x = t([1, 2, 3], [3]);
    expect(() => run('gather', [x, t([3], [1], 'int32')], { axis: 0 })).toThrow(/out of range/);
    expect(() => run('gather', [x, t([-1], [1], 'int32')], { axis: 0 })).toThrow(/out of range/);
    expect(() => run('scatterAdd', [x, t([0, 1, 5], [3], 'int32')], { axis: 0, size: 4 })).toThrow(/out of range/);
  });
});

describe('float64 rounding: what is not in the shared table yet', () => {
  // The wrap-around and NaN cases are in primitive-cases.ts, run on every backend.
  test('round: half to even at large magnitudes and just below one half; the sign of a zero is kept', () => {
    const x = t([0.49999999999999994, 4503599627370495.5, -4503599627370495.5, 1e300, -0.5, 0.5], [6], 'float64');
    const y = values(run('round', [x], {}));
    expect(y.slice(0, 4)).toEqual([0, 4503599627370496, -4503599627370496, 1e300]);
    expect(Object.is(y[4], -0)).toBe(true);
    expect(Object.is(y[5], 0)).toBe(true);
  });
});

describe('internal guards', () => {
  test('shapes that do not broadcast', () => {
    expect(() => run('add', [t([1, 2, 3], [3]), t([1, 2], [2])], {})).toThrow(/do not broadcast/);
    expect(() => run('broadcastTo', [t([1, 2, 3], [3])], { shape: [2, 2] })).toThrow(/cannot broadcast/);
  });

  test('bad reshape, transpose and slice arguments', () => {
    const x = t([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => run('reshape', [x], { shape: [4, -1] })).toThrow(/cannot reshape/);
    expect(() => run('transpose', [x], { perm: [0, 0] })).toThrow(/permutation/);
    expect(() => run('slice', [x], { begin: [1, 2], size: [1, 2] })).toThrow(/out of range/);
  });

  test('argMax over an empty axis', () => {
    expect(() => run('argMax', [t([], [2, 0])], { axis: 1 }, 'int32')).toThrow(/argMax: the reduced axis is empty/);
  });
});
