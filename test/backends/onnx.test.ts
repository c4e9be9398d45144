/**
 * The onnx backend, what is specific to it: the dtypes where ORT lacks kernels and
 * the adapter casts around them (bool arithmetic and reductions), eager session
 * reuse, and whole-graph compilation into one session. Value cases that hold on
 * every backend (sigmoid's tails, int32 extremes, empty axes, ...) are in the
 * shared table (primitive-cases.ts).
 */
import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import {
  clearEagerCache,
  createOnnxBackend,
  EAGER_CACHE_LIMIT,
  eagerCacheSize,
  lowerGraph,
  onnxRunCount,
  onnxSessionCount,
} from '../../src/backends/onnx';
import { checkBackend } from '../../src/backends/backend';
import type { DType, Graph, GraphNode, PrimitiveAttrs, PrimitiveName, Shape } from '../../src/backends/types';

const B = createOnnxBackend();

beforeAll(async () => {
  await B.init?.();
});

type In = [data: number[], shape: number[], dtype: DType];

function host(data: number[], dtype: DType): Float32Array | Float64Array | Int32Array | Uint8Array {
  if (dtype === 'float32') return Float32Array.from(data);
  if (dtype === 'float64') return Float64Array.from(data);
  if (dtype === 'int32') return Int32Array.from(data);
  return Uint8Array.from(data);
}

/** Number host data (these tests make no int64 tensors). */
function nums(a: ArrayLike<number> | BigInt64Array): ArrayLike<number> {
  if (a instanceof BigInt64Array) throw new Error('unexpected int64 data');
  return a;
}

/** -0 -> 0, so that toEqual compares values, not signs of zero. */
function plain(a: ArrayLike<number> | BigInt64Array): number[] {
  return Array.from(nums(a), (v) => (v === 0 ? 0 : v));
}

/** Runs one kernel; returns the output's shape and values (and checks its dtype). */
function run<P extends PrimitiveName>(
  op: P,
  attrs: PrimitiveAttrs[P],
  inputs: In[],
  outDtype: DType,
  outShape: Shape,
): { shape: number[]; data: number[] } {
  const ts = inputs.map(([d, s, dt]) => B.fromHost(host(d, dt), s, dt));
  const kernel = B.kernels[op] as (i: readonly ort.Tensor[], a: PrimitiveAttrs[P], o: { dtype: DType; shape: Shape }) => ort.Tensor;
  const out = kernel(ts, attrs, { dtype: outDtype, shape: outShape });
  try {
    expect(out.type).toBe(outDtype);
    return { shape: B.shapeOf(out), data: plain(B.toHost(out)) };
  } finally {
    B.dispose(out);
    ts.forEach((t) => B.dispose(t));
  }
}

function expectClose(actual: number[], expected: number[], tol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (Number.isNaN(e)) expect(a).toBeNaN();
    else if (!Number.isFinite(e)) expect(a).toBe(e);
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

const none = {} as Record<string, never>;

describe('onnx backend object', () => {
  test('implements the Backend interface', () => {
    expect(() => checkBackend(B, 'onnx')).not.toThrow();
    expect(B.name).toBe('onnx');
    expect([...B.dtypes].sort()).toEqual(['bool', 'float16', 'float32', 'float64', 'int16', 'int32', 'int64', 'int8', 'uint16', 'uint8']);
  });

  test('fromHost copies, toHost returns fresh arrays of the host layout', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const t = B.fromHost(data, [2, 3], 'float32');
    data[0] = 100;
    expect(B.shapeOf(t)).toEqual([2, 3]);
    const h = B.toHost(t);
    expect(h).toBeInstanceOf(Float32Array);
    expect([...h]).toEqual([1, 2, 3, 4, 5, 6]);
    h[1] = -7;
    expect([...B.toHost(t)]).toEqual([1, 2, 3, 4, 5, 6]);
    B.dispose(t);
    expect(() => B.dispose(t)).not.toThrow();

    const b = B.fromHost(new Uint8Array([0, 1, 2]), [3], 'bool');
    const bh = B.toHost(b);
    expect(bh).toBeInstanceOf(Uint8Array);
    expect([...bh]).toEqual([0, 1, 1]);
    expect(B.toHost(B.fromHost(new Int32Array([-5]), [], 'int32'))).toBeInstanceOf(Int32Array);
    const d = B.fromHost(new Float64Array([0.1]), [1, 1], 'float64');
    expect(B.toHost(d)).toEqual(new Float64Array([0.1]));
    expect(B.shapeOf(d)).toEqual([1, 1]);
  });

  test('fromHost checks the element count', () => {
    expect(() => B.fromHost(new Float32Array(3), [2, 2], 'float32')).toThrow(/3 elements/);
  });
});

