/**
 * Known failures of the built-in backends: functions that fail on one backend for a
 * reason stated here. The runner reports them `xfail` (not a failure of the run)
 * while they fail, and `xpass` (a failure of the run) once they pass, until the
 * entry is removed. Empty while every function passes on every built-in backend.
 *
 * A backend author passes their own list as `knownFailures` to `runConformance` or
 * `describeConformance`.
 */
import type { KnownFailure } from './report';

/** The known failures of the built-in backends (reference, tfjs, onnx). */
export const KNOWN_FAILURES: readonly KnownFailure[] = [];
