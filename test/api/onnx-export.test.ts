/**
 * K.exportOnnx and KFunction.exportOnnx: the file is loaded in a plain
 * onnxruntime-node InferenceSession in another process (test/helpers/ort-run.js:
 * no library code runs the model) and its outputs are compared with the library's
 * own, on every backend; the model's metadata is read back with onnx-proto.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onnx } from 'onnx-proto';
import * as K from '../../src/index';
import { buildCnn } from '../../demo/cnn-model';
import { buildMlp, syntheticData } from '../../demo/mlp-model';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKENDS = BUILTIN_BACKENDS;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onnx-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Feed {
  readonly type: 'float32';
  readonly dims: readonly number[];
  readonly data: number[];
}
interface OrtResult {
  readonly inputNames: string[];
  readonly outputNames: string[];
  /** Per run, the outputs by name. */
  readonly runs: Record<string, { dims: number[]; data: number[] }>[];
}

/** Number host data (these tests make no int64 tensors). */
function nums(a: ArrayLike<number> | BigInt64Array): ArrayLike<number> {
  if (a instanceof BigInt64Array) throw new Error('unexpected int64 data');
  return a;
}

function f32(data: ArrayLike<number> | BigInt64Array, dims: readonly number[]): Feed {
  return { type: 'float32', dims, data: Array.from(nums(data)) };
}

/** Runs `file` once per entry of `runs` in a fresh onnxruntime-node session of a child process. */
function runOrt(file: string, runs: Record<string, Feed>[], feedback: Record<string, string> = {}): OrtResult {
  const out = execFileSync(process.execPath, [path.join(__dirname, '../helpers/ort-run.js')], {
    input: JSON.stringify({ file, runs, feedback }),
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out.toString('utf8')) as OrtResult;
}

/** Every element of `got` within float32 rounding of `want`. */
function expectClose(gotData: ArrayLike<number> | BigInt64Array, wantData: ArrayLike<number> | BigInt64Array, rtol = 1e-4, atol = 1e-5): void {
  const [got, want] = [nums(gotData), nums(wantData)];
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) - rtol * Math.abs(want[i]));
  expect(worst).toBeLessThanOrEqual(atol);
}

function seeded(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  });
}

