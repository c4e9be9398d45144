/**
 * The conformance oracle against hand-computed literals, so expected values in
 * the suite rest on checked ground (the oracle never calls the library).
 */
import { oracle as o } from '../conformance';
import { conv, convTranspose, depthwiseConv, localConv, pool, separableConv } from '../conformance/oracle/conv';
import { createSkipIdxs, ctcNegLogLikelihood, interleaveBlanks, pathProbs, updateLogP } from '../conformance/oracle/ctc';

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

/**
 * The windowed-op and CTC-helper oracles against numbers worked out by hand from
 * TensorFlow's definitions (written next to each): 'same' padding puts
 * floor(total / 2) cells before and the rest after, total = max((O - 1) s + eff - L, 0)
 * with O = ceil(L / s) and eff = (k - 1) d + 1.
 */
describe('windowed-op oracles, pinned by hand', () => {
  // x = [1, 2, 3, 4] or [1, 2, 3, 4, 5] (batch 1, 1 channel); kernel [1, 10] (k = 2, 1 in, 1 out)
  const x4 = [[[1], [2], [3], [4]]];
  const x5 = [[[1], [2], [3], [4], [5]]];
  const k2 = [[[1]], [[10]]];
  const flat = (a: { data: readonly number[] }): number[] => [...a.data];

  it('conv1d: odd total same padding has the extra cell at the end', () => {
    // total = 3 + 2 - 4 = 1, none before: out[o] = x[o] + 10 x[o + 1], x[4] = 0
    expect(flat(conv(x4, k2, { padding: 'same' }))).toEqual([21, 32, 43, 4]);
  });

  it('conv1d: strides over an uneven length, valid and same', () => {
    // valid: O = ceil((5 - 2 + 1) / 2) = 2: x0 + 10 x1, x2 + 10 x3
    expect(flat(conv(x5, k2, { strides: [2] }))).toEqual([21, 43]);
    // same: O = 3, total = 2 * 2 + 2 - 5 = 1, none before: ..., x4 + 10 * 0
    expect(flat(conv(x5, k2, { strides: [2], padding: 'same' }))).toEqual([21, 43, 5]);
  });

  it('conv1d: dilation, valid and same', () => {
    // eff = 3: out[o] = x[o] + 10 x[o + 2]
    expect(flat(conv(x5, k2, { dilation: [2] }))).toEqual([31, 42, 53]);
    // same: total = 4 + 3 - 5 = 2, one before: out[o] = x[o - 1] + 10 x[o + 1]
    expect(flat(conv(x5, k2, { dilation: [2], padding: 'same' }))).toEqual([20, 31, 42, 53, 4]);
  });

  it('conv2d: same over 3x3 with a 2x2 kernel of ones, and channels_first', () => {
    // total 1 per axis, none before: each output sums x[i..i+1, j..j+1] with zeros beyond
    const x = [[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]];
    const ones = [[[[1]], [[1]]], [[[1]], [[1]]]];
    expect(flat(conv(x, ones, { padding: 'same' }))).toEqual([12, 16, 9, 24, 28, 15, 15, 17, 9]);
    // channels_first, 2 channels of 2x2, a 1x1 kernel [1, 100]: c0 + 100 c1
    const xcf = [[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]];
    const y = conv(xcf, [[[[1], [100]]]], { dataFormat: 'channels_first' });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(flat(y)).toEqual([501, 602, 703, 804]);
  });

  it('pool2d: same 2x2 windows with strides 2 over 3x3, max and mean of the real cells', () => {
    const x = [[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]];
    // windows {0,1}x{0,1}, {0,1}x{2}, {2}x{0,1}, {2}x{2}
    expect(flat(pool(x, [2, 2], 'max', { strides: [2, 2], padding: 'same' }))).toEqual([5, 6, 8, 9]);
    expect(flat(pool(x, [2, 2], 'avg', { strides: [2, 2], padding: 'same' }))).toEqual([3, 4.5, 7.5, 9]);
    // 1-D valid: windows [1, 2], [3, 4]
    expect(flat(pool(x5, [2], 'avg', { strides: [2] }))).toEqual([1.5, 3.5]);
  });

  it('conv transpose: out[i s + k - before] += x[i] w[k], the adjoint of conv', () => {
    // 2-D with one row: x = [1, 2], kernel (1, 3, out 1, in 1) = [1, 10, 100], strides [1, 2]
    const x = [[[[1], [2]]]];
    const w = [[[[1]], [[10]], [[100]]]];
    // valid, output length 5: [1, 10, 100 + 2, 20, 200]
    expect(flat(convTranspose(x, w, [1, 1, 5, 1], { strides: [1, 2] }))).toEqual([1, 10, 102, 20, 200]);
    // same, output length 4: the forward conv pads (2 - 1) * 2 + 3 - 4 = 1 cell, at the end:
    // positions i * 2 + k: [1, 10, 100 + 2, 20] (the 200 falls off the end)
    expect(flat(convTranspose(x, w, [1, 1, 4, 1], { strides: [1, 2], padding: 'same' }))).toEqual([1, 10, 102, 20]);
  });

  it('depthwise and separable: one filter per channel, then a 1x1 mix', () => {
    // one row of 3, channels c0 = [1, 2, 3], c1 = [10, 20, 30]; kernel 1x2 per channel: c0 [1, 2], c1 [3, 4]
    const x = [[[[1, 10], [2, 20], [3, 30]]]];
    const dw = [[[[1], [3]], [[2], [4]]]];
    // c0: [1 + 4, 2 + 6] = [5, 8]; c1: [30 + 80, 60 + 120] = [110, 180]; channels last
    expect(flat(depthwiseConv(x, dw))).toEqual([5, 110, 8, 180]);
    // pointwise [1, 0.5]: c0 + c1 / 2
    expect(flat(separableConv(x, dw, [[[[1], [0.5]]]]))).toEqual([60, 98]);
  });

  it('local conv: one kernel per output position; Keras flattens windows (k, c) or (c, k)', () => {
    // 1-D: x = [1, 2, 3, 4], windows of 2 with stride 2; kernel[0] = [1, 10], kernel[1] = [100, 1000]
    expect(flat(localConv([[[1], [2], [3], [4]]], [[[1], [10]], [[100], [1000]]], [2], [2], [2]))).toEqual([21, 4300]);
    // 2-D, one 1x2 window over 2 channels c0 = [1, 2], c1 = [3, 4]; kernel [1, 10, 100, 1000]
    const w = [[[1], [10], [100], [1000]]];
    // channels_first: window flattened (c, k): 1, 2, 3, 4 -> 1 + 20 + 300 + 4000
    expect(flat(localConv([[[[1, 2]], [[3, 4]]]], w, [1, 2], [1, 1], [1, 1], 'channels_first'))).toEqual([4321]);
    // channels_last: (k, c): 1, 3, 2, 4 -> 1 + 30 + 200 + 4000
    expect(flat(localConv([[[[1, 3], [2, 4]]]], w, [1, 2], [1, 1], [1, 1], 'channels_last'))).toEqual([4231]);
  });
});

