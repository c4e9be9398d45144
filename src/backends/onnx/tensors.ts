/**
 * ort.Tensor helpers: dtype mapping, host copies in and out.
 */
import * as ort from 'onnxruntime-node';
import type { DType, HostArray } from '../types';
import { constantData, ParamValue } from './emit';

/** The dtypes this backend computes in. */
export const ONNX_BACKEND_DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'float64', 'int32', 'bool']);

/** The backend dtype of an ort.Tensor; throws for element types the backend does not use. */
export function dtypeOfTensor(t: ort.Tensor): DType {
  switch (t.type) {
    case 'float32':
    case 'float64':
    case 'int32':
    case 'bool':
      return t.type;
    default:
      throw new Error(`onnx backend: unsupported tensor element type '${t.type}'`);
  }
}

/** Checks that `shape` is concrete and holds `data.length` elements; returns a copy of it. */
function checkedDims(data: HostArray, shape: readonly number[]): number[] {
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

/** `data` in `dtype`'s layout: `data` itself when it already is (no copy), else a converted copy. */
function inLayout(data: HostArray, dtype: DType, copy: boolean): HostArray {
  switch (dtype) {
    case 'float32':
      if (data instanceof Float32Array) return copy ? data.slice() : data;
      return Float32Array.from(data);
    case 'float64':
      if (data instanceof Float64Array) return copy ? data.slice() : data;
      return Float64Array.from(data);
    case 'int32':
      if (data instanceof Int32Array) return copy ? data.slice() : data;
      return Int32Array.from(data);
    case 'bool': {
      const out = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
      return out;
    }
    default:
      throw new Error(`onnx backend: dtype ${dtype} is not supported`);
  }
}

/** A new ort.Tensor holding a copy of `data` as `dtype` (bool normalised to 0/1). */
export function tensorFromHost(data: HostArray, shape: readonly number[], dtype: DType): ort.Tensor {
  const dims = checkedDims(data, shape);
  return new ort.Tensor(dtype, inLayout(data, dtype, true) as Float32Array, dims);
}

/** An ort.Tensor over `data` itself when it has `dtype`'s layout (no copy; bool is still normalised). */
export function tensorOverHost(data: HostArray, shape: readonly number[], dtype: DType): ort.Tensor {
  const dims = checkedDims(data, shape);
  return new ort.Tensor(dtype, inLayout(data, dtype, false) as Float32Array, dims);
}

/** A fresh host array with the elements of `t` (float32 -> Float32Array, ..., bool -> Uint8Array 0/1). */
export function tensorToHost(t: ort.Tensor): HostArray {
  const dtype = dtypeOfTensor(t);
  return inLayout(t.data as HostArray, dtype, true);
}

/** The elements of `t`, which the caller disposes right after: its own storage (no copy) when laid out as the host's. */
export function tensorTakeHost(t: ort.Tensor): HostArray {
  const dtype = dtypeOfTensor(t);
  return inLayout(t.data as HostArray, dtype, false);
}

/** A tensor holding a param value (see emit.ts), to feed a session. */
export function tensorOfParam(p: ParamValue): ort.Tensor {
  const data = constantData(p.dtype, p.values);
  const dims = [...p.dims];
  switch (p.dtype) {
    case 'int64':
      return new ort.Tensor('int64', data as BigInt64Array, dims);
    case 'float32':
      return new ort.Tensor('float32', data as Float32Array, dims);
    case 'float64':
      return new ort.Tensor('float64', data as Float64Array, dims);
    case 'int32':
      return new ort.Tensor('int32', data as Int32Array, dims);
    case 'bool':
      return new ort.Tensor('bool', data as Uint8Array, dims);
    default:
      throw new Error(`onnx backend: no tensor for dtype ${p.dtype}`);
  }
}
