/**
 * `keras-backend conformance`: runs the conformance suite with a progress bar,
 * prints the matrix and the totals, writes the reports asked for (JSON, Markdown,
 * HTML, JUnit XML), compares with a baseline report, and sets the exit status:
 * the verdict's (1 when a function fails or is missing, else 0), and 1 on any
 * regression against the baseline.
 */
import { readFileSync, writeFileSync } from 'fs';
import { compareWithBaseline, parseReport } from '../conformance/baseline';
import { toJUnit } from '../conformance/junit';
import { ConformanceReport, toHtml, toMarkdown, totals, verdict } from '../conformance/report';
import { DEFAULT_BACKENDS, runConformance, unknownFunctionNames } from '../conformance/runner';
import { ENGINE_PACKAGES, EngineName, enginePackageStatus, installCommand } from '../src/backends/engine-packages';
import { CATALOGUE } from '../src/index';
import { ProgressBar } from './progress';
import { UsageError } from './usage-error';

/** Options of the `conformance` command. */
export interface ConformanceCommandOptions {
  readonly backend: readonly string[];
  readonly function: readonly string[];
  readonly json?: string;
  readonly md?: string;
  readonly html?: string;
  readonly junit?: string;
  readonly baseline?: string;
  readonly progress: boolean;
  readonly matrix: boolean;
}

const SYMBOL: Readonly<Record<string, string>> = { pass: 'pass', fail: 'FAIL', unsupported: 'unsup', missing: 'MISSING', xfail: 'xfail', xpass: 'XPASS' };

function matrixText(report: ConformanceReport): string {
  const fns = [...new Set(report.results.map((r) => r.function))];
  const fnWidth = Math.max(...fns.map((f) => f.length), 8) + 2;
  const colWidth = Math.max(...report.backends.map((b) => b.length), 7) + 2;
  const lines = [`${'function'.padEnd(fnWidth)}${report.backends.map((b) => b.padEnd(colWidth)).join('')}`];
  for (const fn of fns) {
    const cells = report.backends.map((b) => {
      const r = report.results.find((x) => x.function === fn && x.backend === b);
      return (r ? (SYMBOL[r.status] ?? r.status) : '').padEnd(colWidth);
    });
    lines.push(`${fn.padEnd(fnWidth)}${cells.join('')}`.trimEnd());
  }
  return lines.join('\n');
}

function totalsText(report: ConformanceReport): string {
  const t = totals(report) as Record<string, Record<string, number>>;
  return report.backends
    .map((b) => `${b}: ${Object.entries(t[b] ?? {}).map(([s, n]) => `${s} ${n}`).join(', ')}`)
    .join('\n');
}

/** Splits repeated and comma-separated values: `-f sum,mean -f dot` gives sum, mean, dot. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

function readBaseline(file: string): ConformanceReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--baseline: cannot read ${file} (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--baseline: ${file} is not JSON (${(e as Error).message})`);
  }
  try {
    return parseReport(json, file);
  } catch (e) {
    throw new UsageError(`--baseline: ${(e as Error).message}`);
  }
}

/** The `npm i` line for a built-in backend's missing engine packages, or '' when none is missing. */
function missingEnginePackages(backend: string): string {
  if (!(backend in ENGINE_PACKAGES)) return '';
  const missing = enginePackageStatus(backend as EngineName).filter((p) => p.installed !== p.version);
  return missing.length > 0 ? installCommand(missing) : '';
}

/** Runs the command; returns the exit status. */
export async function conformanceCommand(opts: ConformanceCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const functions = splitList(opts.function);
  const backends = splitList(opts.backend);
  const unknown = unknownFunctionNames(functions);
  if (unknown.length > 0) {
    throw new UsageError(`unknown function name(s): ${unknown.join(', ')} (use catalogue names, e.g. batch_dot or batchDot)`);
  }
  // Read the baseline first: a bad file is reported before a long run, not after.
  const baseline = opts.baseline !== undefined ? readBaseline(opts.baseline) : undefined;
  // Named backends run as asked (an engine that is not installed fails its rows); by
  // default, the built-in backends whose engine is installed, saying which are left out.
  const runBackends = backends.length > 0 ? backends : DEFAULT_BACKENDS.filter((b) => missingEnginePackages(b) === '');
  if (backends.length === 0) {
    for (const b of DEFAULT_BACKENDS.filter((d) => !runBackends.includes(d))) {
      out.write(`(not running '${b}': its engine is not installed; ${missingEnginePackages(b)})\n`);
    }
  }
  const perBackend = functions.length > 0 ? CATALOGUE.filter((e) => functions.includes(e.kerasName) || functions.includes(e.tsName)).length : CATALOGUE.length;
  const bar = new ProgressBar({ total: perBackend * runBackends.length, label: 'conformance', silent: !opts.progress });
  const started = Date.now();
  let report: ConformanceReport;
  try {
    report = await runConformance({
      backends: runBackends,
      functions: functions.length > 0 ? functions : undefined,
      onResult: (r) => bar.tick(`${r.backend}: ${r.function}${r.status === 'pass' ? '' : ` ${r.status}`}`),
    });
  } finally {
    bar.done();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (opts.matrix) out.write(`${matrixText(report)}\n\n`);
  const v = verdict(report);
  if (v.failing.length > 0) {
    out.write('Failures:\n');
    for (const r of v.failing) out.write(`  ${r.function} on ${r.backend} (${r.status}): ${r.message}\n`);
    out.write('\n');
  }
  out.write(`Totals (${report.results.length} runs in ${seconds} s):\n${totalsText(report)}\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.md) writeFileSync(opts.md, toMarkdown(report));
  if (opts.html) writeFileSync(opts.html, toHtml(report));
  if (opts.junit) writeFileSync(opts.junit, toJUnit(report));
  let regressions = 0;
  if (baseline && opts.baseline) {
    const cmp = compareWithBaseline(baseline, report);
    regressions = cmp.regressions.length;
    out.write(`\nAgainst the baseline ${opts.baseline} (${cmp.compared} function-backend pairs compared):\n`);
    if (cmp.regressions.length === 0) out.write('  no regressions\n');
    for (const c of cmp.regressions) out.write(`  REGRESSED ${c.function} on ${c.backend}: ${c.before} -> ${c.after}: ${c.message}\n`);
    for (const c of cmp.improvements) out.write(`  improved  ${c.function} on ${c.backend}: ${c.before} -> ${c.after}\n`);
    if (cmp.added.length > 0) out.write(`  ${cmp.added.length} pair(s) not in the baseline\n`);
  }
  out.write(`\n${v.summary}${regressions > 0 ? `; ${regressions} regression(s) against the baseline` : ''}\n`);
  return v.exitCode !== 0 || regressions > 0 ? 1 : 0;
}
