/**
 * The float16 host layout helpers (not Keras functions): a float16 tensor's host data
 * is a Uint16Array of IEEE 754 half-precision bit patterns (docs/architecture.md,
 * decision 5), as Node has no Float16Array.
 */
import { checkArity } from '../../../arity';
import { float16Bits as bitsOf, float16Value as valueOf } from '../../../backends/types';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { show } from '../../validate';

/**
 * The half-precision bit pattern nearest `x` (round to nearest, ties to even; beyond
 * +-65504 +-Infinity; NaN 0x7e00), e.g. to fill a Uint16Array for a float16 tensor.
 */
export function float16Bits(x: number, ...extra: []): number {
  checkArity('float16Bits', 1, extra);
  if (typeof x !== 'number') throw new KerasTypeError(`float16Bits: argument 'x' must be a number, got ${show(x)}`);
  return bitsOf(x);
}

/** The value of the half-precision bit pattern `bits` (an integer in 0..65535), exactly. */
export function float16Value(bits: number, ...extra: []): number {
  checkArity('float16Value', 1, extra);
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 0 || bits > 0xffff) {
    throw new KerasValueError(`float16Value: argument 'bits' must be an integer in 0..65535, got ${show(bits)}`);
  }
  return valueOf(bits);
}
