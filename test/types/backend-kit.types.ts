/**
 * Compile-time tests of the backend author's kit (checked by `npm run typecheck` and
 * by the build, so `npm test` fails on them; never run): kernels of primitives with the same attributes are
 * one type, kernels of primitives with other attributes are not, and a kernel table
 * missing a primitive does not compile. Each `@ts-expect-error` line must fail to
 * type-check, or the directive itself is an error.
 */
import {
  Backend,
  createReferenceBackend,
  Kernel,
  KernelOf,
  KernelTable,
  PrimitiveAttrs,
  REFERENCE_KERNELS,
  RefTensor,
  RefValue,
  ReduceAttrs,
} from '../../src/backends/kit';

declare const neg: Kernel<RefTensor, 'neg'>;
declare const sum: Kernel<RefTensor, 'reduceSum'>;

// Same attributes (none): one type.
export const abs: Kernel<RefTensor, 'abs'> = neg;
export const exp: Kernel<RefTensor, 'exp'> = REFERENCE_KERNELS.sqrt;
export const max: Kernel<RefTensor, 'reduceMax'> = sum;
// One helper, typed once, fills every slot with those attributes.
export const unary: KernelOf<RefTensor, PrimitiveAttrs['neg']> = neg;
export const sin: Kernel<RefTensor, 'sin'> = unary;
export const reduceHelper: KernelOf<RefTensor, ReduceAttrs> = REFERENCE_KERNELS.reduceProd;

// Other attributes: not the same type.
// @ts-expect-error a unary kernel takes no attributes; a reduction needs its axes
export const wrongReduce: Kernel<RefTensor, 'reduceSum'> = neg;
// @ts-expect-error cast's attributes ({ dtype }) are not matMul's
export const wrongMatMul: Kernel<RefTensor, 'matMul'> = REFERENCE_KERNELS.cast;

// A kernel reads its own attributes, typed.
export const transposeAxes: Kernel<RefTensor, 'transpose'> = (inputs, attrs, out) => {
  const perm: readonly number[] = attrs.perm;
  // @ts-expect-error transpose has no 'axes' attribute
  void attrs.axes;
  return REFERENCE_KERNELS.transpose(inputs, { perm }, out);
};

// A table must have every primitive.
const { neg: _dropped, ...withoutNeg } = REFERENCE_KERNELS;
void _dropped;
// @ts-expect-error 'neg' is missing
export const incomplete: KernelTable<RefTensor> = withoutNeg;

// Wrapping the reference backend: same tensor type (RefValue: number tensors or int64 ones), one kernel replaced.
export function withLoggingExp(): Backend<RefValue> {
  const ref = createReferenceBackend();
  const kernels: KernelTable<RefValue> = { ...ref.kernels, exp: (inputs, attrs, out) => ref.kernels.exp(inputs, attrs, out) };
  return { ...ref, name: 'logged', kernels };
}
