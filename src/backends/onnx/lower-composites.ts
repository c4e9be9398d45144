/**
 * Lowering of the composite ops (see ../types.ts, `CompositeAttrs`) to ONNX's own
 * operators: Conv, ConvTranspose, MaxPool (with its Indices output and
 * ScatterElements for the gradient) and AveragePool. ONNX is channels-first and
 * the composites are channels-last, so each lowering transposes its operands in
 * and its result out; between consecutive windowed ops these transposes are
 * inverse pairs, which ONNX Runtime's transpose optimiser removes (measured: the
 * CNN step's optimised model keeps them only at the graph's edges).
 *
 * - conv: Conv with the kernel transposed to [out, in, k...].
 * - convInputGrad: ConvTranspose (same weight layout); output_padding or the
 *   end padding makes the output the input's spatial size.
 * - convFilterGrad: a Conv over transposed operands (x as [in, batch, s...], dy as
 *   the weight [out, batch, o...]); the stride becomes the dilation and the dilation
 *   the stride; the result is cut to the kernel size.
 * - maxPoolGrad: MaxPool's Indices (into the flattened NCHW input; ORT keeps the
 *   first maximum, as TensorFlow) and ScatterElements with reduction 'add'.
 * - maxPool and maxPoolGrad fix up windows holding a NaN (ORT's MaxPool skips NaNs)
 *   in the `then` branch of an If that runs only when the input may hold one.
 * - avgPool: AveragePool with count_include_pad = 0; avgPoolGrad: a grouped
 *   ConvTranspose of dy / counts with a ones kernel.
 * - depthwiseConv: Conv with group = channels; depthwiseInputGrad: ConvTranspose
 *   with the same grouped weight; depthwiseFilterGrad: a grouped Conv over transposed
 *   operands.
 * - resizeBilinear and its gradient run their decompositions (ORT's Resize blends
 *   differently: Inf where TensorFlow's formula gives NaN).
 * - softmax, logSoftmax: Softmax, LogSoftmax along the axis.
 * - logSumExp: ReduceMax, 0 where it is not finite, Exp of the difference,
 *   ReduceSum, Log, plus the shift: not ORT's ReduceLogSumExp, which subtracts an
 *   infinite maximum too (measured: NaN for a row of only -Inf, or holding +Inf,
 *   where TensorFlow gives -Inf, +Inf).
 * - batchNorm: channels on axis 1 of an image batch (rank >= 3): BatchNormalization,
 *   a float64 epsilon added to the variance beforehand (the attribute is a float:
 *   0.001 in float64 would be off by 5e-11), ones for a missing gamma and -0 for a
 *   missing beta (ORT's shift is beta - mean * scale, and -0 - v is -v for every v, as
 *   the formula's -(mean * inv)). Other axes run the composite's decomposition
 *   (measured: ORT's BatchNormalization loops per (n, c) column, slower than Mul and
 *   Add on [128, 256]; channels last needs two transposes).
 */
import type { CompositeAttrs, CompositeName, ConvWindow, DType, PoolWindow, Shape } from '../types';
import { poolWindowCounts } from '../types';
import type { Emitter } from './lower';
import { whereWithZero } from './lower';
import { onnxElemType } from './model';

/** One input of a composite, as its lowering sees it (static shape included). */
export interface CompositeInput {
  readonly name: string;
  readonly dtype: DType;
  readonly shape: Shape;
  /**
   * The value named holds -0 where the input has +0, and is the input elsewhere (a
   * relu's output before its -0 fix, see compile.ts); only maxPool and maxPoolGrad take
   * such an input.
   */
  readonly minusZeros?: boolean;
}

type CompositeLowering<C extends CompositeName> = (
  em: Emitter,
  attrs: CompositeAttrs[C],
  inputs: readonly CompositeInput[],
  out: { readonly dtype: DType; readonly shape: Shape },
  partners: ReadonlySet<CompositeName>,
) => string;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** [b, s..., c] -> [b, c, s...] */
function toFirst(em: Emitter, x: string, n: number): string {
  return em.node('Transpose', [x], { perm: [0, n + 1, ...range(1, n + 1)] });
}

