/**
 * The two training steps written with the public K API (placeholders, variables,
 * gradients, one K.function with updates), as a Keras 2 user writes them.
 */
import type * as KNamespace from '../src/api/index';
import type { KFunction, KTensor } from '../src/api/index';
import { CNN, MLP, normalInit } from './shapes';

/** One SGD step of the MLP on the active backend: call it with [x, y]. */
export function kMlpStep(K: typeof KNamespace): KFunction {
  const { input: I, hidden: H, classes: C, lr } = MLP;
  const x = K.placeholder({ shape: [null, I], name: 'x' });
  const y = K.placeholder({ shape: [null, C], name: 'y' });
  const w1 = K.variable({ data: normalInit([I, H], 1), shape: [I, H] }, { name: 'w1' });
  const b1 = K.zeros([H], null, 'b1');
  const w2 = K.variable({ data: normalInit([H, C], 2), shape: [H, C] }, { name: 'w2' });
  const b2 = K.zeros([C], null, 'b2');
  const params = [w1, b1, w2, b2];
  const h = K.relu(K.biasAdd(K.dot(x, w1), b1));
  const p = K.softmax(K.biasAdd(K.dot(h, w2), b2));
  const loss = K.mean(K.square(K.subtract(p, y)));
  return sgd(K, [x, y], loss, params, lr);
}

/** One SGD step of the CNN on the active backend (channels_last): call it with [x, y]. */
export function kCnnStep(K: typeof KNamespace): KFunction {
  const { size: S, f1, f2, classes: C, lr } = CNN;
  const flat = f2 * 5 * 5;
  const x = K.placeholder({ shape: [null, S, S, 1], name: 'x' });
  const y = K.placeholder({ shape: [null, C], name: 'y' });
  const v = (dims: number[], seed: number, fanIn: number, name: string): KTensor =>
    K.variable({ data: normalInit(dims, seed, Math.sqrt(2 / fanIn)), shape: dims }, { name });
  const k1 = v([3, 3, 1, f1], 11, 9, 'k1');
  const c1 = K.zeros([f1], null, 'c1');
  const k2 = v([3, 3, f1, f2], 13, 9 * f1, 'k2');
  const c2 = K.zeros([f2], null, 'c2');
  const w3 = v([flat, C], 15, flat, 'w3');
  const b3 = K.zeros([C], null, 'b3');
  const pool = { strides: [2, 2], dataFormat: 'channels_last' as const };
  const opts = { dataFormat: 'channels_last' as const };
  const h1 = K.pool2d(K.relu(K.biasAdd(K.conv2d(x, k1, opts), c1, 'channels_last')), [2, 2], pool);
  const h2 = K.pool2d(K.relu(K.biasAdd(K.conv2d(h1, k2, opts), c2, 'channels_last')), [2, 2], pool);
  const p = K.softmax(K.biasAdd(K.dot(K.batchFlatten(h2), w3), b3));
  const loss = K.mean(K.categoricalCrossentropy(y, p));
  return sgd(K, [x, y], loss, [k1, c1, k2, c2, w3, b3], lr);
}

function sgd(K: typeof KNamespace, inputs: KTensor[], loss: KTensor, params: KTensor[], lr: number): KFunction {
  const grads = K.gradients(loss, params);
  const updates = params.map((q, i) => K.update(q, K.subtract(q, K.multiply(grads[i] as KTensor, lr))));
  return K.function(inputs, [loss], updates);
}