describe.each(BACKENDS)('ONNX export on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('writes a model a bare session runs: relu(x . w) by hand', async () => {
    const x = K.placeholder({ shape: [null, 3], name: 'x' });
    const w = K.variable([[1, 2], [3, 4], [5, 6]], { name: 'w' });
    const file = path.join(dir, `hand-${name}.onnx`);
    const info = K.exportOnnx([x], [K.relu(K.dot(x, w))], file);
    expect(info.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: [null, 3] }]);
    expect(info.outputs).toEqual([{ name: 'output', dtype: 'float32', shape: [null, 2] }]);
    // [1, -1, 2] . w = [1 - 3 + 10, 2 - 4 + 12] = [8, 10]; [-1, 0, 0] . w = [-1, -2] -> relu 0.
    const res = runOrt(file, [{ x: f32([1, -1, 2, -1, 0, 0], [2, 3]) }]);
    expect(res.inputNames).toEqual(['x']);
    expect(res.runs[0].output).toEqual({ dims: [2, 2], data: [8, 10, 0, 0] });
  });

  it('records opset, producer and a symbolic batch dim, and stores the weights as initializers', () => {
    const x = K.placeholder({ shape: [null, 2], name: 'features' });
    const w = K.variable([[0.5], [-2]], { name: 'weights' });
    const file = path.join(dir, `meta-${name}.onnx`);
    K.exportOnnx([x], K.dot(x, w), file, { name: 'linear', docString: 'a linear map' });
    const model = onnx.ModelProto.decode(fs.readFileSync(file));
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(model.producerName).toBe('keras-backend-ts');
    expect(model.producerVersion).toBe(pkg.version);
    expect(model.docString).toBe('a linear map');
    expect(model.opsetImport.map((o) => [o.domain ?? '', Number(o.version)])).toEqual([['', 26]]);
    expect(model.metadataProps.map((p) => [p.key, p.value])).toEqual([['keras_backend', name]]);
    const g = model.graph as onnx.GraphProto;
    expect(g.name).toBe('linear');
    expect(g.input.map((v) => v.name)).toEqual(['features']);
    const dims = g.input[0].type?.tensorType?.shape?.dim ?? [];
    expect(dims.length).toBe(2);
    expect(dims[0].dimParam).toBeTruthy();
    expect(Number(dims[1].dimValue)).toBe(2);
    const init = g.initializer.find((t) => t.name === 'weights');
    expect(init).toBeDefined();
    expect((init as onnx.TensorProto).dims.map(Number)).toEqual([2, 1]);
    const raw = (init as onnx.TensorProto).rawData;
    expect(Array.from(new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)))).toEqual([0.5, -2]);
  });

  it('an exported MLP gives the library outputs for several batch sizes', () => {
    const mlp = buildMlp(K, { inputDim: 12, hidden: 8, classes: 4, learningRate: 0.5, seed: 11 });
    const file = path.join(dir, `mlp-${name}.onnx`);
    mlp.predict.exportOnnx(file);
    const sizes = [5, 2];
    const batches = sizes.map((n) => syntheticData(n, 12, 4, 3 + n).x);
    const res = runOrt(file, batches.map((b) => ({ x: f32(b.data, b.shape) })));
    batches.forEach((b, k) => {
      const want = mlp.predict([b])[0];
      expect(res.runs[k].output.dims).toEqual([sizes[k], 4]);
      expectClose(res.runs[k].output.data, want.data);
    });
  });

  it('an exported CNN gives the library outputs', () => {
    const cnn = buildCnn(K, { size: 12, c1: 3, c2: 4, seed: 5 });
    const file = path.join(dir, `cnn-${name}.onnx`);
    cnn.predict.exportOnnx(file);
    const images = seeded(3 * 12 * 12, 9);
    const want = cnn.predict([{ data: images, shape: [3, 12, 12, 1] }])[0];
    const res = runOrt(file, [{ x: f32(images, [3, 12, 12, 1]) }]);
    expect(res.runs[0].output.dims).toEqual([3, 10]);
    expectClose(res.runs[0].output.data, want.data);
  });

  it('an exported RNN (a loop over a run-time number of steps) gives the library outputs', () => {
    const units = 3;
    const x = K.placeholder({ shape: [null, null, 2], name: 'sequence' });
    // The step reads the weights themselves: the loop body refers to the model's initializers by name.
    const wm = K.variable({ data: seeded(2 * units, 3).map((v) => v - 0.5), shape: [2, units] }, { name: 'w' });
    const um = K.variable({ data: seeded(units * units, 4).map((v) => v - 0.5), shape: [units, units] }, { name: 'u' });
    const step = (xt: K.KTensor, states: K.KTensor[]): [K.KTensor, K.KTensor[]] => {
      const h = K.tanh(K.add(K.dot(xt, wm), K.dot(states[0], um)));
      return [h, [h]];
    };
    // Zeros of shape (samples, units), the batch known at run time only.
    const h0 = K.multiply(K.dot(K.sum(x, 1), wm), 0);
    const [last] = K.rnn(step, x, [h0]);
    const f = K.function([x], [last]);
    const file = path.join(dir, `rnn-${name}.onnx`);
    f.exportOnnx(file);
    const runs = [
      { n: 2, t: 5 },
      { n: 1, t: 9 },
    ];
    const res = runOrt(file, runs.map(({ n, t }) => ({ sequence: f32(seeded(n * t * 2, n + t), [n, t, 2]) })));
    runs.forEach(({ n, t }, k) => {
      const want = f([{ data: seeded(n * t * 2, n + t), shape: [n, t, 2] }])[0];
      expect(res.runs[k].output.dims).toEqual([n, units]);
      expectClose(res.runs[k].output.data, want.data);
    });
  });

  it('an exported training step returns the updated weights, and repeats when they are fed back', () => {
    const cnn = buildCnn(K, { size: 10, c1: 2, c2: 3, classes: 3, optimizer: 'sgd', learningRate: 0.1, seed: 2 });
    const file = path.join(dir, `step-${name}.onnx`);
    const standalone = path.join(dir, `step-standalone-${name}.onnx`);
    const info = cnn.step.exportOnnx(file);
    cnn.step.exportOnnx(standalone, { updatedWeights: 'initializers' });
    const params = cnn.params.map((p) => p.name);
    expect(info.updates.map((u) => [u.variable, u.output])).toEqual(params.map((p) => [p, `${p}_updated`]));
    expect(info.inputs.map((v) => v.name)).toEqual(['x', 'y', ...params]);
    expect(info.outputs.map((v) => v.name)).toEqual(['output0', 'output1', ...params.map((p) => `${p}_updated`)]);
    const n = 4;
    const images = seeded(n * 100, 21);
    const labels = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) labels[i * 3 + (i % 3)] = 1;
    const batch = { x: f32(images, [n, 10, 10, 1]), y: f32(labels, [n, 3]) };
    const weights: Record<string, Feed> = {};
    info.updates.forEach((u) => (weights[u.variable] = f32(u.value.data, u.value.shape)));
    const feedback = Object.fromEntries(params.map((p) => [`${p}_updated`, p]));
    // Three steps: the weights at export time first, then each step's outputs fed back.
    const res = runOrt(file, [{ ...batch, ...weights }, batch, batch], feedback);
    const once = runOrt(standalone, [batch]);
    for (let step = 0; step < 3; step++) {
      const [loss, accuracy] = cnn.step([
        { data: images, shape: [n, 10, 10, 1] },
        { data: labels, shape: [n, 3] },
      ]);
      const out = res.runs[step];
      expectClose(out.output0.data, loss.data);
      expectClose(out.output1.data, accuracy.data);
      for (const p of cnn.params) expectClose(out[`${p.name}_updated`].data, K.getValue(p).data);
      // The file with the weights stored runs the first step on its own.
      if (step === 0) for (const key of Object.keys(out)) expectClose(once.runs[0][key].data, out[key].data);
    }
    // The loss falls: the step really trains.
    expect(res.runs[2].output0.data[0]).toBeLessThan(res.runs[0].output0.data[0]);
  });
});

