/**
 * Graph-level functions: stop_gradient.
 */
import { KerasTypeError } from '../../errors';
import { applyOp } from '../op';
import { KTensor } from '../tensor';
import { requireTensorLike } from '../validate';
import { notImplemented, NotImplemented } from '../not-implemented';

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

/* Not implemented yet: each throws NotImplementedYetError (see ../not-implemented.ts). */
/** Not implemented yet: mirrors `keras.backend.switch`. Throws NotImplementedYetError. */
const switchStub: NotImplemented = notImplemented('switch', 'switch');
export { switchStub as switch };
/** Not implemented yet: mirrors `keras.backend.in_train_phase`. Throws NotImplementedYetError. */
export const inTrainPhase: NotImplemented = notImplemented('in_train_phase', 'inTrainPhase');
/** Not implemented yet: mirrors `keras.backend.in_test_phase`. Throws NotImplementedYetError. */
export const inTestPhase: NotImplemented = notImplemented('in_test_phase', 'inTestPhase');
/** Not implemented yet: mirrors `keras.backend.print_tensor`. Throws NotImplementedYetError. */
export const printTensor: NotImplemented = notImplemented('print_tensor', 'printTensor');
