/**
 * Shape functions that make a new tensor from numbers: arange and one_hot.
 */
import { DType, isIntDType } from '../../../backends/types';
import { floatx } from '../../../config';
import { KerasTypeError, KerasValueError } from '../../../errors';
import { applyOp, cast, constantFrom } from '../../primitives';
import { KTensor } from '../../tensor';
import { checkDType, checkNumber, countArg, refuseInt64, requireTensorLike, numbersOf, show, valuesNow } from '../../validate';
import { insertAxis, int32Const } from './helpers';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';
import { optionsArg } from '../../options';

/** Options of `arange`. */
export interface ArangeOptions {
  /** The end (excluded); null or omitted: `start` is the end and 0 the start. A scalar tensor is read now. */
  readonly stop?: number | KTensor | null;
  /** The difference between successive values (not 0; default 1). A scalar tensor is read now. */
  readonly step?: number | KTensor;
  /** The dtype of the result (default int32). */
  readonly dtype?: DType;
}

/**
 * A 1D tensor of the values `start, start + step, ...` up to `stop` (excluded).
 * With no `stop`, `start` is the stop (Theano's and NumPy's convention):
 * `arange(5)` is [0, 1, 2, 3, 4], and a negative single argument gives an empty
 * tensor. The values are computed in float64 and stored in `dtype` (default
 * int32; fractional values are truncated toward zero, as Keras's cast of
 * TensorFlow's range). As TensorFlow's range, a step that goes away from `stop`
 * (`arange(5, {stop: 2})`) is an error, not an empty range, and `step` 0 is an
 * error. Keras's three optional parameters come as one options object:
 * `arange(1, {stop: 10, step: 3, dtype: 'float32'})`.
 *
 * `start`, `stop` and `step` may be scalar tensors, as in Keras 2.3.1
 * (`arange(K.constant(1))` is [0]; a start of -1 gives []): their values are read
 * when arange is called, so they must not depend on a placeholder (the length of
 * the result would depend on a value fed later, which static shapes cannot
 * express here).
 *
 * Mirrors `keras.backend.arange(start, stop=None, step=1, dtype='int32')`.
 */
export function arange(start: number | KTensor, options: ArangeOptions = {}, ...extra: []): KTensor {
  checkArity('arange', 2, extra);
  const fn = 'arange';
  const { stop = null, step = 1, dtype = 'int32' } = optionsArg(options, ['stop', 'step', 'dtype'], fn) as ArangeOptions;
  let a = scalarValue(start, fn, 'start');
  let b: number;
  if (stop === null || stop === undefined) {
    b = Math.max(a, 0);
    a = 0;
  } else b = scalarValue(stop, fn, 'stop');
  const s = scalarValue(step, fn, 'step');
  const dt = checkDType(dtype, fn, 'dtype');
  if (s === 0) throw new KerasValueError(`${fn}: argument 'step' must not be 0`);
  if ((s > 0 && a > b) || (s < 0 && a < b)) {
    throw new KerasValueError(`${fn}: argument 'step' (${s}) goes away from 'stop': start ${a} ${s > 0 ? '>' : '<'} stop ${b} (as TensorFlow's range)`);
  }
  const n = Math.ceil(Math.abs((b - a) / s));
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a + i * s;
  return constantFrom({ data: values, shape: [n] }, fn, 'start', dt);
}

/** A finite number, or the value of a scalar tensor read now (not one that depends on a placeholder). */
function scalarValue(v: unknown, fn: string, arg: string): number {
  if (!(v instanceof KTensor)) return checkNumber(v, fn, arg);
  if (v.rank !== 0) throw new KerasValueError(`${fn}: argument '${arg}' must be a number or a scalar tensor, got ${show(v)}`);
  const value = numbersOf(valuesNow(v, fn, arg))[0];
  return checkNumber(value, fn, arg);
}

/**
 * One-hot encoding of integer `indices` of shape (d0, ..., dn-1): a floatx tensor
 * of shape (d0, ..., dn-1, numClasses) with 1 at each index and 0 elsewhere; an
 * index outside [0, numClasses) gives a row of zeros, as `tf.one_hot`.
 *
 * Mirrors `keras.backend.one_hot(indices, num_classes)`.
 */
export function oneHot(indices: TensorInput, numClasses: number, ...extra: []): KTensor {
  checkArity('oneHot', 2, extra);
  const given = requireTensorLike(indices, 'oneHot', 'indices');
  if (!isIntDType(given.dtype)) throw new KerasTypeError(`oneHot: argument 'indices' must be an integer tensor, got dtype ${given.dtype} (use K.cast)`);
  const t = cast(refuseInt64(given, 'oneHot', 'indices'), 'int32'); // the 8- and 16-bit integers widen exactly
  const n = countArg(numClasses, 'oneHot', 'numClasses');
  const classes = int32Const(
    Array.from({ length: n }, (_, i) => i),
    [n],
    'oneHot',
  );
  const hit = applyOp('equal', [insertAxis(t, t.rank, 'oneHot'), classes], {});
  return cast(hit, floatx());
}
