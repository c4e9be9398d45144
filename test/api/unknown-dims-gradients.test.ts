/**
 * Gradients through ops whose dims are known only at run time (placeholders with
 * several null dims), on every backend. Expected values worked out by hand.
 */
import * as K from '../../src/index';
import { applyOp } from '../../src/api/primitives';
import { BUILTIN_BACKENDS } from '../../src/index';

function grad(loss: (x: K.KTensor) => K.KTensor, shape: (number | null)[], value: number[][]): unknown {
  const x = K.placeholder({ shape });
  const [g] = K.gradients(loss(x), [x]);
  return K.function([x], [g as K.KTensor])([value])[0].toArray();
}

describe.each([...BUILTIN_BACKENDS])('gradients with unknown dims on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('max over the last axis, then a sum, with two unknown dims', () => {
    // the gradient of sum(max(x, -1)) is 1 at each row's maximum
    expect(grad((x) => K.sum(K.max(x, -1)), [null, null], [[1, 5, 2], [7, 0, 3]])).toEqual([[0, 1, 0], [1, 0, 0]]);
  });

  it('flatten of a [null, null] tensor', () => {
    // d/dx sum(flatten(x)^2) = 2x
    expect(grad((x) => K.sum(K.square(K.flatten(x))), [null, null], [[1, 2], [3, 4]])).toEqual([[2, 4], [6, 8]]);
  });

  it('gather along an unknown first dim', () => {
    // rows 1 and 1 again: row 1 gets 2, the others 0
    expect(grad((x) => K.sum(K.gather(x, K.constant([1, 1], { dtype: 'int32' }))), [null, 2], [[1, 1], [1, 1], [1, 1]])).toEqual([
      [0, 0],
      [2, 2],
      [0, 0],
    ]);
  });

  it('prod along an unknown axis, with a zero', () => {
    // columns [2, 0, 4] and [3, 5, 1]: the product of the other entries
    expect(grad((x) => K.sum(K.prod(x, 0)), [null, null], [[2, 3], [0, 5], [4, 1]])).toEqual([
      [0, 5],
      [8, 3],
      [0, 15],
    ]);
  });

  it('the pad primitive, padded at the end of unknown dims', () => {
    // pad [[1, 2], [0, 3]] with 9s; d/dx sum(pad(x)^2) = 2x on the original cells
    const loss = (x: K.KTensor) => K.sum(K.square(applyOp('pad', [x], { pads: [[1, 2], [0, 3]], value: 9 })));
    expect(grad(loss, [null, null], [[1, 2], [3, 4]])).toEqual([[2, 4], [6, 8]]);
  });

  it('the tile primitive over unknown dims', () => {
    // tile [[1, 2]] 3 times down and twice across; sum(tile(x) * 2) gives each cell 3 * 2 * 2 = 12
    const loss = (x: K.KTensor) => K.sum(K.multiply(applyOp('tile', [x], { reps: [3, 2] }), 2));
    expect(grad(loss, [null, null], [[1, 2]])).toEqual([[12, 12]]);
  });

  it('slice with explicit sizes along unknown dims', () => {
    // x[1:3, 0:1] of a 4x2 input: d/dx sum(slice * 5) is 5 there, 0 elsewhere
    const loss = (x: K.KTensor) => K.sum(K.multiply(K.slice(x, [1, 0], [2, 1]), 5));
    expect(grad(loss, [null, null], [[1, 1], [1, 1], [1, 1], [1, 1]])).toEqual([[0, 0], [5, 0], [5, 0], [0, 0]]);
  });

  it('prod over two unknown axes', () => {
    // prod of [[1, 2], [3, 4]] = 24: each entry's gradient is 24 / itself
    expect(grad((x) => K.prod(x, [0, 1]), [null, null], [[1, 2], [3, 4]])).toEqual([[24, 12], [8, 6]]);
  });

  it('concatenate along the unknown batch dim', () => {
    // sum(concat([x, x], 0) * 3): each entry of x appears twice
    expect(grad((x) => K.sum(K.multiply(K.concatenate([x, x], 0), 3)), [null, 2], [[1, 2]])).toEqual([[6, 6]]);
  });
});
