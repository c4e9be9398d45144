/**
 * The check every public function makes first: no positional argument past the ones
 * it takes (Python would raise a TypeError; JavaScript would ignore them silently).
 */
import { KerasTypeError } from './errors';

/**
 * Refuses positional arguments past the `max` a function takes (they would be ignored
 * silently otherwise): a KerasTypeError naming the function and both counts. Each public
 * function ends its parameter list with `...extra: []` and passes it here.
 */
export function checkArity(fn: string, max: number, extra: readonly unknown[]): void {
  if (extra.length > 0) {
    const what = max === 1 ? 'argument' : 'arguments';
    throw new KerasTypeError(`${fn}: takes at most ${max} positional ${what}, got ${max + extra.length}`);
  }
}
