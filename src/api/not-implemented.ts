/**
 * The placeholder for a catalogue function with no implementation yet: exported
 * under its TypeScript name from its group's module, it throws a
 * NotImplementedYetError naming itself, so the whole catalogue stays importable and
 * the conformance report lists it as missing. (Every catalogue row is implemented
 * today; a new catalogue row starts here.)
 */
import { NotImplementedYetError } from '../errors';

/** The type of a function that is not implemented yet. */
export type NotImplemented = ((...args: unknown[]) => never) & { readonly notImplemented: true };

/** A stub for catalogue function `kerasName` (TypeScript name `tsName`). */
export function notImplemented(kerasName: string, tsName: string): NotImplemented {
  const f = (): never => {
    throw new NotImplementedYetError(`${tsName} (keras.backend.${kerasName}) is not implemented yet`);
  };
  return Object.assign(f, { notImplemented: true as const });
}

