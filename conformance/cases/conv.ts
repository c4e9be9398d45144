/**
 * Cases of the convolution and pooling functions: conv1d/2d/3d, the transposed
 * convolutions, depthwise and separable convolutions, pool2d/pool3d and the
 * locally connected convolutions. Padding 'valid', 'same' (TensorFlow's, the
 * extra cell at the end, even kernels included) and 'causal'; strides 1, 2, 3;
 * dilation 2; both data formats (and null for imageDataFormat()); the unknown
 * batch dim in graph mode (every graph-mode run feeds a placeholder [null, ...]);
 * gradient checks on small inputs; error cases. Expected values come from the
 * direct-loop oracle in oracle/conv.ts.
 */
import type { KTensor } from '../../src/index';
import { defineSpec, ErrorCase, FunctionSpec, KApi, UncheckedKApi, unchecked, ValueCase } from '../case';
import { Nested, toNested, uniformArray } from '../oracle';
import { conv, convTranspose, depthwiseConv, localConv, OConvOptions, OFormat, OPadding, pool, separableConv } from '../oracle/conv';
import { bad, df, fl, withFormat, zeroSigns } from './helpers';
import { badDataFormat, notFloat, shapeText, unknownOption, wrongRank } from './messages';

/** Maxima of relu([-0, -1, -0, -0, 3, -0, NaN, -5]) in 1x2 windows, then the gradient of their sum (pool2d's cases). */
const POOLED_RELU = [0, 0, 3, NaN, 0, 0, 0, 0, 1, 0, 0, 0];

/** Distinct values in (-1, 1) (no ties for max pooling), 4 decimals, from `seed`. */
function distinct(shape: readonly number[], seed: string): Nested {
  const u = uniformArray(shape, `conv:${seed}`);
  const order = u.data.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  const data = new Array<number>(u.data.length);
  order.forEach(([, i], rank) => (data[i] = Math.round((-1 + (2 * rank + 1) / data.length) * 1e4) / 1e4));
  return toNested({ data, shape: u.shape });
}

/** The channels_first shape of a channels_last shape. */
function cf(shape: readonly number[]): number[] {
  return [shape[0], shape[shape.length - 1], ...shape.slice(1, -1)];
}

/** `fn: argument 'arg' rest`. */
const msg = (fn: string, arg: string, rest: string): string => `${fn}: argument '${arg}' ${rest}`;

/** The message of a per-axis integer argument (`strides`, `poolSize`) that is not n positive integers. */
const perAxis = (fn: string, arg: string, n: number, given: string): string =>
  msg(fn, arg, n === 1 ? `must be a positive integer, got ${given}` : `must be ${n} positive integers (or one for all), got ${given}`);

/** The message of strides > 1 given with dilation rates > 1. */
const stridedDilation = (fn: string, n: number): string =>
  msg(fn, 'dilationRate', `${shapeText(new Array<number>(n).fill(2))} cannot be combined with strides ${shapeText(new Array<number>(n).fill(2))}: strides > 1 are not supported together with dilation rates > 1 (as in TensorFlow)`);

/** The message of an input smaller than a 'valid' window (on spatial axis 0, of length `len`). */
const tooSmall = (fn: string, shape: readonly number[], len: number, span: number): string =>
  msg(fn, 'x', `(shape ${shapeText(shape)}) is too small on spatial axis 0 (${len}) for a 'valid' window spanning ${span} cells`);

const OPTION_KEYS = ['strides', 'padding', 'dataFormat', 'dilationRate'];

/** A whole message: `fn: argument 'arg' <rest>`, `rest` a regexp source (shapes vary with the rank). */
const whole = (fn: string, arg: string, rest: string): RegExp => new RegExp(`^${fn}: argument '${arg}' ${rest}$`);


/** Public options of a case (Keras names in camelCase). */
interface Opts {
  strides?: number[];
  padding?: OPadding;
  dataFormat?: OFormat;
  dilationRate?: number[];
}

/** The oracle's options for `o`. */
function oracleOpts(o: Opts): OConvOptions {
  return { strides: o.strides, padding: o.padding, dataFormat: o.dataFormat, dilation: o.dilationRate };
}

/** A description of the options, for case names. */
function describe(o: Opts): string {
  const parts: string[] = [o.padding ?? 'valid'];
  if (o.strides) parts.push(`strides ${o.strides.join('x')}`);
  if (o.dilationRate) parts.push(`dilation ${o.dilationRate.join('x')}`);
  parts.push(o.dataFormat ?? 'channels_last');
  return parts.join(', ');
}

/** The shape of `x` in the data format of `o` (given channels_last). */
function laid(shape: number[], o: Opts): number[] {
  return o.dataFormat === 'channels_first' ? cf(shape) : shape;
}

/* ------------------------------------------------------------------------ */
/* Convolutions                                                             */
/* ------------------------------------------------------------------------ */

type ConvFn = 'conv1d' | 'conv2d' | 'conv3d';

function convCall(K: KApi, fn: ConvFn, x: KTensor, k: KTensor, o: Opts): KTensor {
  if (fn === 'conv1d') {
    return K.conv1d(x, k, {
      strides: o.strides?.[0],
      padding: o.padding,
      dataFormat: o.dataFormat,
      dilationRate: o.dilationRate?.[0],
    });
  }
  const opts = { strides: o.strides, padding: o.padding as 'valid' | 'same' | undefined, dataFormat: o.dataFormat, dilationRate: o.dilationRate };
  return fn === 'conv2d' ? K.conv2d(x, k, opts) : K.conv3d(x, k, opts);
}

/** A convolution case: x of channels_last shape `xs` (laid out per the options), kernel `ks`. */
function convCase(fn: ConvFn, xs: number[], ks: number[], o: Opts, grad = true, name?: string): ValueCase {
  const seed = `${fn}:${xs.join('x')}:${ks.join('x')}:${describe(o)}`;
  return {
    name: name ?? `${describe(o)}, x [${laid(xs, o).join(', ')}], kernel [${ks.join(', ')}]`,
    inputs: [df(distinct(laid(xs, o), `${seed}:x`)), df(distinct(ks, `${seed}:k`), { placeholderShape: ks })],
    run: (K, x, k) => convCall(K, fn, x, k, o),
    expected: (x, k) => conv(x, k, oracleOpts(o)),
    grad,
  };
}

function convErrors(fn: ConvFn): ErrorCase[] {
  const n = fn === 'conv1d' ? 1 : fn === 'conv2d' ? 2 : 3;
  const xs = [1, ...new Array<number>(n).fill(4), 2];
  const ks = [...new Array<number>(n).fill(2), 2, 3];
  const x = (K: KApi): KTensor => K.zeros(xs);
  const k = (K: KApi, shape = ks): KTensor => K.zeros(shape);
  const call = (K: UncheckedKApi, xx: unknown, kk: unknown, o: unknown): unknown =>
    (K as unknown as Record<string, (...a: unknown[]) => unknown>)[fn](xx, kk, o);
  return [
    {
      name: "padding 'full'",
      run: (K) => call(unchecked(K), x(K), k(K), { padding: 'full' }),
      error: 'KerasValueError',
      message: msg(fn, 'padding', `must be 'valid' or 'same'${n === 1 ? " or 'causal'" : ''}, got "full"`),
    },
    { name: 'a kernel of the wrong rank', run: (K) => call(unchecked(K), x(K), k(K, ks.slice(1)), {}), error: 'KerasValueError', message: wrongRank(fn, 'kernel', n + 2, ks.slice(1)) },
    {
      name: 'a channel mismatch',
      run: (K) => call(unchecked(K), x(K), k(K, [...ks.slice(0, n), 3, 3]), {}),
      error: 'KerasShapeError',
      message: msg(fn, 'kernel', `(shape ${shapeText([...ks.slice(0, n), 3, 3])}) expects 3 input channels, but 'x' (shape ${shapeText(xs)}, channels_last) has 2`),
    },
    { name: 'a bad dataFormat', run: (K) => call(unchecked(K), x(K), k(K), { dataFormat: 'NHWC' }), error: 'KerasValueError', message: badDataFormat(fn, '"NHWC"') },
    { name: 'x of the wrong rank', run: (K) => call(unchecked(K), K.zeros(xs.slice(1)), k(K), {}), error: 'KerasValueError', message: wrongRank(fn, 'x', n + 2, xs.slice(1)) },
    { name: 'strides 0', run: (K) => call(unchecked(K), x(K), k(K), { strides: 0 }), error: 'KerasValueError', message: perAxis(fn, 'strides', n, '0') },
    { name: 'strides 2 with dilation 2 (as TensorFlow)', run: (K) => call(unchecked(K), x(K), k(K), { strides: 2, dilationRate: 2 }), error: 'KerasValueError', message: stridedDilation(fn, n) },
    { name: 'an input smaller than the kernel', run: (K) => call(unchecked(K), x(K), k(K, [...new Array<number>(n).fill(5), 2, 3]), {}), error: 'KerasValueError', message: tooSmall(fn, xs, 4, 5) },
    { name: 'int32 x', run: (K) => call(unchecked(K), K.zeros(xs, 'int32'), k(K), {}), error: 'KerasTypeError', message: notFloat(fn, 'x', 'int32') },
    { name: 'an int32 kernel', run: (K) => call(unchecked(K), x(K), K.zeros(ks, 'int32'), {}), error: 'KerasTypeError', message: notFloat(fn, 'kernel', 'int32') },
    { name: 'an unknown option', run: (K) => call(unchecked(K), x(K), k(K), { stride: 2 }), error: 'KerasValueError', message: unknownOption(fn, 'stride', OPTION_KEYS) },
    {
      name: 'unknown spatial dims',
      run: (K) => call(unchecked(K), K.placeholder({ shape: [null, ...new Array<number | null>(n).fill(null), 2] }), k(K), {}),
      error: 'KerasValueError',
      message: msg(fn, 'x', `must have known, non-zero spatial and channel dimensions (only the batch dimension may be unknown), got shape ${shapeText([null, ...new Array<null>(n).fill(null), 2])}`),
    },
  ];
}

