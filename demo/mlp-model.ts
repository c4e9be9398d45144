/**
 * The small MLP used by the demo, the training test and the benchmark: built only
 * with the public K API (placeholders, variables, gradients, function with updates).
 */
import type * as KNamespace from '../src/api/index';
import type { KFunction, KTensor, NDArray } from '../src/api/index';

/** Sizes and optimiser settings of the MLP. */
export interface MlpOptions {
  inputDim: number;
  hidden: number;
  classes: number;
  learningRate: number;
  seed?: number;
}

/** A built MLP: its training step, its parameters and a prediction function. */
export interface Mlp {
  /** One SGD step on a batch: returns [loss]. */
  readonly step: KFunction;
  /** The class probabilities for a batch of inputs. */
  readonly predict: KFunction;
  readonly params: readonly KTensor[];
}

/**
 * Builds `inputDim - hidden (relu) - classes (softmax)` with mean squared error
 * against one-hot targets, trained by plain SGD: `p <- p - lr * dLoss/dp`.
 */
export function buildMlp(K: typeof KNamespace, o: MlpOptions): Mlp {
  const seed = o.seed ?? 1;
  const x = K.placeholder({ shape: [null, o.inputDim], name: 'x' });
  const y = K.placeholder({ shape: [null, o.classes], name: 'y' });
  const w1 = K.randomNormalVariable([o.inputDim, o.hidden], 0, Math.sqrt(2 / o.inputDim), { seed, name: 'w1' });
  const b1 = K.zeros([o.hidden], null, 'b1');
  const w2 = K.randomNormalVariable([o.hidden, o.classes], 0, Math.sqrt(2 / o.hidden), { seed: seed + 1, name: 'w2' });
  const b2 = K.zeros([o.classes], null, 'b2');
  const params = [w1, b1, w2, b2];
  const h = K.relu(K.add(K.dot(x, w1), b1));
  const probs = K.softmax(K.add(K.dot(h, w2), b2));
  const loss = K.mean(K.square(K.subtract(probs, y)));
  const grads = K.gradients(loss, params);
  const updates = params.map((p, i) => K.update(p, K.subtract(p, K.multiply(grads[i] as KTensor, o.learningRate))));
  return {
    step: K.function([x, y], [loss], updates),
    predict: K.function([x], [probs]),
    params,
  };
}

/** A seeded synthetic classification set: noisy copies of one prototype per class. */
export function syntheticData(n: number, inputDim: number, classes: number, seed = 7): { x: NDArrayLike; y: NDArrayLike } {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const protos = Array.from({ length: classes }, () => Float32Array.from({ length: inputDim }, () => (rand() < 0.5 ? 0 : 1)));
  const x = new Float32Array(n * inputDim);
  const y = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    for (let j = 0; j < inputDim; j++) x[i * inputDim + j] = protos[c][j] + 0.3 * (rand() - 0.5);
    y[i * classes + c] = 1;
  }
  return { x: { data: x, shape: [n, inputDim] }, y: { data: y, shape: [n, classes] } };
}

/** Host data with a shape, as K.function accepts it. */
export interface NDArrayLike {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** Mean of a one-element result list. */
export function lossOf(out: readonly NDArray[]): number {
  return out[0].item();
}
