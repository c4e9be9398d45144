/**
 * The options-object check shared by every public function that takes one. A leaf
 * module (errors and formatting only), so that engine.ts can use it too.
 */
import { KerasValueError } from '../errors';
import { show } from '../format';

/**
 * The options object (undefined / null: none), with only `keys`: an array, a
 * string or a number there (a positional argument as in Keras's Python, say a
 * dtype) or a misspelt key is an error, never silently ignored. `error` makes the
 * error (default a KerasValueError; setBackend's start options give a ConfigError).
 */
export function optionsArg(v: unknown, keys: readonly string[], fn: string, error: (message: string) => Error = (m) => new KerasValueError(m)): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw error(`${fn}: argument 'options' must be an object {${keys.join(', ')}}, got ${show(v)}`);
  }
  for (const key of Object.keys(v)) {
    if (!keys.includes(key)) throw error(`${fn}: argument 'options' has an unknown key '${key}' (expected ${keys.join(', ')})`);
  }
  return v as Record<string, unknown>;
}
