/**
 * Arithmetic and elementwise math: the Python operators as functions, and
 * `dot`, `transpose`, `square`, `sqrt`, `exp`, `log`, `abs`.
 */
import { isFloatDType, isIntDType } from '../../backends/types';
import { floatx } from '../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { fmt } from '../infer';
import { applyOp } from '../op';
import { binary, cast, matMul, reshapeTo, scalar, transposeOp, unary } from '../prims';
import { installTensorMethods, KTensor } from '../tensor';
import { binaryOperands, floatTensor, requireTensorLike, show } from '../validate';
import { notImplemented, NotImplemented } from '../not-implemented';

/**
 * `x + y` with NumPy broadcasting (also `x.add(y)`).
 *
 * Mirrors Python's `x + y` on Keras tensors.
 */
export function add(x: unknown, y: unknown): KTensor {
  const [a, b] = binaryOperands(x, y, 'add');
  if (a.dtype === 'bool') throw new KerasTypeError(`add: bool tensors cannot be added (cast them first)`);
  return binary('add', a, b);
}

/**
 * `x - y` with broadcasting (also `x.subtract(y)`).
 *
 * Mirrors Python's `x - y` on Keras tensors.
 */
export function subtract(x: unknown, y: unknown): KTensor {
  const [a, b] = binaryOperands(x, y, 'subtract');
  if (a.dtype === 'bool') throw new KerasTypeError(`subtract: bool tensors cannot be subtracted (cast them first)`);
  return binary('sub', a, b);
}

/**
 * `x * y` with broadcasting (also `x.multiply(y)`).
 *
 * Mirrors Python's `x * y` on Keras tensors.
 */
export function multiply(x: unknown, y: unknown): KTensor {
  const [a, b] = binaryOperands(x, y, 'multiply');
  if (a.dtype === 'bool') throw new KerasTypeError(`multiply: bool tensors cannot be multiplied (cast them first)`);
  return binary('mul', a, b);
}

/**
 * `x / y` with broadcasting (also `x.divide(y)`): true division; integer
 * operands give floatx, as Python 3's `/`.
 *
 * Mirrors Python's `x / y` on Keras tensors.
 */
export function divide(x: unknown, y: unknown): KTensor {
  let [a, b] = binaryOperands(x, y, 'divide');
  if (a.dtype === 'bool') throw new KerasTypeError(`divide: bool tensors cannot be divided (cast them first)`);
  if (isIntDType(a.dtype)) {
    a = cast(a, floatx());
    b = cast(b, floatx());
  }
  return binary('div', a, b);
}

/**
 * `-x` (also `x.negative()`).
 *
 * Mirrors Python's unary `-x` on Keras tensors.
 */
export function negative(x: unknown): KTensor {
  const t = requireTensorLike(x, 'negative');
  if (t.dtype === 'bool') throw new KerasTypeError(`negative: argument 'x' must be numeric, got bool`);
  return unary('neg', t);
}

/**
 * A contiguous block of `x`: `start[i]` (>= 0) and `size[i]` (>= 0, or -1 for "to the end")
 * for each axis (also `x.slice(start, size)`).
 *
 * Mirrors Python indexing `x[a:b, ...]` and `keras.backend.slice(x, start, size)`.
 */
export function slice(x: unknown, start: readonly number[], size: readonly number[]): KTensor {
  const t = requireTensorLike(x, 'slice');
  const check = (v: unknown, arg: string): number[] => {
    if (!Array.isArray(v) || v.length !== t.rank || v.some((d) => !Number.isInteger(d))) {
      throw new KerasValueError(`slice: argument '${arg}' must be an array of ${t.rank} integers (one per axis), got ${show(v)}`);
    }
    return [...(v as number[])];
  };
  const b = check(start, 'start');
  const s = check(size, 'size');
  b.forEach((bi, i) => {
    const d = t.shape[i];
    if (bi < 0) throw new KerasValueError(`slice: start[${i}] must be >= 0, got ${bi}`);
    if (s[i] < -1) throw new KerasValueError(`slice: size[${i}] must be >= 0 or -1, got ${s[i]}`);
    if (d !== null && (bi > d || (s[i] >= 0 && bi + s[i] > d))) {
      throw new KerasValueError(`slice: start[${i}]=${bi} with size[${i}]=${s[i]} goes past dimension ${i} of length ${d}`);
    }
  });
  return applyOp('slice', [t], { begin: b, size: s });
}