describe('onnx dtype workarounds (ORT has no kernel; the adapter casts through int32)', () => {
  // What the primitives do on these dtypes is not part of their contract (src/api never
  // asks for it); these check that the casts around ORT's missing kernels give sensible values.
  test('arithmetic on bool goes through int32: add = or, mul = and', () => {
    expect(run('add', none, [[[1, 1, 0, 0], [4], 'bool'], [[1, 0, 1, 0], [4], 'bool']], 'bool', [4]).data).toEqual([1, 1, 1, 0]);
    expect(run('mul', none, [[[1, 1, 0, 0], [4], 'bool'], [[1, 0, 1, 0], [4], 'bool']], 'bool', [4]).data).toEqual([1, 0, 0, 0]);
  });

  test('maximum and minimum on bool', () => {
    expect(run('maximum', none, [[[1, 0, 0], [3], 'bool'], [[0, 0, 1], [3], 'bool']], 'bool', [3]).data).toEqual([1, 0, 1]);
    expect(run('minimum', none, [[[1, 0, 1], [3], 'bool'], [[1, 1, 0], [3], 'bool']], 'bool', [3]).data).toEqual([1, 0, 0]);
  });

  test('bool reduceMax/Min/Sum/Prod act as any/all, also over a length-0 axis', () => {
    // [[1, 0, 0], [0, 0, 0], [1, 1, 1]]
    const b: In = [[1, 0, 0, 0, 0, 0, 1, 1, 1], [3, 3], 'bool'];
    expect(run('reduceMax', { axes: [1], keepDims: false }, [b], 'bool', [3]).data).toEqual([1, 0, 1]);
    expect(run('reduceMin', { axes: [1], keepDims: false }, [b], 'bool', [3]).data).toEqual([0, 0, 1]);
    expect(run('reduceSum', { axes: [1], keepDims: false }, [b], 'bool', [3]).data).toEqual([1, 0, 1]);
    expect(run('reduceProd', { axes: [1], keepDims: false }, [b], 'bool', [3]).data).toEqual([0, 0, 1]);
    const eb: In = [[], [2, 0], 'bool'];
    expect(run('reduceMax', { axes: [1], keepDims: false }, [eb], 'bool', [2]).data).toEqual([0, 0]);
    expect(run('reduceMin', { axes: [0, 1], keepDims: false }, [eb], 'bool', []).data).toEqual([1]);
  });

  test('argMax and argMin on bool: the first index of the extreme', () => {
    expect(run('argMax', { axis: 0 }, [[[0, 1, 1], [3], 'bool']], 'int32', []).data).toEqual([1]);
    expect(run('argMin', { axis: 0 }, [[[1, 1, 0], [3], 'bool']], 'int32', []).data).toEqual([2]);
  });
});

/** The first `n` permutations of 0..k-1 in lexicographic order. */
function permutations(k: number, n: number): number[][] {
  const res: number[][] = [];
  const walk = (prefix: number[]): void => {
    if (res.length >= n) return;
    if (prefix.length === k) {
      res.push(prefix);
      return;
    }
    for (let i = 0; i < k; i++) if (!prefix.includes(i)) walk([...prefix, i]);
  };
  walk([]);
  return res;
}

