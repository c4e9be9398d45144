/**
 * Composite ops: each is ONE graph node with its attributes, whose meaning is its
 * decomposition into primitives (written once, in src/api/composites.ts, with its
 * gradient in composites of the same kind). An engine with a kernel of its own
 * declares it (`Backend.composites`); for any other engine src/api expands the
 * node into the decomposition before the graph reaches it. This file holds the
 * part every layer shares: the attributes and the shape and dtype rules.
 *
 * The windowed composites are channels_last ([batch, s1..sn, channels]) with n = 1
 * to 3 spatial axes, float dtypes only, and explicit padding. softmax and logSoftmax
 * normalise along one axis of a float tensor of any rank >= 1; logSumExp reduces
 * a float tensor over ascending axes; batchNorm scales and shifts a float tensor by
 * per-channel parameters along one axis.
 */
import { KerasShapeError } from '../../errors';
import type { OutputInfo } from '../types';
import { checkAscendingAxes, checkAxis, checkDType, checkSameDType, float, fmt, PrimitiveDefs, StaticInfo } from './definition';

/**
 * The window of a convolution along each of its n spatial axes. Along axis i the
 * output has o = floor((s + pads[i][0] + pads[i][1] - ((k - 1) * dilations[i] + 1)) / strides[i]) + 1
 * cells; output cell j reads input cell j * stride + t * dilation - pads[i][0] for tap
 * t in 0..k-1 (cells outside the input read as zero).
 */
export interface ConvWindow {
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  /** [before, after] padding of each spatial axis (both >= 0). */
  readonly pads: readonly (readonly [number, number])[];
}

/** The window of a pooling op along each spatial axis (no dilation); padded cells are never part of a window's values. */
export interface PoolWindow {
  readonly window: readonly number[];
  readonly strides: readonly number[];
  /** [before, after] padding of each spatial axis (both >= 0, before < window). */
  readonly pads: readonly (readonly [number, number])[];
}

