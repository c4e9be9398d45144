/**
 * Variables on tfjs: a `tf.Variable` holds the value and is updated in place by
 * `assign`, so a variable keeps one handle for its whole life.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { tf } from './engine';

/**
 * Wraps `initial` in a non-trainable `tf.Variable` and takes ownership of
 * `initial`: the variable shares its data buffer (tfjs reference-counts it) and
 * `initial`'s handle is disposed, so only the variable remains to be disposed.
 */
export function createVariable(initial: Tensor): Tensor {
  const v = tf.variable(initial, false);
  initial.dispose();
  return v;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Stores `value` into `v` and disposes `value`'s handle (the variable keeps its
 * data). Returns the handle to keep: `v` itself, or a new variable if `v` was not
 * a tf.Variable or `value` has another shape or dtype (then `v` is disposed).
 */
export function assign(v: Tensor, value: Tensor): Tensor {
  if (value === v) return v;
  if (
    v instanceof tf.Variable &&
    !v.isDisposed &&
    v.dtype === value.dtype &&
    sameShape(v.shape, value.shape)
  ) {
    v.assign(value);
    value.dispose();
    return v;
  }
  if (!v.isDisposed) v.dispose();
  return createVariable(value);
}