describe('onnx eager sessions', () => {
  test('one slice session serves different begins and sizes of the same rank', () => {
    const x: In = [Array.from({ length: 24 }, (_, i) => i), [2, 3, 4], 'float64'];
    run('slice', { begin: [1, 1, 2], size: [-1, 2, -1] }, [x], 'float64', [1, 2, 2]);
    const before = onnxSessionCount();
    // x[:, 2, 0] = [8, 20]; an empty slice
    expect(run('slice', { begin: [0, 2, 0], size: [2, 1, 1] }, [x], 'float64', [2, 1, 1]).data).toEqual([8, 20]);
    expect(run('slice', { begin: [0, 0, 0], size: [1, 0, 4] }, [x], 'float64', [1, 0, 4]).data).toEqual([]);
    expect(onnxSessionCount()).toBe(before);
  });

  test('one session per (primitive, structure, dtypes, ranks): new shapes and values reuse it; each call is one run', () => {
    const x1 = B.fromHost(new Float32Array([1, 2]), [2], 'float32');
    const x2 = B.fromHost(new Float32Array([1, 2, 3, 4, 5]), [5], 'float32');
    const y = B.kernels.mul([x1, x1], none, { dtype: 'float32', shape: [2] }); // creates (or reuses) the session
    const sessions = onnxSessionCount();
    const runs = onnxRunCount();
    const z = B.kernels.mul([x2, x2], none, { dtype: 'float32', shape: [5] });
    const w = B.kernels.pad([x2], { pads: [[1, 2]], value: 3 }, { dtype: 'float32', shape: [8] });
    const sessionsAfterPad = onnxSessionCount();
    const v = B.kernels.pad([x1], { pads: [[0, 4]], value: -1 }, { dtype: 'float32', shape: [6] });
    expect(onnxSessionCount()).toBe(sessionsAfterPad);
    expect(sessionsAfterPad - sessions).toBeLessThanOrEqual(1);
    expect(onnxRunCount()).toBe(runs + 3);
    expect([...B.toHost(z)]).toEqual([1, 4, 9, 16, 25]);
    expect([...B.toHost(w)]).toEqual([3, 1, 2, 3, 4, 5, 3, 3]);
    expect([...B.toHost(v)]).toEqual([1, 2, -1, -1, -1, -1]);
    [x1, x2, y, z, w, v].forEach((t) => B.dispose(t));
  });

  test('the cache is bounded: the least recently used session is disposed, and re-created on demand', () => {
    clearEagerCache();
    const x = B.fromHost(new Int32Array([1, 2]), [1, 1, 1, 1, 1, 2], 'int32');
    const perms = permutations(6, EAGER_CACHE_LIMIT + 1);
    for (const perm of perms) {
      const shape = perm.map((p) => (p === 5 ? 2 : 1));
      const y = B.kernels.transpose([x], { perm }, { dtype: 'int32', shape });
      expect(B.shapeOf(y)).toEqual(shape);
      B.dispose(y);
    }
    expect(eagerCacheSize()).toBe(EAGER_CACHE_LIMIT);
    const sessions = onnxSessionCount();
    // perms[0] = identity permutation, evicted first
    const y = B.kernels.transpose([x], { perm: perms[0] }, { dtype: 'int32', shape: [1, 1, 1, 1, 1, 2] });
    expect(onnxSessionCount()).toBe(sessions + 1);
    expect([...B.toHost(y)]).toEqual([1, 2]);
    B.dispose(y);
    B.dispose(x);
    clearEagerCache();
  });

  test('clearEagerCache disposes the cached sessions; kernels still work afterwards', () => {
    const x = B.fromHost(new Int32Array([2, -3]), [2], 'int32');
    B.dispose(B.kernels.abs([x], none, { dtype: 'int32', shape: [2] }));
    expect(eagerCacheSize()).toBeGreaterThan(0);
    clearEagerCache();
    expect(eagerCacheSize()).toBe(0);
    const y = B.kernels.abs([x], none, { dtype: 'int32', shape: [2] });
    expect([...B.toHost(y)]).toEqual([2, 3]);
    B.dispose(x);
    B.dispose(y);
  });
});

/* ------------------------------------------------------------------------ */
/* compile                                                                  */
/* ------------------------------------------------------------------------ */

function f32(data: number[], shape: number[]): ort.Tensor {
  return B.fromHost(Float32Array.from(data), shape, 'float32');
}

