/**
 * The conformance runner: runs every case of every catalogue row on each
 * backend and returns the report; and `describeConformance`, which turns the
 * same runs into jest tests. Jest is never imported: the describe helper reads
 * the jest globals when it is called.
 */
import { BUILTIN_BACKENDS, CATALOGUE, K } from '../src/index';
import type { FunctionSpec } from './case';
import { CATALOGUE_SPECS, OPERATOR_SPECS } from './cases';
import { describeError, runSpec } from './execute';
import { KNOWN_FAILURES } from './known-failures';
import { applyKnownFailure, ConformanceReport, ConformanceResult, ConformanceVerdict, KnownFailure, summarise, toHtml, toMarkdown, totals, verdict } from './report';

export { toHtml, toMarkdown, totals, verdict };
export type { ConformanceVerdict, KnownFailure };

/** The built-in backends (the library's one list), the default of `runConformance`. */
export const DEFAULT_BACKENDS: readonly string[] = BUILTIN_BACKENDS;

/** Options of `runConformance`. */
export interface RunOptions {
  /** Backends to run on, in order (default: the built-in backends, BUILTIN_BACKENDS). */
  readonly backends?: readonly string[];
  /**
   * Functions to run (Keras or TypeScript names). The report holds only these
   * rows: functions not selected are left out, not counted as missing.
   */
  readonly functions?: readonly string[];
  /** Called after each row is computed (progress reporting). */
  readonly onResult?: (result: ConformanceResult) => void;
  /**
   * Known failures, reported `xfail` while they fail and `xpass` (failing the run)
   * once they pass. Default: KNOWN_FAILURES, the built-in backends' marks.
   */
  readonly knownFailures?: readonly KnownFailure[];
}

/**
 * The marks by Keras name and backend. A mark naming no catalogue function, or
 * without a reason, or given twice, is an error (it would otherwise never apply).
 */
export function knownFailureIndex(marks: readonly KnownFailure[]): Map<string, KnownFailure> {
  const index = new Map<string, KnownFailure>();
  marks.forEach((m, i) => {
    const entry = CATALOGUE.find((e) => e.kerasName === m.function || e.tsName === m.function);
    if (!entry) throw new Error(`knownFailures[${i}]: '${m.function}' is not a catalogue function (use its Keras or TypeScript name)`);
    if (typeof m.backend !== 'string' || m.backend === '') throw new Error(`knownFailures[${i}] (${m.function}): 'backend' must name a backend`);
    if (typeof m.reason !== 'string' || m.reason.trim() === '') throw new Error(`knownFailures[${i}] (${m.function} on ${m.backend}): 'reason' must say why it fails`);
    const key = `${entry.kerasName}\u0000${m.backend}`;
    if (index.has(key)) throw new Error(`knownFailures[${i}]: ${entry.kerasName} on ${m.backend} is marked twice`);
    index.set(key, m);
  });
  return index;
}

const specsByName = new Map<string, FunctionSpec>();
for (const s of CATALOGUE_SPECS) {
  if (specsByName.has(s.kerasName)) throw new Error(`conformance: two specs for '${s.kerasName}'`);
  specsByName.set(s.kerasName, s);
}

/** The spec of a catalogue function (by Keras name), if the suite has one. */
export function specFor(kerasName: string): FunctionSpec | undefined {
  return specsByName.get(kerasName);
}

/** Every spec: catalogue functions, then the operators. */
export function allSpecs(): readonly FunctionSpec[] {
  return [...CATALOGUE_SPECS, ...OPERATOR_SPECS];
}

/** Why a catalogue function is `missing`, or null when it has an implementation and cases. */
export function missingReason(tsName: string, kerasName: string): string | null {
  const f = (K as unknown as Record<string, unknown>)[tsName];
  if (typeof f !== 'function') return `K.${tsName} is not exported`;
  if ((f as { notImplemented?: unknown }).notImplemented === true) return `K.${tsName} is not implemented yet (stub)`;
  const spec = specsByName.get(kerasName);
  if (!spec || spec.cases.length + spec.errorCases.length === 0) return `no conformance cases for ${kerasName}`;
  return null;
}

function blank(fn: string, backend: string, status: ConformanceResult['status'], message: string): ConformanceResult {
  return { function: fn, backend, status, cases: 0, gradientCases: 0, maxAbsError: 0, message };
}

