/**
 * Inspecting tensors (the tensors group): what kind of tensor a value is, its
 * shape, rank and dtype, its value (`eval`) and its parameter count.
 */
import { DType } from '../../../backends/types';
import { KerasValueError } from '../../../errors';
import { activeBackend } from '../../engine';
import { runLazy } from '../../graph';
import { fmt } from '../../infer';
import { NDArray } from '../../ndarray';
import { applyOp, constantFrom, constantOf } from '../../primitives';
import { KSparseTensor } from '../../sparse';
import { constantValue, KTensor, variableValue } from '../../tensor';
import { numbersOf, requireTensor, requireTensorLike } from '../../validate';
import { kerasFunction, KUpdate, toNDArray } from '../graph/function';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/**
 * Whether `x` is a placeholder.
 *
 * Mirrors `keras.backend.is_placeholder(x)`.
 */
export function isPlaceholder(x: unknown, ...extra: []): boolean {
  checkArity('isPlaceholder', 1, extra);
  return x instanceof KTensor && x.node.kind === 'placeholder';
}

/**
 * Whether `x` is a Keras tensor (the output of a Keras layer or `Input`). This
 * library has no layers, so every KTensor answers false; a non-tensor is an error.
 *
 * Mirrors `keras.backend.is_keras_tensor(x)`.
 */
export function isKerasTensor(x: unknown, ...extra: []): boolean {
  checkArity('isKerasTensor', 1, extra);
  if (!(x instanceof KTensor)) {
    throw new KerasValueError(`isKerasTensor: argument 'x' must be a symbolic tensor (KTensor), got ${x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x}`);
  }
  return false;
}

/**
 * Whether `tensor` is sparse: a `KSparseTensor` (as `ctcLabelDenseToSparse` returns) is;
 * every KTensor is dense.
 *
 * Mirrors `keras.backend.is_sparse(tensor)`.
 */
export function isSparse(tensor: unknown, ...extra: []): boolean {
  checkArity('isSparse', 1, extra);
  if (tensor instanceof KSparseTensor) return true;
  requireTensor(tensor, 'isSparse', 'tensor');
  return false;
}

/**
 * A dense tensor from `tensor`: a KTensor is returned as it is; a `KSparseTensor`
 * becomes a constant of its dense shape holding its values at its indices and 0
 * elsewhere (read now, as TensorFlow's sparse.to_dense with its default value).
 *
 * Mirrors `keras.backend.to_dense(tensor)`.
 */
export function toDense(tensor: TensorInput | KSparseTensor, ...extra: []): KTensor {
  checkArity('toDense', 1, extra);
  if (!(tensor instanceof KSparseTensor)) return requireTensor(tensor, 'toDense', 'tensor');
  const fn = 'toDense';
  const shapeValues = numbersOf(evaluateFor(tensor.denseShape, fn));
  const indices = numbersOf(evaluateFor(tensor.indices, fn));
  const values = numbersOf(evaluateFor(tensor.values, fn));
  const strides = shapeValues.map((_, i) => shapeValues.slice(i + 1).reduce((p, d) => p * d, 1));
  const data = new Array<number>(shapeValues.reduce((p, d) => p * d, 1)).fill(0);
  for (let i = 0; i < values.length; i++) {
    let flat = 0;
    for (let a = 0; a < shapeValues.length; a++) flat += indices[i * shapeValues.length + a] * strides[a];
    data[flat] = values[i];
  }
  return constantOf(data, shapeValues, tensor.dtype, fn);
}

/**
 * The shape of `x` as an int32 tensor: a constant when the static shape is known,
 * otherwise read at run time (dims of placeholders).
 *
 * Mirrors `keras.backend.shape(x)`.
 */
export function shape(x: TensorInput, ...extra: []): KTensor {
  checkArity('shape', 1, extra);
  const t = requireTensorLike(x, 'shape');
  if (t.shape.some((d) => d === null)) return applyOp('shapeOf', [t], {});
  return constantFrom({ data: Int32Array.from(t.shape as number[]), shape: [t.rank], dtype: 'int32' }, 'shape', 'x', 'int32');
}

/**
 * The static shape of `x`, `null` for unknown dims.
 *
 * Mirrors `keras.backend.int_shape(x)`.
 */
export function intShape(x: TensorInput, ...extra: []): (number | null)[] {
  checkArity('intShape', 1, extra);
  return [...requireTensorLike(x, 'intShape').shape];
}

