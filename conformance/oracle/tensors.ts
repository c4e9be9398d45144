/**
 * Oracle of the `tensors` group: the identity matrix of `eye` (the other tensor
 * constructors are checked against `full` and the inputs themselves).
 */
import { OArray } from './ndarray';

/** The identity matrix with `rows` rows and `cols` columns. */
export function eye(rows: number, cols = rows): OArray {
  const data = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < Math.min(rows, cols); i++) data[i * cols + i] = 1;
  return { data, shape: [rows, cols] };
}
