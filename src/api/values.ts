/**
 * Conversion of user values (numbers, booleans, nested arrays, typed arrays with
 * a shape, NDArray) to host arrays of a given dtype, with argument checks.
 */
import { convertElement, DType, DTYPE_INFO, float16Bits, float16Value, HostArray, hostArrayFor, isFloatDType, sizeOf } from '../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError, UnsupportedError } from '../errors';
import * as os from 'os';
import type { Backend } from '../backends/backend';
import { NDArray, NestedArray } from './ndarray';
import { show } from '../format';

/** Typed array together with its shape (and optionally dtype). */
export interface ShapedData {
  readonly data: HostArray | readonly number[];
  readonly shape: readonly number[];
  readonly dtype?: DType;
}

/** A value that is not a tensor but can become one (a TF.js `tf.Tensor` too: its values are read once). */
export type TensorLike = number | boolean | NestedArray | HostArray | ShapedData | NDArray | TfTensorLike;

/** Host data with shape and dtype. */
export interface HostValue {
  readonly data: HostArray;
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

/**
 * The dtype a typed array stands for when none is given: its own layout's, with a
 * Uint8Array taken as bool and a Uint16Array as uint16 (pass `{ data, shape, dtype }`
 * for uint8, or for float16 bit patterns).
 */
function dtypeOfHostArray(a: HostArray): DType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Float64Array) return 'float64';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Int8Array) return 'int8';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Uint16Array) return 'uint16';
  return 'bool';
}

/** Whether `a` is laid out as `dtype`'s host layout (bool: a Uint8Array of 0/1 only). */
function inLayoutOf(a: HostArray, dtype: DType): boolean {
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
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  if (isTfTensor(v)) return true;
  if (Array.isArray(v) || isHostArray(v) || v instanceof NDArray) return true;
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
 * Uint16Array are bit patterns (decoded here); any other data are the values.
 */
export function valuesOf(src: ArrayLike<number>, from: DType): ArrayLike<number> {
  if (from !== 'float16' || !(src instanceof Uint16Array)) return src;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = float16Value(src[i]);
  return out;
}

/**
 * Converts host elements of dtype `from` (see `valuesOf`) to `dtype`'s host layout,
 * by the one conversion rule (`convertElement` in src/backends/dtypes.ts: float -> int
 * truncates toward zero and saturates, NaN -> 0; int -> int wraps; x -> bool is x != 0).
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

/** Number `v` as an element of `dtype`'s host layout, by the conversion rule (float16: its bits). */
export function hostElement(v: number, dtype: DType): number {
  return dtype === 'float16' ? float16Bits(v) : convertElement(v, dtype, true);
}

function flattenNested(v: NestedArray[], fn: string, arg: string): { flat: number[]; shape: number[]; bool: boolean } {
  const shape: number[] = [];
  let probe: NestedArray = v;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const flat: number[] = [];
  let sawBool = false;
  let sawNumber = false;
  const walk = (node: NestedArray, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node === 'number') {
        sawNumber = true;
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
  if (sawBool && sawNumber) throw new KerasTypeError(`${fn}: argument '${arg}' mixes numbers and booleans`);
  return { flat, shape, bool: sawBool };
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
  if (dtype === 'int64') {
    throw new UnsupportedError(`${fn}: dtype ${dtype} has no host layout yet; no backend supports it`, 'all', `dtype ${dtype}`);
  }
  let data: ArrayLike<number>;
  let shape: number[];
  let natural: DType;
  if (typeof value === 'number') {
    data = [value];
    shape = [];
    natural = defaultFloat;
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
  } else if (isHostArray(value)) {
    data = value;
    shape = [value.length];
    natural = dtypeOfHostArray(value);
  } else if (Array.isArray(value)) {
    const f = flattenNested(value as NestedArray[], fn, arg);
    data = f.flat;
    shape = f.shape;
    natural = f.bool ? 'bool' : defaultFloat;
  } else if (value !== null && typeof value === 'object' && 'data' in value && 'shape' in value) {
    const sd = value as ShapedData;
    if (!Array.isArray(sd.shape) || sd.shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new KerasShapeError(`${fn}: argument '${arg}'.shape must be an array of non-negative integers`);
    }
    if (!isHostArray(sd.data) && !Array.isArray(sd.data)) {
      throw new KerasTypeError(`${fn}: argument '${arg}'.data must be a typed array or an array of numbers`);
    }
    if (sd.data.length !== sizeOf(sd.shape)) {
      throw new KerasShapeError(
        `${fn}: argument '${arg}' has ${sd.data.length} elements but shape [${sd.shape.join(', ')}] needs ${sizeOf(sd.shape)}`,
      );
    }
    data = sd.data;
    shape = [...sd.shape];
    natural = sd.dtype ?? (isHostArray(sd.data) ? dtypeOfHostArray(sd.data) : defaultFloat);
  } else {
    throw new KerasTypeError(
      `${fn}: argument '${arg}' must be a tensor, a number, a boolean, a nested array, a typed array, an NDArray or a TF.js tensor, got ${describe(value)}`,
    );
  }
  const target = dtype ?? natural;
  if (target === 'int64') {
    throw new UnsupportedError(`${fn}: dtype ${target} has no host layout yet; no backend supports it`, 'all', `dtype ${target}`);
  }
  if (isHostArray(data) && natural === target && inLayoutOf(data, target)) {
    return { data: share ? data : data.slice(), shape, dtype: target };
  }
  // The data's own kind decides the conversion: float16 bit patterns, integer typed arrays (wrap), else floats.
  const source: DType = !isHostArray(data) ? 'float64' : natural === 'float16' && data instanceof Uint16Array ? 'float16' : dtypeOfHostArray(data);
  const out = convertHostArray(data, target, source);
  return { data: out, shape, dtype: target };
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
export function allocHostArray(dtype: DType, n: number, fn: string, engine?: Pick<Backend, 'name' | 'maxTensorBytes'>): HostArray {
  checkAllocation(n, dtype, fn, engine);
  try {
    return hostArrayFor(dtype, n);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new KerasValueError(`${fn}: a tensor of ${n} elements of ${dtype} (${n * DTYPE_INFO[dtype].bytes} bytes) cannot be allocated: ${e.message}`);
  }
}
