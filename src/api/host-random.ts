/**
 * Host-side seeded random numbers, so random variables and random tensors are the
 * same on every backend for the same seed.
 */
import type { HostArray } from '../backends/types';
import { convertHostArray } from './values';
import type { KTensor, RandomNode } from './tensor';

/** A seeded generator of uniform floats in [0, 1) (splitmix32-style mixing, 32-bit state). */
export class HostRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  }

  /** `n` uniform draws in [low, high). */
  uniform(n: number, low: number, high: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = low + (high - low) * this.next();
    return out;
  }

  /** `n` normal draws (Box-Muller). */
  normal(n: number, mean: number, stddev: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i += 2) {
      let u = this.next();
      while (u <= 1e-300) u = this.next();
      const v = this.next();
      const r = Math.sqrt(-2 * Math.log(u));
      out[i] = mean + stddev * r * Math.cos(2 * Math.PI * v);
      if (i + 1 < n) out[i + 1] = mean + stddev * r * Math.sin(2 * Math.PI * v);
    }
    return out;
  }
}

let seedCounter = 0x2545f491;

/** A seed for a call that gave none (different on every call). */
export function nextSeed(): number {
  seedCounter = (Math.imul(seedCounter, 1103515245) + 12345) >>> 0;
  return seedCounter ^ (Date.now() >>> 0);
}

/** `n` draws from a normal distribution truncated to two standard deviations (redrawn beyond). */
export function truncatedNormal(rng: HostRandom, n: number, mean: number, stddev: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z: number;
    do {
      z = rng.normal(1, 0, 1)[0];
    } while (z < -2 || z > 2);
    out[i] = mean + stddev * z;
  }
  return out;
}

/** One evaluation's values of random tensor `t`, of concrete `shape`, in its dtype's host layout. */
export function drawRandom(t: KTensor, shape: readonly number[]): HostArray {
  const node = t.node as RandomNode;
  const n = shape.reduce((p, d) => p * d, 1);
  let values: Float64Array;
  switch (node.distribution) {
    case 'uniform':
      values = node.rng.uniform(n, node.a, node.b);
      break;
    case 'normal':
      values = node.rng.normal(n, node.a, node.b);
      break;
    case 'truncatedNormal':
      values = truncatedNormal(node.rng, n, node.a, node.b);
      break;
    case 'binomial': {
      values = node.rng.uniform(n, 0, 1);
      for (let i = 0; i < n; i++) values[i] = values[i] <= node.a ? 1 : 0;
      break;
    }
  }
  return convertHostArray(values, t.dtype);
}