installTensorMethods({ add, subtract, multiply, divide, negative, slice });

/**
 * Multiplies two tensors: matrix product for 2-D, and for N-D the sum over the last
 * axis of `x` and the second-to-last axis of `y` (as Keras / Theano `dot`); 1-D
 * operands act as vectors.
 *
 * Mirrors `keras.backend.dot(x, y)`.
 */
export function dot(x: unknown, y: unknown): KTensor {
  const [a, b] = binaryOperands(x, y, 'dot');
  if (!isFloatDType(a.dtype)) throw new KerasTypeError(`dot: arguments must be float tensors, got ${a.dtype}`);
  if (a.rank === 0 || b.rank === 0) throw new KerasValueError(`dot: arguments must have rank >= 1, got shapes [${fmt(a.shape)}] and [${fmt(b.shape)}]`);
  const ka = a.shape[a.rank - 1];
  const kb = b.rank === 1 ? b.shape[0] : b.shape[b.rank - 2];
  if (ka !== null && kb !== null && ka !== kb) {
    throw new KerasShapeError(`dot: shapes [${fmt(a.shape)}] and [${fmt(b.shape)}] do not align (${ka} != ${kb})`);
  }
  if (a.rank <= 2 && b.rank <= 2) {
    const a2 = a.rank === 1 ? reshapeTo(a, [1, ka], 'dot') : a;
    const b2 = b.rank === 1 ? reshapeTo(b, [kb, 1], 'dot') : b;
    const p = matMul(a2, b2);
    if (a.rank === 1 && b.rank === 1) return reshapeTo(p, [], 'dot');
    if (a.rank === 1) return reshapeTo(p, [b.shape[1]], 'dot');
    if (b.rank === 1) return reshapeTo(p, [a.shape[0]], 'dot');
    return p;
  }
  // N-D: x [..., k] . y [..., k, n] -> x.shape[:-1] + y.shape[:-2] + [n]
  const k = ka ?? kb;
  if (k === null) throw new KerasValueError(`dot: the contracted dimension must be known`);
  const yPerm = b.rank === 1 ? [0] : [b.rank - 2, ...Array.from({ length: b.rank }, (_, i) => i).filter((i) => i !== b.rank - 2)];
  const yRest = yPerm.slice(1).map((i) => b.shape[i]);
  if (yRest.some((d) => d === null)) throw new KerasValueError(`dot: the dimensions of 'y' must be known for N-D dot`);
  const nCols = (yRest as number[]).reduce((p, d) => p * d, 1);
  const a2 = reshapeTo(a, [null, k], 'dot');
  const b2 = reshapeTo(transposeOp(b, yPerm), [k, nCols], 'dot');
  const p = matMul(a2, b2);
  const outShape = [...a.shape.slice(0, -1), ...(b.rank === 1 ? [] : b.shape.slice(0, -2)), ...(b.rank === 1 ? [] : [b.shape[b.rank - 1]])];
  return reshapeTo(p, outShape, 'dot');
}

/**
 * Transposes a tensor (reverses its axes).
 *
 * Mirrors `keras.backend.transpose(x)`.
 */
export function transpose(x: unknown): KTensor {
  const t = requireTensorLike(x, 'transpose');
  return transposeOp(t, Array.from({ length: t.rank }, (_, i) => t.rank - 1 - i));
}

/**
 * Elementwise square.
 *
 * Mirrors `keras.backend.square(x)`.
 */
export function square(x: unknown): KTensor {
  const t = requireTensorLike(x, 'square');
  if (t.dtype === 'bool') throw new KerasTypeError(`square: argument 'x' must be numeric, got bool`);
  return binary('mul', t, t);
}

