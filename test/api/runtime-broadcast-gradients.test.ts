/**
 * Gradients of broadcasting ops are reduced to the operand's run-time shape, even
 * when a dim unknown at build time turns out to be 1 (issue 7, item 1). Expected
 * values worked out by hand.
 */
import * as K from '../../src/index';
import { BUILTIN_BACKENDS } from '../../src/index';

const c = [1, 2, 3, 4, 5];

/** The gradient of `loss(p)` for a placeholder p of shape [null], fed `value`. */
function gradAt(loss: (p: K.KTensor) => K.KTensor, value: number[]): { value: unknown; shape: number[] } {
  const p = K.placeholder({ shape: [null] });
  const [g] = K.gradients(loss(p), [p]);
  const out = K.function([p], [g as K.KTensor])([value])[0];
  return { value: out.toArray(), shape: [...out.shape] };
}

describe.each([...BUILTIN_BACKENDS])('broadcasting gradients at run-time size 1 on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('add: d/dp sum(p + c) at p = [2] is the count of c', () => {
    expect(gradAt((p) => K.sum(K.add(p, K.constant(c))), [2])).toEqual({ value: [5], shape: [1] });
    expect(gradAt((p) => K.sum(K.add(K.constant(c), p)), [2])).toEqual({ value: [5], shape: [1] });
  });

  it('subtract: d/dp sum(c - p) = -5, d/dp sum(p - c) = 5', () => {
    expect(gradAt((p) => K.sum(K.subtract(K.constant(c), p)), [2])).toEqual({ value: [-5], shape: [1] });
    expect(gradAt((p) => K.sum(K.subtract(p, K.constant(c))), [2])).toEqual({ value: [5], shape: [1] });
  });

  it('multiply: d/dp sum(p * c) = sum(c) = 15', () => {
    expect(gradAt((p) => K.sum(K.multiply(p, K.constant(c))), [2])).toEqual({ value: [15], shape: [1] });
  });

  it('divide: d/dp sum(c / p) at p = 2 is -sum(c)/4; d/dp sum(p / c) = sum(1/c)', () => {
    expect(gradAt((p) => K.sum(K.divide(K.constant(c), p)), [2])).toEqual({ value: [-15 / 4], shape: [1] });
    const g = gradAt((p) => K.sum(K.divide(p, K.constant([1, 2, 4]))), [3]);
    expect(g).toEqual({ value: [1.75], shape: [1] });
  });

  it('maximum and minimum: the gradient goes to p where p wins', () => {
    // p = 3 against [1..5]: p is >= at 1, 2, 3 (3 entries) and <= at 3, 4, 5 (3 entries)
    expect(gradAt((p) => K.sum(K.maximum(p, K.constant(c))), [3])).toEqual({ value: [3], shape: [1] });
    expect(gradAt((p) => K.sum(K.minimum(p, K.constant(c))), [3])).toEqual({ value: [3], shape: [1] });
  });

  it('the same ops at full run-time size keep the elementwise gradient', () => {
    expect(gradAt((p) => K.sum(K.multiply(p, K.constant(c))), [1, 1, 1, 1, 1])).toEqual({ value: c, shape: [5] });
  });

  it('where the unknown dim is 1 in both operands, nothing is summed', () => {
    const p = K.placeholder({ shape: [null, 2] });
    const q = K.placeholder({ shape: [null, 1] });
    const [gp, gq] = K.gradients(K.sum(K.multiply(p, q)), [p, q]) as K.KTensor[];
    const [vp, vq] = K.function([p, q], [gp, gq])([[[1, 2]], [[3]]]);
    // d/dp = q broadcast over the row, d/dq = sum of p's row
    expect(vp.toArray()).toEqual([[3, 3]]);
    expect(vq.toArray()).toEqual([[3]]);
  });

  it('dot(p, v) + zeros([3, 2]) at batch size 1: the gradient of v sums over the broadcast rows', () => {
    const p = K.placeholder({ shape: [null, 2] });
    const v = K.variable([[1, 2], [3, 4]]);
    const y = K.add(K.dot(p, v), K.zeros([3, 2]));
    const [gv, gp] = K.gradients(K.sum(y), [v, p]) as K.KTensor[];
    const [vv, vp] = K.function([p], [gv, gp])([[[1, 10]]]);
    // y = 3 copies of p @ v; d sum / dv[i][j] = 3 * p[i]; d sum / dp[i] = 3 * sum_j v[i][j]
    expect(vv.toArray()).toEqual([[3, 3], [30, 30]]);
    expect(vp.toArray()).toEqual([[9, 21]]);
  });
});
