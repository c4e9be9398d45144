/**
 * Elementwise kernels: unary primitives, binary primitives with NumPy
 * broadcasting, `where` (three-way broadcasting) and `cast`.
 *
 * Each primitive has its own flat loop function (so each loop stays
 * monomorphic in its operation); a driver picks same-shape, scalar or strided
 * row-by-row iteration and calls the loop once per run of elements.
 */
import {
  BinaryPrimitive,
  COMPARISON_PRIMITIVES,
  DType,
  HostArray,
  UnaryPrimitive,
  convertElement,
  isFloatDType,
  isIntDType,
  roundToFloat16,
  sizeOf,
} from '../types';
import { broadcastShapes, broadcastStrides, rowWalk, sameShape } from './broadcast';
import { RefTensor, storageFor } from './tensor';

/* ------------------------------------------------------------------------ */
/* Scalar helpers                                                           */
/* ------------------------------------------------------------------------ */

/** Round half to even (banker's rounding), keeping the sign of zero. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // half rounds up, toward +inf
  // r - x is exact here; at exactly .5 above x, r is odd iff rounding up was wrong.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Integer power with int32 wrap-around (exponent >= 0; a negative one truncates the real result). */
export function intPow(base: number, exp: number): number {
  if (exp < 0) {
    if (base === 1) return 1;
    if (base === -1) return exp & 1 ? -1 : 1;
    return 0; // |base| >= 2: |base^exp| < 1 truncates to 0 (0^negative has no integer value either)
  }
  let r = 1;
  let b = base | 0;
  let e = exp >>> 0;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
    e >>>= 1;
  }
  return r;
}

/* ------------------------------------------------------------------------ */
/* Unary                                                                    */
/* ------------------------------------------------------------------------ */

/** A unary loop over `n` contiguous elements. */
type UnaryLoop = (x: HostArray, o: HostArray, n: number) => void;

const UNARY_LOOPS: { readonly [P in UnaryPrimitive]: UnaryLoop } = {
  neg: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = -x[i];
  },
  abs: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.abs(x[i]);
  },
  sign: (x, o, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      o[i] = v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v; // sign(-0) = +0 (NumPy, TF); NaN passes through
    }
  },
  sqrt: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.sqrt(x[i]);
  },
  exp: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.exp(x[i]);
  },
  log: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.log(x[i]);
  },
  tanh: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.tanh(x[i]);
  },
  sigmoid: (x, o, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v >= 0) {
        o[i] = 1 / (1 + Math.exp(-v));
      } else {
        const e = Math.exp(v); // no overflow: v < 0
        o[i] = e / (1 + e);
      }
    }
  },
  relu: (x, o, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      o[i] = v > 0 || v !== v ? v : 0; // NaN propagates
    }
  },
  sin: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.sin(x[i]);
  },
  cos: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.cos(x[i]);
  },
  round: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = roundHalfEven(x[i]);
  },
  floor: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.floor(x[i]);
  },
  ceil: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = Math.ceil(x[i]);
  },
  logicalNot: (x, o, n) => {
    for (let i = 0; i < n; i++) o[i] = +(x[i] === 0);
  },
};

/** Applies unary primitive `op` elementwise; the output has the input's dtype. */
export function unary(op: UnaryPrimitive, x: RefTensor): RefTensor {
  const loop = UNARY_LOOPS[op];
  if (loop === undefined) throw new Error(`reference backend: unknown unary primitive ${String(op)}`);
  const n = x.data.length;
  const out = storageFor(x.dtype, n);
  if (op === 'relu' && x.data instanceof Float32Array && out instanceof Float32Array) reluFloat32Bits(x.data, out, n);
  else loop(x.data, out, n);
  return { data: out, shape: x.shape.slice(), dtype: x.dtype };
}

/** A typed array's memory as int32 words (for arrays of 4-byte elements). */
export function words(a: Float32Array | Int32Array): Int32Array {
  return a instanceof Int32Array ? a : new Int32Array(a.buffer, a.byteOffset, a.length);
}

