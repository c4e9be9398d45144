/**
 * gradients' `unconnected` option: Keras's null for a variable the loss does not
 * depend on (the default), or zeros of its shape and dtype with `'zero'`
 * (TensorFlow's UnconnectedGradients.ZERO); anything else is refused.
 */
import { K } from '../../src/index';

describe.each(['reference', 'tfjs', 'onnx'])('gradients unconnected on %s', (backend) => {
  beforeAll(() => K.setBackend(backend));

  it('gives null by default and zeros with unconnected: zero; a connected gradient is the same either way', () => {
    const w = K.variable([[1, 2], [3, 4]]);
    const v = K.variable([5, 6, 7]);
    const loss = K.sum(K.square(w));
    expect(K.gradients(loss, [w, v])[1]).toBeNull();
    const [gw, gv] = K.gradients(loss, [w, v], { unconnected: 'zero' });
    // d/dw sum(w^2) = 2w
    expect(K.eval(gw).toArray()).toEqual([[2, 4], [6, 8]]);
    expect(K.eval(gv).toArray()).toEqual([0, 0, 0]);
    expect(K.intShape(gv)).toEqual([3]);
    expect(K.dtype(gv)).toBe('float32');
  });

  it('refuses another unconnected value, naming the argument', () => {
    const w = K.variable([1]);
    const call = K.gradients as unknown as (l: unknown, v: unknown, o: unknown) => unknown;
    expect(() => call(K.sum(w), [w], { unconnected: 'skip' })).toThrow(
      new K.KerasValueError(`gradients: argument 'options' must be an object whose 'unconnected' is 'none' or 'zero', got {"unconnected":"skip"}`),
    );
  });
});
