/**
 * `printTensor` of the graph group.
 */
import { KerasValueError } from '../../../errors';
import { applyOp } from '../../primitives';
import { KTensor,markPrint } from '../../tensor';
import { requireTensorLike,show } from '../../validate';
import { evaluate } from '../tensors/inspect';

/**
 * Prints `message` followed by the values of `x` (to stderr, as TensorFlow's `Print`)
 * and returns `x`. A constant is evaluated now, so it is printed at once. For a lazy
 * tensor (built on a placeholder, a variable or a random op) the returned tensor is
 * printed each time a compiled function or an eval computes it (the graph runner
 * fetches it as an extra output, so this works on every backend).
 *
 * Mirrors `keras.backend.print_tensor(x, message='')`.
 */
export function printTensor(x: unknown, message = ''): KTensor {
  const t = requireTensorLike(x, 'printTensor');
  if (typeof message !== 'string') throw new KerasValueError(`printTensor: argument 'message' must be a string, got ${show(message)}`);
  if (t.node.kind !== 'constant') {
    // Lazy: an identity that the graph runner prints each time it is computed.
    const y = applyOp('identity', [t], {});
    markPrint(y, message);
    return y;
  }
  const v = evaluate(t, 'printTensor');
  process.stderr.write(`${message}${JSON.stringify(v.toArray(), (_k, n: unknown) => (typeof n === 'number' && !Number.isFinite(n) ? String(n) : n))}\n`);
  return t;
}
