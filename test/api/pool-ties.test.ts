/**
 * Max pooling routes the gradient to the first maximal cell of each window, as
 * TensorFlow's max-pool gradient does (ties are common after a relu).
 */
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

describe.each([...BUILTIN_BACKENDS])('max-pool gradient on ties, %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('gives the whole gradient to the first maximum of each window', () => {
    // 1 x 2 x 4 x 1 (channels_last), 2x2 windows with stride 2:
    // window 1 = [0 0 / 0 0] (all tied), window 2 = [3 5 / 5 1] (tie between the two 5s)
    const x = K.variable([[[[0], [0], [3], [5]], [[0], [0], [5], [1]]]]);
    const y = K.pool2d(x, [2, 2], { strides: [2, 2], padding: 'valid', dataFormat: 'channels_last', poolMode: 'max' });
    expect([...K.eval(y).data]).toEqual([0, 5]);
    const [g] = K.gradients(K.sum(y), [x]);
    // row-major over [row, col]: first cell of window 1 is (0, 0); first 5 of window 2 is (0, 3)
    expect([...K.eval(g as K.KTensor).data]).toEqual([1, 0, 0, 1, 0, 0, 0, 0]);
  });
});
