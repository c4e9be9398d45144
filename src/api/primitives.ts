/**
 * Applying primitives to KTensors: `applyOp` (shape and dtype inference, then a
 * run at once when every input is a constant, else a recorded op node), and the
 * internal builders (no user-facing argument checks: public functions check
 * first) that composites and gradient rules are written with.
 */
import { runKernel } from '../backends/interpret';
import type { OpNode } from '../backends/types';
import { BinaryPrimitive, DType, OpAttrs, PrimitiveAttrs, PrimitiveName, ReducePrimitive, Shape, UnaryPrimitive } from '../backends/types';
import { floatx } from '../config';
import { KerasValueError } from '../errors';
import { activeBackend, fromHostChecked, onEngine } from './engine';
import { fmt, inferPrimitive } from './infer';
import { checkBackendDType, checkBackendPrimitive, constantTensor, constantValue, KTensor } from './tensor';
import { asTensor } from './validate';
import { toHostValue } from './values';

/** `x` with no gradient flowing back through it (TensorFlow's `stop_gradient`). */
export function stopGrad(x: KTensor): KTensor {
  return applyOp('identity', [x], {}, { noGrad: true });
}

/** A constant of `dtype` from flat data and a shape. */
export function constantOf(data: readonly number[], shape: readonly number[], dtype: DType, fn: string): KTensor {
  return asTensor({ data: [...data], shape: [...shape], dtype }, fn, 'constant');
}

/**
 * Sum over the last axis, dropping it. When the result would have more than one
 * unknown dim, the axis is summed with keepDims and then dropped by gathering index 0
 * (a reshape, which the gradient of a keepDims=false reduction needs, cannot have
 * two unknown dims).
 */
export function sumLastAxis(x: KTensor): KTensor {
  const ax = x.rank - 1;
  if (x.shape.slice(0, ax).filter((d) => d === null).length <= 1) return reduceOp('reduceSum', x, [ax], false);
  return applyOp('gather', [reduceOp('reduceSum', x, [ax], true), scalar(0, 'int32')], { axis: ax });
}

/** Applies a unary primitive. */
export function unary(op: UnaryPrimitive, x: KTensor): KTensor {
  return applyOp(op, [x], {});
}

/** Applies a binary primitive (same dtypes, broadcasting). */
export function binary(op: BinaryPrimitive, a: KTensor, b: KTensor): KTensor {
  return applyOp(op, [a, b], {});
}

/** A scalar constant of `dtype`. */
export function scalar(v: number, dtype: DType): KTensor {
  return constantFrom(v, 'scalar', 'value', dtype);
}

export const add = (a: KTensor, b: KTensor): KTensor => binary('add', a, b);

export const sub = (a: KTensor, b: KTensor): KTensor => binary('sub', a, b);

export const mul = (a: KTensor, b: KTensor): KTensor => binary('mul', a, b);

export const div = (a: KTensor, b: KTensor): KTensor => binary('div', a, b);

export const neg = (a: KTensor): KTensor => unary('neg', a);

/** Applies a reduction over `axes` (empty axes: the input itself). */
export function reduceOp(op: ReducePrimitive, x: KTensor, axes: readonly number[], keepDims: boolean): KTensor {
  if (axes.length === 0) return x;
  return applyOp(op, [x], { axes: [...axes].sort((p, q) => p - q), keepDims });
}

/** Casts to `dtype` (no-op when it already is). */
export function cast(x: KTensor, dtype: DType): KTensor {
  return x.dtype === dtype ? x : applyOp('cast', [x], { dtype });
}

/** Reshape to `shape`, where `null` entries become -1 (at most one). */
export function reshapeTo(x: KTensor, shape: Shape, fn = 'reshape'): KTensor {
  const concrete = shape.map((d) => (d === null ? -1 : d));
  if (concrete.filter((d) => d === -1).length > 1) {
    throw new KerasValueError(`${fn}: cannot reshape to [${fmt(shape)}] with more than one unknown dimension`);
  }
  if (x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i] && d !== null)) return x;
  return applyOp('reshape', [x], { shape: concrete });
}

/** Inserts length-1 axes at output positions `axes` (works whatever dims are unknown). */
export function expandDimsOp(x: KTensor, axes: readonly number[]): KTensor {
  if (axes.length === 0) return x;
  return applyOp('expandDims', [x], { axes: [...axes].sort((p, q) => p - q) });
}

/** `x` reshaped to the run-time shape of `like` (static when both shapes are known). */
export function reshapeLike(x: KTensor, like: KTensor): KTensor {
  const unknown = like.shape.filter((d) => d === null).length;
  // a -1 cannot be resolved for an empty tensor when a known dim is 0: the run-time shape then
  if (unknown === 0 || (unknown === 1 && !like.shape.includes(0))) return reshapeTo(x, like.shape);
  return applyOp('reshapeLike', [x, like], {});
}

