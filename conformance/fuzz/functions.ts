/**
 * The functions the differential fuzzer draws from, each with how its inputs and
 * parameters are drawn: the elementwise, reduction and operator functions with generic
 * shapes (size-0 and size-1 dims, broadcasting pairs), and the rest of the catalogue
 * where a random call is meaningful (convolution, pooling, shape functions, losses,
 * normalisation, ...) with shapes that fit them. Index inputs (gather, one_hot, sparse
 * targets) are int32 in their valid range, now and then one past either end (an error
 * that must be the same on every backend).
 */
import * as fc from 'fast-check';
import type { K as KNamespace, KTensor } from '../../src/index';

/** The public API namespace. */
export type KApi = typeof KNamespace;

/** The dtypes fuzzed inputs take. */
export type FuzzDType = 'float32' | 'int32';

/** A drawn parameter value (plain data: cases print and replay as JSON). */
export type Param = number | string | boolean | readonly number[] | readonly (readonly number[])[];

/** A function's drawn parameters. */
export type Params = Readonly<Record<string, Param>>;

/** One input as drawn. */
export interface InputSpec {
  readonly shape: readonly number[];
  readonly dtype: FuzzDType;
  /** Per dim, whether graph mode may leave it unknown (a placeholder's null). */
  readonly free: readonly boolean[];
  /** Integer inputs holding indices: their valid range [min, max]. */
  readonly range?: readonly [number, number];
}

/** What is drawn for one case before the values: the inputs and the parameters. */
export interface Drawn {
  readonly inputs: readonly InputSpec[];
  readonly params: Params;
}

/** One function under test. */
export interface FuzzFn {
  readonly name: string;
  /** Differentiable: the gradient with respect to its float inputs is compared too. */
  readonly grad: boolean;
  readonly draw: fc.Arbitrary<Drawn>;
  readonly call: (K: KApi, xs: KTensor[], p: Params) => KTensor;
}

/* ------------------------------------------------------------------------ */
/* Drawing shapes                                                           */
/* ------------------------------------------------------------------------ */

const anyDim = fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 }));
const posDim = (max = 4): fc.Arbitrary<number> => fc.integer({ min: 1, max });
const shapeOf = (dim: fc.Arbitrary<number>, minRank: number, maxRank: number): fc.Arbitrary<number[]> =>
  fc.array(dim, { minLength: minRank, maxLength: maxRank });

const float = (shape: readonly number[], free: readonly boolean[] = shape.map(() => true)): InputSpec => ({ shape, dtype: 'float32', free });
const batchOnly = (shape: readonly number[]): boolean[] => shape.map((_, i) => i === 0);
const indices = (shape: readonly number[], n: number): InputSpec => ({ shape, dtype: 'int32', free: shape.map(() => true), range: [0, n - 1] });

/** An axis of a rank-`r` tensor, negative half of the time. */
const axisOf = (r: number, pick: number): number => (r === 0 ? 0 : (pick % r) - (Math.floor(pick / r) % 2 === 0 ? 0 : r));

/** A unary function on generic shapes (rank 0-3), float32 (and int32 when `ints`). */
function unary(name: string, f: (K: KApi, x: KTensor) => KTensor, grad = true, ints = false): FuzzFn {
  return {
    name,
    grad,
    draw: fc.record({ shape: shapeOf(anyDim, 0, 3), int: fc.boolean() }).map(({ shape, int }) => ({
      inputs: [{ shape, dtype: ints && int ? 'int32' : 'float32', free: shape.map(() => true) }],
      params: {},
    })),
    call: (K, [x]) => f(K, x),
  };
}

/** A binary function on broadcasting pairs (either may have fewer dims or dims of 1). */
function binary(name: string, f: (K: KApi, x: KTensor, y: KTensor) => KTensor, ints = true, grad = true): FuzzFn {
  return {
    name,
    grad,
    draw: fc
      .record({
        shape: shapeOf(anyDim, 0, 3),
        drop: fc.nat({ max: 3 }),
        ones: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        swap: fc.boolean(),
        int: fc.boolean(),
      })
      .map(({ shape, drop, ones, swap, int }) => {
        const other = shape.slice(Math.min(drop, shape.length)).map((d, i) => (ones[i] ? 1 : d));
        const dtype: FuzzDType = ints && int ? 'int32' : 'float32';
        const pair = [shape, other].map((s) => ({ shape: s, dtype, free: s.map(() => true) }));
        return { inputs: swap ? pair.reverse() : pair, params: {} };
      }),
    call: (K, [x, y]) => f(K, x, y),
  };
}

