/**
 * The composite ops (declared in src/backends/types.ts, `CompositeAttrs`): for each,
 * its shape and dtype rule, its decomposition into primitives (what an engine
 * without a kernel of its own runs, and the meaning every kernel must match) and
 * its gradient, written with composites of the same kind so that backward passes
 * run natively too:
 *
 * - conv: x-gradient convInputGrad (a transposed convolution), kernel-gradient
 *   convFilterGrad (a convolution over transposed operands);
 *   convInputGrad and convFilterGrad: conv, convInputGrad and convFilterGrad again
 *   (all three are bilinear, so the set is closed under differentiation);
 * - depthwiseConv, depthwiseInputGrad, depthwiseFilterGrad: the same closed set,
 *   channel by channel;
 * - maxPool: maxPoolGrad; avgPool: avgPoolGrad, whose gradient is avgPool;
 * - maxPoolGrad: differentiated through its decomposition.
 * - resizeBilinear: resizeBilinearGrad (its adjoint: scatter-adds), whose gradient
 *   is resizeBilinear;
 * - softmax: y * (g - sum(g * y)); logSoftmax: g - exp(y) * sum(g) (y the output,
 *   sums along the axis), in primitives.
 * - reluGrad (the gradient of the relu primitive, where(x > 0, g, 0)): differentiated
 *   through its decomposition.
 * - logSumExp: g * exp(x - y) (y the output, g and y with the reduced axes kept), in
 *   primitives.
 * - batchNorm: with inv = gamma / sqrt(variance + epsilon) and sums over every axis but
 *   the channels': dx = g * inv, dmean = -sum(g) * inv, dvariance =
 *   -sum(g * (x - mean)) * inv / (2 (variance + epsilon)), dbeta = sum(g), dgamma =
 *   sum(g * (x - mean)) / sqrt(variance + epsilon), in primitives.
 *
 * `applyComposite` records one node (or runs it at once on constants);
 * `expansionOf` gives the decomposition that graph building substitutes for an
 * engine that does not declare the composite.
 */
import {
  checkArity,
  COMPOSITE_DEFS,
  CompositeAttrs,
  CompositeName,
  ConvWindow,
  DType,
  isFloatDType,
  OpNode,
  PoolWindow,
  poolWindowCounts,
  PrimitiveDef,
  Shape,
  windowOut,
} from '../backends/types';
import { runKernel } from '../backends/interpret';
import { runsComposite } from '../backends/backend';
import { KerasShapeError } from '../errors';
import { activeBackend } from './engine';
import { fmt, StaticInfo } from './infer';
import { add, applyOp, binary, constantFrom, div, expandDimsOp, matMul, mul, reduceOp, reshapeTo, scalar, sub, transposeOp, unary, where, zerosLikeOp } from './primitives';
import { int32Const } from './ops/shape/helpers';
import { checkBackendDType, constantTensor, constantValue, KTensor } from './tensor';
import { extractPatches, WindowAxis } from './ops/conv/patches';
import { gradients } from './ops/graph/gradients';

/* ------------------------------------------------------------------------ */
/* Geometry                                                                 */
/* ------------------------------------------------------------------------ */

function conv_axes(spatial: readonly number[], kernel: readonly number[], w: ConvWindow): WindowAxis[] {
  return spatial.map((len, i) => ({
    kernel: kernel[i],
    stride: w.strides[i],
    dilation: w.dilations[i],
    padBefore: w.pads[i][0],
    out: windowOut(len, kernel[i], w.strides[i], w.dilations[i], w.pads[i]),
  }));
}

function poolAxes(spatial: readonly number[], w: PoolWindow): WindowAxis[] {
  return spatial.map((len, i) => ({
    kernel: w.window[i],
    stride: w.strides[i],
    dilation: 1,
    padBefore: w.pads[i][0],
    out: windowOut(len, w.window[i], w.strides[i], 1, w.pads[i]),
  }));
}

function product(v: readonly number[]): number {
  return v.reduce((p, d) => p * d, 1);
}

