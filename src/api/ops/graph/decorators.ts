/**
 * `symbolic` and `eager` of the graph group: Keras 2.3.1's decorators choosing graph
 * or eager execution for a function.
 */
import { KerasTypeError } from '../../../errors';
import { show } from '../../../format';
import { checkArity } from '../../../arity';

function wrap<F extends (...args: never[]) => unknown>(func: F, fn: string): F {
  if (typeof func !== 'function') throw new KerasTypeError(`${fn}: argument 'func' must be a function, got ${show(func)}`);
  return ((...args: Parameters<F>) => func(...args)) as F;
}

/**
 * Returns `func` to be run symbolically. This library decides per tensor (ops on
 * placeholders are recorded, ops on constants run at once), so the wrapper calls
 * `func` unchanged, as Keras 2.3.1 does on TensorFlow 1.
 *
 * Mirrors Keras 2.3.1's `keras.backend.symbolic(func)`.
 */
export function symbolic<F extends (...args: never[]) => unknown>(func: F, ...extra: []): F {
  checkArity('symbolic', 1, extra);
  return wrap(func, 'symbolic');
}

/**
 * Returns `func` to be run eagerly. Ops on constants already run at once here, so the
 * wrapper calls `func` unchanged, as Keras 2.3.1 does on TensorFlow 1.
 *
 * Mirrors Keras 2.3.1's `keras.backend.eager(func)`.
 */
export function eager<F extends (...args: never[]) => unknown>(func: F, ...extra: []): F {
  checkArity('eager', 1, extra);
  return wrap(func, 'eager');
}