describe('ONNX export argument checks', () => {
  beforeAll(async () => {
    await K.setBackend('reference');
  });

  it('refuses random tensors, bad files and disposed functions with the library errors', () => {
    const x = K.placeholder({ shape: [null, 2], name: 'x' });
    expect(() => K.exportOnnx([x], K.dropout(x, 0.5), path.join(dir, 'r.onnx'))).toThrow(K.UnsupportedError);
    expect(() => K.exportOnnx([x], K.dropout(x, 0.5), path.join(dir, 'r.onnx'))).toThrow(/exportOnnx: the graph draws random values/);
    expect(() => K.exportOnnx([x], K.exp(x), 42 as unknown as string)).toThrow(K.KerasTypeError);
    expect(() => K.exportOnnx([x], K.exp(x), path.join(dir, 'no-such-folder', 'm.onnx'))).toThrow(/exportOnnx: cannot write/);
    expect(() => K.exportOnnx([K.exp(x)], K.exp(x), path.join(dir, 'm.onnx'))).toThrow(/exportOnnx: inputs\[0\] must be a placeholder/);
    const y = K.placeholder({ shape: [2], name: 'y' });
    expect(() => K.exportOnnx([x], K.add(x, y), path.join(dir, 'm.onnx'))).toThrow(/placeholder 'y', which is not among the inputs/);
    const f = K.function([x], [K.exp(x)]);
    f.dispose();
    expect(() => f.exportOnnx(path.join(dir, 'm.onnx'))).toThrow(/disposed/);
    const g = K.function([x], [K.exp(x)]);
    expect(() => g.exportOnnx(path.join(dir, 'm.onnx'), { updatedWeights: 'all' as 'inputs' })).toThrow(/options.updatedWeights must be 'inputs' or 'initializers'/);
  });

  it('declares an input the outputs do not use, so callers may feed every input', () => {
    const a = K.placeholder({ shape: [null], name: 'a' });
    const b = K.placeholder({ shape: [null], name: 'b' });
    const file = path.join(dir, 'unused.onnx');
    K.exportOnnx([a, b], [K.multiply(a, 2)], file);
    const res = runOrt(file, [{ a: f32([1, 2], [2]), b: f32([7], [1]) }]);
    expect(res.inputNames).toEqual(['a', 'b']);
    expect(res.runs[0].output.data).toEqual([2, 4]);
  });
});
