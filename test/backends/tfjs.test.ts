/**
 * The tfjs backend, what is specific to it: host conversion, variables, compile,
 * and memory (every shared primitive case leaves exactly one new tensor; nothing
 * leaks). The primitive semantics, including the cases first found where tfjs-wasm
 * departs from them, are in the shared table (primitive-cases.ts), run on every
 * backend by primitives.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Backend } from '../../src/backends/backend';
import { createTfjsBackend } from '../../src/backends/tfjs';
import type { Graph, GraphNode, HostArray, OutputInfo } from '../../src/backends/types';
import { CaseInput, PRIMITIVE_CASES, PrimitiveCase } from './primitive-cases';
import { PRIMITIVES } from '../../src/backends/types';
import { broadcastInto } from '../../src/backends/tfjs/heap-kernels';

type T = tf.Tensor;
let B: Backend<T>;

beforeAll(async () => {
  B = createTfjsBackend();
  await B.init?.();
});

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */


function host(x: CaseInput): HostArray {
  if (x.dtype === 'float32') return Float32Array.from(x.data);
  if (x.dtype === 'int32') return Int32Array.from(x.data);
  return Uint8Array.from(x.data);
}

/** '' when `got` matches `want` (exact, NaN matches NaN, floats within tol relative). */
function mismatch(got: ArrayLike<number> | BigInt64Array, want: readonly number[], tol: number): string {
  if (got instanceof BigInt64Array) return 'int64 data (tfjs has no int64)';
  if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const a = got[i];
    const e = want[i];
    const ok = Number.isNaN(e)
      ? Number.isNaN(a)
      : a === e || (tol > 0 && Number.isFinite(e) && Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)));
    if (!ok) return `[${i}] got ${a}, expected ${e}`;
  }
  return '';
}

type AnyKernel = (inputs: readonly T[], attrs: object, out: OutputInfo) => T;

/**
 * Runs one kernel and checks what is tfjs-specific: exactly one new tensor (no leak,
 * no input returned as the output), the tfjs dtype, inputs untouched; and the values.
 */
