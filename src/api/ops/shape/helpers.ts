/**
 * Internal building blocks of the shape functions (no user-facing argument
 * checks: callers check first). They work with static shapes that contain
 * `null` (dims known only at run time), which the `reshape` primitive handles
 * only once per shape (one -1): where a tensor has two or more unknown dims,
 * inserting or removing an axis, padding and repeating are built from gather,
 * broadcastLike and concat instead, so that they still run, and differentiate,
 * on every backend.
 */
import { KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { applyOp, constantFrom, expandDimsOp, reshapeTo, scalar, transposeOp } from '../../primitives';
import { KTensor } from '../../tensor';

/** Number of unknown (null) dims of a static shape. */
export function unknownDims(shape: readonly (number | null)[]): number {
  return shape.filter((d) => d === null).length;
}

/** An int32 constant with the given values and shape. */
export function int32Const(values: readonly number[], shape: readonly number[], fn: string): KTensor {
  return constantFrom({ data: Int32Array.from(values), shape: [...shape], dtype: 'int32' }, fn, 'indices', 'int32');
}

/** `n` zeros as an int32 vector (gather indices that repeat the first slice `n` times). */
export function zeroIndices(n: number, fn: string): KTensor {
  return int32Const(new Array<number>(n).fill(0), [n], fn);
}

/**
 * A tensor shaped like `x` with axis `axis` collapsed to 1, that no gradient goes
 * through (its values are not meant to be read). A run-time shape carrier.
 */
function collapsed(x: KTensor, axes: readonly number[]): KTensor {
  const op = x.dtype === 'bool' ? 'reduceAny' : 'reduceSum';
  return applyOp(op, [x], { axes: [...axes], keepDims: true }, { noGrad: true });
}

/** Reorders the axes of `y` (rank r+1, its new axis at `from`) so that the new axis ends at `to`. */
function moveNewAxis(y: KTensor, from: number, to: number): KTensor {
  const others = Array.from({ length: y.rank }, (_, i) => i).filter((i) => i !== from);
  return transposeOp(y, [...others.slice(0, to), from, ...others.slice(to)]);
}

/**
 * `x` with a new axis of length 1 at position `axis` (0 <= axis <= rank): a reshape
 * when at most one dim is unknown; otherwise a gather along a known axis (or a
 * broadcast to a run-time shape carrier when no dim is known) and a transpose.
 */
export function insertAxis(x: KTensor, axis: number, fn: string): KTensor {
  const target = [...x.shape.slice(0, axis), 1, ...x.shape.slice(axis)];
  // a reshape's -1 is ambiguous for an empty tensor when a known dim is 0: the primitive then
  if (unknownDims(x.shape) === 1 && x.shape.includes(0)) return expandDimsOp(x, [axis]);
  if (unknownDims(x.shape) <= 1) return reshapeTo(x, target, fn);
  const k = x.shape.findIndex((d) => d !== null);
  if (k >= 0) {
    // gather along the known axis k with indices [[0, 1, ..., n-1]]: a new axis of
    // length 1 appears at k, before the (unchanged) axis k.
    const n = x.shape[k] as number;
    const idx = int32Const(
      Array.from({ length: n }, (_, i) => i),
      [1, n],
      fn,
    );
    return moveNewAxis(applyOp('gather', [x, idx], { axis: k }), k, axis);
  }
  // Every dim unknown (rank >= 2): broadcast x to a carrier of run-time shape
  // [1, d0, d1, ...], made by gathering x with zero indices of shape [1, d0].
  const rest = Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
  const firstOnly = reshapeTo(collapsed(x, rest), [null], fn); // [d0]
  const zeros = applyOp('broadcastLike', [scalar(0, 'int32'), firstOnly], {}); // [d0] int32 zeros
  const idx = reshapeTo(zeros, [1, null], fn); // [1, d0]
  const carrier = applyOp('gather', [x, idx], { axis: 0 }, { noGrad: true }); // [1, d0, d1, ...]
  return moveNewAxis(applyOp('broadcastLike', [x, carrier], {}), 0, axis);
}

/**
 * `x` without its axis `axis`, whose length is 1 (statically, or checked by the
 * backend at run time when unknown and the only unknown dim).
 */
export function removeAxis(x: KTensor, axis: number, fn: string, arg = 'axis'): KTensor {
  const target = x.shape.filter((_, i) => i !== axis);
  // a reshape's -1 is ambiguous for an empty tensor when a known dim is 0: a gather of index 0 then
  const ambiguous = unknownDims(target) === 1 && target.includes(0);
  if (unknownDims(x.shape) <= 1 && !ambiguous) return reshapeTo(x, target, fn);
  if (x.shape[axis] === 1) return applyOp('gather', [x, scalar(0, 'int32')], { axis });
  throw new KerasValueError(
    `${fn}: argument '${arg}' (${axis}) is a dimension of unknown length in shape [${fmt(x.shape)}], which has other unknown dimensions: ` +
      `its length cannot be checked to be 1 (give the placeholder a static shape there)`,
  );
}

/**
 * Repeats each slice of `x` along `axis` `rep` times in place (np.repeat).
 * A known axis: one gather. An unknown axis: a new axis after it, gathered `rep`
 * times and merged back by a reshape (the other dims known), or, with other
 * unknown dims too, a gather with indices computed at run time (which runs on
 * every backend, but whose gradient needs the axis length to be known).
 */
export function repeatAlong(x: KTensor, rep: number, axis: number, fn: string): KTensor {
  if (rep === 1) return x;
  const n = x.shape[axis];
  if (n !== null) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < rep; j++) idx.push(i);
    return applyOp('gather', [x, int32Const(idx, [n * rep], fn)], { axis });
  }
  // (not when another dim is 0: the -1 of the reshape below has no value for an empty tensor)
  if (unknownDims(x.shape) === 1 && !x.shape.includes(0)) {
    const e = insertAxis(x, axis + 1, fn); // [..., n, 1, ...]
    const t = applyOp('gather', [e, zeroIndices(rep, fn)], { axis: axis + 1 }); // [..., n, rep, ...]
    return reshapeTo(t, x.shape, fn); // the unknown axis becomes -1: n * rep
  }
  // Run-time indices [0, 0, ..., 1, 1, ..., n-1, ...] (each `rep` times).
  const others = Array.from({ length: x.rank }, (_, i) => i).filter((i) => i !== axis);
  const line = reshapeTo(collapsed(x, others), [null], fn); // [n]
  const ones = applyOp('broadcastLike', [scalar(1, 'int32'), line], {});
  const range = applyOp('cumsum', [ones], { axis: 0, exclusive: true, reverse: false }); // [0, ..., n-1]
  const col = reshapeTo(range, [null, 1], fn); // [n, 1]
  const block = applyOp('gather', [col, zeroIndices(rep, fn)], { axis: 1 }); // [n, rep]
  const idx = reshapeTo(block, [null], fn); // [n * rep]
  return applyOp('gather', [x, idx], { axis });
}

