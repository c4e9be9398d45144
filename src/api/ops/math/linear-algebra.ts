/**
 * Products and transposition of the math group: `dot`, `batchDot`, `transpose`.
 */
import { isFloatDType } from '../../../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { binary, expandDimsOp, matMul, reduceOp, reshapeTo, transposeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { binaryOperands, normAxis, requireTensorLike, show } from '../../validate';
import type { TensorInput } from '../../tensor-input';
import { insertAxis } from '../shape/helpers';
import { checkArity } from '../../../arity';

/**
 * Multiplies two tensors: matrix product for 2-D, and for N-D the sum over the last
 * axis of `x` and the second-to-last axis of `y` (as Keras / Theano `dot`); 1-D
 * operands act as vectors.
 *
 * Mirrors `keras.backend.dot(x, y)`.
 */
export function dot(x: TensorInput, y: TensorInput, ...extra: []): KTensor {
  checkArity('dot', 2, extra);
  const [a, b] = binaryOperands(x, y, 'dot', false);
  if (!isFloatDType(a.dtype)) throw new KerasTypeError(`dot: arguments 'x' and 'y' must be float tensors, got dtype ${a.dtype}`);
  if (a.rank === 0 || b.rank === 0) throw new KerasValueError(`dot: arguments 'x' and 'y' must have rank >= 1, got shapes [${fmt(a.shape)}] and [${fmt(b.shape)}]`);
  const ka = a.shape[a.rank - 1];
  const kb = b.rank === 1 ? b.shape[0] : b.shape[b.rank - 2];
  if (ka !== null && kb !== null && ka !== kb) {
    throw new KerasShapeError(`dot: arguments 'x' (shape [${fmt(a.shape)}]) and 'y' (shape [${fmt(b.shape)}]) do not align: the last axis of 'x' has length ${ka}, ${b.rank === 1 ? 'the only' : 'the second-to-last'} axis of 'y' has length ${kb}`);
  }
  if (a.rank <= 2 && b.rank <= 2) {
    const a2 = a.rank === 1 ? reshapeTo(a, [1, ka], 'dot') : a;
    const b2 = b.rank === 1 ? reshapeTo(b, [kb, 1], 'dot') : b;
    const p = matMul(a2, b2);
    if (a.rank === 1 && b.rank === 1) return reshapeTo(p, [], 'dot');
    if (a.rank === 1) return reshapeTo(p, [b.shape[1]], 'dot');
    if (b.rank === 1) return reshapeTo(p, [a.shape[0]], 'dot');
    return p;
  }
  // N-D: x [..., k] . y [..., k, n] -> x.shape[:-1] + y.shape[:-2] + [n]
  const k = ka ?? kb;
  if (k === null) throw new KerasValueError(`dot: the contracted dimension must be known`);
  const yPerm = b.rank === 1 ? [0] : [b.rank - 2, ...Array.from({ length: b.rank }, (_, i) => i).filter((i) => i !== b.rank - 2)];
  const yRest = yPerm.slice(1).map((i) => b.shape[i]);
  if (yRest.some((d) => d === null)) throw new KerasValueError(`dot: the dimensions of 'y' must be known for N-D dot`);
  const nCols = (yRest as number[]).reduce((p, d) => p * d, 1);
  if (b.rank === 2 && a.shape.slice(0, -1).filter((d) => d === null).length > 1) {
    // Several unknown leading dims (batch and time, say): a batched product with y
    // broadcast over them, as no reshape can flatten them.
    const b3 = reshapeTo(b, [...new Array<number>(a.rank - 2).fill(1), k, nCols], 'dot');
    return matMul(a, b3);
  }
  if (k === 0) {
    // An empty contraction is all zeros, x.shape[:-1] + y.shape[:-2] + [n]; the reshape
    // below to [-1, 0] could not find its -1 for an empty x (nor could the engine's
    // shape inference). Summing each operand over its contracted axis gives those zeros
    // with the run-time shapes, and both operands stay connected for gradients.
    const sx = reduceOp('reduceSum', a, [a.rank - 1], false);
    const sy = reduceOp('reduceSum', b, [b.rank === 1 ? 0 : b.rank - 2], false);
    const widened = expandDimsOp(sx, Array.from({ length: sy.rank }, (_, i) => sx.rank + i));
    return binary('mul', widened, sy);
  }
  const a2 = reshapeTo(a, [null, k], 'dot');
  const b2 = reshapeTo(transposeOp(b, yPerm), [k, nCols], 'dot');
  const p = matMul(a2, b2);
  const outShape = [...a.shape.slice(0, -1), ...(b.rank === 1 ? [] : b.shape.slice(0, -2)), ...(b.rank === 1 ? [] : [b.shape[b.rank - 1]])];
  return reshapeTo(p, outShape, 'dot');
}

