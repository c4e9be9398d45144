/**
 * The config group's functions that need the API layer: `backend`, `castToFloatx`,
 * `learningPhase`, and `clearSession`, which resets the session state they keep.
 * The other config functions live in src/config and are re-exported by src/api/index.ts.
 */
import { clearLearningPhase, floatx, imageDataFormat, learningPhaseValue, resetUids } from '../../config';
import { show } from '../../format';
import { KerasTypeError, KerasValueError } from '../../errors';
import { currentBackendName } from '../engine';
import { NDArray } from '../ndarray';
import { constantFrom } from '../primitives';
import { KTensor } from '../tensor';
import { toHostValue } from '../values';
import type { TensorInput } from '../tensor-input';
import { checkArity } from '../../arity';

/**
 * Casts a host array (or anything `constant` takes) to floatx, returning an NDArray.
 *
 * Mirrors `keras.backend.cast_to_floatx(x)`.
 */
export function castToFloatx(x: TensorInput, ...extra: []): NDArray {
  checkArity('castToFloatx', 1, extra);
  if (x instanceof KTensor) throw new KerasTypeError(`castToFloatx: argument 'x' must be a host array (use K.cast for tensors)`);
  const host = toHostValue(x, 'castToFloatx', 'x', floatx(), floatx());
  return new NDArray(host.data, host.shape, host.dtype);
}

let phaseTensor: KTensor | null = null;

/**
 * The learning phase: 0 (test) or 1 (train) when set by `setLearningPhase`;
 * otherwise a scalar int32 placeholder, 0 unless fed, to list among a function's
 * inputs: `K.function([x, K.learningPhase()], outputs)` then `f([xValue, 1])`.
 *
 * Mirrors `keras.backend.learning_phase()`.
 */
export function learningPhase(...extra: []): 0 | 1 | KTensor {
  checkArity('learningPhase', 0, extra);
  const set = learningPhaseValue();
  if (set !== null) return set;
  if (phaseTensor === null) {
    const zero = constantFrom(0, 'learningPhase', 'default', 'int32');
    phaseTensor = new KTensor({ kind: 'placeholder', sparse: false, defaultValue: zero }, [], 'int32', 'keras_learning_phase');
  }
  return phaseTensor;
}

/**
 * Resets the global state: the learning phase set by `setLearningPhase` and the
 * learning-phase placeholder, and the uid counters.
 *
 * Mirrors `keras.backend.clear_session()` (not in the catalogue).
 */
export function clearSession(...extra: []): void {
  checkArity('clearSession', 0, extra);
  clearLearningPhase();
  phaseTensor = null;
  resetUids();
}

/**
 * The name of the backend in use.
 *
 * Mirrors `keras.backend.backend()`.
 */
export function backend(...extra: []): string {
  checkArity('backend', 0, extra);
  return currentBackendName();
}

/**
 * A data format argument made definite: `null`/`undefined` gives `imageDataFormat()`;
 * otherwise `'channels_first'` or `'channels_last'` (any letter case), else a
 * KerasValueError.
 *
 * Mirrors Keras 2.3.1's `keras.backend.normalize_data_format(value)`.
 */
export function normalizeDataFormat(value?: string | null, ...extra: []): 'channels_first' | 'channels_last' {
  checkArity('normalizeDataFormat', 1, extra);
  if (value === null || value === undefined) return imageDataFormat();
  const v = typeof value === 'string' ? value.toLowerCase() : value;
  if (v !== 'channels_first' && v !== 'channels_last') {
    throw new KerasValueError(`normalizeDataFormat: argument 'value' must be one of "channels_first", "channels_last", got ${show(value)}`);
  }
  return v;
}

let manualInit = false;

/**
 * Sets the manual variable initialization flag. In Keras 2.3.1 on TensorFlow 1 it
 * decides whether a session initializes new variables itself; here (as in TensorFlow's
 * eager mode) a variable holds its value from creation, so the flag changes no value.
 * It is kept, validated, and read back by `manualVariableInitializationEnabled()`.
 *
 * Mirrors Keras 2.3.1's `keras.backend.manual_variable_initialization(value)`.
 */
export function manualVariableInitialization(value: boolean, ...extra: []): void {
  checkArity('manualVariableInitialization', 1, extra);
  if (typeof value !== 'boolean') throw new KerasValueError(`manualVariableInitialization: argument 'value' must be a boolean, got ${show(value)}`);
  manualInit = value;
}

/** The flag set by `manualVariableInitialization` (false until set). */
export function manualVariableInitializationEnabled(...extra: []): boolean {
  checkArity('manualVariableInitializationEnabled', 0, extra);
  return manualInit;
}
