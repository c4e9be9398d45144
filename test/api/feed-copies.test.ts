/**
 * K.function's call path: a typed array of the placeholder's dtype reaches the
 * engine with at most one copy (none on onnx and reference), results come back
 * without a second copy where the engine allows, and no result ever shares
 * memory with a feed, a constant or a variable.
 */
import * as K from '../../src/index';
import { toHostValue } from '../../src/api/values';
import { tensorOverHost, tensorTakeHost } from '../../src/backends/onnx/tensors';
import * as ort from 'onnxruntime-node';
import { BUILTIN_BACKENDS } from '../../src/index';

describe('toHostValue', () => {
  test('with share, a typed array of the wanted dtype is returned as it is; without, copied', () => {
    const a = Float32Array.of(1, 2, 3);
    expect(toHostValue(a, 'f', 'x', undefined, 'float32', true).data).toBe(a);
    expect(toHostValue({ data: a, shape: [3, 1] }, 'f', 'x', 'float32', 'float32', true).data).toBe(a);
    const copy = toHostValue(a, 'f', 'x', undefined, 'float32');
    expect(copy.data).not.toBe(a);
    expect([...copy.data]).toEqual([1, 2, 3]);
    // Another dtype is converted (float -> int truncates toward zero; bool is 0/1).
    expect([...toHostValue(Float32Array.of(-1.5, 2.7), 'f', 'x', 'int32', 'float32', true).data]).toEqual([-1, 2]);
    expect([...toHostValue(Int32Array.of(0, 5), 'f', 'x', 'float64', 'float32', true).data]).toEqual([0, 5]);
    expect([...toHostValue(Uint8Array.of(0, 7), 'f', 'x', 'bool', 'float32', true).data]).toEqual([0, 1]);
  });
});

describe('onnx tensors', () => {
  test('over host data: the same memory in and out', () => {
    const a = Float32Array.of(1, 2, 3, 4);
    const t = tensorOverHost(a, [2, 2], 'float32');
    expect(t.data).toBe(a);
    const out = new ort.Tensor('float32', Float32Array.of(5, 6), [2]);
    expect(tensorTakeHost(out)).toBe(out.data);
  });
});

describe.each([...BUILTIN_BACKENDS])('function feeds and results on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  test('results never share memory with the feeds, and feeds are left as they were', () => {
    const x = K.placeholder({ shape: [null, 2] });
    const f = K.function([x], [x, K.multiply(x, 2)]);
    const feed = Float32Array.of(1, 2, 3, 4);
    const [same, twice] = f([{ data: feed, shape: [2, 2] }]);
    expect([...same.data]).toEqual([1, 2, 3, 4]);
    expect([...twice.data]).toEqual([2, 4, 6, 8]);
    same.data[0] = 100;
    twice.data[1] = 100;
    expect(Array.from(feed)).toEqual([1, 2, 3, 4]);
    // A second call sees the feed's current values.
    feed[3] = 10;
    expect([...f([{ data: feed, shape: [2, 2] }])[1].data]).toEqual([2, 4, 6, 20]);
  });

  test('results never share memory with constants or variables', () => {
    const v = K.variable([1, 2]);
    const c = K.constant([3, 4]);
    const x = K.placeholder({ shape: [2] });
    const f = K.function([x], [v, c]);
    const [vo, co] = f([Float32Array.of(0, 0)]);
    vo.data[0] = 9;
    co.data[0] = 9;
    expect([...K.getValue(v).data]).toEqual([1, 2]);
    expect([...K.eval(c).data]).toEqual([3, 4]);
  });
});
