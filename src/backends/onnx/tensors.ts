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

/** A new ort.Tensor holding a copy of `data` as `dtype` (bool normalised to 0/1). */
export function tensorFromHost(data: HostArray, shape: readonly number[], dtype: DType): ort.Tensor {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`onnx backend: invalid shape [${shape.join(', ')}]`);
    size *= d;
  }
  if (data.length !== size) {
    throw new Error(`onnx backend: ${data.length} elements given for shape [${shape.join(', ')}] (${size} elements)`);
  }
  const dims = [...shape];
  switch (dtype) {
    case 'float32':
      return new ort.Tensor('float32', Float32Array.from(data), dims);
    case 'float64':
      return new ort.Tensor('float64', Float64Array.from(data), dims);
    case 'int32':
      return new ort.Tensor('int32', Int32Array.from(data), dims);
    case 'bool':
      return new ort.Tensor('bool', Uint8Array.from(data, (v) => (v !== 0 ? 1 : 0)), dims);
    default:
      throw new Error(`onnx backend: dtype ${dtype} is not supported`);
  }
}

/** A fresh host array with the elements of `t` (float32 -> Float32Array, ..., bool -> Uint8Array 0/1). */
export function tensorToHost(t: ort.Tensor): HostArray {
  const dtype = dtypeOfTensor(t);
  const data = t.data;
  switch (dtype) {
    case 'float32':
      return Float32Array.from(data as Float32Array);
    case 'float64':
      return Float64Array.from(data as Float64Array);
    case 'int32':
      return Int32Array.from(data as Int32Array);
    default: {
      const src = data as Uint8Array;
      const res = new Uint8Array(src.length);
      for (let i = 0; i < src.length; i++) res[i] = src[i] !== 0 ? 1 : 0;
      return res;
    }
  }
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