/** The known spatial dims of a channels_last shape (internal check). */
function spatialOf(shape: Shape, op: string): number[] {
  const s = shape.slice(1, -1);
  if (s.some((d) => d === null)) throw new KerasShapeError(`${op}: internal: spatial dims must be known, got [${fmt(shape)}]`);
  return s as number[];
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */
/* ------------------------------------------------------------------------ */

interface CompositeDef<C extends CompositeName> {
  /** The decomposition, on the composite's input tensors. */
  decompose(inputs: readonly KTensor[], attrs: CompositeAttrs[C], out: StaticInfo): KTensor;
  /** The gradients of the inputs given the output's `g`; absent: the decomposition's. */
  grad?(inputs: readonly KTensor[], attrs: CompositeAttrs[C], y: KTensor, g: KTensor): (KTensor | null)[];
}


/** conv's decomposition: windows (pad, slice, concat) then one matMul. */
function convDecomposed(x: KTensor, kernel: KTensor, a: ConvWindow): KTensor {
  const ks = kernel.shape as number[];
  const n = ks.length - 2;
  const cin = ks[n];
  const cout = ks[n + 1];
  const axes = conv_axes(spatialOf(x.shape, 'conv'), ks.slice(0, n), a);
  const kprod = product(ks.slice(0, n));
  const pointwise = axes.every((w, i) => w.kernel === 1 && w.stride === 1 && w.padBefore === 0 && w.out === x.shape[i + 1]);
  const rows = pointwise ? x : extractPatches(x, axes, 0, 'conv');
  const y = matMul(reshapeTo(rows, [null, kprod * cin], 'conv'), reshapeTo(kernel, [kprod * cin, cout], 'conv'));
  return reshapeTo(y, [x.shape[0], ...axes.map((w) => w.out), cout], 'conv');
}

/** The spatial axes of a channels_last rank-r tensor's kernel (0..n-1). */
function spatialAxes(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * The windows a transposed convolution reads: dx[i] = sum over t of z[i + pads0 - t*d] w[t],
 * with z the output gradient `dy` spread by the stride, i.e. a stride-1 convolution of
 * z padded by (k - 1) * d - pads0 before, with the kernel flipped. Returns z's windows,
 * [b, inputSpatial..., K * channels of dy] (K the kernel's cells, row-major).
 */
function transposedWindows(dy: KTensor, ks: readonly number[], a: ConvWindow & { readonly inputSpatial: readonly number[] }, op: string): KTensor {
  let z = dy;
  a.strides.forEach((s, i) => {
    if (s === 1) return;
    const p = i + 1;
    const split = [...z.shape.slice(0, p + 1), 1, ...z.shape.slice(p + 1)];
    const pads = split.map((_, j): [number, number] => (j === p + 1 ? [0, s - 1] : [0, 0]));
    const spread = applyOp('pad', [reshapeTo(z, split, op)], { pads, value: 0 });
    // (o - 1) * s + 1 cells: the zeros after the last cell are cut.
    const full = reshapeTo(spread, z.shape.map((d, j) => (j === p ? (d as number) * s : d)), op);
    const begin = full.shape.map(() => 0);
    const size = full.shape.map((_, j) => (j === p ? ((z.shape[p] as number) - 1) * s + 1 : -1));
    z = applyOp('slice', [full], { begin, size });
  });
  const zs = spatialOf(z.shape, op);
  const pads = a.inputSpatial.map((len, i): [number, number] => {
    const before = (ks[i] - 1) * a.dilations[i] - a.pads[i][0];
    // What the stride-1 windows read to give len outputs; extractPatches pads or cuts the rest.
    const after = len - 1 + (ks[i] - 1) * a.dilations[i] + 1 - before - zs[i];
    return [before, Math.max(after, 0)];
  });
  if (pads.some((p) => p[0] < 0)) {
    throw new KerasShapeError(`${op}: internal: padding before exceeds the kernel span (${JSON.stringify(a.pads)})`);
  }
  const axes: WindowAxis[] = a.inputSpatial.map((len, i) => ({
    kernel: ks[i],
    stride: 1,
    dilation: a.dilations[i],
    padBefore: pads[i][0],
    out: len,
  }));
  return extractPatches(z, axes, 0, op);
}

/** convInputGrad's decomposition: the transposed windows times the kernel flipped, its channels swapped. */
function convInputGradDecomposed(dy: KTensor, kernel: KTensor, a: CompositeAttrs['convInputGrad']): KTensor {
  const ks = kernel.shape as number[];
  const n = ks.length - 2;
  const flipped = applyOp('reverse', [kernel], { axes: spatialAxes(n) });
  const swapped = transposeOp(flipped, [...spatialAxes(n), n + 1, n]);
  const cin = ks[n];
  const cout = ks[n + 1];
  const kprod = product(ks.slice(0, n));
  const rows = transposedWindows(dy, ks, a, 'convInputGrad');
  const y = matMul(reshapeTo(rows, [null, kprod * cout], 'convInputGrad'), reshapeTo(swapped, [kprod * cout, cin], 'convInputGrad'));
  return reshapeTo(y, [dy.shape[0], ...a.inputSpatial, cin], 'convInputGrad');
}

/** depthwiseConv's decomposition: the windows of x, per channel [c, b*P, K], times the kernel [c, K, m]. */
function depthwiseDecomposed(x: KTensor, kernel: KTensor, a: ConvWindow): KTensor {
  const ks = kernel.shape as number[];
  const n = ks.length - 2;
  const [c, m] = [ks[n], ks[n + 1]];
  const kprod = product(ks.slice(0, n));
  const axes = conv_axes(spatialOf(x.shape, 'depthwiseConv'), ks.slice(0, n), a);
  const rows = transposeOp(reshapeTo(extractPatches(x, axes, 0, 'depthwiseConv'), [null, kprod, c], 'depthwiseConv'), [2, 0, 1]);
  const w = transposeOp(reshapeTo(kernel, [kprod, c, m], 'depthwiseConv'), [1, 0, 2]);
  const y = transposeOp(matMul(rows, w), [1, 0, 2]); // [b*P, c, m]
  return reshapeTo(y, [x.shape[0], ...axes.map((w) => w.out), c * m], 'depthwiseConv');
}

/** depthwiseInputGrad's decomposition: per channel, the transposed windows [c, b*P, K*m] times the flipped kernel [c, K*m, 1]. */
function depthwiseInputGradDecomposed(dy: KTensor, kernel: KTensor, a: CompositeAttrs['depthwiseInputGrad']): KTensor {
  const ks = kernel.shape as number[];
  const n = ks.length - 2;
  const [c, m] = [ks[n], ks[n + 1]];
  const kprod = product(ks.slice(0, n));
  const op = 'depthwiseInputGrad';
  const windows = reshapeTo(transposedWindows(dy, ks, a, op), [null, kprod, c, m], op);
  const rows = reshapeTo(transposeOp(windows, [2, 0, 1, 3]), [c, null, kprod * m], op);
  const flipped = reshapeTo(applyOp('reverse', [kernel], { axes: spatialAxes(n) }), [kprod, c, m], op);
  const w = reshapeTo(transposeOp(flipped, [1, 0, 2]), [c, kprod * m, 1], op);
  const y = transposeOp(matMul(rows, w), [1, 0, 2]); // [b*P, c, 1]
  return reshapeTo(y, [dy.shape[0], ...a.inputSpatial, c], op);
}

/** depthwiseFilterGrad's decomposition: per channel, the windows of x transposed [c, K, b*P] times dy [c, b*P, m]. */
function depthwiseFilterGradDecomposed(x: KTensor, dy: KTensor, a: CompositeAttrs['depthwiseFilterGrad']): KTensor {
  const n = a.kernelSpatial.length;
  const c = x.shape[n + 1] as number;
  const m = (dy.shape[n + 1] as number) / c;
  const kprod = product(a.kernelSpatial);
  const op = 'depthwiseFilterGrad';
  const axes = conv_axes(spatialOf(x.shape, op), a.kernelSpatial, a);
  const rows = transposeOp(reshapeTo(extractPatches(x, axes, 0, op), [null, kprod, c], op), [2, 0, 1]); // [c, b*P, K]
  const d = transposeOp(reshapeTo(dy, [null, c, m], op), [1, 0, 2]); // [c, b*P, m]
  const w = transposeOp(matMul(rows, d, true, false), [1, 0, 2]); // [K, c, m]
  return reshapeTo(w, [...a.kernelSpatial, c, m], op);
}

/** convFilterGrad's decomposition: the windows of x, transposed, times dy. */
function convFilterGradDecomposed(x: KTensor, dy: KTensor, a: CompositeAttrs['convFilterGrad']): KTensor {
  const n = a.kernelSpatial.length;
  const cin = x.shape[n + 1] as number;
  const cout = dy.shape[n + 1] as number;
  const axes = conv_axes(spatialOf(x.shape, 'convFilterGrad'), a.kernelSpatial, a);
  const kprod = product(a.kernelSpatial);
  const rows = reshapeTo(extractPatches(x, axes, 0, 'convFilterGrad'), [null, kprod * cin], 'convFilterGrad');
  const w = matMul(rows, reshapeTo(dy, [null, cout], 'convFilterGrad'), true, false);
  return reshapeTo(w, [...a.kernelSpatial, cin, cout], 'convFilterGrad');
}

/**
 * The maximum over `axis` (of length `len`) that routes the whole gradient to the
 * first maximal cell, as TensorFlow's max-pool gradient does. `firstReal` (int32,
 * broadcasting against the argMax) is the position of each window's first real
 * cell, or null when no window starts in padding: padding holds -Infinity, so the
 * argMax lands before it only in a window whose real cells are all -Infinity, and
 * is moved to that first real cell (padded cells are never part of a window).
 */
function firstMax(patches: KTensor, axis: number, len: number, firstReal: KTensor | null): KTensor {
  const top = applyOp('argMax', [patches], { axis });
  const first = firstReal === null ? top : applyOp('maximum', [top, firstReal], {});
  const cells = constantFrom({ data: Int32Array.from({ length: len }, (_, i) => i), shape: [len, 1] }, 'maxPool', 'cells', 'int32');
  const isFirst = applyOp('equal', [expandDimsOp(first, [axis]), cells], {});
  const picked = applyOp('where', [isFirst, patches, zerosLikeOp(patches)], {});
  return reduceOp('reduceSum', picked, [axis], false);
}

/**
 * For each output cell ([o..., 1], int32): the row-major window position of its
 * window's first real cell (0 for a window of padding only); null when every
 * window starts on a real cell (no padding before).
 */
function firstRealCells(axes: readonly WindowAxis[], spatial: readonly number[]): KTensor | null {
  if (axes.every((w) => w.padBefore === 0)) return null;
  const outs = axes.map((w) => w.out);
  const data = new Int32Array(product(outs));
  for (let cell = 0; cell < data.length; cell++) {
    let rem = cell;
    let pos = 0;
    let scale = 1;
    let empty = false;
    for (let i = axes.length - 1; i >= 0; i--) {
      const w = axes[i];
      const start = (rem % w.out) * w.stride - w.padBefore;
      rem = Math.floor(rem / w.out);
      const skip = Math.max(0, -start);
      if (skip >= w.kernel || start + skip >= spatial[i]) empty = true;
      pos += skip * scale;
      scale *= w.kernel;
    }
    data[cell] = empty ? 0 : pos;
  }
  return constantFrom({ data, shape: [...outs, 1] }, 'maxPool', 'firstReal', 'int32');
}

function maxPoolDecomposed(x: KTensor, a: PoolWindow): KTensor {
  const n = a.window.length;
  const spatial = spatialOf(x.shape, 'maxPool');
  const axes = poolAxes(spatial, a);
  const full = product(a.window);
  const c = x.shape[n + 1] as number;
  const flat = extractPatches(x, axes, -Infinity, 'maxPool');
  const patches = reshapeTo(flat, [x.shape[0], ...axes.map((w) => w.out), full, c], 'maxPool');
  return firstMax(patches, n + 1, full, firstRealCells(axes, spatial));
}

/** The number of real cells of each window, [o..., 1] (a scalar when every window is full). */
function poolCounts(spatial: readonly number[], a: PoolWindow, dtype: DType): KTensor {
  const outs = poolAxes(spatial, a).map((w) => w.out);
  const counts = poolWindowCounts(a, spatial, outs);
  const full = product(a.window);
  if (counts.every((c) => c === full)) return scalar(full, dtype);
  return constantFrom({ data: Float64Array.from(counts), shape: [...outs, 1] }, 'avgPool', 'counts', dtype);
}

function avgPoolDecomposed(x: KTensor, a: PoolWindow): KTensor {
  const n = a.window.length;
  const spatial = spatialOf(x.shape, 'avgPool');
  const axes = poolAxes(spatial, a);
  const c = x.shape[n + 1] as number;
  const flat = extractPatches(x, axes, 0, 'avgPool');
  const patches = reshapeTo(flat, [x.shape[0], ...axes.map((w) => w.out), product(a.window), c], 'avgPool');
  return div(reduceOp('reduceSum', patches, [n + 1], false), poolCounts(spatial, a, x.dtype));
}

/**
 * avgPoolGrad's decomposition: dy divided by the counts, spread back over each
 * window by a transposed convolution with a ones kernel, one channel at a time
 * (channels moved into the batch).
 */
function avgPoolGradDecomposed(dy: KTensor, a: CompositeAttrs['avgPoolGrad']): KTensor {
  const n = a.window.length;
  const c = dy.shape[n + 1] as number;
  const scaled = div(dy, poolCounts(a.inputSpatial, a, dy.dtype));
  const outs = spatialOf(dy.shape, 'avgPoolGrad');
  const toFront = transposeOp(scaled, [0, n + 1, ...spatialAxes(n).map((i) => i + 1)]); // [b, c, o...]
  const single = reshapeTo(toFront, [null, ...outs, 1], 'avgPoolGrad');
  const ones = constantFrom({ data: new Array<number>(product(a.window)).fill(1), shape: [...a.window, 1, 1] }, 'avgPoolGrad', 'ones', dy.dtype);
  const spread = applyComposite('convInputGrad', [single, ones], {
    strides: a.strides,
    dilations: a.window.map(() => 1),
    pads: a.pads,
    inputSpatial: a.inputSpatial,
  });
  const back = reshapeTo(spread, [dy.shape[0], c, ...a.inputSpatial], 'avgPoolGrad');
  return transposeOp(back, [0, ...spatialAxes(n).map((i) => i + 2), 1]);
}

/** The taps of linear upsampling by `factor` along an axis of `length`: lower and upper cells, and the weight of the upper one. */
function linearTaps(length: number, factor: number): { lower: number[]; upper: number[]; weights: Float64Array } {
  const n = length * factor;
  const lower: number[] = [];
  const upper: number[] = [];
  const weights = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    const i = Math.floor(o / factor);
    lower.push(i);
    upper.push(Math.min(i + 1, length - 1));
    weights[o] = (o - i * factor) / factor;
  }
  return { lower, upper, weights };
}

/** The upper cell's weights as a tensor broadcasting along `axis` of a rank-4 tensor. */
function tapWeights(weights: Float64Array, axis: number, dtype: DType): KTensor {
  const shape = [1, 1, 1, 1].map((d, i) => (i === axis ? weights.length : d));
  return constantFrom({ data: weights, shape }, 'resizeBilinear', 'x', dtype);
}

/**
 * Linear upsampling along `axis` (1 or 2) of a channels_last image: x[i] + (x[i1] - x[i]) * f.
 * A factor of 1 still blends (f = 0), as TensorFlow's kernel does: an infinite cell gives NaN.
 */
function linearAlong(x: KTensor, factor: number, axis: number): KTensor {
  const t = linearTaps(x.shape[axis] as number, factor);
  const n = t.lower.length;
  const a = applyOp('gather', [x, int32Const(t.lower, [n], 'resizeBilinear')], { axis });
  const b = applyOp('gather', [x, int32Const(t.upper, [n], 'resizeBilinear')], { axis });
  return add(a, mul(sub(b, a), tapWeights(t.weights, axis, x.dtype)));
}

/** The adjoint of linearAlong: g (1 - f) added into the lower cells, g f into the upper ones. */
function linearAlongAdjoint(g: KTensor, factor: number, axis: number, length: number): KTensor {
  const t = linearTaps(length, factor);
  const n = t.lower.length;
  const gb = mul(g, tapWeights(t.weights, axis, g.dtype));
  const ga = sub(g, gb);
  const into = (part: KTensor, cells: number[]): KTensor => applyOp('scatterAdd', [part, int32Const(cells, [n], 'resizeBilinearGrad')], { axis, size: length });
  return add(into(ga, t.lower), into(gb, t.upper));
}

/** x - m along `axis`, m the maximum there (held constant for gradients, which do not depend on it). */
function shiftedByMax(x: KTensor, axis: number): KTensor {
  return sub(x, applyOp('reduceMax', [x], { axes: [axis], keepDims: true }, { noGrad: true }));
}

function softmaxDecomposed(x: KTensor, axis: number): KTensor {
  const e = unary('exp', shiftedByMax(x, axis));
  return div(e, reduceOp('reduceSum', e, [axis], true));
}

function logSoftmaxDecomposed(x: KTensor, axis: number): KTensor {
  const s = shiftedByMax(x, axis);
  return sub(s, unary('log', reduceOp('reduceSum', unary('exp', s), [axis], true)));
}

/**
 * TensorFlow's reduce_logsumexp: m + log(sum(exp(x - m))) with m the maximum over
 * `axes`, replaced by 0 where it is not finite (x - x is 0 only for finite x), and
 * held constant for gradients.
 */
function logSumExpDecomposed(x: KTensor, a: CompositeAttrs['logSumExp']): KTensor {
  const raw = applyOp('reduceMax', [x], { axes: a.axes, keepDims: true }, { noGrad: true });
  const finite = binary('equal', sub(raw, raw), scalar(0, x.dtype));
  const m = where(finite, raw, zerosLikeOp(raw));
  const s = unary('log', reduceOp('reduceSum', unary('exp', sub(x, m)), a.axes, a.keepDims));
  // Without keepDims, m loses its length-1 axes by a reduction over them (works with unknown dims).
  return add(s, a.keepDims ? m : reduceOp('reduceMax', m, a.axes, false));
}

/**
 * `tf.nn.batch_normalization`: x * inv + (beta - mean * inv) with inv = 1 / sqrt(variance
 * + epsilon) * gamma, every parameter broadcasting to x (NumPy rules); without beta the
 * shift is -(mean * inv), without gamma inv is not scaled. The meaning of the batchNorm
 * composite (its parameters laid along its axis), and what runs for parameters that are
 * not per-channel on one axis.
 */
export function batchNormFormula(x: KTensor, mean: KTensor, variance: KTensor, beta: KTensor | null, gamma: KTensor | null, eps: number): KTensor {
  let inv = div(scalar(1, x.dtype), unary('sqrt', add(variance, scalar(eps, x.dtype))));
  if (gamma) inv = mul(inv, gamma);
  const shift = beta ? sub(beta, mul(mean, inv)) : unary('neg', mul(mean, inv));
  return add(mul(x, inv), shift);
}

/** A 1-D parameter of batchNorm laid along `axis` of a rank-`rank` tensor (as it is when the axis is the last). */
function alongChannels(p: KTensor, rank: number, axis: number): KTensor {
  if (axis === rank - 1) return p;
  return reshapeTo(p, Array.from({ length: rank }, (_, i) => (i === axis ? p.shape[0] : 1)), 'batchNorm');
}

/** batchNorm's inputs by name. */
function batchNormInputs(inputs: readonly KTensor[], a: CompositeAttrs['batchNorm']): { x: KTensor; mean: KTensor; variance: KTensor; beta: KTensor | null; gamma: KTensor | null } {
  const [x, mean, variance] = inputs;
  return { x, mean, variance, beta: a.beta ? inputs[3] : null, gamma: a.gamma ? inputs[a.beta ? 4 : 3] : null };
}

function batchNormGrad(inputs: readonly KTensor[], a: CompositeAttrs['batchNorm'], g: KTensor): (KTensor | null)[] {
  const { x, mean, variance, beta, gamma } = batchNormInputs(inputs, a);
  const along = (p: KTensor): KTensor => alongChannels(p, x.rank, a.axis);
  const others = Array.from({ length: x.rank }, (_, i) => i).filter((i) => i !== a.axis);
  const sumOthers = (t: KTensor): KTensor => reduceOp('reduceSum', t, others, false);
  const r = div(scalar(1, x.dtype), unary('sqrt', add(variance, scalar(a.epsilon, x.dtype))));
  const inv = gamma ? mul(r, gamma) : r;
  const sg = sumOthers(g);
  const dInv = sumOthers(mul(g, sub(x, along(mean))));
  const out: (KTensor | null)[] = [mul(g, along(inv)), unary('neg', mul(sg, inv)), mul(mul(dInv, scalar(-0.5, x.dtype)), mul(inv, mul(r, r)))];
  if (beta) out.push(sg);
  if (gamma) out.push(mul(dInv, r));
  return out;
}

const DEFS: { [C in CompositeName]: CompositeDef<C> } = {
  conv: {
    decompose: ([x, k], a) => convDecomposed(x, k, a),
    grad: ([x, k], a, _y, g) => [
      applyComposite('convInputGrad', [g, k], { ...windowOf(a), inputSpatial: spatialOf(x.shape, 'conv') }),
      applyComposite('convFilterGrad', [x, g], { ...windowOf(a), kernelSpatial: (k.shape as number[]).slice(0, -2) }),
    ],
  },
  convInputGrad: {
    decompose: ([dy, k], a) => convInputGradDecomposed(dy, k, a),
    grad: ([dy, k], a, _y, g) => [
      applyComposite('conv', [g, k], windowOf(a)),
      applyComposite('convFilterGrad', [g, dy], { ...windowOf(a), kernelSpatial: (k.shape as number[]).slice(0, -2) }),
    ],
  },
  convFilterGrad: {
    decompose: ([x, dy], a) => convFilterGradDecomposed(x, dy, a),
    grad: ([x, dy], a, _y, g) => [
      applyComposite('convInputGrad', [dy, g], { ...windowOf(a), inputSpatial: spatialOf(x.shape, 'convFilterGrad') }),
      applyComposite('conv', [x, g], windowOf(a)),
    ],
  },
  maxPool: {
    decompose: ([x], a) => maxPoolDecomposed(x, a),
    grad: ([x], a, _y, g) => [applyComposite('maxPoolGrad', [x, g], poolOf(a))],
  },
  maxPoolGrad: {
    // The gradient of maxPool's decomposition (first maximum of each window).
    decompose([x, dy], a) {
      const y = maxPoolDecomposed(x, a);
      const all = Array.from({ length: y.rank }, (_, i) => i);
      return gradients(reduceOp('reduceSum', mul(y, dy), all, false), [x])[0] as KTensor;
    },
  },
  avgPool: {
    decompose: ([x], a) => avgPoolDecomposed(x, a),
    grad: ([x], a, _y, g) => [applyComposite('avgPoolGrad', [g], { ...poolOf(a), inputSpatial: spatialOf(x.shape, 'avgPool') })],
  },
  avgPoolGrad: {
    decompose: ([dy], a) => avgPoolGradDecomposed(dy, a),
    grad: (_i, a, _y, g) => [applyComposite('avgPool', [g], poolOf(a))],
  },
  depthwiseConv: {
    decompose: ([x, k], a) => depthwiseDecomposed(x, k, a),
    grad: ([x, k], a, _y, g) => [
      applyComposite('depthwiseInputGrad', [g, k], { ...windowOf(a), inputSpatial: spatialOf(x.shape, 'depthwiseConv') }),
      applyComposite('depthwiseFilterGrad', [x, g], { ...windowOf(a), kernelSpatial: (k.shape as number[]).slice(0, -2) }),
    ],
  },
  depthwiseInputGrad: {
    decompose: ([dy, k], a) => depthwiseInputGradDecomposed(dy, k, a),
    grad: ([dy, k], a, _y, g) => [
      applyComposite('depthwiseConv', [g, k], windowOf(a)),
      applyComposite('depthwiseFilterGrad', [g, dy], { ...windowOf(a), kernelSpatial: (k.shape as number[]).slice(0, -2) }),
    ],
  },
  depthwiseFilterGrad: {
    decompose: ([x, dy], a) => depthwiseFilterGradDecomposed(x, dy, a),
    grad: ([x, dy], a, _y, g) => [
      applyComposite('depthwiseInputGrad', [dy, g], { ...windowOf(a), inputSpatial: spatialOf(x.shape, 'depthwiseFilterGrad') }),
      applyComposite('depthwiseConv', [x, g], windowOf(a)),
    ],
  },
  resizeBilinear: {
    // TensorFlow's order: columns blended first (the top and bottom rows), then rows
    decompose: ([x], a) => linearAlong(linearAlong(x, a.factors[1], 2), a.factors[0], 1),
    grad: ([x], a, _y, g) => [applyComposite('resizeBilinearGrad', [g], { factors: a.factors, inputSpatial: spatialOf(x.shape, 'resizeBilinear') as [number, number] })],
  },
  resizeBilinearGrad: {
    decompose: ([dy], a) => linearAlongAdjoint(linearAlongAdjoint(dy, a.factors[0], 1, a.inputSpatial[0]), a.factors[1], 2, a.inputSpatial[1]),
    grad: (_i, a, _y, g) => [applyComposite('resizeBilinear', [g], { factors: a.factors })],
  },
  softmax: {
    decompose: ([x], a) => softmaxDecomposed(x, a.axis),
    grad: (_i, a, y, g) => [mul(y, sub(g, reduceOp('reduceSum', mul(g, y), [a.axis], true)))],
  },
  reluGrad: {
    // where(x > 0, g, +0); its own gradient is the decomposition's
    decompose: ([x, g]) => applyOp('where', [applyOp('greater', [x, scalar(0, x.dtype)], {}), g, zerosLikeOp(g)], {}),
  },
  logSumExp: {
    decompose: ([x], a) => logSumExpDecomposed(x, a),
    grad: ([x], a, y, g) => {
      const kept = (t: KTensor): KTensor => (a.keepDims ? t : expandDimsOp(t, a.axes));
      return [mul(kept(g), unary('exp', sub(x, kept(y))))];
    },
  },
  batchNorm: {
    decompose(inputs, a) {
      const { x, mean, variance, beta, gamma } = batchNormInputs(inputs, a);
      const along = (p: KTensor): KTensor => alongChannels(p, x.rank, a.axis);
      return batchNormFormula(x, along(mean), along(variance), beta && along(beta), gamma && along(gamma), a.epsilon);
    },
    grad: (inputs, a, _y, g) => batchNormGrad(inputs, a, g),
  },
  logSoftmax: {
    decompose: ([x], a) => logSoftmaxDecomposed(x, a.axis),
    grad: (_i, a, y, g) => [sub(g, mul(unary('exp', y), reduceOp('reduceSum', g, [a.axis], true)))],
  },
};

function windowOf(a: ConvWindow): ConvWindow {
  return { strides: a.strides, dilations: a.dilations, pads: a.pads };
}

function poolOf(a: PoolWindow): PoolWindow {
  return { window: a.window, strides: a.strides, pads: a.pads };
}


/* ------------------------------------------------------------------------ */
/* Applying, expanding, differentiating                                     */
/* ------------------------------------------------------------------------ */

/** Shape and dtype of composite `op` applied to `inputs` (its rule in COMPOSITE_DEFS, arity first). */
export function inferComposite<C extends CompositeName>(op: C, inputs: readonly StaticInfo[], attrs: CompositeAttrs[C]): StaticInfo {
  const def = COMPOSITE_DEFS[op] as PrimitiveDef<CompositeAttrs[C]>;
  checkArity(op, def.arity, inputs.length);
  return def.infer(inputs, attrs);
}

/**
 * Applies composite `op`: one op node (lazy), or at once when every input is a
 * constant, with the backend's kernel or else the decomposition.
 */
export function applyComposite<C extends CompositeName>(op: C, inputs: readonly KTensor[], attrs: CompositeAttrs[C]): KTensor {
  const info = inferComposite(op, inputs, attrs);
  const backend = activeBackend();
  for (const t of inputs) checkBackendDType(backend, t.dtype);
  if (inputs.every((t) => t.node.kind === 'constant')) {
    if (runsComposite(backend, op, attrs, inputs)) {
      const natives = inputs.map((t) => constantValue(t, backend));
      const node = { kind: 'op', op, attrs, inputs: [], shape: info.shape, dtype: info.dtype } as unknown as OpNode;
      const out = runKernel(backend, node, natives);
      return constantTensor(backend, out, backend.shapeOf(out), info.dtype);
    }
    return (DEFS[op] as CompositeDef<C>).decompose(inputs, attrs, info);
  }
  return new KTensor({ kind: 'op', op, attrs, inputs, noGrad: false } as KTensor['node'], info.shape, info.dtype);
}

const expansions = new WeakMap<KTensor, KTensor>();

/** The decomposition of composite op tensor `t` (made once per tensor). */
export function expansionOf(t: KTensor): KTensor {
  let e = expansions.get(t);
  if (e === undefined) {
    const node = t.node;
    if (node.kind !== 'op') throw new Error(`expansionOf: internal: '${t.name}' is not an op`);
    const def = DEFS[node.op as CompositeName] as CompositeDef<CompositeName>;
    e = def.decompose(node.inputs, node.attrs as never, { shape: t.shape, dtype: t.dtype });
    expansions.set(t, e);
  }
  return e;
}

/** The gradients of composite op tensor `y`'s inputs given `g`: its rule, or its decomposition's. */
export function compositeGradients(y: KTensor, g: KTensor): (KTensor | null)[] {
  const node = y.node;
  if (node.kind !== 'op') return [];
  const def = DEFS[node.op as CompositeName] as CompositeDef<CompositeName>;
  if (def.grad) return def.grad(node.inputs, node.attrs as never, y, g);
  const e = expansionOf(y);
  const all = Array.from({ length: e.rank }, (_, i) => i);
  const floats = node.inputs.filter((t) => isFloatDType(t.dtype));
  const gs = gradients(reduceOp('reduceSum', mul(e, g), all, false), floats);
  return node.inputs.map((t) => (isFloatDType(t.dtype) ? gs[floats.indexOf(t)] : null));
}
