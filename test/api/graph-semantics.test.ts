/**
 * The execution model on every backend: eager on constants, lazy on variables
 * and placeholders, updates after outputs, backend switching.
 */
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

describe.each([...BUILTIN_BACKENDS])('execution model on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('runs ops on constants at once', () => {
    const c = K.add(K.constant([1, 2, 3]), 1);
    expect(c.isConstant).toBe(true);
    expect([...K.eval(c).data]).toEqual([2, 3, 4]);
  });

  it('records ops on variables lazily: eval sees setValue', () => {
    const v = K.variable([1, 2, 3]);
    const s = K.sum(v);
    expect(s.isConstant).toBe(false);
    expect(K.eval(s).item()).toBe(6);
    K.setValue(v, [10, 20, 30]);
    expect(K.eval(s).item()).toBe(60);
  });

  it('applies updates after the outputs are computed', () => {
    const v = K.variable([1, 1]);
    const x = K.placeholder({ shape: [2] });
    const f = K.function([x], [K.sum(K.multiply(v, x))], [K.update(v, K.add(v, x))]);
    // output uses the old v: (1*2 + 1*3) = 5; then v becomes [3, 4]
    expect(f([[2, 3]])[0].item()).toBe(5);
    expect([...K.getValue(v).data]).toEqual([3, 4]);
    expect(f([[1, 1]])[0].item()).toBe(7);
    expect([...K.getValue(v).data]).toEqual([4, 5]);
  });

  it('accepts any size for a null dimension and refuses a wrong shape or dtype', () => {
    const x = K.placeholder({ shape: [null, 2] });
    const f = K.function([x], [K.sum(x, 1)]);
    expect([...f([[[1, 2]]])[0].data]).toEqual([3]);
    expect([...f([[[1, 2], [3, 4], [5, 6]]])[0].data]).toEqual([3, 7, 11]);
    expect(() => f([[[1, 2, 3]]])).toThrow(K.KerasShapeError);
    expect(() => f([[[1, 2, 3]]])).toThrow(/function: input 0 .* expects shape \[None, 2\], got \[1, 3\]/);
    const i = K.placeholder({ shape: [2], dtype: 'int32' });
    const g = K.function([i], [K.sum(i)]);
    expect(g([[2, 3]])[0].item()).toBe(5);
    expect(() => g([new Float32Array([0.5, 1])])).toThrow(K.KerasTypeError);
  });

  it('refuses to eval a tensor that needs a placeholder', () => {
    const x = K.placeholder({ shape: [2] });
    expect(() => K.eval(K.add(x, 1))).toThrow(/eval: .*placeholder/);
  });
});

describe('switching backends', () => {
  it('moves constants and variables made under another backend on use', async () => {
    await K.setBackend('reference');
    const c = K.constant([[1, 2], [3, 4]]);
    const v = K.variable([[1, 0], [0, 1]]);
    await K.setBackend('onnx');
    expect(K.backend()).toBe('onnx');
    expect([...K.eval(K.dot(c, v)).data]).toEqual([1, 2, 3, 4]);
    await K.setBackend('tfjs');
    K.setValue(v, [[2, 0], [0, 2]]);
    expect([...K.eval(K.dot(c, v)).data]).toEqual([2, 4, 6, 8]);
    await K.setBackend('reference');
    expect([...K.getValue(v).data]).toEqual([2, 0, 0, 2]);
  });

  it('refuses float64 on tfjs with an UnsupportedError naming the backend', async () => {
    await K.setBackend('tfjs');
    expect(() => K.constant([1, 2], { dtype: 'float64' })).toThrow(K.UnsupportedError);
    expect(() => K.constant([1, 2], { dtype: 'float64' })).toThrow(/'tfjs' backend does not support dtype float64/);
  });
});
