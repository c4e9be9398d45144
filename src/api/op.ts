/**
 * Applying a primitive: shape and dtype inference, then either running it at
 * once (all inputs constant: eager) or recording an op node (lazy).
 */
import { DType, isIntDType, PrimitiveAttrs, PrimitiveName } from '../backends/types';
import { KerasTypeError } from '../errors';
import { activeBackend, fromHostChecked, onEngine } from './engine';
import { inferPrimitive } from './infer';
import { checkBackendDType, constantTensor, constantValue, KTensor } from './tensor';
import { floatx } from '../config';
import { toHostValue, isTensorLike } from './values';
import { runKernel } from '../backends/interpret';
import type { OpNode } from '../backends/types';

/** Applies primitive `op`; eager when every input is a constant, lazy otherwise. */
export function applyOp<P extends PrimitiveName>(
  op: P,
  inputs: readonly KTensor[],
  attrs: PrimitiveAttrs[P],
  options: { noGrad?: boolean } = {},
): KTensor {
  const info = inferPrimitive(op, inputs, attrs);
  const backend = activeBackend();
  for (const t of inputs) checkBackendDType(backend, t.dtype);
  checkBackendDType(backend, info.dtype);
  if (inputs.every((t) => t.node.kind === 'constant')) {
    const natives = inputs.map((t) => constantValue(t, backend));
    const node = { kind: 'op', op, attrs, inputs: [], shape: info.shape, dtype: info.dtype } as unknown as OpNode;
    const out = onEngine(op, backend, () => runKernel(backend, node, natives));
    return constantTensor(backend, out, backend.shapeOf(out), info.dtype);
  }
  return new KTensor(
    { kind: 'op', op, attrs, inputs, noGrad: options.noGrad ?? false } as KTensor['node'],
    info.shape,
    info.dtype,
  );
}

/** Makes a constant tensor on the active backend from a host value. */
export function constantFrom(value: unknown, fn: string, arg: string, dtype?: DType, name?: string): KTensor {
  const host = toHostValue(value, fn, arg, dtype, floatx());
  const backend = activeBackend();
  checkBackendDType(backend, host.dtype);
  const native = fromHostChecked(fn, backend, host.data.length, host.data.byteLength, host.dtype, () => backend.fromHost(host.data, host.shape, host.dtype));
  return constantTensor(backend, native, host.shape, host.dtype, name);
}

/**
 * A tensor argument: a KTensor as it is, anything else converted to a constant
 * (numbers take `dtypeHint` when given, else floatx).
 */
export function asTensor(value: unknown, fn: string, arg: string, dtypeHint?: DType): KTensor {
  if (value instanceof KTensor) return value;
  if (!isTensorLike(value)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be a tensor or a tensor-like value, got ${value === null ? 'null' : typeof value}`);
  }
  // Untyped values (numbers, booleans, nested arrays) take the dtype of the tensor
  // they meet, as TensorFlow converts them; typed arrays and NDArrays keep theirs.
  const untyped = typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value);
  if (!untyped || dtypeHint === undefined) return constantFrom(value, fn, arg);
  const host = toHostValue(value, fn, arg, undefined, floatx());
  if (isIntDType(dtypeHint) && host.dtype !== 'bool' && !Array.from(host.data).every(Number.isInteger)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' has values that are not whole numbers, for a ${dtypeHint} tensor (use K.cast)`);
  }
  if (host.dtype === 'bool' && dtypeHint !== 'bool') return constantFrom(host, fn, arg);
  return constantFrom(host, fn, arg, dtypeHint);
}

/** A tensor argument that must already be a KTensor (no conversion). */
export function requireTensor(value: unknown, fn: string, arg: string): KTensor {
  if (!(value instanceof KTensor)) {
    throw new KerasTypeError(`${fn}: argument '${arg}' must be a tensor (KTensor), got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value;
}
