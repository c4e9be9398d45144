/**
 * Creation functions refuse a size that cannot be held with a KerasValueError naming
 * the element count and the bytes, before allocating; large fills are one typed array
 * (issue 7, item 5).
 */
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
