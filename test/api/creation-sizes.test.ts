/**
 * Creation functions refuse a size that cannot be held with a KerasValueError naming
 * the element count and the bytes, before allocating; large fills are one typed array
 * (issue 7, item 5).
 */
import * as os from 'os';
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

describe.each([...BUILTIN_BACKENDS])('creation sizes on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  const cases: [string, () => unknown, RegExp][] = [
    ['zeros', () => K.zeros([2 ** 40]), /^zeros: a tensor of 1099511627776 elements of float32 \(4398046511104 bytes\) cannot be allocated/],
    ['ones', () => K.ones([1e6, 1e6], 'int32'), /^ones: a tensor of 1000000000000 elements of int32 \(4000000000000 bytes\)/],
    ['eye', () => K.eye(1e7), /^eye: a tensor of 100000000000000 elements of float32 \(400000000000000 bytes\)/],
    ['constant', () => K.constant(2, { shape: [1e5, 1e5, 1e5] }), /^constant: a tensor of 1000000000000000 elements/],
    ['randomUniformVariable', () => K.randomUniformVariable([1e6, 1e6], 0, 1), /^randomUniformVariable: a tensor of 1000000000000 elements/],
    ['randomNormal', () => K.randomNormal([1e7, 1e7]), /^randomNormal: a tensor of 100000000000000 elements/],
    ['a dims product beyond 2^53', () => K.zeros([2 ** 30, 2 ** 30, 2 ** 30]), /^zeros: a tensor of \d+ elements/],
  ];
  it.each(cases)('%s of an impossible size is a KerasValueError naming count and bytes', (_n, make, message) => {
    expect(make).toThrow(K.KerasValueError);
    expect(make).toThrow(message);
  });

  it('a large fill is made without a per-element JS array (values checked)', () => {
    const n = 2e7;
    const t = K.ones([n], 'int32');
    expect(K.getValue(K.sum(t)).item()).toBe(n);
    const e = K.getValue(K.eye(3, 'int32')).toArray();
    expect(e).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(K.getValue(K.constant(7, { shape: [2, 2], dtype: 'int32' })).toArray()).toEqual([[7, 7], [7, 7]]);
  });
});

/**
 * tfjs-backend-wasm's heap stops at 4 GiB - 64 KiB: a tensor that fits the machine but
 * not the heap is refused before any host array is made (the message names the
 * backend and what it has left), on every creation path.
 */
describe('creation sizes beyond the tfjs wasm heap', () => {
  beforeAll(async () => {
    await K.setBackend('tfjs');
  });

  const G = 2 ** 30; // 2^30 float32 elements: 4294967296 bytes, 65536 more than the heap takes
  const cases: [string, () => unknown, string][] = [
    ['zeros', () => K.zeros([G]), 'zeros: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
    ['ones', () => K.ones([G / 2, 2], 'int32'), 'ones: a tensor of 1073741824 elements of int32 (4294967296 bytes)'],
    ['eye', () => K.eye(2 ** 15), 'eye: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
    ['constant', () => K.constant(2, { shape: [2 ** 15, 2 ** 15] }), 'constant: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
    ['randomUniformVariable', () => K.randomUniformVariable([G], 0, 1), 'randomUniformVariable: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
    ['randomNormalVariable', () => K.randomNormalVariable([G], 0, 1), 'randomNormalVariable: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
    ['randomUniform', () => K.randomUniform([G]), 'randomUniform: a tensor of 1073741824 elements of float32 (4294967296 bytes)'],
  ];
  it.each(cases)('%s: a KerasValueError naming count, bytes and the backend, before allocating', (_n, make, message) => {
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(K.KerasValueError);
    const text = (error as Error).message;
    expect(text.startsWith(message)).toBe(true);
    // on a machine with room for the float64 draw, the engine's own limit is what refuses it
    if (os.totalmem() > 9 * 2 ** 30) expect(text).toMatch(/cannot be allocated on the 'tfjs' backend: it can hold at most \d+ more bytes$/);
  });
});
