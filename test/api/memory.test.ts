/**
 * Eager loops free engine memory with K.tidy (as tf.tidy), and K.dispose frees a
 * constant at once; a compiled function keeps the constants it needs.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../../src/index';

describe('tidy and dispose on tfjs', () => {
  beforeAll(async () => {
    await K.setBackend('tfjs');
  });

  it('frees every eager intermediate of a long loop', () => {
    const c = K.constant(new Float32Array(100).fill(1));
    const before = tf.memory().numTensors;
    let total = 0;
    for (let i = 0; i < 2000; i++) {
      total += K.tidy(() => K.eval(K.sum(K.multiply(K.add(c, i), 2))).item());
    }
    expect(tf.memory().numTensors).toBe(before);
    // sum over i of 100 * (1 + i) * 2
    expect(total).toBe(200 * 2000 + 200 * ((1999 * 2000) / 2));
  });

  it('keeps what the function returns, and what it is built on', () => {
    const before = tf.memory().numTensors;
    const [kept, lazy] = K.tidy(() => {
      const a = K.add(K.constant([1, 2]), 1); // kept: returned
      const v = K.variable([1, 1]);
      const b = K.multiply(K.constant([3, 3]), 2); // kept: a lazy result needs it
      K.square(a); // freed
      return [a, K.add(v, b)];
    });
    expect([...K.eval(kept).data]).toEqual([2, 3]);
    expect([...K.eval(lazy).data]).toEqual([7, 7]);
    // left: a, b and the variable; [1,2], [3,3], the scalars 1 and 2 and square(a) are freed
    expect(tf.memory().numTensors - before).toBe(3);
  });

  it('keeps the constants of a function compiled inside it', () => {
    const f = K.tidy(() => {
      const x = K.placeholder({ shape: [2] });
      return K.function([x], [K.multiply(x, K.add(K.constant([1, 2]), 1))]);
    });
    expect([...f([[1, 1]])[0].data]).toEqual([2, 3]);
  });

  it('makes a disposed tensor an error to use', () => {
    const c = K.constant([1, 2]);
    K.dispose(c);
    expect(() => K.eval(c)).toThrow(/was disposed/);
    expect(() => K.tidy(() => Promise.resolve(1))).toThrow(K.KerasTypeError);
  });
});
