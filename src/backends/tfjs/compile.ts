/**
 * Whole-graph execution on tfjs: the default interpreter run inside one
 * `tf.tidy`, so that every intermediate tensor is freed when the run ends and
 * only the returned outputs and update values survive. Feeds, variables and
 * constants are made outside the tidy and so are never disposed by it.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Backend } from '../backend';
import { interpretGraph } from '../interpret';
import type { CompiledGraph, Graph, GraphResult } from '../types';
import { tf } from './engine';

/** Compiles `graph` for `backend` (the tfjs backend): one tidy per run. */
export function compileGraph(backend: Backend<Tensor>, graph: Graph<Tensor>): CompiledGraph<Tensor> {
  const interpreted = interpretGraph(backend, graph);
  return {
    run(feeds: readonly Tensor[], variables: readonly Tensor[]): GraphResult<Tensor> {
      return tf.tidy(() => {
        const { outputs, updates } = interpreted.run(feeds, variables);
        // Returned from the tidy, so kept; plain arrays, so the caller may take them apart.
        return { outputs, updates };
      });
    },
  };
}
