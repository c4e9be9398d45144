/**
 * The `onnx` backend: ONNX Runtime (onnxruntime-node, CPU) through its synchronous
 * native binding. Eager kernels run small cached sessions (eager.ts); `compile`
 * turns a whole graph into one model and one session (compile.ts).
 */
import * as ort from 'onnxruntime-node';
import type { Backend } from '../backend';
import type { DType, HostArray, Kernel, KernelTable, PrimitiveName } from '../types';
import { compileGraph, DEFAULT_SESSION_CONFIG, OnnxSessionConfig } from './compile';
import { runEager } from './eager';
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

function eagerKernel<P extends PrimitiveName>(op: P): Kernel<ort.Tensor, P> {
  return (inputs, attrs, out) => runEager(op, attrs, inputs, out);
}

/** One eager kernel per primitive; listed by hand so that a missing one fails to type-check. */
const KERNELS: KernelTable<ort.Tensor> = {
  neg: eagerKernel('neg'),
  abs: eagerKernel('abs'),
  sign: eagerKernel('sign'),
  sqrt: eagerKernel('sqrt'),
  exp: eagerKernel('exp'),
  log: eagerKernel('log'),
  tanh: eagerKernel('tanh'),
  sigmoid: eagerKernel('sigmoid'),
  relu: eagerKernel('relu'),
  sin: eagerKernel('sin'),
  cos: eagerKernel('cos'),
  round: eagerKernel('round'),
  floor: eagerKernel('floor'),
  ceil: eagerKernel('ceil'),
  logicalNot: eagerKernel('logicalNot'),
  add: eagerKernel('add'),
  sub: eagerKernel('sub'),
  mul: eagerKernel('mul'),
  div: eagerKernel('div'),
  pow: eagerKernel('pow'),
  maximum: eagerKernel('maximum'),
  minimum: eagerKernel('minimum'),
  equal: eagerKernel('equal'),
  notEqual: eagerKernel('notEqual'),
  greater: eagerKernel('greater'),
  greaterEqual: eagerKernel('greaterEqual'),
  less: eagerKernel('less'),
  lessEqual: eagerKernel('lessEqual'),
  logicalAnd: eagerKernel('logicalAnd'),
  logicalOr: eagerKernel('logicalOr'),
  reduceSum: eagerKernel('reduceSum'),
  reduceMax: eagerKernel('reduceMax'),
  reduceMin: eagerKernel('reduceMin'),
  reduceProd: eagerKernel('reduceProd'),
  reduceAny: eagerKernel('reduceAny'),
  reduceAll: eagerKernel('reduceAll'),
  identity: eagerKernel('identity'),
  cast: eagerKernel('cast'),
  where: eagerKernel('where'),
  argMax: eagerKernel('argMax'),
  argMin: eagerKernel('argMin'),
  cumsum: eagerKernel('cumsum'),
  cumprod: eagerKernel('cumprod'),
  matMul: eagerKernel('matMul'),
  reshape: eagerKernel('reshape'),
  transpose: eagerKernel('transpose'),
  slice: eagerKernel('slice'),
  concat: eagerKernel('concat'),
  concatPart: eagerKernel('concatPart'),
  pad: eagerKernel('pad'),
  tile: eagerKernel('tile'),
  reverse: eagerKernel('reverse'),
  gather: eagerKernel('gather'),
  scatterAdd: eagerKernel('scatterAdd'),
  broadcastTo: eagerKernel('broadcastTo'),
  broadcastLike: eagerKernel('broadcastLike'),
  sumLike: eagerKernel('sumLike'),
  shapeOf: eagerKernel('shapeOf'),
  expandDims: eagerKernel('expandDims'),
  reshapeLike: eagerKernel('reshapeLike'),
};

/**
 * Creates the `onnx` backend (dtypes float32, float64, int32, bool); `config` says
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
    fromHost(data: HostArray, shape: readonly number[], dtype: DType): ort.Tensor {
      return tensorFromHost(data, shape, dtype);
    },
    toHost(x: ort.Tensor): HostArray {
      return tensorToHost(x);
    },
    borrowHost(data: HostArray, shape: readonly number[], dtype: DType): ort.Tensor {
      return tensorOverHost(data, shape, dtype);
    },
    takeHost(x: ort.Tensor): HostArray {
      return tensorTakeHost(x);
    },
    shapeOf(x: ort.Tensor): number[] {
      return [...x.dims];
    },
    dispose(x: ort.Tensor): void {
      x.dispose();
    },
    kernels: KERNELS,
    compile: (graph) => compileGraph(graph, config),
  };
}
