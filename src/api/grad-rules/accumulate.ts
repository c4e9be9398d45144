/**
 * Adding up gradient contributions.
 */
import { add } from '../primitives';
import { KTensor } from '../tensor';

/** Adds two gradient contributions. */
export function accumulate(a: KTensor | undefined, b: KTensor): KTensor {
  return a === undefined ? b : add(a, b);
}