/**
 * relu on float32 bit patterns, without a branch per element (a branch on the
 * sign of unsorted data mispredicts half the time, several times the cost of
 * the loop): a word below -2^23 + 1 is a negative number or -0 (negative NaNs lie
 * above) and becomes +0; every other word (positive, +0, any NaN) is kept.
 * The same values as `UNARY_LOOPS.relu`.
 */
function reluFloat32Bits(x: Float32Array, o: Float32Array, n: number): void {
  const xi = words(x);
  const oi = words(o);
  for (let i = 0; i < n; i++) {
    const b = xi[i];
    // (b >> 31): b is negative as an int32; (b + 8388607) >> 31: below -8388607 (no overflow for b < 0).
    oi[i] = b & ~((b >> 31) & ((b + 8388607) >> 31));
  }
}

/* ------------------------------------------------------------------------ */
/* Binary                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * A binary loop over `n` elements: a and b advance by their strides (0 for a
 * stretched operand), the output is contiguous from `oo`.
 */
type BinaryLoop = (
  a: HostArray,
  ao: number,
  as: number,
  b: HostArray,
  bo: number,
  bs: number,
  o: HostArray,
  oo: number,
  n: number,
) => void;

// Int32 add/sub/neg wrap by themselves: the exact double result is stored with ToInt32.
// Comparisons store `+(cond)`: branch-free, several times faster than `cond ? 1 : 0` on unsorted data.
const FLOAT_LOOPS: { readonly [P in BinaryPrimitive]: BinaryLoop } = {
  add: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = a[ao] + b[bo];
  },
  sub: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = a[ao] - b[bo];
  },
  mul: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = a[ao] * b[bo];
  },
  div: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = a[ao] / b[bo];
  },
  pow: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = Math.pow(a[ao], b[bo]);
  },
  maximum: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) {
      const x = a[ao];
      const y = b[bo];
      o[oo + i] = x > y || x !== x ? x : y; // NaN in either propagates
    }
  },
  minimum: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) {
      const x = a[ao];
      const y = b[bo];
      o[oo + i] = x < y || x !== x ? x : y;
    }
  },
  equal: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] === b[bo]);
  },
  notEqual: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] !== b[bo]);
  },
  greater: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] > b[bo]);
  },
  greaterEqual: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] >= b[bo]);
  },
  less: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] < b[bo]);
  },
  lessEqual: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] <= b[bo]);
  },
  logicalAnd: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] !== 0) & +(b[bo] !== 0);
  },
  logicalOr: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = +(a[ao] !== 0) | +(b[bo] !== 0);
  },
};

/**
 * Contiguous loops for the float arithmetic that training steps spend their
 * elementwise time in: both operands of the output's layout (`same`), or the
 * second (`scalarB`) or first (`scalarA`) a single value. The same values as
 * the strided loops, without their index arithmetic.
 */
interface ContiguousLoops {
  readonly same: (a: HostArray, b: HostArray, o: HostArray, n: number) => void;
  readonly scalarB: (a: HostArray, y: number, o: HostArray, n: number) => void;
  readonly scalarA: (x: number, b: HostArray, o: HostArray, n: number) => void;
  /** b is one row (a vector along the last axis, as a bias), repeated `rows` times. */
  readonly rowB: (a: HostArray, b: HostArray, o: HostArray, rows: number, len: number) => void;
}

