/**
 * Differentiation of the graph group: `gradients(loss, variables)` (reverse mode
 * over the graph) and `stopGradient`.
 */
import { isFloatDType } from '../../../backends/types';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { applyOp, onesLikeOp, zerosLikeOp } from '../../primitives';
import { KTensor } from '../../tensor';
import { vjp } from '../../vjp';
import { requireTensor, requireTensorLike, show } from '../../validate';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/**
 * The same values with no gradient flowing back: a tensor, or a list of tensors.
 *
 * Mirrors `keras.backend.stop_gradient(variables)`.
 */
export function stopGradient(variables: KTensor): KTensor;

export function stopGradient(variables: readonly KTensor[]): KTensor[];

export function stopGradient(variables: KTensor | readonly KTensor[], ...extra: []): KTensor | KTensor[] {
  checkArity('stopGradient', 1, extra);
  if (Array.isArray(variables)) {
    return (variables as readonly unknown[]).map((v, i) => applyOp('identity', [requireTensorLike(v, 'stopGradient', `variables[${i}]`)], {}, { noGrad: true }));
  }
  if (variables === undefined || variables === null) throw new KerasTypeError(`stopGradient: argument 'variables' must be a tensor or a list of tensors, got ${show(variables)}`);
  return applyOp('identity', [requireTensorLike(variables, 'stopGradient', 'variables')], {}, { noGrad: true });
}

/** Options of `gradients`. */
export interface GradientsOptions {
  /**
   * What a variable the loss does not depend on gets: `'none'` (default, as Keras and
   * TensorFlow: `null`) or `'zero'` (zeros of its shape and dtype, TensorFlow's
   * `unconnected_gradients=ZERO`), for which the result is typed without `null`.
   */
  readonly unconnected?: 'none' | 'zero';
}

/**
 * One gradient per variable, in the form `variables` came in: a tuple of as many
 * gradients for a tuple, an array for an array, a one-element tuple for one tensor.
 */
export type Gradients<V extends KTensor | readonly KTensor[], G> = V extends readonly KTensor[] ? { -readonly [K in keyof V]: G } : [G];

/**
 * Returns the gradients of `loss` with respect to `variables` (a list, or one
 * tensor): one tensor per variable, or `null` where the loss does not depend on it
 * (zeros instead with `{ unconnected: 'zero' }`). A non-scalar loss is summed
 * first, as TensorFlow does. The result has the form of `variables`:
 * `const [gw, gb] = K.gradients(loss, [w, b], { unconnected: 'zero' })` gives two tensors.
 *
 * Mirrors `keras.backend.gradients(loss, variables)`.
 */
export function gradients<const V extends KTensor | readonly KTensor[]>(loss: KTensor, variables: V, options: GradientsOptions & { readonly unconnected: 'zero' }): Gradients<V, KTensor>;
export function gradients<const V extends KTensor | readonly KTensor[]>(loss: KTensor, variables: V, options?: GradientsOptions): Gradients<V, KTensor | null>;
export function gradients<const V extends KTensor | readonly KTensor[]>(loss: KTensor, variables: V, options: GradientsOptions = {}, ...extra: []): Gradients<V, KTensor | null> {
  checkArity('gradients', 3, extra);
  requireTensor(loss, 'gradients', 'loss');
  const { unconnected } = optionsArg(options, ['unconnected'], 'gradients') as GradientsOptions;
  if (unconnected !== undefined && unconnected !== 'none' && unconnected !== 'zero') {
    throw new KerasValueError(`gradients: argument 'options' must be an object whose 'unconnected' is 'none' or 'zero', got ${show(options)}`);
  }
  const targets = Array.isArray(variables) ? (variables as readonly KTensor[]) : [variables as KTensor];
  targets.forEach((v, i) => requireTensor(v, 'gradients', `variables[${i}]`));
  if (!isFloatDType(loss.dtype)) {
    throw new KerasTypeError(`gradients: argument 'loss' must be a float tensor, got dtype ${loss.dtype}`);
  }
  const grads = vjp([[loss, onesLikeOp(loss)]], targets);
  // One gradient per variable, in order: the form `Gradients<V, ...>` promises.
  return targets.map((t, i) => grads[i] ?? (unconnected === 'zero' ? zerosLikeOp(t) : null)) as Gradients<V, KTensor | null>;
}
