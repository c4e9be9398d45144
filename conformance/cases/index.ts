/**
 * Every spec of the suite, one file per catalogue group (conformance/catalogue.tsv,
 * column 3). To add a function: write its spec in the file of its group.
 */
import { CATALOGUE } from '../../src/index';
import type { ErrorCase, FunctionSpec } from '../case';
import { CONFIG_SPECS } from './config';
import { GRAPH_SPECS } from './graph';
import { MATH_SPECS } from './math';
import { NN_SPECS } from './nn';
import { OPERATOR_SPECS as OPERATORS } from './operators';
import { REDUCE_SPECS } from './reduce';
import { SHAPE_SPECS } from './shape';
import { STATE_SPECS } from './state';
import { TENSORS_SPECS } from './tensors';
import { RANDOM_SPECS } from './random';
import { CONV_SPECS } from './conv';
import { CTC_SPECS } from './ctc';
import { DTYPE_VARIANTS } from './dtypes';
import { INT64_ERRORS, INT64_VARIANTS } from './int64';

/** Extra positional arguments passed by the generic error case (more than any function takes). */
const TOO_MANY = 20;

/**
 * The error case every function gets: extra positional arguments are refused with a
 * KerasTypeError naming the function and the counts (JavaScript would ignore them
 * silently). The exact maximum of each function is pinned against its TypeScript
 * signature by test/api/arity.test.ts.
 */
export function extraArgumentsCase(tsName: string): ErrorCase {
  return {
    name: `${TOO_MANY} positional arguments`,
    run: (K) => (K as unknown as Record<string, (...args: unknown[]) => unknown>)[tsName](...new Array<undefined>(TOO_MANY).fill(undefined)),
    error: 'KerasTypeError',
    message: new RegExp(`^${tsName}: takes at most \\d+ positional arguments?, got ${TOO_MANY}$`),
  };
}

function withExtraArgumentsCase(spec: FunctionSpec): FunctionSpec {
  const tsName = CATALOGUE.find((e) => e.kerasName === spec.kerasName)?.tsName ?? spec.kerasName;
  return { ...spec, errorCases: [...spec.errorCases, extraArgumentsCase(tsName)] };
}

/** `spec` with its dtype variants (dtypes.ts, int64.ts) appended to its cases and error cases. */
function withDtypeVariants(spec: FunctionSpec): FunctionSpec {
  const cases = [...(DTYPE_VARIANTS[spec.kerasName] ?? []), ...(INT64_VARIANTS[spec.kerasName] ?? [])];
  const errorCases = INT64_ERRORS[spec.kerasName] ?? [];
  return { ...spec, cases: [...spec.cases, ...cases], errorCases: [...spec.errorCases, ...errorCases] };
}

/** Specs of catalogue functions, keyed by their Keras name in the runner. */
export const CATALOGUE_SPECS: readonly FunctionSpec[] = [
  ...CONFIG_SPECS,
  ...TENSORS_SPECS,
  ...STATE_SPECS,
  ...MATH_SPECS,
  ...REDUCE_SPECS,
  ...SHAPE_SPECS,
  ...NN_SPECS,
  ...GRAPH_SPECS,
  ...RANDOM_SPECS,
  ...CONV_SPECS,
  ...CTC_SPECS,
]
  .map(withDtypeVariants)
  .map(withExtraArgumentsCase);

/** Specs of the Python operators (`add`, ..., `slice`): run by `describeConformance`, not report rows. */
export const OPERATOR_SPECS: readonly FunctionSpec[] = OPERATORS.map(withDtypeVariants).map(withExtraArgumentsCase);

// Every dtype variant belongs to a spec (a misspelt function name would drop its cases silently).
for (const name of [...Object.keys(DTYPE_VARIANTS), ...Object.keys(INT64_VARIANTS), ...Object.keys(INT64_ERRORS)]) {
  if (![...CATALOGUE_SPECS, ...OPERATOR_SPECS].some((s) => s.kerasName === name)) throw new Error(`conformance: dtype variants for '${name}', which has no spec`);
}
