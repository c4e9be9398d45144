/**
 * Every spec of the suite, by group. To add a function: write its spec in the
 * file of its catalogue group (or a new file listed here).
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
import { ELEMENTWISE_SPECS } from './elementwise';
import { REDUCE_MORE_SPECS } from './reduce-more';
import { SHAPE_MORE_SPECS } from './shape-more';
import { NN_MORE_SPECS } from './nn-more';
import { RANDOM_SPECS } from './random';
import { CONV_SPECS } from './conv';
import { CTC_SPECS } from './ctc';
import { CONTROL_FLOW_SPECS } from './control-flow';

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
  ...ELEMENTWISE_SPECS,
  ...REDUCE_MORE_SPECS,
  ...SHAPE_MORE_SPECS,
  ...NN_MORE_SPECS,
  ...RANDOM_SPECS,
  ...CONV_SPECS,
  ...CONTROL_FLOW_SPECS,
  ...CTC_SPECS,
];

/** Specs of the Python operators (`add`, ..., `slice`): run by `describeConformance`, not report rows. */
export { OPERATOR_SPECS };
