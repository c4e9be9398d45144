/**
 * Done-when: the MLP trains with `gradients` and `function` on each backend, the
 * loss falls at least 10x, and results agree across backends; on onnx the
 * training step is one session, one run per call.
 */
import * as K from '../../src/index';
import { buildMlp, lossOf, syntheticData } from '../../demo/mlp-model';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKENDS = BUILTIN_BACKENDS;
const STEPS = 150;

function train(): number[] {
  const mlp = buildMlp(K, { inputDim: 64, hidden: 32, classes: 10, learningRate: 2, seed: 3 });
  const data = syntheticData(128, 64, 10);
  const losses: number[] = [];
  for (let i = 0; i < STEPS; i++) losses.push(lossOf(mlp.step([data.x, data.y])));
  return losses;
}

const curves = new Map<string, number[]>();

describe.each(BACKENDS)('MLP training on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('lowers the loss at least 10x', () => {
    const losses = train();
    curves.set(name, losses);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[0] / losses[losses.length - 1]).toBeGreaterThan(10);
  });
});

describe('the same training on every backend', () => {
  it('gives the same loss curve (float32 tolerance)', () => {
    const ref = curves.get('reference');
    expect(ref).toBeDefined();
    for (const name of ['tfjs', 'onnx']) {
      const other = curves.get(name);
      expect(other).toBeDefined();
      // Same seeds, same data: the curves agree to float32 rounding.
      for (const i of [0, 1, 10, 50]) expect(Math.abs((other as number[])[i] - (ref as number[])[i])).toBeLessThan(1e-4 + 1e-3 * (ref as number[])[i]);
    }
  });
});

describe('onnx compiles the training step to one session', () => {
  it('creates exactly one session for the step and runs it once per call', async () => {
    await K.setBackend('onnx');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const onnx = require('../../src/backends/onnx') as typeof import('../../src/backends/onnx');
    const created = onnx.onnxSessionCount();
    const mlp = buildMlp(K, { inputDim: 16, hidden: 8, classes: 4, learningRate: 1, seed: 5 });
    // One session for the training step (gradients and updates included), one for predict.
    expect(onnx.onnxSessionCount() - created).toBe(2);
    const data = syntheticData(12, 16, 4);
    const before = onnx.onnxSessionCount();
    const runsBefore = onnx.onnxRunCount();
    for (let i = 0; i < 5; i++) mlp.step([data.x, data.y]);
    // A different batch size reuses the same session (symbolic batch dimension).
    const small = syntheticData(5, 16, 4);
    mlp.step([small.x, small.y]);
    expect(onnx.onnxSessionCount() - before).toBe(0);
    expect(onnx.onnxRunCount() - runsBefore).toBe(6);
  });
});
