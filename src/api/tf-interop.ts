/**
 * Handing tensors to and from TensorFlow.js: `toTf` and `fromTf`. On a backend
 * whose native tensors are TF.js tensors (the tfjs backend, through its
 * `interop` hook) no data is copied: each side gets its own handle on the same
 * data, which the engine frees when the last handle is disposed.
 */
import { KerasTypeError, UnsupportedError } from '../errors';
import { activeBackend } from './engine';
import { runLazy } from './graph';
import { checkBackendDType, constantTensor, constantValue, KTensor, variableValue } from './tensor';
import { hostOfTfTensor, isTfTensor, TfTensorLike } from './values';
import { checkArity } from '../arity';

/**
 * The value of `x` as a TF.js tensor (`tf.Tensor`), on the tfjs backend, without a
 * copy for constants and variables (a lazy tensor is computed first).
 *
 * Ownership: the returned tensor is the caller's, to dispose (`t.dispose()`,
 * `tf.dispose`, or inside `tf.tidy`). It shares its data with `x`, but the two are
 * independent handles: disposing it never affects `x`, and `K.dispose(x)` or a later
 * update of the variable `x` never changes or frees it (a variable's handle is a
 * snapshot of its value now).
 *
 * The type parameter names the tensor type for TypeScript (TF.js is an optional peer
 * dependency, so its types are not referenced here): `K.toTf<tf.Tensor>(x)`.
 *
 * Not in Keras 2 (an addition of this library). Throws `UnsupportedError` on a
 * backend whose tensors are not TF.js tensors.
 */
export function toTf<T extends TfTensorLike = TfTensorLike>(x: KTensor, ...extra: []): T {
  checkArity('toTf', 1, extra);
  const fn = 'toTf';
  if (!(x instanceof KTensor)) throw new KerasTypeError(`${fn}: argument 'x' must be a tensor (KTensor), got ${x === null ? 'null' : typeof x}`);
  const backend = activeBackend();
  const interop = backend.interop;
  if (interop === undefined || interop.library !== 'tfjs') {
    throw new UnsupportedError(
      `${fn}: the '${backend.name}' backend's tensors are not TF.js tensors (use K.setBackend('tfjs'), or K.eval(x) for the values)`,
      backend.name,
      'TF.js tensors',
    );
  }
  if (x.node.kind === 'constant') return interop.share(constantValue(x, backend)) as T;
  if (x.node.kind === 'variable') return interop.share(variableValue(x, backend)) as T;
  // Computed here: the result is a new tensor nobody else holds.
  return runLazy(backend, [x], fn)[0] as T;
}

/**
 * A constant tensor holding the values of the TF.js tensor `t` (float32, int32 or
 * bool). On the tfjs backend no data is copied; on the others, `t` is read once.
 *
 * Ownership: `t` stays the caller's: dispose it whenever you like, the returned
 * tensor keeps its own handle on the data (freed by `K.dispose` or when it is
 * garbage-collected).
 *
 * Not in Keras 2 (an addition of this library).
 */
export function fromTf(t: TfTensorLike, name?: string, ...extra: []): KTensor {
  checkArity('fromTf', 2, extra);
  const fn = 'fromTf';
  if (!isTfTensor(t)) throw new KerasTypeError(`${fn}: argument 't' must be a TF.js tensor (tf.Tensor), got ${t === null ? 'null' : typeof t}`);
  if (name !== undefined && typeof name !== 'string') throw new KerasTypeError(`${fn}: argument 'name' must be a string`);
  const backend = activeBackend();
  const host = backend.interop?.library === 'tfjs' && backend.interop.accepts(t) ? null : hostOfTfTensor(t, fn, 't');
  if (host === null) {
    const dtype = t.dtype as 'float32' | 'int32' | 'bool';
    checkBackendDType(backend, dtype);
    return constantTensor(backend, backend.interop?.share(t), [...t.shape], dtype, name);
  }
  checkBackendDType(backend, host.dtype);
  return constantTensor(backend, backend.fromHost(host.data, host.shape, host.dtype), host.shape, host.dtype, name);
}
