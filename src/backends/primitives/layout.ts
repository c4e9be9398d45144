/**
 * Layout primitives: they move, copy or reinterpret elements without computing
 * new values (reshape, transpose, slice, concat, pad, tile, reverse, broadcasting,
 * shapes). Their attributes, arity and shape and dtype rules.
 */
import { KerasShapeError, KerasValueError } from '../../errors';
import { Shape } from '../dtypes';
import {
  NoAttrs,
  PrimitiveDefs,
  StaticInfo,
  broadcastShapes,
  checkAscendingAxes,
  checkAxis,
  checkPerAxis,
  checkSameDType,
  checkUniqueAxes,
  fmt,
} from './definition';

/** Attributes of the layout primitives. */
export type LayoutAttrs = {
  /** New shape with the same element count; at most one entry is -1 (inferred). */
  readonly reshape: { readonly shape: readonly number[] };
  /** inputs [x, like]: x reshaped to like's run-time shape (same element count; like's values are not read). */
  readonly reshapeLike: NoAttrs;
  /**
   * Inserts length-1 axes: `axes` are their positions in the output (non-negative,
   * ascending, unique, < output rank); the data is unchanged.
   */
  readonly expandDims: { readonly axes: readonly number[] };
  /** Output axis i is input axis perm[i]. */
  readonly transpose: { readonly perm: readonly number[] };
  /** Contiguous block: begin[i] >= 0; size[i] >= 0, or -1 for "to the end". One entry per axis. */
  readonly slice: { readonly begin: readonly number[]; readonly size: readonly number[] };
  /** Joins N >= 1 inputs of one dtype and rank along `axis` (non-negative); other dims equal. */
  readonly concat: { readonly axis: number };
  /**
   * The piece of a concatenation that came from one of its parts: inputs [x, ...parts],
   * where x is (shaped like) concat(parts, axis); returns the slice of x along `axis`
   * from the sum of parts[0..index-1]'s run-time lengths on `axis`, of parts[index]'s
   * length (the parts' values are not read). The gradient of concat when lengths are
   * known only at run time.
   */
  readonly concatPart: { readonly axis: number; readonly index: number };
  /** Constant padding: pads[i] = [before, after] (both >= 0) for every axis; fill with `value`. */
  readonly pad: { readonly pads: readonly (readonly [number, number])[]; readonly value: number };
  /** Repeats the whole tensor reps[i] times along axis i (reps.length = rank, reps[i] >= 0). */
  readonly tile: { readonly reps: readonly number[] };
  /** Reverses the order of elements along each of `axes` (non-negative, unique). */
  readonly reverse: { readonly axes: readonly number[] };
  /** Broadcasts the input (NumPy rules) to the concrete `shape`. */
  readonly broadcastTo: { readonly shape: readonly number[] };
  /** inputs [x, like]: broadcasts x to like's run-time shape (like's values are not read). */
  readonly broadcastLike: NoAttrs;
  /**
   * inputs [g, like] of one rank: g summed, keeping dims, over every axis where like's
   * run-time length is 1 (like's values are not read). The gradient of a broadcast whose
   * operand's dims are known only at run time (TensorFlow's BroadcastGradientArgs).
   */
  readonly sumLike: NoAttrs;
  /** The run-time shape of the input, as an int32 vector of length rank (the values are not read). */
  readonly shapeOf: NoAttrs;
};

function reshapeOut(inShape: Shape, shape: readonly number[]): (number | null)[] {
  if (shape.some((d) => !Number.isInteger(d) || d < -1) || shape.filter((d) => d === -1).length > 1) {
    throw new KerasValueError(`reshape: target shape [${shape.join(', ')}] must hold integers >= 0 and at most one -1`);
  }
  const known = inShape.every((d) => d !== null);
  const total = known ? (inShape as number[]).reduce((p, d) => p * d, 1) : null;
  const neg = shape.indexOf(-1);
  const out: (number | null)[] = [...shape];
  if (neg >= 0) {
    const rest = shape.reduce((p, d, i) => (i === neg ? p : p * d), 1);
    if (total === null) out[neg] = null;
    else {
      if (rest === 0 || total % rest !== 0) {
        const why = rest === 0 ? 'the other dims hold no elements, so -1 has no value' : `${total} is not a multiple of ${rest}`;
        throw new KerasShapeError(`reshape: cannot reshape [${fmt(inShape)}] (${total} elements) to [${shape.join(', ')}]: ${why}`);
      }
      out[neg] = total / rest;
    }
  } else if (total !== null) {
    const n = shape.reduce((p, d) => p * d, 1);
    if (n !== total) throw new KerasShapeError(`reshape: cannot reshape [${fmt(inShape)}] (${total} elements) to [${shape.join(', ')}] (${n} elements)`);
  }
  return out;
}

/** Throws unless every input has the rank of the first. */
function checkSameRank(op: string, inputs: readonly StaticInfo[]): void {
  const r = inputs[0].shape.length;
  const other = inputs.find((t) => t.shape.length !== r);
  if (other !== undefined) throw new KerasShapeError(`${op}: inputs must share one rank, got [${fmt(inputs[0].shape)}] and [${fmt(other.shape)}]`);
}

