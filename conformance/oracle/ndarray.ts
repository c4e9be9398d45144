/**
 * The oracle's host array: plain `number[]` data (row-major, float64 arithmetic)
 * with a shape. It is written from NumPy / Keras semantics and never calls the
 * library under test, so expected values do not depend on any backend.
 */

/** The dtypes the oracle tags values with (it computes in float64; int64 in bigints, see `OArray.big`). */
export type OracleDType = 'float16' | 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'bool';

import { fromFloat } from './dtypes';

/** A nested JS array of numbers, booleans or bigints (int64; a scalar is a plain value). */
export type Nested = number | boolean | bigint | readonly Nested[];

/** An oracle array: row-major data in float64 numbers, its shape, and optionally a dtype tag. */
export interface OArray {
  /** Concrete shape. */
  readonly shape: readonly number[];
  /** Row-major elements (bool as 0/1). */
  readonly data: readonly number[];
  /** The dtype the value stands for, when it matters (checked against tensor outputs). */
  readonly dtype?: OracleDType;
  /** int64 values exactly (then `data` holds their nearest doubles): what int64 outputs are compared with. */
  readonly big?: readonly bigint[];
}

/** Whether `v` is an oracle array. */
export function isOArray(v: unknown): v is OArray {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as OArray).data) && Array.isArray((v as OArray).shape);
}

/** Number of elements of `shape`. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Multi-index of flat position `flat` in `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i];
    idx[i] = d === 0 ? 0 : flat % d;
    flat = d === 0 ? 0 : Math.floor(flat / d);
  }
  return idx;
}

/** Makes an oracle array from data and shape (the data is copied). */
export function fromData(data: ArrayLike<number>, shape: readonly number[], dtype?: OracleDType): OArray {
  if (data.length !== sizeOf(shape)) {
    throw new Error(`oracle: ${data.length} elements do not fill shape [${shape.join(', ')}]`);
  }
  return { data: Array.from(data), shape: [...shape], dtype };
}

/** Makes an oracle array from a nested JS array (booleans become 1/0); rows must not be ragged. */
export function array(value: Nested, dtype?: OracleDType): OArray {
  const shape: number[] = [];
  let probe: Nested = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = (probe as readonly Nested[])[0];
  }
  const data: number[] = [];
  const raw: (number | bigint)[] = [];
  let bigs = false;
  const walk = (node: Nested, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node === 'number') data.push(node);
      else if (typeof node === 'boolean') data.push(node ? 1 : 0);
      else if (typeof node === 'bigint') {
        bigs = true;
        data.push(Number(node));
      } else throw new Error('oracle: ragged nested array');
      raw.push(typeof node === 'bigint' ? node : data[data.length - 1]);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) throw new Error('oracle: ragged nested array');
    for (const c of node as readonly Nested[]) walk(c, depth + 1);
  };
  walk(value, 0);
  if (!bigs) return { data, shape, dtype };
  // int64 values: kept exactly (whole numbers among them converted)
  return { data, shape, dtype, big: raw.map((v) => (typeof v === 'bigint' ? v : BigInt(v))) };
}

/** A scalar (rank 0) array. */
export function scalar(v: number, dtype?: OracleDType): OArray {
  return { data: [v], shape: [], dtype };
}

/** An array of `shape` filled with `v`. */
export function full(shape: readonly number[], v: number, dtype?: OracleDType): OArray {
  return { data: new Array<number>(sizeOf(shape)).fill(v), shape: [...shape], dtype };
}

/** The same values tagged with `dtype` (no conversion). */
export function withDtype(a: OArray, dtype: OracleDType): OArray {
  return { data: a.data, shape: a.shape, dtype };
}

/**
 * The values as stored in `dtype`: float32 rounds (`Math.fround`), float16 rounds to
 * half (dtypes.ts), int32 truncates toward zero, the 8- and 16-bit integers truncate
 * and saturate, bool is x != 0; float64 keeps them.
 */