/**
 * The number of axes of `x`.
 *
 * Mirrors `keras.backend.ndim(x)`.
 */
export function ndim(x: TensorInput, ...extra: []): number {
  checkArity('ndim', 1, extra);
  return requireTensorLike(x, 'ndim').rank;
}

/**
 * The dtype of `x`, as a string.
 *
 * Mirrors `keras.backend.dtype(x)`.
 */
export function dtype(x: TensorInput, ...extra: []): DType {
  checkArity('dtype', 1, extra);
  return requireTensorLike(x, 'dtype').dtype;
}

/**
 * The value of a tensor, as an NDArray. Given an update (`K.update(v, x)` and the
 * like), applies it and returns the variable's new value, as Keras 2.3.1 does.
 *
 * Mirrors `keras.backend.eval(x)` (exported as `eval`).
 */
export function evaluate(x: TensorInput | KUpdate, ...extra: []): NDArray {
  checkArity('eval', 1, extra);
  return evaluateFor(x, 'eval');
}

/** `evaluate` for the library's own use: errors name `fn`, the public function that asked. */
export function evaluateFor(x: TensorInput | KUpdate, fn: string): NDArray {
  if (x instanceof KUpdate) {
    const f = kerasFunction([], [x.value], [x]);
    try {
      return f([])[0] as NDArray;
    } finally {
      f.dispose();
    }
  }
  const t = requireTensorLike(x, fn);
  const backend = activeBackend();
  if (t.node.kind === 'constant') return toNDArray(backend, constantValue(t, backend), t.dtype);
  if (t.node.kind === 'variable') return toNDArray(backend, variableValue(t, backend), t.dtype);
  const [v] = runLazy(backend, [t], fn);
  try {
    return toNDArray(backend, v, t.dtype);
  } finally {
    backend.dispose(v);
  }
}

/**
 * The number of scalars in `x` (its static shape must be known).
 *
 * Mirrors `keras.backend.count_params(x)`.
 */
export function countParams(x: TensorInput, ...extra: []): number {
  checkArity('countParams', 1, extra);
  const t = requireTensorLike(x, 'countParams');
  if (t.shape.some((d) => d === null)) {
    throw new KerasValueError(`countParams: the shape [${fmt(t.shape)}] of argument 'x' has unknown dimensions`);
  }
  return (t.shape as number[]).reduce((p, d) => p * d, 1);
}

/**
 * The static shape of a variable (or any tensor), `null` for unknown dims: the same
 * as `intShape`.
 *
 * Mirrors Keras 2.3.1's `keras.backend.get_variable_shape(x)`.
 */
export function getVariableShape(x: TensorInput, ...extra: []): (number | null)[] {
  checkArity('getVariableShape', 1, extra);
  return [...requireTensorLike(x, 'getVariableShape').shape];
}

/**
 * Whether `x` is a tensor of this library (a KTensor: constant, variable, placeholder
 * or the result of an op); false for host values (arrays, NDArrays, numbers).
 *
 * Mirrors Keras 2.3.1's `keras.backend.is_tensor(x)`.
 */
export function isTensor(x: unknown, ...extra: []): boolean {
  checkArity('isTensor', 1, extra);
  return x instanceof KTensor;
}

/**
 * Whether `x` is a variable (made by `variable` or the random variable functions).
 *
 * Mirrors Keras 2.3.1's `keras.backend.is_variable(x)`.
 */
export function isVariable(x: unknown, ...extra: []): boolean {
  checkArity('isVariable', 1, extra);
  return x instanceof KTensor && x.node.kind === 'variable';
}

/**
 * The number of elements of `x`, as a scalar int32 tensor; read at run time where the
 * static shape has unknown dims.
 *
 * Mirrors Keras 2.3.1's `keras.backend.size(x, name=None)`.
 */
export function size(x: TensorInput, ...extra: []): KTensor {
  checkArity('size', 1, extra);
  const t = requireTensorLike(x, 'size');
  if (t.shape.some((d) => d === null)) {
    return applyOp('reduceProd', [applyOp('shapeOf', [t], {})], { axes: [0], keepDims: false });
  }
  const n = (t.shape as number[]).reduce((p, d) => p * d, 1);
  return constantFrom({ data: Int32Array.of(n), shape: [], dtype: 'int32' }, 'size', 'x', 'int32');
}
