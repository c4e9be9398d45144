/**
 * The reference backend recycles the storage of disposed large tensors
 * (src/backends/reference/recycle.ts). Storage is reused only once every tensor
 * over it is disposed (reshape and identity share storage, a bitcast views it),
 * a second dispose of one tensor takes nothing off, and a reused array is zeroed.
 * Then the whole conformance suite runs on a reference backend that recycles
 * every array, however small: a tensor disposed while still in use would give
 * wrong values there. And a compiled function keeps its constants' storage even
 * when the program disposes them.
 */
import * as K from '../../src/index';
import { registerBackend } from '../../src/index';
import { createReferenceBackend, RefTensor, RefValue } from '../../src/backends/reference';
import { allocate, hold, recycledBytes, release, setRecycleMinBytes } from '../../src/backends/reference/recycle';
import { describeConformance } from '../../conformance';

const backend = createReferenceBackend();
const k = backend.kernels;
registerBackend('reference-recycling', () => createReferenceBackend());

function numeric(x: RefValue): RefTensor {
  if (x.dtype === 'int64') throw new Error('unexpected int64 tensor');
  return x as RefTensor;
}

/** What a kernel is told of the node it computes: its output's shape and dtype. */
const node = (shape: number[]): never => ({ kind: 'op', shape, dtype: 'float32' }) as never;

/** A float32 tensor of `n` elements, all `v`, made by a kernel (so counted). */
function filled(n: number, v: number): RefTensor {
  const x = numeric(backend.fromHost(new Float32Array(n).fill(v), [n], 'float32'));
  return numeric(k.add([x, numeric(backend.fromHost(new Float32Array([0]), [], 'float32'))], {}, node([n])));
}

beforeAll(() => setRecycleMinBytes(0));

describe('reference storage recycling', () => {
  it('reuses a disposed tensor storage, zeroed, for the next array of its type and length', () => {
    const a = filled(1000, 7);
    const before = recycledBytes();
    backend.dispose(a);
    expect(recycledBytes()).toBe(before + 4000);
    const z = allocate(Float32Array, 1000);
    expect(z.buffer).toBe(a.data.buffer); // the same storage, taken back
    expect(recycledBytes()).toBe(before);
    expect(Array.from(z).every((v) => Object.is(v, 0))).toBe(true); // its 7s gone
  });

  it('keeps storage that a reshape or identity still uses, until both are disposed', () => {
    const a = filled(1000, 3);
    const r = numeric(k.reshape([a], { shape: [10, 100] }, node([10, 100])));
    const i = numeric(k.identity([a], {}, node([1000])));
    expect(r.data.buffer).toBe(a.data.buffer);
    const before = recycledBytes();
    backend.dispose(a);
    backend.dispose(a); // a second dispose of one tensor takes nothing off
    backend.dispose(r);
    expect(recycledBytes()).toBe(before);
    // Arrays made now must not take r's or i's storage.
    const others = Array.from({ length: 4 }, () => filled(1000, 9));
    expect(Array.from(i.data).every((v) => v === 3)).toBe(true);
    const last = recycledBytes();
    backend.dispose(i);
    expect(recycledBytes()).toBe(last + 4000);
    others.forEach((o) => backend.dispose(o));
  });

  it('counts a view of the storage as a user (as int64 tensors over int32 pairs are)', () => {
    const data = allocate(Float32Array, 1000);
    data.fill(1.5);
    const a = hold({ data, shape: [1000], dtype: 'float32' as const });
    const v = hold({ data: new Int32Array(data.buffer), shape: [1000], dtype: 'int32' as const });
    const before = recycledBytes();
    release(a);
    expect(recycledBytes()).toBe(before);
    const others = Array.from({ length: 4 }, () => filled(1000, 2));
    expect(v.data[0]).toBe(0x3fc00000); // the bits of 1.5f
    const last = recycledBytes();
    release(v);
    expect(recycledBytes()).toBe(last + 4000);
    others.forEach((o) => backend.dispose(o));
  });

  it('keeps at most 32 MiB free, dropping the arrays freed longest ago', () => {
    const mib = 1 << 20;
    const arrays = Array.from({ length: 40 }, () => filled(mib / 4, 1)); // 40 arrays of 1 MiB
    arrays.forEach((a) => backend.dispose(a));
    expect(recycledBytes()).toBeLessThanOrEqual(32 * mib);
    expect(recycledBytes()).toBeGreaterThanOrEqual(31 * mib);
    // The next arrays of that length are the last ones freed (the first ones were dropped).
    const again = Array.from({ length: 3 }, () => allocate(Float32Array, mib / 4));
    // (toBe: the same buffers, not equal bytes)
    again.forEach((a, i) => expect(a.buffer).toBe(arrays[39 - i].data.buffer));
  });

  it('never recycles borrowed host data', () => {
    const host = new Float32Array(1000).fill(4);
    const x = backend.borrowHost!(host, [1000], 'float32');
    const before = recycledBytes();
    backend.dispose(x);
    expect(recycledBytes()).toBe(before);
    filled(1000, 5);
    expect(host.every((v) => v === 4)).toBe(true);
  });
});