/** A function of one tensor and an axis (rank >= 1), float32 (and int32 when `ints`). */
function reduction(name: string, f: (K: KApi, x: KTensor, axis: number) => KTensor, grad = true, ints = true): FuzzFn {
  return {
    name,
    grad,
    draw: fc.record({ shape: shapeOf(anyDim, 1, 3), pick: fc.nat(), int: fc.boolean() }).map(({ shape, pick, int }) => ({
      inputs: [{ shape, dtype: ints && int ? 'int32' : 'float32', free: shape.map(() => true) }],
      params: { axis: axisOf(shape.length, pick) },
    })),
    call: (K, [x], p) => f(K, x, p.axis as number),
  };
}

const num = (p: Params, k: string): number => p[k] as number;
/** A string parameter, typed as whatever literal union the call expects (the draw made it one of those). */
const str = (p: Params, k: string): never => p[k] as never;
const nums = (p: Params, k: string): number[] => [...(p[k] as readonly number[])];

const dataFormat = fc.constantFrom<'channels_last' | 'channels_first'>('channels_last', 'channels_first');
/** [batch, ...spatial, channels] or [batch, channels, ...spatial]. */
const image = (format: string, batch: number, spatial: readonly number[], channels: number): number[] =>
  format === 'channels_last' ? [batch, ...spatial, channels] : [batch, channels, ...spatial];

/* ------------------------------------------------------------------------ */
/* Convolution and pooling                                                  */
/* ------------------------------------------------------------------------ */

const windowParams = {
  batch: posDim(2),
  channels: posDim(3),
  out: posDim(3),
  stride: fc.integer({ min: 1, max: 2 }),
  dilation: fc.integer({ min: 1, max: 2 }),
  padding: fc.constantFrom('valid', 'same'),
  format: dataFormat,
};

const conv1d: FuzzFn = {
  name: 'conv1d',
  grad: true,
  draw: fc
    .record({ ...windowParams, steps: posDim(6), k: posDim(3), padding: fc.constantFrom('valid', 'same', 'causal') })
    .map((r) => {
      const format = r.padding === 'causal' ? 'channels_last' : r.format; // causal is channels_last only
      const x = image(format, r.batch, [r.steps], r.channels);
      return {
        inputs: [float(x, batchOnly(x)), float([r.k, r.channels, r.out], [false, false, false])],
        params: { strides: r.dilation > 1 ? 1 : r.stride, padding: r.padding, dilationRate: r.dilation, dataFormat: format },
      };
    }),
  call: (K, [x, w], p) =>
    K.conv1d(x, w, { strides: num(p, 'strides'), padding: str(p, 'padding'), dilationRate: num(p, 'dilationRate'), dataFormat: str(p, 'dataFormat') }),
};

const conv2dLike = (name: 'conv2d' | 'depthwise_conv2d'): FuzzFn => ({
  name,
  grad: true,
  draw: fc.record({ ...windowParams, h: posDim(5), w: posDim(5), kh: posDim(3), kw: posDim(3) }).map((r) => {
    const x = image(r.format, r.batch, [r.h, r.w], r.channels);
    return {
      inputs: [float(x, batchOnly(x)), float([r.kh, r.kw, r.channels, r.out], [false, false, false, false])],
      params: { strides: r.dilation > 1 ? 1 : r.stride, padding: r.padding, dilationRate: r.dilation, dataFormat: r.format },
    };
  }),
  call: (K, [x, w], p) => {
    const options = { strides: num(p, 'strides'), padding: str(p, 'padding'), dilationRate: num(p, 'dilationRate'), dataFormat: str(p, 'dataFormat') };
    return name === 'conv2d' ? K.conv2d(x, w, options) : K.depthwiseConv2d(x, w, options);
  },
});

