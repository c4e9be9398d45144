/**
 * Oracle of the `state` group: the moving-average update of Keras 2's
 * `moving_average_update(x, value, momentum)`, x * momentum + value * (1 - momentum),
 * in float64 (the other state functions are checked against the values written).
 */
import { add, mul } from './operators';
import { OArray, OLike } from './ndarray';

/** `variable * momentum + value * (1 - momentum)`. */
export function movingAverage(variable: OLike, value: OLike, momentum: number): OArray {
  return add(mul(variable, momentum), mul(value, 1 - momentum));
}
