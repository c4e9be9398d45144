/**
 * The conformance oracle against hand-computed literals, so expected values in
 * the suite rest on checked ground (the oracle never calls the library).
 */
import { oracle as o } from '../conformance';

describe('conformance oracle', () => {
  it('builds arrays from nested values', () => {
    expect(o.array([[1, 2, 3], [4, 5, 6]])).toEqual({ data: [1, 2, 3, 4, 5, 6], shape: [2, 3], dtype: undefined });
    expect(o.array(5).shape).toEqual([]);
    expect(o.array([true, false]).data).toEqual([1, 0]);
    expect(() => o.array([[1, 2], [3]])).toThrow(/ragged/);
    expect(o.toNested(o.array([[1, 2], [3, 4]]))).toEqual([[1, 2], [3, 4]]);
  });

  it('broadcasts binary ops (NumPy rules)', () => {
    const r = o.add([[1], [2]], [10, 20, 30]);
    expect(r.shape).toEqual([2, 3]);
    expect(r.data).toEqual([11, 21, 31, 12, 22, 32]);
    expect(o.mul(2, [1, 2]).data).toEqual([2, 4]);
    expect(() => o.add([1, 2], [1, 2, 3])).toThrow(/broadcast/);
  });

  it('reduces over axes with keepdims', () => {
    const x = o.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    expect(o.sum(x).data).toEqual([36]);
    expect(o.sum(x).shape).toEqual([]);
    expect(o.sum(x, 1)).toMatchObject({ data: [4, 6, 12, 14], shape: [2, 2] });
    expect(o.sum(x, [0, -1], true)).toMatchObject({ data: [14, 22], shape: [1, 2, 1] });
    expect(o.mean(x, 0).data).toEqual([3, 4, 5, 6]);
    expect(o.max(x, -1).data).toEqual([2, 4, 6, 8]);
    expect(o.min(x, null, true)).toMatchObject({ data: [1], shape: [1, 1, 1] });
  });

  it('computes Keras dot for 2-D and N-D operands', () => {
    expect(o.dot([[1, 2], [3, 4]], [[5, 6], [7, 8]]).data).toEqual([19, 22, 43, 50]);
    expect(o.dot([1, 2, 3], [4, 5, 6])).toMatchObject({ data: [32], shape: [] });
    expect(o.dot([[1, 2, 3]], [1, 1, 1])).toMatchObject({ data: [6], shape: [1] });
    // Keras docs: (2, 3) . (4, 3, 5) -> (2, 4, 5); (32, 28, 3) . (3, 4) -> (32, 28, 4)
    expect(o.dot(o.full([2, 3], 1), o.full([4, 3, 5], 1)).shape).toEqual([2, 4, 5]);
    expect(o.dot(o.full([32, 28, 3], 1), o.full([3, 4], 1)).shape).toEqual([32, 28, 4]);
    // x[i, k] y[b, k, n]: the sum over k for every b.
    const y = o.array([[[1, 0], [0, 1]], [[2, 0], [0, 2]]]);
    expect(o.dot([[1, 2]], y)).toMatchObject({ data: [1, 2, 2, 4], shape: [1, 2, 2] });
  });

  it('transposes, reshapes, concatenates and slices', () => {
    expect(o.transpose([[1, 2, 3], [4, 5, 6]])).toMatchObject({ data: [1, 4, 2, 5, 3, 6], shape: [3, 2] });
    const t = o.transpose(o.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), [0, 2, 1]);
    expect(t.data).toEqual([1, 3, 2, 4, 5, 7, 6, 8]);
    expect(o.reshape([1, 2, 3, 4, 5, 6], [-1, 2]).shape).toEqual([3, 2]);
    expect(o.concatenate([[[1, 2]], [[3, 4]]], 0)).toMatchObject({ data: [1, 2, 3, 4], shape: [2, 2] });
    expect(o.concatenate([[[1], [2]], [[3], [4]]], -1)).toMatchObject({ data: [1, 3, 2, 4], shape: [2, 2] });
    expect(o.slice([[1, 2, 3], [4, 5, 6]], [0, 1], [2, -1])).toMatchObject({ data: [2, 3, 5, 6], shape: [2, 2] });
  });

  it('computes a stable softmax', () => {
    const s = o.softmax([[1000, 1000], [0, Math.log(3)]]);
    expect(s.data[0]).toBeCloseTo(0.5, 12);
    expect(s.data[2]).toBeCloseTo(0.25, 12);
    expect(s.data[3]).toBeCloseTo(0.75, 12);
  });

  it('stores values as a dtype, and differentiates numerically', () => {
    expect(o.storeAs(o.array([1.7, -1.7]), 'int32').data).toEqual([1, -1]);
    expect(o.storeAs(o.array([0.1]), 'float32').data[0]).toBe(Math.fround(0.1));
    const g = o.numericGradient((x) => o.sum(o.mul(x, x)).data[0], [1, -2]);
    expect(g.data[0]).toBeCloseTo(2, 8);
    expect(g.data[1]).toBeCloseTo(-4, 8);
    expect(o.uniformArray([3], 'seed').data).toEqual(o.uniformArray([3], 'seed').data);
  });

  it('computes the distribution functions and test thresholds of the random-function checks', () => {
    // Tabulated: erf(1) = 0.8427007929497149, erf(0.5) = 0.5204998778130465, erf(3) = 0.9999779095030014
    expect(o.erf(1)).toBeCloseTo(0.8427007929497149, 13);
    expect(o.erf(0.5)).toBeCloseTo(0.5204998778130465, 13);
    expect(o.erf(3)).toBeCloseTo(0.9999779095030014, 13);
    // Phi(1.96) = 0.9750021048517795, Phi(-3) = 0.0013498980316301, quantile(0.975) = 1.959963984540054
    expect(o.normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(o.normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
    expect(o.normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    // truncated at +-2 sigma: the CDF at the mean is 1/2, 0 and 1 at the bounds
    expect(o.truncatedNormalCdf(1, 1, 3)).toBeCloseTo(0.5, 14);
    expect(o.truncatedNormalCdf(-5, 1, 3)).toBe(0);
    expect(o.truncatedNormalCdf(7, 1, 3)).toBe(1);
    // one draw at 0.5 against U(0, 1): D = max(1 - 0.5, 0.5 - 0) = 0.5; draws 0.1, 0.2: D = 0.8
    expect(o.ksStatistic([0.5], (x) => x)).toBe(0.5);
    expect(o.ksStatistic([0.2, 0.1], (x) => x)).toBeCloseTo(0.8, 14);
    // DKW-Massart: 2 exp(-2 n eps^2) = alpha
    expect(2 * Math.exp(-2 * 1000 * o.ksThreshold(1000, 1e-3) ** 2)).toBeCloseTo(1e-3, 12);
    // chi-square upper 5% point with 10 degrees of freedom: 18.307 (tables); Wilson-Hilferty within 0.05
    expect(Math.abs(o.chiSquareThreshold(10, 0.05) - 18.307)).toBeLessThan(0.05);
    expect(o.correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(o.correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
    // pairs (0.1, 0.1), (0.9, 0.9) on a 2 x 2 grid: counts 1, 0, 0, 1, expected 0.5 each: chi-square 2
    expect(o.pairChiSquare([0.1, 0.1, 0.9, 0.9], 2)).toEqual({ stat: 2, df: 3 });
  });
});
