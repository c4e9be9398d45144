/**
 * `gather` of the math group.
 */
import { isIntDType } from '../../../backends/types';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, cast, constantFrom } from '../../primitives';
import { constantHostData, KTensor } from '../../tensor';
import { refuseInt64, requireTensorLike, show } from '../../validate';
import { toHostValue } from '../../values';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/** The `indices` argument of gather: an int32 tensor, or whole numbers made into one. */
function gatherIndices(indices: unknown): { tensor: KTensor; values: ArrayLike<number> | null } {
  if (indices instanceof KTensor) {
    if (!isIntDType(indices.dtype)) {
      throw new KerasTypeError(`gather: argument 'indices' must be an integer tensor, got dtype ${indices.dtype} (use K.cast)`);
    }
    // the 8- and 16-bit integers widen exactly to the int32 the gather primitive takes
    return { tensor: cast(refuseInt64(indices, 'gather', 'indices'), 'int32'), values: constantHostData(indices) };
  }
  if (indices === null || indices === undefined) {
    throw new KerasTypeError(`gather: argument 'indices' must be an int32 tensor or whole numbers, got ${show(indices)}`);
  }
  // Untyped numbers are read as float64 (exact) to check that they are whole.
  const host = toHostValue(indices, 'gather', 'indices', undefined, 'float64');
  const untyped = typeof indices === 'number' || Array.isArray(indices);
  if (host.dtype === 'bool' || (!isIntDType(host.dtype) && !untyped)) {
    throw new KerasTypeError(`gather: argument 'indices' must hold integers, got ${host.dtype} values`);
  }
  const values = host.data;
  if (values instanceof BigInt64Array) {
    throw new KerasTypeError(`gather: argument 'indices' must hold integers of at most 32 bits, got int64 values (use K.cast(x, 'int32'))`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isInteger(values[i])) {
      throw new KerasTypeError(`gather: argument 'indices' must hold whole numbers, got ${values[i]}`);
    }
  }
  return { tensor: constantFrom(indices, 'gather', 'indices', 'int32'), values };
}

/**
 * Retrieves the slices `reference[indices[...]]` along the first axis: the result
 * has shape `indices.shape + reference.shape[1:]` and the dtype of `reference`.
 * `indices` is an int32 tensor (or nested whole numbers). Constant indices are
 * checked to lie in `[0, reference.shape[0])` when that length is known
 * (TensorFlow raises for out-of-range indices); indices known only at run time
 * are not checked. The gradient with respect to `reference` scatters-adds into
 * the gathered rows.
 *
 * Mirrors `keras.backend.gather(reference, indices)`.
 */
export function gather(reference: TensorInput, indices: TensorInput, ...extra: []): KTensor {
  checkArity('gather', 2, extra);
  const ref = requireTensorLike(reference, 'gather', 'reference');
  if (ref.rank === 0) throw new KerasValueError(`gather: argument 'reference' must have rank >= 1, got a scalar`);
  const { tensor: idx, values } = gatherIndices(indices);
  const n = ref.shape[0];
  if (values !== null && n !== null) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < 0 || v >= n) {
        throw new KerasValueError(
          `gather: argument 'indices' holds ${v} at flat position ${i}, out of range for 'reference' of shape [${fmt(ref.shape)}] (expected 0 to ${n - 1})`,
        );
      }
    }
  }
  return applyOp('gather', [ref, idx], { axis: 0 });
}
