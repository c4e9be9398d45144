/**
 * Elementwise kernels (unary and binary primitives) on tfjs, with the fixes
 * where tfjs departs from the documented semantics:
 * - sign(NaN) is 0 in tfjs: kept NaN here (as NumPy and TF do).
 * - maximum/minimum on wasm keep `a` when `b` is NaN (max(1, NaN) = 1 but
 *   max(NaN, 1) = NaN): NaN now propagates from either side (heap kernels,
 *   which are also 10x faster than wasm's).
 * - int32 pow on wasm goes through double pow and saturates to -2^31 on
 *   overflow: computed here by repeated squaring in int32, which wraps like
 *   NumPy and TF.
 * - floor/ceil/sigmoid/... reject int32 in tfjs, exp/sqrt/... return float32
 *   for int32: the primitive's output dtype is the input's, so such inputs go
 *   through float32 and back (ints and bools only reach these if src/api sends them).
 * - numeric ops on bool inputs compute garbage on wasm: bools go through int32.
 * - sin and cos on wasm reduce large arguments in float32 (sin(1e30) off by 0.04)
 *   and sin(-0) is +0: heap kernels in float64 instead.
 * - neg and abs of int32 go through float32 on wasm (wrong beyond 2^24, and
 *   abs(2^31-1) = -2^31): done with exact int32 subtraction and maximum here.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { BinaryPrimitive, Kernel, UnaryPrimitive } from '../types';
import { conform, toBool } from './dtypes';
import { tf } from './engine';
import { heapMaximum, heapMinimum, heapSign, heapTrig } from './heap-kernels';
import { Comparison, heapCompare } from './heap-compare';
import { broadcastShapes, broadcastTo, select } from './shapes';

type UnaryFn = (x: Tensor) => Tensor;
type BinaryFn = (a: Tensor, b: Tensor) => Tensor;
type UnaryKernel = Kernel<Tensor, 'neg'>;
type BinaryKernel = Kernel<Tensor, 'add'>;

/* ------------------------------------------------------------------------ */
/* Unary                                                                    */
/* ------------------------------------------------------------------------ */

/** A float-only tfjs op: int32/bool inputs go through float32, the result back to the output dtype. */
function floatUnary(f: UnaryFn): UnaryKernel {
  return ([x], _attrs, out) => {
    if (x.dtype === 'float32') return f(x);
    return tf.tidy(() => conform(f(tf.cast(x, 'float32')), out.dtype));
  };
}

/** An op that leaves integers (and bools) unchanged: round, floor, ceil, and abs/relu of bools. */
function floatOnlyElseCopy(f: UnaryFn): UnaryKernel {
  return ([x]) => (x.dtype === 'float32' ? f(x) : tf.clone(x));
}

/** -x; for int32 as 0 - x (exact, wraps at -2^31 like NumPy). */
const neg: UnaryKernel = ([x], _attrs, out) => {
  if (x.dtype === 'float32') return tf.neg(x);
  if (x.dtype === 'int32') return tf.tidy(() => tf.sub(tf.scalar(0, 'int32'), x));
  return tf.tidy(() => conform(tf.sub(tf.scalar(0, 'int32'), tf.cast(x, 'int32')), out.dtype));
};

/** |x|; for int32 as max(x, 0 - x) (exact; abs(-2^31) = -2^31 like NumPy). */
const abs: UnaryKernel = ([x]) => {
  if (x.dtype === 'float32') return tf.abs(x);
  if (x.dtype === 'int32') return tf.tidy(() => heapMaximum(x, tf.sub(tf.scalar(0, 'int32'), x), tf.maximum));
  return tf.clone(x);
};

/** tfjs's sign with NaN kept (the fallback when the heap kernels cannot run). */
function nanSafeSign(x: Tensor): Tensor {
  if (x.dtype !== 'float32') return tf.sign(x);
  return tf.tidy(() => tf.where(tf.isNaN(x), x, tf.sign(x)));
}

/** sign with sign(0) = 0 and sign(NaN) = NaN (tfjs gives 0 for NaN), by a heap kernel. */
const sign: UnaryKernel = ([x]) => {
  if (x.dtype === 'bool' || x.size === 0) return tf.clone(x);
  return heapSign(x, nanSafeSign);
};

