/**
 * Reductions along axes, arg-reductions and cumulative scans. Their names,
 * attributes, arity and shape and dtype rules.
 */
import { KerasValueError } from '../../errors';
import { PrimitiveDef, PrimitiveDefs, bool, checkAscendingAxes, checkAxis, checkDType, fmt } from './definition';

/**
 * Reductions over `axes` (non-negative, ascending, unique, never empty).
 * `keepDims` keeps reduced axes with length 1. Output dtype = input dtype.
 * reduceAny / reduceAll take and give bool. A reduction over a length-0 axis
 * gives the identity (0, -inf, +inf, 1, false, true). reduceMax / reduceMin give NaN
 * where a reduced cell is NaN; int32 sums and products wrap (two's complement).
 */
export const REDUCE_PRIMITIVES = [
  'reduceSum',
  'reduceMax',
  'reduceMin',
  'reduceProd',
  'reduceAny',
  'reduceAll',
] as const;
export type ReducePrimitive = (typeof REDUCE_PRIMITIVES)[number];

/** Attributes of a reduction. */
export interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}

/** Attributes of a cumulative scan. */
export interface CumulativeAttrs {
  readonly axis: number;
  readonly exclusive: boolean;
  readonly reverse: boolean;
}

/** Attributes of the reduction primitives. */
export type ReductionAttrs = { readonly [P in ReducePrimitive]: ReduceAttrs } & {
  /**
   * Index of the largest (smallest) element along `axis` (non-negative); first one on ties,
   * the first NaN if any; int32 output; the axis is removed. An empty axis is a KerasValueError.
   */
  readonly argMax: { readonly axis: number };
  readonly argMin: { readonly axis: number };
  /** Cumulative sum/product along `axis` (non-negative). `exclusive`: shift by one (first element is 0 / 1). `reverse`: from the end. */
  readonly cumsum: CumulativeAttrs;
  readonly cumprod: CumulativeAttrs;
};

function reduceDef(op: ReducePrimitive): PrimitiveDef<ReduceAttrs> {
  const logical = op === 'reduceAny' || op === 'reduceAll';
  return {
    arity: 1,
    infer: ([x], a) => {
      if (a.axes.length === 0) throw new KerasValueError(`${op}: 'axes' must not be empty`);
      checkAscendingAxes(op, a.axes, x.shape.length);
      if (logical) checkDType(op, x, bool, 'a bool tensor');
      const shape: (number | null)[] = [];
      x.shape.forEach((d, i) => {
        if (a.axes.includes(i)) {
          if (a.keepDims) shape.push(1);
        } else shape.push(d);
      });
      return { shape, dtype: x.dtype };
    },
  };
}

function argDef(op: 'argMax' | 'argMin'): PrimitiveDef<{ readonly axis: number }> {
  return {
    arity: 1,
    infer: ([x], { axis }) => {
      checkAxis(op, axis, x.shape.length);
      const shape = x.shape.filter((_, i) => i !== axis);
      // An empty axis has no extremum, unless the result is empty too.
      if (x.shape[axis] === 0 && shape.every((d) => d !== null && d > 0)) {
        throw new KerasValueError(`${op}: axis ${axis} of its input (shape [${fmt(x.shape)}]) is empty: it has no ${op === 'argMax' ? 'largest' : 'smallest'} element`);
      }
      return { shape, dtype: 'int32' };
    },
  };
}

function cumulativeDef(op: 'cumsum' | 'cumprod'): PrimitiveDef<CumulativeAttrs> {
  return {
    arity: 1,
    infer: ([x], { axis }) => {
      checkAxis(op, axis, x.shape.length);
      return x;
    },
  };
}

/** Definitions of the reduction primitives. */
export const REDUCTION_PRIMITIVES: PrimitiveDefs<ReductionAttrs> = {
  reduceSum: reduceDef('reduceSum'),
  reduceMax: reduceDef('reduceMax'),
  reduceMin: reduceDef('reduceMin'),
  reduceProd: reduceDef('reduceProd'),
  reduceAny: reduceDef('reduceAny'),
  reduceAll: reduceDef('reduceAll'),
  argMax: argDef('argMax'),
  argMin: argDef('argMin'),
  cumsum: cumulativeDef('cumsum'),
  cumprod: cumulativeDef('cumprod'),
};