/** Static shapes with an unknown batch dim, and imageDataFormat() for a null dataFormat. */
function convShapeCase(fn: ConvFn, xs: number[], ks: number[], o: Opts, expectedShape: (number | null)[]): ValueCase {
  return {
    name: `static shape, ${describe(o)}`,
    modes: ['eager'],
    run: (K) => K.intShape(convCall(K, fn, K.placeholder({ shape: [null, ...laid(xs, o).slice(1)] }), K.zeros(ks), o)),
    expected: () => expectedShape,
  };
}

const CONV1D_CASES: ValueCase[] = [
  convCase('conv1d', [2, 7, 2], [3, 2, 3], {}),
  convCase('conv1d', [2, 7, 2], [3, 2, 3], { padding: 'same', strides: [2] }),
  convCase('conv1d', [2, 7, 2], [3, 2, 2], { padding: 'causal', dilationRate: [2] }),
  convCase('conv1d', [2, 6, 2], [2, 2, 2], { padding: 'causal', strides: [2] }),
  convCase('conv1d', [2, 7, 2], [3, 2, 3], { padding: 'same', dilationRate: [2], dataFormat: 'channels_first' }),
  convCase('conv1d', [2, 8, 3], [4, 3, 2], { padding: 'same' }, true, "'same', an even kernel (the extra padding cell at the end)"),
  convCase('conv1d', [2, 8, 2], [2, 2, 2], { strides: [3], dataFormat: 'channels_first' }, true),
  convCase('conv1d', [3, 5, 2], [1, 2, 4], {}, true, 'a pointwise kernel'),
  {
    name: 'dataFormat null uses imageDataFormat() (channels_first)',
    inputs: [fl(distinct([2, 2, 6], 'c1d:null:x')), fl(distinct([3, 2, 2], 'c1d:null:k'), { kind: 'constant' })],
    run: (K, x, k) => withFormat(K, 'channels_first', () => K.conv1d(x, k, { padding: 'same', dataFormat: null })),
    expected: (x, k) => conv(x, k, { padding: 'same', dataFormat: 'channels_first' }),
  },
  {
    name: 'int strides and dilation, or lists of one',
    inputs: [fl(distinct([1, 9, 2], 'c1d:int:x')), fl(distinct([2, 2, 2], 'c1d:int:k'), { kind: 'constant' })],
    run: (K, x, k) => [K.conv1d(x, k, { strides: [2] }), K.conv1d(x, k, { dilationRate: [3] })],
    expected: (x, k) => [conv(x, k, { strides: [2] }), conv(x, k, { dilation: [3] })],
  },
  convShapeCase('conv1d', [2, 7, 2], [3, 2, 5], { padding: 'same', strides: [2] }, [null, 4, 5]),
  convShapeCase('conv1d', [2, 7, 2], [3, 2, 5], { padding: 'causal', dilationRate: [2] }, [null, 7, 5]),
];

const CONV2D_CASES: ValueCase[] = [
  convCase('conv2d', [2, 5, 5, 2], [3, 3, 2, 3], {}),
  convCase('conv2d', [2, 5, 6, 2], [3, 3, 2, 2], { padding: 'same', strides: [2, 2] }),
  convCase('conv2d', [2, 4, 5, 2], [3, 2, 2, 3], { padding: 'same', dataFormat: 'channels_first' }),
  convCase('conv2d', [1, 6, 6, 2], [2, 2, 2, 2], { dilationRate: [2, 2], dataFormat: 'channels_first' }),
  convCase('conv2d', [2, 5, 6, 2], [2, 3, 2, 2], { padding: 'same', dilationRate: [2, 1] }),
  convCase('conv2d', [1, 7, 6, 2], [4, 4, 2, 2], { padding: 'same', strides: [3, 2] }, true, "'same', 4x4 kernel, strides 3x2 (TensorFlow's padding)"),
  convCase('conv2d', [2, 5, 4, 3], [1, 1, 3, 2], {}, true, 'a 1x1 kernel'),
  convCase('conv2d', [2, 5, 4, 3], [1, 1, 3, 2], { strides: [2, 1], dataFormat: 'channels_first' }, true, 'a 1x1 kernel, strides 2x1'),
  convCase('conv2d', [2, 6, 6, 2], [3, 3, 2, 2], { strides: [2, 2] }, false),
  // 4 and 5 input channels with strides: tfjs's input gradient is then a Conv2D of the spread dy
  convCase('conv2d', [2, 7, 6, 4], [3, 2, 4, 3], { padding: 'same', strides: [2, 2] }),
  convCase('conv2d', [1, 9, 7, 5], [2, 3, 5, 2], { strides: [2, 1] }),
  {
    name: 'dataFormat null uses imageDataFormat() (channels_first)',
    inputs: [fl(distinct([2, 2, 4, 4], 'c2d:null:x')), fl(distinct([3, 3, 2, 2], 'c2d:null:k'), { kind: 'constant' })],
    run: (K, x, k) => withFormat(K, 'channels_first', () => K.conv2d(x, k, { padding: 'same' })),
    expected: (x, k) => conv(x, k, { padding: 'same', dataFormat: 'channels_first' }),
  },
  {
    name: 'a variable kernel',
    inputs: [fl(distinct([2, 4, 4, 2], 'c2d:var:x')), fl(distinct([2, 2, 2, 3], 'c2d:var:k'), { kind: 'variable' })],
    run: (K, x, k) => K.conv2d(x, k, { strides: 2 }),
    expected: (x, k) => conv(x, k, { strides: [2, 2] }),
  },
  convShapeCase('conv2d', [2, 7, 6, 2], [3, 3, 2, 4], { padding: 'same', strides: [2, 2] }, [null, 4, 3, 4]),
  convShapeCase('conv2d', [2, 7, 6, 2], [3, 3, 2, 4], { dataFormat: 'channels_first', dilationRate: [2, 2] }, [null, 4, 3, 2]),
];

const CONV3D_CASES: ValueCase[] = [
  convCase('conv3d', [1, 4, 4, 3, 2], [2, 2, 2, 2, 2], {}),
  convCase('conv3d', [2, 4, 3, 3, 2], [3, 2, 2, 2, 2], { padding: 'same', strides: [2, 2, 1], dataFormat: 'channels_first' }),
  convCase('conv3d', [1, 5, 4, 4, 2], [2, 2, 2, 2, 1], { dilationRate: [2, 1, 2] }),
  // stride 1 with asymmetric 'same' padding: the native tfjs gradients pad and cut
  convCase('conv3d', [1, 3, 4, 3, 2], [3, 2, 2, 2, 3], { padding: 'same' }),
  convShapeCase('conv3d', [2, 5, 4, 4, 2], [3, 3, 3, 2, 3], { padding: 'same', strides: [2, 2, 2] }, [null, 3, 2, 2, 3]),
  // strides the native tfjs gradients spread dy by: uneven, leaving trailing cells unread
  // (depth 7, stride 3: cells 5 and 6), and 'same' with a stride above the kernel's depth
  convCase('conv3d', [2, 7, 5, 6, 2], [2, 3, 2, 2, 3], { strides: [3, 2, 2] }),
  convCase('conv3d', [1, 5, 6, 4, 1], [2, 2, 3, 1, 2], { padding: 'same', strides: [3, 2, 1] }),
  {
    // one line x = [1, 2, 3, 4, 5], filters [1, 10] and [100, 1000], stride 2, valid:
    // y_j[o] = k_j[0] x[2o] + k_j[1] x[2o + 1] for o = 0, 1 (x[4] unread). The gradient of
    // sum(y): dx[2o] = 1 + 100, dx[2o + 1] = 10 + 1000, dx[4] = 0; dk[t][j] = x[t] + x[2 + t]
    name: 'by hand: gradients, stride 2 leaving a cell unread, two filters',
    inputs: [fl([[[[[1], [2], [3], [4], [5]]]]], { kind: 'lazy' }), fl([[[[[1, 100]], [[10, 1000]]]]], { kind: 'lazy', placeholderShape: [1, 1, 2, 1, 2] })],
    run: (K, x, k) => K.gradients(K.sum(K.conv3d(x, k, { strides: [1, 1, 2] })), [x, k]) as KTensor[],
    expected: () => [[[[[[101], [1010], [101], [1010], [0]]]]], [[[[[4, 4]], [[6, 6]]]]]],
  },
];

/* ------------------------------------------------------------------------ */
/* Transposed convolutions                                                  */
/* ------------------------------------------------------------------------ */

