/**
 * Argument parsing of the conv group's functions: options objects, integer
 * tuples, padding modes, kernels, and the window geometry they give.
 */
import { DType } from '../../../backends/types';
import type { ImageDataFormat } from '../../../config';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { fmt } from '../../infer';
import { KTensor } from '../../tensor';
import { dataFormatArg, floatTensor, show } from '../../validate';
import { dims, effectiveKernel, PaddingMode, toChannelsLast, WindowAxis, windowAxis } from './patches';

/** Options of `conv2d`, `conv3d`, `depthwiseConv2d` and the separable convolutions. */
export interface ConvOptions {
  /** One stride per spatial axis (an int stands for all; default 1). */
  readonly strides?: number | readonly number[];
  /** 'valid' (default) or 'same'. */
  readonly padding?: 'valid' | 'same';
  /** 'channels_last' or 'channels_first'; null: `imageDataFormat()`. */
  readonly dataFormat?: ImageDataFormat | null;
  /** One dilation rate per spatial axis (an int stands for all; default 1). */
  readonly dilationRate?: number | readonly number[];
}

/** `n` positive integers: an array of n, or one int standing for all (undefined / null: `def`). */
export function tupleArg(v: unknown, n: number, fn: string, arg: string, def?: number): number[] {
  if ((v === undefined || v === null) && def !== undefined) return new Array<number>(n).fill(def);
  const ok = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 1;
  if (ok(v)) return new Array<number>(n).fill(v);
  if (Array.isArray(v) && v.length === n && v.every(ok)) return [...(v as number[])];
  throw new KerasValueError(`${fn}: argument '${arg}' must be ${n === 1 ? 'a positive integer' : `${n} positive integers (or one for all)`}, got ${show(v)}`);
}

/** A padding mode among `allowed`. */
export function paddingArg<P extends PaddingMode>(v: unknown, allowed: readonly P[], fn: string): P {
  if (v === undefined || v === null) return 'valid' as P;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new KerasValueError(`${fn}: argument 'padding' must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got ${show(v)}`);
  }
  return v as P;
}

/** A float tensor of rank `rank`. */
export function rankedFloat(v: unknown, rank: number, fn: string, arg: string): KTensor {
  const t = floatTensor(v, fn, arg);
  if (t.rank !== rank) throw new KerasValueError(`${fn}: argument '${arg}' must be a ${rank}D tensor, got shape [${fmt(t.shape)}]`);
  return t;
}

/** A kernel argument: a float tensor of rank `rank` with every dim known, of `x`'s dtype. */
export function kernelArg(v: unknown, rank: number, dtype: DType, fn: string, arg: string): KTensor {
  const k = rankedFloat(v, rank, fn, arg);
  if (k.shape.some((d) => d === null)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must have a known shape, got [${fmt(k.shape)}]`);
  }
  if (k.dtype !== dtype) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must have the dtype of 'x' (${dtype}), got ${k.dtype} (use K.cast)`);
  }
  return k;
}

/** Checks that the spatial and channel dims of channels_last `xl` are known and positive; returns them. */
export function spatialAndChannels(xl: KTensor, x: KTensor, fn: string, arg = 'x'): { spatial: number[]; channels: number } {
  const rest = xl.shape.slice(1);
  if (rest.some((d) => d === null || d < 1)) {
    throw new KerasValueError(
      `${fn}: argument '${arg}' must have known, non-zero spatial and channel dimensions (only the batch dimension may be unknown), got shape [${fmt(x.shape)}]`,
    );
  }
  const known = rest as number[];
  return { spatial: known.slice(0, -1), channels: known[known.length - 1] };
}

/** TensorFlow refuses strides > 1 together with dilation rates > 1. */
export function checkStridesDilation(strides: readonly number[], dilations: readonly number[], fn: string): void {
  if (strides.some((s) => s > 1) && dilations.some((d) => d > 1)) {
    throw new KerasValueError(
      `${fn}: argument 'dilationRate' [${dilations.join(', ')}] cannot be combined with strides [${strides.join(', ')}]: ` +
        `strides > 1 are not supported together with dilation rates > 1 (as in TensorFlow)`,
    );
  }
}

/** The window geometry of every spatial axis; an error when an output would be empty. */
export function geometry(
  spatial: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: PaddingMode,
  x: KTensor,
  fn: string,
): WindowAxis[] {
  return spatial.map((len, i) => {
    const w = windowAxis(len, kernel[i], strides[i], dilations[i], padding);
    if (w.out < 1) {
      throw new KerasValueError(
        `${fn}: argument 'x' (shape [${fmt(x.shape)}]) is too small on spatial axis ${i} (${len}) for a ${padding === 'causal' ? 'causal' : "'valid'"} window spanning ${effectiveKernel(kernel[i], dilations[i])} cells`,
      );
    }
    return w;
  });
}

/** The checked arguments of a windowed op (conv, depthwise): x in channels_last, its kernel, the windows. */
export interface WindowedArgs {
  xl: KTensor;
  xt: KTensor;
  kernel: KTensor;
  axes: WindowAxis[];
  df: ImageDataFormat;
}

/**
 * Checks x, its kernel (argument `kernelName`, shape (spatial..., in, out|multiplier))
 * and the options strides, padding (one of `paddings`), dataFormat and dilationRate,
 * and works out the windows.
 */
export function windowedArgs(
  fn: string,
  n: number,
  x: unknown,
  kernel: unknown,
  kernelName: string,
  opts: Record<string, unknown>,
  paddings: readonly PaddingMode[],
): WindowedArgs {
  const xt = rankedFloat(x, n + 2, fn, 'x');
  const k = kernelArg(kernel, n + 2, xt.dtype, fn, kernelName);
  const strides = tupleArg(opts.strides, n, fn, 'strides', 1);
  const padding = paddingArg(opts.padding, paddings, fn);
  const df = dataFormatArg(opts.dataFormat, fn);
  const dilations = tupleArg(opts.dilationRate, n, fn, 'dilationRate', 1);
  if (padding === 'causal' && df !== 'channels_last') {
    throw new KerasValueError(`${fn}: argument 'padding' 'causal' needs dataFormat 'channels_last' (temporal data), got '${df}'`);
  }
  checkStridesDilation(strides, dilations, fn);
  const xl = toChannelsLast(xt, df);
  const { spatial, channels } = spatialAndChannels(xl, xt, fn);
  const ks = dims(k);
  if (ks[n] !== channels) {
    throw new KerasShapeError(
      `${fn}: argument '${kernelName}' (shape [${fmt(ks)}]) expects ${ks[n]} input channels, but 'x' (shape [${fmt(xt.shape)}], ${df}) has ${channels}`,
    );
  }
  return { xl, xt, kernel: k, df, axes: geometry(spatial, ks.slice(0, n), strides, dilations, padding, xt, fn) };
}
