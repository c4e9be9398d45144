/**
 * The learning phase as Keras's TensorFlow backend has it: a number once
 * `setLearningPhase` has been called, otherwise a scalar placeholder that a
 * compiled function may take as an input (fed 0 or 1 at each call) and that is 0
 * (test) when not fed.
 */
import { clearLearningPhase, learningPhaseValue, resetUids } from '../../config';
import { constantFrom } from '../op';
import { KTensor } from '../tensor';

let phaseTensor: KTensor | null = null;

/**
 * The learning phase: 0 (test) or 1 (train) when set by `setLearningPhase`;
 * otherwise a scalar int32 placeholder, 0 unless fed, to list among a function's
 * inputs: `K.function([x, K.learningPhase()], outputs)` then `f([xValue, 1])`.
 *
 * Mirrors `keras.backend.learning_phase()`.
 */
export function learningPhase(): 0 | 1 | KTensor {
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
export function clearSession(): void {
  clearLearningPhase();
  phaseTensor = null;
  resetUids();
}