function check(c: PrimitiveCase): void {
  const inputs = c.inputs.map((x) => B.fromHost(host(x), x.shape, x.dtype));
  const before = tf.memory().numTensors;
  const y = (B.kernels[c.op] as unknown as AnyKernel)(inputs, c.attrs, { dtype: c.outDtype, shape: c.outShape });
  try {
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(inputs).not.toContain(y);
    expect(B.shapeOf(y)).toEqual(c.outShape);
    expect(y.dtype).toBe(c.outDtype);
    expect(mismatch(B.toHost(y), c.expected, c.tol ?? 1e-6)).toBe('');
    c.inputs.forEach((x, k) => expect(mismatch(B.toHost(inputs[k]), [...host(x)], 0)).toBe(''));
  } finally {
    B.dispose(y);
    inputs.forEach((x) => B.dispose(x));
  }
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** The shared cases tfjs runs (its dtypes). */
const ALL: PrimitiveCase[] = PRIMITIVE_CASES.filter((c) => [...c.inputs.map((i) => i.dtype), c.outDtype].every((d) => d !== 'float64'));

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */
/* ------------------------------------------------------------------------ */

describe('tfjs backend: the object', () => {
  test('name, dtypes, a kernel for every primitive', () => {
    expect(B.name).toBe('tfjs');
    expect([...B.dtypes].sort()).toEqual(['bool', 'float32', 'int32']);
    expect(PRIMITIVES.filter((p) => typeof B.kernels[p] !== 'function')).toEqual([]);
    expect(tf.getBackend()).toBe('wasm');
  });

  test('init may be called again', async () => {
    await B.init?.();
    await createTfjsBackend().init?.();
    expect(tf.getBackend()).toBe('wasm');
  });

  test('every primitive has a case here', () => {
    const covered = new Set(ALL.map((c) => c.op));
    expect(PRIMITIVES.filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe('tfjs backend: room left on the wasm heap', () => {
  test('maxTensorBytes is the heap maximum (4 GiB - 64 KiB) less the bytes tensors hold', () => {
    const before = B.maxTensorBytes?.() as number;
    expect(before).toBe(4294901760 - tf.memory().numBytes);
    const x = B.fromHost(new Float32Array(1000), [1000], 'float32');
    try {
      expect(B.maxTensorBytes?.()).toBe(before - 4000);
    } finally {
      B.dispose(x);
    }
    expect(B.maxTensorBytes?.()).toBe(before);
  });
});

describe('tfjs backend: host conversion', () => {
  test('fromHost / toHost / shapeOf for each dtype', () => {
    const a = B.fromHost(new Float32Array([1.5, -2, 3, 4, 5, 6]), [2, 3], 'float32');
    const b = B.fromHost(new Int32Array([INT_MAX, INT_MIN]), [2], 'int32');
    const c = B.fromHost(new Uint8Array([1, 0, 1]), [3, 1], 'bool');
    const d = B.fromHost(new Float32Array([7]), [], 'float32');
    const e = B.fromHost(new Float32Array([]), [0, 4], 'float32');
    try {
      expect(B.shapeOf(a)).toEqual([2, 3]);
      expect(B.shapeOf(d)).toEqual([]);
      expect(B.shapeOf(e)).toEqual([0, 4]);
      const ha = B.toHost(a);
      const hb = B.toHost(b);
      const hc = B.toHost(c);
      expect(ha).toBeInstanceOf(Float32Array);
      expect(hb).toBeInstanceOf(Int32Array);
      expect(hc).toBeInstanceOf(Uint8Array);
      expect([...ha]).toEqual([1.5, -2, 3, 4, 5, 6]);
      expect([...hb]).toEqual([INT_MAX, INT_MIN]);
      expect([...hc]).toEqual([1, 0, 1]);
      expect([...B.toHost(d)]).toEqual([7]);
      expect(B.toHost(e).length).toBe(0);
      // toHost gives a fresh array: writing to it does not change the tensor
      ha[0] = 100;
      expect(B.toHost(a)[0]).toBe(1.5);
    } finally {
      [a, b, c, d, e].forEach((t) => B.dispose(t));
    }
  });

  test('fromHost copies: the host array may be reused', () => {
    const data = new Float32Array([1, 2]);
    const a = B.fromHost(data, [2], 'float32');
    data[0] = 50;
    expect([...B.toHost(a)]).toEqual([1, 2]);
    B.dispose(a);
  });

  test('dispose twice is harmless', () => {
    const before = tf.memory().numTensors;
    const a = B.fromHost(new Float32Array([1]), [1], 'float32');
    B.dispose(a);
    B.dispose(a);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('unsupported dtypes are refused', () => {
    expect(() => B.fromHost(new Float64Array([1]), [1], 'float64')).toThrow(/float64/);
  });
});

describe('tfjs kernels: every shared primitive case (primitive-cases.ts) leaves one new tensor and its inputs intact', () => {
  test.each(ALL.map((c) => [`${c.op}: ${c.name}`, c] as const))('%s', (_name, c) => check(c));
});

describe('tfjs kernels: ownership and errors', () => {
  test('disposing the result of identity leaves the input alive', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const y = B.kernels.identity([x], {}, { dtype: 'float32', shape: [2] });
    B.dispose(y);
    expect([...B.toHost(x)]).toEqual([1, 2]);
    B.dispose(x);
  });

  test('gather with an index out of range throws and leaks nothing', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const i = B.fromHost(new Int32Array([0, 2]), [2], 'int32');
    const before = tf.memory().numTensors;
    expect(() => B.kernels.gather([x, i], { axis: 0 }, { dtype: 'float32', shape: [2] })).toThrow(/out of range/);
    expect(tf.memory().numTensors).toBe(before);
    B.dispose(x);
    B.dispose(i);
  });

  test('argMax over an empty axis throws', () => {
    const x = B.fromHost(new Float32Array([]), [2, 0], 'float32');
    expect(() => B.kernels.argMax([x], { axis: 1 }, { dtype: 'int32', shape: [2] })).toThrow(/the reduced axis is empty/);
    B.dispose(x);
  });
});

describe('tfjs backend: variables', () => {
  test('createVariable takes ownership; assign updates in place', () => {
    const before = tf.memory().numTensors;
    const init = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const v = B.createVariable!(init);
    expect(v).toBeInstanceOf(tf.Variable);
    expect((v as tf.Variable).trainable).toBe(false);
    expect(init.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect([...B.toHost(v)]).toEqual([1, 2]);

    const value = B.fromHost(new Float32Array([3, 4]), [2], 'float32');
    const kept = B.assign!(v, value);
    expect(kept).toBe(v);
    expect(value.isDisposed).toBe(true);
    expect([...B.toHost(v)]).toEqual([3, 4]);
    expect(tf.memory().numTensors).toBe(before + 1);

    // Another shape: a new handle, the old one disposed.
    const other = B.fromHost(new Float32Array([5, 6, 7]), [3], 'float32');
    const next = B.assign!(v, other);
    expect(next).not.toBe(v);
    expect(v.isDisposed).toBe(true);
    expect([...B.toHost(next)]).toEqual([5, 6, 7]);
    expect(tf.memory().numTensors).toBe(before + 1);
    B.dispose(next);
    B.dispose(next);
    expect(tf.memory().numTensors).toBe(before);
  });
});

/* ------------------------------------------------------------------------ */
/* compile                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * y = x @ w; w <- w - lr * (x^T @ y), with lr a constant 0.1.
 * Nodes: 0 x [null,3], 1 w [3,2], 2 y = matMul(x, w), 3 lr, 4 g = matMul(x, y, transposeA),
 * 5 lr * g, 6 w - lr * g. Outputs y, y (twice), lr (a constant), x (a feed).
 */
function sgdGraph(lr: T): Graph<T> {
  const nodes: GraphNode<T>[] = [
    { kind: 'input', shape: [null, 3], dtype: 'float32', name: 'x' },
    { kind: 'variable', shape: [3, 2], dtype: 'float32', name: 'w' },
    { kind: 'op', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [0, 1], shape: [null, 2], dtype: 'float32' },
    { kind: 'constant', shape: [], dtype: 'float32', value: lr },
    { kind: 'op', op: 'matMul', attrs: { transposeA: true, transposeB: false }, inputs: [0, 2], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'mul', attrs: {}, inputs: [3, 4], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'sub', attrs: {}, inputs: [1, 5], shape: [3, 2], dtype: 'float32' },
  ];
  return { nodes, inputs: [0], variables: [1], outputs: [2, 2, 3, 0], updates: [{ variable: 0, value: 6 }] };
}

describe('tfjs backend: compile', () => {
  // x = [[1,0,1],[0,1,0]], w = [[1,2],[3,4],[5,6]]
  // y = x @ w = [[1+5, 2+6], [3, 4]] = [[6,8],[3,4]]
  // x^T @ y = [[6,8],[3,4],[6,8]] (rows y0, y1, y0); 0.1 * that = [[0.6,0.8],[0.3,0.4],[0.6,0.8]]
  // w' = [[0.4,1.2],[2.7,3.6],[4.4,5.2]]; then y' = x @ w' = [[0.4+4.4, 1.2+5.2], [2.7, 3.6]] = [[4.8,6.4],[2.7,3.6]]
  test('runs a hand-built graph; results are owned by the caller; nothing else remains', () => {
    const x = B.fromHost(new Float32Array([1, 0, 1, 0, 1, 0]), [2, 3], 'float32');
    let w = B.createVariable!(B.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2], 'float32'));
    const lr = B.fromHost(new Float32Array([0.1]), [], 'float32');
    const compiled = B.compile!(sgdGraph(lr));
    const before = tf.memory().numTensors;

    const r = compiled.run([x], [w]);
    // 4 outputs + 1 update, nothing else
    expect(tf.memory().numTensors).toBe(before + 5);
    expect(r.outputs).toHaveLength(4);
    expect(r.updates).toHaveLength(1);
    expect(new Set([...r.outputs, ...r.updates]).size).toBe(5);
    expect(mismatch(B.toHost(r.outputs[0]), [6, 8, 3, 4], 0)).toBe('');
    expect(mismatch(B.toHost(r.outputs[1]), [6, 8, 3, 4], 0)).toBe('');
    expect(mismatch(B.toHost(r.outputs[2]), [0.1], 1e-7)).toBe('');
    expect(mismatch(B.toHost(r.outputs[3]), [1, 0, 1, 0, 1, 0], 0)).toBe('');
    expect(mismatch(B.toHost(r.updates[0]), [0.4, 1.2, 2.7, 3.6, 4.4, 5.2], 1e-6)).toBe('');
    // The variable is not changed by run: only assign changes it.
    expect([...B.toHost(w)]).toEqual([1, 2, 3, 4, 5, 6]);
    r.outputs.forEach((t) => B.dispose(t));
    w = B.assign!(w, r.updates[0]);
    expect(tf.memory().numTensors).toBe(before);
    // Feeds and constants survive the run.
    expect(x.isDisposed).toBe(false);
    expect(lr.isDisposed).toBe(false);

    const r2 = compiled.run([x], [w]);
    expect(mismatch(B.toHost(r2.outputs[0]), [4.8, 6.4, 2.7, 3.6], 1e-6)).toBe('');
    [...r2.outputs, ...r2.updates].forEach((t) => B.dispose(t));
    expect(tf.memory().numTensors).toBe(before);
    compiled.dispose?.();
    [x, w, lr].forEach((t) => B.dispose(t));
  });

  test('a failing kernel leaves nothing behind', () => {
    const x = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const graph: Graph<T> = {
      nodes: [
        { kind: 'input', shape: [2], dtype: 'float32', name: 'x' },
        { kind: 'op', op: 'exp', attrs: {}, inputs: [0], shape: [2], dtype: 'float32' },
        // argMax over a length-0 axis throws
        { kind: 'op', op: 'slice', attrs: { begin: [0], size: [0] }, inputs: [1], shape: [0], dtype: 'float32' },
        { kind: 'op', op: 'argMax', attrs: { axis: 0 }, inputs: [2], shape: [], dtype: 'int32' },
      ],
      inputs: [0],
      variables: [],
      outputs: [3],
      updates: [],
    };
    const compiled = B.compile!(graph);
    const before = tf.memory().numTensors;
    expect(() => compiled.run([x], [])).toThrow(/the reduced axis is empty/);
    expect(tf.memory().numTensors).toBe(before);
    B.dispose(x);
  });

  // w <- w - 0.1 x^T x w contracts along x^T x's eigenvalues 1 and 2 (factors 0.9, 0.8) and keeps
  // w's part in the null space of x^T x = [[1,0,1],[0,1,0],[1,0,1]], spanned by (1,0,-1)/sqrt 2.
  // The limit is P w with P = 1/2 [[1,0,-1],[0,0,0],[-1,0,1]]:
  // P w = 1/2 [[1-5, 2-6], [0,0], [-1+5, -2+6]] = [[-2,-2],[0,0],[2,2]], and y = x @ P w = 0.
  test('memory: 1,000 runs with an update assigned each time leave the tensor count unchanged', () => {
    const x = B.fromHost(new Float32Array([1, 0, 1, 0, 1, 0]), [2, 3], 'float32');
    let w = B.createVariable!(B.fromHost(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2], 'float32'));
    const lr = B.fromHost(new Float32Array([0.1]), [], 'float32');
    const compiled = B.compile!(sgdGraph(lr));
    const before = tf.memory();
    let last: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = compiled.run([x], [w]);
      if (i === 999) last = Array.from(B.toHost(r.outputs[0]) as Float32Array);
      r.outputs.forEach((t) => B.dispose(t));
      w = B.assign!(w, r.updates[0]);
    }
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    expect(mismatch(B.toHost(w), [-2, -2, 0, 0, 2, 2], 1e-4)).toBe('');
    expect(mismatch(last, [0, 0, 0, 0], 1e-4)).toBe('');
    [x, w, lr].forEach((t) => B.dispose(t));
  });
});

describe('tfjs backend: the heap broadcast copy', () => {
  // dst[i] = src[j], j from i's multi-index with each stretched (length 1) source axis read at 0
  function naive(src: Float32Array, from: number[], to: number[]): Float32Array {
    const n = to.reduce((p, d) => p * d, 1);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let rem = i;
      let j = 0;
      let scale = 1;
      for (let a = to.length - 1; a >= 0; a--) {
        const at = rem % to[a];
        rem = Math.floor(rem / to[a]);
        j += (from[a] === 1 ? 0 : at) * scale;
        scale *= from[a];
      }
      out[i] = src[j];
    }
    return out;
  }

  test('matches the index formula for every pattern of stretched axes up to rank 4', () => {
    const to = [3, 2, 4, 5];
    for (let mask = 0; mask < 16; mask++) {
      const from = to.map((d, a) => ((mask >> a) & 1 ? 1 : d));
      const src = Float32Array.from({ length: from.reduce((p, d) => p * d, 1) }, (_, i) => i + 1);
      const dst = new Float32Array(to.reduce((p, d) => p * d, 1));
      broadcastInto(src, from, dst, to);
      expect(Array.from(dst)).toEqual(Array.from(naive(src, from, to)));
    }
  });
});
