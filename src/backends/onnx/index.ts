/**
 * The `onnx` backend: ONNX Runtime (onnxruntime-node, CPU) through its synchronous
 * native binding. Eager kernels run small cached sessions (eager.ts); `compile`
 * turns a whole graph into one model and one session (compile.ts).
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import type { Backend } from '../backend';
import type { CompositeKernelTable, DType, HostData, Kernel, KernelTable, OutputInfo, PrimitiveAttrs, PrimitiveName } from '../types';
import { COMPOSITES } from '../types';
import { compileGraph, DEFAULT_SESSION_CONFIG, OnnxSessionConfig } from './compile';
import { runEager, runEagerComposite } from './eager';
import { LOWERINGS, LoweringTable } from './lower';
import { onnxAcceptsComposite } from './lower-composites';
import { initOrtBinding, ortStats } from './ort-binding';
import { ONNX_BACKEND_DTYPES, tensorFromHost, tensorOverHost, tensorTakeHost, tensorToHost } from './tensors';

export { ONNX_OPSET } from './model';
export { PINNED_ORT_VERSION } from './ort-binding';
export { clearEagerCache, eagerCacheSize, EAGER_CACHE_LIMIT } from './eager';
export { lowerGraph, threadedSessionCount, DEFAULT_SESSION_CONFIG } from './compile';
export type { OnnxSessionConfig } from './compile';
export { exportOnnxModel } from './export';

/** Number of ONNX Runtime sessions created in this process so far (eager and compiled). */
export function onnxSessionCount(): number {
  return ortStats().sessionsCreated;
}

/** Number of ONNX Runtime session runs made in this process so far (eager and compiled). */
export function onnxRunCount(): number {
  return ortStats().runs;
}

/**
 * The eager kernels, derived from the lowering table: each runs its primitive's
 * lowered nodes in a cached session (eager.ts). A primitive has a kernel exactly
 * when it has a lowering, and the lowering table is complete by its type.
 */
function eagerKernels(lowerings: LoweringTable<PrimitiveAttrs>): KernelTable<ort.Tensor> {
  const table: Partial<Record<PrimitiveName, Kernel<ort.Tensor, PrimitiveName>>> = {};
  for (const op of Object.keys(lowerings) as PrimitiveName[]) table[op] = (inputs, attrs, out) => runEager(op, attrs, inputs, out);
  return table as KernelTable<ort.Tensor>;
}

/** The onnx backend's kernel table. */
export const ONNX_KERNELS: KernelTable<ort.Tensor> = eagerKernels(LOWERINGS);

/** Every composite runs on ONNX's own operators (lower-composites.ts). */
const COMPOSITE_KERNELS: CompositeKernelTable<ort.Tensor> = Object.fromEntries(
  COMPOSITES.map((op) => [op, (inputs: readonly ort.Tensor[], attrs: never, out: OutputInfo) => runEagerComposite(op, attrs, inputs, out)]),
);

/**
 * Creates the `onnx` backend (every dtype but int64; see tensors.ts); `config` says
 * how compiled graphs make their sessions (keras.json's `onnx` object). `init()` loads
 * and initialises ONNX Runtime and pays the first session's start-up cost; after
 * it every call is synchronous.
 */
export function createOnnxBackend(config: OnnxSessionConfig = DEFAULT_SESSION_CONFIG): Backend<ort.Tensor> {
  return {
    name: 'onnx',
    dtypes: ONNX_BACKEND_DTYPES,
    async init(): Promise<void> {
      initOrtBinding();
      // The first session in a process costs tens of ms: pay it here, not in the first kernel.
      const warm = new ort.Tensor('float32', new Float32Array(1), []);
      runEager('identity', {}, [warm], { dtype: 'float32', shape: [] });
    },
    fromHost(data: HostData, shape: readonly number[], dtype: DType): ort.Tensor {
      return tensorFromHost(data, shape, dtype);
    },
    toHost(x: ort.Tensor): HostData {
      return tensorToHost(x);
    },
    borrowHost(data: HostData, shape: readonly number[], dtype: DType): ort.Tensor {
      return tensorOverHost(data, shape, dtype);
    },
    takeHost(x: ort.Tensor): HostData {
      return tensorTakeHost(x);
    },
    shapeOf(x: ort.Tensor): number[] {
      return [...x.dims];
    },
    dispose(x: ort.Tensor): void {
      x.dispose();
    },
    kernels: ONNX_KERNELS,
    composites: COMPOSITE_KERNELS,
    acceptsComposite: onnxAcceptsComposite,
    compile: (graph) => compileGraph(graph, config),
  };
}
