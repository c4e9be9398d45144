/**
 * The small CNN of the MNIST demo (and of the ONNX export tests), built only with
 * the public K API: conv2d, pool2d, biasAdd, softmax, categoricalCrossentropy,
 * gradients and a function whose updates are the optimiser (Adam or SGD).
 *
 *   x [batch, 28, 28, 1]
 *   conv 3x3 -> c1 channels, relu, max-pool 2x2     [batch, 13, 13, c1]
 *   conv 3x3 -> c2 channels, relu, max-pool 2x2     [batch, 5, 5, c2]
 *   flatten, [dense -> hidden, relu,] dense -> 10, softmax
 */
import type * as KNamespace from '../src/api/index';
import type { KFunction, KTensor } from '../src/api/index';

/** Sizes and optimiser settings of the CNN. */
export interface CnnOptions {
  /** Image side (square images, one channel); 28 for MNIST. */
  readonly size?: number;
  /** Channels of the first convolution (default 8). */
  readonly c1?: number;
  /** Channels of the second convolution (default 16). */
  readonly c2?: number;
  /** Units of a hidden relu dense layer before the output (default 0: none). */
  readonly hidden?: number;
  /** Number of classes (default 10). */
  readonly classes?: number;
  /** Adam's learning rate (default 0.003). */
  readonly learningRate?: number;
  /** 'adam' (default) or plain 'sgd' (`p <- p - learningRate * grad`). */
  readonly optimizer?: 'adam' | 'sgd';
  /** Seed of the initial weights (default 1). */
  readonly seed?: number;
}

/** A built CNN: its training step, a prediction function and its parameters. */
export interface Cnn {
  /** One Adam step on a batch `[x, y]` (y one-hot): returns `[loss, accuracy]` of the batch before the step. */
  readonly step: KFunction;
  /** `[probabilities]` for a batch of images. */
  readonly predict: KFunction;
  /** `[loss, accuracy]` of a batch, without training. */
  readonly evaluate: KFunction;
  /** Adam's learning rate, a variable (set it with `K.setValue` for a schedule). */
  readonly learningRate: KTensor;
  /** Trainable weights: kernels and biases. */
  readonly params: readonly KTensor[];
  /** The placeholders: images [batch, size, size, 1] and one-hot labels [batch, classes]. */
  readonly x: KTensor;
  readonly y: KTensor;
  /** The probabilities and the batch loss, as tensors. */
  readonly probs: KTensor;
  readonly loss: KTensor;
}

/** Builds the CNN (see the file comment) with He-initialised weights and Adam. */
export function buildCnn(K: typeof KNamespace, o: CnnOptions = {}): Cnn {
  const size = o.size ?? 28;
  const c1 = o.c1 ?? 8;
  const c2 = o.c2 ?? 16;
  const classes = o.classes ?? 10;
  const lr = o.learningRate ?? 0.003;
  const seed = o.seed ?? 1;

  const x = K.placeholder({ shape: [null, size, size, 1], name: 'x' });
  const y = K.placeholder({ shape: [null, classes], name: 'y' });
  const he = (fanIn: number): number => Math.sqrt(2 / fanIn);
  const k1 = K.randomNormalVariable([3, 3, 1, c1], 0, he(9), { seed, name: 'conv1_kernel' });
  const b1 = K.zeros([c1], null, 'conv1_bias');
  const k2 = K.randomNormalVariable([3, 3, c1, c2], 0, he(9 * c1), { seed: seed + 1, name: 'conv2_kernel' });
  const b2 = K.zeros([c2], null, 'conv2_bias');
  const hidden = o.hidden ?? 0;
  const params = [k1, b1, k2, b2];
  const dense = (t: KTensor, units: number, name: string, k: number): KTensor => {
    const fanIn = t.shape[1] as number;
    const w = K.randomNormalVariable([fanIn, units], 0, Math.sqrt((name === 'hidden' ? 2 : 1) / fanIn), { seed: seed + k, name: `${name}_kernel` });
    const b = K.zeros([units], null, `${name}_bias`);
    params.push(w, b);
    return K.biasAdd(K.dot(t, w), b);
  };

  const pool = (t: KTensor): KTensor => K.pool2d(t, [2, 2], { strides: [2, 2] });
  const h1 = pool(K.relu(K.biasAdd(K.conv2d(x, k1), b1)));
  const h2 = pool(K.relu(K.biasAdd(K.conv2d(h1, k2), b2)));
  const features = K.batchFlatten(h2);
  const logits = dense(hidden > 0 ? K.relu(dense(features, hidden, 'hidden', 2)) : features, classes, 'dense', 3);
  const probs = K.softmax(logits);
  const loss = K.mean(K.categoricalCrossentropy(y, logits, true));
  const accuracy = K.mean(K.cast(K.equal(K.argmax(logits, -1), K.argmax(y, -1)), 'float32'));

  const learningRate = K.variable(lr, { name: 'learning_rate' });
  const grads = K.gradients(loss, params) as KTensor[];
  const updates = o.optimizer === 'sgd' ? sgdUpdates(K, params, grads, learningRate) : adamUpdates(K, params, grads, learningRate);
  return {
    step: K.function([x, y], [loss, accuracy], updates),
    predict: K.function([x], [probs]),
    evaluate: K.function([x, y], [loss, accuracy]),
    learningRate,
    params,
    x,
    y,
    probs,
    loss,
  };
}

function sgdUpdates(K: typeof KNamespace, params: readonly KTensor[], grads: readonly KTensor[], lr: KTensor): KNamespace.KUpdate[] {
  return params.map((p, i) => K.update(p, K.subtract(p, K.multiply(lr, grads[i]))));
}

/** Adam (Kingma & Ba) as Keras 2.3's optimizer: moment estimates and a bias-corrected step size. */
function adamUpdates(K: typeof KNamespace, params: readonly KTensor[], grads: readonly KTensor[], lr: KTensor): KNamespace.KUpdate[] {
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-7;
  const t = K.variable(0, { name: 'adam_iterations' });
  const tNext = K.add(t, 1);
  const stepSize = K.multiply(lr, K.divide(K.sqrt(K.subtract(1, K.pow(beta2, tNext))), K.subtract(1, K.pow(beta1, tNext))));
  const updates = [K.update(t, tNext)];
  params.forEach((p, i) => {
    const g = grads[i];
    const shape = p.shape as number[];
    const m = K.zeros(shape, null, `${p.name}_m`);
    const v = K.zeros(shape, null, `${p.name}_v`);
    const mNext = K.add(K.multiply(m, beta1), K.multiply(g, 1 - beta1));
    const vNext = K.add(K.multiply(v, beta2), K.multiply(K.square(g), 1 - beta2));
    updates.push(K.update(m, mNext), K.update(v, vNext));
    updates.push(K.update(p, K.subtract(p, K.divide(K.multiply(stepSize, mNext), K.add(K.sqrt(vNext), eps)))));
  });
  return updates;
}
