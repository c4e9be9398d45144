/**
 * Catalogue functions that have no implementation yet. Each is exported under its
 * TypeScript name and throws a NotImplementedYetError naming itself, so the whole
 * catalogue is importable and the conformance report lists them as missing.
 */
import { NotImplementedYetError } from '../errors';

/** The type of a function that is not implemented yet. */
export type NotImplemented = ((...args: unknown[]) => never) & { readonly notImplemented: true };

export function notImplemented(kerasName: string, tsName: string): NotImplemented {
  const f = (): never => {
    throw new NotImplementedYetError(`${tsName} (keras.backend.${kerasName}) is not implemented yet`);
  };
  return Object.assign(f, { notImplemented: true as const });
}

/** Not implemented yet: mirrors `keras.backend.ctc_interleave_blanks`. Throws NotImplementedYetError. */
export const ctcInterleaveBlanks: NotImplemented = notImplemented('ctc_interleave_blanks', 'ctcInterleaveBlanks');
/** Not implemented yet: mirrors `keras.backend.ctc_create_skip_idxs`. Throws NotImplementedYetError. */
export const ctcCreateSkipIdxs: NotImplemented = notImplemented('ctc_create_skip_idxs', 'ctcCreateSkipIdxs');
/** Not implemented yet: mirrors `keras.backend.ctc_update_log_p`. Throws NotImplementedYetError. */
export const ctcUpdateLogP: NotImplemented = notImplemented('ctc_update_log_p', 'ctcUpdateLogP');
/** Not implemented yet: mirrors `keras.backend.ctc_path_probs`. Throws NotImplementedYetError. */
export const ctcPathProbs: NotImplemented = notImplemented('ctc_path_probs', 'ctcPathProbs');
/** Not implemented yet: mirrors `keras.backend.ctc_cost`. Throws NotImplementedYetError. */
export const ctcCost: NotImplemented = notImplemented('ctc_cost', 'ctcCost');
/** Not implemented yet: mirrors `keras.backend.ctc_batch_cost`. Throws NotImplementedYetError. */
export const ctcBatchCost: NotImplemented = notImplemented('ctc_batch_cost', 'ctcBatchCost');