/** Attributes of each composite op, one key per composite, declared like `PrimitiveAttrs`. */
export interface CompositeAttrs {
  /** inputs [x [b, s..., cin], kernel [k..., cin, cout]]: cross-correlation, output [b, o..., cout] (see ConvWindow). */
  readonly conv: ConvWindow;
  /**
   * inputs [dy [b, o..., cout], kernel [k..., cin, cout]]: the gradient of `conv` with
   * respect to x (a transposed convolution), output [b, inputSpatial..., cin].
   */
  readonly convInputGrad: ConvWindow & { readonly inputSpatial: readonly number[] };
  /** inputs [x [b, s..., cin], dy [b, o..., cout]]: the gradient of `conv` with respect to its kernel, [kernelSpatial..., cin, cout]. */
  readonly convFilterGrad: ConvWindow & { readonly kernelSpatial: readonly number[] };
  /** inputs [x]: the maximum of each window (a NaN in a window gives NaN), output [b, o..., c]. */
  readonly maxPool: PoolWindow;
  /**
   * inputs [x, dy]: the gradient of `maxPool` with respect to x: each window's dy added
   * at the window's first maximal cell (row-major window order), as TensorFlow does.
   */
  readonly maxPoolGrad: PoolWindow;
  /** inputs [x]: the mean of each window's real (unpadded) cells, output [b, o..., c]. */
  readonly avgPool: PoolWindow;
  /** inputs [dy [b, o..., c]]: the gradient of `avgPool`, output [b, inputSpatial..., c]. */
  readonly avgPoolGrad: PoolWindow & { readonly inputSpatial: readonly number[] };
  /**
   * inputs [x [b, s..., c], kernel [k..., c, m]]: each input channel cross-correlated
   * with its own m filters, output [b, o..., c * m] (channel ci * m + j from input
   * channel ci and filter j, TensorFlow's order; see ConvWindow).
   */
  readonly depthwiseConv: ConvWindow;
  /** inputs [dy [b, o..., c * m], kernel [k..., c, m]]: the gradient of `depthwiseConv` with respect to x, [b, inputSpatial..., c]. */
  readonly depthwiseInputGrad: ConvWindow & { readonly inputSpatial: readonly number[] };
  /** inputs [x [b, s..., c], dy [b, o..., c * m]]: the gradient of `depthwiseConv` with respect to its kernel, [kernelSpatial..., c, m]. */
  readonly depthwiseFilterGrad: ConvWindow & { readonly kernelSpatial: readonly number[] };
  /**
   * inputs [x [b, h, w, c]]: bilinear upsampling by integer factors as TensorFlow's legacy
   * resize (no corner alignment, no half-pixel centres): along each axis of length L,
   * output o reads i = floor(o / factor), i1 = min(i + 1, L - 1), f = o / factor - i and
   * gives x[i] + (x[i1] - x[i]) * f; columns first (the top and bottom rows), then rows, as
   * TensorFlow's kernel; a factor of 1 still blends (f = 0: an infinite cell gives NaN).
   * Output [b, h * fh, w * fw, c].
   */
  readonly resizeBilinear: { readonly factors: readonly [number, number] };
  /** inputs [dy [b, h * fh, w * fw, c]]: the gradient of `resizeBilinear`, [b, inputSpatial..., c]. */
  readonly resizeBilinearGrad: { readonly factors: readonly [number, number]; readonly inputSpatial: readonly [number, number] };
  /**
   * inputs [x]: exp(x - m) / sum(exp(x - m)) along `axis`, m the maximum along it (a NaN
   * or +Inf in a slice gives NaN for the whole slice, as does a slice of only -Inf).
   */
  readonly softmax: { readonly axis: number };
  /** inputs [x]: (x - m) - log(sum(exp(x - m))) along `axis` (the same special values as softmax). */
  readonly logSoftmax: { readonly axis: number };
  /**
   * inputs [x, g] (one float dtype, one shape): the gradient of relu, g where x > 0 and
   * +0 elsewhere (a NaN x gives +0): where(x > 0, g, 0).
   */
  readonly reluGrad: Record<string, never>;
  /**
   * inputs [x]: m + log(sum(exp(x - m))) over `axes` (ascending, not empty), m the
   * maximum there, or 0 where that maximum is not finite (TensorFlow's
   * reduce_logsumexp): a slice of only -Inf gives -Inf, one holding +Inf gives +Inf,
   * one holding a NaN gives NaN. `keepDims` keeps the reduced axes with length 1.
   */
  readonly logSumExp: { readonly axes: readonly number[]; readonly keepDims: boolean };
  /**
   * inputs [x, mean, variance, beta (when `beta`), gamma (when `gamma`)], the
   * parameters 1-D with one value per position of x's `axis` (non-negative):
   * tf.nn.batch_normalization along that axis, x * inv + (beta - mean * inv) with
   * inv = 1 / sqrt(variance + epsilon) * gamma (epsilon in x's dtype; without beta
   * the shift is -(mean * inv), without gamma inv is not scaled). Output: x's shape.
   */
  readonly batchNorm: { readonly axis: number; readonly epsilon: number; readonly beta: boolean; readonly gamma: boolean };
}

/** The name of a composite op. */
export type CompositeName = keyof CompositeAttrs;

/** Shape and dtype rules of the composites: what an engine's own kernel must produce, as the decomposition does. */
export type CompositeDefs = PrimitiveDefs<CompositeAttrs>;

/** A composite's kernel: native inputs and attributes in, one native output. */
export type CompositeKernel<T, C extends CompositeName> = (inputs: readonly T[], attrs: CompositeAttrs[C], out: OutputInfo) => T;

/**
 * The composites a backend runs with its own kernel: every entry is optional, and
 * a missing one means "use the decomposition". Same calling convention as primitive kernels.
 */
export type CompositeKernelTable<T> = { readonly [C in CompositeName]?: CompositeKernel<T, C> };