/** A transposed convolution case; `outs` the channels_last output shape (its batch becomes null when `nullBatch`). */
function transposeCase(n: 2 | 3, xs: number[], ks: number[], outs: number[], o: Opts, nullBatch = false): ValueCase {
  const seed = `t${n}:${xs.join('x')}:${ks.join('x')}:${outs.join('x')}:${describe(o)}`;
  const outLaid = laid(outs, o);
  const given = nullBatch ? [null, ...outLaid.slice(1)] : outLaid;
  return {
    name: `${describe(o)}, x [${laid(xs, o).join(', ')}], kernel [${ks.join(', ')}], outputShape [${given.map((d) => (d === null ? 'null' : d)).join(', ')}]`,
    inputs: [df(distinct(laid(xs, o), `${seed}:x`)), df(distinct(ks, `${seed}:k`), { placeholderShape: ks })],
    run: (K, x, k) => {
      const opts = { strides: o.strides, padding: o.padding as 'valid' | 'same' | undefined, dataFormat: o.dataFormat, dilationRate: o.dilationRate };
      return n === 2 ? K.conv2dTranspose(x, k, given, opts) : K.conv3dTranspose(x, k, given, opts);
    },
    expected: (x, k) => convTranspose(x, k, outLaid, oracleOpts(o)),
    grad: true,
  };
}

function transposeErrors(fn: 'conv2dTranspose' | 'conv3dTranspose'): ErrorCase[] {
  const n = fn === 'conv2dTranspose' ? 2 : 3;
  const sp = (v: number): number[] => new Array<number>(n).fill(v);
  const x = (K: KApi): KTensor => K.zeros([1, ...sp(3), 2]);
  const k = (K: KApi, shape = [...sp(3), 4, 2]): KTensor => K.zeros(shape);
  const good = [1, ...sp(5), 4];
  const call = (K: UncheckedKApi, xx: unknown, kk: unknown, os: unknown, o: unknown = {}): unknown =>
    (K as unknown as Record<string, (...a: unknown[]) => unknown>)[fn](xx, kk, os, o);
  return [
    {
      name: 'an outputShape that does not map back to x',
      run: (K) => call(unchecked(K), x(K), k(K), [1, ...sp(6), 4]),
      error: 'KerasShapeError',
      message: whole(fn, 'outputShape', `\\[1,${sp(6).join(',')},4\\] does not fit: a 'valid' convolution with kernel 3 and stride 1 maps size 6 on spatial axis 0 to 4, not to the input's 3`),
    },
    {
      name: "'same' with an outputShape that does not fit",
      run: (K) => call(unchecked(K), x(K), k(K), [1, ...sp(5), 4], { padding: 'same' }),
      error: 'KerasShapeError',
      message: whole(fn, 'outputShape', `\\[1,${sp(5).join(',')},4\\] does not fit: a 'same' convolution with kernel 3 and stride 1 maps size 5 on spatial axis 0 to 5, not to the input's 3`),
    },
    {
      name: 'outputShape channels not the kernel out channels',
      run: (K) => call(unchecked(K), x(K), k(K), [1, ...sp(5), 3]),
      error: 'KerasShapeError',
      message: whole(fn, 'outputShape', `\\[1,${sp(5).join(',')},3\\] has 3 channels, but 'kernel' \\(shape \\[${sp(3).join(', ')}, 4, 2\\]\\) gives 4`),
    },
    {
      name: 'outputShape of the wrong length',
      run: (K) => call(unchecked(K), x(K), k(K), sp(5)),
      error: 'KerasValueError',
      message: msg(fn, 'outputShape', `must be ${n + 2} dims (batch or null, then the channels_last dims, positive integers), got [${sp(5).join(',')}]`),
    },
    {
      name: 'outputShape not an array',
      run: (K) => call(unchecked(K), x(K), k(K), bad('5')),
      error: 'KerasValueError',
      message: msg(fn, 'outputShape', `must be ${n + 2} dims (batch or null, then the channels_last dims, positive integers), got "5"`),
    },
    {
      name: 'a batch size other than x',
      run: (K) => call(unchecked(K), x(K), k(K), [3, ...sp(5), 4]),
      error: 'KerasShapeError',
      message: whole(fn, 'outputShape', `\\[3,${sp(5).join(',')},4\\] has batch size 3, but 'x' has 1`),
    },
    {
      name: 'kernel in channels not x channels',
      run: (K) => call(unchecked(K), x(K), k(K, [...sp(3), 4, 3]), good),
      error: 'KerasShapeError',
      message: msg(fn, 'kernel', `(shape ${shapeText([...sp(3), 4, 3])}, laid out (spatial..., out_channels, in_channels)) expects 3 input channels, but 'x' (shape ${shapeText([1, ...sp(3), 2])}, channels_last) has 2`),
    },
    { name: 'a kernel of the wrong rank', run: (K) => call(unchecked(K), x(K), K.zeros([3, 4, 2]), good), error: 'KerasValueError', message: wrongRank(fn, 'kernel', n + 2, [3, 4, 2]) },
    { name: "padding 'causal'", run: (K) => call(unchecked(K), x(K), k(K), good, { padding: 'causal' }), error: 'KerasValueError', message: msg(fn, 'padding', `must be 'valid' or 'same', got "causal"`) },
    { name: 'a bad dataFormat', run: (K) => call(unchecked(K), x(K), k(K), good, { dataFormat: 'channels_middle' }), error: 'KerasValueError', message: badDataFormat(fn, '"channels_middle"') },
    { name: 'a dilation rate with a stride > 1', run: (K) => call(unchecked(K), x(K), k(K), good, { dilationRate: 2, strides: 2 }), error: 'KerasValueError', message: stridedDilation(fn, n) },
    { name: 'a dilation rate of 0', run: (K) => call(unchecked(K), x(K), k(K), good, { dilationRate: 0 }), error: 'KerasValueError', message: perAxis(fn, 'dilationRate', n, '0') },
    {
      name: 'an outputShape that does not map back to x through the dilated kernel',
      run: (K) => call(unchecked(K), x(K), k(K), good, { dilationRate: 2 }),
      error: 'KerasShapeError',
      message: whole(fn, 'outputShape', `\\[1,${sp(5).join(',')},4\\] does not fit: a 'valid' convolution with kernel 3 dilated 2 and stride 1 maps size 5 on spatial axis 0 to 1, not to the input's 3`),
    },
  ];
}

const CONV2D_TRANSPOSE_CASES: ValueCase[] = [
  transposeCase(2, [2, 3, 3, 2], [3, 3, 3, 2], [2, 5, 5, 3], {}),
  transposeCase(2, [2, 3, 3, 2], [3, 3, 3, 2], [2, 5, 5, 3], {}, true),
  transposeCase(2, [2, 3, 3, 2], [3, 3, 2, 2], [2, 8, 7, 2], { strides: [2, 2] }),
  transposeCase(2, [2, 3, 2, 2], [3, 3, 2, 2], [2, 6, 3, 2], { padding: 'same', strides: [2, 2], dataFormat: 'channels_first' }, true),
  transposeCase(2, [1, 3, 3, 2], [3, 3, 2, 2], [1, 5, 6, 2], { padding: 'same', strides: [2, 2] }),
  transposeCase(2, [1, 3, 3, 2], [3, 3, 4, 2], [1, 8, 7, 4], { strides: [2, 2] }),
  transposeCase(2, [2, 4, 3, 2], [2, 2, 3, 2], [2, 4, 3, 3], { padding: 'same' }),
  transposeCase(2, [1, 3, 3, 1], [2, 3, 2, 1], [1, 9, 5, 2], { strides: [3, 1], dataFormat: 'channels_first' }),
  // Keras 2.3.1's dilation_rate: the kernel spans (k - 1) d + 1 cells
  transposeCase(2, [2, 3, 3, 2], [2, 3, 3, 2], [2, 6, 7, 3], { dilationRate: [3, 2] }),
  transposeCase(2, [1, 3, 4, 2], [3, 2, 2, 2], [1, 3, 4, 2], { padding: 'same', dilationRate: [2, 1], dataFormat: 'channels_first' }, true),
  {
    name: 'static shape: the batch dim of x',
    modes: ['eager'],
    run: (K) => K.intShape(K.conv2dTranspose(K.placeholder({ shape: [null, 3, 3, 2] }), K.zeros([3, 3, 4, 2]), [null, 6, 6, 4], { strides: [2, 2], padding: 'same' })),
    expected: () => [null, 6, 6, 4],
  },
];

const CONV3D_TRANSPOSE_CASES: ValueCase[] = [
  transposeCase(3, [1, 2, 2, 2, 2], [2, 2, 2, 2, 2], [1, 4, 4, 4, 2], { padding: 'same', strides: [2, 2, 2] }, true),
  transposeCase(3, [2, 2, 3, 2, 1], [2, 2, 2, 2, 1], [2, 3, 4, 3, 2], { dataFormat: 'channels_first' }),
  transposeCase(3, [1, 2, 2, 1, 2], [3, 2, 1, 1, 2], [1, 5, 4, 2, 1], { strides: [2, 2, 2] }),
  // odd total 'same' padding on every axis (the forward convolution pads 1 cell, at the end): 4 -> 2 (kernel 3, stride 2), 3 -> 3 (kernel 2)
  transposeCase(3, [1, 2, 3, 2, 2], [3, 2, 3, 2, 2], [1, 4, 3, 4, 2], { padding: 'same', strides: [2, 1, 2] }),
  transposeCase(3, [1, 3, 2, 2, 1], [2, 3, 2, 1, 1], [1, 3, 4, 3, 1], { padding: 'same', strides: [1, 2, 2], dataFormat: 'channels_first' }),
  transposeCase(3, [1, 2, 2, 2, 1], [2, 2, 2, 2, 1], [1, 3, 4, 4, 2], { dilationRate: [1, 2, 2] }),
  // uneven strides with outputs longer than the spread input reaches (depth (2 - 1) 3 + 2 = 5
  // cells, 6 asked; rows 6, 7 asked; columns 6, 7 asked): the last cells get no gradient
  transposeCase(3, [2, 2, 3, 2, 2], [2, 2, 3, 1, 2], [2, 6, 7, 7, 1], { strides: [3, 2, 3] }),
];