const pool2d: FuzzFn = {
  name: 'pool2d',
  grad: true,
  draw: fc
    .record({ ...windowParams, h: posDim(5), w: posDim(5), ph: posDim(3), pw: posDim(3), sh: posDim(2), sw: posDim(2), mode: fc.constantFrom('max', 'avg') })
    .map((r) => {
      const x = image(r.format, r.batch, [r.h, r.w], r.channels);
      return { inputs: [float(x, batchOnly(x))], params: { poolSize: [r.ph, r.pw], strides: [r.sh, r.sw], padding: r.padding, poolMode: r.mode, dataFormat: r.format } };
    }),
  call: (K, [x], p) =>
    K.pool2d(x, nums(p, 'poolSize'), { strides: nums(p, 'strides'), padding: str(p, 'padding'), poolMode: str(p, 'poolMode'), dataFormat: str(p, 'dataFormat') }),
};

/* ------------------------------------------------------------------------ */
/* Shape functions                                                          */
/* ------------------------------------------------------------------------ */

const reshape: FuzzFn = {
  name: 'reshape',
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(), 1, 3), pick: fc.nat({ max: 4 }) }).map(({ shape, pick }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const targets = [[-1], [n], [1, -1], [-1, 1], [shape[0], -1]];
    return { inputs: [float(shape)], params: { shape: targets[pick] } };
  }),
  call: (K, [x], p) => K.reshape(x, nums(p, 'shape')),
};

const permuteDimensions: FuzzFn = {
  name: 'permute_dimensions',
  grad: true,
  draw: shapeOf(anyDim, 1, 4).chain((shape) =>
    fc.shuffledSubarray([...shape.keys()], { minLength: shape.length, maxLength: shape.length }).map((pattern) => ({ inputs: [float(shape)], params: { pattern } })),
  ),
  call: (K, [x], p) => K.permuteDimensions(x, nums(p, 'pattern')),
};

/** Two inputs of one shape but along `axis` (concatenate), or of one shape (stack). */
const joining = (name: 'concatenate' | 'stack'): FuzzFn => ({
  name,
  grad: true,
  draw: fc.record({ shape: shapeOf(anyDim, 1, 3), other: fc.integer({ min: 0, max: 3 }), pick: fc.nat(), int: fc.boolean() }).map(({ shape, other, pick, int }) => {
    const r = shape.length;
    const axis = name === 'stack' ? (pick % (2 * r + 2)) - r - 1 : axisOf(r, pick);
    const second = name === 'stack' ? shape : shape.map((d, i) => (i === (axis + r) % r ? other : d));
    const dtype: FuzzDType = int ? 'int32' : 'float32';
    return { inputs: [shape, second].map((s) => ({ shape: s, dtype, free: s.map(() => true) })), params: { axis } };
  }),
  call: (K, xs, p) => (name === 'concatenate' ? K.concatenate(xs, num(p, 'axis')) : K.stack(xs, num(p, 'axis'))),
});

const tile: FuzzFn = {
  name: 'tile',
  grad: true,
  draw: shapeOf(anyDim, 1, 3).chain((shape) =>
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: shape.length, maxLength: shape.length }).map((n) => ({ inputs: [float(shape)], params: { n } })),
  ),
  call: (K, [x], p) => K.tile(x, nums(p, 'n')),
};

const repeatElements: FuzzFn = {
  name: 'repeat_elements',
  grad: true,
  draw: fc.record({ shape: shapeOf(anyDim, 1, 3), rep: fc.integer({ min: 1, max: 3 }), pick: fc.nat() }).map(({ shape, rep, pick }) => ({
    inputs: [float(shape)],
    params: { rep, axis: axisOf(shape.length, pick) },
  })),
  call: (K, [x], p) => K.repeatElements(x, num(p, 'rep'), num(p, 'axis')),
};

const expandDims: FuzzFn = {
  name: 'expand_dims',
  grad: true,
  draw: fc.record({ shape: shapeOf(anyDim, 0, 3), pick: fc.nat() }).map(({ shape, pick }) => ({
    inputs: [float(shape)],
    params: { axis: (pick % (2 * shape.length + 2)) - shape.length - 1 },
  })),
  call: (K, [x], p) => K.expandDims(x, num(p, 'axis')),
};

const squeeze: FuzzFn = {
  name: 'squeeze',
  grad: true,
  draw: fc.record({ shape: shapeOf(anyDim, 1, 3), pick: fc.nat() }).map(({ shape, pick }) => {
    const axis = axisOf(shape.length, pick);
    const s = shape.map((d, i) => (i === (axis + shape.length) % shape.length ? 1 : d));
    // the squeezed dim is known (1) in graph mode; the others may be unknown
    return { inputs: [float(s, s.map((_, i) => i !== (axis + s.length) % s.length))], params: { axis } };
  }),
  call: (K, [x], p) => K.squeeze(x, num(p, 'axis')),
};