const logicalNot: UnaryKernel = ([x]) => {
  if (x.dtype === 'bool') return tf.logicalNot(x);
  return tf.tidy(() => tf.logicalNot(toBool(x)));
};

/** The unary kernels. */
export const UNARY_KERNELS: { readonly [P in UnaryPrimitive]: Kernel<Tensor, P> } = {
  neg,
  abs,
  sign,
  sqrt: floatUnary(tf.sqrt),
  exp: floatUnary(tf.exp),
  log: floatUnary(tf.log),
  tanh: floatUnary(tf.tanh),
  sigmoid: floatUnary(tf.sigmoid),
  relu: ([x]) => (x.dtype === 'bool' ? tf.clone(x) : tf.relu(x)),
  // wasm's sin(-0) is +0 and its argument reduction is float32: heap kernels in float64
  sin: floatUnary((x) => heapTrig('sin', x, (y) => tf.tidy(() => tf.where(tf.equal(y, 0), y, tf.sin(y))))),
  cos: floatUnary((x) => heapTrig('cos', x, tf.cos)),
  // tfjs's Round is half to even on wasm (and cpu), as documented.
  round: floatOnlyElseCopy(tf.round),
  floor: floatOnlyElseCopy(tf.floor),
  ceil: floatOnlyElseCopy(tf.ceil),
  logicalNot,
};

/* ------------------------------------------------------------------------ */
/* Binary                                                                   */
/* ------------------------------------------------------------------------ */

/** A numeric op on float32/int32; bool inputs go through int32 and back (so add = or, mul = and). */
function numericBinary(f: BinaryFn): BinaryKernel {
  return ([a, b], _attrs, out) => {
    if (a.dtype !== 'bool' && b.dtype !== 'bool') return f(a, b);
    return tf.tidy(() => conform(f(tf.cast(a, 'int32'), tf.cast(b, 'int32')), out.dtype));
  };
}

/** A float-only op: ints go through float32 and the result back to the output dtype. */
function floatBinary(f: BinaryFn): BinaryKernel {
  return ([a, b], _attrs, out) => {
    if (a.dtype === 'float32' && b.dtype === 'float32') return f(a, b);
    return tf.tidy(() => conform(f(tf.cast(a, 'float32'), tf.cast(b, 'float32')), out.dtype));
  };
}

/** Exponents up to this (2^24) halve exactly with tfjs-wasm's floorDiv (which goes through float32). */
const EXACT_HALVING = 16777216;

/**
 * Integer power of host int32 values, wrapping like NumPy; a negative exponent gives
 * the real result truncated toward zero (1, +-1 for a base of -1, else 0).
 */
function hostIntPow(base: number, exponent: number): number {
  if (exponent < 0) return base === 1 ? 1 : base === -1 ? (exponent % 2 === 0 ? 1 : -1) : 0;
  let r = 1;
  let b = base | 0;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
  }
  return r;
}

/**
 * Integer power by repeated squaring in int32 (wraps on overflow, as NumPy and TF do).
 * The number of squarings is the bit length of the largest exponent, read from the
 * engine; exponents above 2^24 are computed on the host. A negative exponent gives
 * the real result truncated toward zero: 1 for a base of 1, +-1 for -1 (computed as
 * the power to the exponent's parity), 0 for any other base.
 */
