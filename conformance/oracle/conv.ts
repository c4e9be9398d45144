/**
 * Oracle convolutions and pooling, direct loops in float64 written from the
 * TensorFlow / Keras definitions (never from the library under test):
 *
 *   conv:      out[b, o, m] = sum_{k, c} x_pad[b, o*s + k*d, c] * w[k, c, m]
 *   depthwise: out[b, o, c*M + m] = sum_k x_pad[b, o*s + k*d, c] * w[k, c, m]
 *   pooling:   max / mean over the real (unpadded) cells of each window
 *   transpose: out[b, i*s + k - pad, m] += x[b, i, c] * w[k, m, c]   (the adjoint of conv)
 *   local:     out[b, o, f] = sum_j window(b, o)[j] * w[o, j, f]
 *
 * with TensorFlow's padding: 'valid' none; 'same' total max((O-1)*s + eff - L, 0),
 * floor(total/2) before and the rest after; Keras's 'causal' eff - 1 before.
 * Spatial positions are multi-indices over any number of spatial axes; the
 * channels_first layout is handled by transposing to channels_last and back.
 */
import { transpose } from './math';
import { asArray, OArray, OLike, sizeOf, stridesOf, unravel } from './ndarray';

export type OPadding = 'valid' | 'same' | 'causal';
export type OFormat = 'channels_last' | 'channels_first';

/** Options of the oracle convolutions (one entry per spatial axis). */
export interface OConvOptions {
  readonly strides?: readonly number[];
  readonly padding?: OPadding;
  readonly dataFormat?: OFormat;
  readonly dilation?: readonly number[];
}

/** TensorFlow's output length and padding before the input, along one axis. */
export function tfWindow(len: number, k: number, s: number, d: number, padding: OPadding): { out: number; before: number } {
  const eff = (k - 1) * d + 1;
  if (padding === 'same') {
    const out = Math.ceil(len / s);
    const total = Math.max((out - 1) * s + eff - len, 0);
    return { out, before: Math.floor(total / 2) };
  }
  if (padding === 'causal') return { out: Math.ceil((len - eff + 1 + (eff - 1)) / s), before: eff - 1 };
  return { out: Math.ceil((len - eff + 1) / s), before: 0 };
}

