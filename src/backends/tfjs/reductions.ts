/**
 * Reductions, arg reductions and scans on tfjs. Fixes:
 * - a reduction over a length-0 axis returns uninitialised memory on wasm: the
 *   identity (0, -inf, +inf, 1, false, true) is filled in here (for any
 *   zero-size input: when the reduced axes are not empty, the result is empty).
 *   int32 has no infinities: reduceMax/Min give -2^31 / 2^31-1 there.
 * - max/min/prod/sum of bools are or/and/and/or (wasm kernels are not written for 1-byte bools).
 * - argMax/argMin of bools go through int32; over a length-0 axis they throw.
 * - cumsum/cumprod of bools go through int32 (wasm refuses bools); of zero-size
 *   tensors they divide by zero on wasm: an empty result here.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { KerasValueError } from '../../errors';
import type { Kernel, ReduceAttrs, ReducePrimitive } from '../types';
import { conform, tfDType, toBool } from './dtypes';
import { tf } from './engine';
import { empty } from './shapes';

type ReduceKernel = Kernel<Tensor, 'reduceSum'>;
type ReduceFn = (x: Tensor, axes: number[], keepDims: boolean) => Tensor;

/** The identity of a reduction for a dtype (the value over an empty axis). */
interface Identities {
  readonly float32: number;
  readonly int32: number;
  readonly bool: number;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Static output shape of reducing `shape` over `axes`. */
function reducedShape(shape: readonly number[], { axes, keepDims }: ReduceAttrs): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

/**
 * A reduction kernel: `numeric` for float32/int32, `onBools` for bool inputs
 * (after which the result is converted to the output dtype), `identity` over empty axes.
 */
function reduction(numeric: ReduceFn, onBools: ReduceFn, identity: Identities): ReduceKernel {
  return ([x], attrs, out) => {
    const axes = [...attrs.axes];
    if (x.size === 0) {
      const dtype = x.dtype === 'bool' ? 'bool' : x.dtype === 'int32' ? 'int32' : 'float32';
      return conform(tf.fill(reducedShape(x.shape, attrs), identity[dtype], dtype), out.dtype);
    }
    if (x.dtype === 'bool') return conform(onBools(x, axes, attrs.keepDims), out.dtype);
    return conform(numeric(x, axes, attrs.keepDims), out.dtype);
  };
}

/** A logical reduction: non-bool inputs are read as x != 0. */
function logicalReduction(f: ReduceFn, identity: boolean): ReduceKernel {
  const value = identity ? 1 : 0;
  const onBools = (x: Tensor, axes: number[], keepDims: boolean): Tensor =>
    x.dtype === 'bool' ? f(x, axes, keepDims) : tf.tidy(() => f(toBool(x), axes, keepDims));
  return reduction(onBools, onBools, { float32: value, int32: value, bool: value });
}

/**
 * max/min where a NaN anywhere in the reduced cells gives NaN (NumPy and TensorFlow;
 * the wasm kernels skip a NaN unless it comes first).
 */
function nanPropagating(f: ReduceFn): ReduceFn {
  return (x, axes, keepDims) => {
    if (x.dtype !== 'float32') return f(x, axes, keepDims);
    return tf.tidy(() => {
      const m = f(x, axes, keepDims);
      return tf.where(tf.any(tf.isNaN(x), axes, keepDims), tf.fill(m.shape, NaN), m);
    });
  };
}

/** The reduction kernels. */
export const REDUCE_KERNELS: { readonly [P in ReducePrimitive]: Kernel<Tensor, P> } = {
  reduceSum: reduction(tf.sum, tf.any, { float32: 0, int32: 0, bool: 0 }),
  reduceMax: reduction(nanPropagating(tf.max), tf.any, { float32: -Infinity, int32: INT32_MIN, bool: 0 }),
  reduceMin: reduction(nanPropagating(tf.min), tf.all, { float32: Infinity, int32: INT32_MAX, bool: 1 }),
  reduceProd: reduction(tf.prod, tf.all, { float32: 1, int32: 1, bool: 1 }),
  reduceAny: logicalReduction(tf.any, false),
  reduceAll: logicalReduction(tf.all, true),
};

/** argMax / argMin: first index on ties (tfjs's behaviour, checked), the first NaN if any, int32 output. */
function argReduction<P extends 'argMax' | 'argMin'>(
  f: (x: Tensor, axis: number) => Tensor,
  name: P,
): Kernel<Tensor, P> {
  return ([x], { axis }) => {
    const rest = x.shape.filter((_, i) => i !== axis);
    if (rest.some((d) => d === 0)) return empty(rest, 'int32'); // an empty result, whatever the axis
    if (x.shape[axis] === 0) {
      throw new KerasValueError(`${name}: the reduced axis is empty`);
    }
    if (x.dtype === 'bool') return tf.tidy(() => f(tf.cast(x, 'int32'), axis));
    if (x.dtype !== 'float32') return f(x, axis);
    // The first NaN wins (NumPy and TensorFlow); wasm's kernels skip NaNs.
    return tf.tidy(() => {
      const nan = tf.isNaN(x);
      return tf.where(tf.any(nan, axis), tf.argMax(tf.cast(nan, 'int32'), axis), f(x, axis));
    });
  };
}

/** cumsum / cumprod with exclusive and reverse (tfjs's own flags, checked on wasm). */
function scan<P extends 'cumsum' | 'cumprod'>(
  f: (x: Tensor, axis: number, exclusive: boolean, reverse: boolean) => Tensor,
): Kernel<Tensor, P> {
  return ([x], { axis, exclusive, reverse }, out) => {
    if (x.size === 0) return empty(x.shape, tfDType(out.dtype));
    if (x.dtype !== 'bool') return f(x, axis, exclusive, reverse);
    return tf.tidy(() => conform(f(tf.cast(x, 'int32'), axis, exclusive, reverse), out.dtype));
  };
}

/** argMax, argMin, cumsum, cumprod. */
export const SCAN_KERNELS: {
  readonly argMax: Kernel<Tensor, 'argMax'>;
  readonly argMin: Kernel<Tensor, 'argMin'>;
  readonly cumsum: Kernel<Tensor, 'cumsum'>;
  readonly cumprod: Kernel<Tensor, 'cumprod'>;
} = {
  argMax: argReduction(tf.argMax, 'argMax'),
  argMin: argReduction(tf.argMin, 'argMin'),
  // sums start from +0 (TensorFlow's rule): wasm's running sum keeps a leading -0
  cumsum: scan<'cumsum'>((x, axis, exclusive, reverse) =>
    x.dtype === 'float32' ? tf.tidy(() => tf.add(tf.cumsum(x, axis, exclusive, reverse), tf.scalar(0))) : tf.cumsum(x, axis, exclusive, reverse),
  ),
  cumprod: scan<'cumprod'>(tf.cumprod),
};
