/**
 * Composite ops run natively (each backend's own convolution and pooling kernels)
 * give the values and gradients of their decomposition into primitives: every
 * case runs on a backend and on the same engine with its composite kernels removed
 * (so src/api expands the composites), and the two must agree. The cases are the
 * geometry the kernels treat specially: strides, dilation, 'same' padding with its
 * extra cell at the end, windows that leave cells unread, 1-D, channels_first,
 * overlapping pooling windows, and windows of ties and of values <= 0 (wasm's own
 * max-pool gradients get those wrong).
 */
import * as K from '../../src/index';
import type { KTensor } from '../../src/index';
import { createReferenceBackend } from '../../src/backends/reference';
import { createTfjsBackend } from '../../src/backends/tfjs';
import { createOnnxBackend } from '../../src/backends/onnx';
import type { Backend } from '../../src/backends/backend';
import { buildGraph } from '../../src/api/graph';
import { activeBackend } from '../../src/api/engine';
import { isComposite } from '../../src/backends/types';
import { BUILTIN_BACKENDS } from '../../src/index';

const plain = <T>(b: Backend<T>): Backend<T> => ({ ...b, name: `${b.name}-decomposed`, composites: undefined, acceptsComposite: undefined });
K.registerBackend('reference-decomposed', () => plain(createReferenceBackend()));
K.registerBackend('tfjs-decomposed', () => plain(createTfjsBackend()));
K.registerBackend('onnx-decomposed', () => plain(createOnnxBackend()));

/** Values in [-2, 2] by halves: many ties, many windows of values <= 0. */
function values(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.round(((s / 2147483648) * 4 - 2) * 2) / 2;
  });
}

interface Case {
  readonly name: string;
  readonly shapes: number[][];
  /** The op on variables built from `shapes`; its output is weighted and summed for the gradients. */
  readonly f: (v: KTensor[]) => KTensor;
}

