/** The configuration module: keras.json, the run-time settings, uids and name scopes. */
export {
  BACKEND_ALIASES,
  BUILTIN_BACKENDS,
  DEFAULT_KERAS_JSON_TEXT,
  DEFAULT_SETTINGS,
  FLOATX_VALUES,
  IMAGE_DATA_FORMATS,
  isFloatx,
  isImageDataFormat,
  isValidEpsilon,
  kerasJsonText,
} from './values';
export type { BuiltinBackendName, Floatx, ImageDataFormat, KerasSettings, LearningPhase } from './values';
export {
  FALLBACK_KERAS_DIR,
  KERAS_JSON_NAME,
  kerasDir,
  loadKerasJson,
  looksLikeModuleName,
  resolveBackendName,
} from './keras-json';
export type {
  BackendKind,
  BackendNameOptions,
  BackendOrigin,
  Env,
  KerasJsonResult,
  LoadKerasJsonOptions,
  ResolvedBackend,
} from './keras-json';
export { createFileAtomically } from './atomic-write';
export type { AtomicCreateOutcome } from './atomic-write';
export {
  configPath,
  configureBackendNames,
  configuredBackendName,
  epsilon,
  floatx,
  imageDataFormat,
  initConfig,
  learningPhase,
  learningPhaseValue,
  onnxSettings,
  tfjsSettings,
  clearLearningPhase,
  resetConfigForTests,
  setEpsilon,
  setFloatx,
  setImageDataFormat,
  setLearningPhase,
} from './settings';
export { DEFAULT_ONNX_SETTINGS, ONNX_OPTIMIZATION_LEVELS, parseOnnxSettings } from './onnx-options';
export type { OnnxOptimizationLevel, OnnxSettings } from './onnx-options';
export { DEFAULT_TFJS_SETTINGS, parseTfjsSettings } from './tfjs-options';
export type { TfjsSettings } from './tfjs-options';
export { getUid, resetUids } from './uids';
export { currentNameScope, nameScope } from './name-scope';
