/**
 * int64 host values: what the conformance cases do not reach (they compare values):
 * NDArray's views of bigints, feeds and outputs of compiled functions, moves between
 * backends, printing, an exported model run by onnxruntime-node in a process of its own,
 * and the tfjs refusal. Expected values are written out by hand.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as K from '../../src/index';

const BACKENDS = ['reference', 'onnx'] as const;
const MAX = 2n ** 63n - 1n;

afterAll(async () => {
  await K.setBackend('reference');
});

describe.each(BACKENDS)('int64 host values on %s', (backend) => {
  beforeAll(async () => {
    await K.setBackend(backend);
  });

  test('NDArray: data is a BigInt64Array, toArray gives bigints, item a number only when exact', () => {
    const v = K.eval(K.constant([[MAX, -3n]], { dtype: 'int64' }));
    expect(v.data).toBeInstanceOf(BigInt64Array);
    expect(v.toArray()).toEqual([[MAX, -3n]]);
    expect(v.toString()).toBe('NDArray(int64, [1, 2], [["9223372036854775807","-3"]])');
    expect(K.eval(K.constant(-3n, { dtype: 'int64' })).item()).toBe(-3);
    expect(() => K.eval(K.constant(MAX, { dtype: 'int64' })).item()).toThrow(RangeError);
  });

  test('a compiled function takes a BigInt64Array feed and returns BigInt64Arrays', () => {
    const p = K.placeholder({ shape: [null], dtype: 'int64' });
    const f = K.function([p], [K.add(p, p), K.cast(p, 'float64')]);
    const feed = BigInt64Array.of(MAX, 1n);
    const [twice, asFloat] = f([feed]);
    expect(twice.data).toEqual(BigInt64Array.of(-2n, 2n)); // 2 * (2^63 - 1) wraps to -2
    expect(Array.from(asFloat.data as Float64Array)).toEqual([2 ** 63, 1]);
    expect(feed).toEqual(BigInt64Array.of(MAX, 1n)); // the feed is left as it was
  });

  test('printTensor writes bigints exactly', () => {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    try {
      K.printTensor(K.constant([MAX, 0n], { dtype: 'int64' }), 'x:');
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toBe('x: [9223372036854775807 0]\n');
  });
});

describe('int64 across backends', () => {
  test('a variable made on one backend is used on another, exactly', async () => {
    await K.setBackend('reference');
    const v = K.variable([MAX, -(2n ** 62n)], { dtype: 'int64' });
    await K.setBackend('onnx');
    expect(K.eval(K.subtract(v, K.constant([1n, 1n], { dtype: 'int64' }))).data).toEqual(BigInt64Array.of(MAX - 1n, -(2n ** 62n) - 1n));
    await K.setBackend('reference');
    expect(K.getValue(v).data).toEqual(BigInt64Array.of(MAX, -(2n ** 62n)));
  });

  test('tfjs refuses int64 with an UnsupportedError naming the backend', async () => {
    await K.setBackend('tfjs');
    expect(() => K.constant([1n], { dtype: 'int64' })).toThrow(K.UnsupportedError);
    expect(() => K.constant([1n], { dtype: 'int64' })).toThrow("The 'tfjs' backend does not support dtype int64 (it supports float32, int32, bool)");
    await K.setBackend('reference');
  });
});

test('an exported int64 model gives the same wrapped sum in onnxruntime-node', async () => {
  await K.setBackend('onnx');
  const p = K.placeholder({ shape: [null], dtype: 'int64', name: 'p' });
  const v = K.variable([2n ** 62n, 1n], { dtype: 'int64', name: 'v' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'int64-export-')), 'sum.onnx');
  K.exportOnnx([p], [K.sum(K.add(p, v))], file);
  const out = execFileSync(process.execPath, [path.join(__dirname, '../helpers/ort-run.js')], {
    input: JSON.stringify({ file, runs: [{ p: { type: 'int64', dims: [2], data: [String(2n ** 62n), '5'] } }] }),
  });
  const res = JSON.parse(out.toString('utf8')) as { runs: Record<string, { dims: number[]; data: string[] }>[] };
  // 2^62 + 2^62 + 5 + 1 = 2^63 + 6, which wraps to -2^63 + 6
  expect(res.runs[0].output.data).toEqual([String(-(2n ** 63n) + 6n)]);
  await K.setBackend('reference');
});
