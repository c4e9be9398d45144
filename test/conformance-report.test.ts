/**
 * The conformance report and suite as a whole: the JSON shape of the report
 * (every catalogue row on every backend, exactly the documented keys), the
 * catalogue copy against the package's CATALOGUE, the writers, and that every
 * error case raises the same class and message on every backend.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CATALOGUE, K, BUILTIN_BACKENDS } from '../src/index';
import { allSpecs, ConformanceReport, errorSignature, runConformance, toHtml, toMarkdown } from '../conformance';

const BACKENDS = BUILTIN_BACKENDS;
const RESULT_KEYS = ['function', 'backend', 'status', 'cases', 'gradientCases', 'maxAbsError', 'message'];
const STATUSES = ['pass', 'fail', 'unsupported', 'missing'];

function readCatalogue(): { kerasName: string; tsName: string; group: string; kerasSignature: string }[] {
  const text = readFileSync(join(__dirname, '..', 'conformance', 'catalogue.tsv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  expect(lines[0].split('\t')).toEqual(['keras_name', 'ts_name', 'group', 'keras_signature']);
  return lines.slice(1).map((l) => {
    const [kerasName, tsName, group, kerasSignature] = l.split('\t');
    return { kerasName, tsName, group, kerasSignature };
  });
}

describe('the catalogue', () => {
  it('conformance/catalogue.tsv matches CATALOGUE exported by the package', () => {
    const rows = readCatalogue();
    expect(rows).toHaveLength(160);
    expect(CATALOGUE.map((e) => ({ ...e }))).toEqual(rows);
  });

  it('exports every catalogue function under its TypeScript name', () => {
    const k = K as unknown as Record<string, unknown>;
    const absent = CATALOGUE.filter((e) => typeof k[e.tsName] !== 'function').map((e) => e.tsName);
    expect(absent).toEqual([]);
  });
});

describe('the report', () => {
  let report: ConformanceReport;
  beforeAll(async () => {
    report = await runConformance({ functions: ['epsilon', 'sum', 'ctc_batch_cost'] });
  }, 120000);

  it('has exactly the keys backends and results, the default backends in order', () => {
    expect(Object.keys(report).sort()).toEqual(['backends', 'results']);
    expect(report.backends).toEqual(BACKENDS);
  });

  it('has one result per selected catalogue row per backend, in catalogue order', () => {
    const selected = CATALOGUE.filter((e) => ['epsilon', 'sum', 'ctc_batch_cost'].includes(e.kerasName));
    expect(selected).toHaveLength(3);
    expect(report.results).toHaveLength(selected.length * BACKENDS.length);
    report.results.forEach((r, i) => {
      expect(r.function).toBe(selected[Math.floor(i / BACKENDS.length)].kerasName);
      expect(r.backend).toBe(BACKENDS[i % BACKENDS.length]);
    });
  });

  it('gives every result exactly the documented keys (in order) and types', () => {
    for (const r of report.results) {
      expect(Object.keys(r)).toEqual(RESULT_KEYS);
      expect(STATUSES).toContain(r.status);
      expect(typeof r.function).toBe('string');
      expect(typeof r.backend).toBe('string');
      expect(Number.isInteger(r.cases) && r.cases >= 0).toBe(true);
      expect(Number.isInteger(r.gradientCases) && r.gradientCases >= 0).toBe(true);
      expect(Number.isFinite(r.maxAbsError) && r.maxAbsError >= 0).toBe(true);
      expect(typeof r.message).toBe('string');
    }
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('leaves unselected rows out (not counted as missing), and runs the selected ones', () => {
    const row = (fn: string, b: string) => report.results.find((r) => r.function === fn && r.backend === b);
    for (const b of BACKENDS) {
      // every catalogue function is implemented now: a stub would show as missing / not implemented
      expect(row('ctc_batch_cost', b)?.status).toBe('pass');
      expect(row('mean', b)).toBeUndefined();
    }
    expect(row('sum', 'reference')?.status).toBe('pass');
    expect(row('sum', 'reference')?.cases).toBeGreaterThan(20);
    expect(row('sum', 'reference')?.gradientCases).toBeGreaterThan(10);
    expect(row('epsilon', 'reference')?.status).toBe('pass');
  });

  it('renders as Markdown and HTML with a row per function and the totals', () => {
    const md = toMarkdown(report);
    const html = toHtml(report);
    for (const e of CATALOGUE.filter((c) => ['epsilon', 'sum', 'ctc_batch_cost'].includes(c.kerasName))) {
      expect(md).toContain(`| \`${e.kerasName}\` |`);
      expect(html).toContain(`<code>${e.kerasName}</code>`);
    }
    expect(md).toMatch(/\| \*\*pass\*\* \|/);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses an unknown function name', async () => {
    await expect(runConformance({ backends: ['reference'], functions: ['no_such_function'] })).rejects.toThrow(/no_such_function/);
  });
});

describe('error cases', () => {
  /** Auto-generated tensor names carry ids that differ between runs. */
  const normalise = (s: string): string => s.replace(/_\d+\b/g, '_N');

  it('raise the same class and message on every backend', async () => {
    const signatures = new Map<string, Map<string, string>>();
    for (const b of BACKENDS) {
      await K.setBackend(b);
      for (const spec of allSpecs()) {
        for (const ec of spec.errorCases) {
          const key = `${spec.kerasName}: ${ec.name}`;
          if (!signatures.has(key)) signatures.set(key, new Map());
          (signatures.get(key) as Map<string, string>).set(b, normalise(errorSignature(K, ec)));
        }
      }
    }
    const differing: string[] = [];
    for (const [key, byBackend] of signatures) {
      const distinct = new Set(byBackend.values());
      if (distinct.size > 1) differing.push(`${key}: ${[...byBackend].map(([b, s]) => `${b} -> ${s}`).join(' | ')}`);
    }
    expect(differing).toEqual([]);
    expect(signatures.size).toBeGreaterThan(100);
  }, 120000);
});

describe('summarise: one row from the runs of a function on a backend', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { summarise } = require('../conformance/report') as typeof import('../conformance/report');
  const run = (status: 'pass' | 'fail' | 'unsupported', gradient = false, err = 0) => ({
    status,
    label: `${status} run`,
    message: status === 'unsupported' ? "The 'x' backend does not support dtype float64" : status === 'fail' ? 'got 2, expected 3' : '',
    maxAbsError: err,
    gradient,
  });

  it('is unsupported when every run raised UnsupportedError', () => {
    const r = summarise('sum', 'x', [run('unsupported'), run('unsupported', true)]);
    expect(r.status).toBe('unsupported');
    expect(r.message).toMatch(/does not support dtype float64/);
    expect([r.cases, r.gradientCases]).toEqual([0, 0]);
  });

  it('passes with the unsupported runs counted out and named', () => {
    const r = summarise('sum', 'x', [run('pass', false, 0.5), run('pass', true), run('unsupported'), run('unsupported', true)]);
    expect(r.status).toBe('pass');
    expect([r.cases, r.gradientCases, r.maxAbsError]).toEqual([1, 1, 0.5]);
    expect(r.message).toMatch(/2 of 4 runs unsupported/);
  });

  it('fails when any run failed, naming it', () => {
    const r = summarise('sum', 'x', [run('pass'), run('fail'), run('unsupported')]);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/1 of 3 runs failed: fail run: got 2, expected 3/);
  });

  it('is missing when nothing ran', () => {
    expect(summarise('sum', 'x', []).status).toBe('missing');
  });
});
