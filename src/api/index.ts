/**
 * The public K namespace: every catalogue function under its TypeScript name
 * (`eval` and `function` included), the tensor operators, and the backend controls.
 */
import { DType, DTYPES } from '../backends/types';
import { activeBackend, currentBackendName } from './engine';

export {
  epsilon,
  setEpsilon,
  floatx,
  setFloatx,
  imageDataFormat,
  setImageDataFormat,
  setLearningPhase,
  getUid,
  resetUids,
  nameScope,
  configPath,
} from '../config';
export { ready, setBackend } from './engine';
export { registerBackend } from '../backends/backend';
export type { Backend, BackendFactory } from '../backends/backend';
export type { DType, Shape, HostArray, PrimitiveName, PrimitiveAttrs, Graph, CompiledGraph } from '../backends/types';
export { PRIMITIVES } from '../backends/types';
export * from '../errors';
export { KTensor } from './tensor';
export { NDArray } from './ndarray';
export type { NestedArray } from './ndarray';
export type { TensorLike, ShapedData } from './values';
export { KUpdate } from './function';
export type { KFunction, UpdateSpec } from './function';
export { CATALOGUE } from './catalogue';
export type { CatalogueEntry } from './catalogue';

export {
  variable,
  constant,
  placeholder,
  isPlaceholder,
  isKerasTensor,
  isSparse,
  toDense,
  shape,
  intShape,
  ndim,
  dtype,
  evaluate as eval,
  zeros,
  ones,
  eye,
  onesLike,
  zerosLike,
  identity,
  randomUniformVariable,
  randomNormalVariable,
  countParams,
  cast,
  castToFloatx,
} from './ops/tensors';
export type { VariableOptions, ConstantOptions, PlaceholderOptions, RandomVariableOptions } from './ops/tensors';
export { update, updateAdd, updateSub, movingAverageUpdate, getValue, batchGetValue, setValue, batchSetValue } from './ops/state';
export * from './ops/math';
export * from './ops/reduce';
export * from './ops/shape';
export * from './ops/nn';
export * from './ops/graph-ops';
export * from './ops/random';
export * from './ops/conv';
export * from './ops/ctc';
export * from './ops/control-flow';
export { learningPhase, clearSession } from './ops/learning-phase';
export { tidy, dispose } from './ops/memory';
export { gradients } from './gradients';
export { kerasFunction as function } from './function';
export { exportOnnx } from './export';
export { toTf, fromTf } from './tf-interop';
export type { TfTensorLike } from './values';
export type { OnnxExportOptions, OnnxExportInfo, ExportedValue } from './export';

/**
 * The name of the backend in use.
 *
 * Mirrors `keras.backend.backend()`.
 */
export function backend(): string {
  return currentBackendName();
}

/**
 * The dtypes the active backend declares it computes in (its `Backend.dtypes`), in
 * the order of `DTYPES`. Not a Keras function: the conformance suite uses it to tell
 * a declared lack (an `UnsupportedError` for one of the other dtypes) from a failure.
 */
export function backendDtypes(): DType[] {
  const declared = activeBackend().dtypes;
  return DTYPES.filter((d) => declared.has(d));
}
