/**
 * The keras.backend conformance suite: the runner, the jest helper, the report
 * types and writers, the case format and the oracle.
 *
 * Run it on a new backend in a jest file:
 * ```ts
 * registerBackend('mine', factory);
 * describeConformance('mine');
 * ```
 */
export { runConformance, runConformanceVerdict, describeConformance, runFunction, specFor, allSpecs, missingReason, unknownFunctionNames, DEFAULT_BACKENDS, knownFailureIndex, checkRow } from './runner';
export { KNOWN_FAILURES } from './known-failures';
export type { RunOptions, DescribeOptions } from './runner';
export { toMarkdown, toHtml, totals, summarise, verdict, isFailing, applyKnownFailure, NOT_SELECTED } from './report';
export { toJUnit, junitOutcome } from './junit';
export type { JUnitOutcome } from './junit';
export { compareWithBaseline, parseReport } from './baseline';
export type { BaselineComparison, StatusChange } from './baseline';
export type { ConformanceReport, ConformanceResult, ConformanceStatus, ConformanceVerdict, KnownFailure } from './report';
export { runSpec, runValueCase, runErrorCase, errorSignature, declaredLack } from './execute';
export type { RunOutcome, SpecOutcome } from './execute';
export { defineSpec, DEFAULT_TOLERANCE, GRADIENT_ULPS } from './case';
export type {
  FunctionSpec,
  ValueCase,
  ErrorCase,
  CaseInput,
  CaseContext,
  CaseOutput,
  Observed,
  Expected,
  Tolerance,
  FloatVariant,
  Mode,
  CaseDType,
  ErrorClassName,
  KApi,
} from './case';
export { CATALOGUE_SPECS, OPERATOR_SPECS } from './cases';
export { NOT_DIFFERENTIABLE } from './differentiability';
export type { NoGradientReason } from './differentiability';
export * as oracle from './oracle';