export function storeAs(a: OArray, dtype: OracleDType): OArray {
  let f: (v: number) => number;
  if (dtype === 'float32') f = Math.fround;
  else if (dtype === 'int32') f = (v) => Math.trunc(v) | 0;
  else if (dtype === 'bool') f = (v) => (v !== 0 ? 1 : 0);
  else if (dtype === 'float64') f = (v) => v;
  else f = (v) => fromFloat(v, dtype);
  return { data: a.data.map(f), shape: a.shape, dtype };
}

/** The values as nested JS arrays (a scalar gives a number; bool-tagged values give booleans). */
export function toNested(a: OArray): Nested {
  const conv = a.dtype === 'bool' ? (v: number): Nested => v !== 0 : (v: number): Nested => v;
  if (a.shape.length === 0) return conv(a.data[0]);
  let k = 0;
  const build = (axis: number): Nested[] => {
    const out: Nested[] = [];
    for (let i = 0; i < a.shape[axis]; i++) out.push(axis === a.shape.length - 1 ? conv(a.data[k++]) : build(axis + 1));
    return out;
  };
  return build(0);
}

/** A short description, for failure messages. */
export function describeOArray(a: OArray): string {
  const d: readonly (number | bigint)[] = a.big ?? a.data;
  const shown = d.length > 8 ? `${d.slice(0, 8).join(', ')}, ...` : d.join(', ');
  return `[${a.shape.join(', ')}]${a.dtype ? ` ${a.dtype}` : ''} {${shown}}`;
}

/** Converts `v` to an oracle array. */
export function asArray(v: OLike): OArray {
  return isOArray(v) ? v : array(v as Nested);
}

/** NumPy broadcasting of two shapes (aligned on the right, 1 stretches). */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const r = Math.max(a.length, b.length);
  const out = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da !== db && da !== 1 && db !== 1) throw new Error(`oracle: shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`);
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Broadcasts `a` to `shape`. */
export function broadcastTo(av: OLike, shape: readonly number[]): OArray {
  const a = asArray(av);
  const s = broadcastShapes(a.shape, shape);
  if (s.length !== shape.length || s.some((d, i) => d !== shape[i])) throw new Error(`oracle: cannot broadcast [${a.shape.join(', ')}] to [${shape.join(', ')}]`);
  const st = stridesOf(a.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = a.data[broadcastIndex(unravel(i, shape), a.shape, st)];
  return { data, shape: [...shape] };
}

/** Elementwise `f(a, b)` with NumPy broadcasting. */
export function binary(av: OLike, bv: OLike, f: (x: number, y: number) => number): OArray {
  const a = asArray(av);
  const b = asArray(bv);
  const shape = broadcastShapes(a.shape, b.shape);
  const sa = stridesOf(a.shape);
  const sb = stridesOf(b.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    data[i] = f(a.data[broadcastIndex(idx, a.shape, sa)], b.data[broadcastIndex(idx, b.shape, sb)]);
  }
  return { data, shape };
}

/** Elementwise `f(x)`. */
export function map(av: OLike, f: (x: number, i: number) => number): OArray {
  const a = asArray(av);
  return { data: a.data.map((x, i) => f(x, i)), shape: [...a.shape] };
}

/** Tags `a` with `dtype` (re-export convenience). */
export function tag(a: OLike, dtype: OracleDType): OArray {
  const x = asArray(a);
  return { data: x.data, shape: x.shape, dtype };
}

/** An oracle array, or something `array()` accepts. */
export type OLike = OArray | Nested;


/** Flat index into an array of `shape` for output multi-index `idx` of a broadcast result. */
export function broadcastIndex(idx: readonly number[], shape: readonly number[], strides: readonly number[]): number {
  const off = idx.length - shape.length;
  let k = 0;
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) k += idx[i + off] * strides[i];
  return k;
}