describe('onnx compile', () => {
  // y = x @ w; g = x^T @ y; w' = w - 0.1 * g. Outputs: y, y again, and w itself.
  const c01 = f32([0.1], []);
  const nodes: GraphNode<ort.Tensor>[] = [
    { kind: 'input', name: 'x', shape: [null, 3], dtype: 'float32' },
    { kind: 'variable', name: 'w', shape: [3, 2], dtype: 'float32' },
    { kind: 'constant', shape: [], dtype: 'float32', value: c01 },
    { kind: 'op', op: 'matMul', attrs: { transposeA: false, transposeB: false }, inputs: [0, 1], shape: [null, 2], dtype: 'float32' },
    { kind: 'op', op: 'matMul', attrs: { transposeA: true, transposeB: false }, inputs: [0, 3], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'mul', attrs: {}, inputs: [2, 4], shape: [3, 2], dtype: 'float32' },
    { kind: 'op', op: 'sub', attrs: {}, inputs: [1, 5], shape: [3, 2], dtype: 'float32' },
    // never needed: not lowered
    { kind: 'op', op: 'exp', attrs: {}, inputs: [1], shape: [3, 2], dtype: 'float32' },
  ];
  const graph: Graph<ort.Tensor> = {
    nodes,
    inputs: [0],
    variables: [1],
    outputs: [3, 3, 1],
    updates: [{ variable: 0, value: 6 }],
  };
  const w0 = [1, 0, 0, 1, 1, 1]; // [[1, 0], [0, 1], [1, 1]]

  test('a training step is one session; each call is one run; two batch sizes on it', () => {
    const sessions = onnxSessionCount();
    const compiled = B.compile!(graph);
    expect(onnxSessionCount()).toBe(sessions + 1);
    const runs = onnxRunCount();
    const w = f32(w0, [3, 2]);

    // batch 1: x = [[1, 2, 3]]: y = [[4, 5]]; g = x^T y = [[4, 5], [8, 10], [12, 15]];
    // w' = w - 0.1 g = [[0.6, -0.5], [-0.8, 0], [-0.2, -0.5]]
    const x1 = f32([1, 2, 3], [1, 3]);
    const r1 = compiled.run([x1], [w]);
    expect(r1.outputs).toHaveLength(3);
    expect(r1.updates).toHaveLength(1);
    expect(B.shapeOf(r1.outputs[0])).toEqual([1, 2]);
    expect(plain(B.toHost(r1.outputs[0]))).toEqual([4, 5]);
    expect(plain(B.toHost(r1.outputs[1]))).toEqual([4, 5]);
    expect(r1.outputs[1]).not.toBe(r1.outputs[0]);
    expect(plain(B.toHost(r1.outputs[2]))).toEqual(w0);
    expect(r1.outputs[2]).not.toBe(w);
    expect(B.shapeOf(r1.updates[0])).toEqual([3, 2]);
    expectClose(plain(B.toHost(r1.updates[0])), [0.6, -0.5, -0.8, 0, -0.2, -0.5]);

    // batch 2: x = [[1, 0, 0], [0, 1, -1]]: y = [[1, 0], [-1, 0]]; g = x^T y = [[1, 0], [-1, 0], [1, 0]];
    // w' = [[0.9, 0], [0.1, 1], [0.9, 1]]
    const x2 = f32([1, 0, 0, 0, 1, -1], [2, 3]);
    const r2 = compiled.run([x2], [w]);
    expect(B.shapeOf(r2.outputs[0])).toEqual([2, 2]);
    expect(plain(B.toHost(r2.outputs[0]))).toEqual([1, 0, -1, 0]);
    expectClose(plain(B.toHost(r2.updates[0])), [0.9, 0, 0.1, 1, 0.9, 1]);

    // Feeding the update back: batch 1 again from w' = [[0.6,-0.5],[-0.8,0],[-0.2,-0.5]]:
    // y = [0.6 - 1.6 - 0.6, -0.5 + 0 - 1.5] = [-1.6, -2]
    const r3 = compiled.run([x1], [r1.updates[0]]);
    expectClose(plain(B.toHost(r3.outputs[0])), [-1.6, -2], 1e-6);

    expect(onnxSessionCount()).toBe(sessions + 1);
    expect(onnxRunCount()).toBe(runs + 3);
    // Inputs are left intact.
    expect(plain(B.toHost(w))).toEqual(w0);
    for (const r of [r1, r2, r3]) [...r.outputs, ...r.updates].forEach((t) => B.dispose(t));
    compiled.dispose?.();
    compiled.dispose?.();
  });

  test('the model has symbolic batch dims, graph inputs then variables, outputs then updates', () => {
    const lowered = lowerGraph(graph);
    const m = onnx.ModelProto.decode(lowered.model);
    const g = m.graph as onnx.GraphProto;
    expect(g.input.map((i) => i.name)).toEqual(['input0', 'variable0']);
    expect(g.input[0].type?.tensorType?.shape?.dim?.[0].dimParam).toMatch(/.+/);
    expect(Number(g.input[0].type?.tensorType?.shape?.dim?.[1].dimValue)).toBe(3);
    expect(g.output.map((o) => o.name)).toEqual([...lowered.outputNames, ...lowered.updateNames]);
    expect(new Set(g.output.map((o) => o.name)).size).toBe(4);
    expect(g.initializer.some((t) => t.name === 'const2')).toBe(true);
    expect(g.node.some((n) => n.opType === 'Exp')).toBe(false);
  });

  test('int32 and bool graphs with params as initializers, constant and input outputs', () => {
    const idx = B.fromHost(new Int32Array([2, 0]), [2], 'int32');
    const nodes2: GraphNode<ort.Tensor>[] = [
      { kind: 'input', name: 'a', shape: [null, 3], dtype: 'int32' },
      { kind: 'constant', shape: [2], dtype: 'int32', value: idx },
      { kind: 'input', name: 'unused', shape: [2], dtype: 'float32' },
      { kind: 'op', op: 'slice', attrs: { begin: [0, 1], size: [-1, 2] }, inputs: [0], shape: [null, 2], dtype: 'int32' },
      { kind: 'op', op: 'gather', attrs: { axis: 1 }, inputs: [0, 1], shape: [null, 2], dtype: 'int32' },
      { kind: 'op', op: 'greater', attrs: {}, inputs: [3, 4], shape: [null, 2], dtype: 'bool' },
      { kind: 'op', op: 'reduceAny', attrs: { axes: [0], keepDims: false }, inputs: [5], shape: [2], dtype: 'bool' },
      { kind: 'op', op: 'where', attrs: {}, inputs: [5, 3, 4], shape: [null, 2], dtype: 'int32' },
    ];
    const compiled = B.compile!({
      nodes: nodes2,
      inputs: [0, 2],
      variables: [],
      outputs: [6, 7, 1, 0],
      updates: [],
    });
    // a = [[1, 5, 2], [9, 0, 4]]: slice -> [[5, 2], [0, 4]]; gather cols [2, 0] -> [[2, 1], [4, 9]]
    // greater -> [[1, 1], [0, 0]]; any over rows -> [1, 1]; where -> [[5, 2], [4, 9]]
    const a = B.fromHost(new Int32Array([1, 5, 2, 9, 0, 4]), [2, 3], 'int32');
    const u = B.fromHost(new Float32Array([0, 0]), [2], 'float32');
    const r = compiled.run([a, u], []);
    expect(r.outputs.map((t) => t.type)).toEqual(['bool', 'int32', 'int32', 'int32']);
    expect([...B.toHost(r.outputs[0])]).toEqual([1, 1]);
    expect([...B.toHost(r.outputs[1])]).toEqual([5, 2, 4, 9]);
    expect([...B.toHost(r.outputs[2])]).toEqual([2, 0]);
    expect([...B.toHost(r.outputs[3])]).toEqual([1, 5, 2, 9, 0, 4]);
    expect(B.shapeOf(r.outputs[3])).toEqual([2, 3]);
    // a single row
    const a1 = B.fromHost(new Int32Array([3, 1, 7]), [1, 3], 'int32');
    // slice -> [[1, 7]]; gather -> [[7, 3]]; greater -> [[0, 1]]; any -> [0, 1]; where -> [[7, 7]]
    const r1 = compiled.run([a1, u], []);
    expect([...B.toHost(r1.outputs[0])]).toEqual([0, 1]);
    expect([...B.toHost(r1.outputs[1])]).toEqual([7, 7]);
    compiled.dispose?.();
  });

  describe('where against a +0 fill (the gradients of relu, maximum, where) is one Where, exact', () => {
    // x > 0 picks g, else the fill; the fill is +0 broadcast like g (zerosLike) or to a static shape
    const zero = (v: number): GraphNode<ort.Tensor> => ({ kind: 'constant', shape: [], dtype: 'float32', value: B.fromHost(Float32Array.from([v]), [], 'float32') });
    const build = (fill: GraphNode<ort.Tensor>, fillFirst: boolean, zeroValue = 0): Graph<ort.Tensor> => ({
      nodes: [
        { kind: 'input', name: 'x', shape: [null, 3], dtype: 'float32' },
        { kind: 'input', name: 'g', shape: [null, 3], dtype: 'float32' },
        zero(zeroValue),
        { kind: 'op', op: 'greater', attrs: {}, inputs: [0, 2], shape: [null, 3], dtype: 'bool' },
        fill,
        { kind: 'op', op: 'where', attrs: {}, inputs: fillFirst ? [3, 4, 1] : [3, 1, 4], shape: [null, 3], dtype: 'float32' },
      ],
      inputs: [0, 1],
      variables: [],
      outputs: [5],
      updates: [],
    });
    const like: GraphNode<ort.Tensor> = { kind: 'op', op: 'broadcastLike', attrs: {}, inputs: [2, 1], shape: [null, 3], dtype: 'float32' };
    const opTypes = (g: Graph<ort.Tensor>): string[] => ((onnx.ModelProto.decode(lowerGraph(g).model).graph as onnx.GraphProto).node).map((n) => n.opType ?? '');
    // x: > 0 in the first row only; g: -0, NaN, Inf in both rows
    const x = [2, 1, 3, 0, -1, NaN];
    const g = [-0, NaN, Infinity, -0, NaN, -Infinity];
    const runOn = (graph: Graph<ort.Tensor>): number[] => {
      const compiled = B.compile!(graph);
      const r = compiled.run([f32(x, [2, 3]), f32(g, [2, 3])], []);
      const out = Array.from(nums(B.toHost(r.outputs[0])));
      B.dispose(r.outputs[0]);
      compiled.dispose?.();
      return out;
    };
    const show = (a: number[]): string[] => a.map((v) => (Object.is(v, -0) ? '-0' : String(v)));
    const same = (got: number[], want: number[]): void => expect(show(got)).toEqual(show(want));

    test('fill second: g exactly where x > 0 (-0, NaN, Inf), +0 elsewhere (x <= 0 or NaN)', () => {
      const graph = build(like, false);
      const ops = opTypes(graph);
      expect(ops.filter((o) => o === 'Where')).toHaveLength(1);
      expect(ops).not.toContain('Expand');
      expect(ops).not.toContain('Mul');
      same(runOn(graph), [-0, NaN, Infinity, 0, 0, 0]);
    });

    test('fill first: +0 where x > 0, g exactly elsewhere', () => {
      const graph = build(like, true);
      expect(opTypes(graph).filter((o) => o === 'Where')).toHaveLength(1);
      same(runOn(graph), [0, 0, 0, -0, NaN, -Infinity]);
    });

    test('a fill broadcast to a static shape the other operands hold is left out too', () => {
      const graph = build({ kind: 'op', op: 'broadcastTo', attrs: { shape: [3] }, inputs: [2], shape: [3], dtype: 'float32' }, false);
      expect(opTypes(graph)).not.toContain('Expand');
      same(runOn(graph), [-0, NaN, Infinity, 0, 0, 0]);
    });

    test('a fill of -0, or one whose shape may add to the result, takes the general path, exact', () => {
      const minusZero = build(like, false, -0);
      expect(opTypes(minusZero).filter((o) => o === 'Where')).toHaveLength(2);
      same(runOn(minusZero), [-0, NaN, Infinity, -0, -0, -0]);
      // [2, 3] against operands of unknown rows: not provably covered
      const wide = build({ kind: 'op', op: 'broadcastTo', attrs: { shape: [2, 3] }, inputs: [2], shape: [2, 3], dtype: 'float32' }, false);
      expect(opTypes(wide)).toContain('Expand');
      same(runOn(wide), [-0, NaN, Infinity, 0, 0, 0]);
    });
  });

  describe('a bias added to a conv nothing else reads is the Conv\'s bias input', () => {
    // x [1, 2, 2, 1] channels-last, a 1x1 kernel [1, 1, 1, 2] = [[2, -1]], bias [0.5, 3]:
    // y[h, w] = [2 x + 0.5, -x + 3]
    const graph = (alsoConv: boolean): Graph<ort.Tensor> => ({
      nodes: [
        { kind: 'input', name: 'x', shape: [null, 2, 2, 1], dtype: 'float32' },
        { kind: 'input', name: 'k', shape: [1, 1, 1, 2], dtype: 'float32' },
        { kind: 'input', name: 'b', shape: [2], dtype: 'float32' },
        { kind: 'op', op: 'conv', attrs: { strides: [1, 1], dilations: [1, 1], pads: [[0, 0], [0, 0]] }, inputs: [0, 1], shape: [null, 2, 2, 2], dtype: 'float32' },
        { kind: 'op', op: 'add', attrs: {}, inputs: [2, 3], shape: [null, 2, 2, 2], dtype: 'float32' },
      ],
      inputs: [0, 1, 2],
      variables: [],
      outputs: alsoConv ? [4, 3] : [4],
      updates: [],
    });
    const opTypes = (g: Graph<ort.Tensor>): string[] => (onnx.ModelProto.decode(lowerGraph(g).model).graph as onnx.GraphProto).node.map((n) => n.opType ?? '');
    const x = [1, -2, 0.25, 4];
    const want = [2.5, 2, -3.5, 5, 1, 2.75, 8.5, -1];

    test('one Conv with three inputs, no Add; the values of conv + bias', () => {
      const g = graph(false);
      const ops = opTypes(g);
      expect(ops.filter((o) => o === 'Conv')).toHaveLength(1);
      expect(ops).not.toContain('Add');
      const nodes = (onnx.ModelProto.decode(lowerGraph(g).model).graph as onnx.GraphProto).node;
      expect(nodes.find((nd) => nd.opType === 'Conv')?.input).toHaveLength(3);
      const compiled = B.compile!(g);
      const r = compiled.run([f32(x, [1, 2, 2, 1]), f32([2, -1], [1, 1, 1, 2]), f32([0.5, 3], [2])], []);
      expect(Array.from(nums(B.toHost(r.outputs[0])))).toEqual(want);
      B.dispose(r.outputs[0]);
      compiled.dispose?.();
    });

    test('not when the conv is read elsewhere too (here: a result)', () => {
      const g = graph(true);
      expect(opTypes(g)).toContain('Add');
      const compiled = B.compile!(g);
      const r = compiled.run([f32(x, [1, 2, 2, 1]), f32([2, -1], [1, 1, 1, 2]), f32([0.5, 3], [2])], []);
      expect(Array.from(nums(B.toHost(r.outputs[0])))).toEqual(want);
      expect(Array.from(nums(B.toHost(r.outputs[1])))).toEqual([2, -1, -4, 2, 0.5, -0.25, 8, -4]);
      r.outputs.forEach((t) => B.dispose(t));
      compiled.dispose?.();
    });
  });

  test('a graph with no outputs and no updates runs without a session', () => {
    const sessions = onnxSessionCount();
    const compiled = B.compile!({ nodes: [{ kind: 'input', name: 'x', shape: [1], dtype: 'float32' }], inputs: [0], variables: [], outputs: [], updates: [] });
    expect(compiled.run([f32([1], [1])], [])).toEqual({ outputs: [], updates: [] });
    expect(onnxSessionCount()).toBe(sessions);
  });
});
