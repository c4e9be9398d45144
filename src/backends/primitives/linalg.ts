/**
 * Linear algebra primitives: the batched matrix product. Its attributes, arity
 * and shape and dtype rule.
 */
import { KerasShapeError } from '../../errors';
import { PrimitiveDefs, broadcastShapes, checkDType, checkSameDType, float, fmt } from './definition';

/** Attributes of the linear algebra primitives. */
export type LinalgAttrs = {
  /**
   * Batched matrix product. Inputs have the same rank r >= 2: a [..., m, k], b [..., k, n]
   * (after the optional transposes of the last two axes); the leading r-2 dims broadcast
   * (equal, or 1). Float dtypes only.
   */
  readonly matMul: { readonly transposeA: boolean; readonly transposeB: boolean };
};

/** Definitions of the linear algebra primitives. */
export const LINALG_PRIMITIVES: PrimitiveDefs<LinalgAttrs> = {
  matMul: {
    arity: 2,
    infer: ([x, b], a) => {
      checkSameDType('matMul', [x, b]);
      checkDType('matMul', x, float, 'a float tensor');
      const r = x.shape.length;
      if (r < 2 || b.shape.length !== r) {
        throw new KerasShapeError(`matMul: inputs must have one rank >= 2, got [${fmt(x.shape)}] and [${fmt(b.shape)}]`);
      }
      const m = a.transposeA ? x.shape[r - 1] : x.shape[r - 2];
      const ka = a.transposeA ? x.shape[r - 2] : x.shape[r - 1];
      const kb = a.transposeB ? b.shape[r - 1] : b.shape[r - 2];
      const n = a.transposeB ? b.shape[r - 2] : b.shape[r - 1];
      if (ka !== null && kb !== null && ka !== kb) {
        throw new KerasShapeError(`matMul: inner dimensions differ: [${fmt(x.shape)}] and [${fmt(b.shape)}]`);
      }
      const batch = broadcastShapes(x.shape.slice(0, r - 2), b.shape.slice(0, r - 2), 'matMul');
      return { shape: [...batch, m, n], dtype: x.dtype };
    },
  },
};