const FLOAT_CONTIGUOUS: Partial<Record<BinaryPrimitive, ContiguousLoops>> = {
  add: {
    same: (a, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] + b[i];
    },
    scalarB: (a, y, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] + y;
    },
    scalarA: (x, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = x + b[i];
    },
    rowB: (a, b, o, rows, len) => {
      for (let r = 0, i = 0; r < rows; r++) for (let j = 0; j < len; j++, i++) o[i] = a[i] + b[j];
    },
  },
  sub: {
    same: (a, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] - b[i];
    },
    scalarB: (a, y, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] - y;
    },
    scalarA: (x, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = x - b[i];
    },
    rowB: (a, b, o, rows, len) => {
      for (let r = 0, i = 0; r < rows; r++) for (let j = 0; j < len; j++, i++) o[i] = a[i] - b[j];
    },
  },
  mul: {
    same: (a, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] * b[i];
    },
    scalarB: (a, y, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] * y;
    },
    scalarA: (x, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = x * b[i];
    },
    rowB: (a, b, o, rows, len) => {
      for (let r = 0, i = 0; r < rows; r++) for (let j = 0; j < len; j++, i++) o[i] = a[i] * b[j];
    },
  },
  div: {
    same: (a, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] / b[i];
    },
    scalarB: (a, y, o, n) => {
      for (let i = 0; i < n; i++) o[i] = a[i] / y;
    },
    scalarA: (x, b, o, n) => {
      for (let i = 0; i < n; i++) o[i] = x / b[i];
    },
    rowB: (a, b, o, rows, len) => {
      for (let r = 0, i = 0; r < rows; r++) for (let j = 0; j < len; j++, i++) o[i] = a[i] / b[j];
    },
  },
};

/**
 * Loops that differ for the integer dtypes: products wrap (Math.imul keeps the low
 * 32 bits, and storing into an 8- or 16-bit array keeps the low 8 or 16 of those,
 * so every width wraps as NumPy does) and pow is integer power (likewise).
 */
const INT_LOOPS: Partial<Record<BinaryPrimitive, BinaryLoop>> = {
  mul: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = Math.imul(a[ao], b[bo]);
  },
  pow: (a, ao, as, b, bo, bs, o, oo, n) => {
    for (let i = 0; i < n; i++, ao += as, bo += bs) o[oo + i] = intPow(a[ao], b[bo]);
  },
  div: (a, ao, as, b, bo, bs, o, oo, n) => {
    // Not reached through src/api (it casts to float first); truncating division, x/0 = 0.
    for (let i = 0; i < n; i++, ao += as, bo += bs) {
      const y = b[bo];
      o[oo + i] = y === 0 ? 0 : Math.trunc(a[ao] / y);
    }
  },
};

/** The output dtype of binary primitive `op` on inputs of `dtype`. */
export function binaryOutDType(op: BinaryPrimitive, dtype: DType): DType {
  return COMPARISON_PRIMITIVES.has(op) ? 'bool' : dtype;
}

/** Whether `shape` broadcast to `to` is one row repeated: its last dim is `to`'s, every other one 1. */
function isRow(shape: readonly number[], to: readonly number[]): boolean {
  const last = shape.length - 1;
  if (last < 0 || shape[last] !== to[to.length - 1]) return false;
  for (let d = 0; d < last; d++) if (shape[d] !== 1) return false;
  return true;
}

