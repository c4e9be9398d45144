/**
 * The HTML pages the project writes, opened in a real browser: headless Chromium
 * (Debian's `chromium`; set CHROMIUM_PATH to use another) driven by puppeteer-core.
 * The conformance report and the MNIST demo's page must load without console
 * errors, show every function-by-backend cell, draw their charts and images; a
 * full-page screenshot of each is saved under reports/browser/ (git-ignored).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { CATALOGUE } from '../../src/index';
import { NOT_SELECTED } from '../../conformance/report';
import type { ConformanceReport, ConformanceResult } from '../../conformance/report';
import { runConformance, toHtml } from '../../conformance/runner';
import { runDemo } from '../../demo/mnist';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '../../reports/browser');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-'));

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start; the pages are our own files.
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens `file` in a new page; returns the page and the console errors and page errors seen. */
async function open(file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, errors };
}

/** The little of the DOM the checks touch (the project compiles without the DOM library). */
interface El {
  readonly className: string;
  readonly textContent: string | null;
  readonly classList: { contains(c: string): boolean };
  querySelector(sel: string): unknown;
  querySelectorAll(sel: string): ArrayLike<El>;
  getBBox(): { width: number; height: number };
  getTotalLength(): number;
  getBoundingClientRect(): { width: number; height: number };
}

const quiet = new Writable({ write: (_chunk, _enc, done) => done() });

describe('pages in headless Chromium', () => {
  it('the conformance report shows a cell for every function on every backend', async () => {
    // A real run of a few functions (the full run is the conformance suite's job); every other
    // catalogue row gets the runner's "not selected" cell, so the page has the whole matrix.
    const ran = await runConformance({ functions: ['abs', 'dot', 'softmax', 'pool2d'] });
    const byKey = new Map(ran.results.map((r) => [`${r.function}/${r.backend}`, r]));
    const results: ConformanceResult[] = CATALOGUE.flatMap((e) =>
      ran.backends.map(
        (b) => byKey.get(`${e.kerasName}/${b}`) ?? { function: e.kerasName, backend: b, status: 'missing', cases: 0, gradientCases: 0, maxAbsError: 0, message: NOT_SELECTED },
      ),
    );
    const report: ConformanceReport = { backends: ran.backends, results };
    const file = path.join(dir, 'conformance.html');
    fs.writeFileSync(file, toHtml(report));
    const { page, errors } = await open(file);
    const matrix = await page.$$eval('table tbody tr:not(.total)', (rows) =>
      rows.map((tr) => Array.from((tr as unknown as El).querySelectorAll('td')).map((td) => ({ text: (td.textContent ?? '').trim(), cls: td.className }))),
    );
    expect(matrix.length).toBe(CATALOGUE.length);
    const names = matrix.map((cells) => cells[0].text);
    expect(names).toEqual(CATALOGUE.map((e) => e.kerasName));
    for (const cells of matrix) {
      expect(cells.length).toBe(2 + report.backends.length);
      for (const cell of cells.slice(2)) {
        expect(['pass', 'fail', 'unsupported', 'missing']).toContain(cell.cls);
        expect(cell.text.length).toBeGreaterThan(0);
      }
    }
    const row = (fn: string) => matrix.find((cells) => cells[0].text === fn) as { cls: string }[];
    for (const fn of ['abs', 'dot', 'softmax', 'pool2d']) expect(row(fn).slice(2).map((c) => c.cls)).toEqual(['pass', 'pass', 'pass']);
    await page.screenshot({ path: path.join(SHOTS, 'conformance-report.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the demo's page draws its curves and its grid of predicted digits", async () => {
    const file = path.join(dir, 'mnist.html');
    const model = path.join(dir, 'mnist.onnx');
    const result = await runDemo({ backend: 'onnx', trainSamples: 300, testSamples: 100, epochs: 2, html: file, onnx: model, output: quiet });
    expect(result.onnx).toBe(model);
    expect(fs.statSync(model).size).toBeGreaterThan(10000);
    const { page, errors } = await open(file);
    for (const id of ['loss-chart', 'accuracy-chart']) {
      const lines = await page.$$eval(`#${id} polyline.series`, (els) =>
        els.map((el) => {
          const box = (el as unknown as El).getBBox();
          return { length: (el as unknown as El).getTotalLength(), width: box.width, height: box.height };
        }),
      );
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const l of lines) {
        expect(l.length).toBeGreaterThan(50);
        expect(l.width).toBeGreaterThan(100);
      }
      const box = await page.$eval(`#${id}`, (el) => {
        const r = (el as unknown as El).getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(200);
    }
    const digits = await page.$$eval('#test-digits figure', (figs) =>
      figs.map((f) => ({
        wrong: (f as unknown as El).classList.contains('wrong'),
        loaded: ((f as unknown as El).querySelector('img') as { naturalWidth: number }).naturalWidth,
      })),
    );
    expect(digits.length).toBe(100);
    expect(digits.every((d) => d.loaded === 28)).toBe(true);
    // Every mistake is outlined: the marked digits plus the other mistakes listed add up to the errors made.
    const others = await page.$$eval('#other-mistakes figure.wrong', (figs) => figs.length);
    const marked = digits.filter((d) => d.wrong).length;
    expect(marked + others).toBe(Math.round((1 - result.testAccuracy) * result.testSamples));
    const shown = await page.$eval('#test-accuracy', (el) => el.textContent);
    expect(shown).toBe(`${(result.testAccuracy * 100).toFixed(2)}%`);
    await page.screenshot({ path: path.join(SHOTS, 'mnist-demo.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
