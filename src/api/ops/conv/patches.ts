/**
 * Sliding-window building blocks of the convolution and pooling composites
 * (no user-facing argument checks: arguments.ts checks first), and the
 * moves between channels_first and channels_last.
 *
 * Everything works in channels_last layout, [batch, s1, ..., sn, channels], with
 * the spatial and channel dims known and the batch dim possibly unknown (null).
 * `extractPatches` gathers, for every output position and every kernel offset,
 * the input cell the window reads there:
 *
 *   patches[b, o1..on, k1..kn, c] = padded[b, o1*s1 + k1*d1, ..., on*sn + kn*dn, c]
 *
 * with pad, slice, reshape and concat only, so the gradient of every composite
 * built on it comes from the primitives' rules. Per spatial axis, the padded axis
 * is cut to a length R*s and viewed as [R, s]: the cells read by kernel offset k
 * at outputs 0..O-1 are then the contiguous rows floor(k*d/s) .. floor(k*d/s)+O-1
 * of column (k*d) mod s, one slice; the K slices are joined on the channel axis,
 * so the window cells accumulate there, [b, o1..on, k1*..*kn*c], without any
 * transpose and with ranks at most n + 3. The number of nodes grows with the sum,
 * not the product, of the kernel sizes.
 */
import type { ImageDataFormat } from '../../../config';
import { KerasValueError } from '../../../errors';
import { applyOp, reshapeTo, transposeOp } from '../../primitives';
import { KTensor } from '../../tensor';

/** The padding modes of the convolution functions. */
export type PaddingMode = 'valid' | 'same' | 'causal';

/** The geometry of the window along one spatial axis. */
export interface WindowAxis {
  /** Kernel (window) size. */
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  /** Cells of padding before the input. */
  readonly padBefore: number;
  /** Number of output positions. */
  readonly out: number;
}

/** The span of a dilated kernel: (k - 1) * d + 1. */
export function effectiveKernel(kernel: number, dilation: number): number {
  return (kernel - 1) * dilation + 1;
}

/**
 * TensorFlow's output length and padding of a windowed op along one axis:
 * 'valid': ceil((L - eff + 1) / s), no padding; 'same': ceil(L / s), total padding
 * max((O - 1) * s + eff - L, 0) with the extra cell at the end; 'causal' (Keras):
 * eff - 1 cells before, then 'valid'. `out` < 1 when the input is too short.
 */
export function windowAxis(length: number, kernel: number, stride: number, dilation: number, padding: PaddingMode): WindowAxis {
  const eff = effectiveKernel(kernel, dilation);
  if (padding === 'same') {
    const out = Math.ceil(length / stride);
    const total = Math.max((out - 1) * stride + eff - length, 0);
    return { kernel, stride, dilation, padBefore: Math.floor(total / 2), out };
  }
  const padBefore = padding === 'causal' ? eff - 1 : 0;
  const out = Math.ceil((length + padBefore - eff + 1) / stride);
  return { kernel, stride, dilation, padBefore, out };
}

/** The rows of the [R, s] view that the windows read: R = floor((k - 1) * d / s) + O. */
function viewRows(w: WindowAxis): number {
  return Math.floor(((w.kernel - 1) * w.dilation) / w.stride) + w.out;
}

/**
 * The windows of `x` ([batch, s1..sn, c], channels_last, spatial and channel dims
 * known), flattened: [batch, o1..on, k1*..*kn*c], each window's cells in the order
 * (k1, ..., kn, c) (the row-major order of a (k1, ..., kn, c, ...) kernel). Padding
 * cells (before the input, and after it up to what the windows read) hold
 * `padValue`; cells past what the windows read are cut off. No intermediate has a
 * rank above n + 3.
 */
export function extractPatches(x: KTensor, axes: readonly WindowAxis[], padValue: number, fn: string): KTensor {
  const n = axes.length;
  if (x.rank !== n + 2) throw new KerasValueError(`${fn}: internal: patches of a rank ${x.rank} tensor over ${n} axes`);
  // 1. Pad before, and pad or cut the end to the R*s cells of the [R, s] view.
  const pads: [number, number][] = x.shape.map(() => [0, 0]);
  const cut: (number | null)[] = x.shape.map(() => null);
  axes.forEach((w, i) => {
    const len = x.shape[i + 1] as number;
    const target = viewRows(w) * w.stride;
    const after = target - w.padBefore - len;
    pads[i + 1] = [w.padBefore, Math.max(after, 0)];
    if (after < 0) cut[i + 1] = target;
  });
  let t = pads.some((p) => p[0] > 0 || p[1] > 0) ? applyOp('pad', [x], { pads, value: padValue }) : x;
  if (cut.some((c) => c !== null)) {
    t = applyOp('slice', [t], {
      begin: t.shape.map(() => 0),
      size: t.shape.map((_, i) => cut[i] ?? -1),
    });
  }
  // 2. Axis by axis, last first: [.., L, .., cc] -> [.., R, s, .., cc] -> K slices
  //    [.., O, 1, .., cc] joined on the last axis -> [.., O, .., K*cc] (k the outer factor).
  for (let i = n - 1; i >= 0; i--) {
    const w = axes[i];
    const p = i + 1;
    const rows = viewRows(w);
    if (w.kernel === 1 && w.stride === 1 && w.out === rows) continue;
    const strided = w.stride > 1;
    const view = strided ? reshapeTo(t, [...t.shape.slice(0, p), rows, w.stride, ...t.shape.slice(p + 1)], fn) : t;
    const pieces: KTensor[] = [];
    for (let k = 0; k < w.kernel; k++) {
      const offset = k * w.dilation;
      const begin = view.shape.map(() => 0);
      const size = view.shape.map(() => -1);
      begin[p] = Math.floor(offset / w.stride);
      size[p] = w.out;
      if (strided) {
        begin[p + 1] = offset % w.stride;
        size[p + 1] = 1;
      }
      pieces.push(applyOp('slice', [view], { begin, size }));
    }
    const joined = pieces.length === 1 ? pieces[0] : applyOp('concat', pieces, { axis: view.rank - 1 });
    t = strided ? reshapeTo(joined, [...joined.shape.slice(0, p + 1), ...joined.shape.slice(p + 2)], fn) : joined;
  }
  return t;
}

/** The shape of a tensor whose dims are known (checked by the caller). */
export function dims(t: KTensor): number[] {
  return t.shape as number[];
}

/** `x` moved to channels_last (a transpose for channels_first). */
export function toChannelsLast(x: KTensor, df: ImageDataFormat): KTensor {
  if (df === 'channels_last') return x;
  const n = x.rank - 2;
  return transposeOp(x, [0, ...Array.from({ length: n }, (_, i) => i + 2), 1]);
}

/** A channels_last result moved to `df`. */
export function fromChannelsLast(y: KTensor, df: ImageDataFormat): KTensor {
  if (df === 'channels_last') return y;
  const n = y.rank - 2;
  return transposeOp(y, [0, n + 1, ...Array.from({ length: n }, (_, i) => i + 1)]);
}

export function product(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}
