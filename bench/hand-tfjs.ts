/**
 * The reference points of the benchmark on TF.js: each training step written
 * directly in tfjs-core on the wasm engine (tf.variable, tf.grads, tf.conv2d,
 * tf.maxPool), with the gradients TF.js registers. wasm has no
 * Conv2DBackpropFilter kernel, so the convolution's filter gradient is written
 * with tf.customGrad as a conv2d over transposed operands (the way a TF.js user
 * must on wasm); its input gradient is tf.conv2dTranspose.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Registers TF.js's own gradients (tfjs-core alone registers none) by loading the
 * union package @tensorflow/tfjs, which shares tfjs-core's engine. It is a
 * devDependency of this repository, absent where the package is installed: then
 * there is no raw tfjs-core program to compare with (false).
 */
function loadTfjsGradients(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@tensorflow/tfjs') !== undefined;
  } catch {
    return false;
  }
}
import { CNN, MLP, normalInit } from './shapes';
import type { Step } from './hand-onnx';

/** MLP step in raw tfjs-core (null without TF.js's gradients). */
export function handTfjsMlp(xd: Float32Array, yd: Float32Array): Step | null {
  if (!loadTfjsGradients()) return null;
  const { batch: B, input: I, hidden: H, classes: C, lr } = MLP;
  const x = tf.tensor2d(xd, [B, I]);
  const y = tf.tensor2d(yd, [B, C]);
  const w1 = tf.variable(tf.tensor2d(normalInit([I, H], 1), [I, H]));
  const b1 = tf.variable(tf.zeros([H]));
  const w2 = tf.variable(tf.tensor2d(normalInit([H, C], 2), [H, C]));
  const b2 = tf.variable(tf.zeros([C]));
  const vars = [w1, b1, w2, b2];
  const rate = tf.scalar(lr);
  const lossOf = (): tf.Scalar => {
    const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
    const p = tf.softmax(tf.add(tf.matMul(h, w2), b2));
    return tf.mean(tf.square(tf.sub(p, y)));
  };
  return () => {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(lossOf, vars);
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], rate)));
      value.dataSync();
    });
  };
}

/** A 'valid', stride-1 conv2d whose filter gradient is a conv2d over transposed operands (wasm lacks Conv2DBackpropFilter). */
const conv = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x4 = args[0] as tf.Tensor4D;
  const w4 = args[1] as tf.Tensor4D;
  const save = args[2] as tf.GradSaveFunc;
  save([x4, w4]);
  return {
    value: tf.conv2d(x4, w4, 1, 'valid'),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sx, sw] = saved as tf.Tensor4D[];
      const d = dy as tf.Tensor4D;
      const dx = tf.conv2dTranspose(d, sw, sx.shape, 1, 'valid');
      // dW[kh, kw, ci, co] = sum_b,i,j x[b, i+kh, j+kw, ci] dy[b, i, j, co]
      const xt = tf.transpose(sx, [3, 1, 2, 0]); // [ci, H, W, B]
      const dyt = tf.transpose(d, [1, 2, 0, 3]); // [OH, OW, B, co]
      const dw = tf.transpose(tf.conv2d(xt, dyt, 1, 'valid'), [1, 2, 0, 3]); // [ci, kh, kw, co] -> [kh, kw, ci, co]
      return [dx, dw];
    },
  };
});

/** CNN step in raw tfjs-core, channels-last as TF.js is (null without TF.js's gradients). */
export function handTfjsCnn(xd: Float32Array, yd: Float32Array): Step | null {
  if (!loadTfjsGradients()) return null;
  const { batch: B, size: S, f1, f2, classes: C, lr } = CNN;
  const flat = f2 * 5 * 5;
  const x = tf.tensor4d(xd, [B, S, S, 1]);
  const y = tf.tensor2d(yd, [B, C]);
  const k1 = tf.variable(tf.tensor4d(normalInit([3, 3, 1, f1], 11, Math.sqrt(2 / 9)), [3, 3, 1, f1]));
  const c1 = tf.variable(tf.zeros([f1]));
  const k2 = tf.variable(tf.tensor4d(normalInit([3, 3, f1, f2], 13, Math.sqrt(2 / (9 * f1))), [3, 3, f1, f2]));
  const c2 = tf.variable(tf.zeros([f2]));
  const w3 = tf.variable(tf.tensor2d(normalInit([flat, C], 15, Math.sqrt(2 / flat)), [flat, C]));
  const b3 = tf.variable(tf.zeros([C]));
  const vars = [k1, c1, k2, c2, w3, b3];
  const rate = tf.scalar(lr);
  const lossOf = (): tf.Scalar => {
    const a1 = tf.relu(tf.add(conv(x, k1), c1)) as tf.Tensor4D;
    const h1 = tf.maxPool(a1, 2, 2, 'valid');
    const a2 = tf.relu(tf.add(conv(h1, k2), c2)) as tf.Tensor4D;
    const h2 = tf.maxPool(a2, 2, 2, 'valid');
    const z = tf.add(tf.matMul(tf.reshape(h2, [B, flat]), w3), b3);
    return tf.mean(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z)), -1)));
  };
  return () => {
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(lossOf, vars);
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], rate)));
      value.dataSync();
    });
  };
}
