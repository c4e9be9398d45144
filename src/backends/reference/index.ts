/**
 * The `reference` backend: every primitive in plain TypeScript over typed
 * arrays. No engine, no start-up, no native memory: `dispose` does nothing and
 * graphs run through the default interpreter (there is no `compile`).
 */
import type { Backend } from '../backend';
import { DType, HostArray, hostArrayFor, sizeOf } from '../types';
import { formatShape } from '../../format';
import { REFERENCE_KERNELS } from './kernels';
import { REFERENCE_COMPOSITES } from './conv';
import { RefTensor } from './tensor';

export type { RefTensor } from './tensor';

const DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'float64', 'int32', 'bool']);

/** A host copy of `data` in `dtype`'s layout (converting if another layout was passed; bool as 0/1). */
function copyHost(data: HostArray, dtype: DType): HostArray {
  const out = hostArrayFor(dtype, data.length);
  if (dtype === 'bool') {
    for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
  } else {
    out.set(data);
  }
  return out;
}

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
      const same = dtype === 'bool' ? false : data instanceof hostArrayFor(dtype, 0).constructor;
      if (!same) return this.fromHost(data, shape, dtype);
      if (data.length !== sizeOf(shape)) {
        throw new Error(`reference backend: ${data.length} elements do not fill shape [${formatShape(shape)}]`);
      }
      return { data, shape: shape.slice(), dtype };
    },
    toHost(x: RefTensor): HostArray {
      return x.data.slice();
    },
    shapeOf(x: RefTensor): number[] {
      return x.shape.slice();
    },
    dispose(): void {
      // Garbage-collected host memory: nothing to free.
    },
    kernels: REFERENCE_KERNELS,
    composites: REFERENCE_COMPOSITES,
  };
}