describe('CTC helper oracles, pinned by hand', () => {
  it('interleaves blanks and finds the skips', () => {
    expect(interleaveBlanks([1, 2])).toEqual([-1, 1, -1, 2, -1]);
    // (5 - 3) // 2 = 1 candidate, s = 1: Y[1] = 1 != Y[3] = 2
    expect(createSkipIdxs([-1, 1, -1, 2, -1])).toEqual([1]);
    expect(createSkipIdxs([-1, 1, -1, 1, -1])).toEqual([]);
    expect(createSkipIdxs([-1, 1, -1, 1, -1, 2, -1])).toEqual([3]);
  });

  it("ctc_update_log_p: Theano's steps", () => {
    // active_next = min(max(3, 1 + 3), 5) = 4; p = [1/2, 3/2, 1, 1] (see the conformance case); + ln 2
    const [a, p] = updateLogP([1], [0, 0, 0, 0, 0], 2, [0.1, 0.2, 0.3, 0.4, 0.5], [0, Math.log(2), 0, 0, 0]);
    expect(a).toBe(4);
    [0.1, 0.2 + Math.log(3), 0.3 + Math.log(2), 0.4 + Math.log(2), 0].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 14));
  });

  it('ctc_path_probs: log of the paths through each (t, s), and the reachable mask', () => {
    // paths for label 0 in two steps: "0 0" 0.18, "0 -" 0.42, "- 0" 0.12
    const [lp, mask] = pathProbs([[0.6, 0.4], [0.3, 0.7]], [-1, 0, -1], 0);
    [[0.12, 0.6, 0.7], [0.4, 0.3, 0.42]].forEach((row, t) => row.forEach((v, s) => expect(lp[t][s]).toBeCloseTo(Math.log(v), 14)));
    expect(mask).toEqual([[1, 1, 0], [0, 1, 1]]);
    // the negative log-likelihood of label 0 by the forward algorithm: 0.18 + 0.42 + 0.12 = 0.72
    expect(ctcNegLogLikelihood([[0.6, 0.4], [0.3, 0.7]], [0], 1)).toBeCloseTo(-Math.log(0.72), 14);
  });
});

describe('narrow-dtype oracles, pinned by hand', () => {
  test('half rounding: nearest, ties to even, subnormals, overflow', () => {
    expect(o.roundHalf(1 + 2 ** -11)).toBe(1); // tie between 1 and 1 + 2^-10: even
    expect(o.roundHalf(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9); // tie: even significand
    expect(o.roundHalf(1 + 2 ** -11 + 2 ** -40)).toBe(1 + 2 ** -10);
    expect(o.roundHalf(0.1)).toBe(0.0999755859375); // 1638.4 * 2^-14 -> 1638 * 2^-14
    expect(o.roundHalf(2 ** -25)).toBe(0); // half the smallest subnormal: tie, to 0
    expect(o.roundHalf(3 * 2 ** -25)).toBe(2 ** -23);
    expect(o.roundHalf(65519)).toBe(65504);
    expect(o.roundHalf(65520)).toBe(Infinity);
    expect(o.roundHalf(-70000)).toBe(-Infinity);
    expect(Object.is(o.roundHalf(-1e-10), -0)).toBe(true);
  });

  test('half bit patterns', () => {
    expect(o.halfValue(0x3c00)).toBe(1);
    expect(o.halfValue(0xc000)).toBe(-2);
    expect(o.halfValue(0x7bff)).toBe(65504);
    expect(o.halfValue(0x0001)).toBe(2 ** -24);
    expect(o.halfValue(0x3555)).toBe(0.333251953125);
    expect(o.halfValue(0xfc00)).toBe(-Infinity);
    expect(Number.isNaN(o.halfValue(0x7e01))).toBe(true);
  });

  test('wrapping and the cast rule', () => {
    expect(o.wrapTo(200, 'int8')).toBe(-56);
    expect(o.wrapTo(-129, 'int8')).toBe(127);
    expect(o.wrapTo(-1, 'uint16')).toBe(65535);
    expect(o.wrapTo(270000, 'int16')).toBe(7856);
    expect(o.castTo([NaN, 300, -300, 2.9, -2.9], 'float32', 'int8').data).toEqual([0, 127, -128, 2, -2]);
    expect(o.castTo([-1, 256], 'int32', 'uint8').data).toEqual([255, 0]);
    expect(o.castTo([-128], 'int8', 'uint16').data).toEqual([65408]);
  });
});
