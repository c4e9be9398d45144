/**
 * Host-side seeded random numbers, so random variables are the same on every
 * backend for the same seed.
 */

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
