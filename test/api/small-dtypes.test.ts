/**
 * float16 and the 8- and 16-bit integer dtypes: the half-precision conversions
 * against hand-computed bit patterns, the one conversion rule, and the same
 * results on reference and onnx (NumPy semantics: integer arithmetic wraps, float16
 * is rounded to half at each op's output); tfjs declares them unsupported.
 * Expected values are worked out by hand in the comments.
 */
import * as K from '../../src/index';
import { convertElement, float16Bits, float16Value } from '../../src/backends/types';

describe('float16 bit patterns', () => {
  test('round to nearest, ties to even, overflow to infinity', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff); // the largest half
    expect(float16Bits(65519)).toBe(0x7bff); // below the midpoint 65520
    expect(float16Bits(65520)).toBe(0x7c00); // the midpoint rounds to even: infinity
    expect(float16Bits(Infinity)).toBe(0x7c00);
    expect(float16Bits(-Infinity)).toBe(0xfc00);
    expect(float16Bits(NaN)).toBe(0x7e00);
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(2 ** -24)).toBe(0x0001); // the smallest subnormal
    expect(float16Bits(2 ** -25)).toBe(0x0000); // half of it: tie, to even (0)
    expect(float16Bits(3 * 2 ** -25)).toBe(0x0002); // 1.5 units: tie, to even (2)
    expect(float16Bits(2 ** -14)).toBe(0x0400); // the smallest normal
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie between 1 and 1 + 2^-10: even (1)
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie between 1 + 2^-10 and 1 + 2^-9: even
    expect(float16Bits(1 + 2 ** -11 + 2 ** -40)).toBe(0x3c01); // just above the tie: rounded once, up
    expect(float16Bits(1 / 3)).toBe(0x3555); // 0.333251953125
  });

  test('values of bit patterns', () => {
    expect(float16Value(0x3555)).toBe(0.333251953125);
    expect(float16Value(0x7bff)).toBe(65504);
    expect(float16Value(0x0001)).toBe(2 ** -24);
    expect(float16Value(0x7c00)).toBe(Infinity);
    expect(float16Value(0xfc00)).toBe(-Infinity);
    expect(Number.isNaN(float16Value(0x7e00))).toBe(true);
    expect(Object.is(float16Value(0x8000), -0)).toBe(true);
    for (let b = 0; b < 0x7c00; b += 37) expect(float16Bits(float16Value(b))).toBe(b);
  });
});

describe('the conversion rule', () => {
  test('float -> int truncates and saturates, NaN -> 0; int -> int wraps; x -> bool is x != 0', () => {
    expect([300, -300, NaN, 2.9, -2.9].map((v) => convertElement(v, 'int8', true))).toEqual([127, -128, 0, 2, -2]);
    expect([-1, 70000, 3.7].map((v) => convertElement(v, 'uint16', true))).toEqual([0, 65535, 3]);
    expect([300, -300, 255].map((v) => convertElement(v, 'int8', false))).toEqual([44, -44, -1]);
    expect([-1, 256, 300].map((v) => convertElement(v, 'uint8', false))).toEqual([255, 0, 44]);
    expect([0, NaN, -0.5].map((v) => convertElement(v, 'bool', true))).toEqual([0, 1, 1]);
  });
});

const SMALL = ['int8', 'int16', 'uint8', 'uint16', 'float16'] as const;

