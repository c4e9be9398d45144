/**
 * Loops over lengths known only at run time (the scan primitive): one compiled LSTM
 * training step serves every sequence length on every backend (on onnx, one
 * session); dropout and the learning phase inside the step function; eager loops;
 * gradients of gradients through a loop; TF.js memory stays flat.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../../src/index';
import { buildLstm, lstmData, lstmLoss } from '../../demo/lstm-model';
import { BUILTIN_BACKENDS } from '../../src/index';

const BACKENDS = BUILTIN_BACKENDS;

describe.each(BACKENDS)('loops on %s', (name) => {
  beforeAll(async () => {
    await K.setBackend(name);
  });

  it('trains one LSTM step function over (batch, None, features) on T = 7, 30, 120 in turn; the loss falls at each length', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const onnx = require('../../src/backends/onnx') as typeof import('../../src/backends/onnx');
    const model = buildLstm(K, { features: 4, units: 8, time: null, dense: true, learningRate: 1, seed: 3 });
    const sessions = onnx.onnxSessionCount();
    for (const T of [7, 30, 120]) {
      const d = lstmData(4, T, 4, 8, T);
      const losses: number[] = [];
      for (let i = 0; i < 6; i++) losses.push(lstmLoss(model.step([d.x, d.y])));
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    }
    // No session made by any call: on onnx the one compiled at K.function serves every length.
    expect(onnx.onnxSessionCount()).toBe(sessions);
  });

  it('draws dropout masks per step inside the step function, under the learning phase', () => {
    const x = K.placeholder({ shape: [null, null, 50] });
    const h0 = K.sum(K.zerosLike(x), 1); // (batch, 50)
    const [, outs] = K.rnn((xt, s) => {
      const d = K.inTrainPhase(K.dropout(xt, 0.5), xt);
      return [d, [s[0]]];
    }, x, [h0]);
    const f = K.function([x, K.learningPhase() as K.KTensor], [outs]);
    const ones = { data: new Float32Array(2 * 6 * 50).fill(1), shape: [2, 6, 50] };
    const train = Array.from(f([ones, 1])[0].data as Float32Array); // float32 outputs
    // Kept values are scaled by 1 / (1 - 0.5), dropped ones are 0; about half of each.
    expect(train.every((v) => v === 0 || Math.abs(v - 2) < 1e-6)).toBe(true);
    const kept = train.filter((v) => v !== 0).length;
    expect(kept).toBeGreaterThan(200);
    expect(kept).toBeLessThan(400);
    // Each step has its own mask: no two steps of sample 0 drop the same 50 positions.
    const rows = Array.from({ length: 6 }, (_, t) => train.slice(t * 50, (t + 1) * 50).join(','));
    expect(new Set(rows).size).toBe(6);
    // In the test phase the step is the identity.
    expect([...f([ones, 0])[0].data].every((v) => v === 1)).toBe(true);
  });

  it('runs loops on constants at once (eager)', () => {
    const x = K.constant([[1, 2], [3, 4], [5, 6]]);
    const m = K.mapFn((r) => K.multiply(r, r), x);
    expect(m.isConstant).toBe(true);
    expect([...K.eval(m).data]).toEqual([1, 4, 9, 16, 25, 36]);
    expect([...K.eval(K.foldr((a, r) => K.add(K.multiply(a, 2), r), x)).data]).toEqual([5 * 4 + 3 * 2 + 1, 6 * 4 + 4 * 2 + 2]);
    const [last, outs] = K.rnn((xt, s) => {
      const h = K.add(xt, s[0]);
      return [h, [h]];
    }, K.constant([[[1], [2], [3]]]), [K.constant([[10]])]);
    expect([...K.eval(outs).data]).toEqual([11, 13, 16]);
    expect([...K.eval(last).data]).toEqual([16]);
  });

  it('differentiates a loop twice (the gradient is itself a loop)', () => {
    const x = K.placeholder({ shape: [null] });
    // y = sum over elements of v^3, written as a fold: dy/dv = 3 v^2, d(sum 3v^2)/dv = 6 v.
    const y = K.foldl((a, v) => K.add(a, K.multiply(K.multiply(v, v), v)), x, K.constant(0));
    const [g] = K.gradients(y, [x]);
    const [gg] = K.gradients(K.sum(g as K.KTensor), [x]);
    const f = K.function([x], [g as K.KTensor, gg as K.KTensor]);
    const [g1, g2] = f([[1, -2, 0.5]]);
    expect([...g1.data]).toEqual([3, 12, 0.75]);
    expect([...g2.data]).toEqual([6, -12, 3]);
  });
});

describe('tfjs: a loop frees its per-step tensors', () => {
  it('leaves no tensor behind across calls of a compiled LSTM step', async () => {
    await K.setBackend('tfjs');
    const model = buildLstm(K, { features: 3, units: 4, time: null, dense: false, learningRate: 0.5 });
    const d = lstmData(2, 9, 3, 4);
    model.step([d.x, d.y]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) model.step([d.x, d.y]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
