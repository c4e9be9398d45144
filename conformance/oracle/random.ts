/**
 * Deterministic pseudo-random numbers for the suite (weights of the gradient
 * check, inputs of larger cases): mulberry32 seeded from a number or a string.
 */
import { OArray, sizeOf } from './ndarray';

/** A 32-bit FNV-1a hash of `s`, to seed from a case name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seeded generator of uniform floats in [0, 1) (mulberry32). */
export function rng(seed: number | string): () => number {
  let a = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An array of `shape` with uniform values in [low, high), from `seed`. */
export function uniformArray(shape: readonly number[], seed: number | string, low = -1, high = 1): OArray {
  const next = rng(seed);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = low + (high - low) * next();
  return { data, shape: [...shape] };
}

/**
 * An array of `shape` with uniform values in [low, high) rounded to `decimals`
 * places (inputs that read well in failure messages), from `seed`.
 */
export function roundedUniform(shape: readonly number[], seed: number | string, low = -1, high = 1, decimals = 2): OArray {
  const u = uniformArray(shape, seed, low, high);
  const f = 10 ** decimals;
  return { data: u.data.map((v) => Math.round(v * f) / f), shape: u.shape };
}