/* ------------------------------------------------------------------------ */
/* Depthwise and separable                                                  */
/* ------------------------------------------------------------------------ */

function depthwiseCase(xs: number[], ks: number[], o: Opts, grad = true): ValueCase {
  const seed = `dw:${xs.join('x')}:${ks.join('x')}:${describe(o)}`;
  return {
    name: `${describe(o)}, x [${laid(xs, o).join(', ')}], depthwiseKernel [${ks.join(', ')}]`,
    inputs: [df(distinct(laid(xs, o), `${seed}:x`)), df(distinct(ks, `${seed}:k`), { placeholderShape: ks })],
    run: (K, x, k) => K.depthwiseConv2d(x, k, { ...o, padding: o.padding as 'valid' | 'same' | undefined }),
    expected: (x, k) => depthwiseConv(x, k, oracleOpts(o)),
    grad,
  };
}

function separableCase(n: 1 | 2, xs: number[], dks: number[], cout: number, o: Opts, grad = true): ValueCase {
  const seed = `sep${n}:${xs.join('x')}:${dks.join('x')}:${describe(o)}`;
  const pks = [...new Array<number>(n).fill(1), dks[n] * dks[n + 1], cout];
  return {
    name: `${describe(o)}, x [${laid(xs, o).join(', ')}], depthwiseKernel [${dks.join(', ')}], pointwiseKernel [${pks.join(', ')}]`,
    inputs: [
      df(distinct(laid(xs, o), `${seed}:x`)),
      df(distinct(dks, `${seed}:d`), { placeholderShape: dks }),
      df(distinct(pks, `${seed}:p`), { placeholderShape: pks }),
    ],
    run: (K, x, d, p) => {
      const opts = { ...o, padding: o.padding as 'valid' | 'same' | undefined };
      return n === 1 ? K.separableConv1d(x, d, p, opts) : K.separableConv2d(x, d, p, opts);
    },
    expected: (x, d, p) => separableConv(x, d, p, oracleOpts(o)),
    grad,
  };
}

function depthwiseErrors(fn: 'depthwiseConv2d' | 'separableConv1d' | 'separableConv2d'): ErrorCase[] {
  const n = fn === 'separableConv1d' ? 1 : 2;
  const sp = (v: number): number[] => new Array<number>(n).fill(v);
  const x = (K: KApi): KTensor => K.zeros([1, ...sp(4), 2]);
  const dk = (K: KApi, shape = [...sp(2), 2, 2]): KTensor => K.zeros(shape);
  const pk = (K: KApi, shape = [...sp(1), 4, 3]): KTensor => K.zeros(shape);
  const call = (K: UncheckedKApi, xx: unknown, d: unknown, o: unknown, p: unknown = pk(K)): unknown =>
    fn === 'depthwiseConv2d' ? K.depthwiseConv2d(xx, d, o as object) : (K as unknown as Record<string, (...a: unknown[]) => unknown>)[fn](xx, d, p, o);
  const cases: ErrorCase[] = [
    {
      name: 'a channel mismatch',
      run: (K) => call(unchecked(K), x(K), dk(K, [...sp(2), 3, 2]), {}),
      error: 'KerasShapeError',
      message: msg(fn, 'depthwiseKernel', `(shape ${shapeText([...sp(2), 3, 2])}) expects 3 input channels, but 'x' (shape ${shapeText([1, ...sp(4), 2])}, channels_last) has 2`),
    },
    { name: 'a kernel of the wrong rank', run: (K) => call(unchecked(K), x(K), K.zeros([2, 2]), {}), error: 'KerasValueError', message: wrongRank(fn, 'depthwiseKernel', n + 2, [2, 2]) },
    { name: "padding 'full'", run: (K) => call(unchecked(K), x(K), dk(K), { padding: 'full' }), error: 'KerasValueError', message: msg(fn, 'padding', `must be 'valid' or 'same', got "full"`) },
    { name: 'a bad dataFormat', run: (K) => call(unchecked(K), x(K), dk(K), { dataFormat: 'NHWC' }), error: 'KerasValueError', message: badDataFormat(fn, '"NHWC"') },
    { name: 'strides 2 with dilation 2 (as TensorFlow)', run: (K) => call(unchecked(K), x(K), dk(K), { strides: 2, dilationRate: 2 }), error: 'KerasValueError', message: stridedDilation(fn, n) },
    { name: 'x of the wrong rank', run: (K) => call(unchecked(K), K.zeros([4, 2]), dk(K), {}), error: 'KerasValueError', message: wrongRank(fn, 'x', n + 2, [4, 2]) },
  ];
  if (fn !== 'depthwiseConv2d') {
    cases.push(
      {
        name: 'pointwise in channels not in * multiplier',
        run: (K) => call(unchecked(K), x(K), dk(K), {}, pk(K, [...sp(1), 3, 3])),
        error: 'KerasShapeError',
        message: whole(fn, 'pointwiseKernel', `must have shape \\[${sp(1).join(', ')}, 4, out_channels\\] \\(4 = in_channels \\* multiplier of 'depthwiseKernel' \\[${sp(2).join(', ')}, 2, 2\\]\\), got \\[${sp(1).join(', ')}, 3, 3\\]`),
      },
      {
        name: 'a pointwise kernel that is not 1x1',
        run: (K) => call(unchecked(K), x(K), dk(K), {}, pk(K, [...sp(2), 4, 3])),
        error: 'KerasShapeError',
        message: whole(fn, 'pointwiseKernel', `must have shape \\[${sp(1).join(', ')}, 4, out_channels\\] \\(4 = in_channels \\* multiplier of 'depthwiseKernel' \\[${sp(2).join(', ')}, 2, 2\\]\\), got \\[${sp(2).join(', ')}, 4, 3\\]`),
      },
    );
  }
  return cases;
}

/* ------------------------------------------------------------------------ */
/* Pooling                                                                  */
/* ------------------------------------------------------------------------ */

function poolCase(n: 2 | 3, xs: number[], size: number[], mode: 'max' | 'avg', o: Opts, grad = true): ValueCase {
  const seed = `pool${n}:${xs.join('x')}:${size.join('x')}:${mode}:${describe(o)}`;
  return {
    name: `${mode} ${size.join('x')}, ${describe(o)}, x [${laid(xs, o).join(', ')}]`,
    inputs: [df(distinct(laid(xs, o), seed))],
    run: (K, x) => {
      const opts = { strides: o.strides, padding: o.padding as 'valid' | 'same' | undefined, dataFormat: o.dataFormat, poolMode: mode };
      return n === 2 ? K.pool2d(x, size, opts) : K.pool3d(x, size, opts);
    },
    expected: (x) => pool(x, size, mode, oracleOpts(o)),
    grad,
  };
}

function poolErrors(fn: 'pool2d' | 'pool3d'): ErrorCase[] {
  const n = fn === 'pool2d' ? 2 : 3;
  const sp = (v: number): number[] => new Array<number>(n).fill(v);
  const x = (K: KApi): KTensor => K.zeros([1, ...sp(4), 2]);
  const call = (K: UncheckedKApi, xx: unknown, size: unknown, o: unknown = {}): unknown =>
    (K as unknown as Record<string, (...a: unknown[]) => unknown>)[fn](xx, size, o);
  return [
    { name: "poolMode 'min'", run: (K) => call(unchecked(K), x(K), sp(2), { poolMode: 'min' }), error: 'KerasValueError', message: msg(fn, 'poolMode', `must be 'max' or 'avg', got "min"`) },
    { name: "padding 'full'", run: (K) => call(unchecked(K), x(K), sp(2), { padding: 'full' }), error: 'KerasValueError', message: msg(fn, 'padding', `must be 'valid' or 'same', got "full"`) },
    { name: 'poolSize of the wrong length', run: (K) => call(unchecked(K), x(K), [2, 2, 2, 2]), error: 'KerasValueError', message: perAxis(fn, 'poolSize', n, '[2,2,2,2]') },
    { name: 'poolSize 0', run: (K) => call(unchecked(K), x(K), sp(0)), error: 'KerasValueError', message: perAxis(fn, 'poolSize', n, `[${sp(0).join(',')}]`) },
    { name: 'a bad dataFormat', run: (K) => call(unchecked(K), x(K), sp(2), { dataFormat: 'NHWC' }), error: 'KerasValueError', message: badDataFormat(fn, '"NHWC"') },
    { name: 'x of the wrong rank', run: (K) => call(unchecked(K), K.zeros([4, 4]), sp(2)), error: 'KerasValueError', message: wrongRank(fn, 'x', n + 2, [4, 4]) },
    { name: 'a window larger than x', run: (K) => call(unchecked(K), x(K), sp(5)), error: 'KerasValueError', message: tooSmall(fn, [1, ...sp(4), 2], 4, 5) },
    { name: 'an unknown option', run: (K) => call(unchecked(K), x(K), sp(2), { pool_mode: 'avg' }), error: 'KerasValueError', message: unknownOption(fn, 'pool_mode', ['strides', 'padding', 'dataFormat', 'poolMode']) },
  ];
}