/** Names `runConformance` accepts in `functions` (Keras and TypeScript names of the catalogue). */
export function unknownFunctionNames(functions: readonly string[]): string[] {
  const known = new Set(CATALOGUE.flatMap((e) => [e.kerasName, e.tsName]));
  return functions.filter((f) => !known.has(f));
}

/**
 * Runs the spec of one function on the active backend (start it first with
 * `await K.setBackend(name)`) and summarises it as a report row.
 */
export function runFunction(backend: string, spec: FunctionSpec): ConformanceResult {
  let outcome;
  try {
    outcome = runSpec(K, backend, spec);
  } catch (e) {
    return blank(spec.kerasName, backend, 'fail', `the runner crashed on this function: ${describeError(e)}`);
  }
  return summarise(spec.kerasName, backend, outcome.runs);
}

function selectedSet(functions: readonly string[] | undefined): Set<string> | null {
  if (!functions || functions.length === 0) return null;
  const unknown = unknownFunctionNames(functions);
  if (unknown.length > 0) throw new Error(`runConformance: unknown function name(s) ${unknown.join(', ')} (use catalogue names)`);
  const set = new Set<string>();
  for (const e of CATALOGUE) if (functions.includes(e.kerasName) || functions.includes(e.tsName)) set.add(e.kerasName);
  return set;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the suite (as `runConformance`) and returns the report with its verdict: the
 * verdict fails when any function fails, or is missing without a functions filter
 * leaving it out. Command lines exit with `verdict.exitCode`.
 */
export async function runConformanceVerdict(options: RunOptions = {}): Promise<{ report: ConformanceReport; verdict: ConformanceVerdict }> {
  const report = await runConformance(options);
  return { report, verdict: verdict(report) };
}

/**
 * Runs every case of every catalogue row on each backend and returns the report:
 * one result per catalogue row per backend, in catalogue order. A backend that
 * fails to start gives `fail` for every implemented function (with the reason).
 */
export async function runConformance(options: RunOptions = {}): Promise<ConformanceReport> {
  const backends = [...(options.backends ?? DEFAULT_BACKENDS)];
  const selected = selectedSet(options.functions);
  const marks = knownFailureIndex(options.knownFailures ?? KNOWN_FAILURES);
  const byKey = new Map<string, ConformanceResult>();
  for (const backend of backends) {
    let startError: string | null = null;
    try {
      await K.setBackend(backend);
    } catch (e) {
      startError = describeError(e);
    }
    for (const entry of CATALOGUE) {
      let r: ConformanceResult;
      const missing = missingReason(entry.tsName, entry.kerasName);
      if (selected && !selected.has(entry.kerasName)) continue;
      if (missing) r = blank(entry.kerasName, backend, 'missing', missing);
      else if (startError) r = blank(entry.kerasName, backend, 'fail', `backend '${backend}' did not start: ${startError}`);
      else {
        r = runFunction(backend, specsByName.get(entry.kerasName) as FunctionSpec);
      }
      r = applyKnownFailure(r, marks.get(`${entry.kerasName}\u0000${backend}`));
      byKey.set(`${entry.kerasName}\u0000${backend}`, r);
      options.onResult?.(r);
    }
    // The runs are synchronous; one event-loop turn per backend lets finalizers release the
    // native values (and ONNX sessions) of the finished backend before the next one starts.
    await tick();
  }
  const results: ConformanceResult[] = [];
  for (const entry of CATALOGUE) {
    for (const b of backends) {
      const r = byKey.get(`${entry.kerasName}\u0000${b}`);
      if (r) results.push(r);
    }
  }
  return { backends, results };
}

/** Options of `describeConformance`. */
export interface DescribeOptions {
  /** Only these functions (Keras or TypeScript names). */
  readonly functions?: readonly string[];
  /** Also run the operator specs (add, subtract, multiply, divide, negative, slice); default: true unless `functions` is given. */
  readonly operators?: boolean;
  /** Per-test timeout in ms (default 60000). */
  readonly timeout?: number;
  /**
   * Known failures of the backend: such a function's test passes while it fails
   * (`xfail`) and fails once it passes (`xpass`: remove the mark). Default:
   * KNOWN_FAILURES, the built-in backends' marks.
   */
  readonly knownFailures?: readonly KnownFailure[];
}

/**
 * What a jest test of `describeConformance` does with a row: throws for `fail`,
 * `xpass` and `missing`; returns a note for `xfail` and (partly) unsupported rows,
 * else null.
 */
export function checkRow(r: ConformanceResult): string | null {
  if (r.status === 'fail' || r.status === 'xpass' || r.status === 'missing') throw new Error(`${r.function} on ${r.backend} (${r.status}): ${r.message}`);
  if (r.status === 'xfail' || r.status === 'unsupported' || r.message.includes('unsupported')) return `${r.function} (${r.status}): ${r.message}`;
  return null;
}

/** The jest globals the describe helper uses, read at call time. */
interface JestGlobals {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => Promise<void> | void, timeout?: number): void;
  beforeAll(fn: () => Promise<void> | void, timeout?: number): void;
  afterAll(fn: () => Promise<void> | void, timeout?: number): void;
}