/** Output length of a window along one axis: floor((len + before + after - span) / stride) + 1. */
export function windowOut(len: number, kernel: number, stride: number, dilation: number, pads: readonly [number, number]): number {
  const span = (kernel - 1) * dilation + 1;
  return Math.floor((len + pads[0] + pads[1] - span) / stride) + 1;
}

/**
 * The number of real (unpadded) input cells in each window of a pooling op with
 * input spatial dims `spatial` and output spatial dims `outs`, row-major over the
 * output cells (the divisor of avgPool and its gradient).
 */
export function poolWindowCounts(a: PoolWindow, spatial: readonly number[], outs: readonly number[]): number[] {
  const perAxis = outs.map((o, i) =>
    Array.from({ length: o }, (_, j) => {
      let m = 0;
      for (let t = 0; t < a.window[i]; t++) {
        const cell = j * a.strides[i] + t - a.pads[i][0];
        if (cell >= 0 && cell < spatial[i]) m++;
      }
      return m;
    }),
  );
  return Array.from({ length: outs.reduce((p, v) => p * v, 1) }, (_, cell) => {
    let rem = cell;
    let m = 1;
    for (let i = outs.length - 1; i >= 0; i--) {
      m *= perAxis[i][rem % outs[i]];
      rem = Math.floor(rem / outs[i]);
    }
    return m;
  });
}

/** The known spatial dims of channels_last `x`, n of them (checks rank and knownness). */
function spatialOf(op: string, x: StaticInfo, n: number, what = 'x'): number[] {
  if (n < 1 || n > 3 || x.shape.length !== n + 2) {
    throw new KerasShapeError(`${op}: '${what}' must have rank ${n + 2} (batch, ${n} spatial, channels), got [${fmt(x.shape)}]`);
  }
  const s = x.shape.slice(1, -1);
  if (s.some((d) => d === null || d < 1)) throw new KerasShapeError(`${op}: '${what}' must have known spatial dims, got [${fmt(x.shape)}]`);
  return s as number[];
}

/**
 * The checks every windowed composite starts with: float inputs of one dtype, one
 * entry per spatial axis in each of `lists`, and a channels_last first input (named
 * `what`) with n known spatial dims, which are returned.
 */
function windowed(op: string, inputs: readonly StaticInfo[], n: number, lists: Record<string, readonly unknown[]>, what = 'x'): number[] {
  checkDType(op, inputs[0], float, 'a float tensor');
  checkSameDType(op, inputs);
  for (const [name, v] of Object.entries(lists)) {
    if (v.length !== n) throw new KerasShapeError(`${op}: '${name}' has ${v.length} entries for ${n} spatial axes`);
  }
  return spatialOf(op, inputs[0], n, what);
}

function poolRule(op: string) {
  return ([x]: readonly StaticInfo[], a: PoolWindow): StaticInfo => {
    const n = a.window.length;
    const sp = windowed(op, [x], n, { strides: a.strides, pads: a.pads });
    return { dtype: x.dtype, shape: [x.shape[0], ...sp.map((l, i) => windowOut(l, a.window[i], a.strides[i], 1, a.pads[i])), x.shape[n + 1]] };
  };
}

function normaliserRule(op: string) {
  return ([x]: readonly StaticInfo[], a: { readonly axis: number }): StaticInfo => {
    checkDType(op, x, float, 'a float tensor');
    checkAxis(op, a.axis, x.shape.length);
    return { dtype: x.dtype, shape: x.shape };
  };
}

