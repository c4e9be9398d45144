/**
 * Freeing engine memory early. Constants free themselves when garbage-collected;
 * a long synchronous loop of eager ops can free them as it goes with `tidy`, as in TF.js.
 */
import { disposeTensor, KTensor, withScope } from '../tensor';
import { KerasTypeError } from '../../errors';
import { checkArity } from '../../arity';

/**
 * Runs `fn` and frees every constant tensor made inside it, except those in (or
 * needed by) its result (a tensor, or an array or object of tensors). Not a Keras
 * function: the TF.js idiom (`tf.tidy`), for eager loops.
 */
export function tidy<R>(fn: () => R, ...extra: []): R {
  checkArity('tidy', 1, extra);
  if (typeof fn !== 'function') throw new KerasTypeError(`tidy: argument 'fn' must be a function`);
  return withScope(fn);
}

/**
 * Frees a constant tensor's engine memory now (or each tensor of a list); using it
 * afterwards is an error. Not a Keras function: the TF.js idiom (`tf.dispose`).
 */
export function dispose(x: KTensor | readonly KTensor[], ...extra: []): void {
  checkArity('dispose', 1, extra);
  const list = Array.isArray(x) ? (x as readonly KTensor[]) : [x as KTensor];
  list.forEach((t, i) => {
    if (!(t instanceof KTensor)) throw new KerasTypeError(`dispose: argument 'x'${Array.isArray(x) ? `[${i}]` : ''} must be a tensor`);
    disposeTensor(t);
  });
}