function jestGlobals(): JestGlobals {
  const g = globalThis as unknown as Partial<JestGlobals>;
  if (typeof g.describe !== 'function' || typeof g.it !== 'function' || typeof g.beforeAll !== 'function' || typeof g.afterAll !== 'function') {
    throw new Error('describeConformance must be called from a jest test file (describe/it/beforeAll/afterAll are not defined)');
  }
  return g as JestGlobals;
}

/**
 * Defines jest tests running the conformance suite on `backendName`: one `it` per
 * catalogue function (and per operator), failing when a case fails or when the
 * function is missing (a stub, or no cases); runs hitting a lack the backend
 * declares (a dtype outside its `dtypes`) are counted out and listed in a summary
 * logged after the run when the environment sets KERAS_CONFORMANCE_NOTES.
 *
 * ```ts
 * import { registerBackend } from 'keras-backend-ts';
 * import { describeConformance } from 'keras-backend-ts/conformance';
 * registerBackend('mine', () => createMyBackend());
 * describeConformance('mine');
 * ```
 */
export function describeConformance(backendName: string, options: DescribeOptions = {}): void {
  const jest = jestGlobals();
  const selected = selectedSet(options.functions);
  const timeout = options.timeout ?? 60000;
  const marks = knownFailureIndex(options.knownFailures ?? KNOWN_FAILURES);
  jest.describe(`keras.backend conformance on '${backendName}'`, () => {
    let startError: string | null = null;
    const notes: string[] = [];
    jest.beforeAll(async () => {
      try {
        await K.setBackend(backendName);
      } catch (e) {
        startError = describeError(e);
      }
    }, timeout);
    const runOne = async (spec: FunctionSpec): Promise<void> => {
      if (startError) throw new Error(`backend '${backendName}' did not start: ${startError}`);
      await K.setBackend(backendName);
      const r = applyKnownFailure(runFunction(backendName, spec), marks.get(`${spec.kerasName}\u0000${backendName}`));
      const note = checkRow(r);
      if (note !== null) notes.push(note);
    };
    for (const entry of CATALOGUE) {
      if (selected && !selected.has(entry.kerasName)) continue;
      const missing = missingReason(entry.tsName, entry.kerasName);
      if (missing) {
        // A function without an implementation or without cases fails the run.
        jest.it(`${entry.kerasName}: missing`, () => {
          throw new Error(`${entry.kerasName} on ${backendName} is missing: ${missing}`);
        });
        continue;
      }
      const spec = specsByName.get(entry.kerasName) as FunctionSpec;
      jest.it(entry.kerasName, () => runOne(spec), timeout);
    }
    if (options.operators ?? !selected) {
      for (const spec of OPERATOR_SPECS) jest.it(`operator ${spec.kerasName}`, () => runOne(spec), timeout);
    }
    jest.afterAll(() => {
      // Tests print failures only; set KERAS_CONFORMANCE_NOTES=1 to see what was unsupported or a known failure.
      if (notes.length > 0 && process.env.KERAS_CONFORMANCE_NOTES) {
        // eslint-disable-next-line no-console
        console.log(`conformance on '${backendName}': known failures and (partly) unsupported functions:\n  ${notes.join('\n  ')}`);
      }
    });
  });
}