/* ------------------------------------------------------------------------ */
/* Locally connected                                                        */
/* ------------------------------------------------------------------------ */

function localCase(n: 1 | 2, xs: number[], size: number[], strides: number[], filters: number, format: OFormat, grad = true): ValueCase {
  const outs = size.map((k, i) => Math.floor((xs[i + 1] - k) / strides[i]) + 1);
  const ks = [outs.reduce((p, v) => p * v, 1), size.reduce((p, v) => p * v, 1) * xs[xs.length - 1], filters];
  const o: Opts = { dataFormat: format };
  const seed = `local${n}:${xs.join('x')}:${size.join('x')}:${strides.join('x')}:${format}`;
  return {
    name: `kernelSize ${size.join('x')}, strides ${strides.join('x')}, ${format}, inputs [${laid(xs, o).join(', ')}], kernel [${ks.join(', ')}]`,
    inputs: [df(distinct(laid(xs, o), `${seed}:x`)), df(distinct(ks, `${seed}:k`), { placeholderShape: ks })],
    run: (K, x, k) => (n === 1 ? K.localConv1d(x, k, size[0], strides[0], format) : K.localConv2d(x, k, size, strides, outs, format)),
    expected: (x, k) => localConv(x, k, size, strides, outs, format),
    grad,
  };
}

const LOCAL1D_ERRORS: ErrorCase[] = [
  {
    name: 'a kernel feature dim not kernel_size * channels',
    run: (K) => K.localConv1d(K.zeros([1, 6, 2]), K.zeros([4, 5, 3]), 3, 1),
    error: 'KerasShapeError',
    message: "localConv1d: argument 'kernel' (shape [4, 5, 3]) must have 6 (kernel size 3 * 2 input channels) as its second dim",
  },
  {
    name: 'more outputs than the input holds',
    run: (K) => K.localConv1d(K.zeros([1, 6, 2]), K.zeros([5, 6, 3]), 3, 1),
    error: 'KerasShapeError',
    message: "localConv1d: argument 'inputs' (shape [1, 6, 2]) is too short on spatial axis 0 (6) for 5 outputs of windows 3 with stride 1",
  },
  { name: 'a kernel of the wrong rank', run: (K) => K.localConv1d(K.zeros([1, 6, 2]), K.zeros([4, 6]), 3, 1), error: 'KerasValueError', message: "localConv1d: argument 'kernel' must be a 3D tensor, got shape [4, 6]" },
  { name: 'strides 0', run: (K) => K.localConv1d(K.zeros([1, 6, 2]), K.zeros([4, 6, 3]), 3, 0), error: 'KerasValueError', message: "localConv1d: argument 'strides' must be a positive integer, got 0" },
  { name: 'a bad dataFormat', run: (K) => K.localConv1d(K.zeros([1, 6, 2]), K.zeros([4, 6, 3]), 3, 1, bad('NWC')), error: 'KerasValueError', message: `localConv1d: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "NWC"` },
  { name: 'inputs of the wrong rank', run: (K) => K.localConv1d(K.zeros([6, 2]), K.zeros([4, 6, 3]), 3, 1), error: 'KerasValueError', message: "localConv1d: argument 'inputs' must be a 3D tensor, got shape [6, 2]" },
];

const LOCAL2D_ERRORS: ErrorCase[] = [
  {
    name: 'outputShape not matching the kernel',
    run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([9, 8, 3]), [2, 2], [1, 1], [2, 2]),
    error: 'KerasShapeError',
    message: "localConv2d: argument 'kernel' (shape [9, 8, 3]) must have 4 (output rows * output cols) as its first dim",
  },
  {
    name: 'a kernel feature dim not rows * cols * channels',
    run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([9, 6, 3]), [2, 2], [1, 1], [3, 3]),
    error: 'KerasShapeError',
    message: "localConv2d: argument 'kernel' (shape [9, 6, 3]) must have 8 (kernel size 2 * 2 * 2 input channels) as its second dim",
  },
  {
    name: 'more outputs than the input holds',
    run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([16, 8, 3]), [2, 2], [1, 1], [4, 4]),
    error: 'KerasShapeError',
    message: "localConv2d: argument 'inputs' (shape [1, 4, 4, 2]) is too short on spatial axis 0 (4) for 4 outputs of windows 2 with stride 1",
  },
  { name: 'kernelSize of the wrong length', run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([9, 8, 3]), [2], [1, 1], [3, 3]), error: 'KerasValueError', message: "localConv2d: argument 'kernelSize' must be 2 positive integers (or one for all), got [2]" },
  { name: 'a bad outputShape', run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([9, 8, 3]), [2, 2], [1, 1], bad([3, 'x'])), error: 'KerasValueError', message: `localConv2d: argument 'outputShape' must be 2 positive integers (or one for all), got [3,"x"]` },
  { name: 'a bad dataFormat', run: (K) => K.localConv2d(K.zeros([1, 4, 4, 2]), K.zeros([9, 8, 3]), [2, 2], [1, 1], [3, 3], bad('NHWC')), error: 'KerasValueError', message: `localConv2d: argument 'dataFormat' must be 'channels_first' or 'channels_last' (or null for imageDataFormat()), got "NHWC"` },
];

/* ------------------------------------------------------------------------ */
/* Specs                                                                    */
/* ------------------------------------------------------------------------ */

