/**
 * `keras-backend-ts/backend`: what a backend author builds on. The `Backend`
 * interface and the kernel types, the primitives (names, attributes, what each
 * computes: see the TSDoc of `PrimitiveAttrs`), the graph types handed to
 * `compile`, the default graph interpreter, the reference backend and its kernels
 * (to wrap or extend), and the error classes a backend raises.
 *
 * ```ts
 * import { Backend, KernelTable, REFERENCE_KERNELS, registerBackend } from 'keras-backend-ts/backend';
 * ```
 * docs/writing-a-backend.md walks through a complete backend (examples/backend-float32).
 */
export type { Backend, BackendFactory, DeclaredLacks } from './backend';
export { checkBackend, registerBackend, registeredBackends } from './backend';
export * from './types';
export { interpretGraph, runKernel } from './interpret';
export { createReferenceBackend } from './reference';
export type { RefTensor, RefInt64Tensor, RefValue } from './reference';
export { REFERENCE_KERNELS } from './reference/kernels';
export {
  ConfigError,
  KerasError,
  KerasRuntimeError,
  KerasShapeError,
  KerasTypeError,
  KerasValueError,
  UnsupportedError,
} from '../errors';
