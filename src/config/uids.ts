/** Per-prefix unique ids for default layer and tensor names (`dense_1`, `dense_2`, ...). */
import { KerasValueError } from '../errors';
import { show } from '../format';
import { checkArity } from '../arity';

const counters = new Map<string, number>();

/**
 * The next id for `prefix`: 1 on the first call, then 2, 3, ...; each prefix counts separately.
 * Mirrors `keras.backend.get_uid(prefix="")`.
 * @throws KerasValueError unless `prefix` is a string.
 */
export function getUid(prefix: string = '', ...extra: []): number {
  checkArity('getUid', 1, extra);
  if (typeof prefix !== 'string') {
    throw new KerasValueError(`getUid: argument 'prefix' must be a string, got ${show(prefix)}`);
  }
  const next = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, next);
  return next;
}

/** Restarts every prefix's count at 1. Mirrors `keras.backend.reset_uids()`. */
export function resetUids(...extra: []): void {
  checkArity('resetUids', 0, extra);
  counters.clear();
}
