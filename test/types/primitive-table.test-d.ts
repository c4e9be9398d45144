/**
 * Type-level proof, checked by `npm run typecheck` and by the build (`npm test`), never run: every table over
 * the primitives is a mapped type over the primitive names, so declaring a new
 * primitive without its definition (arity, shape and dtype rule), its gradient
 * rule, or a kernel in any built-in adapter does not compile.
 *
 * `WithScale` is the attributes map as it would read with one more primitive,
 * `scale`, declared. Each `@ts-expect-error` line assigns a real table to the
 * type it would need: the error is the missing `scale` entry. The lines without
 * the marker show that adding exactly that entry is enough.
 */
import type { Tensor as TfTensor } from '@tensorflow/tfjs-core';
import type * as ort from 'onnxruntime-node';
import { GRADIENT_RULES, GradientRules } from '../../src/api/grad-rules';
import { mul, scalar } from '../../src/api/primitives';
import { KernelTable, PRIMITIVE_DEFS, PrimitiveAttrs, PrimitiveDef, PrimitiveDefs, PrimitiveApplication } from '../../src/backends/types';
import { ONNX_KERNELS } from '../../src/backends/onnx';
import { LOWERINGS, LoweringTable } from '../../src/backends/onnx/lower';
import { REFERENCE_KERNELS } from '../../src/backends/reference/kernels';
import type { RefTensor } from '../../src/backends/reference';
import { TFJS_KERNELS } from '../../src/backends/tfjs/kernels';

type ScaleAttrs = { readonly factor: number };
type WithScale = PrimitiveAttrs & { readonly scale: ScaleAttrs };

/* Missing entries: each real table, once `scale` is declared. */

// @ts-expect-error no definition (arity, shape and dtype rule) for 'scale'
export const defsMissing: PrimitiveDefs<WithScale> = PRIMITIVE_DEFS;
// @ts-expect-error no gradient rule for 'scale'
export const gradsMissing: GradientRules<WithScale> = GRADIENT_RULES;
// @ts-expect-error the reference backend has no kernel for 'scale'
export const referenceMissing: KernelTable<RefTensor, WithScale> = REFERENCE_KERNELS;
// @ts-expect-error the tfjs backend has no kernel for 'scale'
export const tfjsMissing: KernelTable<TfTensor, WithScale> = TFJS_KERNELS;
// @ts-expect-error the onnx backend has no lowering for 'scale' (its eager kernels are derived from the lowerings)
export const loweringMissing: LoweringTable<WithScale> = LOWERINGS;
// @ts-expect-error the onnx backend has no kernel for 'scale'
export const onnxMissing: KernelTable<ort.Tensor, WithScale> = ONNX_KERNELS;

/* A definition needs its shape rule, typed with the primitive's attributes. */

// @ts-expect-error a definition without a shape rule
export const noShapeRule: PrimitiveDef<ScaleAttrs> = { arity: 1 };
// @ts-expect-error a shape rule reading attributes 'scale' does not have
export const wrongAttrs: PrimitiveDef<ScaleAttrs> = { arity: 1, infer: ([x], a: { readonly axis: number }) => ({ ...x, shape: x.shape.slice(a.axis) }) };
// @ts-expect-error a gradient rule reading attributes 'scale' does not have
export const wrongGradAttrs: GradientRules<WithScale>['scale'] = ([x], a: { readonly axis: number }, _y, g) => [a.axis === 0 ? g : x];

/* Adding exactly the missing entry is enough. */

const scaleDef: PrimitiveDef<ScaleAttrs> = { arity: 1, infer: ([x]) => x };
export const defsComplete: PrimitiveDefs<WithScale> = { ...PRIMITIVE_DEFS, scale: scaleDef };
export const gradsComplete: GradientRules<WithScale> = {
  ...GRADIENT_RULES,
  scale: ([x], a, _y, g) => [mul(g, scalar(a.factor, x.dtype))],
};
export const referenceComplete: KernelTable<RefTensor, WithScale> = { ...REFERENCE_KERNELS, scale: ([x]) => x };

/* Applications are typed by the primitive: attributes of another primitive do not fit. */

export const application: PrimitiveApplication<number> = { kind: 'op', op: 'cumsum', attrs: { axis: 0, exclusive: false, reverse: false }, inputs: [0] };
// @ts-expect-error cumsum's attributes are { axis, exclusive, reverse }
export const wrongApplication: PrimitiveApplication<number> = { kind: 'op', op: 'cumsum', attrs: { axis: 0 }, inputs: [0] };
