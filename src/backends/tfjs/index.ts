/**
 * The 'tfjs' backend: TensorFlow.js (tfjs-core) on its wasm engine
 * (single-threaded SIMD in Node), computing in float32, int32 and bool.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Backend } from '../backend';
import type { CompiledGraph, Graph } from '../types';
import { compileGraph } from './compile';
import { TFJS_DTYPES } from './dtypes';
import { startEngine } from './engine';
import { dispose, fromHost, maxTensorBytes, shapeOf, toHost } from './host';
import { TFJS_INTEROP } from './interop';
import { TFJS_KERNELS } from './kernels';
import { TFJS_COMPOSITES, tfjsAcceptsComposite } from './conv';
import { TFJS_RESIZE } from './resize';
import { assign, createVariable } from './variables';

/** The native tensor of this backend: tfjs-core's Tensor (a tf.Variable for variables). */
export type { Tensor } from '@tensorflow/tfjs-core';

/**
 * Makes the tfjs backend. Its `init()` loads tfjs-backend-wasm from the
 * installed package and makes 'wasm' tfjs's active backend; await it (via
 * `ready()`) before any other call. tfjs's engine is process-wide: backends made
 * by several calls share it.
 */
export function createTfjsBackend(): Backend<Tensor> {
  const backend: Backend<Tensor> = {
    name: 'tfjs',
    dtypes: TFJS_DTYPES,
    init: startEngine,
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
