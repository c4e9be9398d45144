/**
 * Indexing primitives: gather along an axis and its adjoint, scatterAdd. Their
 * attributes, arity and shape and dtype rules.
 */
import { KerasShapeError, KerasValueError } from '../../errors';
import { PrimitiveDefs, checkAxis, checkDType, int32 } from './definition';

/** Attributes of the indexing primitives. */
export type IndexingAttrs = {
  /**
   * inputs [x, indices (int32)]; output shape x.shape[:axis] + indices.shape + x.shape[axis+1:],
   * out[..., j..., ...] = x[..., indices[j...], ...]. Indices are in [0, x.shape[axis]).
   * `what` (optional) names whose indices they are in the out-of-range error, as
   * "fn: argument 'name'", for a gather an API function makes of its argument's values.
   */
  readonly gather: { readonly axis: number; readonly what?: string };
  /**
   * The adjoint of gather. inputs [updates, indices (int32)], where updates has shape
   * pre + indices.shape + post with pre of length `axis`; output shape pre + [size] + post,
   * zeros then out[pre, indices[j...], post] += updates[pre, j..., post].
   * With a third input `like` (values not read), size is like's run-time length on
   * `axis` and `attrs.size` is -1 (the gradient of gather along an unknown dim).
   */
  readonly scatterAdd: { readonly axis: number; readonly size: number };
};

/** Definitions of the indexing primitives. */
/**
 * The error every backend raises at run time for an index of gather or scatterAdd
 * outside [0, length): it names the first offending index (in flat order) and the
 * range, after `what` (gather's attribute: the API function and argument the indices
 * came from) or else the primitive's name.
 */
export function indexOutOfRange(op: 'gather' | 'scatterAdd', index: number, length: number, what?: string): KerasValueError {
  return new KerasValueError(`${what ?? op}: index ${index} is out of range for an axis of length ${length} (expected 0 to ${length - 1})`);
}

export const INDEXING_PRIMITIVES: PrimitiveDefs<IndexingAttrs> = {
  gather: {
    arity: 2,
    infer: ([x, indices], { axis, what }) => {
      checkAxis('gather', axis, x.shape.length);
      if (what !== undefined && typeof what !== 'string') throw new KerasValueError(`gather: 'what' must be a string, got ${typeof what}`);
      checkDType('gather', indices, int32, 'an int32 tensor', "'indices'");
      return { shape: [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)], dtype: x.dtype };
    },
  },
  scatterAdd: {
    arity: { min: 2, max: 3 },
    infer: ([u, indices, like], { axis, size }) => {
      checkDType('scatterAdd', indices, int32, 'an int32 tensor', "'indices'");
      const k = indices.shape.length;
      if (!Number.isInteger(axis) || axis < 0 || axis + k > u.shape.length) {
        throw new KerasShapeError(`scatterAdd: axis ${axis} and indices of rank ${k} do not fit updates of rank ${u.shape.length}`);
      }
      if (like === undefined ? !Number.isInteger(size) || size < 0 : size !== -1) {
        throw new KerasValueError(`scatterAdd: 'size' must be an integer >= 0, or -1 with a third input, got ${size}`);
      }
      const n = like === undefined ? size : like.shape[axis];
      return { shape: [...u.shape.slice(0, axis), n, ...u.shape.slice(axis + k)], dtype: u.dtype };
    },
  },
};
