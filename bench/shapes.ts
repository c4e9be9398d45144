/**
 * The two training steps the benchmark times, their sizes, and seeded data and
 * initial values shared by every program that runs them.
 */
import { syntheticData } from '../demo/mlp-model';

/** MLP 784-256-10, relu then softmax, mean squared error against one-hot targets, batch 128, SGD. */
export const MLP = { batch: 128, input: 784, hidden: 256, classes: 10, lr: 0.1 } as const;

/**
 * CNN: 28x28x1 -> conv 3x3 16 relu -> max-pool 2 -> conv 3x3 32 relu -> max-pool 2
 * -> dense 10 softmax, categorical crossentropy, batch 32, SGD.
 */
export const CNN = { batch: 32, size: 28, f1: 16, f2: 32, classes: 10, lr: 0.05 } as const;

/** A seeded uniform generator in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Seeded normal values (Box-Muller) of `dims`, standard deviation `std` (default sqrt(2 / dims[0])). */
export function normalInit(dims: readonly number[], seed: number, std = Math.sqrt(2 / dims[0])): Float32Array {
  const n = dims.reduce((a, b) => a * b, 1);
  const r = rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.max(r(), 1e-12);
    out[i] = std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  }
  return out;
}

/** Synthetic images [batch, 28, 28, 1] (channels-last) with one-hot labels: a blurred bar per class plus noise. */
export function cnnData(seed = 3): { x: Float32Array; xNchw: Float32Array; y: Float32Array } {
  const { batch: B, size: S, classes: C } = CNN;
  const r = rng(seed);
  const x = new Float32Array(B * S * S);
  const y = new Float32Array(B * C);
  for (let b = 0; b < B; b++) {
    const c = b % C;
    y[b * C + c] = 1;
    for (let i = 0; i < S; i++) {
      for (let j = 0; j < S; j++) {
        const bar = Math.abs(i - (4 + 2 * c)) < 2 ? 1 : 0;
        x[(b * S + i) * S + j] = bar + 0.3 * (r() - 0.5);
      }
    }
  }
  // One channel: NHWC and NCHW hold the same order.
  return { x, xNchw: x, y };
}

/** Synthetic MLP data: noisy copies of one prototype per class (the demo's generator). */
export function mlpData(seed = 7): { x: Float32Array; y: Float32Array } {
  const d = syntheticData(MLP.batch, MLP.input, MLP.classes, seed);
  return { x: d.x.data as Float32Array, y: d.y.data as Float32Array };
}
