/**
 * How error messages show argument values.
 */

/** A value as error messages show it (NaN and Infinity included, unlike JSON). */
export function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'function') return 'a function';
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
  } catch {
    return String(v);
  }
}