/** Transpose with `perm` (no-op for the identity permutation). */
export function transposeOp(x: KTensor, perm: readonly number[]): KTensor {
  if (perm.every((p, i) => p === i)) return x;
  return applyOp('transpose', [x], { perm: [...perm] });
}

/** Broadcast `x` to the run-time shape of `like`. */
export function broadcastLike(x: KTensor, like: KTensor): KTensor {
  if (x.shape.length === like.shape.length && x.shape.every((d, i) => d !== null && d === like.shape[i])) return x;
  if (like.shape.every((d) => d !== null)) return applyOp('broadcastTo', [x], { shape: like.shape as number[] });
  return applyOp('broadcastLike', [x, like], {});
}

/**
 * Sums `g` (the gradient of a broadcast result) down to the run-time shape of `x`,
 * the operand that was broadcast; `others` are the shapes of the other operands
 * broadcast with it. Axes where x's length is 1 at build time are summed here. An
 * axis whose length is unknown at build time may turn out to be 1 while another
 * operand's is not: unless every other operand has length 1 there (then g's length is
 * x's), it is summed when the graph runs if x's length is 1 (the `sumLike` primitive),
 * as TensorFlow does.
 */
export function unbroadcast(g: KTensor, x: KTensor, others: readonly Shape[]): KTensor {
  const shape = x.shape;
  const extra = g.rank - shape.length;
  let out = g;
  if (extra > 0) out = reduceOp('reduceSum', out, Array.from({ length: extra }, (_, i) => i), false);
  const axes: number[] = [];
  let atRunTime = false;
  shape.forEach((d, i) => {
    if (d === 1 && out.shape[i] !== 1) axes.push(i);
    if (d === null && out.shape[i] !== 1) {
      // position i of x is position i + extra of g; others align at their own rank
      const j = i + extra;
      if (others.some((o) => { const k = j - (g.rank - o.length); return k >= 0 && o[k] !== 1; })) atRunTime = true;
    }
  });
  out = reduceOp('reduceSum', out, axes, true);
  return atRunTime ? applyOp('sumLike', [out, x], {}) : out;
}

/** `where(cond, a, b)` with broadcasting. */
export function where(cond: KTensor, a: KTensor, b: KTensor): KTensor {
  return applyOp('where', [cond, a, b], {});
}

/** Zeros shaped like `x` at run time, of `x`'s dtype. */
export function zerosLikeOp(x: KTensor): KTensor {
  return broadcastLike(scalar(0, x.dtype), x);
}

/** Ones shaped like `x` at run time, of `x`'s dtype. */
export function onesLikeOp(x: KTensor): KTensor {
  return broadcastLike(scalar(1, x.dtype), x);
}

/** Matrix product with optional transposes of the last two axes. */
export function matMul(a: KTensor, b: KTensor, transposeA = false, transposeB = false): KTensor {
  return applyOp('matMul', [a, b], { transposeA, transposeB });
}

/** Inverse of a permutation. */
export function inversePerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/** Applies primitive `op`; eager when every input is a constant, lazy otherwise. */
export function applyOp<P extends PrimitiveName>(
  op: P,
  inputs: readonly KTensor[],
  attrs: PrimitiveAttrs[P],
  options: { noGrad?: boolean } = {},
): KTensor {
  const info = inferPrimitive(op, inputs, attrs as OpAttrs[P]);
  const backend = activeBackend();
  for (const t of inputs) checkBackendDType(backend, t.dtype);
  checkBackendDType(backend, info.dtype);
  checkBackendPrimitive(backend, op);
  if (inputs.every((t) => t.node.kind === 'constant')) {
    const natives = inputs.map((t) => constantValue(t, backend));
    const node = { kind: 'op', op, attrs, inputs: [], shape: info.shape, dtype: info.dtype } as unknown as OpNode;
    const out = onEngine(op, backend, () => runKernel(backend, node, natives));
    return constantTensor(backend, out, backend.shapeOf(out), info.dtype);
  }
  return new KTensor(
    { kind: 'op', op, attrs, inputs, noGrad: options.noGrad ?? false } as KTensor['node'],
    info.shape,
    info.dtype,
  );
}

/** Makes a constant tensor on the active backend from a host value. */
export function constantFrom(value: unknown, fn: string, arg: string, dtype?: DType, name?: string): KTensor {
  const host = toHostValue(value, fn, arg, dtype, floatx());
  const backend = activeBackend();
  checkBackendDType(backend, host.dtype);
  const native = fromHostChecked(fn, backend, host.data.length, host.data.byteLength, host.dtype, () => backend.fromHost(host.data, host.shape, host.dtype));
  return constantTensor(backend, native, host.shape, host.dtype, name);
}
