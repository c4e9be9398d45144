/**
 * A small backend for keras-backend-ts, written against the public kit
 * (`keras-backend-ts/backend`) only.
 *
 * - Tensors are the reference layout (`RefTensor`: a typed array, its shape, its
 *   dtype), so the reference kernels run on them unchanged: the backend writes its
 *   own kernels where it wants and borrows the rest.
 * - It computes in float32, int32 and bool, and says so in `dtypes`: the library
 *   refuses float64 with an `UnsupportedError` before any kernel runs, and the
 *   conformance report counts those runs as unsupported, not failed.
 * - Its own kernels: the elementwise unary primitives, all made by one helper,
 *   since kernels with the same attributes share one type.
 * - One known failure, marked in conformance.js: `round` rounds halves up.
 */
import {
  Backend,
  DType,
  HostArray,
  hostArrayFor,
  KernelOf,
  KernelTable,
  PrimitiveAttrs,
  REFERENCE_KERNELS,
  RefTensor,
  sizeOf,
} from 'keras-backend-ts/backend';

/** The dtypes this backend computes in. */
export const FLOAT32_DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'int32', 'bool']);

/** A kernel of an elementwise unary primitive (none of them has attributes). */
type UnaryKernel = KernelOf<RefTensor, PrimitiveAttrs['neg']>;

/**
 * The kernel applying `f` to every element. The output array has the output
 * dtype's layout, so float32 results are rounded to float32 and int32 results wrap,
 * as the primitives' contracts say.
 */
function unary(f: (x: number) => number): UnaryKernel {
  return ([x], _attrs, out) => {
    if (x === undefined) throw new Error('float32 example backend: a unary kernel needs one input');
    const data = hostArrayFor(out.dtype, x.data.length);
    for (let i = 0; i < data.length; i++) data[i] = f(x.data[i] as number);
    return { data, shape: x.shape.slice(), dtype: out.dtype };
  };
}

/** Every kernel: the reference ones, with the elementwise unary primitives replaced by ours. */
export const FLOAT32_KERNELS: KernelTable<RefTensor> = {
  ...REFERENCE_KERNELS,
  neg: unary((x) => -x),
  abs: unary(Math.abs),
  sqrt: unary(Math.sqrt),
  exp: unary(Math.exp),
  log: unary(Math.log),
  tanh: unary(Math.tanh),
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  // A known failure, kept to show how one is marked (conformance.js): Math.round
  // rounds halves up (2.5 -> 3, -2.5 -> -2); the primitive rounds them to even.
  round: unary(Math.round),
};

/** A copy of `data` in `dtype`'s layout (bool stored as 0/1). */
function copyAs(data: HostArray, dtype: DType): HostArray {
  const out = hostArrayFor(dtype, data.length);
  if (dtype === 'bool') for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
  else out.set(data);
  return out;
}

/**
 * Makes the backend. keras-backend-ts calls `createBackend()` when keras.json or
 * KERAS_BACKEND names this package; `registerBackend('float32', createBackend)`
 * makes it available under a name of your choice.
 */
export function createBackend(): Backend<RefTensor> {
  return {
    name: 'float32-example',
    dtypes: FLOAT32_DTYPES,
    fromHost(data: HostArray, shape: readonly number[], dtype: DType): RefTensor {
      if (!FLOAT32_DTYPES.has(dtype)) throw new Error(`float32 example backend: dtype ${dtype} is not supported`);
      if (data.length !== sizeOf(shape)) throw new Error(`float32 example backend: ${data.length} elements do not fill shape [${shape.join(', ')}]`);
      return { data: copyAs(data, dtype), shape: shape.slice(), dtype };
    },
    toHost(x: RefTensor): HostArray {
      return x.data.slice();
    },
    shapeOf(x: RefTensor): number[] {
      return x.shape.slice();
    },
    dispose(): void {
      // Host memory, freed by the garbage collector.
    },
    kernels: FLOAT32_KERNELS,
  };
}
