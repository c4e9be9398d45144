/**
 * Differentiation of the graph group: `gradients(loss, variables)` (reverse mode
 * over the graph) and `stopGradient`.
 */
import { isFloatDType } from '../../../backends/types';
import { KerasTypeError } from '../../../errors';
import { applyOp,onesLikeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { vjp } from '../../vjp';
import { requireTensor,requireTensorLike } from '../../validate';

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

/**
 * Returns the gradients of `loss` with respect to `variables` (a list, or one
 * tensor): one tensor per variable, or `null` where the loss does not depend on it.
 * A non-scalar loss is summed first, as TensorFlow does.
 *
 * Mirrors `keras.backend.gradients(loss, variables)`.
 */
export function gradients(loss: KTensor, variables: KTensor | readonly KTensor[]): (KTensor | null)[] {
  requireTensor(loss, 'gradients', 'loss');
  const targets = Array.isArray(variables) ? (variables as readonly KTensor[]) : [variables as KTensor];
  targets.forEach((v, i) => requireTensor(v, 'gradients', `variables[${i}]`));
  if (!isFloatDType(loss.dtype)) {
    throw new KerasTypeError(`gradients: argument 'loss' must be a float tensor, got ${loss.dtype}`);
  }
  return vjp([[loss, onesLikeOp(loss)]], targets);
}
