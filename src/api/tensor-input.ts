/** What a tensor parameter of a K function accepts. */
import type { KTensor } from './tensor';
import type { TensorLike } from './values';

/** Numbers, booleans or bigints (int64) nested in arrays of any depth (readonly arrays and tuples too). */
export type NestedInput = number | bigint | boolean | readonly NestedInput[];

/**
 * A tensor argument: a `KTensor`, or a value that becomes a constant (a number, a
 * bigint, a boolean, a nested array, a typed array, `{ data, shape }`, an `NDArray`, a TF.js
 * `tf.Tensor`). Anything else is refused at run time with a `KerasTypeError`.
 */
export type TensorInput = KTensor | TensorLike | NestedInput;