/**
 * Tiles `x` `reps[i]` times along each axis i. The tile primitive when every dim
 * is known (or a rep is 0); otherwise concatenated copies, whose gradient works
 * with unknown dims.
 */
export function tileAxes(x: KTensor, reps: readonly number[]): KTensor {
  if (reps.every((r) => r === 1)) return x;
  if (unknownDims(x.shape) === 0 || reps.some((r) => r === 0)) return applyOp('tile', [x], { reps: [...reps] });
  let out = x;
  reps.forEach((r, axis) => {
    if (r > 1) out = applyOp('concat', new Array<KTensor>(r).fill(out), { axis });
  });
  return out;
}

/**
 * Pads `x` with zeros (false for bool): pads[i] = [before, after] for each axis.
 * The pad primitive, except on unknown dims padded at the end (the pad gradient
 * needs those lengths): there, zero blocks shaped at run time are concatenated.
 */
export function padZeros(x: KTensor, pads: readonly (readonly [number, number])[]): KTensor {
  const dynamic = pads.map((p, i) => x.shape[i] === null && p[1] > 0);
  const direct = pads.map((p, i): [number, number] => (dynamic[i] ? [0, 0] : [p[0], p[1]]));
  let out = direct.some((p) => p[0] > 0 || p[1] > 0) ? applyOp('pad', [x], { pads: direct, value: 0 }) : x;
  dynamic.forEach((isDynamic, axis) => {
    if (!isDynamic) return;
    const [before, after] = pads[axis];
    const carrier = collapsed(out, [axis]); // out's run-time shape with `axis` of length 1
    const zerosOf = (len: number): KTensor => {
      const like = applyOp('gather', [carrier, zeroIndices(len, 'pad')], { axis });
      return applyOp('broadcastLike', [scalar(0, out.dtype), like], {});
    };
    const parts = [...(before > 0 ? [zerosOf(before)] : []), out, zerosOf(after)];
    out = applyOp('concat', parts, { axis });
  });
  return out;
}
