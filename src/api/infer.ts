/**
 * Static shape and dtype inference for every primitive. These are internal
 * consistency checks: public functions check user arguments first, with messages
 * that name the function and the argument.
 */
import {
  BINARY_PRIMITIVES,
  BinaryPrimitive,
  COMPARISON_PRIMITIVES,
  DType,
  PrimitiveAttrs,
  PrimitiveName,
  REDUCE_PRIMITIVES,
  ReducePrimitive,
  Shape,
  UNARY_PRIMITIVES,
  UnaryPrimitive,
} from '../backends/types';
import { KerasShapeError } from '../errors';

/** Shape and dtype of a tensor, statically. */
export interface StaticInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

const unary = new Set<string>(UNARY_PRIMITIVES);
const binary = new Set<string>(BINARY_PRIMITIVES);
const reduce = new Set<string>(REDUCE_PRIMITIVES);

/** Broadcasts two static shapes (NumPy rules); `fn` names the caller in errors. */
export function broadcastShapes(a: Shape, b: Shape, fn: string): (number | null)[] {
  const r = Math.max(a.length, b.length);
  const out: (number | null)[] = new Array(r);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da === 1) out[i] = db;
    else if (db === 1) out[i] = da;
    else if (da === null) out[i] = db;
    else if (db === null) out[i] = da;
    else if (da === db) out[i] = da;
    else throw new KerasShapeError(`${fn}: shapes [${fmt(a)}] and [${fmt(b)}] cannot be broadcast together`);
  }
  return out;
}

/** Formats a static shape, `null` as None. */
export function fmt(s: Shape): string {
  return s.map((d) => (d === null ? 'None' : String(d))).join(', ');
}

function reshapeOut(inShape: Shape, shape: readonly number[]): (number | null)[] {
  const known = inShape.every((d) => d !== null);
  const total = known ? (inShape as number[]).reduce((p, d) => p * d, 1) : null;
  const neg = shape.indexOf(-1);
  const out: (number | null)[] = [...shape];
  if (neg >= 0) {
    const rest = shape.reduce((p, d, i) => (i === neg ? p : p * d), 1);
    if (total === null) out[neg] = null;
    else {
      if (rest === 0 || total % rest !== 0) throw new KerasShapeError(`reshape: cannot reshape [${fmt(inShape)}] to [${shape.join(', ')}]`);
      out[neg] = total / rest;
    }
  } else if (total !== null) {
    const n = shape.reduce((p, d) => p * d, 1);
    if (n !== total) throw new KerasShapeError(`reshape: cannot reshape [${fmt(inShape)}] (${total} elements) to [${shape.join(', ')}] (${n} elements)`);
  }
  return out;
}

