/**
 * TF.js tensors are disposed: a compiled training step called 1,000 times leaves
 * `tf.memory().numTensors` where it was.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as K from '../../src/index';
import { buildMlp, syntheticData } from '../../demo/mlp-model';

describe('tfjs memory', () => {
  beforeAll(async () => {
    await K.setBackend('tfjs');
  });

  it('keeps numTensors flat over 1,000 compiled training steps', () => {
    const mlp = buildMlp(K, { inputDim: 16, hidden: 8, classes: 4, learningRate: 0.5, seed: 9 });
    const data = syntheticData(32, 16, 4);
    mlp.step([data.x, data.y]); // first call may cache engine state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) mlp.step([data.x, data.y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps numTensors flat over repeated eval of a lazy expression', () => {
    const v = K.variable([[1, 2], [3, 4]]);
    const expr = K.sum(K.square(K.add(v, 1)));
    K.eval(expr);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) expect(K.eval(expr).item()).toBe(4 + 9 + 16 + 25);
    expect(tf.memory().numTensors).toBe(before);
  });
});
