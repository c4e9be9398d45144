/**
 * Conversion of user values (numbers, booleans, nested arrays, typed arrays with
 * a shape, NDArray) to host arrays of a given dtype, with argument checks.
 */
import {
  convertElement,
  DType,
  DTYPE_INFO,
  float16Bits,
  float16Value,
  HostArray,
  HostData,
  hostArrayFor,
  hostDataFor,
  int64ToNumber,
  INT64_MAX,
  INT64_MIN,
  isFloatDType,
  sizeOf,
} from '../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../errors';
import * as os from 'os';
import type { Backend } from '../backends/backend';
import { NDArray, NestedArray } from './ndarray';
import { show } from '../format';

/** Typed array together with its shape (and optionally dtype). */
export interface ShapedData {
  readonly data: HostData | readonly (number | bigint)[];
  readonly shape: readonly number[];
  readonly dtype?: DType;
}

/** A value that is not a tensor but can become one (a TF.js `tf.Tensor` too: its values are read once). */
export type TensorLike = number | bigint | boolean | NestedArray | HostData | ShapedData | NDArray | TfTensorLike;

/** Host data with shape and dtype (int64: a BigInt64Array). */
export interface HostValue {
  readonly data: HostData;
  readonly shape: number[];
  readonly dtype: DType;
}

/** Whether `v` is a typed array of a layout the library uses. */
export function isHostArray(v: unknown): v is HostArray {
  return (
    v instanceof Float32Array ||
    v instanceof Float64Array ||
    v instanceof Int32Array ||
    v instanceof Uint8Array ||
    v instanceof Int8Array ||
    v instanceof Int16Array ||
    v instanceof Uint16Array
  );
}

/** Whether `v` is a typed array of a layout the library uses, a BigInt64Array (int64) included. */
export function isHostData(v: unknown): v is HostData {
  return v instanceof BigInt64Array || isHostArray(v);
}

/**
 * The dtype a typed array stands for when none is given: its own layout's, with a
 * Uint8Array taken as bool and a Uint16Array as uint16 (pass `{ data, shape, dtype }`
 * for uint8, or for float16 bit patterns).
 */
function dtypeOfHostArray(a: HostData): DType {
  if (a instanceof BigInt64Array) return 'int64';
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Int8Array) return 'int8';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Uint16Array) return 'uint16';
  return 'bool';
}

/** Whether `a` is laid out as `dtype`'s host layout (bool: a Uint8Array of 0/1 only). */
function inLayoutOf(a: HostData, dtype: DType): boolean {
  if (a instanceof BigInt64Array) return dtype === 'int64';
  const ctor = DTYPE_INFO[dtype].host;
  return ctor !== null && a instanceof ctor && (dtype !== 'bool' || isZeroOne(a));
}

/** Whether every byte is 0 or 1 (a bool array in the library's layout). */
function isZeroOne(a: HostArray): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0 && a[i] !== 1) return false;
  return true;
}

/**
 * The parts of a TF.js `tf.Tensor` read here (duck-typed, so that `src/api` does not
 * load TF.js, and tensors of any copy of tfjs-core are recognised).
 */
export interface TfTensorLike {
  readonly dataId: object;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly isDisposed: boolean;
  dataSync(): ArrayLike<number> | unknown[];
}

/** Whether `v` looks like a TF.js tensor (`tf.Tensor`). */
export function isTfTensor(v: unknown): v is TfTensorLike {
  if (v === null || typeof v !== 'object') return false;
  const t = v as Partial<Record<keyof TfTensorLike, unknown>>;
  return typeof t.dataSync === 'function' && typeof t.dataId === 'object' && Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.isDisposed === 'boolean';
}

/** A TF.js tensor's elements read once to the host (float32, int32 and bool tensors only). */
export function hostOfTfTensor(t: TfTensorLike, fn: string, arg: string): HostValue {
  if (t.isDisposed) throw new KerasValueError(`${fn}: argument '${arg}' is a TF.js tensor that was disposed`);
  const values = t.dataSync();
  let data: HostArray;
  let dtype: DType;
  if (t.dtype === 'float32' && values instanceof Float32Array) [data, dtype] = [values, 'float32'];
  else if (t.dtype === 'int32' && values instanceof Int32Array) [data, dtype] = [values, 'int32'];
  else if (t.dtype === 'bool' && values instanceof Uint8Array) [data, dtype] = [values, 'bool'];
  else {
    throw new KerasTypeError(`${fn}: argument '${arg}' is a TF.js tensor of dtype ${t.dtype}; only float32, int32 and bool tensors are accepted`);
  }
  if (data.length !== sizeOf(t.shape)) {
    throw new KerasShapeError(`${fn}: argument '${arg}' is a TF.js tensor of shape [${t.shape.join(', ')}] holding ${data.length} elements`);
  }
  return { data, shape: [...t.shape], dtype };
}