const batchFlatten: FuzzFn = {
  name: 'batch_flatten',
  grad: true,
  // documented: batchFlatten refuses a batch dim and another dim both unknown at build time
  draw: shapeOf(anyDim, 2, 4).map((shape) => ({ inputs: [float(shape, batchOnly(shape))], params: {} })),
  call: (K, [x]) => K.batchFlatten(x),
};

const slice: FuzzFn = {
  name: 'slice',
  grad: true,
  draw: shapeOf(posDim(), 1, 3).chain((shape) =>
    fc.tuple(...shape.map((d) => fc.integer({ min: 0, max: d - 1 }).chain((b) => fc.integer({ min: -1, max: d - b }).map((n) => [b, n] as const)))).map((bs) => ({
      inputs: [float(shape)],
      params: { start: bs.map(([b]) => b), size: bs.map(([, n]) => n) },
    })),
  ),
  call: (K, [x], p) => K.slice(x, nums(p, 'start'), nums(p, 'size')),
};

const gather: FuzzFn = {
  name: 'gather',
  grad: true,
  draw: fc.record({ n: posDim(4), rest: shapeOf(anyDim, 0, 2), idx: shapeOf(anyDim, 0, 2) }).map(({ n, rest, idx }) => ({
    inputs: [float([n, ...rest]), indices(idx, n)],
    params: {},
  })),
  call: (K, [x, i]) => K.gather(x, i),
};

const oneHot: FuzzFn = {
  name: 'one_hot',
  grad: false,
  draw: fc.record({ classes: posDim(4), idx: shapeOf(anyDim, 1, 2) }).map(({ classes, idx }) => ({ inputs: [indices(idx, classes)], params: { classes } })),
  call: (K, [i], p) => K.oneHot(i, num(p, 'classes')),
};

const reverse: FuzzFn = {
  name: 'reverse',
  grad: true,
  draw: shapeOf(anyDim, 1, 3).chain((shape) => fc.subarray([...shape.keys()]).map((axes) => ({ inputs: [float(shape)], params: { axes } }))),
  call: (K, [x], p) => K.reverse(x, nums(p, 'axes')),
};

const pads = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));

const spatial2dPadding: FuzzFn = {
  name: 'spatial_2d_padding',
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(3), 4, 4), a: pads, b: pads, format: dataFormat }).map(({ shape, a, b, format }) => ({
    inputs: [float(shape)],
    params: { padding: [a, b], dataFormat: format },
  })),
  call: (K, [x], p) => K.spatial2dPadding(x, p.padding as [[number, number], [number, number]], str(p, 'dataFormat')),
};

const temporalPadding: FuzzFn = {
  name: 'temporal_padding',
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(3), 3, 3), a: pads }).map(({ shape, a }) => ({ inputs: [float(shape)], params: { padding: a } })),
  call: (K, [x], p) => K.temporalPadding(x, p.padding as [number, number]),
};

const resizeImages: FuzzFn = {
  name: 'resize_images',
  grad: true,
  draw: fc
    .record({ shape: shapeOf(posDim(3), 4, 4), fh: posDim(2), fw: posDim(3), format: dataFormat, interpolation: fc.constantFrom('nearest', 'bilinear') })
    .map(({ shape, fh, fw, format, interpolation }) => ({
      // the spatial dims are known: the output size is computed from them
      inputs: [float(shape, batchOnly(shape))],
      params: { fh, fw, dataFormat: format, interpolation },
    })),
  call: (K, [x], p) => K.resizeImages(x, num(p, 'fh'), num(p, 'fw'), str(p, 'dataFormat'), str(p, 'interpolation')),
};

/* ------------------------------------------------------------------------ */
/* Math, nn and losses                                                      */
/* ------------------------------------------------------------------------ */

const biasAdd: FuzzFn = {
  name: 'bias_add',
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(3), 2, 4), format: dataFormat }).map(({ shape, format }) => {
    const channels = format === 'channels_first' && shape.length > 2 ? shape[1] : shape[shape.length - 1];
    const free = shape.map((_, i) => i === 0);
    return { inputs: [float(shape, free), float([channels], [false])], params: { dataFormat: format } };
  }),
  call: (K, [x, b], p) => K.biasAdd(x, b, str(p, 'dataFormat')),
};

