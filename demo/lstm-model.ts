/**
 * The LSTM used by the loop test and the benchmark: a Keras-style LSTM layer
 * (gates i, f, c, o; sigmoid and tanh; zero initial states) written with `K.rnn`
 * over a placeholder (batch, time, features) whose time dimension may be unknown,
 * optionally after a Dense layer applied to every time step, trained by plain SGD
 * on the mean squared error of the last output. Only the public K API is used.
 */
import type * as KNamespace from '../src/api/index';
import type { KFunction, KTensor, NDArray } from '../src/api/index';

/** Sizes and options of the LSTM model. */
export interface LstmOptions {
  /** Features per time step. */
  features: number;
  /** LSTM units. */
  units: number;
  /** The static time length, or null for unknown until run time. */
  time: number | null;
  /** A Dense layer (features -> features, tanh) before the LSTM, so gradients reach the per-step inputs. */
  dense: boolean;
  learningRate: number;
  seed?: number;
  /** Unroll the loop (Keras's unroll: true) instead of a loop primitive. */
  unroll?: boolean;
}

/** A built LSTM model. */
export interface LstmModel {
  /** One SGD step on [x (batch, time, features), y (batch, units)]: returns [loss]. */
  readonly step: KFunction;
  readonly params: readonly KTensor[];
}

/** The model's graph before compiling: the placeholders, the loss and the SGD updates. */
export interface LstmGraph {
  readonly inputs: readonly [KTensor, KTensor];
  readonly loss: KTensor;
  readonly updates: readonly (readonly [KTensor, KTensor])[];
  readonly params: readonly KTensor[];
}

/** Builds the model (see the file comment) and compiles its training step. */
export function buildLstm(K: typeof KNamespace, o: LstmOptions): LstmModel {
  const g = buildLstmGraph(K, o);
  const step = K.function([...g.inputs], [g.loss], g.updates);
  return { step, params: g.params };
}

/** Builds the model's graph (see the file comment), not compiled. */
export function buildLstmGraph(K: typeof KNamespace, o: LstmOptions): LstmGraph {
  const seed = o.seed ?? 1;
  const { features: F, units: U } = o;
  const x = K.placeholder({ shape: [null, o.time, F], name: 'x' });
  const y = K.placeholder({ shape: [null, U], name: 'y' });
  const w = K.randomUniformVariable([F, 4 * U], -0.3, 0.3, { seed, name: 'lstm_w' });
  const u = K.randomUniformVariable([U, 4 * U], -0.3, 0.3, { seed: seed + 1, name: 'lstm_u' });
  const b = K.zeros([4 * U], null, 'lstm_b');
  const params: KTensor[] = [w, u, b];
  let inputs: KTensor = x;
  if (o.dense) {
    const wd = K.randomUniformVariable([F, F], -0.3, 0.3, { seed: seed + 2, name: 'dense_w' });
    const bd = K.zeros([F], null, 'dense_b');
    params.push(wd, bd);
    inputs = K.tanh(K.biasAdd(K.dot(inputs, wd), bd));
  }
  // Zero initial states of shape (batch, units), the batch known at run time.
  const zero = K.tile(K.expandDims(K.sum(K.zerosLike(inputs), [1, 2]), 1), [1, U]);
  const gate = (z: KTensor, k: number): KTensor => K.slice(z, [0, k * U], [-1, U]);
  const [last] = K.rnn(
    (xt, [h, c]) => {
      const z = K.add(K.add(K.dot(xt, w), K.dot(h, u)), b);
      const i = K.sigmoid(gate(z, 0));
      const f = K.sigmoid(gate(z, 1));
      const cNew = K.add(K.multiply(f, c), K.multiply(i, K.tanh(gate(z, 2))));
      const out = K.multiply(K.sigmoid(gate(z, 3)), K.tanh(cNew));
      return [out, [out, cNew]];
    },
    inputs,
    [zero, zero],
    { unroll: o.unroll ?? false },
  );
  const loss = K.mean(K.square(K.subtract(last, y)));
  const grads = K.gradients(loss, params);
  const updates = params.map((p, k): [KTensor, KTensor] => [p, K.subtract(p, K.multiply(grads[k] as KTensor, o.learningRate))]);
  return { inputs: [x, y], loss, updates, params };
}

/** Deterministic data for the LSTM: x in [-1, 1), y a smooth function of x's time average. */
export function lstmData(batch: number, time: number, features: number, units: number, seed = 1): { x: { data: Float32Array; shape: number[] }; y: { data: Float32Array; shape: number[] } } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const x = new Float32Array(batch * time * features);
  for (let i = 0; i < x.length; i++) x[i] = 2 * next() - 1;
  const y = new Float32Array(batch * units);
  for (let n = 0; n < batch; n++) {
    for (let j = 0; j < units; j++) {
      let acc = 0;
      for (let t = 0; t < time; t++) acc += x[(n * time + t) * features + (j % features)];
      y[n * units + j] = 0.5 * Math.tanh(acc / Math.sqrt(time));
    }
  }
  return { x: { data: x, shape: [batch, time, features] }, y: { data: y, shape: [batch, units] } };
}

/** The loss value from a step's result. */
export function lstmLoss(result: readonly NDArray[]): number {
  return Number(result[0].data[0]);
}
