/**
 * NDArray: a host-side value (shape, dtype, typed array), what `eval`,
 * `getValue` and compiled functions return.
 */
import { DType, float16Value, HostData } from '../backends/types';

/** A nested JS array of numbers, bigints (int64) or booleans, as `toArray()` returns it. */
export type NestedArray = number | bigint | boolean | NestedArray[];

/** A host value: row-major elements in a typed array, with their shape and dtype. */
export class NDArray {
  /** Concrete shape. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /**
   * Row-major elements in the dtype's host layout (bool as 0/1 in a Uint8Array,
   * float16 as IEEE half-precision bit patterns in a Uint16Array: `toArray` and
   * `item` give their values, `K.float16Value` decodes one; int64 as a BigInt64Array).
   */
  readonly data: HostData;

  constructor(data: HostData, shape: readonly number[], dtype: DType) {
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** The elements as nested arrays (booleans for bool, values for float16, bigints for int64); a scalar gives a plain value. */
  toArray(): NestedArray {
    const conv =
      this.dtype === 'bool'
        ? (v: number | bigint) => v !== 0
        : this.dtype === 'float16'
          ? (v: number | bigint) => float16Value(Number(v))
          : (v: number | bigint) => v;
    const data: ArrayLike<number | bigint> = this.data;
    const shape = this.shape;
    if (shape.length === 0) return conv(data[0]);
    let offset = 0;
    const build = (axis: number): NestedArray[] => {
      const out: NestedArray[] = [];
      const n = shape[axis];
      if (axis === shape.length - 1) {
        for (let i = 0; i < n; i++) out.push(conv(data[offset++]));
      } else {
        for (let i = 0; i < n; i++) out.push(build(axis + 1));
      }
      return out;
    };
    return build(0);
  }

  /**
   * The single element of a one-element array, as a number (bool as 0/1, float16 as
   * its value; int64 when a double holds it exactly, within +-2^53: else a RangeError,
   * read `data[0]` for the bigint).
   */
  item(): number {
    if (this.data.length !== 1) throw new RangeError(`NDArray.item: the array has ${this.data.length} elements, not 1`);
    const v = this.data[0];
    if (typeof v === 'bigint') {
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new RangeError(`NDArray.item: the int64 value ${v} is not exact as a number (read data[0] for the bigint)`);
      return n;
    }
    return this.dtype === 'float16' ? float16Value(v) : v;
  }

  /** A short description, for logs. */
  toString(): string {
    return `NDArray(${this.dtype}, [${this.shape.join(', ')}], ${JSON.stringify(this.toArray(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))})`;
  }
}