describe('compiled functions and recycled storage', () => {
  it('a compiled function keeps a constant the program disposed', async () => {
    // Made on one backend and used on another, the constant is copied into recycled storage.
    await K.setBackend('reference');
    const c = K.constant(new Float32Array(400).fill(2), { shape: [100, 4] });
    await K.setBackend('reference-recycling');
    // (x * c summed over rows: c is read at run time; a constant-only sum would be folded)
    const x = K.placeholder({ shape: [100, 4] });
    const f = K.function([x], [K.sum(K.multiply(x, c), 0)]);
    const ones = Array.from({ length: 100 }, () => [1, 1, 1, 1]);
    expect(Array.from(f([ones])[0].data as Float32Array)).toEqual([200, 200, 200, 200]);
    K.dispose(c);
    // Churn: arrays of the constant's size computed (so in recycled storage), then disposed.
    for (let i = 0; i < 20; i++) expect(K.eval(K.multiply(K.ones([100, 4]), -1)).data[0]).toBe(-1);
    expect(Array.from(f([ones])[0].data as Float32Array)).toEqual([200, 200, 200, 200]);
  });

  it('a function that swaps two variables, and a tidy that returns a view of what it frees, keep their values', async () => {
    await K.setBackend('reference-recycling');
    const a = K.variable([1, 2, 3]);
    const b = K.variable([4, 5, 6]);
    const x = K.placeholder({ shape: [1] });
    const swap = K.function([x], [K.sum(a)], [K.update(a, b), K.update(b, a)]);
    const churn = (): void => {
      for (let i = 0; i < 10; i++) K.eval(K.multiply(K.ones([3]), -7));
    };
    for (let i = 1; i <= 4; i++) {
      swap([[0]]);
      churn();
      expect(Array.from(K.getValue(a).data as Float32Array)).toEqual(i % 2 === 1 ? [4, 5, 6] : [1, 2, 3]);
      expect(Array.from(K.getValue(b).data as Float32Array)).toEqual(i % 2 === 1 ? [1, 2, 3] : [4, 5, 6]);
    }
    // K.tidy frees the [2, 2] tensor it made; the reshape it returns shares that storage
    const flat = K.tidy(() => K.reshape(K.add(K.constant([[1, 2], [3, 4]]), 10), [4]));
    churn();
    expect(Array.from(K.eval(flat).data as Float32Array)).toEqual([11, 12, 13, 14]);
  });

  it('SGD steps with updates give the hand-computed weights', async () => {
    await K.setBackend('reference-recycling');
    // w <- w - lr * d/dw mean((x w - y)^2) = w - lr * 2/N sum((x w - y) x), one feature.
    const x = K.placeholder({ shape: [null, 1] });
    const y = K.placeholder({ shape: [null, 1] });
    const w = K.variable(new Float32Array([0.5]), { name: 'w' });
    const loss = K.mean(K.square(K.subtract(K.dot(x, K.reshape(w, [1, 1])), y)));
    const g = K.gradients(loss, [w])[0] as K.KTensor;
    const step = K.function([x, y], [loss], [K.update(w, K.subtract(w, K.multiply(g, 0.1)))]);
    const xs = [1, 2, 3];
    const ys = [2, 4, 6];
    let wv = 0.5;
    for (let s = 0; s < 5; s++) {
      step([xs.map((v) => [v]), ys.map((v) => [v])]);
      const grad = xs.reduce((acc, xi, i) => acc + 2 * (xi * wv - ys[i]) * xi, 0) / xs.length;
      wv -= 0.1 * grad;
      expect(K.getValue(w).data[0]).toBeCloseTo(wv, 5);
    }
  });
});

// Every function of the suite, on a reference backend that recycles every array.
describeConformance('reference-recycling');