/** [b, c, s...] -> [b, s..., c] */
function toLast(em: Emitter, x: string, n: number): string {
  return em.node('Transpose', [x], { perm: [0, ...range(2, n + 2), 1] });
}

/** A channels_last kernel [k..., in, out] as ONNX's [out, in, k...]. */
function weight(em: Emitter, k: string, n: number): string {
  return em.node('Transpose', [k], { perm: [n + 1, n, ...range(0, n)] });
}

/**
 * A convolution's filter gradient as a Conv over transposed operands: `xs` (x laid out
 * as [images, channels, s...]) with dy as the weight [out, b, o...], in `group` groups;
 * the stride becomes the dilation and the dilation the stride. The windows may reach
 * past the kernel (an end padding the forward pass never read): cut to the kernel.
 */
function filterConv(em: Emitter, a: CompositeAttrs['convFilterGrad'], x: CompositeInput, dy: CompositeInput, xs: string, group: number): string {
  const n = a.strides.length;
  const ws = em.node('Transpose', [dy.name], { perm: [n + 1, 0, ...range(1, n + 1)] });
  const w = em.node('Conv', [xs, ws], { strides: [...a.dilations], dilations: [...a.strides], pads: onnxPads(a.pads), ...(group > 1 ? { group } : {}) });
  const sp = known(x.shape).slice(1, n + 1);
  const outs = known(dy.shape).slice(1, n + 1);
  const got = sp.map((len, i) => Math.floor((len + a.pads[i][0] + a.pads[i][1] - ((outs[i] - 1) * a.strides[i] + 1)) / a.dilations[i]) + 1);
  if (got.every((v, i) => v === a.kernelSpatial[i])) return w;
  const starts = em.constant('int64', [n], new Array<number>(n).fill(0));
  const ends = em.constant('int64', [n], [...a.kernelSpatial]);
  return em.node('Slice', [w, starts, ends, em.constant('int64', [n], range(2, n + 2))]);
}

/** A depthwise kernel [k..., c, m] as a grouped Conv's weight [c * m, 1, k...] (output channel ci * m + j). */
function depthwiseWeight(em: Emitter, k: CompositeInput, n: number): string {
  const ks = known(k.shape);
  const t = em.node('Transpose', [k.name], { perm: [n, n + 1, ...range(0, n)] }); // [c, m, k...]
  return em.node('Reshape', [t, em.constant('int64', [n + 2], [ks[n] * ks[n + 1], 1, ...ks.slice(0, n)])]);
}

function onnxPads(pads: readonly (readonly [number, number])[]): number[] {
  return [...pads.map((p) => p[0]), ...pads.map((p) => p[1])];
}

function span(k: number, d: number): number {
  return (k - 1) * d + 1;
}

function known(s: Shape): number[] {
  return s as number[];
}

/** ConvTranspose's pads and output_padding giving `len` output cells along each axis. */
function transposeGeometry(outs: readonly number[], ks: readonly number[], w: ConvWindow, lens: readonly number[]): { pads: number[]; outputPadding: number[] } {
  const before: number[] = [];
  const after: number[] = [];
  const outputPadding: number[] = [];
  lens.forEach((len, i) => {
    const full = w.strides[i] * (outs[i] - 1) + span(ks[i], w.dilations[i]) - w.pads[i][0];
    const end = full - len;
    before.push(w.pads[i][0]);
    after.push(Math.max(end, 0));
    outputPadding.push(Math.max(-end, 0));
  });
  return { pads: [...before, ...after], outputPadding };
}

