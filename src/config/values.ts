/**
 * The allowed values and defaults of the Keras configuration (keras.json and the
 * `keras.backend` setters), shared by the file loader and the run-time state.
 */

/** Float types `floatx` may take (`keras.backend.floatx()`). */
export const FLOATX_VALUES = ['float16', 'float32', 'float64'] as const;
/** A `floatx` value. */
export type Floatx = (typeof FLOATX_VALUES)[number];

/** Values `image_data_format` may take (`keras.backend.image_data_format()`). */
export const IMAGE_DATA_FORMATS = ['channels_last', 'channels_first'] as const;
/** An `image_data_format` value. */
export type ImageDataFormat = (typeof IMAGE_DATA_FORMATS)[number];

/** A learning phase (`keras.backend.learning_phase()`): 0 = test, 1 = train. */
export type LearningPhase = 0 | 1;

/** The backends built into this library. */
export const BUILTIN_BACKENDS = ['reference', 'tfjs', 'onnx'] as const;
/** The name of a built-in backend. */
export type BuiltinBackendName = (typeof BUILTIN_BACKENDS)[number];

/**
 * Backend names accepted in keras.json / KERAS_BACKEND as another name for one of
 * ours: a Python Keras user's keras.json says `"tensorflow"`, which runs here on `tfjs`.
 */
export const BACKEND_ALIASES: Readonly<Record<string, string>> = Object.freeze({ tensorflow: 'tfjs' });

/** The four settings of keras.json, with Keras's field names. */
export interface KerasSettings {
  readonly floatx: Floatx;
  readonly epsilon: number;
  readonly backend: string;
  readonly image_data_format: ImageDataFormat;
}

/** The defaults Keras writes into a new keras.json (with our default backend). */
export const DEFAULT_SETTINGS: Readonly<KerasSettings> = Object.freeze({
  floatx: 'float32',
  epsilon: 1e-7,
  backend: 'tfjs',
  image_data_format: 'channels_last',
});

/**
 * The text of a new keras.json, byte for byte what Keras writes
 * (`json.dumps(config, indent=4)`: 4-space indent, `1e-07`, no trailing newline).
 */
export const DEFAULT_KERAS_JSON_TEXT = kerasJsonText(DEFAULT_SETTINGS.backend);

/**
 * The text of a new keras.json naming `backend` (otherwise the defaults), in
 * Keras's layout. Used when the default backend's engine is not installed.
 */
export function kerasJsonText(backend: string): string {
  return [
    '{',
    '    "floatx": "float32",',
    '    "epsilon": 1e-07,',
    `    "backend": ${JSON.stringify(backend)},`,
    '    "image_data_format": "channels_last"',
    '}',
  ].join('\n');
}

/** Whether `value` is an allowed `floatx`. */
export function isFloatx(value: unknown): value is Floatx {
  return typeof value === 'string' && (FLOATX_VALUES as readonly string[]).includes(value);
}

/** Whether `value` is an allowed `image_data_format`. */
export function isImageDataFormat(value: unknown): value is ImageDataFormat {
  return typeof value === 'string' && (IMAGE_DATA_FORMATS as readonly string[]).includes(value);
}

/** Whether `value` is an allowed epsilon: a finite number above zero. */
export function isValidEpsilon(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
