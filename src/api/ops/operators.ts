/**
 * The Python operators as functions (`add`, `subtract`, `multiply`, `divide`,
 * `negative`, `slice`), also installed as KTensor methods. Not catalogue rows:
 * their cases are conformance/cases/operators.ts.
 */
import { isIntDType } from '../../backends/types';
import { floatx } from '../../config';
import { KerasTypeError, KerasValueError } from '../../errors';
import { applyOp, binary, cast, unary } from '../primitives';
import { installTensorMethods, KTensor } from '../tensor';
import { binaryOperands, requireTensorLike, show } from '../validate';
import { fmt } from '../infer';
import type { TensorInput } from '../tensor-input';
import { checkArity } from '../../arity';

/**
 * `x + y` with NumPy broadcasting (also `x.add(y)`).
 *
 * Mirrors Python's `x + y` on Keras tensors.
 */
export function add(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('add', 2, extra);
  return numericOperands('add', x, y, (a, b) => binary('add', a, b));
}

/** Checks the two operands of an arithmetic op (same dtype, not bool) and applies `f`. */
function numericOperands(fn: string, x: unknown, y: unknown, f: (a: KTensor, b: KTensor) => KTensor): KTensor {
  const [a, b] = binaryOperands(x, y, fn);
  if (a.dtype === 'bool') throw new KerasTypeError(`${fn}: arguments 'x' and 'y' must be numeric tensors, got dtype bool (use K.cast)`);
  return f(a, b);
}

/**
 * `x - y` with broadcasting (also `x.subtract(y)`).
 *
 * Mirrors Python's `x - y` on Keras tensors.
 */
export function subtract(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('subtract', 2, extra);
  return numericOperands('subtract', x, y, (a, b) => binary('sub', a, b));
}

/**
 * `x * y` with broadcasting (also `x.multiply(y)`).
 *
 * Mirrors Python's `x * y` on Keras tensors.
 */
export function multiply(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('multiply', 2, extra);
  return numericOperands('multiply', x, y, (a, b) => binary('mul', a, b));
}

/**
 * `x / y` with broadcasting (also `x.divide(y)`): true division; integer
 * operands give floatx, as Python 3's `/`.
 *
 * Mirrors Python's `x / y` on Keras tensors.
 */
export function divide(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('divide', 2, extra);
  return numericOperands('divide', x, y, (a, b) =>
    isIntDType(a.dtype) ? binary('div', cast(a, floatx()), cast(b, floatx())) : binary('div', a, b),
  );
}

/**
 * `-x` (also `x.negative()`).
 *
 * Mirrors Python's unary `-x` on Keras tensors.
 */
export function negative(x: TensorInput, ...extra: []): KTensor {
  checkArity('negative', 1, extra);
  const t = requireTensorLike(x, 'negative');
  if (t.dtype === 'bool') throw new KerasTypeError(`negative: argument 'x' must be a numeric tensor, got dtype bool (use K.cast)`);
  return unary('neg', t);
}

/**
 * A contiguous block of `x`: `start[i]` (>= 0) and `size[i]` (>= 0, or -1 for "to the end")
 * for each axis (also `x.slice(start, size)`).
 *
 * Mirrors Python indexing `x[a:b, ...]` and `keras.backend.slice(x, start, size)`.
 */
export function slice(x: TensorInput, start: readonly number[], size: readonly number[], ...extra: []): KTensor {
  checkArity('slice', 3, extra);
  const t = requireTensorLike(x, 'slice');
  const check = (v: unknown, arg: string): number[] => {
    if (!Array.isArray(v) || v.length !== t.rank || v.some((d) => !Number.isInteger(d))) {
      throw new KerasValueError(`slice: argument '${arg}' must be an array of ${t.rank} integer(s), one per axis of 'x' (shape [${fmt(t.shape)}]), got ${show(v)}`);
    }
    return [...(v as number[])];
  };
  const b = check(start, 'start');
  const s = check(size, 'size');
  b.forEach((bi, i) => {
    const d = t.shape[i];
    if (bi < 0) throw new KerasValueError(`slice: argument 'start[${i}]' must be >= 0, got ${bi}`);
    if (s[i] < -1) throw new KerasValueError(`slice: argument 'size[${i}]' must be >= 0 or -1, got ${s[i]}`);
    if (d !== null && (bi > d || (s[i] >= 0 && bi + s[i] > d))) {
      throw new KerasValueError(`slice: arguments 'start[${i}]' (${bi}) and 'size[${i}]' (${s[i]}) go past the end of axis ${i} of 'x' (shape [${fmt(t.shape)}])`);
    }
  });
  return applyOp('slice', [t], { begin: b, size: s });
}

installTensorMethods({ add, subtract, multiply, divide, negative, slice });