const cl = { dataFormat: 'channels_last' as const };
const cases: Case[] = [
  { name: 'conv2d same, strides 2x1', shapes: [[2, 5, 6, 3], [3, 3, 3, 4]], f: ([x, k]) => K.conv2d(x, k, { ...cl, padding: 'same', strides: [2, 1] }) },
  { name: 'conv2d same, dilation 2', shapes: [[1, 6, 5, 2], [2, 3, 2, 3]], f: ([x, k]) => K.conv2d(x, k, { ...cl, padding: 'same', dilationRate: 2 }) },
  { name: 'conv2d valid, strides 3 (cells unread)', shapes: [[2, 8, 7, 2], [2, 2, 2, 3]], f: ([x, k]) => K.conv2d(x, k, { ...cl, strides: 3 }) },
  { name: 'conv2d channels_first, same, strides 2', shapes: [[2, 3, 5, 5], [3, 3, 3, 2]], f: ([x, k]) => K.conv2d(x, k, { dataFormat: 'channels_first', padding: 'same', strides: 2 }) },
  { name: 'conv1d causal, dilation 2', shapes: [[2, 7, 2], [3, 2, 3]], f: ([x, k]) => K.conv1d(x, k, { ...cl, padding: 'causal', dilationRate: 2 }) },
  { name: 'conv1d same, stride 2', shapes: [[2, 8, 3], [4, 3, 2]], f: ([x, k]) => K.conv1d(x, k, { ...cl, padding: 'same', strides: 2 }) },
  { name: 'conv3d same, strides 2', shapes: [[1, 4, 5, 4, 2], [2, 3, 2, 2, 2]], f: ([x, k]) => K.conv3d(x, k, { ...cl, padding: 'same', strides: 2 }) },
  { name: 'conv3d valid, strides 3x2x2 (cells unread)', shapes: [[2, 7, 5, 6, 2], [2, 3, 2, 2, 3]], f: ([x, k]) => K.conv3d(x, k, { ...cl, strides: [3, 2, 2] }) },
  { name: 'conv3d same, dilation 2x1x2', shapes: [[1, 5, 4, 5, 2], [2, 2, 3, 2, 2]], f: ([x, k]) => K.conv3d(x, k, { ...cl, padding: 'same', dilationRate: [2, 1, 2] }) },
  {
    name: 'conv3dTranspose valid, strides 2x3x2, longer output',
    shapes: [[1, 2, 3, 2, 2], [3, 2, 2, 3, 2]],
    f: ([x, k]) => K.conv3dTranspose(x, k, [1, 6, 8, 5, 3], { ...cl, strides: [2, 3, 2] }),
  },
  {
    name: 'conv2dTranspose valid, strides 2, one extra output cell',
    shapes: [[2, 3, 3, 2], [3, 3, 4, 2]],
    f: ([x, k]) => K.conv2dTranspose(x, k, [2, 8, 8, 4], { ...cl, strides: 2 }),
  },
  { name: 'conv2dTranspose same, strides 2', shapes: [[1, 3, 4, 3], [2, 2, 2, 3]], f: ([x, k]) => K.conv2dTranspose(x, k, [1, 6, 8, 2], { ...cl, strides: 2, padding: 'same' }) },
  { name: 'max pool 3x3 same, strides 2', shapes: [[2, 5, 5, 3]], f: ([x]) => K.pool2d(x, [3, 3], { ...cl, strides: [2, 2], padding: 'same' }) },
  { name: 'max pool 2x2, stride 1 (overlapping)', shapes: [[1, 4, 5, 2]], f: ([x]) => K.pool2d(x, [2, 2], cl) },
  { name: 'max pool 2x2, strides 2 on 5x5 (cells unread)', shapes: [[2, 5, 5, 2]], f: ([x]) => K.pool2d(x, [2, 2], { ...cl, strides: [2, 2] }) },
  { name: 'max pool 2x3, strides 1x2, channels_first', shapes: [[1, 2, 5, 6]], f: ([x]) => K.pool2d(x, [2, 3], { dataFormat: 'channels_first', strides: [1, 2] }) },
  { name: 'avg pool 3x3 same', shapes: [[2, 4, 5, 2]], f: ([x]) => K.pool2d(x, [3, 3], { ...cl, padding: 'same', poolMode: 'avg' }) },
  { name: 'avg pool 2x2 same, strides 2', shapes: [[1, 5, 5, 2]], f: ([x]) => K.pool2d(x, [2, 2], { ...cl, padding: 'same', strides: [2, 2], poolMode: 'avg' }) },
  { name: 'relu (its gradient is the reluGrad composite)', shapes: [[3, 7]], f: ([x]) => K.relu(x) },
  { name: 'max pool3d 2x2x2 same, strides 2', shapes: [[1, 3, 4, 3, 2]], f: ([x]) => K.pool3d(x, [2, 2, 2], { ...cl, padding: 'same', strides: [2, 2, 2] }) },
  { name: 'depthwiseConv2d same, strides 2x3, multiplier 2', shapes: [[2, 6, 7, 3], [3, 2, 3, 2]], f: ([x, k]) => K.depthwiseConv2d(x, k, { ...cl, padding: 'same', strides: [2, 3] }) },
  { name: 'depthwiseConv2d valid, strides 3 (cells unread)', shapes: [[3, 7, 8, 2], [2, 2, 2, 1]], f: ([x, k]) => K.depthwiseConv2d(x, k, { ...cl, strides: 3 }) },
  { name: 'depthwiseConv2d same, dilation 2, multiplier 3', shapes: [[1, 6, 5, 2], [2, 3, 2, 3]], f: ([x, k]) => K.depthwiseConv2d(x, k, { ...cl, padding: 'same', dilationRate: 2 }) },
  {
    name: 'separableConv1d same, stride 2',
    shapes: [[2, 9, 2], [3, 2, 2], [1, 4, 3]],
    f: ([x, d, p]) => K.separableConv1d(x, d, p, { ...cl, padding: 'same', strides: 2 }),
  },
  { name: 'max pool3d 2x3x2, strides 1x2x1 (overlapping)', shapes: [[2, 4, 5, 3, 2]], f: ([x]) => K.pool3d(x, [2, 3, 2], { ...cl, strides: [1, 2, 1] }) },
  { name: 'max pool3d 3x3x3 same, stride 1', shapes: [[1, 4, 4, 4, 1]], f: ([x]) => K.pool3d(x, [3, 3, 3], { ...cl, padding: 'same' }) },
  { name: 'avg pool3d 3x2x3 same, strides 2x1x2', shapes: [[1, 5, 4, 5, 2]], f: ([x]) => K.pool3d(x, [3, 2, 3], { ...cl, padding: 'same', strides: [2, 1, 2], poolMode: 'avg' }) },
];

/**
 * Output, and the gradients of sum(output * w) (w fixed) with respect to every input, on
 * the active backend; and the composite ops its graph holds (none: the backend runs the
 * decomposition, so a comparison with the decomposition would test nothing).
 */