/** Throws unless `values` are non-negative integers (`min` -1 also allows -1). */
function checkCounts(op: string, what: string, values: readonly number[], min = 0): void {
  if (values.some((v) => !Number.isInteger(v) || v < min)) {
    throw new KerasValueError(`${op}: '${what}' must hold integers >= ${min}, got [${values.join(', ')}]`);
  }
}

/** Definitions of the layout primitives. */
export const LAYOUT_PRIMITIVES: PrimitiveDefs<LayoutAttrs> = {
  reshape: { arity: 1, infer: ([x], a) => ({ shape: reshapeOut(x.shape, a.shape), dtype: x.dtype }) },
  reshapeLike: { arity: 2, infer: ([x, like]) => ({ shape: like.shape, dtype: x.dtype }) },
  expandDims: {
    arity: 1,
    infer: ([x], { axes }) => {
      const rank = x.shape.length + axes.length;
      checkAscendingAxes('expandDims', axes, rank);
      const out: (number | null)[] = [];
      let k = 0;
      for (let i = 0; i < rank; i++) out.push(axes.includes(i) ? 1 : x.shape[k++]);
      return { shape: out, dtype: x.dtype };
    },
  },
  transpose: {
    arity: 1,
    infer: ([x], { perm }) => {
      checkPerAxis('transpose', 'perm', perm.length, x.shape.length);
      checkUniqueAxes('transpose', perm, x.shape.length);
      return { shape: perm.map((p) => x.shape[p]), dtype: x.dtype };
    },
  },
  slice: {
    arity: 1,
    infer: ([x], { begin, size }) => {
      checkPerAxis('slice', 'begin', begin.length, x.shape.length);
      checkPerAxis('slice', 'size', size.length, x.shape.length);
      checkCounts('slice', 'begin', begin);
      checkCounts('slice', 'size', size, -1);
      return {
        shape: size.map((s, i) => {
          const d = x.shape[i];
          if (d !== null && (begin[i] > d || (s >= 0 && begin[i] + s > d))) {
            throw new KerasShapeError(`slice: begin [${begin.join(', ')}] and size [${size.join(', ')}] exceed the input's shape [${fmt(x.shape)}]`);
          }
          if (s >= 0) return s;
          return d === null ? null : d - begin[i];
        }),
        dtype: x.dtype,
      };
    },
  },
  concat: {
    arity: { min: 1 },
    infer: (inputs, { axis }) => {
      const x = inputs[0];
      checkSameDType('concat', inputs);
      checkSameRank('concat', inputs);
      checkAxis('concat', axis, x.shape.length);
      // Non-axis dims: the first input that knows them.
      const shape = x.shape.map((_, i) => inputs.map((t) => t.shape[i]).find((d) => d !== null) ?? null);
      let total: number | null = 0;
      for (const t of inputs) {
        const d = t.shape[axis];
        total = total === null || d === null ? null : total + d;
      }
      shape[axis] = total;
      return { shape, dtype: x.dtype };
    },
  },
  concatPart: {
    arity: { min: 2 },
    infer: ([x, ...parts], { axis, index }) => {
      checkSameRank('concatPart', [x, ...parts]);
      checkAxis('concatPart', axis, x.shape.length);
      if (!Number.isInteger(index) || index < 0 || index >= parts.length) {
        throw new KerasValueError(`concatPart: index ${index} is out of range for ${parts.length} part(s)`);
      }
      const shape = [...x.shape];
      shape[axis] = parts[index].shape[axis];
      return { shape, dtype: x.dtype };
    },
  },
  pad: {
    arity: 1,
    infer: ([x], { pads }) => {
      checkPerAxis('pad', 'pads', pads.length, x.shape.length);
      checkCounts('pad', 'pads', pads.flat());
      return { shape: x.shape.map((d, i) => (d === null ? null : d + pads[i][0] + pads[i][1])), dtype: x.dtype };
    },
  },
  tile: {
    arity: 1,
    infer: ([x], { reps }) => {
      checkPerAxis('tile', 'reps', reps.length, x.shape.length);
      checkCounts('tile', 'reps', reps);
      return { shape: x.shape.map((d, i) => (d === null ? null : d * reps[i])), dtype: x.dtype };
    },
  },
  reverse: {
    arity: 1,
    infer: ([x], { axes }) => {
      checkUniqueAxes('reverse', axes, x.shape.length);
      return x;
    },
  },
  broadcastTo: {
    arity: 1,
    infer: ([x], { shape }) => {
      checkCounts('broadcastTo', 'shape', shape);
      return { shape: broadcastShapes(x.shape, shape, 'broadcastTo'), dtype: x.dtype };
    },
  },
  broadcastLike: { arity: 2, infer: ([x, like]) => ({ shape: broadcastShapes(x.shape, like.shape, 'broadcastLike'), dtype: x.dtype }) },
  sumLike: {
    arity: 2,
    infer: ([x, like]) => {
      checkSameRank('sumLike', [x, like]);
      // like's length where known; else 1 where g has 1, unknown otherwise
      return { shape: x.shape.map((d, i) => (like.shape[i] !== null ? like.shape[i] : d === 1 ? 1 : null)), dtype: x.dtype };
    },
  },
  shapeOf: { arity: 1, infer: ([x]) => ({ shape: [x.shape.length], dtype: 'int32' }) },
};
