/**
 * The `reference` backend: every primitive in plain TypeScript over typed
 * arrays. No engine, no start-up, no native memory: `dispose` only lets a large
 * tensor's storage be recycled (recycle.ts), and graphs run through the default
 * interpreter (`compile` only holds the graph's constants).
 */
import type { Backend } from '../backend';
import { interpretGraph } from '../interpret';
import { CompiledGraph, CompositeKernelTable, Graph, DType, DTYPE_INFO, DTYPES as ALL_DTYPES, float16Bits, float16Value, HostArray, HostData, roundToFloat16, sizeOf } from '../types';
import { formatShape } from '../../format';
import { REFERENCE_KERNELS } from './kernels';
import { REFERENCE_COMPOSITES } from './conv';
import { REFERENCE_SOFTMAX } from './softmax';
import { REFERENCE_LOGSUMEXP } from './logsumexp';
import { REFERENCE_BATCH_NORM } from './batchnorm';
import { REFERENCE_RESIZE } from './resize';
import { REFERENCE_RELU_GRAD } from './relu-grad';
import { isInt64, RefInt64Tensor, RefValue, withInt64 } from './int64';
import { roundFloat16Output, storageFor } from './tensor';
import { hold, release } from './recycle';

export type { RefTensor } from './tensor';
export type { RefInt64Tensor, RefValue } from './int64';

/** Every dtype (int64 held as a BigInt64Array: int64.ts). */
const DTYPES: ReadonlySet<DType> = new Set<DType>(ALL_DTYPES);

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
function hostOf(x: RefValue): HostData {
  if (x.dtype !== 'float16') return x.data.slice();
  const out = new Uint16Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = float16Bits(x.data[i]);
  return out;
}

/**
 * `table` with every kernel's float16 output rounded to half precision (kernels
 * compute float16 in float32 storage; see `storageFor`), and every output counted
 * as a live user of its storage (`hold`: recycle.ts).
 */
function backendTable<K extends object>(table: K): K {
  const out: Record<string, unknown> = {};
  for (const [name, kernel] of Object.entries(table) as [string, (...a: unknown[]) => RefValue][]) {
    out[name] = (...args: unknown[]): RefValue => {
      const r = kernel(...args);
      return hold(isInt64(r) ? r : roundFloat16Output(r));
    };
  }
  return out as K;
}

const KERNELS = backendTable(withInt64(REFERENCE_KERNELS));
// Composite kernels take number tensors: with an int64 input src/api runs the decomposition (acceptsComposite).
const COMPOSITES = backendTable({
  ...REFERENCE_COMPOSITES,
  ...REFERENCE_SOFTMAX,
  ...REFERENCE_LOGSUMEXP,
  ...REFERENCE_BATCH_NORM,
  ...REFERENCE_RESIZE,
  ...REFERENCE_RELU_GRAD,
}) as unknown as CompositeKernelTable<RefValue>;

/** A tensor over host data of `dtype` (int64: a BigInt64Array), its data copied or not. */
function tensorOf(data: HostData, shape: readonly number[], dtype: DType, copy: boolean): RefValue {
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new Error(`reference backend: bad shape [${formatShape(shape)}]`);
  if (data.length !== sizeOf(shape)) {
    throw new Error(`reference backend: ${data.length} elements do not fill shape [${formatShape(shape)}]`);
  }
  if (dtype === 'int64' || data instanceof BigInt64Array) {
    if (!(data instanceof BigInt64Array) || dtype !== 'int64') throw new Error(`reference backend: ${dtype} data must be ${dtype === 'int64' ? 'a BigInt64Array' : 'numbers'}`);
    const t: RefInt64Tensor = { data: copy ? data.slice() : data, shape: shape.slice(), dtype };
    return t;
  }
  // Kernels never write their inputs, so data already in dtype's layout may be used as it is.
  return { data: !copy && isStorageOf(data, dtype) ? data : copyHost(data, dtype), shape: shape.slice(), dtype };
}

/**
 * `graph` run by the default interpreter, its constants held as live users of
 * their storage while it is compiled (recycle.ts): a constant the program
 * disposes (K.dispose) keeps its storage for the graph, which still runs, as on
 * the other backends.
 */
function compileGraph(backend: Backend<RefValue>, graph: Graph<RefValue>): CompiledGraph<RefValue> {
  const held: RefValue[] = [];
  const nodes = graph.nodes.map((node) => {
    if (node.kind !== 'constant') return node;
    const value = hold({ ...node.value } as RefValue); // its own tensor over the same storage
    held.push(value);
    return { ...node, value };
  });
  const run = interpretGraph(backend, { ...graph, nodes });
  return {
    run: (feeds, variables) => run.run(feeds, variables),
    dispose(): void {
      for (const v of held.splice(0)) release(v);
    },
  };
}

/** Makes the pure-TypeScript reference backend. */
export function createReferenceBackend(): Backend<RefValue> {
  return {
    name: 'reference',
    dtypes: DTYPES,
    fromHost(data: HostData, shape: readonly number[], dtype: DType): RefValue {
      if (!DTYPES.has(dtype)) throw new Error(`reference backend: dtype ${dtype} is not supported`);
      return hold(tensorOf(data, shape, dtype, true));
    },
    borrowHost(data: HostData, shape: readonly number[], dtype: DType): RefValue {
      return hold(tensorOf(data, shape, dtype, false));
    },
    toHost(x: RefValue): HostData {
      return hostOf(x);
    },
    shapeOf(x: RefValue): number[] {
      return x.shape.slice();
    },
    dispose(x: RefValue): void {
      // Host memory: a large tensor's storage is recycled once no live tensor uses it (recycle.ts).
      release(x);
    },
    kernels: KERNELS,
    composites: COMPOSITES,
    acceptsComposite: (_op, _attrs, inputs) => inputs.every((i) => i.dtype !== 'int64'),
    // `this`, not this object: a backend made by spreading this one ({ ...reference, kernels }) runs its own kernels.
    compile(this: Backend<RefValue>, graph: Graph<RefValue>): CompiledGraph<RefValue> {
      return compileGraph(this, graph);
    },
  };
}