/** Whether `v` is a value `toHostValue` accepts. */
export function isTensorLike(v: unknown): v is TensorLike {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return true;
  if (isTfTensor(v)) return true;
  if (Array.isArray(v) || isHostData(v) || v instanceof NDArray) return true;
  return v !== null && typeof v === 'object' && 'data' in v && 'shape' in v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return `${typeof v} ${show(v)}`;
}

/**
 * The numeric values of host elements of dtype `from`: float16 data held in a
 * Uint16Array are bit patterns (decoded here); int64 data (bigints) become the
 * nearest doubles (exact within +-2^53); any other data are the values.
 */
export function valuesOf(src: HostData | ArrayLike<number>, from: DType): ArrayLike<number> {
  if (src instanceof BigInt64Array) return Float64Array.from(src, (v) => Number(v));
  if (from !== 'float16' || !(src instanceof Uint16Array)) return src;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = float16Value(src[i]);
  return out;
}

/**
 * Converts host elements of dtype `from` (see `valuesOf`) to `dtype`'s host layout,
 * by the one conversion rule (`convertElement` in src/backends/dtypes.ts: float -> int
 * truncates toward zero and saturates, NaN -> 0; int -> int wraps; x -> bool is x != 0).
 * Not for int64 (see `convertHostData`).
 */
export function convertHostArray(src: ArrayLike<number>, dtype: DType, from: DType = 'float64'): HostArray {
  const values = valuesOf(src, from);
  const out = hostArrayFor(dtype, values.length);
  const fromFloat = isFloatDType(from);
  if (dtype === 'float16') {
    for (let i = 0; i < values.length; i++) out[i] = float16Bits(values[i]);
  } else {
    for (let i = 0; i < values.length; i++) out[i] = convertElement(values[i], dtype, fromFloat);
  }
  return out;
}

/** Host elements: numbers, or bigints (int64 values). */
type Elements = ArrayLike<number> | ArrayLike<bigint> | readonly (number | bigint)[];

/**
 * Converts host elements (numbers of dtype `from`, see `valuesOf`, or bigints) to
 * `dtype`'s host layout, int64 included. bigints go to other dtypes by the one
 * conversion rule (`int64ToNumber`: wrapped to narrower integers, rounded to floats);
 * numbers go to int64 only when they are whole numbers within +-2^53 (which it takes
 * exactly), else a KerasValueError naming `fn`, `arg` and the value (K.cast converts
 * floats to int64 by the rule); bigints beyond the int64 range are refused too.
 */
export function convertHostData(src: Elements, dtype: DType, from: DType, fn: string, arg: string): HostData {
  if (dtype !== 'int64') {
    if (!hasBigints(src)) return convertHostArray(src as ArrayLike<number>, dtype, from);
    const out = hostArrayFor(dtype, src.length);
    for (let i = 0; i < src.length; i++) {
      const e = src[i];
      const v = typeof e === 'bigint' ? int64ToNumber(checkedInt64(e, i, fn, arg), dtype) : convertElement(e, dtype, isFloatDType(from));
      out[i] = dtype === 'float16' ? float16Bits(v) : v;
    }
    return out;
  }
  const numbers = hasBigints(src) ? null : valuesOf(src as ArrayLike<number>, from);
  const out = new BigInt64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const e = numbers === null ? src[i] : numbers[i];
    if (typeof e === 'bigint') out[i] = checkedInt64(e, i, fn, arg);
    else if (Number.isInteger(e) && Math.abs(e) <= 2 ** 53) out[i] = BigInt(e); // exact: every such double is a whole number it holds
    else {
      throw new KerasValueError(
        `${fn}: argument '${arg}' has the value ${show(e)} at flat index ${i}, which an int64 cannot take exactly from a number ` +
          `(expected whole numbers within +-2^53; pass bigints or a BigInt64Array for larger ones, or use K.cast to convert floats)`,
      );
    }
  }
  return out;
}

