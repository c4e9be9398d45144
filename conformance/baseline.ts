/**
 * Comparing a conformance report with an earlier one (its JSON): what regressed,
 * what improved, what is new. A regression is a (function, backend) pair whose
 * status got worse; pairs that only one report has are not regressions (a filtered
 * run compares only what it ran).
 */
import type { ConformanceReport, ConformanceResult } from './report';

/**
 * Statuses from best to worst. `xpass` (a marked known failure that now passes)
 * ranks with `pass`; `xfail` (a marked known failure) below `unsupported`; an
 * unknown status ranks as `fail`.
 */
const RANK: Readonly<Record<string, number>> = { pass: 5, xpass: 5, unsupported: 4, xfail: 3, missing: 2, fail: 1 };

function rank(status: string): number {
  return RANK[status] ?? RANK.fail;
}

/** One (function, backend) pair whose status changed. */
export interface StatusChange {
  readonly function: string;
  readonly backend: string;
  readonly before: string;
  readonly after: string;
  /** The current run's message (why it fails, or its notes). */
  readonly message: string;
}

/** What changed between a baseline report and the current one. */
export interface BaselineComparison {
  /** Pairs whose status got worse (the run fails on any). */
  readonly regressions: readonly StatusChange[];
  /** Pairs whose status got better. */
  readonly improvements: readonly StatusChange[];
  /** Pairs of the current report that the baseline does not have. */
  readonly added: readonly ConformanceResult[];
  /** How many pairs both reports have. */
  readonly compared: number;
}

/**
 * Checks that `value` (parsed JSON) has the shape of a conformance report and
 * returns it; throws an Error naming `source` and what is wrong otherwise.
 */
export function parseReport(value: unknown, source: string): ConformanceReport {
  const bad = (what: string): Error => new Error(`${source} is not a conformance report (the JSON written by --json): ${what}`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad('expected an object with "backends" and "results"');
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.backends) || !v.backends.every((b) => typeof b === 'string')) throw bad('"backends" must be an array of names');
  if (!Array.isArray(v.results)) throw bad('"results" must be an array');
  v.results.forEach((r: unknown, i) => {
    const row = r as Record<string, unknown> | null;
    if (row === null || typeof row !== 'object' || typeof row.function !== 'string' || typeof row.backend !== 'string' || typeof row.status !== 'string') {
      throw bad(`results[${i}] must have string fields "function", "backend" and "status"`);
    }
  });
  return value as ConformanceReport;
}

/** Compares `current` with `baseline`, pair by pair. */
export function compareWithBaseline(baseline: ConformanceReport, current: ConformanceReport): BaselineComparison {
  const before = new Map<string, ConformanceResult>();
  for (const r of baseline.results) before.set(`${r.function}\u0000${r.backend}`, r);
  const regressions: StatusChange[] = [];
  const improvements: StatusChange[] = [];
  const added: ConformanceResult[] = [];
  let compared = 0;
  for (const r of current.results) {
    const b = before.get(`${r.function}\u0000${r.backend}`);
    if (!b) {
      added.push(r);
      continue;
    }
    compared++;
    const change: StatusChange = { function: r.function, backend: r.backend, before: b.status, after: r.status, message: r.message };
    if (rank(r.status) < rank(b.status)) regressions.push(change);
    else if (rank(r.status) > rank(b.status)) improvements.push(change);
  }
  return { regressions, improvements, added, compared };
}