/** Output shape and dtype of primitive `op` on `inputs` with `attrs`. */
export function inferPrimitive<P extends PrimitiveName>(op: P, inputs: readonly StaticInfo[], attrs: PrimitiveAttrs[P]): StaticInfo {
  const x = inputs[0];
  if (unary.has(op)) {
    void (op as UnaryPrimitive);
    return { shape: x.shape, dtype: x.dtype };
  }
  if (binary.has(op)) {
    const shape = broadcastShapes(x.shape, inputs[1].shape, op);
    return { shape, dtype: COMPARISON_PRIMITIVES.has(op as BinaryPrimitive) ? 'bool' : x.dtype };
  }
  if (reduce.has(op)) {
    void (op as ReducePrimitive);
    const a = attrs as PrimitiveAttrs['reduceSum'];
    const shape: (number | null)[] = [];
    x.shape.forEach((d, i) => {
      if (a.axes.includes(i)) {
        if (a.keepDims) shape.push(1);
      } else shape.push(d);
    });
    return { shape, dtype: x.dtype };
  }
  switch (op) {
    case 'identity':
      return x;
    case 'cast':
      return { shape: x.shape, dtype: (attrs as PrimitiveAttrs['cast']).dtype };
    case 'where': {
      const s = broadcastShapes(broadcastShapes(x.shape, inputs[1].shape, 'where'), inputs[2].shape, 'where');
      return { shape: s, dtype: inputs[1].dtype };
    }
    case 'argMax':
    case 'argMin': {
      const axis = (attrs as PrimitiveAttrs['argMax']).axis;
      return { shape: x.shape.filter((_, i) => i !== axis), dtype: 'int32' };
    }
    case 'cumsum':
    case 'cumprod':
      return x;
    case 'matMul': {
      const a = attrs as PrimitiveAttrs['matMul'];
      const b = inputs[1];
      const r = x.shape.length;
      const m = a.transposeA ? x.shape[r - 1] : x.shape[r - 2];
      const ka = a.transposeA ? x.shape[r - 2] : x.shape[r - 1];
      const kb = a.transposeB ? b.shape[r - 1] : b.shape[r - 2];
      const n = a.transposeB ? b.shape[r - 2] : b.shape[r - 1];
      if (ka !== null && kb !== null && ka !== kb) {
        throw new KerasShapeError(`matMul: inner dimensions differ: [${fmt(x.shape)}] and [${fmt(b.shape)}]`);
      }
      const batch = broadcastShapes(x.shape.slice(0, r - 2), b.shape.slice(0, r - 2), 'matMul');
      return { shape: [...batch, m, n], dtype: x.dtype };
    }
    case 'reshape':
      return { shape: reshapeOut(x.shape, (attrs as PrimitiveAttrs['reshape']).shape), dtype: x.dtype };
    case 'transpose':
      return { shape: (attrs as PrimitiveAttrs['transpose']).perm.map((p) => x.shape[p]), dtype: x.dtype };
    case 'slice': {
      const a = attrs as PrimitiveAttrs['slice'];
      return {
        shape: a.size.map((s, i) => {
          if (s >= 0) return s;
          const d = x.shape[i];
          return d === null ? null : d - a.begin[i];
        }),
        dtype: x.dtype,
      };
    }
    case 'concat': {
      const axis = (attrs as PrimitiveAttrs['concat']).axis;
      // Non-axis dims: the first input that knows them.
      const shape = x.shape.map((_, i) => inputs.map((t) => t.shape[i]).find((d) => d !== null) ?? null);
      let total: number | null = 0;
      for (const t of inputs) {
        const d = t.shape[axis];
        total = total === null || d === null ? null : total + d;
      }
      shape[axis] = total;
      return { shape, dtype: x.dtype };
    }
    case 'concatPart': {
      const a = attrs as PrimitiveAttrs['concatPart'];
      const shape = [...x.shape];
      shape[a.axis] = inputs[1 + a.index].shape[a.axis];
      return { shape, dtype: x.dtype };
    }
    case 'pad': {
      const pads = (attrs as PrimitiveAttrs['pad']).pads;
      return { shape: x.shape.map((d, i) => (d === null ? null : d + pads[i][0] + pads[i][1])), dtype: x.dtype };
    }
    case 'tile': {
      const reps = (attrs as PrimitiveAttrs['tile']).reps;
      return { shape: x.shape.map((d, i) => (d === null ? null : d * reps[i])), dtype: x.dtype };
    }
    case 'reverse':
      return x;
    case 'gather': {
      const axis = (attrs as PrimitiveAttrs['gather']).axis;
      return { shape: [...x.shape.slice(0, axis), ...inputs[1].shape, ...x.shape.slice(axis + 1)], dtype: x.dtype };
    }
    case 'scatterAdd': {
      const a = attrs as PrimitiveAttrs['scatterAdd'];
      const k = inputs[1].shape.length;
      const size = inputs.length > 2 ? inputs[2].shape[a.axis] : a.size;
      return { shape: [...x.shape.slice(0, a.axis), size, ...x.shape.slice(a.axis + k)], dtype: x.dtype };
    }
    case 'broadcastTo':
      return { shape: broadcastShapes(x.shape, (attrs as PrimitiveAttrs['broadcastTo']).shape, 'broadcastTo'), dtype: x.dtype };
    case 'expandDims': {
      const axes = (attrs as PrimitiveAttrs['expandDims']).axes;
      const out: (number | null)[] = [];
      let k = 0;
      for (let i = 0; i < x.shape.length + axes.length; i++) out.push(axes.includes(i) ? 1 : x.shape[k++]);
      return { shape: out, dtype: x.dtype };
    }
    case 'reshapeLike':
      return { shape: inputs[1].shape, dtype: x.dtype };
    case 'shapeOf':
      return { shape: [x.shape.length], dtype: 'int32' };
    case 'broadcastLike':
      return { shape: broadcastShapes(x.shape, inputs[1].shape, 'broadcastLike'), dtype: x.dtype };
    case 'sumLike': {
      // like's length where known; else 1 where g has 1, unknown otherwise
      const like = inputs[1].shape;
      return { shape: x.shape.map((d, i) => (like[i] !== null ? like[i] : d === 1 ? 1 : null)), dtype: x.dtype };
    }
    default:
      throw new Error(`no shape inference for primitive ${String(op)}`);
  }
}