/** Applies binary primitive `op` with NumPy broadcasting. */
export function binary(op: BinaryPrimitive, a: RefTensor, b: RefTensor): RefTensor {
  const loop = (isIntDType(a.dtype) ? INT_LOOPS[op] : undefined) ?? FLOAT_LOOPS[op];
  if (loop === undefined) throw new Error(`reference backend: unknown binary primitive ${String(op)}`);
  const fast = a.dtype === 'float32' || a.dtype === 'float64' ? FLOAT_CONTIGUOUS[op] : undefined;
  const dtype = binaryOutDType(op, a.dtype);
  const ad = a.data;
  const bd = b.data;
  if (sameShape(a.shape, b.shape)) {
    const n = ad.length;
    const out = storageFor(dtype, n);
    if (fast !== undefined) fast.same(ad, bd, out, n);
    else loop(ad, 0, 1, bd, 0, 1, out, 0, n);
    return { data: out, shape: a.shape.slice(), dtype };
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const n = sizeOf(shape);
  const out = storageFor(dtype, n);
  if (n === 0) return { data: out, shape, dtype };
  // One side fills the output layout, the other is a single value.
  if (bd.length === 1 && ad.length === n) {
    if (fast !== undefined) fast.scalarB(ad, bd[0], out, n);
    else loop(ad, 0, 1, bd, 0, 0, out, 0, n);
  } else if (ad.length === 1 && bd.length === n) {
    if (fast !== undefined) fast.scalarA(ad[0], bd, out, n);
    else loop(ad, 0, 0, bd, 0, 1, out, 0, n);
  } else if (fast !== undefined && ad.length === n && isRow(b.shape, shape)) {
    const len = shape[shape.length - 1];
    fast.rowB(ad, bd, out, n / len, len);
  } else {
    const walk = rowWalk(shape, [broadcastStrides(a.shape, shape), broadcastStrides(b.shape, shape)]);
    const len = walk.rowLength;
    const [as, bs] = walk.rowStrides;
    const offsets = walk.offsets;
    for (let r = 0, oo = 0; r < walk.rows; r++, oo += len) {
      loop(ad, offsets[0], as, bd, offsets[1], bs, out, oo, len);
      walk.next();
    }
  }
  return { data: out, shape, dtype };
}

/* ------------------------------------------------------------------------ */
/* where, cast                                                              */
/* ------------------------------------------------------------------------ */

function fourBytes(a: HostArray): a is Float32Array | Int32Array {
  return a instanceof Float32Array || a instanceof Int32Array;
}

/** `cond ? a : b` elementwise, the three broadcast together; the output has a's dtype. */
export function where(cond: RefTensor, a: RefTensor, b: RefTensor): RefTensor {
  const shape = broadcastShapes(cond.shape, a.shape, b.shape);
  const n = sizeOf(shape);
  const dtype = a.dtype;
  const out = storageFor(dtype, n);
  const c = cond.data;
  const x = a.data;
  const y = b.data;
  if (n === 0) return { data: out, shape, dtype };
  if (c.length === n && x.length === n && y.length === n) {
    if (c instanceof Uint8Array && fourBytes(x) && fourBytes(y) && fourBytes(out)) {
      // A bitwise select of the words, without a branch per element (see reluFloat32Bits).
      const xi = words(x);
      const yi = words(y);
      const oi = words(out);
      for (let i = 0; i < n; i++) {
        const ci = c[i];
        const m = (ci | -ci) >> 31; // -1 where c[i] != 0, else 0
        oi[i] = (xi[i] & m) | (yi[i] & ~m);
      }
    } else {
      for (let i = 0; i < n; i++) out[i] = c[i] !== 0 ? x[i] : y[i];
    }
    return { data: out, shape, dtype };
  }
  const walk = rowWalk(shape, [
    broadcastStrides(cond.shape, shape),
    broadcastStrides(a.shape, shape),
    broadcastStrides(b.shape, shape),
  ]);
  const len = walk.rowLength;
  const [cs, xs, ys] = walk.rowStrides;
  const offsets = walk.offsets;
  for (let r = 0, o = 0; r < walk.rows; r++) {
    let co = offsets[0];
    let xo = offsets[1];
    let yo = offsets[2];
    for (let i = 0; i < len; i++, o++, co += cs, xo += xs, yo += ys) out[o] = c[co] !== 0 ? x[xo] : y[yo];
    walk.next();
  }
  return { data: out, shape, dtype };
}

/**
 * Converts `x` to `dtype` by the one conversion rule (`convertElement` in
 * ../dtypes.ts): float -> int truncates toward zero, saturating at the target's
 * range (NaN gives 0, as XLA does); int -> int wraps; x -> bool is x != 0;
 * bool -> number is 0/1; to a float, rounds to nearest (float16 directly from the
 * source value, so float64 -> float16 rounds once).
 */
export function cast(x: RefTensor, dtype: DType): RefTensor {
  const n = x.data.length;
  const out = storageFor(dtype, n);
  const src = x.data;
  const fromFloat = isFloatDType(x.dtype);
  if (dtype === 'bool') {
    for (let i = 0; i < n; i++) out[i] = +(src[i] !== 0); // NaN != 0 is true
  } else if (isIntDType(dtype) && fromFloat) {
    for (let i = 0; i < n; i++) out[i] = convertElement(src[i], dtype, fromFloat);
  } else if (dtype === 'float16') {
    for (let i = 0; i < n; i++) out[i] = roundToFloat16(src[i]);
  } else {
    out.set(src); // int -> int wraps by the store (ToInt8, ToUint16, ...); float32 and float64 targets round
  }
  return { data: out, shape: x.shape.slice(), dtype };
}
