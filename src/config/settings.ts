/**
 * The run-time configuration state (`keras.backend.epsilon()`, `floatx()`, ...).
 *
 * It is read from keras.json (and KERAS_BACKEND) on first use: every getter and
 * setter calls `initConfig()`, which loads once. The setters change only this
 * process's state, never the file, as in Keras.
 */
import { KerasValueError } from '../errors';
import { show } from '../format';
import { BackendNameOptions, KerasJsonResult, LoadKerasJsonOptions, loadKerasJson } from './keras-json';
import type { OnnxSettings } from './onnx-options';
import type { TfjsSettings } from './tfjs-options';
import {
  FLOATX_VALUES,
  Floatx,
  IMAGE_DATA_FORMATS,
  ImageDataFormat,
  LearningPhase,
  isFloatx,
  isImageDataFormat,
  isValidEpsilon,
} from './values';
import { checkArity } from '../arity';

interface State {
  readonly loaded: KerasJsonResult;
  epsilon: number;
  floatx: Floatx;
  imageDataFormat: ImageDataFormat;
  /** Set by setLearningPhase; null: not set (fed at run time, 0 by default). */
  learningPhase: LearningPhase | null;
}

let state: State | undefined;
let backendNameOptions: BackendNameOptions = {};

/**
 * Sets how the backend name from keras.json / KERAS_BACKEND is checked when the
 * configuration is first loaded (the backend registry calls this with its known
 * names and module resolver). Has no effect on a configuration already loaded.
 */
export function configureBackendNames(options: BackendNameOptions): void {
  backendNameOptions = { ...options };
}

/**
 * Loads keras.json into the run-time state if not done yet, and returns what the
 * loading found. Idempotent: later calls return the first result and ignore `options`
 * (which default to those given to `configureBackendNames`, and `process.env`).
 * Throws a `ConfigError` for a bad file or KERAS_BACKEND; nothing is kept then,
 * so the next call tries again.
 */
export function initConfig(options: LoadKerasJsonOptions = {}): KerasJsonResult {
  return current(options).loaded;
}

/** Forgets the loaded configuration and the setters' changes; the next use reads keras.json again. For tests. */
export function resetConfigForTests(): void {
  state = undefined;
}

function current(options: LoadKerasJsonOptions = {}): State {
  if (state === undefined) {
    const loaded = loadKerasJson({ ...backendNameOptions, ...options });
    state = {
      loaded,
      epsilon: loaded.settings.epsilon,
      floatx: loaded.settings.floatx,
      imageDataFormat: loaded.settings.image_data_format,
      learningPhase: null,
    };
  }
  return state;
}

/**
 * What every setter does: throws the KerasValueError of setter `fn` (naming argument
 * `arg` and what it must be) unless `ok(value)`, then stores `value` with `store`.
 */
function setChecked<T>(fn: string, arg: string, value: unknown, ok: (v: unknown) => v is T, expected: string, store: (s: State, v: T) => void): void {
  if (!ok(value)) throw new KerasValueError(`${fn}: argument '${arg}' must be ${expected}, got ${show(value)}`);
  store(current(), value);
}

/** The fuzz factor used in numeric expressions. Mirrors `keras.backend.epsilon()`. */
export function epsilon(...extra: []): number {
  checkArity('epsilon', 0, extra);
  return current().epsilon;
}

/**
 * Sets the fuzz factor for this process (keras.json is not changed).
 * Mirrors `keras.backend.set_epsilon(e)`.
 * @throws KerasValueError unless `e` is a positive finite number.
 */
export function setEpsilon(e: number, ...extra: []): void {
  checkArity('setEpsilon', 1, extra);
  setChecked('setEpsilon', 'e', e, isValidEpsilon, 'a positive finite number', (s, v) => {
    s.epsilon = v;
  });
}

/** The default float type, e.g. `'float32'`. Mirrors `keras.backend.floatx()`. */
export function floatx(...extra: []): Floatx {
  checkArity('floatx', 0, extra);
  return current().floatx;
}

/**
 * Sets the default float type for this process (keras.json is not changed).
 * Mirrors `keras.backend.set_floatx(value)`.
 * @throws KerasValueError unless `value` is float16, float32 or float64.
 */
export function setFloatx(value: Floatx, ...extra: []): void {
  checkArity('setFloatx', 1, extra);
  setChecked('setFloatx', 'value', value, isFloatx, `one of ${FLOATX_VALUES.join(', ')}`, (s, v) => {
    s.floatx = v;
  });
}

/** The default image data format, `'channels_last'` or `'channels_first'`. Mirrors `keras.backend.image_data_format()`. */
export function imageDataFormat(...extra: []): ImageDataFormat {
  checkArity('imageDataFormat', 0, extra);
  return current().imageDataFormat;
}

/**
 * Sets the default image data format for this process (keras.json is not changed).
 * Mirrors `keras.backend.set_image_data_format(data_format)`.
 * @throws KerasValueError unless `dataFormat` is channels_last or channels_first.
 */
export function setImageDataFormat(dataFormat: ImageDataFormat, ...extra: []): void {
  checkArity('setImageDataFormat', 1, extra);
  setChecked('setImageDataFormat', 'dataFormat', dataFormat, isImageDataFormat, `one of ${IMAGE_DATA_FORMATS.join(', ')}`, (s, v) => {
    s.imageDataFormat = v;
  });
}

/**
 * The learning phase as a number: the value set by `setLearningPhase`, else 0 (test).
 * The public `K.learningPhase()` (src/api) returns a tensor fed at run time when none was set.
 */
export function learningPhase(): LearningPhase {
  return current().learningPhase ?? 0;
}

/** The learning phase set by `setLearningPhase`, or null when none was set. */
export function learningPhaseValue(): LearningPhase | null {
  return current().learningPhase;
}

/** Forgets the learning phase set by `setLearningPhase` (part of `clearSession`). */
export function clearLearningPhase(): void {
  current().learningPhase = null;
}

/**
 * Sets the learning phase for this process. Mirrors `keras.backend.set_learning_phase(value)`.
 * @throws KerasValueError unless `value` is 0 or 1.
 */
export function setLearningPhase(value: LearningPhase, ...extra: []): void {
  checkArity('setLearningPhase', 1, extra);
  setChecked('setLearningPhase', 'value', value, (v): v is LearningPhase => v === 0 || v === 1, '0 or 1', (s, v) => {
    s.learningPhase = v;
  });
}

/**
 * The backend name chosen by KERAS_BACKEND, else keras.json, else the default
 * (`"tfjs"`), aliases resolved (`"tensorflow"` gives `"tfjs"`); may be an npm module name.
 * Mirrors `keras.backend.backend()` before the backend is loaded.
 */
export function configuredBackendName(): string {
  return current().loaded.backend.name;
}

/**
 * The keras.json path in use (read or created; when no folder could be written,
 * where Keras looks first). Mirrors Keras's `keras.src.backend.config` file path
 * (`os.path.join(keras_home(), "keras.json")`).
 */
export function configPath(...extra: []): string {
  checkArity('configPath', 0, extra);
  return current().loaded.path;
}

/** The onnx backend's session settings: keras.json's `onnx` object with the defaults filled in. */
export function onnxSettings(): OnnxSettings {
  return current().loaded.onnx;
}

/** The tfjs backend's engine settings: keras.json's `tfjs` object with the defaults filled in. */
export function tfjsSettings(): TfjsSettings {
  return current().loaded.tfjs;
}