function lastPerm(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

function firstPerm(rank: number): number[] {
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** `x` in channels_last layout. */
function toLast(x: OArray, df: OFormat): OArray {
  return df === 'channels_first' ? transpose(x, lastPerm(x.shape.length)) : x;
}

/** A channels_last result in layout `df`. */
function fromLast(y: OArray, df: OFormat): OArray {
  return df === 'channels_first' ? transpose(y, firstPerm(y.shape.length)) : y;
}

/** Every multi-index of `shape`, row-major. */
function indices(shape: readonly number[]): number[][] {
  const n = sizeOf(shape);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(unravel(i, shape));
  return out;
}

/** Calls `f(multiIndex)` for every multi-index of `shape`. */
function each(shape: readonly number[], f: (idx: number[]) => void): void {
  for (const idx of indices(shape)) f(idx);
}

/** Reads channels_last x[b, pos..., c], or null outside the input. */
function reader(x: OArray): (b: number, pos: readonly number[], c: number) => number | null {
  const st = stridesOf(x.shape);
  const r = x.shape.length;
  return (b, pos, c) => {
    let k = b * st[0] + c * st[r - 1];
    for (let i = 0; i < pos.length; i++) {
      if (pos[i] < 0 || pos[i] >= x.shape[i + 1]) return null;
      k += pos[i] * st[i + 1];
    }
    return x.data[k];
  };
}

interface Geometry {
  outs: number[];
  befores: number[];
  strides: number[];
  dil: number[];
}

function geometry(spatial: readonly number[], ksize: readonly number[], o: OConvOptions): Geometry {
  const n = spatial.length;
  const strides = o.strides ? [...o.strides] : new Array<number>(n).fill(1);
  const dil = o.dilation ? [...o.dilation] : new Array<number>(n).fill(1);
  const w = spatial.map((len, i) => tfWindow(len, ksize[i], strides[i], dil[i], o.padding ?? 'valid'));
  return { outs: w.map((v) => v.out), befores: w.map((v) => v.before), strides, dil };
}

/** The input position read by output position `o` and kernel offset `k`. */
function inputPos(o: readonly number[], k: readonly number[], g: Geometry): number[] {
  return o.map((v, i) => v * g.strides[i] + k[i] * g.dil[i] - g.befores[i]);
}

/**
 * The window sums of `conv` and `depthwiseConv`, kernel (spatial..., in, K): for each
 * output cell, kernel tap and input channel c whose input value v is real (not
 * padding), `add(acc, v, c, row, K)` where w[row + m] is the weight of tap, c and m.
 * Each output cell has `outChannels(in, K)` channels.
 */
function windowSums(
  xv: OLike,
  wv: OLike,
  o: OConvOptions,
  outChannels: (cin: number, k: number) => number,
  add: (acc: number[], v: number, c: number, w: readonly number[], row: number, k: number) => void,
): OArray {
  const df = o.dataFormat ?? 'channels_last';
  const x = toLast(asArray(xv), df);
  const w = asArray(wv);
  const n = w.shape.length - 2;
  const [cin, k] = [w.shape[n], w.shape[n + 1]];
  const cout = outChannels(cin, k);
  const ksize = w.shape.slice(0, n);
  const g = geometry(x.shape.slice(1, n + 1), ksize, o);
  const batch = x.shape[0];
  const outShape = [batch, ...g.outs, cout];
  const data = new Array<number>(sizeOf(outShape)).fill(0);
  const read = reader(x);
  const wst = stridesOf(w.shape);
  const offsets = indices(ksize);
  const wBase = offsets.map((kk) => kk.reduce((a, v, i) => a + v * wst[i], 0));
  let p = 0;
  each([batch, ...g.outs], (bo) => {
    const op = bo.slice(1);
    const acc = new Array<number>(cout).fill(0);
    offsets.forEach((tap, ki) => {
      const pos = inputPos(op, tap, g);
      for (let c = 0; c < cin; c++) {
        const v = read(bo[0], pos, c);
        if (v !== null) add(acc, v, c, w.data, wBase[ki] + c * wst[n], k);
      }
    });
    for (const v of acc) data[p++] = v;
  });
  return fromLast({ data, shape: outShape }, df);
}

/** N-D convolution; kernel (spatial..., in, out). */
export function conv(xv: OLike, wv: OLike, o: OConvOptions = {}): OArray {
  return windowSums(xv, wv, o, (_cin, cout) => cout, (acc, v, _c, w, row, cout) => {
    for (let m = 0; m < cout; m++) acc[m] += v * w[row + m];
  });
}

/** N-D depthwise convolution; kernel (spatial..., in, multiplier); output channel c * M + m. */
export function depthwiseConv(xv: OLike, wv: OLike, o: OConvOptions = {}): OArray {
  return windowSums(xv, wv, o, (cin, mult) => cin * mult, (acc, v, c, w, row, mult) => {
    for (let m = 0; m < mult; m++) acc[c * mult + m] += v * w[row + m];
  });
}

/** Separable convolution: depthwise, then a 1x..x1 convolution with `pw` (1..., in*M, out). */
export function separableConv(xv: OLike, dwv: OLike, pwv: OLike, o: OConvOptions = {}): OArray {
  const df = o.dataFormat ?? 'channels_last';
  const mid = depthwiseConv(xv, dwv, o);
  return conv(mid, pwv, { dataFormat: df });
}

/** N-D pooling over windows `size`: max, or the mean of the real cells. */
export function pool(xv: OLike, size: readonly number[], mode: 'max' | 'avg', o: OConvOptions = {}): OArray {
  const df = o.dataFormat ?? 'channels_last';
  const x = toLast(asArray(xv), df);
  const n = size.length;
  const g = geometry(x.shape.slice(1, n + 1), size, o);
  const batch = x.shape[0];
  const ch = x.shape[n + 1];
  const outShape = [batch, ...g.outs, ch];
  const data = new Array<number>(sizeOf(outShape));
  const read = reader(x);
  const offsets = indices(size);
  let p = 0;
  each([batch, ...g.outs], (bo) => {
    const op = bo.slice(1);
    const best = new Array<number>(ch).fill(-Infinity);
    const sum = new Array<number>(ch).fill(0);
    let count = 0;
    for (const k of offsets) {
      const pos = inputPos(op, k, g);
      if (read(bo[0], pos, 0) === null) continue;
      count++;
      for (let c = 0; c < ch; c++) {
        const v = read(bo[0], pos, c) as number;
        best[c] = Math.max(best[c], v);
        sum[c] += v;
      }
    }
    for (let c = 0; c < ch; c++) data[p++] = mode === 'max' ? best[c] : sum[c] / count;
  });
  return fromLast({ data, shape: outShape }, df);
}

/**
 * N-D transposed convolution: the adjoint of `conv(y, w, {strides, padding})` for y
 * of `outputShape` (full shape, in layout `dataFormat`); kernel (spatial..., out, in).
 */
export function convTranspose(xv: OLike, wv: OLike, outputShape: readonly number[], o: OConvOptions = {}): OArray {
  const df = o.dataFormat ?? 'channels_last';
  const x = toLast(asArray(xv), df);
  const w = asArray(wv);
  const n = w.shape.length - 2;
  const [cout, cin] = [w.shape[n], w.shape[n + 1]];
  const ksize = w.shape.slice(0, n);
  const outLast = df === 'channels_first' ? [outputShape[0], ...outputShape.slice(2), outputShape[1]] : [...outputShape];
  const outSpatial = outLast.slice(1, n + 1);
  // The forward convolution maps outSpatial to x's spatial shape; its padding:
  const g = geometry(outSpatial, ksize, o);
  g.outs.forEach((v, i) => {
    if (v !== x.shape[i + 1]) throw new Error(`oracle: output shape [${outputShape.join(', ')}] does not map back to the input`);
  });
  const batch = x.shape[0];
  const shape = [batch, ...outSpatial, cout];
  const data = new Array<number>(sizeOf(shape)).fill(0);
  const ost = stridesOf(shape);
  const wst = stridesOf(w.shape);
  const read = reader(x);
  const offsets = indices(ksize);
  each([batch, ...x.shape.slice(1, n + 1)], (bi) => {
    const ip = bi.slice(1);
    offsets.forEach((k) => {
      const pos = inputPos(ip, k, g); // where this input cell and kernel offset land in the output
      if (pos.some((v, i) => v < 0 || v >= outSpatial[i])) return;
      for (let c = 0; c < cin; c++) {
        const v = read(bi[0], ip, c) as number;
        for (let m = 0; m < cout; m++) {
          let wi = m * wst[n] + c * wst[n + 1];
          k.forEach((kk, i) => (wi += kk * wst[i]));
          let oi = bi[0] * ost[0] + m * ost[n + 1];
          pos.forEach((pp, i) => (oi += pp * ost[i + 1]));
          data[oi] += v * w.data[wi];
        }
      }
    });
  });
  return fromLast({ data, shape }, df);
}

/**
 * N-D locally connected convolution, Keras 2.2: kernel (prod(outs), prod(ksize) * C, F);
 * output positions row-major; each window flattened (k..., c) for channels_last and
 * (c, k...) for channels_first. No padding.
 */
export function localConv(
  xv: OLike,
  wv: OLike,
  ksize: readonly number[],
  strides: readonly number[],
  outs: readonly number[],
  df: OFormat = 'channels_last',
): OArray {
  const x = toLast(asArray(xv), df);
  const w = asArray(wv);
  const n = ksize.length;
  const ch = x.shape[n + 1];
  const filters = w.shape[2];
  const batch = x.shape[0];
  const shape = [batch, ...outs, filters];
  const data = new Array<number>(sizeOf(shape)).fill(0);
  const read = reader(x);
  const kst = stridesOf(ksize);
  const ost = stridesOf(outs);
  const kprod = sizeOf(ksize);
  const offsets = indices(ksize);
  let p = 0;
  each([batch, ...outs], (bo) => {
    const op = bo.slice(1);
    const position = op.reduce((acc, v, i) => acc + v * ost[i], 0);
    const acc = new Array<number>(filters).fill(0);
    offsets.forEach((k) => {
      const kflat = k.reduce((a, v, i) => a + v * kst[i], 0);
      const pos = op.map((v, i) => v * strides[i] + k[i]);
      for (let c = 0; c < ch; c++) {
        const j = df === 'channels_last' ? kflat * ch + c : c * kprod + kflat;
        const v = read(bo[0], pos, c) as number;
        for (let f = 0; f < filters; f++) acc[f] += v * w.data[(position * w.shape[1] + j) * filters + f];
      }
    });
    for (const v of acc) data[p++] = v;
  });
  return fromLast({ data, shape }, df);
}
