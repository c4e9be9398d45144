/**
 * The synchronous ONNX Runtime binding wrapper (src/backends/onnx/ort-binding.ts)
 * and the model builder it is fed by.
 */
import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import { ModelBuilder, ONNX_OPSET } from '../../src/backends/onnx/model';
import { initOrtBinding, ortStats, PINNED_ORT_VERSION, SyncSession } from '../../src/backends/onnx/ort-binding';

function addModel(): Uint8Array {
  const b = new ModelBuilder();
  b.addInput('a', 'float32', [null, 2]);
  b.addInput('b', 'float32', [2]);
  b.addNode('Add', ['a', 'b'], ['sum']);
  b.addNode('Mul', ['sum', 'k'], ['scaled']);
  b.addInitializer('k', 'float32', [], new Float32Array([10]));
  b.addOutput('sum', 'float32');
  b.addOutput('scaled', 'float32');
  return b.toBytes();
}

describe('onnx binding', () => {
  test('the pinned version is the installed one', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require('onnxruntime-node/package.json') as { version: string }).version).toBe(PINNED_ORT_VERSION);
    expect(() => initOrtBinding()).not.toThrow();
    expect(() => initOrtBinding()).not.toThrow(); // idempotent
  });

  test('a different installed version is refused with a clear error', () => {
    jest.isolateModules(() => {
      jest.doMock('onnxruntime-node/package.json', () => ({ version: '1.29.1' }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../src/backends/onnx/ort-binding') as typeof import('../../src/backends/onnx/ort-binding');
      expect(() => fresh.initOrtBinding()).toThrow(/onnxruntime-node 1\.29\.1 is installed.*pinned to 1\.30\.0/);
      jest.dontMock('onnxruntime-node/package.json');
    });
  });

  test('runs a model synchronously; symbolic dims serve two batch sizes', () => {
    const before = ortStats();
    const s = SyncSession.create(addModel(), { intraOpNumThreads: 1, interOpNumThreads: 1 });
    expect(ortStats().sessionsCreated).toBe(before.sessionsCreated + 1);
    expect(s.inputNames).toEqual(['a', 'b']);
    expect(s.outputNames).toEqual(['sum', 'scaled']);

    const b = new ort.Tensor('float32', new Float32Array([1, -1]), [2]);
    const out1 = s.run({ a: new ort.Tensor('float32', new Float32Array([1, 2]), [1, 2]), b });
    // [1, 2] + [1, -1] = [2, 1]; times 10 = [20, 10]
    expect(out1.sum).toBeInstanceOf(ort.Tensor);
    expect(out1.sum.data).toBeInstanceOf(Float32Array); // a typed array of this realm
    expect(out1.sum.dims).toEqual([1, 2]);
    expect(Array.from(out1.sum.data as Float32Array)).toEqual([2, 1]);
    expect(Array.from(out1.scaled.data as Float32Array)).toEqual([20, 10]);

    const out2 = s.run({ a: new ort.Tensor('float32', new Float32Array([0, 0, 3, 4, -1, 1]), [3, 2]), b });
    // rows + [1, -1]: [1, -1], [4, 3], [0, 0]
    expect(out2.sum.dims).toEqual([3, 2]);
    expect(Array.from(out2.sum.data as Float32Array)).toEqual([1, -1, 4, 3, 0, 0]);
    expect(ortStats().runs).toBe(before.runs + 2);
    expect(ortStats().sessionsCreated).toBe(before.sessionsCreated + 1);

    s.dispose();
    expect(s.disposed).toBe(true);
    expect(() => s.dispose()).not.toThrow(); // twice is harmless
    expect(() => s.run({ a: b, b })).toThrow(/disposed session/);
    // Outputs outlive their session.
    expect(Array.from(out2.scaled.data as Float32Array)).toEqual([10, -10, 40, 30, 0, 0]);
  });

  test('int32, float64 and bool outputs come back as typed arrays of this realm', () => {
    const b = new ModelBuilder();
    b.addInput('i', 'int32', [null]);
    b.addInput('d', 'float64', [null]);
    b.addNode('Neg', ['i'], ['ni']);
    b.addNode('Neg', ['d'], ['nd']);
    b.addNode('Cast', ['i'], ['bi'], { to: onnx.TensorProto.DataType.BOOL });
    b.addOutput('ni', 'int32');
    b.addOutput('nd', 'float64');
    b.addOutput('bi', 'bool');
    const s = SyncSession.create(b.toBytes(), { intraOpNumThreads: 1 });
    const out = s.run({
      i: new ort.Tensor('int32', new Int32Array([3, 0, -2]), [3]),
      d: new ort.Tensor('float64', new Float64Array([0.5]), [1]),
    });
    expect(out.ni.data).toBeInstanceOf(Int32Array);
    expect(Array.from(out.ni.data as Int32Array)).toEqual([-3, 0, 2]);
    expect(out.nd.data).toBeInstanceOf(Float64Array);
    expect(Array.from(out.nd.data as Float64Array)).toEqual([-0.5]);
    expect(out.bi.type).toBe('bool');
    expect(out.bi.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(out.bi.data as Uint8Array)).toEqual([1, 0, 1]);
    s.dispose();
  });

  test('a broken model fails with an error, not a crash', () => {
    const b = new ModelBuilder();
    b.addInput('x', 'float32', [null]);
    b.addNode('NoSuchOp', ['x'], ['y']);
    b.addOutput('y', 'float32');
    expect(() => SyncSession.create(b.toBytes())).toThrow();
  });

  test('models carry the chosen opset and symbolic dims for null', () => {
    const m = onnx.ModelProto.decode(addModel());
    expect(m.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', ONNX_OPSET]]);
    const dims = m.graph?.input?.[0].type?.tensorType?.shape?.dim ?? [];
    expect(dims[0].dimParam).toMatch(/.+/);
    expect(Number(dims[1].dimValue)).toBe(2);
  });
});
