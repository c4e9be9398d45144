/**
 * The 'tfjs' backend: TensorFlow.js (tfjs-core) on its wasm engine (the
 * threaded SIMD binary, one thread per core; see wasm-threads.ts), computing in
 * float32, int32 and bool.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Backend } from '../backend';
import type { CompiledGraph, Graph } from '../types';
import { compileGraph } from './compile';
import { TFJS_DTYPES } from './dtypes';
import { startEngine } from './engine';
import { tfjsThreadsFor } from './thread-count';
import { dispose, fromHost, maxTensorBytes, shapeOf, toHost } from './host';
import { TFJS_INTEROP } from './interop';
import { TFJS_KERNELS } from './kernels';
import { TFJS_COMPOSITES, tfjsAcceptsComposite } from './conv';
import { TFJS_RESIZE } from './resize';
import { assign, createVariable } from './variables';

/** The native tensor of this backend: tfjs-core's Tensor (a tf.Variable for variables). */
export type { Tensor } from '@tensorflow/tfjs-core';

/** How the tfjs backend starts its wasm engine (keras.json's `tfjs` object). */
export interface TfjsEngineConfig {
  /** Threads for wasm's XNNPACK kernels: 0 one per core (at most 8), 1 the single-threaded binary. */
  readonly threads: number;
}

/**
 * Makes the tfjs backend. Its `init()` loads tfjs-backend-wasm from the
 * installed package and makes 'wasm' tfjs's active backend (threaded as
 * `config` asks); await it (via `ready()`) before any other call. tfjs's engine
 * is process-wide: backends made by several calls share it, started by the first.
 */
export function createTfjsBackend(config: TfjsEngineConfig = { threads: 0 }): Backend<Tensor> {
  const backend: Backend<Tensor> = {
    name: 'tfjs',
    dtypes: TFJS_DTYPES,
    init: () => startEngine(tfjsThreadsFor(config.threads)),
    fromHost,
    toHost,
    shapeOf,
    dispose,
    kernels: TFJS_KERNELS,
    composites: { ...TFJS_COMPOSITES, ...TFJS_RESIZE },
    acceptsComposite: tfjsAcceptsComposite,
    compile: (graph: Graph<Tensor>): CompiledGraph<Tensor> => compileGraph(backend, graph),
    createVariable,
    assign,
    interop: TFJS_INTEROP,
    maxTensorBytes,
  };
  return backend;
}