function run(c: Case, secondOrder: boolean): { values: number[][]; composites: string[] } {
  const vars = c.shapes.map((s, i) => K.variable({ data: values(s.reduce((a, b) => a * b, 1), 7 + i), shape: s }));
  const y = c.f(vars);
  const w = K.constant(values((y.shape as number[]).reduce((a, b) => a * b, 1), 99), { shape: y.shape as number[] });
  const loss = K.sum(K.multiply(y, w));
  let grads = K.gradients(loss, vars) as KTensor[];
  if (secondOrder) {
    // The gradient of sum(g_last^2) with respect to every input: differentiates the gradient composites.
    grads = K.gradients(K.sum(K.square(grads[grads.length - 1])), vars).map((g, i) => g ?? K.zerosLike(vars[i]));
  }
  const x = K.placeholder({ shape: [1] });
  const { nodes } = buildGraph(activeBackend(), [y, ...grads], [], [x], 'test').graph;
  const composites = nodes.flatMap((n) => (n.kind === 'op' && isComposite(n.op) ? [n.op] : []));
  const f = K.function([x], [y, ...grads]);
  return { values: f([[0]]).map((a) => Array.from(a.data as ArrayLike<number>)), composites }; // float outputs
}

/** The native run against the decomposed one: the native graph holds composite nodes, the other none; the values agree. */
function compare(native: ReturnType<typeof run>, decomposed: ReturnType<typeof run>): void {
  expect(native.composites).not.toEqual([]);
  expect(decomposed.composites).toEqual([]);
  close(native.values, decomposed.values);
}

function close(a: number[][], b: number[][]): void {
  expect(a.length).toBe(b.length);
  a.forEach((arr, i) => {
    expect(arr.length).toBe(b[i].length);
    const scale = Math.max(1, ...b[i].map(Math.abs));
    arr.forEach((v, j) => {
      if (Math.abs(v - b[i][j]) > 1e-4 * scale) throw new Error(`output ${i}, element ${j}: native ${v}, decomposition ${b[i][j]}`);
    });
  });
}

describe.each([...BUILTIN_BACKENDS])('composites on %s: native kernels = decomposition', (name) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await K.setBackend(name);
    const native = run(c, false);
    await K.setBackend(`${name}-decomposed`);
    compare(native, run(c, false));
  });

  test('second order through conv2d (gradients of the gradient composites)', async () => {
    const c = cases[0];
    await K.setBackend(name);
    const native = run(c, true);
    await K.setBackend(`${name}-decomposed`);
    compare(native, run(c, true));
  });

  test('the compiled graph keeps conv and pool as single nodes; without kernels it holds none', async () => {
    const x = K.placeholder({ shape: [null, 6, 6, 1] });
    const k = K.variable({ data: values(9 * 2, 3), shape: [3, 3, 1, 2] });
    const y = K.pool2d(K.conv2d(x, k, cl), [2, 2], { ...cl, strides: [2, 2] });
    const g = K.gradients(K.sum(y), [k])[0] as KTensor;
    const ops = (backendName: string) => {
      return async () => {
        await K.setBackend(backendName);
        const built = buildGraph(activeBackend(), [y, g], [], [x], 'test');
        return built.graph.nodes.filter((n) => n.kind === 'op' && isComposite(n.op)).map((n) => (n.kind === 'op' ? n.op : ''));
      };
    };
    expect((await ops(name)()).sort()).toEqual(['conv', 'convFilterGrad', 'maxPool', 'maxPoolGrad']);
    expect(await ops(`${name}-decomposed`)()).toEqual([]);
  });
});

describe.each([...BUILTIN_BACKENDS])('composites inside a loop body on %s', (name) => {
  test('mapFn of a max pool: the body runs the decomposition, values as pooling each element', async () => {
    await K.setBackend(name);
    const data = values(3 * 1 * 4 * 4 * 1, 5);
    const x = K.placeholder({ shape: [3, 1, 4, 4, 1] });
    const y = K.mapFn((e: KTensor) => K.pool2d(e, [2, 2], { ...cl, strides: [2, 2] }), x);
    const got = [...K.function([x], [y])([{ data, shape: [3, 1, 4, 4, 1] }])[0].data];
    // Each 2x2 window's maximum, worked out here.
    const want: number[] = [];
    for (let t = 0; t < 3; t++) {
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const cell = (r: number, c: number) => data[t * 16 + (2 * i + r) * 4 + (2 * j + c)];
          want.push(Math.max(cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)));
        }
      }
    }
    expect(got).toEqual(want);
  });
});
