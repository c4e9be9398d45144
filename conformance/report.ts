/**
 * The conformance report: its JSON shape, the status of a (function, backend)
 * pair from the runs of its cases, and the Markdown and HTML writers.
 */
import { CATALOGUE } from '../src/index';
import type { RunOutcome } from './execute';

/**
 * Status of one function on one backend. `xfail` and `xpass` are the two states of
 * a function marked as a known failure of the backend (see `KnownFailure`).
 */
export type ConformanceStatus = 'pass' | 'fail' | 'xfail' | 'xpass' | 'unsupported' | 'missing';

/** One row of the report: one catalogue function on one backend. */
export interface ConformanceResult {
  /** The Keras name (`batch_dot`). */
  function: string;
  /** The backend name. */
  backend: string;
  /**
   * `missing`: not implemented (a stub), no cases, or not selected; `unsupported`: every
   * run raised an UnsupportedError for a lack the backend declares (a dtype outside its
   * `dtypes`); `fail`: a run failed (any other UnsupportedError included); `pass`: otherwise.
   * For a function marked as a known failure of the backend: `xfail` where it would
   * be `fail` (not a failure of the run), `xpass` where it would be `pass` (a failure
   * of the run until the mark is removed).
   */
  status: ConformanceStatus;
  /** Value and error runs executed (each value case runs per float variant and mode). */
  cases: number;
  /** Gradient checks executed. */
  gradientCases: number;
  /** Largest absolute error seen over the value comparisons (0 when exact). */
  maxAbsError: number;
  /** What failed and why, or notes (unsupported runs, why missing). */
  message: string;
}

/** The whole report: exactly these two keys. */
export interface ConformanceReport {
  /** Backends, in the order they ran. */
  backends: string[];
  /** One result per catalogue row per backend, in catalogue order then backend order. */
  results: ConformanceResult[];
}

