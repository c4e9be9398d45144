/**
 * The `reference` backend: every primitive in plain TypeScript over typed
 * arrays. No engine, no start-up, no native memory: `dispose` does nothing and
 * graphs run through the default interpreter (there is no `compile`).
 */
import type { Backend } from '../backend';
import { DType, DTYPE_INFO, DTYPES as ALL_DTYPES, float16Bits, float16Value, HostArray, roundToFloat16, sizeOf } from '../types';
import { formatShape } from '../../format';
import { REFERENCE_KERNELS } from './kernels';
import { REFERENCE_COMPOSITES } from './conv';
import { REFERENCE_SOFTMAX } from './softmax';
import { RefTensor, roundFloat16Output, storageFor } from './tensor';

export type { RefTensor } from './tensor';

/** Every dtype with a host layout (all but int64). */
const DTYPES: ReadonlySet<DType> = new Set<DType>(ALL_DTYPES.filter((d) => DTYPE_INFO[d].host !== null));

/**
 * A copy of host `data` in the backend's storage for `dtype` (see `storageFor`):
 * float16 bit patterns are decoded to float32 values, bool becomes 0/1, and data
 * of another layout is converted by assignment.
 */
function copyHost(data: HostArray, dtype: DType): HostArray {
  const out = storageFor(dtype, data.length);
  if (dtype === 'bool') {
    for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
  } else if (dtype === 'float16') {
    if (data instanceof Uint16Array) for (let i = 0; i < data.length; i++) out[i] = float16Value(data[i]);
    else for (let i = 0; i < data.length; i++) out[i] = roundToFloat16(data[i]);
  } else {
    out.set(data);
  }
  return out;
}

/** Whether kernels may read `data` as `dtype`'s storage without a copy. */
function isStorageOf(data: HostArray, dtype: DType): boolean {
  if (dtype === 'bool' || dtype === 'float16') return false;
  const ctor = DTYPE_INFO[dtype].host;
  return ctor !== null && data instanceof ctor;
}

/** The host layout of a tensor's storage: float16 values become their bit patterns. */
function hostOf(x: RefTensor): HostArray {
  if (x.dtype !== 'float16') return x.data.slice();
  const out = new Uint16Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = float16Bits(x.data[i]);
  return out;
}

/**
 * `table` with every kernel's float16 output rounded to half precision (kernels
 * compute float16 in float32 storage; see `storageFor`).
 */
function roundingFloat16<K extends object>(table: K): K {
  const out: Record<string, unknown> = {};
  for (const [name, kernel] of Object.entries(table) as [string, (...a: unknown[]) => RefTensor][]) {
    out[name] = (...args: unknown[]): RefTensor => roundFloat16Output(kernel(...args));
  }
  return out as K;
}

const KERNELS = roundingFloat16(REFERENCE_KERNELS);
const COMPOSITES = roundingFloat16({ ...REFERENCE_COMPOSITES, ...REFERENCE_SOFTMAX });

/** Makes the pure-TypeScript reference backend. */
export function createReferenceBackend(): Backend<RefTensor> {
  return {
    name: 'reference',
    dtypes: DTYPES,
    fromHost(data: HostArray, shape: readonly number[], dtype: DType): RefTensor {
      if (!DTYPES.has(dtype)) throw new Error(`reference backend: dtype ${dtype} is not supported`);
      if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new Error(`reference backend: bad shape [${formatShape(shape)}]`);
      if (data.length !== sizeOf(shape)) {
        throw new Error(`reference backend: ${data.length} elements do not fill shape [${formatShape(shape)}]`);
      }
      return { data: copyHost(data, dtype), shape: shape.slice(), dtype };
    },
    borrowHost(data: HostArray, shape: readonly number[], dtype: DType): RefTensor {
      // Kernels never write their inputs, so data already in dtype's layout is used as it is.
      if (!isStorageOf(data, dtype)) return this.fromHost(data, shape, dtype);
      if (data.length !== sizeOf(shape)) {
        throw new Error(`reference backend: ${data.length} elements do not fill shape [${formatShape(shape)}]`);
      }
      return { data, shape: shape.slice(), dtype };
    },
    toHost(x: RefTensor): HostArray {
      return hostOf(x);
    },
    shapeOf(x: RefTensor): number[] {
      return x.shape.slice();
    },
    dispose(): void {
      // Garbage-collected host memory: nothing to free.
    },
    kernels: KERNELS,
    composites: COMPOSITES,
  };
}
