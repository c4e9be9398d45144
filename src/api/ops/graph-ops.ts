/**
 * Graph-level functions: stop_gradient here; switch, in_train_phase,
 * in_test_phase and print_tensor from ./phase.ts.
 */
import { KerasTypeError } from '../../errors';
import { applyOp } from '../op';
import { KTensor } from '../tensor';
import { requireTensorLike } from '../validate';

/**
 * The same values with no gradient flowing back: a tensor, or a list of tensors.
 *
 * Mirrors `keras.backend.stop_gradient(variables)`.
 */
export function stopGradient(variables: KTensor): KTensor;
export function stopGradient(variables: readonly KTensor[]): KTensor[];
export function stopGradient(variables: KTensor | readonly KTensor[]): KTensor | KTensor[] {
  if (Array.isArray(variables)) {
    return (variables as readonly unknown[]).map((v, i) => applyOp('identity', [requireTensorLike(v, 'stopGradient', `variables[${i}]`)], {}, { noGrad: true }));
  }
  if (variables === undefined || variables === null) throw new KerasTypeError(`stopGradient: argument 'variables' must be a tensor or a list of tensors`);
  return applyOp('identity', [requireTensorLike(variables, 'stopGradient', 'variables')], {}, { noGrad: true });
}

export { switch, inTrainPhase, inTestPhase, printTensor } from './phase';
export type { Branch } from './phase';