const LOWERINGS: { readonly [C in CompositeName]: CompositeLowering<C> } = {
  conv: (em, a, [x, k]) => convLowering(em, a, x.name, k.name),
  convInputGrad: (em, a, [dy, k]) => {
    const n = a.strides.length;
    const ks = known(k.shape).slice(0, n);
    const outs = known(dy.shape).slice(1, n + 1);
    const g = transposeGeometry(outs, ks, a, a.inputSpatial);
    const y = em.node('ConvTranspose', [toFirst(em, dy.name, n), weight(em, k.name, n)], {
      strides: [...a.strides],
      dilations: [...a.dilations],
      pads: g.pads,
      output_padding: g.outputPadding,
    });
    return toLast(em, y, n);
  },
  convFilterGrad: (em, a, [x, dy]) => {
    const n = a.strides.length;
    const xs = em.node('Transpose', [x.name], { perm: [n + 1, 0, ...range(1, n + 1)] }); // [in, b, s...]
    const w = filterConv(em, a, x, dy, xs, 1); // [in, out, k...]
    return em.node('Transpose', [w], { perm: [...range(2, n + 2), 0, 1] });
  },
  depthwiseConv: (em, a, [x, k]) => {
    const n = a.strides.length;
    const c = known(k.shape)[n];
    const y = em.node('Conv', [toFirst(em, x.name, n), depthwiseWeight(em, k, n)], {
      strides: [...a.strides],
      dilations: [...a.dilations],
      pads: onnxPads(a.pads),
      group: c,
    });
    return toLast(em, y, n);
  },
  depthwiseInputGrad: (em, a, [dy, k]) => {
    const n = a.strides.length;
    const ks = known(k.shape);
    const g = transposeGeometry(known(dy.shape).slice(1, n + 1), ks.slice(0, n), a, a.inputSpatial);
    // group c: each input channel's m gradients ([c * m, 1, k...]) sum into it
    const y = em.node('ConvTranspose', [toFirst(em, dy.name, n), depthwiseWeight(em, k, n)], {
      strides: [...a.strides],
      dilations: [...a.dilations],
      pads: g.pads,
      output_padding: g.outputPadding,
      group: ks[n],
    });
    return toLast(em, y, n);
  },
  depthwiseFilterGrad: (em, a, [x, dy]) => {
    // A grouped Conv over transposed operands: x as one image of c * b channels (group ci
    // holds channel ci of every batch entry), dy as the weight [c * m, b, o...]; the stride
    // becomes the dilation and the dilation the stride, as for convFilterGrad.
    const n = a.strides.length;
    const sp = known(x.shape).slice(1, n + 1);
    const c = known(x.shape)[n + 1];
    const m = known(dy.shape)[n + 1] / c;
    const xt = em.node('Transpose', [x.name], { perm: [n + 1, 0, ...range(1, n + 1)] }); // [c, b, s...]
    const xs = em.node('Reshape', [xt, em.constant('int64', [n + 2], [1, -1, ...sp])]); // [1, c * b, s...]
    const w = filterConv(em, a, x, dy, xs, c); // [1, c * m, k...]
    const split = em.node('Reshape', [w, em.constant('int64', [n + 2], [c, m, ...a.kernelSpatial])]); // [c, m, k...]
    return em.node('Transpose', [split], { perm: [...range(2, n + 2), 0, 1] });
  },
  maxPool: (em, a, [x], _out, partners) => {
    const n = a.window.length;
    // with its gradient in the same graph, one MaxPool with Indices serves both
    if (partners.has('maxPoolGrad')) return toLast(em, plusZeros(em, x, pooled(em, a, x)[0]), n);
    const xf = toFirst(em, x.name, n);
    const [y] = em.branch(
      mayHoldNaN(em, xf),
      (t) => {
        // Measured: ORT's MaxPool skips NaNs; a window holding one gives NaN, as TensorFlow's max.
        const nan = t.node('MaxPool', [nanMask(t, xf, x.dtype)], poolAttrs(a));
        const isNaNWindow = t.node('Greater', [nan, t.constant(x.dtype, [], [0])]);
        return [t.node('Where', [isNaNWindow, t.constant(x.dtype, [], [NaN]), t.node('MaxPool', [xf], poolAttrs(a))])];
      },
      (e) => [e.node('MaxPool', [xf], poolAttrs(a))],
      [{ dtype: x.dtype, rank: n + 2 }],
    );
    return toLast(em, plusZeros(em, x, padded(em, a, xf, x.dtype, y)), n);
  },
  maxPoolGrad: (em, a, [x, dy]) => {
    const n = a.window.length;
    const xf = toFirst(em, x.name, n);
    const indices = pooled(em, a, x)[1];
    const shape = em.node('Shape', [xf]);
    const flat = em.constant('int64', [1], [-1]);
    const zeros = em.node('Reshape', [em.node('ConstantOfShape', [shape], { value: { tensor: { dtype: x.dtype, dims: [1], data: zeroOf(x.dtype) } } }), flat]);
    const dyf = em.node('Reshape', [toFirst(em, dy.name, n), flat]);
    const scattered = em.node('ScatterElements', [zeros, em.node('Reshape', [indices, flat]), dyf], { axis: 0, reduction: 'add' });
    return toLast(em, em.node('Reshape', [scattered, shape]), n);
  },
  avgPool: (em, a, [x]) => {
    const n = a.window.length;
    const y = em.node('AveragePool', [toFirst(em, x.name, n)], { ...poolAttrs(a), count_include_pad: 0 });
    return toLast(em, y, n);
  },
  avgPoolGrad: (em, a, [dy]) => {
    const n = a.window.length;
    const ds = known(dy.shape);
    const c = ds[n + 1];
    const outs = ds.slice(1, n + 1);
    const counts = poolWindowCounts(a, a.inputSpatial, outs);
    let scaled = toFirst(em, dy.name, n); // [b, c, o...]
    if (counts.some((v) => v !== counts[0]) || counts[0] !== 1) {
      scaled = em.node('Div', [scaled, em.constant(dy.dtype, outs, counts)]);
    }
    const window = a.window.reduce((p, v) => p * v, 1);
    const ones = em.constant(dy.dtype, [c, 1, ...a.window], new Array<number>(c * window).fill(1));
    const conv: ConvWindow = { strides: a.strides, dilations: a.window.map(() => 1), pads: a.pads };
    const g = transposeGeometry(outs, a.window, conv, a.inputSpatial);
    const y = em.node('ConvTranspose', [scaled, ones], { group: c, strides: [...a.strides], pads: g.pads, output_padding: g.outputPadding });
    return toLast(em, y, n);
  },
  // ORT's Resize ('linear', 'asymmetric') blends as x[i] (1 - f) + x[i1] f: Inf where
  // TensorFlow's x[i] + (x[i1] - x[i]) f gives NaN (Inf + (0 - Inf) * 0); measured, so
  // onnxAcceptsComposite sends both resize composites to their decompositions
  resizeBilinear: () => {
    throw new Error('onnx: internal: resizeBilinear has no lowering (its decomposition runs)');
  },
  resizeBilinearGrad: () => {
    throw new Error('onnx: internal: resizeBilinearGrad has no lowering (its decomposition runs)');
  },
  // opset 13 and later: along the one axis given
  softmax: (em, a, [x]) => em.node('Softmax', [x.name], { axis: a.axis }),
  logSoftmax: (em, a, [x]) => em.node('LogSoftmax', [x.name], { axis: a.axis }),
  logSumExp: (em, a, [x]) => {
    const axes = em.constant('int64', [a.axes.length], [...a.axes]);
    // ORT's ReduceMax skips NaNs, which is harmless here: a NaN cell makes the sum NaN
    // whatever the shift. An all-NaN slice's maximum may be anything: the sum is NaN.
    const raw = em.node('ReduceMax', [x.name, axes], { keepdims: 1 });
    const finite = em.node('Equal', [em.node('Sub', [raw, raw]), em.constant(x.dtype, [], [0])]);
    const m = em.node('Where', [finite, raw, em.constant(x.dtype, [], [0])]);
    const s = em.node('ReduceSum', [em.node('Exp', [em.node('Sub', [x.name, m])]), axes], { keepdims: a.keepDims ? 1 : 0 });
    return em.node('Add', [em.node('Log', [s]), a.keepDims ? m : em.node('Squeeze', [m, axes])]);
  },
  batchNorm: (em, a, inputs) => {
    const [x, mean, variance] = inputs;
    const c = known(mean.shape)[0];
    const beta = a.beta ? inputs[3].name : null;
    const gamma = a.gamma ? inputs[a.beta ? 4 : 3].name : null;
    if (a.axis === 1 && x.shape.length >= 3) {
      // channels first with an image per channel: one BatchNormalization. Its epsilon is a
      // float attribute: exact for float32; float64 adds it to the variance beforehand
      // (no Add of 0, which ORT's optimiser may drop, turning -0 + 0 = +0 into -0)
      const b = beta ?? em.constant(x.dtype, [c], new Array<number>(c).fill(-0));
      const g = gamma ?? em.constant(x.dtype, [c], new Array<number>(c).fill(1));
      const single = x.dtype === 'float32' || a.epsilon === 0;
      const v = single ? variance.name : em.node('Sum', [variance.name, em.constant(x.dtype, [], [a.epsilon])]);
      return em.node('BatchNormalization', [x.name, g, b, mean.name, v], { epsilon: { float: single ? Math.fround(a.epsilon) : 0 } });
    }
    throw new Error('internal error: onnx batchNorm lowering outside axis 1 of rank >= 3 (onnxAcceptsComposite)');
  },
  // where(x > 0, g, +0), the +0 a scalar: one Where, exact by ORT's Where rule (lower.ts, whereWithZero)
  reluGrad: (em, _a, [x, g]) => whereWithZero(em, em.node('Greater', [x.name, em.constant(x.dtype, [], [0])]), g.name, x.dtype, false),
};

