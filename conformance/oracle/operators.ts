/**
 * Oracle of the Python operators (add, subtract, multiply, divide, negative,
 * slice): NumPy broadcasting in float64.
 */
import { OArray, OLike, asArray, binary, map, sizeOf, stridesOf, unravel } from './ndarray';

/** `a + b`, broadcasting. */
export const add = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x + y);

/** `a - b`, broadcasting. */
export const sub = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x - y);

/** `a * b`, broadcasting. */
export const mul = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x * y);

/** `a / b`, broadcasting. */
export const div = (a: OLike, b: OLike): OArray => binary(a, b, (x, y) => x / y);

/** `-a`. */
export const neg = (a: OLike): OArray => map(a, (x) => -x);

/** A contiguous block: `begin[i]`, `size[i]` (-1: to the end) per axis. */
export function slice(av: OLike, begin: readonly number[], size: readonly number[]): OArray {
  const a = asArray(av);
  const shape = size.map((s, i) => (s === -1 ? a.shape[i] - begin[i] : s));
  const sa = stridesOf(a.shape);
  const data = new Array<number>(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    const idx = unravel(i, shape);
    let k = 0;
    for (let d = 0; d < idx.length; d++) k += (idx[d] + begin[d]) * sa[d];
    data[i] = a.data[k];
  }
  return { data, shape };
}