/** Whether host elements hold bigints (a BigInt64Array, or an array with a bigint in it). */
function hasBigints(src: Elements): boolean {
  if (src instanceof BigInt64Array) return true;
  if (!Array.isArray(src)) return false;
  return (src as readonly unknown[]).some((e) => typeof e === 'bigint');
}

/** `v` when it is within the int64 range, else a KerasValueError. */
function checkedInt64(v: bigint, i: number, fn: string, arg: string): bigint {
  if (v < INT64_MIN || v > INT64_MAX) {
    throw new KerasValueError(`${fn}: argument '${arg}' has the value ${v} at flat index ${i}, out of the int64 range (-2^63 to 2^63 - 1)`);
  }
  return v;
}

/** Number `v` as an element of `dtype`'s host layout, by the conversion rule (float16: its bits). */
export function hostElement(v: number, dtype: DType): number {
  return dtype === 'float16' ? float16Bits(v) : convertElement(v, dtype, true);
}

function flattenNested(v: NestedArray[], fn: string, arg: string): { flat: (number | bigint)[]; shape: number[]; bool: boolean; big: boolean } {
  const shape: number[] = [];
  let probe: NestedArray = v;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const flat: (number | bigint)[] = [];
  let sawBool = false;
  let sawNumber = false;
  let sawBig = false;
  const walk = (node: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node === 'number') {
        sawNumber = true;
        flat.push(node);
      } else if (typeof node === 'bigint') {
        sawBig = true;
        flat.push(node);
      } else if (typeof node === 'boolean') {
        sawBool = true;
        flat.push(node ? 1 : 0);
      } else {
        throw new KerasShapeError(`${fn}: argument '${arg}' is a ragged nested array (expected every row at depth ${depth} to be a number)`);
      }
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new KerasShapeError(
        `${fn}: argument '${arg}' is a ragged nested array (expected length ${shape[depth]} at depth ${depth}, got ${Array.isArray(node) ? node.length : typeof node})`,
      );
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(v, 0);
  if (sawBool && (sawNumber || sawBig)) throw new KerasTypeError(`${fn}: argument '${arg}' mixes numbers and booleans`);
  return { flat, shape, bool: sawBool, big: sawBig };
}

/**
 * Converts `value` to host data. `dtype`, when given, is the dtype wanted (data is
 * converted); otherwise numbers take `defaultFloat` and booleans bool, while typed
 * arrays and NDArrays keep theirs. With `share`, a typed array already of the
 * dtype wanted is returned as it is (no copy: the caller must not keep it beyond
 * the call it serves); otherwise the result never shares memory with `value`.
 */