export function intPow(a: Tensor, b: Tensor): Tensor {
  return tf.tidy(() => {
    const shape = broadcastShapes(a.shape, b.shape);
    let result: Tensor = tf.ones(shape, 'int32');
    if (result.size === 0) return result;
    const two = tf.scalar(2, 'int32');
    const one = tf.scalar(1, 'int32');
    const maxExponent = tf.max(b).dataSync()[0];
    const anyNegative = tf.min(b).dataSync()[0] < 0;
    if (maxExponent > EXACT_HALVING) {
      const base = broadcastTo(a, shape).dataSync();
      const exponent = broadcastTo(b, shape).dataSync();
      return tf.tensor(Int32Array.from(base, (v, i) => hostIntPow(v, exponent[i])), shape, 'int32');
    }
    let base = a;
    // negative exponents: their parity (0 or 1; floor mod), so that -1 gives +-1
    const negative = tf.less(b, tf.scalar(0, 'int32'));
    let e = anyNegative ? select(negative, tf.mod(b, two), b) : b;
    for (let m = anyNegative ? Math.max(maxExponent, 1) : maxExponent; m > 0; m = Math.floor(m / 2)) {
      const odd = tf.equal(tf.mod(e, two), one);
      result = select(odd, tf.mul(result, base), result);
      if (m > 1) {
        base = tf.mul(base, base);
        e = tf.floorDiv(e, two);
      }
    }
    if (!anyNegative) return result;
    // a base other than +-1 to a negative power truncates to 0
    const unit = tf.logicalOr(tf.equal(a, one), tf.equal(a, tf.scalar(-1, 'int32')));
    return select(tf.logicalAnd(negative, tf.logicalNot(unit)), tf.zerosLike(result), result);
  });
}

const pow: BinaryKernel = ([a, b], _attrs, out) => {
  if (a.dtype === 'float32' && b.dtype === 'float32') return tf.pow(a, b);
  if (a.dtype === 'int32' && b.dtype === 'int32') return intPow(a, b);
  return tf.tidy(() => conform(intPow(tf.cast(a, 'int32'), tf.cast(b, 'int32')), out.dtype));
};

/**
 * maximum/minimum with NaN from either side (wasm's kernels keep `a` when `b`
 * is NaN), by the heap kernels; on bools: or / and.
 */
function extremum(heap: typeof heapMaximum, f: BinaryFn, onBools: BinaryFn): BinaryKernel {
  const fallback = (x: Tensor, y: Tensor): Tensor => nanSafe(f, x, y);
  return ([a, b], _attrs, out) => {
    if (a.dtype === 'bool' && b.dtype === 'bool') return onBools(a, b);
    if (a.dtype === b.dtype) return heap(a, b, fallback);
    return tf.tidy(() => conform(heap(tf.cast(a, 'float32'), tf.cast(b, 'float32'), fallback), out.dtype));
  };
}

/** f(a, b) with NaN from b too (the fallback when the heap kernels cannot run). */
function nanSafe(f: BinaryFn, a: Tensor, b: Tensor): Tensor {
  if (a.dtype !== 'float32') return f(a, b);
  return tf.tidy(() => {
    const m = f(a, b);
    if (m.size === 0) return m;
    const bb = broadcastTo(b, m.shape);
    return tf.where(tf.isNaN(bb), bb, m);
  });
}

/** A comparison: same-dtype inputs (any dtype), bool output; float32/int32 by the heap kernel where it runs. */
function comparison(f: BinaryFn, op: Comparison): BinaryKernel {
  return ([a, b]) => heapCompare(op, a, b) ?? f(a, b);
}

/** A logical op: bool inputs; other dtypes are read as x != 0. */
function logical(f: BinaryFn): BinaryKernel {
  return ([a, b]) => {
    if (a.dtype === 'bool' && b.dtype === 'bool') return f(a, b);
    return tf.tidy(() => f(toBool(a), toBool(b)));
  };
}

/** The binary kernels (NumPy broadcasting is tfjs's own). */
export const BINARY_KERNELS: { readonly [P in BinaryPrimitive]: Kernel<Tensor, P> } = {
  add: numericBinary(tf.add),
  sub: numericBinary(tf.sub),
  mul: numericBinary(tf.mul),
  // Only floats are documented; ints would make tfjs floor-divide, so they go through float32.
  div: floatBinary(tf.div),
  pow,
  maximum: extremum(heapMaximum, tf.maximum, tf.logicalOr),
  minimum: extremum(heapMinimum, tf.minimum, tf.logicalAnd),
  equal: comparison(tf.equal, 'equal'),
  notEqual: comparison(tf.notEqual, 'notEqual'),
  greater: comparison(tf.greater, 'greater'),
  greaterEqual: comparison(tf.greaterEqual, 'greaterEqual'),
  less: comparison(tf.less, 'less'),
  lessEqual: comparison(tf.lessEqual, 'lessEqual'),
  logicalAnd: logical(tf.logicalAnd),
  logicalOr: logical(tf.logicalOr),
};