/** How many failures a message lists before "and N more". */
const MAX_LISTED = 4;

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 3)}...`;
}

/** Turns the runs of one function on one backend into a report row. */
export function summarise(fn: string, backend: string, runs: readonly RunOutcome[]): ConformanceResult {
  // Counted: the runs that ran (an unsupported run did not).
  const ran = runs.filter((r) => r.status !== 'unsupported');
  const value = ran.filter((r) => !r.gradient);
  const grads = ran.filter((r) => r.gradient);
  const failed = runs.filter((r) => r.status === 'fail');
  const unsupported = runs.filter((r) => r.status === 'unsupported');
  const maxAbsError = value.reduce((m, r) => (Number.isFinite(r.maxAbsError) ? Math.max(m, r.maxAbsError) : m), 0);
  const row = (status: ConformanceStatus, message: string): ConformanceResult => ({
    function: fn,
    backend,
    status,
    cases: value.length,
    gradientCases: grads.length,
    maxAbsError,
    message,
  });
  if (runs.length === 0) return row('missing', 'no cases ran');
  if (unsupported.length === runs.length) {
    return row('unsupported', `every run raised UnsupportedError for a declared lack (${truncate(unsupported[0].message, 200)})`);
  }
  // Every run that computes something hit a declared lack (the error cases, which fail
  // before any kernel runs, passed): the function is unsupported on this backend.
  const computing = runs.filter((r) => r.errorCase !== true);
  if (failed.length === 0 && computing.length > 0 && computing.every((r) => r.status === 'unsupported')) {
    const checked = runs.length - computing.length;
    return row('unsupported', `every value and gradient run raised UnsupportedError for a declared lack (${truncate(unsupported[0].message, 200)}); its ${checked} error cases passed`);
  }
  const unsupNote =
    unsupported.length > 0
      ? `${unsupported.length} of ${runs.length} runs unsupported, declared by the backend (${[...new Set(unsupported.map((u) => truncate(u.message, 120)))].slice(0, 2).join('; ')})`
      : '';
  if (failed.length > 0) {
    const listed = failed.slice(0, MAX_LISTED).map((f) => `${f.label}: ${truncate(f.message, 400)}`);
    const more = failed.length > MAX_LISTED ? ` ... and ${failed.length - MAX_LISTED} more` : '';
    const msg = `${failed.length} of ${runs.length} runs failed: ${listed.join(' | ')}${more}`;
    return row('fail', unsupNote ? `${msg}. ${unsupNote}` : msg);
  }
  const passNote = `${value.length} runs and ${grads.length} gradient checks passed`;
  return row('pass', unsupNote ? `${passNote}; ${unsupNote}` : passNote);
}

/**
 * A known failure: one catalogue function (Keras or TypeScript name) on one backend,
 * with the reason. While it fails it is reported `xfail` and does not fail the run;
 * once it passes it is reported `xpass` and fails the run until the mark is removed.
 */
export interface KnownFailure {
  /** The function, by its Keras (`batch_dot`) or TypeScript (`batchDot`) name. */
  readonly function: string;
  /** The backend name. */
  readonly backend: string;
  /** Why it fails (shown in the reports). */
  readonly reason: string;
}

/**
 * Applies the known-failure mark of a row's (function, backend), if any: `fail`
 * becomes `xfail` and `pass` becomes `xpass`, with the reason in the message;
 * `unsupported` and `missing` rows are left as they are.
 */
export function applyKnownFailure(r: ConformanceResult, mark: KnownFailure | undefined): ConformanceResult {
  if (!mark) return r;
  if (r.status === 'fail') return { ...r, status: 'xfail', message: `known failure (${mark.reason}): ${r.message}` };
  if (r.status === 'pass') {
    return { ...r, status: 'xpass', message: `marked as a known failure (${mark.reason}) but it passes: remove the mark. ${r.message}` };
  }
  return r;
}

/** The message of a row that a functions filter left out (`missing`, but not a failure). */
export const NOT_SELECTED = 'not selected (functions filter)';

/** Whether a row makes the run fail: `fail`, `xpass`, or `missing` when a functions filter did not leave it out. */
export function isFailing(r: ConformanceResult): boolean {
  return r.status === 'fail' || r.status === 'xpass' || (r.status === 'missing' && r.message !== NOT_SELECTED);
}

/** The outcome of a whole run, shared by the command lines and by CI. */
export interface ConformanceVerdict {
  /** No row fails and none is missing (apart from rows a functions filter left out). */
  readonly ok: boolean;
  /** The exit code a command should end with: 0 when `ok`, else 1. */
  readonly exitCode: 0 | 1;
  /** The rows that make it fail, in report order. */
  readonly failing: readonly ConformanceResult[];
  /** Rows `unsupported` as a whole (every run hit a lack the backend declares): not failures. */
  readonly unsupported: readonly ConformanceResult[];
  /** Rows `xfail` (known failures, marked): not failures. */
  readonly knownFailures: readonly ConformanceResult[];
  /** One line: `PASS` or `FAIL`, with the counts. */
  readonly summary: string;
}

/**
 * The verdict of a report: it fails when any function fails, passes although marked
 * as a known failure (`xpass`), or is missing without a filter asking for fewer.
 */
export function verdict(report: ConformanceReport): ConformanceVerdict {
  const failing = report.results.filter(isFailing);
  const unsupported = report.results.filter((r) => r.status === 'unsupported');
  const knownFailures = report.results.filter((r) => r.status === 'xfail');
  const ok = failing.length === 0;
  const nFail = failing.filter((r) => r.status === 'fail').length;
  const nXpass = failing.filter((r) => r.status === 'xpass').length;
  const nMissing = failing.length - nFail - nXpass;
  const ran = report.results.filter((r) => r.message !== NOT_SELECTED).length;
  const notes = [
    ...(unsupported.length > 0 ? [`${unsupported.length} unsupported (declared by the backend)`] : []),
    ...(knownFailures.length > 0 ? [`${knownFailures.length} known failures (xfail)`] : []),
  ];
  const xpassNote = nXpass > 0 ? `, ${nXpass} pass although marked as known failures (xpass: remove the marks)` : '';
  const summary = ok
    ? `PASS: ${ran} (function, backend) rows, none failed or missing${notes.map((n) => `; ${n}`).join('')}`
    : `FAIL: ${nFail} (function, backend) rows failed and ${nMissing} are missing${xpassNote}, of ${ran}`;
  return { ok, exitCode: ok ? 0 : 1, failing, unsupported, knownFailures, summary };
}

/** Counts of each status per backend. */
export function totals(report: ConformanceReport): Record<string, Record<ConformanceStatus, number>> {
  const out: Record<string, Record<ConformanceStatus, number>> = {};
  const zero = (): Record<ConformanceStatus, number> => ({ pass: 0, fail: 0, xfail: 0, xpass: 0, unsupported: 0, missing: 0 });
  for (const b of report.backends) out[b] = zero();
  for (const r of report.results) {
    if (!out[r.backend]) out[r.backend] = zero();
    out[r.backend][r.status]++;
  }
  return out;
}

const STATUSES: readonly ConformanceStatus[] = ['pass', 'fail', 'xfail', 'xpass', 'unsupported', 'missing'];

const MD_ICON: Record<ConformanceStatus, string> = { pass: '✅', fail: '❌', xfail: '🔶', xpass: '❗', unsupported: '⚠️', missing: '➖' };

function rowsByFunction(report: ConformanceReport): Map<string, Map<string, ConformanceResult>> {
  const m = new Map<string, Map<string, ConformanceResult>>();
  for (const r of report.results) {
    if (!m.has(r.function)) m.set(r.function, new Map());
    (m.get(r.function) as Map<string, ConformanceResult>).set(r.backend, r);
  }
  return m;
}

function groupOf(fn: string): string {
  return CATALOGUE.find((e) => e.kerasName === fn)?.group ?? '';
}

function mdEscape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function cellText(r: ConformanceResult | undefined): string {
  if (!r) return '';
  const grads = r.gradientCases > 0 ? `+${r.gradientCases}∇` : '';
  return r.status === 'missing' ? `${MD_ICON.missing} missing` : `${MD_ICON[r.status]} ${r.status} (${r.cases}${grads})`;
}

/**
 * The report as Markdown: a matrix (rows = functions, columns = backends), the
 * totals per backend, then the failures and unsupported notes in full.
 */
export function toMarkdown(report: ConformanceReport): string {
  const lines: string[] = [];
  const byFn = rowsByFunction(report);
  const t = totals(report);
  lines.push('# keras.backend conformance', '');
  lines.push('Cells: status (value and error runs + gradient checks ∇). ✅ pass, ❌ fail, 🔶 xfail (known failure), ❗ xpass (marked but passes), ⚠️ unsupported, ➖ missing.', '');
  lines.push('## Totals', '');
  lines.push(`| status | ${report.backends.join(' | ')} |`);
  lines.push(`|---|${report.backends.map(() => '---').join('|')}|`);
  for (const s of STATUSES) lines.push(`| ${MD_ICON[s]} ${s} | ${report.backends.map((b) => String(t[b]?.[s] ?? 0)).join(' | ')} |`);
  lines.push('', '## Matrix', '');
  lines.push(`| function | group | ${report.backends.join(' | ')} |`);
  lines.push(`|---|---|${report.backends.map(() => '---').join('|')}|`);
  for (const [fn, cells] of byFn) {
    lines.push(`| \`${fn}\` | ${groupOf(fn)} | ${report.backends.map((b) => cellText(cells.get(b))).join(' | ')} |`);
  }
  for (const s of STATUSES) lines.push(`| **${s}** | | ${report.backends.map((b) => `**${t[b]?.[s] ?? 0}**`).join(' | ')} |`);
  const failures = report.results.filter((r) => r.status === 'fail' || r.status === 'xpass');
  lines.push('', '## Failures', '');
  if (failures.length === 0) lines.push('None.');
  for (const r of failures) lines.push(`- \`${r.function}\` on **${r.backend}**${r.status === 'xpass' ? ' (xpass)' : ''}: ${mdEscape(r.message)}`);
  const known = report.results.filter((r) => r.status === 'xfail');
  lines.push('', '## Known failures (xfail)', '');
  if (known.length === 0) lines.push('None.');
  for (const r of known) lines.push(`- \`${r.function}\` on **${r.backend}**: ${mdEscape(r.message)}`);
  const notes = report.results.filter((r) => r.status === 'unsupported' || (r.status === 'pass' && r.message.includes('unsupported')));
  lines.push('', '## Unsupported', '');
  if (notes.length === 0) lines.push('None.');
  for (const r of notes) lines.push(`- \`${r.function}\` on **${r.backend}** (${r.status}): ${mdEscape(r.message)}`);
  lines.push('');
  return lines.join('\n');
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The report as a standalone HTML page: the matrix (hover a cell for its message), the totals, the failures. */
export function toHtml(report: ConformanceReport): string {
  const byFn = rowsByFunction(report);
  const t = totals(report);
  const head = report.backends.map((b) => `<th>${htmlEscape(b)}</th>`).join('');
  const rows: string[] = [];
  for (const [fn, cells] of byFn) {
    const tds = report.backends
      .map((b) => {
        const r = cells.get(b);
        if (!r) return '<td></td>';
        const label = r.status === 'missing' ? 'missing' : `${r.status} (${r.cases}${r.gradientCases > 0 ? ` + ${r.gradientCases}∇` : ''})`;
        return `<td class="${r.status}" title="${htmlEscape(r.message)}">${htmlEscape(label)}</td>`;
      })
      .join('');
    rows.push(`<tr><td><code>${htmlEscape(fn)}</code></td><td>${htmlEscape(groupOf(fn))}</td>${tds}</tr>`);
  }
  const totalRows = STATUSES.map(
    (s) => `<tr class="total"><td>${s}</td><td></td>${report.backends.map((b) => `<td class="${s}">${t[b]?.[s] ?? 0}</td>`).join('')}</tr>`,
  ).join('\n');
  const listOf = (status: readonly ConformanceStatus[]): string =>
    report.results
      .filter((r) => status.includes(r.status))
      .map((r) => `<li><code>${htmlEscape(r.function)}</code> on <b>${htmlEscape(r.backend)}</b>${r.status === 'xpass' ? ' (xpass)' : ''}: ${htmlEscape(r.message)}</li>`)
      .join('\n');
  const failures = listOf(['fail', 'xpass']);
  const known = listOf(['xfail']);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>keras.backend conformance</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
td.pass { background: #d8f5d0; }
td.fail { background: #f8c8c8; }
td.xfail { background: #fde0c2; }
td.xpass { background: #f8c8c8; font-weight: bold; }
td.unsupported { background: #fbeeb8; }
td.missing { background: #eee; color: #777; }
tr.total td { font-weight: bold; }
</style>
</head>
<body>
<h1>keras.backend conformance</h1>
<p>Each cell: status (value and error runs + gradient checks ∇). Hover a cell for details.</p>
<table>
<thead><tr><th>function</th><th>group</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
${totalRows}
</tbody>
</table>
<h2>Failures</h2>
${failures ? `<ul>\n${failures}\n</ul>` : '<p>None.</p>'}
<h2>Known failures (xfail)</h2>
${known ? `<ul>\n${known}\n</ul>` : '<p>None.</p>'}
</body>
</html>
`;
}