/**
 * Per-channel statistics along a drawn axis (the batchNorm composite), beta and gamma now
 * and then null (an unknown batch dim may be the channel axis), epsilon now and then 0
 * (a variance of -0 plus a constant 0: an Add ORT's optimiser used to drop as a no-op,
 * see `addOrSub` in src/backends/onnx/lower.ts).
 */
const batchNormalization: FuzzFn = {
  name: 'batch_normalization',
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(3), 1, 4), pick: fc.nat(7), beta: fc.boolean(), gamma: fc.boolean(), epsilon: fc.constantFrom(0, 0.001, 0.1) }).map(({ shape, pick, beta, gamma, epsilon }) => {
    const axis = axisOf(shape.length, pick);
    const c = shape[axis < 0 ? axis + shape.length : axis];
    const param = float([c], [false]);
    return {
      inputs: [float(shape, batchOnly(shape)), param, param, ...(beta ? [param] : []), ...(gamma ? [param] : [])],
      params: { axis, epsilon, beta, gamma },
    };
  }),
  call: (K, [x, m, v, ...rest], p) => {
    const beta = p.beta === true ? rest[0] : null;
    const gamma = p.gamma === true ? rest[p.beta === true ? 1 : 0] : null;
    return K.batchNormalization(x, m, v, beta, gamma, { axis: p.axis as number, epsilon: p.epsilon as number });
  },
};

const crossentropy = (name: 'categorical_crossentropy' | 'binary_crossentropy'): FuzzFn => ({
  name,
  grad: true,
  draw: fc.record({ shape: shapeOf(posDim(4), 1, 3), logits: fc.boolean() }).map(({ shape, logits }) => ({
    // the class axis is known; the batch dims may not be
    inputs: [float(shape, shape.map((_, i) => i < shape.length - 1)), float(shape, shape.map((_, i) => i < shape.length - 1))],
    params: { fromLogits: logits },
  })),
  call: (K, [t, o], p) => (name === 'categorical_crossentropy' ? K.categoricalCrossentropy(t, o, p.fromLogits as boolean) : K.binaryCrossentropy(t, o, p.fromLogits as boolean)),
});

const sparseCategoricalCrossentropy: FuzzFn = {
  name: 'sparse_categorical_crossentropy',
  grad: true,
  draw: fc.record({ batch: shapeOf(posDim(3), 1, 2), classes: posDim(4), logits: fc.boolean() }).map(({ batch, classes, logits }) => ({
    inputs: [indices(batch, classes), float([...batch, classes], [...batch.map(() => true), false])],
    params: { fromLogits: logits },
  })),
  call: (K, [t, o], p) => K.sparseCategoricalCrossentropy(t, o, p.fromLogits as boolean),
};

const dot: FuzzFn = {
  name: 'dot',
  grad: true,
  draw: fc.record({ lead: shapeOf(posDim(3), 0, 1), m: posDim(3), k: anyDim, n: posDim(3) }).map(({ lead, m, k, n }) => ({
    // documented: an N-D dot needs every dim of y known at build time
    inputs: [float([...lead, m, k]), lead.length > 0 ? float([k, n], [false, false]) : float([k, n])],
    params: {},
  })),
  call: (K, [x, y]) => K.dot(x, y),
};

const batchDot: FuzzFn = {
  name: 'batch_dot',
  grad: true,
  draw: fc.record({ b: posDim(3), m: posDim(3), k: posDim(3), n: posDim(3) }).map(({ b, m, k, n }) => ({
    inputs: [float([b, m, k], [true, false, false]), float([b, k, n], [true, false, false])],
    params: {},
  })),
  call: (K, [x, y]) => K.batchDot(x, y),
};

const withParam = (name: string, values: readonly Param[], f: (K: KApi, x: KTensor, v: Param) => KTensor, grad = true): FuzzFn => ({
  name,
  grad,
  draw: fc.record({ shape: shapeOf(anyDim, 0, 3), v: fc.constantFrom(...values) }).map(({ shape, v }) => ({ inputs: [float(shape)], params: { v } })),
  call: (K, [x], p) => f(K, x, p.v),
});