/** conv of channels-last `x` and kernel `k`, plus `bias` (a [channels] vector) when given. */
function convLowering(em: Emitter, a: ConvWindow, x: string, k: string, bias?: string): string {
  const n = a.strides.length;
  const inputs = [toFirst(em, x, n), weight(em, k, n), ...(bias === undefined ? [] : [bias])];
  const y = em.node('Conv', inputs, { strides: [...a.strides], dilations: [...a.dilations], pads: onnxPads(a.pads) });
  return toLast(em, y, n);
}

/**
 * conv(x, k) + bias as one Conv with its bias input: `bias` has the conv's channel count
 * on its last axis and 1 on any other. Measured: ORT's Conv adds its bias after the
 * products, bit for bit as an Add after it (about 1.8M outputs of random convolutions,
 * strided and dilated, 1 and 2 threads), and saves a pass over the output.
 */
export function lowerConvBiasAdd(em: Emitter, a: ConvWindow, x: string, k: string, bias: CompositeInput): string {
  const b = bias.shape.length === 1 ? bias.name : em.node('Reshape', [bias.name, em.constant('int64', [1], [-1])]);
  return convLowering(em, a, x, k, b);
}

/**
 * The maxima `y` of windows of `x` with +0 for -0 when x holds -0 for +0
 * (`CompositeInput.minusZeros`): a window's maximum is then the one of x with +0 in
 * place of -0, or a zero of either sign where all its cells are zeros. The Indices
 * are the same either way (MaxPool keeps the first of cells that compare equal).
 */
