/**
 * Compiled ONNX functions share a bounded number of threads: each ORT session owns
 * its intra-op pool, so only `threadedSessions` live functions get a
 * multi-threaded one; making and dropping many functions keeps the process's
 * thread count bounded (Linux: /proc/self/status).
 */
import * as os from 'os';
import { createOnnxBackend, threadedSessionCount } from '../../src/backends/onnx';
import type { Graph } from '../../src/backends/types';
import type * as ort from 'onnxruntime-node';
import { threadCount as threads } from '../helpers/thread-count';

/** y = x * 2 + 1 over a [null, 4] input: one small compiled graph. */
function smallGraph(B: ReturnType<typeof createOnnxBackend>): Graph<ort.Tensor> {
  return {
    nodes: [
      { kind: 'input', shape: [null, 4], dtype: 'float32', name: 'x' },
      { kind: 'constant', shape: [], dtype: 'float32', value: B.fromHost(Float32Array.of(2), [], 'float32') },
      { kind: 'constant', shape: [], dtype: 'float32', value: B.fromHost(Float32Array.of(1), [], 'float32') },
      { kind: 'op', op: 'mul', attrs: {}, inputs: [0, 1], shape: [null, 4], dtype: 'float32' },
      { kind: 'op', op: 'add', attrs: {}, inputs: [3, 2], shape: [null, 4], dtype: 'float32' },
    ],
    inputs: [0],
    variables: [],
    outputs: [4],
    updates: [],
  };
}

test('200 compiled functions made, run and dropped: the thread count stays bounded', async () => {
  const cores = os.cpus().length;
  const B = createOnnxBackend({ intraOpNumThreads: 0, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionProviders: ['cpu'], threadedSessions: 3 });
  await B.init?.();
  const before = threads();
  const compile = B.compile as NonNullable<typeof B.compile>;
  const x = B.fromHost(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8), [2, 4], 'float32');
  let peak = before ?? 0;
  const live: { dispose?(): void }[] = [];
  for (let i = 0; i < 200; i++) {
    const f = compile(smallGraph(B));
    const out = f.run([x], []).outputs[0];
    expect([...B.toHost(out)]).toEqual([3, 5, 7, 9, 11, 13, 15, 17]);
    B.dispose(out);
    expect(threadedSessionCount()).toBeLessThanOrEqual(3);
    // Half are kept alive, half disposed at once (as f.dispose() or garbage collection does).
    if (i % 2 === 0) live.push(f);
    else f.dispose?.();
    peak = Math.max(peak, threads() ?? 0);
  }
  if (before !== null) {
    // At most 3 sessions own a pool of one thread per core (ORT spawns cores - 1 workers each).
    expect(peak - before).toBeLessThanOrEqual(3 * cores + 2);
  }
  for (const f of live) f.dispose?.();
  expect(threadedSessionCount()).toBe(0);
  B.dispose(x);
});