describe.each(['reference', 'onnx'])('small dtypes on %s', (backend) => {
  beforeAll(async () => {
    await K.setBackend(backend);
  });
  afterAll(() => K.setFloatx('float32'));

  const ev = (t: K.KTensor): K.NestedArray => K.eval(t).toArray();
  const c = (v: number[], dtype: (typeof SMALL)[number] | 'int32' | 'float32' | 'float64') => K.constant(v, { dtype });

  test('integer arithmetic wraps in every width', () => {
    expect(ev(K.add(c([100, -3], 'int8'), c([100, 5], 'int8')))).toEqual([-56, 2]); // 200 - 256
    expect(ev(K.multiply(c([100, 7], 'int8'), c([100, 7], 'int8')))).toEqual([16, 49]); // 10000 mod 256 = 16
    expect(ev(K.add(c([200, 5], 'uint8'), c([100, 5], 'uint8')))).toEqual([44, 10]); // 300 - 256
    expect(ev(K.pow(c([3, 2], 'uint8'), 6))).toEqual([217, 64]); // 729 - 512
    expect(ev(K.prod(c([300, 300, 3], 'int16')))).toEqual(7856); // 270000 - 4 * 65536
    expect(ev(K.sum(c([60000, 6000], 'uint16')))).toEqual(464); // 66000 - 65536
    expect(ev(K.negative(c([-128, 5], 'int8')))).toEqual([-128, -5]); // -(-128) wraps to -128
    expect(ev(K.cumsum(c([100, 100, -100], 'int8')))).toEqual([100, -56, 100]);
  });

  test('comparisons, extrema and arg extrema', () => {
    expect(ev(K.greater(c([60000, 3], 'uint16'), c([5, 4], 'uint16')))).toEqual([true, false]);
    expect(ev(K.max(c([-5, 100, 7], 'int8')))).toEqual(100);
    expect(ev(K.argmax(c([3, 60000, 5], 'uint16')))).toEqual(1);
    expect(K.dtype(K.argmax(c([3, 60000, 5], 'uint16')))).toBe('int32');
    // an empty max is the dtype's smallest value, an empty min its largest
    expect(ev(K.max(K.zeros([0, 2], 'int8'), 0))).toEqual([-128, -128]);
    expect(ev(K.min(K.zeros([0, 2], 'uint16'), 0))).toEqual([65535, 65535]);
  });

  test('casts follow the rule', () => {
    expect(ev(K.cast(c([300, -300, NaN, 2.9, -2.9], 'float32'), 'int8'))).toEqual([127, -128, 0, 2, -2]);
    expect(ev(K.cast(c([-1, 70000, NaN, 3.7], 'float32'), 'uint16'))).toEqual([0, 65535, 0, 3]);
    expect(ev(K.cast(c([300, -300, 255], 'int32'), 'int8'))).toEqual([44, -44, -1]);
    expect(ev(K.cast(c([-1, 256, 300], 'int32'), 'uint8'))).toEqual([255, 0, 44]);
    expect(ev(K.cast(c([-1, 200], 'int8'), 'int32'))).toEqual([-1, 127]); // 200 saturates when stored as int8
    // float64 -> float16 rounds once: 1 + 2^-11 + 2^-40 is just above the tie, so up
    expect(ev(K.cast(c([1 + 2 ** -11 + 2 ** -40, 65519, 65520, 2 ** -25], 'float64'), 'float16'))).toEqual([1 + 2 ** -10, 65504, Infinity, 0]);
    expect(ev(K.cast(c([0.1], 'float16'), 'float64'))).toEqual([0.0999755859375]);
  });

  test('float16 is computed in float32 and rounded to half at each output', () => {
    // 1000 + 0.1 * 3 = 1000.3; halves near 1000 are 0.5 apart: 1000.5
    expect(ev(K.sum(c([1000, 0.1, 0.1, 0.1], 'float16')))).toEqual(1000.5);
    // sqrt(2) = 1.41421356...: halves in [1, 2) are 2^-10 apart: 1448 / 1024 = 1.4140625
    expect(ev(K.sqrt(c([2], 'float16')))).toEqual([1.4140625]);
    expect(ev(K.multiply(c([300], 'float16'), c([300], 'float16')))).toEqual([Infinity]); // 90000 > 65504
    const v = K.variable([1, 2], { dtype: 'float16' });
    K.eval(K.updateAdd(v, c([0.0001, 0.5], 'float16')));
    expect(K.getValue(v).toArray()).toEqual([1, 2.5]); // 1.0001 rounds back to 1
    expect(K.getValue(v).data).toEqual(Uint16Array.of(0x3c00, 0x4100));
  });

  test('tensors and state functions take the dtypes', () => {
    for (const dt of SMALL) {
      expect(K.dtype(K.placeholder({ shape: [2], dtype: dt }))).toBe(dt);
      expect(ev(K.zeros([2], dt))).toEqual([0, 0]);
      expect(ev(K.ones([2], dt))).toEqual([1, 1]);
      expect(ev(K.eye(2, dt))).toEqual([[1, 0], [0, 1]]);
      const v = K.variable([1, 2], { dtype: dt });
      K.setValue(v, [3, 4]);
      expect(K.getValue(v).dtype).toBe(dt);
      expect(K.getValue(v).toArray()).toEqual([3, 4]);
      const p = K.placeholder({ shape: [null], dtype: dt });
      const f = K.function([p], [K.add(p, p)]);
      expect((f([[5, 6]]) as K.NDArray[])[0].toArray()).toEqual([10, 12]);
    }
    expect(K.getValue(K.variable([1.5, 2.7], { dtype: 'int8' })).toArray()).toEqual([1, 2]);
    expect(ev(K.constant(0.5, { dtype: 'float16', shape: [2] }))).toEqual([0.5, 0.5]);
    expect(ev(K.constant(7, { dtype: 'uint16', shape: [2] }))).toEqual([7, 7]);
    // a float16 tensor's host data are half bit patterns; a Uint16Array with dtype float16 is taken as bits
    expect(K.eval(K.constant(1.5, { dtype: 'float16' })).data).toEqual(Uint16Array.of(0x3e00));
    expect(ev(K.constant({ data: Uint16Array.of(0x3e00, 0xc000), shape: [2], dtype: 'float16' }))).toEqual([1.5, -2]);
  });

  test('floatx float16', () => {
    K.setFloatx('float16');
    const x = K.constant([1, 2]);
    expect(K.dtype(x)).toBe('float16');
    // e = 2.71828...: 2784 / 1024 = 2.71875; e^2 = 7.389...: halves in [4, 8) are 2^-8 apart: 1892 / 256 = 7.390625
    expect(ev(K.exp(x))).toEqual([2.71875, 7.390625]);
    K.setFloatx('float32');
  });
});

describe('tfjs declares the small dtypes unsupported', () => {
  beforeAll(async () => {
    await K.setBackend('tfjs');
  });
  test.each(SMALL)('%s', (dt) => {
    expect(() => K.constant([1, 2], { dtype: dt })).toThrow(K.UnsupportedError);
    expect(() => K.constant([1, 2], { dtype: dt })).toThrow(new RegExp(`'tfjs' backend does not support dtype ${dt}`));
  });
});