function plusZeros(em: Emitter, x: CompositeInput, y: string): string {
  return x.minusZeros === true ? em.node('Abs', [y]) : y;
}

/**
 * Max pooling of channels-last `x` as [y, indices], channels-first (NCHW), made once per
 * graph for `x` and `a` (`Emitter.shared`): y the maxima and indices MaxPool's (into the
 * flattened NCHW input). ORT's MaxPool skips NaNs; a window holding one gives NaN, as
 * TensorFlow's max, and sends its gradient to its first NaN (the cell its NaN maximum
 * comes from, as argmax), found as the first 1 of the NaN mask: that fix-up runs only
 * when x may hold a NaN.
 */
function pooled(em: Emitter, a: PoolWindow, x: CompositeInput): readonly string[] {
  return em.shared(`maxPool|${x.name}|${JSON.stringify(a)}`, () => {
    const n = a.window.length;
    const xf = toFirst(em, x.name, n);
    const outputs = [
      { dtype: x.dtype, rank: n + 2 },
      { dtype: 'int64' as const, rank: n + 2 },
    ];
    const [y, indices] = em.branch(
      mayHoldNaN(em, xf),
      (t) => {
        const [y, skipping] = t.nodes('MaxPool', [xf], 2, poolAttrs(a));
        const [nan, firstNaN] = t.nodes('MaxPool', [nanMask(t, xf, x.dtype)], 2, poolAttrs(a));
        const isNaNWindow = t.node('Greater', [nan, t.constant(x.dtype, [], [0])]);
        return [t.node('Where', [isNaNWindow, t.constant(x.dtype, [], [NaN]), y]), t.node('Where', [isNaNWindow, firstNaN, skipping])];
      },
      (e) => e.nodes('MaxPool', [xf], 2, poolAttrs(a)),
      outputs,
    );
    return [padded(em, a, xf, x.dtype, y), indices];
  });
}

