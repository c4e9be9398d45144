/**
 * `printTensor` of the graph group.
 */
import { KerasValueError } from '../../../errors';
import { applyOp } from '../../primitives';
import { KTensor, markPrint } from '../../tensor';
import { formatPrinted } from '../../../format';
import { requireTensorLike, show } from '../../validate';
import { evaluateFor } from '../tensors/inspect';
import { valuesOf } from '../../values';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/**
 * Prints `message`, a space, then the values of `x` as TensorFlow's `tf.print` writes
 * them (to stdout, as Keras 2.3.1 does; e.g. `x = [[1 2.5]\n [-3 0]]`),
 * and returns `x`. A constant is evaluated now, so it is printed at once. For a lazy
 * tensor (built on a placeholder, a variable or a random op) the returned tensor is
 * printed each time a compiled function or an eval computes it (the graph runner
 * fetches it as an extra output, so this works on every backend).
 *
 * Mirrors `keras.backend.print_tensor(x, message='')`.
 */
export function printTensor(x: TensorInput, message = '', ...extra: []): KTensor {
  checkArity('printTensor', 2, extra);
  const t = requireTensorLike(x, 'printTensor');
  if (typeof message !== 'string') throw new KerasValueError(`printTensor: argument 'message' must be a string, got ${show(message)}`);
  if (t.node.kind !== 'constant') {
    // Lazy: an identity that the graph runner prints each time it is computed.
    const y = applyOp('identity', [t], {});
    markPrint(y, message);
    return y;
  }
  const v = evaluateFor(t, 'printTensor');
  process.stdout.write(formatPrinted(message, v.data instanceof BigInt64Array ? v.data : valuesOf(v.data, v.dtype), v.shape, v.dtype));
  return t;
}
