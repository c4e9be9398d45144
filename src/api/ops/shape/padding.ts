/**
 * Zero padding of the shape group: temporal_padding, spatial_2d_padding,
 * spatial_3d_padding.
 */
import type { ImageDataFormat } from '../../../config';
import { KerasValueError } from '../../../errors';
import { KTensor } from '../../tensor';
import { dataFormatArg, rankArg, show } from '../../validate';
import { padZeros } from './helpers';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/** `[before, after]`, two non-negative integers. */
function padPairArg(v: unknown, fn: string, arg: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || v.some((p) => typeof p !== 'number' || !Number.isInteger(p) || p < 0)) {
    throw new KerasValueError(`${fn}: argument '${arg}' must be a pair [before, after] of non-negative integers, got ${show(v)}`);
  }
  return [v[0] as number, v[1] as number];
}

/** `n` pairs `[before, after]` of non-negative integers. */
function padPairsArg(v: unknown, n: number, fn: string): [number, number][] {
  if (!Array.isArray(v) || v.length !== n) {
    throw new KerasValueError(`${fn}: argument 'padding' must be ${n} pairs [before, after] of non-negative integers, got ${show(v)}`);
  }
  return v.map((p, i) => padPairArg(p, fn, `padding[${i}]`));
}

/**
 * Pads the middle dimension of a 3D tensor with `padding[0]` zeros before and
 * `padding[1]` after.
 *
 * Mirrors `keras.backend.temporal_padding(x, padding=(1, 1))`.
 */
export function temporalPadding(x: TensorInput, padding: readonly [number, number] = [1, 1], ...extra: []): KTensor {
  checkArity('temporalPadding', 2, extra);
  const t = rankArg(x, 3, 'temporalPadding');
  const p = padPairArg(padding, 'temporalPadding', 'padding');
  return padZeros(t, [[0, 0], p, [0, 0]]);
}

/**
 * Pads the two spatial dimensions of a 4D tensor with zeros: `padding` is
 * [[top, bottom], [left, right]]; `dataFormat` null uses `imageDataFormat()`.
 *
 * Mirrors `keras.backend.spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None)`.
 */
export function spatial2dPadding(
  x: TensorInput,
  padding: readonly (readonly [number, number])[] = [
    [1, 1],
    [1, 1],
  ],
  dataFormat: ImageDataFormat | null = null,
  ...extra: []
): KTensor {
  checkArity('spatial2dPadding', 3, extra);
  return spatialPadding('spatial2dPadding', 2, x, padding, dataFormat);
}

/**
 * Pads the three spatial dimensions (depth, height, width) of a 5D tensor with
 * zeros: `padding` is three pairs [before, after]; `dataFormat` null uses
 * `imageDataFormat()`.
 *
 * Mirrors `keras.backend.spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None)`.
 */
export function spatial3dPadding(
  x: TensorInput,
  padding: readonly (readonly [number, number])[] = [
    [1, 1],
    [1, 1],
    [1, 1],
  ],
  dataFormat: ImageDataFormat | null = null,
  ...extra: []
): KTensor {
  checkArity('spatial3dPadding', 3, extra);
  return spatialPadding('spatial3dPadding', 3, x, padding, dataFormat);
}

/** Zero padding of the `n` spatial dims of a rank n + 2 tensor, batch and channel dims left as they are. */
function spatialPadding(fn: string, n: number, x: unknown, padding: unknown, dataFormat: unknown): KTensor {
  const t = rankArg(x, n + 2, fn);
  const p = padPairsArg(padding, n, fn);
  const df = dataFormatArg(dataFormat, fn);
  return padZeros(t, df === 'channels_first' ? [[0, 0], [0, 0], ...p] : [[0, 0], ...p, [0, 0]]);
}
