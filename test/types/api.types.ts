/**
 * Compile-time tests of the public API's types (checked by `npm run typecheck` and by
 * the build, so `npm test` fails on them; never run). Each `@ts-expect-error` line must fail to
 * type-check, or the directive itself is an error: wrong calls do not compile.
 */
import { K, KTensor, NDArray } from '../../src/index';

declare const t: KTensor;

// Tensor parameters accept what the library converts: tensors, numbers, booleans,
// nested (also readonly) arrays, typed arrays, { data, shape }, NDArrays.
export const accepted: KTensor[] = [
  K.dot(t, [[1, 2], [3, 4]]),
  K.add(1, t),
  K.add(true, t),
  K.sum([[1, 2], [3, 4]] as const),
  K.exp(new Float32Array([1, 2])),
  K.square({ data: new Float32Array(4), shape: [2, 2] }),
  K.abs(K.eval(t)),
  K.batchNormalization(t, t, t, null, null),
];

// @ts-expect-error a string is not a tensor
K.dot('not a tensor', t);
// @ts-expect-error an arbitrary object is not a tensor
K.dot(t, { foo: 1 });
// @ts-expect-error a Date is not a tensor
K.conv2d(new Date(), t);
// @ts-expect-error null is not a kernel
K.conv2d(t, null);
// @ts-expect-error undefined is not a tensor
K.relu(undefined);
// @ts-expect-error an array of strings is not a tensor
K.sum(['a', 'b']);

// K.function: tuples in, tuples out.
const x = K.placeholder({ shape: [null, 2] });
const y = K.placeholder({ shape: [null, 1] });
const w = K.variable([[0.5], [-0.25]]);
const loss = K.mean(K.square(K.subtract(K.dot(x, w), y)));
const err = K.mean(K.abs(K.subtract(K.dot(x, w), y)));
const f = K.function([x, y], [loss, err]);
export const pair: [NDArray, NDArray] = f([[[1, 2]], [[1]]]);
const [l, e] = f([[[1, 2]], [[1]]]);
export const numbers: number[] = [l.item(), e.item()];
// @ts-expect-error two inputs, one value given
f([[[1, 2]]]);
// @ts-expect-error a string is not a value to feed
f(['a', [[1]]]);
// @ts-expect-error two outputs: there is no third
export const [, , third] = f([[[1, 2]], [[1]]]);
// One output tensor (not in a list) gives a one-element tuple.
export const single: [NDArray] = K.function([x, y], loss)([[[1, 2]], [[1]]]);
// A list built at run time gives a list.
const outs: KTensor[] = [loss, err];
export const many: NDArray[] = K.function([x, y], outs)([[[1, 2]], [[1]]]);

// gradients: one per variable, in the form given.
const b = K.variable([0.1]);
const [gw, gb] = K.gradients(loss, [w, b], { unconnected: 'zero' });
export const step = K.function([x, y], [loss], [K.update(w, K.subtract(w, K.multiply(gw, 0.1))), K.update(b, K.subtract(b, K.multiply(gb, 0.1)))]);
const [maybe] = K.gradients(loss, [w]);
// @ts-expect-error by default an unconnected variable's gradient is null, as in Keras
K.multiply(maybe, 0.1);
export const checked: KTensor | null = maybe;
// @ts-expect-error one variable, one gradient
export const [, none] = K.gradients(loss, [w], { unconnected: 'zero' });
// @ts-expect-error 'unconnected' is 'none' or 'zero'
K.gradients(loss, [w], { unconnected: 'skip' });

// The result's form follows `variables`, checked as exact types (not only assignability):
// a tuple of n variables gives a tuple of n gradients, one tensor a one-element tuple,
// an array built at run time an array; `KTensor | null` by default (Keras's None for a
// variable the loss does not depend on), `KTensor` with { unconnected: 'zero' }.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const yes = <T extends true>(): T | undefined => undefined;
const c = K.variable([[1, 2]]);
const vars: KTensor[] = [w, b];
yes<Same<ReturnType<typeof gradsOf3>, [KTensor | null, KTensor | null, KTensor | null]>>();
yes<Same<ReturnType<typeof zerosOf3>, [KTensor, KTensor, KTensor]>>();
yes<Same<ReturnType<typeof gradsOfOne>, [KTensor | null]>>();
yes<Same<ReturnType<typeof zerosOfOne>, [KTensor]>>();
yes<Same<ReturnType<typeof gradsOfList>, (KTensor | null)[]>>();
yes<Same<ReturnType<typeof zerosOfList>, KTensor[]>>();
yes<Same<ReturnType<typeof gradsExplicitNone>, [KTensor | null, KTensor | null]>>();
// @ts-expect-error the check itself fails on a wrong length
yes<Same<ReturnType<typeof zerosOf3>, [KTensor, KTensor]>>();
// @ts-expect-error ... and on a missing null
yes<Same<ReturnType<typeof gradsOf3>, [KTensor, KTensor, KTensor]>>();
function gradsOf3() { return K.gradients(loss, [w, b, c]); }
function zerosOf3() { return K.gradients(loss, [w, b, c], { unconnected: 'zero' }); }
function gradsOfOne() { return K.gradients(loss, w); }
function zerosOfOne() { return K.gradients(loss, w, { unconnected: 'zero' }); }
function gradsOfList() { return K.gradients(loss, vars); }
function zerosOfList() { return K.gradients(loss, vars, { unconnected: 'zero' }); }
function gradsExplicitNone() { return K.gradients(loss, [w, b], { unconnected: 'none' }); }
// @ts-expect-error two variables give two gradients: not three
export const three: [KTensor, KTensor, KTensor] = K.gradients(loss, [w, b], { unconnected: 'zero' });
// @ts-expect-error by default each may be null: not assignable to tensors
export const notNull: [KTensor, KTensor] = K.gradients(loss, [w, b]);
// @ts-expect-error a loss is a tensor, not a value to convert
K.gradients([1, 2], [w]);
// @ts-expect-error variables are tensors
K.gradients(loss, [[1, 2]]);
