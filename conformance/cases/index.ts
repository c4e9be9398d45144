/**
 * Every spec of the suite, one file per catalogue group (conformance/catalogue.tsv,
 * column 3). To add a function: write its spec in the file of its group.
 */
import type { FunctionSpec } from '../case';
import { CONFIG_SPECS } from './config';
import { GRAPH_SPECS } from './graph';
import { MATH_SPECS } from './math';
import { NN_SPECS } from './nn';
import { OPERATOR_SPECS } from './operators';
import { REDUCE_SPECS } from './reduce';
import { SHAPE_SPECS } from './shape';
import { STATE_SPECS } from './state';
import { TENSORS_SPECS } from './tensors';
import { RANDOM_SPECS } from './random';
import { CONV_SPECS } from './conv';
import { CTC_SPECS } from './ctc';

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
];

/** Specs of the Python operators (`add`, ..., `slice`): run by `describeConformance`, not report rows. */
export { OPERATOR_SPECS };