/**
 * Transposes a tensor (reverses its axes).
 *
 * Mirrors `keras.backend.transpose(x)`.
 */
export function transpose(x: TensorInput, ...extra: []): KTensor {
  checkArity('transpose', 1, extra);
  const t = requireTensorLike(x, 'transpose');
  return transposeOp(t, Array.from({ length: t.rank }, (_, i) => t.rank - 1 - i));
}

/** The `axes` argument of batchDot, normalised to two non-negative axes. */
function batchDotAxes(axes: unknown, xr: number, yr: number): [number, number] {
  let pair: unknown[];
  if (axes === null || axes === undefined) {
    // As tf.matmul: the last axis of x with the second-to-last of y (the last when y is 2-D).
    pair = [xr - 1, yr === 2 ? 1 : yr - 2];
  } else if (typeof axes === 'number') {
    pair = [axes, axes];
  } else if (Array.isArray(axes) && axes.length === 2) {
    if (axes.some((a) => Array.isArray(a))) {
      throw new KerasValueError(`batchDot: argument 'axes' may name one axis per operand (multiple target dimensions are not supported), got ${show(axes)}`);
    }
    pair = [...axes];
  } else {
    throw new KerasValueError(`batchDot: argument 'axes' must be null, an integer or a pair of integers, got ${show(axes)}`);
  }
  const a0 = normAxis(pair[0], xr, 'batchDot', 'axes[0]');
  const a1 = normAxis(pair[1], yr, 'batchDot', 'axes[1]');
  if (a0 === 0 || a1 === 0) {
    throw new KerasValueError(`batchDot: argument 'axes' cannot name axis 0, the batch axis, got ${show(axes)}`);
  }
  return [a0, a1];
}

/** Product of static dims, null when one is unknown. */
function dimProduct(dims: readonly (number | null)[]): number | null {
  return dims.reduce<number | null>((p, d) => (p === null || d === null ? null : p * d), 1);
}

/** Reshape for batchDot, with a message naming it when too many dims are unknown. */
function batchDotReshape(t: KTensor, shape: readonly (number | null)[]): KTensor {
  if (shape.filter((d) => d === null).length > 1) {
    throw new KerasValueError(
      `batchDot: needs all but one of the dimensions [${fmt(shape)}] to be known to reshape an operand of shape [${fmt(t.shape)}]`,
    );
  }
  return reshapeTo(t, shape, 'batchDot');
}

/**
 * Batchwise dot product: for each index `b` of the first (batch) axis, the dot of
 * `x[b]` and `y[b]` summed over axis `axes[0]` of `x` and `axes[1]` of `y`. The
 * result has the shape of `x` less the summed axis, followed by the shape of `y`
 * less its batch axis and the summed axis; when that is rank 1 (two 2-D inputs) it is
 * expanded to `(batch_size, 1)`. `axes` is an integer (the same axis of both), a
 * pair, or null (the last axis of `x` with the second-to-last of `y`, or its last
 * when `y` is 2-D). Example: `x = [[1, 2], [3, 4]]`, `y = [[5, 6], [7, 8]]`,
 * `batchDot(x, y, 1)` is `[[17], [53]]`. Float tensors of rank >= 2.
 *
 * As the Keras 2.2 documentation describes; unlike Keras 2.2's TensorFlow code,
 * negative axes count from the end, axis 0 (the batch axis) cannot be summed
 * over, and inputs of rank > 3 follow the documented shape rule (Keras 2.2's code
 * treated their extra leading axes as batch axes). As Keras 2.3.1, any dim may be
 * unknown at build time (placeholders of known rank): the static shape keeps the
 * known dims and the values are computed at run time.
 *
 * Mirrors `keras.backend.batch_dot(x, y, axes=None)`.
 */
