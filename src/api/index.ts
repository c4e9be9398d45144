/**
 * The public K namespace: every catalogue function under its TypeScript name
 * (`eval` and `function` included), the tensor operators, and the backend controls.
 */
import { DType, DTYPES } from '../backends/types';
import { activeBackend } from './engine';
import { checkArity } from '../arity';

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
export type { StartOptions } from './engine';
export { registerBackend } from '../backends/backend';
export type { Backend, BackendFactory } from '../backends/backend';
export type { DType, Shape, HostArray, PrimitiveName, PrimitiveAttrs, Graph, CompiledGraph } from '../backends/types';
export { PRIMITIVES } from '../backends/types';
export * from '../errors';
export { KTensor } from './tensor';
export { NDArray } from './ndarray';
export type { NestedArray } from './ndarray';
export type { TensorLike, ShapedData } from './values';
export { CATALOGUE } from './catalogue';
export type { CatalogueEntry } from './catalogue';

// The catalogue functions, group by group (src/api/ops/<group>.ts or src/api/ops/<group>/).
export { backend, castToFloatx, learningPhase, clearSession, normalizeDataFormat, manualVariableInitialization, manualVariableInitializationEnabled } from './ops/config';
export { variable, constant, placeholder, zeros, ones, eye, onesLike, zerosLike, identity, randomUniformVariable, randomNormalVariable, cast } from './ops/tensors/create';
export type { VariableOptions, ConstantOptions, PlaceholderOptions, RandomVariableOptions } from './ops/tensors/create';
export { isPlaceholder, isKerasTensor, isSparse, toDense, shape, intShape, ndim, dtype, evaluate as eval, countParams, getVariableShape, isTensor, isVariable, size } from './ops/tensors/inspect';
export { update, updateAdd, updateSub, movingAverageUpdate, getValue, batchGetValue, setValue, batchSetValue } from './ops/state';
export { add, subtract, multiply, divide, negative, slice } from './ops/operators';
export { dot, batchDot, transpose } from './ops/math/linear-algebra';
export { square, abs, sqrt, exp, log, round, sign, pow, clip, equal, notEqual, greater, greaterEqual, less, lessEqual, maximum, minimum, sin, cos } from './ops/math/elementwise';
export { gather } from './ops/math/gather';
export { sum, mean, max, min, prod, cumsum, cumprod, var, std, any, all, argmax, argmin, logsumexp } from './ops/reduce';
export { reshape, permuteDimensions, flatten, batchFlatten, expandDims, squeeze, reverse, patternBroadcast } from './ops/shape/layout';
export { concatenate, stack } from './ops/shape/join';
export { repeat, repeatElements, tile, resizeImages, resizeVolumes } from './ops/shape/repeat';
export { temporalPadding, spatial2dPadding, spatial3dPadding } from './ops/shape/padding';
export { arange, oneHot } from './ops/shape/generate';
export type { ArangeOptions } from './ops/shape/generate';
export { relu, softmax, sigmoid, tanh, elu, softplus, softsign, hardSigmoid, l2Normalize } from './ops/nn/activations';
export { categoricalCrossentropy, sparseCategoricalCrossentropy, binaryCrossentropy } from './ops/nn/losses';
export { batchNormalization, normalizeBatchInTraining } from './ops/nn/normalization';
export type { BatchNormalizationOptions } from './ops/nn/normalization';
export { biasAdd } from './ops/nn/bias-add';
export { inTopK } from './ops/nn/in-top-k';
export { dropout } from './ops/nn/dropout';
export { randomNormal, truncatedNormal, randomUniform, randomBinomial } from './ops/random';
export type { RandomNormalOptions, RandomUniformOptions, RandomBinomialOptions } from './ops/random';
export { conv1d, conv2d, conv3d } from './ops/conv/convolution';
export type { Conv1dOptions } from './ops/conv/convolution';
export type { ConvOptions } from './ops/conv/arguments';
export { conv2dTranspose, conv3dTranspose } from './ops/conv/transposed';
export type { ConvTransposeOptions } from './ops/conv/transposed';
export { depthwiseConv2d, separableConv1d, separableConv2d } from './ops/conv/depthwise';
export { pool2d, pool3d } from './ops/conv/pooling';
export type { PoolOptions } from './ops/conv/pooling';
export { localConv1d, localConv2d } from './ops/conv/local';
export { ctcBatchCost, ctcInterleaveBlanks, ctcCreateSkipIdxs, ctcUpdateLogP, ctcPathProbs, ctcCost } from './ops/ctc/cost';
export { ctcDecode } from './ops/ctc/decode';
export type { CtcDecodeOptions } from './ops/ctc/decode';
export { ctcLabelDenseToSparse } from './ops/ctc/labels';
export { KSparseTensor } from './sparse';
export { gradients, stopGradient } from './ops/graph/gradients';
export { kerasFunction as function, KUpdate } from './ops/graph/function';
export type { KFunction, UpdateSpec, FeedValues, FunctionResults } from './ops/graph/function';
export type { GradientsOptions, Gradients } from './ops/graph/gradients';
export type { TensorInput, NestedInput } from './tensor-input';
export { switch, inTrainPhase, inTestPhase } from './ops/graph/conditionals';
export type { Branch } from './ops/graph/conditionals';
export { printTensor } from './ops/graph/print-tensor';
export { symbolic, eager } from './ops/graph/decorators';
export { rnn, mapFn, foldl, foldr } from './ops/graph/control-flow';
export type { RnnOptions, RnnStepFunction } from './ops/graph/control-flow';
export { tidy, dispose } from './ops/memory';
export { exportOnnx } from './export';
export { toTf, fromTf } from './tf-interop';
export type { TfTensorLike } from './values';
export type { OnnxExportOptions, OnnxExportInfo, ExportedValue } from './export';

/**
 * The dtypes the active backend declares it computes in (its `Backend.dtypes`), in
 * the order of `DTYPES`. Not a Keras function: the conformance suite uses it to tell
 * a declared lack (an `UnsupportedError` for one of the other dtypes) from a failure.
 */
export function backendDtypes(...extra: []): DType[] {
  checkArity('backendDtypes', 0, extra);
  const declared = activeBackend().dtypes;
  return DTYPES.filter((d) => declared.has(d));
}
export { float16Bits, float16Value } from './ops/tensors/float16';

/**
 * The features the active backend declares it lacks besides dtypes, and why (its
 * `Backend.unsupported`; no features and an empty reason when it declares none). Not a
 * Keras function: the conformance suite uses it to tell a declared lack (an
 * `UnsupportedError` whose `feature` is one of these) from a failure.
 */
export function backendUnsupported(...extra: []): { features: string[]; reason: string } {
  checkArity('backendUnsupported', 0, extra);
  const lacks = activeBackend().unsupported;
  return { features: lacks === undefined ? [] : [...lacks.features], reason: lacks?.reason ?? '' };
}
