/**
 * Statistical checks of random output, shared by the `random` group's cases and
 * dropout's (nn): each returns null when the check passes, else a description.
 * Each check fails a correct generator with probability at most ALPHA.
 */
import { normalQuantile } from '../oracle/statistics';

/** The false-alarm rate of each statistical check. */
export const ALPHA = 1e-5;

/** The sample size of the statistical checks. */
export const COUNT = 6000;

/** The fraction of ones in n Bernoulli(p) draws within the normal-approximation band for ALPHA. */
export function bernoulliMean(what: string, got: number, p: number, n: number): string | null {
  const t = normalQuantile(1 - ALPHA / 2) * Math.sqrt((p * (1 - p)) / n);
  return Math.abs(got - p) <= t ? null : `${what} is ${got.toFixed(4)}, expected ${p} +- ${t.toFixed(4)} (false-alarm rate ${ALPHA})`;
}

/** Null when |got - want| <= tol, else a description. */
export function near(what: string, got: number, want: number, tol: number): string | null {
  return Math.abs(got - want) <= tol ? null : `${what} is ${got}, expected ${want} +- ${tol}`;
}

/** The first failed check's description, or null. */
export function first(...checks: (string | null)[]): string | null {
  return checks.find((c) => c !== null) ?? null;
}
