/**
 * Command line: runs the conformance suite and writes the report.
 *
 *   node dist/conformance/cli.js [--backend NAME]... [--function NAME]...
 *                                [--json FILE] [--md FILE] [--html FILE]
 *
 * Prints the matrix, the totals per status per backend and the verdict. Exits 0 when
 * the verdict passes; 1 when a function fails, or is missing without a --function
 * filter leaving it out (or the runner itself crashed); 2 for bad arguments.
 */
import { writeFileSync } from 'fs';
import { ConformanceReport, ConformanceStatus, totals, verdict } from './report';
import { runConformance, toHtml, toMarkdown, unknownFunctionNames } from './runner';

interface CliOptions {
  backends: string[];
  functions: string[];
  json?: string;
  md?: string;
  html?: string;
}

const USAGE = 'usage: node dist/conformance/cli.js [--backend NAME]... [--function NAME]... [--json FILE] [--md FILE] [--html FILE]';

function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { backends: [], functions: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--backend':
        o.backends.push(value());
        break;
      case '--function':
        o.functions.push(value());
        break;
      case '--json':
        o.json = value();
        break;
      case '--md':
        o.md = value();
        break;
      case '--html':
        o.html = value();
        break;
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

const SYMBOL: Record<ConformanceStatus, string> = { pass: 'pass', fail: 'FAIL', unsupported: 'unsup', missing: '-' };

function matrixText(report: ConformanceReport): string {
  const fnWidth = Math.max(...report.results.map((r) => r.function.length), 8) + 2;
  const colWidth = Math.max(...report.backends.map((b) => b.length), 6) + 2;
  const lines = [`${'function'.padEnd(fnWidth)}${report.backends.map((b) => b.padEnd(colWidth)).join('')}`];
  const fns = [...new Set(report.results.map((r) => r.function))];
  for (const fn of fns) {
    const cells = report.backends.map((b) => {
      const r = report.results.find((x) => x.function === fn && x.backend === b);
      return (r ? SYMBOL[r.status] : '').padEnd(colWidth);
    });
    lines.push(`${fn.padEnd(fnWidth)}${cells.join('')}`);
  }
  return lines.join('\n');
}

function totalsText(report: ConformanceReport): string {
  const t = totals(report);
  return report.backends
    .map((b) => `${b}: pass ${t[b].pass}, fail ${t[b].fail}, unsupported ${t[b].unsupported}, missing ${t[b].missing}`)
    .join('\n');
}

async function main(): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
    const unknown = unknownFunctionNames(opts.functions);
    if (unknown.length > 0) throw new Error(`unknown function name(s): ${unknown.join(', ')} (use catalogue names, e.g. batch_dot or batchDot)`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const report = await runConformance({
    backends: opts.backends.length > 0 ? opts.backends : undefined,
    functions: opts.functions.length > 0 ? opts.functions : undefined,
  });
  process.stdout.write(`${matrixText(report)}\n\n`);
  const failures = report.results.filter((r) => r.status === 'fail');
  if (failures.length > 0) {
    process.stdout.write('Failures:\n');
    for (const r of failures) process.stdout.write(`  ${r.function} on ${r.backend}: ${r.message}\n`);
    process.stdout.write('\n');
  }
  process.stdout.write(`Totals (${((Date.now() - started) / 1000).toFixed(1)} s):\n${totalsText(report)}\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.md) writeFileSync(opts.md, toMarkdown(report));
  if (opts.html) writeFileSync(opts.html, toHtml(report));
  const v = verdict(report);
  const missing = v.failing.filter((r) => r.status === 'missing');
  if (missing.length > 0) {
    process.stdout.write('\nMissing:\n');
    for (const r of missing) process.stdout.write(`  ${r.function} on ${r.backend}: ${r.message}\n`);
  }
  process.stdout.write(`\n${v.summary}\n`);
  return v.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`conformance runner crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