const SPECS: FunctionSpec[] = [
  defineSpec({
    kerasName: 'conv1d',
    cases: CONV1D_CASES,
    errorCases: [
      ...convErrors('conv1d'),
      {
        name: "'causal' with channels_first (as Keras)",
        run: (K) => K.conv1d(K.zeros([1, 2, 5]), K.zeros([2, 2, 2]), { padding: 'causal', dataFormat: 'channels_first' }),
        error: 'KerasValueError',
        message: "conv1d: argument 'padding' 'causal' needs dataFormat 'channels_last' (temporal data), got 'channels_first'",
      },
    ],
  }),
  defineSpec({ kerasName: 'conv2d', cases: CONV2D_CASES, errorCases: convErrors('conv2d') }),
  defineSpec({
    kerasName: 'conv3d',
    cases: CONV3D_CASES,
    errorCases: [
      ...convErrors('conv3d'),
      { name: "padding 'causal' (conv1d only)", run: (K) => K.conv3d(K.zeros([1, 3, 3, 3, 1]), K.zeros([2, 2, 2, 1, 1]), { padding: bad('causal') }), error: 'KerasValueError', message: `conv3d: argument 'padding' must be 'valid' or 'same', got "causal"` },
    ],
  }),
  defineSpec({ kerasName: 'conv2d_transpose', cases: CONV2D_TRANSPOSE_CASES, errorCases: transposeErrors('conv2dTranspose') }),
  defineSpec({ kerasName: 'conv3d_transpose', cases: CONV3D_TRANSPOSE_CASES, errorCases: transposeErrors('conv3dTranspose') }),
  defineSpec({
    kerasName: 'depthwise_conv2d',
    cases: [
      depthwiseCase([2, 4, 4, 2], [3, 3, 2, 2], {}),
      depthwiseCase([2, 5, 4, 2], [3, 3, 2, 1], { padding: 'same', strides: [2, 2], dataFormat: 'channels_first' }),
      depthwiseCase([1, 5, 5, 3], [2, 2, 3, 2], { padding: 'same', dilationRate: [2, 2] }),
      depthwiseCase([2, 4, 4, 2], [1, 1, 2, 3], {}),
      // what tfjs's depthwise gradients treat specially: strides that leave cells unread, uneven
      // strides with 'same' padding (the spread dy's trailing cells), a batch and a multiplier
      // to sum over, a dilation along one axis
      depthwiseCase([2, 7, 6, 2], [3, 2, 2, 2], { strides: [3, 2] }),
      depthwiseCase([3, 6, 7, 2], [2, 3, 2, 3], { padding: 'same', strides: [2, 3] }),
      depthwiseCase([2, 6, 6, 1], [3, 2, 1, 2], { padding: 'same', dilationRate: [1, 3] }),
      {
        // one row x = [1, 2, 3, 4, 5], filters [1, 10] and [100, 1000], stride 2, valid:
        // y_j[o] = k_j[0] x[2o] + k_j[1] x[2o + 1] for o = 0, 1 (x[4] unread). The gradient of
        // sum(y): dx[2o] = 1 + 100, dx[2o + 1] = 10 + 1000, dx[4] = 0; dk[t][j] = x[t] + x[2 + t]
        name: 'depthwise gradients, stride 2 leaving a cell unread, multiplier 2, by hand',
        inputs: [fl([[[[1], [2], [3], [4], [5]]]], { kind: 'lazy' }), fl([[[[1, 100]], [[10, 1000]]]], { kind: 'lazy', placeholderShape: [1, 2, 1, 2] })],
        run: (K, x, k) => {
          const y = K.depthwiseConv2d(x, k, { strides: [1, 2] });
          return K.gradients(K.sum(y), [x, k]) as KTensor[];
        },
        expected: () => [[[[[101], [1010], [101], [1010], [0]]]], [[[[4, 4]], [[6, 6]]]]],
      },
    ],
    errorCases: depthwiseErrors('depthwiseConv2d'),
  }),
  defineSpec({
    kerasName: 'separable_conv1d',
    cases: [
      separableCase(1, [2, 6, 2], [3, 2, 2], 3, {}),
      separableCase(1, [2, 7, 2], [3, 2, 1], 2, { padding: 'same', strides: [2], dataFormat: 'channels_first' }),
      separableCase(1, [1, 7, 3], [2, 3, 2], 2, { padding: 'same', dilationRate: [2] }),
      // odd total 'same' padding: 1 cell (kernel 2), then 3 cells (kernel 4, stride 2 over 7): the extra cell at the end
      separableCase(1, [2, 6, 2], [2, 2, 2], 3, { padding: 'same' }),
      separableCase(1, [1, 7, 2], [4, 2, 1], 2, { padding: 'same', strides: [2], dataFormat: 'channels_first' }),
      separableCase(1, [3, 9, 2], [3, 2, 2], 2, { strides: [3] }),
    ],
    errorCases: depthwiseErrors('separableConv1d'),
  }),
  defineSpec({
    kerasName: 'separable_conv2d',
    cases: [
      separableCase(2, [2, 4, 4, 2], [3, 3, 2, 2], 3, {}),
      separableCase(2, [1, 5, 4, 2], [3, 3, 2, 1], 2, { padding: 'same', strides: [2, 2], dataFormat: 'channels_first' }),
      separableCase(2, [1, 5, 5, 2], [2, 2, 2, 2], 1, { dilationRate: [2, 2] }),
    ],
    errorCases: depthwiseErrors('separableConv2d'),
  }),
  defineSpec({
    kerasName: 'pool2d',
    cases: [
      poolCase(2, [2, 4, 4, 2], [2, 2], 'max', { strides: [2, 2] }),
      poolCase(2, [2, 5, 5, 2], [3, 3], 'max', { padding: 'same', strides: [2, 2], dataFormat: 'channels_first' }),
      poolCase(2, [2, 4, 5, 2], [3, 3], 'avg', { padding: 'same' }),
      poolCase(2, [1, 5, 5, 2], [2, 2], 'avg', { padding: 'same', strides: [2, 2], dataFormat: 'channels_first' }),
      poolCase(2, [2, 5, 4, 1], [2, 3], 'avg', { strides: [2, 1] }),
      poolCase(2, [1, 4, 4, 2], [2, 2], 'max', {}),
      poolCase(2, [2, 5, 5, 1], [2, 2], 'max', { padding: 'same', strides: [2, 2] }),
      {
        // special values: a NaN in a window gives NaN (as max), the other windows are untouched
        name: 'max pooling propagates a NaN',
        inputs: [fl([[[[1], [NaN], [5]], [[3], [2], [4]]]])],
        run: (K, x) => [K.pool2d(x, [2, 2], { strides: [1, 1] }), K.pool2d(x, [1, 2], { strides: [1, 1] })],
        expected: () => [[[[[NaN], [NaN]]]], [[[[NaN], [NaN]], [[3], [4]]]]],
      },
      {
        // padded cells are never part of a window: a window of real -Infinity cells next to
        // 'same' padding is -Infinity (ORT pads with the lowest float: it gave -3.4028235e38)
        name: 'max pooling of -Infinity cells next to padding, by hand',
        inputs: [fl([[[[-Infinity], [-Infinity], [5]]]])],
        run: (K, x) => K.pool2d(x, [1, 3], { strides: [1, 1], padding: 'same' }),
        expected: () => [[[[-Infinity], [5], [5]]]],
      },
      {
        // found by the fuzzer: tfjs's max-pool gradient called DepthToSpace with block 1
        name: 'max pooling 1x1, stride 1 (the gradient is the identity)',
        inputs: [df([[[[0.5, -1], [2, 3]]]])],
        run: (K, x) => K.pool2d(x, [1, 1], { strides: [1, 1], dataFormat: 'channels_first' }),
        expected: (x) => pool(x, [1, 1], 'max', { strides: [1, 1], dataFormat: 'channels_first' }),
        grad: true,
      },
      {
        // a window holding a NaN averages to NaN (tfjs-wasm's AvgPool gave -Infinity); found by the fuzzer
        name: 'average pooling propagates a NaN, by hand',
        inputs: [fl([[[[0], [NaN], [-0.5], [1]]]])],
        run: (K, x) => K.pool2d(x, [1, 2], { strides: [1, 1], poolMode: 'avg' }),
        expected: () => [[[[NaN], [NaN], [0.25]]]],
      },
      {
        // the gradient of a window holding a NaN goes to its first NaN, the cell its NaN
        // maximum comes from (as argmax); tfjs and onnx skipped NaNs differently. Windows of
        // [1, NaN, 3, NaN, 5, 5] (1x3, stride 1): NaN at 1, 1, 3, 3: by hand [0, 2, 0, 2, 0, 0]
        name: 'max pooling gradient with NaNs: to the first NaN of a window, by hand',
        inputs: [fl([[[[1], [NaN], [3], [NaN], [5], [5]]]], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.pool2d(x, [1, 3], { strides: [1, 1] })), [x])[0] as KTensor,
        expected: () => [[[[0], [2], [0], [2], [0], [0]]]],
      },
      {
        // padded cells are never part of a window: window 1 = [pad, -Inf, -Inf] sends its
        // gradient to its first real cell; windows 2 and 3 to the 5: by hand [1, 0, 2]
        name: 'max pooling gradient of -Infinity next to leading same padding: to the first real cell, by hand',
        inputs: [fl([[[[-Infinity], [-Infinity], [5]]]], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.pool2d(x, [1, 3], { strides: [1, 1], padding: 'same' })), [x])[0] as KTensor,
        expected: () => [[[[1], [0], [2]]]],
      },
      {
        // 3x3 of equal values, 3x3 windows, stride 1, same padding (one cell each side):
        // window (i, j) sends its gradient to its first real cell (max(i-1, 0), max(j-1, 0)),
        // so (0,0) gets 4, (0,1) and (1,0) 2 each, (1,1) 1; overlapping windows add up
        name: 'max pooling gradient of ties over overlapping padded windows: to each first real cell, by hand',
        inputs: [fl([[[[7], [7], [7]], [[7], [7], [7]], [[7], [7], [7]]]], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.pool2d(x, [3, 3], { strides: [1, 1], padding: 'same' })), [x])[0] as KTensor,
        expected: () => [[[[4], [2], [0]], [[2], [1], [0]], [[0], [0], [0]]]],
      },
      {
        // the pooling and its gradient in one function (the onnx backend shares their
        // MaxPool): windows of [1, NaN, 3, NaN, 5, 5] (1x3, stride 1) all hold a NaN, their
        // first at 1, 1, 3, 3; in the second row, [1, 6, 3, 2, 5, 4], maxima 6, 6, 5, 5 at 1, 1, 4, 4
        name: 'max pooling and its gradient together, with NaNs, by hand',
        inputs: [fl([[[[1], [NaN], [3], [NaN], [5], [5]]], [[[1], [6], [3], [2], [5], [4]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool2d(x, [1, 3], { strides: [1, 1] });
          return [y, K.gradients(K.sum(y), [x])[0] as KTensor];
        },
        expected: () => [
          [[[[NaN], [NaN], [NaN], [NaN]]], [[[6], [6], [5], [5]]]],
          [[[[0], [2], [0], [2], [0], [0]]], [[[0], [2], [0], [0], [2], [0]]]],
        ],
      },
      {
        // as above without a NaN: [1, 6, 3, 2, 5, 4] and [-1, -0.5, -2, -2, 3, 3]: maxima
        // 6, 6, 5, 5 at 1, 1, 4, 4 and -0.5, -0.5, 3, 3 at 1, 1, 4, 4 (the first of equal maxima)
        name: 'max pooling and its gradient together, by hand',
        inputs: [fl([[[[1], [6], [3], [2], [5], [4]]], [[[-1], [-0.5], [-2], [-2], [3], [3]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool2d(x, [1, 3], { strides: [1, 1] });
          return [y, K.gradients(K.sum(y), [x])[0] as KTensor];
        },
        expected: () => [
          [[[[6], [6], [5], [5]]], [[[-0.5], [-0.5], [3], [3]]]],
          [[[[0], [2], [0], [0], [2], [0]]], [[[0], [2], [0], [0], [2], [0]]]],
        ],
      },
      {
        // relu(-0) and relu of a negative are +0, so are the maxima of windows of them; relu(NaN)
        // is NaN. Windows (1x2, stride 2) of relu([-0, -1, -0, -0, 3, -0, NaN, -5]): +0, +0, 3,
        // NaN; their gradients go to cells 0, 2, 4 and 6 (the first of equal zeros, the NaN),
        // and relu's gradient keeps cell 4's only (x > 0)
        name: 'max pooling of a relu and its gradient: zero windows give +0, by hand',
        inputs: [fl([[[[-0], [-1], [-0], [-0], [3], [-0], [NaN], [-5]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool2d(K.relu(x), [1, 2], { strides: [1, 2] });
          return K.concatenate([K.flatten(y), K.flatten(K.gradients(K.sum(y), [x])[0] as KTensor)]);
        },
        expected: () => POOLED_RELU,
        check: zeroSigns(POOLED_RELU),
      },
      {
        name: 'max pooling of a relu: zero windows give +0, by hand',
        inputs: [fl([[[[-0], [-1], [-0], [-0], [3], [-0], [NaN], [-5]]]])],
        run: (K, x) => K.flatten(K.pool2d(K.relu(x), [1, 2], { strides: [1, 2] })),
        expected: () => POOLED_RELU.slice(0, 4),
        check: zeroSigns(POOLED_RELU.slice(0, 4)),
      },
      {
        name: 'all-negative values next to same padding (padding never wins the max)',
        inputs: [df([[[[-5], [-4], [-3]], [[-2.5], [-2], [-1.5]], [[-7], [-6], [-0.5]]]])],
        run: (K, x) => K.pool2d(x, [2, 2], { padding: 'same', strides: [2, 2] }),
        expected: (x) => pool(x, [2, 2], 'max', { padding: 'same', strides: [2, 2] }),
        grad: true,
      },
      {
        // a window holding +Infinity and -Infinity averages to NaN (their sum); tfjs-wasm's
        // AvgPool gave -Infinity (its output clamp). Windows of [Inf, -Inf, 1]: NaN, -Inf
        name: 'average pooling of +Infinity with -Infinity is NaN, by hand',
        inputs: [fl([[[[Infinity], [-Infinity], [1]]]])],
        run: (K, x) => K.pool2d(x, [1, 2], { strides: [1, 1], poolMode: 'avg' }),
        expected: () => [[[[NaN], [-Infinity]]]],
      },
      {
        name: 'default options: max, strides 1, valid',
        inputs: [fl(distinct([1, 3, 3, 1], 'pool:default'))],
        run: (K, x) => K.pool2d(x, [2, 2]),
        expected: (x) => pool(x, [2, 2], 'max', {}),
      },
      {
        name: 'static shape',
        modes: ['eager'],
        run: (K) => K.intShape(K.pool2d(K.placeholder({ shape: [null, 2, 7, 6] }), [3, 3], { strides: [2, 2], padding: 'same', dataFormat: 'channels_first' })),
        expected: () => [null, 2, 4, 3],
      },
    ],
    errorCases: poolErrors('pool2d'),
  }),
  defineSpec({
    kerasName: 'pool3d',
    cases: [
      poolCase(3, [1, 4, 4, 4, 2], [2, 2, 2], 'max', { strides: [2, 2, 2] }),
      poolCase(3, [2, 3, 4, 3, 1], [2, 2, 2], 'avg', { padding: 'same', strides: [2, 2, 2], dataFormat: 'channels_first' }),
      poolCase(3, [1, 3, 3, 3, 2], [3, 2, 2], 'max', { padding: 'same' }),
      poolCase(3, [1, 4, 3, 3, 1], [2, 2, 2], 'avg', {}),
      // per-axis strides below, at and above the window, asymmetric 'same' padding (tfjs
      // pools (h, w) then depth: the windows overlap on some axes and not others)
      poolCase(3, [1, 5, 4, 5, 2], [3, 2, 3], 'max', { padding: 'same', strides: [2, 1, 2] }),
      poolCase(3, [2, 4, 5, 3, 1], [2, 3, 2], 'avg', { padding: 'same', strides: [1, 2, 3], dataFormat: 'channels_first' }),
      poolCase(3, [1, 3, 4, 4, 2], [1, 3, 3], 'max', { padding: 'same' }),
      poolCase(3, [1, 5, 3, 4, 1], [3, 1, 2], 'avg', { strides: [1, 1, 2] }),
      {
        // one 2x2x2 window of values <= 0 (tfjs-wasm's MaxPool3D gave 1.18e-38 for it, its
        // gradient went to the first cell); the maximum -2 is at (d, h, w) = (0, 1, 0),
        // (1, 0, 0) and (1, 1, 1): the gradient goes to the first in row-major order, (0, 1, 0)
        name: 'max pooling 3-D of values <= 0, ties across depth: to the first maximum in row-major order, by hand',
        inputs: [fl([[[[[-5], [-4]], [[-2], [-3]]], [[[-2], [-6]], [[-7], [-2]]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool3d(x, [2, 2, 2]);
          return [y, K.gradients(K.sum(y), [x])[0] as KTensor];
        },
        expected: () => [[[[[[-2]]]]], [[[[[0], [0]], [[1], [0]]], [[[0], [0]], [[0], [0]]]]]],
      },
      {
        // depth 3, 2x2x2 windows, stride 1: both windows' maximum -2 is first at (1, 0, 1)
        // (depth 0 is below -2, depth 2 is -9), so that cell gets both gradients: 2
        name: 'max pooling 3-D gradient of windows overlapping along depth, by hand',
        inputs: [fl([[[[[-5], [-4]], [[-3], [-3]]], [[[-6], [-2]], [[-7], [-2]]], [[[-9], [-9]], [[-9], [-9]]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool3d(x, [2, 2, 2], { strides: [1, 1, 1] });
          return [y, K.gradients(K.sum(y), [x])[0] as KTensor];
        },
        expected: () => [[[[[[-2]]], [[[-2]]]]], [[[[[0], [0]], [[0], [0]]], [[[0], [2]], [[0], [0]]], [[[0], [0]], [[0], [0]]]]]],
      },
      {
        // a NaN beats every number (tfjs-wasm's MaxPool3D skipped it): the window's value is
        // NaN and its gradient goes to its first NaN, (1, 0, 0), not the later (1, 1, 0)
        name: 'max pooling 3-D with NaNs in the second depth slice, by hand',
        inputs: [fl([[[[[1], [5]], [[3], [2]]], [[[NaN], [9]], [[NaN], [4]]]]], { kind: 'lazy' })],
        run: (K, x) => {
          const y = K.pool3d(x, [2, 2, 2]);
          return [y, K.gradients(K.sum(y), [x])[0] as KTensor];
        },
        expected: () => [[[[[[NaN]]]]], [[[[[0], [0]], [[0], [0]]], [[[1], [0]], [[0], [0]]]]]],
      },
      {
        // windows 2x1x1 over depth 2: (Inf, -Inf) averages to NaN, (1, 3) to 2
        name: 'average pooling 3-D of +Infinity with -Infinity across depth is NaN, by hand',
        inputs: [fl([[[[[Infinity], [1]]], [[[-Infinity], [3]]]]])],
        run: (K, x) => K.pool3d(x, [2, 1, 1], { poolMode: 'avg' }),
        expected: () => [[[[[NaN], [2]]]]],
      },
      {
        // as pool2d's case: window 1 = [pad, -Inf, -Inf] along the last axis sends its gradient to
        // its first real cell; windows 2 and 3 to the 5: by hand [1, 0, 2]
        name: 'max pooling gradient of -Infinity next to leading same padding: to the first real cell, by hand',
        inputs: [fl([[[[[-Infinity], [-Infinity], [5]]]]], { kind: 'lazy' })],
        run: (K, x) => K.gradients(K.sum(K.pool3d(x, [1, 1, 3], { strides: [1, 1, 1], padding: 'same' })), [x])[0] as KTensor,
        expected: () => [[[[[1], [0], [2]]]]],
      },
    ],
    errorCases: poolErrors('pool3d'),
  }),
  defineSpec({
    kerasName: 'local_conv1d',
    cases: [
      localCase(1, [2, 6, 2], [3], [1], 3, 'channels_last'),
      localCase(1, [2, 7, 2], [3], [2], 2, 'channels_last'),
      localCase(1, [2, 6, 3], [2], [2], 2, 'channels_first'),
      {
        name: 'the output length comes from the kernel (trailing steps unused)',
        inputs: [fl(distinct([2, 7, 2], 'local1:short:x')), fl(distinct([2, 4, 2], 'local1:short:k'), { kind: 'constant' })],
        run: (K, x, k) => K.localConv1d(x, k, [2], [2]),
        expected: (x, k) => localConv(x, k, [2], [2], [2]),
      },
    ],
    errorCases: LOCAL1D_ERRORS,
  }),
  defineSpec({
    kerasName: 'local_conv2d',
    cases: [
      localCase(2, [2, 4, 5, 2], [2, 2], [1, 2], 3, 'channels_last'),
      localCase(2, [2, 4, 4, 2], [3, 2], [1, 2], 2, 'channels_first'),
      localCase(2, [1, 5, 5, 1], [3, 3], [2, 2], 2, 'channels_last'),
    ],
    errorCases: LOCAL2D_ERRORS,
  }),
];

/* ------------------------------------------------------------------------ */
/* Pinned by hand                                                           */
/* ------------------------------------------------------------------------ */

/**
 * Cases whose expected values were worked out by hand from TensorFlow's
 * definitions (the working is next to each), not by the oracle: 'same' puts
 * floor(total / 2) cells before, the rest after, total = max((O - 1) s + eff - L, 0),
 * O = ceil(L / s), eff = (k - 1) d + 1.
 */
const X4 = [[[1], [2], [3], [4]]];
const X5 = [[[1], [2], [3], [4], [5]]];
const K2 = [[[1]], [[10]]];
const X33 = [[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]];
/** 1..8 in a 2x2x2 cube (value 4i + 2j + k + 1). */
const CUBE = [[[[[1], [2]], [[3], [4]]], [[[5], [6]], [[7], [8]]]]];
/** One row of 3, channels c0 = [1, 2, 3], c1 = [10, 20, 30]; a 1x2 depthwise kernel c0 [1, 2], c1 [3, 4]. */
const ROW2C = [[[[1, 10], [2, 20], [3, 30]]]];
const DW12 = [[[[1], [3]], [[2], [4]]]];

function byHand(name: string, inputs: Nested[], run: (K: KApi, ...xs: KTensor[]) => KTensor | KTensor[], expected: Nested | Nested[]): ValueCase {
  // x fed through a placeholder in graph mode, the kernels constants (the windowed ops need their shapes)
  return { name: `by hand: ${name}`, inputs: inputs.map((v, i) => (i === 0 ? fl(v) : fl(v, { kind: 'constant' }))), run, expected: () => expected };
}

const BY_HAND: Record<string, ValueCase[]> = {
  conv1d: [
    // total 3 + 2 - 4 = 1, after: out[o] = x[o] + 10 x[o + 1]
    byHand("'same', odd total padding", [X4, K2], (K, x, k) => K.conv1d(x, k, { padding: 'same' }), [[[21], [32], [43], [4]]]),
    // valid: O = 2, [x0 + 10 x1, x2 + 10 x3]; same: O = 3, total 1, after: [.., .., x4]
    byHand('strides 2 over 5, valid and same', [X5, K2], (K, x, k) => [K.conv1d(x, k, { strides: 2 }), K.conv1d(x, k, { strides: 2, padding: 'same' })], [[[[21], [43]]], [[[21], [43], [5]]]]),
    // eff 3: valid x[o] + 10 x[o + 2]; same: total 2, one before: x[o - 1] + 10 x[o + 1]
    byHand('dilation 2, valid and same', [X5, K2], (K, x, k) => [K.conv1d(x, k, { dilationRate: 2 }), K.conv1d(x, k, { dilationRate: 2, padding: 'same' })], [[[[31], [42], [53]]], [[[20], [31], [42], [53], [4]]]]),
  ],
  conv2d: [
    // total 1 per axis, after: each output sums x[i..i+1, j..j+1] (zeros beyond)
    byHand("'same' 2x2 ones over 3x3", [X33, [[[[1]], [[1]]], [[[1]], [[1]]]]], (K, x, k) => K.conv2d(x, k, { padding: 'same' }), [[[[12], [16], [9]], [[24], [28], [15]], [[15], [17], [9]]]]),
    // channels_first, 1x1 kernel [1, 100]: c0 + 100 c1
    byHand('channels_first, a 1x1 kernel', [[[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]], [[[[1], [100]]]]], (K, x, k) => K.conv2d(x, k, { dataFormat: 'channels_first' }), [[[[501, 602], [703, 804]]]]),
  ],
  conv3d: [
    // valid 2x2x2 ones: the sum 36; 'same': out[i, j, k] sums the cells at or after (i, j, k)
    byHand("a 2x2x2 kernel of ones, valid and 'same'", [CUBE, [[[[[1]], [[1]]], [[[1]], [[1]]]], [[[[1]], [[1]]], [[[1]], [[1]]]]]], (K, x, k) => [K.conv3d(x, k), K.conv3d(x, k, { padding: 'same' })], [
      [[[[[36]]]]],
      [[[[[36], [20]], [[22], [12]]], [[[26], [14]], [[15], [8]]]]],
    ]),
  ],
  pool2d: [
    // windows {0,1}x{0,1}, {0,1}x{2}, {2}x{0,1}, {2}x{2}: max, and the mean of the real cells
    byHand("'same' 2x2 windows, strides 2 over 3x3, max and avg", [X33], (K, x) => [K.pool2d(x, [2, 2], { strides: [2, 2], padding: 'same' }), K.pool2d(x, [2, 2], { strides: [2, 2], padding: 'same', poolMode: 'avg' })], [
      [[[[5], [6]], [[8], [9]]]],
      [[[[3], [4.5]], [[7.5], [9]]]],
    ]),
  ],
  pool3d: [byHand('one 2x2x2 window over 1..8, max and avg', [CUBE], (K, x) => [K.pool3d(x, [2, 2, 2]), K.pool3d(x, [2, 2, 2], { poolMode: 'avg' })], [[[[[[8]]]]], [[[[[4.5]]]]]])],
  conv2d_transpose: [
    // out[i s + k - before] += x[i] w[k]: x = [1, 2], w = [1, 10, 100], stride 2; valid: [1, 10, 102, 20, 200];
    // 'same' to 4: the forward conv pads 1 cell after, none before: [1, 10, 102, 20]
    byHand("one row, stride 2, valid and 'same'", [[[[[1], [2]]]], [[[[1]], [[10]], [[100]]]]], (K, x, k) => [K.conv2dTranspose(x, k, [1, 1, 5, 1], { strides: [1, 2] }), K.conv2dTranspose(x, k, [1, 1, 4, 1], { strides: [1, 2], padding: 'same' })], [
      [[[[1], [10], [102], [20], [200]]]],
      [[[[1], [10], [102], [20]]]],
    ]),
    // dilation 2, x = [1, 2], w = [1, 10]: out[i + 2 k - before] += x[i] w[k]; valid (span 3): [1, 2, 10, 20];
    // 'same' to 2: the forward conv pads 1 cell before and 1 after: [2, 10]
    byHand("one row, dilation 2, valid and 'same'", [[[[[1], [2]]]], [[[[1]], [[10]]]]], (K, x, k) => [K.conv2dTranspose(x, k, [1, 1, 4, 1], { dilationRate: [1, 2] }), K.conv2dTranspose(x, k, [1, 1, 2, 1], { dilationRate: 2, padding: 'same' })], [
      [[[[1], [2], [10], [20]]]],
      [[[[2], [10]]]],
    ]),
  ],
  conv3d_transpose: [
    byHand("one line, stride 2, valid and 'same'", [[[[[[1], [2]]]]], [[[[[1]], [[10]], [[100]]]]]], (K, x, k) => [K.conv3dTranspose(x, k, [1, 1, 1, 5, 1], { strides: [1, 1, 2] }), K.conv3dTranspose(x, k, [1, 1, 1, 4, 1], { strides: [1, 1, 2], padding: 'same' })], [
      [[[[[1], [10], [102], [20], [200]]]]],
      [[[[[1], [10], [102], [20]]]]],
    ]),
  ],
  depthwise_conv2d: [
    // c0: [1 + 4, 2 + 6] = [5, 8]; c1: [30 + 80, 60 + 120] = [110, 180]
    byHand('one filter per channel', [ROW2C, DW12], (K, x, k) => K.depthwiseConv2d(x, k), [[[[5, 110], [8, 180]]]]),
  ],
  separable_conv2d: [
    // the depthwise result, then c0 + c1 / 2: [5 + 55, 8 + 90]
    byHand('depthwise then a 1x1 mix', [ROW2C, DW12, [[[[1], [0.5]]]]], (K, x, d, p) => K.separableConv2d(x, d, p), [[[[60], [98]]]]),
  ],
  separable_conv1d: [
    // as separable_conv2d on one row; 'same': total 1, after: the last window reads [3, 30] and zeros: 3 + 90 / 2 = 48
    byHand("depthwise then a 1x1 mix, valid and 'same'", [ROW2C[0], DW12[0], [[[1], [0.5]]]], (K, x, d, p) => [K.separableConv1d(x, d, p), K.separableConv1d(x, d, p, { padding: 'same' })], [
      [[[60], [98]]],
      [[[60], [98], [48]]],
    ]),
  ],
  local_conv1d: [
    // windows [1, 2] and [3, 4] with their own kernels [1, 10] and [100, 1000]
    byHand('one kernel per output position', [X4, [[[1], [10]], [[100], [1000]]]], (K, x, k) => K.localConv1d(x, k, 2, 2), [[[21], [4300]]]),
  ],
  local_conv2d: [
    // one 1x2 window over c0 = [1, 2], c1 = [3, 4]; kernel [1, 10, 100, 1000];
    // channels_first flattens (c, k): 1, 2, 3, 4 -> 4321; channels_last (k, c): 1, 3, 2, 4 -> 4231
    byHand('channels_first flattens (c, k)', [[[[[1, 2]], [[3, 4]]]], [[[1], [10], [100], [1000]]]], (K, x, k) => K.localConv2d(x, k, [1, 2], [1, 1], [1, 1], 'channels_first'), [[[[4321]]]]),
    byHand('channels_last flattens (k, c)', [[[[[1, 3], [2, 4]]]], [[[1], [10], [100], [1000]]]], (K, x, k) => K.localConv2d(x, k, [1, 2], [1, 1], [1, 1], 'channels_last'), [[[[4231]]]]),
  ],
};


export const CONV_SPECS: FunctionSpec[] = SPECS.map((s) => (BY_HAND[s.kerasName] ? { ...s, cases: [...s.cases, ...BY_HAND[s.kerasName]] } : s));