export function toHostValue(
  value: unknown,
  fn: string,
  arg: string,
  dtype: DType | undefined,
  defaultFloat: DType,
  share = false,
): HostValue {
  let data: Elements;
  let shape: number[];
  let natural: DType;
  if (typeof value === 'number') {
    data = [value];
    shape = [];
    natural = defaultFloat;
  } else if (typeof value === 'bigint') {
    data = [value];
    shape = [];
    natural = 'int64';
  } else if (typeof value === 'boolean') {
    data = [value ? 1 : 0];
    shape = [];
    natural = 'bool';
  } else if (value instanceof NDArray) {
    data = value.data;
    shape = [...value.shape];
    natural = value.dtype;
  } else if (isTfTensor(value)) {
    // Checked before the { data, shape } objects: a tf.Tensor has a data() method and a shape.
    const host = hostOfTfTensor(value, fn, arg);
    data = host.data;
    shape = host.shape;
    natural = host.dtype;
  } else if (isHostData(value)) {
    data = value;
    shape = [value.length];
    natural = dtypeOfHostArray(value);
  } else if (Array.isArray(value)) {
    const f = flattenNested(value as NestedArray[], fn, arg);
    data = f.flat;
    shape = f.shape;
    natural = f.bool ? 'bool' : f.big ? 'int64' : defaultFloat;
  } else if (value !== null && typeof value === 'object' && 'data' in value && 'shape' in value) {
    const sd = value as ShapedData;
    if (!Array.isArray(sd.shape) || sd.shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new KerasShapeError(`${fn}: argument '${arg}'.shape must be an array of non-negative integers`);
    }
    if (!isHostData(sd.data) && !(Array.isArray(sd.data) && sd.data.every((e) => typeof e === 'number' || typeof e === 'bigint'))) {
      throw new KerasTypeError(`${fn}: argument '${arg}'.data must be a typed array or an array of numbers`);
    }
    if (sd.data.length !== sizeOf(sd.shape)) {
      throw new KerasShapeError(
        `${fn}: argument '${arg}' has ${sd.data.length} elements but shape [${sd.shape.join(', ')}] needs ${sizeOf(sd.shape)}`,
      );
    }
    data = sd.data;
    shape = [...sd.shape];
    natural = sd.dtype ?? (isHostData(sd.data) ? dtypeOfHostArray(sd.data) : hasBigints(sd.data) ? 'int64' : defaultFloat);
  } else {
    throw new KerasTypeError(
      `${fn}: argument '${arg}' must be a tensor, a number, a boolean, a nested array, a typed array, an NDArray or a TF.js tensor, got ${describe(value)}`,
    );
  }
  const target = dtype ?? natural;
  if (isHostData(data) && natural === target && inLayoutOf(data, target)) {
    return { data: share ? data : data.slice(), shape, dtype: target };
  }
  // The data's own kind decides the conversion: float16 bit patterns, integer typed arrays (wrap), else floats.
  const source: DType = !isHostData(data) ? 'float64' : natural === 'float16' && data instanceof Uint16Array ? 'float16' : dtypeOfHostArray(data);
  const out = convertHostData(data, target, source, fn, arg);
  return { data: out, shape, dtype: target };
}

/** `n` elements of `dtype`'s host layout, each the first element of `one` (data already in that layout). */
export function fillHost(dtype: DType, n: number, one: HostData): HostData {
  if (one instanceof BigInt64Array) return new BigInt64Array(n).fill(one[0]);
  return hostArrayFor(dtype, n).fill(one[0]);
}

/** The most elements one host typed array may hold (V8's limit). */
const MAX_ELEMENTS = 2 ** 32;

/** A whole number in plain digits (no exponent), however large. */
function whole(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : String(n);
}

/**
 * Refuses, before anything is allocated, a tensor of `n` elements of `dtype` that
 * cannot be held: more elements than a typed array takes, more bytes than the
 * machine's memory, or (given `engine`) more than the engine says it can hold now
 * (`Backend.maxTensorBytes`). A KerasValueError naming `fn`, the element count and the bytes.
 */
export function checkAllocation(n: number, dtype: DType, fn: string, engine?: Pick<Backend, 'name' | 'maxTensorBytes'>): void {
  const bytes = n * DTYPE_INFO[dtype].bytes;
  const memory = os.totalmem();
  if (!Number.isSafeInteger(n) || n > MAX_ELEMENTS || bytes > memory) {
    throw new KerasValueError(
      `${fn}: a tensor of ${whole(n)} elements of ${dtype} (${whole(bytes)} bytes) cannot be allocated: ` +
        `at most ${MAX_ELEMENTS} elements and ${memory} bytes (this machine's memory)`,
    );
  }
  const room = engine?.maxTensorBytes?.();
  if (room !== undefined && bytes > room) {
    throw new KerasValueError(
      `${fn}: a tensor of ${whole(n)} elements of ${dtype} (${whole(bytes)} bytes) cannot be allocated on the '${engine?.name ?? ''}' backend: ` +
        `it can hold at most ${whole(room)} more bytes`,
    );
  }
}

/**
 * A zeroed host array of `n` elements of `dtype`, after `checkAllocation`; an
 * allocation the engine refuses anyway is the same KerasValueError.
 */
export function allocHostArray(dtype: DType, n: number, fn: string, engine?: Pick<Backend, 'name' | 'maxTensorBytes'>): HostData {
  checkAllocation(n, dtype, fn, engine);
  try {
    return hostDataFor(dtype, n);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new KerasValueError(`${fn}: a tensor of ${n} elements of ${dtype} (${n * DTYPE_INFO[dtype].bytes} bytes) cannot be allocated: ${e.message}`);
  }
}