/**
 * Elementwise absolute value.
 *
 * Mirrors `keras.backend.abs(x)`.
 */
export function abs(x: unknown): KTensor {
  const t = requireTensorLike(x, 'abs');
  if (t.dtype === 'bool') throw new KerasTypeError(`abs: argument 'x' must be numeric, got bool`);
  return unary('abs', t);
}

/**
 * Elementwise square root; negative inputs give 0 (Keras clips them to 0 first).
 *
 * Mirrors `keras.backend.sqrt(x)`.
 */
export function sqrt(x: unknown): KTensor {
  const t = floatTensor(x, 'sqrt');
  return unary('sqrt', binary('maximum', t, scalar(0, t.dtype)));
}

/**
 * Elementwise exponential.
 *
 * Mirrors `keras.backend.exp(x)`.
 */
export function exp(x: unknown): KTensor {
  return unary('exp', floatTensor(x, 'exp'));
}

/**
 * Elementwise natural logarithm.
 *
 * Mirrors `keras.backend.log(x)`.
 */
export function log(x: unknown): KTensor {
  return unary('log', floatTensor(x, 'log'));
}

/* Not implemented yet: each throws NotImplementedYetError (see ../not-implemented.ts). */
/** Not implemented yet: mirrors `keras.backend.round`. Throws NotImplementedYetError. */
export const round: NotImplemented = notImplemented('round', 'round');
/** Not implemented yet: mirrors `keras.backend.sign`. Throws NotImplementedYetError. */
export const sign: NotImplemented = notImplemented('sign', 'sign');
/** Not implemented yet: mirrors `keras.backend.pow`. Throws NotImplementedYetError. */
export const pow: NotImplemented = notImplemented('pow', 'pow');
/** Not implemented yet: mirrors `keras.backend.clip`. Throws NotImplementedYetError. */
export const clip: NotImplemented = notImplemented('clip', 'clip');
/** Not implemented yet: mirrors `keras.backend.equal`. Throws NotImplementedYetError. */
export const equal: NotImplemented = notImplemented('equal', 'equal');
/** Not implemented yet: mirrors `keras.backend.not_equal`. Throws NotImplementedYetError. */
export const notEqual: NotImplemented = notImplemented('not_equal', 'notEqual');
/** Not implemented yet: mirrors `keras.backend.greater`. Throws NotImplementedYetError. */
export const greater: NotImplemented = notImplemented('greater', 'greater');
/** Not implemented yet: mirrors `keras.backend.greater_equal`. Throws NotImplementedYetError. */
export const greaterEqual: NotImplemented = notImplemented('greater_equal', 'greaterEqual');
/** Not implemented yet: mirrors `keras.backend.less`. Throws NotImplementedYetError. */
export const less: NotImplemented = notImplemented('less', 'less');
/** Not implemented yet: mirrors `keras.backend.less_equal`. Throws NotImplementedYetError. */
export const lessEqual: NotImplemented = notImplemented('less_equal', 'lessEqual');
/** Not implemented yet: mirrors `keras.backend.maximum`. Throws NotImplementedYetError. */
export const maximum: NotImplemented = notImplemented('maximum', 'maximum');
/** Not implemented yet: mirrors `keras.backend.minimum`. Throws NotImplementedYetError. */
export const minimum: NotImplemented = notImplemented('minimum', 'minimum');
/** Not implemented yet: mirrors `keras.backend.sin`. Throws NotImplementedYetError. */
export const sin: NotImplemented = notImplemented('sin', 'sin');
/** Not implemented yet: mirrors `keras.backend.cos`. Throws NotImplementedYetError. */
export const cos: NotImplemented = notImplemented('cos', 'cos');
/** Not implemented yet: mirrors `keras.backend.gather`. Throws NotImplementedYetError. */
export const gather: NotImplemented = notImplemented('gather', 'gather');
/** Not implemented yet: mirrors `keras.backend.batch_dot`. Throws NotImplementedYetError. */
export const batchDot: NotImplemented = notImplemented('batch_dot', 'batchDot');
