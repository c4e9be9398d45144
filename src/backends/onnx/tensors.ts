/**
 * ort.Tensor helpers: dtype mapping, host copies in and out.
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import { DType, DTYPE_INFO, DTYPES, HostData } from '../types';
import { constantData, ParamValue } from './emit';

/**
 * The dtypes this backend computes in: every dtype (int64 natively, its host data a
 * BigInt64Array as onnxruntime takes it); float16 and the 8- and 16-bit integers run
 * in a wider type (lower.ts).
 */
export const ONNX_BACKEND_DTYPES: ReadonlySet<DType> = new Set<DType>(DTYPES);

/** The backend dtype of an ort.Tensor; throws for element types the backend does not use. */
export function dtypeOfTensor(t: ort.Tensor): DType {
  const d = DTYPES.find((x) => DTYPE_INFO[x].onnx === t.type);
  if (d === undefined || !ONNX_BACKEND_DTYPES.has(d)) throw new Error(`onnx backend: unsupported tensor element type '${t.type}'`);
  return d;
}

/** Checks that `shape` is concrete and holds `data.length` elements; returns a copy of it. */
function checkedDims(data: HostData, shape: readonly number[]): number[] {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`onnx backend: invalid shape [${shape.join(', ')}]`);
    size *= d;
  }
  if (data.length !== size) {
    throw new Error(`onnx backend: ${data.length} elements given for shape [${shape.join(', ')}] (${size} elements)`);
  }
  return [...shape];
}

/**
 * `data` in `dtype`'s layout (float16: IEEE half bit patterns in a Uint16Array, as
 * onnxruntime takes them): `data` itself when it already is (no copy), else a
 * converted copy (bool normalised to 0/1).
 */
function inLayout(data: HostData, dtype: DType, copy: boolean): HostData {
  if (dtype === 'int64' || data instanceof BigInt64Array) {
    if (!(data instanceof BigInt64Array) || dtype !== 'int64') throw new Error(`onnx backend: ${dtype} data must be ${dtype === 'int64' ? 'a BigInt64Array' : 'numbers'}`);
    return copy ? data.slice() : data;
  }
  const ctor = DTYPE_INFO[dtype].host;
  if (ctor === null) throw new Error(`onnx backend: dtype ${dtype} is not supported`);
  if (dtype === 'bool') {
    const out = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
    return out;
  }
  if (data instanceof ctor) return copy ? data.slice() : data;
  if (dtype === 'float16') throw new Error('onnx backend: float16 data must be a Uint16Array of half-precision bit patterns');
  const out = new ctor(data.length);
  out.set(data);
  return out;
}

/** A new ort.Tensor holding a copy of `data` as `dtype` (bool normalised to 0/1). */
export function tensorFromHost(data: HostData, shape: readonly number[], dtype: DType): ort.Tensor {
  const dims = checkedDims(data, shape);
  return new ort.Tensor(dtype, inLayout(data, dtype, true) as Float32Array, dims);
}

/** An ort.Tensor over `data` itself when it has `dtype`'s layout (no copy; bool is still normalised). */
export function tensorOverHost(data: HostData, shape: readonly number[], dtype: DType): ort.Tensor {
  const dims = checkedDims(data, shape);
  return new ort.Tensor(dtype, inLayout(data, dtype, false) as Float32Array, dims);
}

/** A fresh host array with the elements of `t` (float32 -> Float32Array, ..., bool -> Uint8Array 0/1). */
export function tensorToHost(t: ort.Tensor): HostData {
  const dtype = dtypeOfTensor(t);
  return inLayout(t.data as HostData, dtype, true);
}

/** The elements of `t`, which the caller disposes right after: its own storage (no copy) when laid out as the host's. */
export function tensorTakeHost(t: ort.Tensor): HostData {
  const dtype = dtypeOfTensor(t);
  return inLayout(t.data as HostData, dtype, false);
}

/** A tensor holding a param value (see emit.ts), to feed a session. */
export function tensorOfParam(p: ParamValue): ort.Tensor {
  const data = constantData(p.dtype, p.values);
  return new ort.Tensor(DTYPE_INFO[p.dtype].onnx, data as Float32Array, [...p.dims]);
}