/**
 * `y` (max pooling of channels-first `xf`) with -Infinity for the windows whose real
 * cells are all -Infinity: ORT pads with the lowest finite float, so such a window next
 * to padding gave -3.4028235e38. A pooling of the mask "cell is not -Infinity" (padding
 * reads as the lowest float, below 0) is 0 exactly there. Nothing without padding.
 */
function padded(em: Emitter, a: PoolWindow, xf: string, dtype: DType, y: string): string {
  if (!a.pads.some((p) => p[0] > 0 || p[1] > 0)) return y;
  const real = em.node('Cast', [em.node('Not', [em.node('Equal', [xf, em.constant(dtype, [], [-Infinity])])])], { to: onnxElemType(dtype) });
  const allNegInf = em.node('Equal', [em.node('MaxPool', [real], poolAttrs(a)), em.constant(dtype, [], [0])]);
  return em.node('Where', [allNegInf, em.constant(dtype, [], [-Infinity]), y]);
}

/**
 * A bool scalar, true when `x` may hold a NaN: its sum is NaN (a NaN term makes it
 * NaN; so may +Inf against -Inf, or overflow both ways, without one). Max pooling
 * runs its NaN fix-up (a second, masked pooling) only then: one pass over x instead.
 */
function mayHoldNaN(em: Emitter, x: string): string {
  return em.node('IsNaN', [em.node('ReduceSum', [x], { keepdims: 0 })]);
}

/** 1 where `x` is NaN, else 0, in `dtype`. */
function nanMask(em: Emitter, x: string, dtype: DType): string {
  return em.node('Cast', [em.node('IsNaN', [x])], { to: onnxElemType(dtype) });
}

function poolAttrs(a: PoolWindow): Record<string, number[]> {
  return { kernel_shape: [...a.window], strides: [...a.strides], pads: onnxPads(a.pads) };
}

function zeroOf(dtype: DType): Float32Array | Float64Array {
  return dtype === 'float64' ? new Float64Array(1) : new Float32Array(1);
}

/**
 * Lowers composite `op` through `em`; returns the output's name. `partners`: the other
 * composites the same graph applies to the same first input with equal attributes
 * (maxPool and its gradient then share their pooling).
 */
export function lowerComposite<C extends CompositeName>(
  em: Emitter,
  op: C,
  attrs: CompositeAttrs[C],
  inputs: readonly CompositeInput[],
  out: { readonly dtype: DType; readonly shape: Shape },
  partners: ReadonlySet<CompositeName> = new Set(),
): string {
  return (LOWERINGS[op] as CompositeLowering<C>)(em, attrs, inputs, out, partners);
}

/**
 * The composites the onnx backend runs with ONNX's own operators: the windowed ones
 * on float32 with 1 to 3 spatial axes (ORT's CPU Conv, ConvTranspose and AveragePool
 * have no float64 kernels; float64 runs the decomposition); softmax, logSoftmax,
 * logSumExp and reluGrad on float32 and float64 (the narrow floats run the decomposition).
 */
export function onnxAcceptsComposite(op: CompositeName, attrs: unknown, inputs: readonly { readonly shape: Shape; readonly dtype: DType }[]): boolean {
  if (op === 'softmax' || op === 'logSoftmax' || op === 'reluGrad' || op === 'logSumExp') return inputs.every((x) => x.dtype === 'float32' || x.dtype === 'float64');
  if (op === 'resizeBilinear' || op === 'resizeBilinearGrad') return false;
  // BatchNormalization on axis 1 of an image batch, other axes the decomposition; the constants for a missing beta or gamma need C
  if (op === 'batchNorm') {
    const axis = (attrs as CompositeAttrs['batchNorm']).axis;
    return axis === 1 && inputs[0].shape.length >= 3 && inputs[1].shape[0] !== null && inputs.every((x) => x.dtype === 'float32' || x.dtype === 'float64');
  }
  return inputs.every((x) => x.dtype === 'float32' && x.shape.length >= 3 && x.shape.length <= 5);
}