/** The functions drawn from. */
export const FUZZ_FUNCTIONS: readonly FuzzFn[] = [
  unary('abs', (K, x) => K.abs(x), true, true),
  unary('negative', (K, x) => K.negative(x), true, true),
  unary('square', (K, x) => K.square(x), true, true),
  unary('sign', (K, x) => K.sign(x), false, true),
  unary('exp', (K, x) => K.exp(x)),
  unary('log', (K, x) => K.log(x)),
  unary('sqrt', (K, x) => K.sqrt(x)),
  unary('tanh', (K, x) => K.tanh(x)),
  unary('sigmoid', (K, x) => K.sigmoid(x)),
  unary('relu', (K, x) => K.relu(x)),
  unary('sin', (K, x) => K.sin(x)),
  unary('cos', (K, x) => K.cos(x)),
  unary('round', (K, x) => K.round(x), false),
  unary('cast_int32', (K, x) => K.cast(x, 'int32'), false),
  unary('softplus', (K, x) => K.softplus(x)),
  unary('softsign', (K, x) => K.softsign(x)),
  unary('hard_sigmoid', (K, x) => K.hardSigmoid(x)),
  unary('transpose', (K, x) => K.transpose(x), true, true),
  unary('flatten', (K, x) => K.flatten(x), true, true),
  withParam('elu', [0.5, 1, 2], (K, x, a) => K.elu(x, a as number)),
  withParam('relu_alpha_max', [[0.1, 6], [0, 1], [0.2, 0.5]], (K, x, v) => K.relu(x, (v as number[])[0], (v as number[])[1])),
  withParam('clip', [[-1, 1], [0, 0], [0.5, 2]], (K, x, v) => K.clip(x, (v as number[])[0], (v as number[])[1])),
  withParam('pow', [2, 3, 0.5, -1], (K, x, a) => K.pow(x, a as number)),
  binary('add', (K, x, y) => K.add(x, y)),
  binary('subtract', (K, x, y) => K.subtract(x, y)),
  binary('multiply', (K, x, y) => K.multiply(x, y)),
  binary('divide', (K, x, y) => K.divide(x, y), false),
  binary('maximum', (K, x, y) => K.maximum(x, y)),
  binary('minimum', (K, x, y) => K.minimum(x, y)),
  binary('equal', (K, x, y) => K.equal(x, y), true, false),
  binary('greater', (K, x, y) => K.greater(x, y), true, false),
  reduction('sum', (K, x, a) => K.sum(x, a)),
  reduction('max', (K, x, a) => K.max(x, a)),
  reduction('min', (K, x, a) => K.min(x, a)),
  reduction('mean', (K, x, a) => K.mean(x, a), true, false),
  reduction('prod', (K, x, a) => K.prod(x, a)),
  reduction('var', (K, x, a) => K.var(x, a), true, false),
  reduction('std', (K, x, a) => K.std(x, a), true, false),
  reduction('any', (K, x, a) => K.any(x, a), false),
  reduction('all', (K, x, a) => K.all(x, a), false),
  reduction('argmax', (K, x, a) => K.argmax(x, a), false, false),
  reduction('argmin', (K, x, a) => K.argmin(x, a), false, false),
  reduction('cumsum', (K, x, a) => K.cumsum(x, a)),
  reduction('cumprod', (K, x, a) => K.cumprod(x, a)),
  reduction('softmax', (K, x, a) => K.softmax(x, a), true, false),
  reduction('logsumexp', (K, x, a) => K.logsumexp(x, a), true, false),
  reduction('l2_normalize', (K, x, a) => K.l2Normalize(x, a), true, false),
  batchNormalization,
  conv1d,
  conv2dLike('conv2d'),
  conv2dLike('depthwise_conv2d'),
  pool2d,
  reshape,
  permuteDimensions,
  joining('concatenate'),
  joining('stack'),
  tile,
  repeatElements,
  expandDims,
  squeeze,
  batchFlatten,
  slice,
  gather,
  oneHot,
  reverse,
  spatial2dPadding,
  temporalPadding,
  resizeImages,
  biasAdd,
  crossentropy('categorical_crossentropy'),
  crossentropy('binary_crossentropy'),
  sparseCategoricalCrossentropy,
  dot,
  batchDot,
];
