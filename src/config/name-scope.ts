/**
 * Name scopes (`keras.name_scope`): a stack of names joined with '/'.
 *
 * The stack follows the call, including into the asynchronous continuations of
 * `fn` (it is held in an `AsyncLocalStorage`), so concurrent async work in
 * different scopes does not mix them up.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { KerasValueError } from '../errors';
import { show } from '../format';
import { checkArity } from '../arity';

const scopes = new AsyncLocalStorage<readonly string[]>();

/**
 * Runs `fn` with `name` pushed on the name-scope stack and returns its result;
 * the scope is popped when `fn` returns or throws. Mirrors `keras.name_scope(name)`
 * used as a context manager (`with keras.name_scope(name): ...`).
 * @throws KerasValueError unless `name` is a non-empty string without '/', or if `fn` is not a function.
 */
export function nameScope<R>(name: string, fn: () => R, ...extra: []): R {
  checkArity('nameScope', 2, extra);
  if (typeof name !== 'string' || name.length === 0 || name.includes('/')) {
    throw new KerasValueError(
      `nameScope: argument 'name' must be a non-empty string without '/', got ${show(name)}`,
    );
  }
  if (typeof fn !== 'function') {
    throw new KerasValueError(`nameScope: argument 'fn' must be a function, got ${show(fn)}`);
  }
  const parent = scopes.getStore() ?? [];
  return scopes.run([...parent, name], fn);
}

/**
 * The current name-scope path, e.g. `'outer/inner'`; `''` outside any scope.
 * Mirrors `keras.src.backend.common.name_scope.current_path()`.
 */
export function currentNameScope(): string {
  return (scopes.getStore() ?? []).join('/');
}
