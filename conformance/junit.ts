/**
 * The conformance report as JUnit XML, the format CI systems read (GitHub Actions
 * test reporters, GitLab, Jenkins): one `<testsuite>` per backend and one
 * `<testcase>` per function on that backend.
 *
 * Statuses: `pass` is a passing test case; `fail`, `missing` and any status this
 * writer does not know get a `<failure>`; `unsupported` (declared by the backend)
 * and `xfail` (a known failure, marked) are `<skipped>` with the reason.
 */
import type { ConformanceReport, ConformanceResult } from './report';

/** How a report status appears in JUnit. */
export type JUnitOutcome = 'passed' | 'failure' | 'skipped';

const OUTCOME: Readonly<Record<string, JUnitOutcome>> = {
  pass: 'passed',
  fail: 'failure',
  missing: 'failure',
  xpass: 'failure',
  unsupported: 'skipped',
  xfail: 'skipped',
};

/** The JUnit outcome of a report row (an unknown status counts as a failure). */
export function junitOutcome(status: string): JUnitOutcome {
  return OUTCOME[status] ?? 'failure';
}

/** `s` escaped for XML text and attribute values; characters XML 1.0 forbids are dropped. */
function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(r: ConformanceResult): string {
  const open = `    <testcase classname="keras.backend.${xml(r.backend)}" name="${xml(r.function)}">`;
  const outcome = junitOutcome(r.status);
  if (outcome === 'passed') {
    return `${open}\n      <system-out>${xml(r.message)}</system-out>\n    </testcase>`;
  }
  const tag = outcome === 'failure' ? 'failure' : 'skipped';
  const first = r.message.split(/\r?\n/)[0] ?? '';
  const body = `${r.status}: ${r.message}`;
  return `${open}\n      <${tag} type="${xml(r.status)}" message="${xml(first.slice(0, 500))}">${xml(body)}</${tag}>\n    </testcase>`;
}

/**
 * The report as a JUnit XML document: `<testsuites>` holding one `<testsuite
 * name="keras.backend conformance on BACKEND">` per backend, with one test case
 * per function (class name `keras.backend.BACKEND`, name the Keras function name).
 */
export function toJUnit(report: ConformanceReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const backend of report.backends) {
    const rows = report.results.filter((r) => r.backend === backend);
    const f = rows.filter((r) => junitOutcome(r.status) === 'failure').length;
    const s = rows.filter((r) => junitOutcome(r.status) === 'skipped').length;
    tests += rows.length;
    failures += f;
    skipped += s;
    suites.push(
      [
        `  <testsuite name="keras.backend conformance on ${xml(backend)}" tests="${rows.length}" failures="${f}" errors="0" skipped="${s}">`,
        ...rows.map(testcase),
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="keras.backend conformance" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
