/**
 * The reference backend's native tensor: a row-major host array, its shape and dtype.
 */
import type { DType, HostArray } from '../types';

/**
 * A tensor of the reference backend. `data.length` equals the product of
 * `shape`; `data` uses the layout of `dtype` (see `HostArray`).
 *
 * Tensors are immutable once made: no kernel writes into an input, so two
 * tensors may share one `data` buffer (reshape and identity do). `fromHost`
 * copies what it is given and `toHost` hands out a copy, so no caller ever
 * holds a buffer a tensor uses.
 */
export interface RefTensor {
  readonly data: HostArray;
  readonly shape: readonly number[];
  readonly dtype: DType;
}
