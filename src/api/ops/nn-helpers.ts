/**
 * Internal building blocks of the neural-network functions (activations, losses,
 * normalisation, the learning-phase switches): numerically careful composites over
 * primitives, and argument checks they share. Not part of the public namespace.
 */
import { DType, isFloatDType, Shape } from '../../backends/types';
import { imageDataFormat } from '../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp, asTensor, constantFrom } from '../op';
import { add, binary, div, mul, reduceOp, scalar, sub, unary, where } from '../prims';
import { KTensor } from '../tensor';
import { show } from '../validate';
import { evaluate } from './tensors';

/** `x` with no gradient flowing back through it (TensorFlow's `stop_gradient`). */
export function stopGrad(x: KTensor): KTensor {
  return applyOp('identity', [x], {}, { noGrad: true });
}

/**
 * `log(1 + v)` accurate for small `v >= 0` (Goldberg's trick: `v * log(u) / (u - 1)`
 * with `u = 1 + v` rounded, exact because `u - 1` is). Where `1 + v` rounds to 1 the
 * result is `v` itself. No division by zero is ever evaluated, so gradients stay finite.
 */
export function log1pOf(v: KTensor): KTensor {
  const one = scalar(1, v.dtype);
  const u = add(one, v);
  const d = sub(u, one);
  const tiny = binary('equal', d, scalar(0, v.dtype));
  const dSafe = where(tiny, one, d);
  return where(tiny, v, div(mul(v, unary('log', u)), dSafe));
}

/** `clip_by_value` as TensorFlow 1.x builds it: `maximum(minimum(x, hi), lo)`. */
export function clipValues(x: KTensor, lo: number, hi: number): KTensor {
  return binary('maximum', binary('minimum', x, scalar(hi, x.dtype)), scalar(lo, x.dtype));
}

/**
 * `log(softmax(z))` along `axis`, stably: the maximum is subtracted first (held
 * constant for the gradient, which does not depend on it).
 */
export function logSoftmax(z: KTensor, axis: number): KTensor {
  const m = applyOp('reduceMax', [z], { axes: [axis], keepDims: true }, { noGrad: true });
  const s = sub(z, m);
  return sub(s, unary('log', reduceOp('reduceSum', unary('exp', s), [axis], true)));
}

/**
 * TensorFlow's `sigmoid_cross_entropy_with_logits(labels=t, logits=z)`, in its order
 * of operations: `(relu(z) - z * t) + log1p(exp(-|z|))`, both pieces chosen by the
 * same `z >= 0` test (so the gradient at 0 is exact and nothing overflows).
 */
export function sigmoidCrossEntropy(z: KTensor, t: KTensor): KTensor {
  const zero = scalar(0, z.dtype);
  const nonNeg = binary('greaterEqual', z, zero);
  const reluZ = where(nonNeg, z, zero);
  const negAbs = where(nonNeg, unary('neg', z), z);
  return add(sub(reluZ, mul(z, t)), log1pOf(unary('exp', negAbs)));
}

/**
 * A second tensor operand of `fn` that takes the dtype of `like` when it is not a
 * tensor yet (numbers, nested arrays; for an int32 `like` the values must be whole);
 * a tensor must already have that dtype.
 */
export function operandLike(v: unknown, like: KTensor, fn: string, arg: string, likeArg: string): KTensor {
  let t: KTensor;
  if (v instanceof KTensor) t = v;
  else if (isFloatDType(like.dtype)) t = constantFrom(v, fn, arg, like.dtype);
  else if (like.dtype === 'int32') t = wholeToInt32(asTensor(v, fn, arg, 'int32'), fn, arg);
  else t = asTensor(v, fn, arg, like.dtype);
  if (t.dtype !== like.dtype) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must have the dtype of '${likeArg}' (${like.dtype}), got ${t.dtype} (use K.cast)`);
  }
  return t;
}

/**
 * A constant converted from host values to int32 after checking that its values are
 * whole (float constants); other tensors are returned as they are.
 */
export function wholeToInt32(t: KTensor, fn: string, arg: string): KTensor {
  if (!isFloatDType(t.dtype) || t.node.kind !== 'constant') return t;
  const data = evaluate(t, fn).data;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isInteger(data[i])) {
      throw new KerasValueError(`${fn}: argument '${arg}' must hold whole numbers, got ${show(data[i])} at flat index ${i}`);
    }
  }
  return applyOp('cast', [t], { dtype: 'int32' });
}

/** Whether two static dims may be equal (either unknown, or the same). */
export function dimsCompatible(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

/** Two shapes of the same rank whose known dims agree. */
export function shapesCompatible(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => dimsCompatible(d, b[i]));
}

/** Checks that `p` broadcasts to the shape of `x` (NumPy rules) without growing it. */
export function checkBroadcastsTo(p: KTensor, x: KTensor, fn: string, arg: string, xArg = 'x'): void {
  const off = x.rank - p.rank;
  const ok = off >= 0 && p.shape.every((d, i) => d === 1 || dimsCompatible(d, x.shape[i + off]));
  if (!ok) {
    throw new KerasShapeError(`${fn}: argument '${arg}' has shape [${fmt(p.shape)}], which does not broadcast to the shape [${fmt(x.shape)}] of '${xArg}'`);
  }
}

/** A `dataFormat` argument: null/undefined gives `imageDataFormat()`; any letter case accepted, as Keras lowercases. */
export function dataFormatArg(v: unknown, fn: string): 'channels_first' | 'channels_last' {
  if (v === null || v === undefined) return imageDataFormat();
  if (typeof v === 'string') {
    const l = v.toLowerCase();
    if (l === 'channels_first' || l === 'channels_last') return l;
  }
  throw new KerasValueError(`${fn}: argument 'dataFormat' must be 'channels_first', 'channels_last' or null, got ${show(v)}`);
}

/** An optional boolean flag (undefined gives `dflt`). */
export function flagArg(v: unknown, dflt: boolean, fn: string, arg: string): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new KerasValueError(`${fn}: argument '${arg}' must be a boolean, got ${show(v)}`);
  return v;
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