/** The shape and dtype rule of every composite. */
export const COMPOSITE_DEFS: CompositeDefs = {
  conv: {
    arity: 2,
    infer([x, k], a) {
      const n = a.strides.length;
      const sp = windowed('conv', [x, k], n, { dilations: a.dilations, pads: a.pads });
      const ks = k.shape as number[];
      if (ks.length !== n + 2 || ks.some((d) => d === null)) throw new KerasShapeError(`conv: kernel must be a known rank-${n + 2} shape, got [${fmt(k.shape)}]`);
      if (x.shape[n + 1] !== ks[n]) throw new KerasShapeError(`conv: x has ${x.shape[n + 1]} channels, the kernel expects ${ks[n]}`);
      return { dtype: x.dtype, shape: [x.shape[0], ...sp.map((l, i) => windowOut(l, ks[i], a.strides[i], a.dilations[i], a.pads[i])), ks[n + 1]] };
    },
  },
  convInputGrad: {
    arity: 2,
    infer([dy, k], a) {
      const n = a.strides.length;
      windowed('convInputGrad', [dy, k], n, { dilations: a.dilations, pads: a.pads, inputSpatial: a.inputSpatial }, 'dy');
      return { dtype: dy.dtype, shape: [dy.shape[0], ...a.inputSpatial, (k.shape as number[])[n]] };
    },
  },
  convFilterGrad: {
    arity: 2,
    infer([x, dy], a) {
      const n = a.strides.length;
      windowed('convFilterGrad', [x, dy], n, { dilations: a.dilations, pads: a.pads, kernelSpatial: a.kernelSpatial });
      return { dtype: x.dtype, shape: [...a.kernelSpatial, x.shape[n + 1], dy.shape[n + 1]] };
    },
  },
  maxPool: { arity: 1, infer: poolRule('maxPool') },
  maxPoolGrad: {
    arity: 2,
    infer([x, dy], a) {
      windowed('maxPoolGrad', [x, dy], a.window.length, {});
      return { dtype: x.dtype, shape: x.shape };
    },
  },
  avgPool: { arity: 1, infer: poolRule('avgPool') },
  avgPoolGrad: {
    arity: 1,
    infer([dy], a) {
      const n = a.window.length;
      windowed('avgPoolGrad', [dy], n, { strides: a.strides, pads: a.pads, inputSpatial: a.inputSpatial }, 'dy');
      return { dtype: dy.dtype, shape: [dy.shape[0], ...a.inputSpatial, dy.shape[n + 1]] };
    },
  },
  depthwiseConv: {
    arity: 2,
    infer([x, k], a) {
      const n = a.strides.length;
      const sp = windowed('depthwiseConv', [x, k], n, { dilations: a.dilations, pads: a.pads });
      const ks = k.shape as number[];
      if (ks.length !== n + 2 || ks.some((d) => d === null)) throw new KerasShapeError(`depthwiseConv: kernel must be a known rank-${n + 2} shape, got [${fmt(k.shape)}]`);
      if (x.shape[n + 1] !== ks[n]) throw new KerasShapeError(`depthwiseConv: x has ${x.shape[n + 1]} channels, the kernel expects ${ks[n]}`);
      return { dtype: x.dtype, shape: [x.shape[0], ...sp.map((l, i) => windowOut(l, ks[i], a.strides[i], a.dilations[i], a.pads[i])), ks[n] * ks[n + 1]] };
    },
  },
  depthwiseInputGrad: {
    arity: 2,
    infer([dy, k], a) {
      const n = a.strides.length;
      windowed('depthwiseInputGrad', [dy, k], n, { dilations: a.dilations, pads: a.pads, inputSpatial: a.inputSpatial }, 'dy');
      const ks = k.shape as number[];
      if (dy.shape[n + 1] !== ks[n] * ks[n + 1]) throw new KerasShapeError(`depthwiseInputGrad: dy has ${dy.shape[n + 1]} channels, the kernel gives ${ks[n] * ks[n + 1]}`);
      return { dtype: dy.dtype, shape: [dy.shape[0], ...a.inputSpatial, ks[n]] };
    },
  },
  depthwiseFilterGrad: {
    arity: 2,
    infer([x, dy], a) {
      const n = a.strides.length;
      windowed('depthwiseFilterGrad', [x, dy], n, { dilations: a.dilations, pads: a.pads, kernelSpatial: a.kernelSpatial });
      const c = x.shape[n + 1];
      const cm = dy.shape[n + 1];
      if (c === null || cm === null || c < 1 || cm % c !== 0) throw new KerasShapeError(`depthwiseFilterGrad: dy's ${cm} channels are not a multiple of x's ${c}`);
      return { dtype: x.dtype, shape: [...a.kernelSpatial, c, cm / c] };
    },
  },
  resizeBilinear: {
    arity: 1,
    infer([x], a) {
      const sp = windowed('resizeBilinear', [x], 2, { factors: a.factors });
      return { dtype: x.dtype, shape: [x.shape[0], sp[0] * a.factors[0], sp[1] * a.factors[1], x.shape[3]] };
    },
  },
  resizeBilinearGrad: {
    arity: 1,
    infer([dy], a) {
      const sp = windowed('resizeBilinearGrad', [dy], 2, { factors: a.factors, inputSpatial: a.inputSpatial }, 'dy');
      if (sp[0] !== a.inputSpatial[0] * a.factors[0] || sp[1] !== a.inputSpatial[1] * a.factors[1]) {
        throw new KerasShapeError(`resizeBilinearGrad: dy [${fmt(dy.shape)}] is not [${fmt(a.inputSpatial)}] times [${fmt(a.factors)}]`);
      }
      return { dtype: dy.dtype, shape: [dy.shape[0], ...a.inputSpatial, dy.shape[3]] };
    },
  },
  softmax: { arity: 1, infer: normaliserRule('softmax') },
  logSoftmax: { arity: 1, infer: normaliserRule('logSoftmax') },
  logSumExp: {
    arity: 1,
    infer([x], a) {
      checkDType('logSumExp', x, float, 'a float tensor');
      if (a.axes.length === 0) throw new KerasShapeError(`logSumExp: 'axes' must not be empty`);
      checkAscendingAxes('logSumExp', a.axes, x.shape.length);
      const shape = a.keepDims ? x.shape.map((d, i) => (a.axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !a.axes.includes(i));
      return { dtype: x.dtype, shape };
    },
  },
  batchNorm: {
    arity: { min: 3, max: 5 },
    infer(inputs, a) {
      const [x, ...params] = inputs;
      checkDType('batchNorm', x, float, 'a float tensor');
      checkSameDType('batchNorm', inputs);
      checkAxis('batchNorm', a.axis, x.shape.length);
      const want = 3 + (a.beta ? 1 : 0) + (a.gamma ? 1 : 0);
      if (inputs.length !== want) throw new KerasShapeError(`batchNorm: takes ${want} inputs with these attributes, got ${inputs.length}`);
      const c = x.shape[a.axis];
      for (const p of params) {
        if (p.shape.length !== 1 || (c !== null && p.shape[0] !== null && p.shape[0] !== c)) {
          throw new KerasShapeError(`batchNorm: parameters must be 1-D with x's ${c ?? 'unknown'} channels (axis ${a.axis} of [${fmt(x.shape)}]), got [${fmt(p.shape)}]`);
        }
      }
      return { dtype: x.dtype, shape: x.shape.map((d, i) => (i === a.axis && d === null ? params.find((p) => p.shape[0] !== null)?.shape[0] ?? null : d)) };
    },
  },
  reluGrad: {
    arity: 2,
    infer([x, g]) {
      checkDType('reluGrad', x, float, 'a float tensor');
      checkSameDType('reluGrad', [x, g]);
      const same = x.shape.length === g.shape.length && x.shape.every((d, i) => d === null || g.shape[i] === null || d === g.shape[i]);
      if (!same) throw new KerasShapeError(`reluGrad: x [${fmt(x.shape)}] and its gradient [${fmt(g.shape)}] must have one shape`);
      return { dtype: x.dtype, shape: x.shape.map((d, i) => d ?? g.shape[i]) };
    },
  },
};

/** Every composite name, at run time (the keys of the definition table). */
export const COMPOSITES = Object.keys(COMPOSITE_DEFS) as readonly CompositeName[];

const compositeNames: ReadonlySet<string> = new Set<string>(COMPOSITES);

/** Whether `op` names a composite op (else a primitive). */
export function isComposite(op: string): op is CompositeName {
  return compositeNames.has(op);
}