export function batchDot(x: TensorInput, y: TensorInput, axes?: number | readonly [number, number] | null, ...extra: []): KTensor {
  checkArity('batchDot', 3, extra);
  const [a, b] = binaryOperands(x, y, 'batchDot', false);
  if (!isFloatDType(a.dtype)) throw new KerasTypeError(`batchDot: arguments 'x' and 'y' must be float tensors, got dtype ${a.dtype}`);
  if (a.rank < 2) throw new KerasValueError(`batchDot: argument 'x' must have rank >= 2, got shape [${fmt(a.shape)}]`);
  if (b.rank < 2) throw new KerasValueError(`batchDot: argument 'y' must have rank >= 2, got shape [${fmt(b.shape)}]`);
  const [a0, a1] = batchDotAxes(axes, a.rank, b.rank);
  const bx = a.shape[0];
  const by = b.shape[0];
  if (bx !== null && by !== null && bx !== by) {
    throw new KerasShapeError(`batchDot: arguments 'x' and 'y' have different batch sizes: shapes [${fmt(a.shape)}] and [${fmt(b.shape)}]`);
  }
  const kx = a.shape[a0];
  const ky = b.shape[a1];
  if (kx !== null && ky !== null && kx !== ky) {
    throw new KerasShapeError(
      `batchDot: the summed axes differ in length: axis ${a0} of 'x' (shape [${fmt(a.shape)}]) and axis ${a1} of 'y' (shape [${fmt(b.shape)}])`,
    );
  }
  const batch = bx ?? by;
  const k = kx ?? ky;
  if (a.rank === 2 && b.rank === 2) {
    // Both [batch, k]: the rowwise dot, kept as [batch, 1] (Keras's expand_dims).
    return reduceOp('reduceSum', binary('mul', a, b), [1], true);
  }
  const xRest = Array.from({ length: a.rank }, (_, i) => i).filter((i) => i !== 0 && i !== a0);
  const yRest = Array.from({ length: b.rank }, (_, i) => i).filter((i) => i !== 0 && i !== a1);
  if (a.rank === 2 || b.rank === 2) {
    // One operand is [batch, k]: move the other's batch and summed axes last, so that
    // [batch, k] broadcasts against it, multiply, sum the last axis, and bring the
    // batch axis back to the front. No reshape: any dimension may be unknown.
    const [big, small, rest, axis] = a.rank === 2 ? [b, a, yRest, a1] : [a, b, xRest, a0];
    const moved = transposeOp(big, [...rest, 0, axis]);
    const summed = reduceOp('reduceSum', binary('mul', moved, small), [rest.length + 1], false);
    return transposeOp(summed, [rest.length, ...rest.map((_, i) => i)]);
  }
  const xRestDims = xRest.map((i) => a.shape[i]);
  const yRestDims = yRest.map((i) => b.shape[i]);
  // x as [batch, M, k], y as [batch, k, N] (no reshape for rank 3); one matMul; then the documented shape.
  const xt = transposeOp(a, [0, ...xRest, a0]);
  const yt = transposeOp(b, [0, a1, ...yRest]);
  const unknown = (dims: readonly (number | null)[]): number => dims.filter((d) => d === null).length;
  const reshapes = [
    ...(xRest.length === 1 ? [] : [[batch, dimProduct(xRestDims), k]]),
    ...(yRest.length === 1 ? [] : [[batch, k, dimProduct(yRestDims)]]),
    ...(xRest.length === 1 && yRest.length === 1 ? [] : [[batch, ...xRestDims, ...yRestDims]]),
  ];
  if (reshapes.some((r) => unknown(r) > 1)) {
    // Too many unknown dims to reshape (placeholders of known rank, as Keras 2.3.1 allows):
    // x as [batch, M..., k, 1...], y as [batch, 1..., k, N...], multiplied (broadcasting)
    // and summed over k. No reshape, so any dim may be unknown.
    let xe = xt;
    for (let i = 0; i < yRest.length; i++) xe = insertAxis(xe, xe.rank, 'batchDot');
    let ye = yt;
    for (let i = 0; i < xRest.length; i++) ye = insertAxis(ye, 1, 'batchDot');
    return reduceOp('reduceSum', binary('mul', xe, ye), [1 + xRest.length], false);
  }
  const x3 = xRest.length === 1 ? xt : batchDotReshape(xt, [batch, dimProduct(xRestDims), k]);
  const y3 = yRest.length === 1 ? yt : batchDotReshape(yt, [batch, k, dimProduct(yRestDims)]);
  const p = matMul(x3, y3);
  if (xRest.length === 1 && yRest.length === 1) return p;
  return batchDotReshape(p, [batch, ...xRestDims, ...yRestDims]);
}
