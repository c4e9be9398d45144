/**
 * NDArray: a host-side value (shape, dtype, typed array), what `eval`,
 * `getValue` and compiled functions return.
 */
import { DType, float16Value, HostArray } from '../backends/types';

/** A nested JS array of numbers or booleans, as `toArray()` returns it. */
export type NestedArray = number | boolean | NestedArray[];

/** A host value: row-major elements in a typed array, with their shape and dtype. */
export class NDArray {
  /** Concrete shape. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  /**
   * Row-major elements in the dtype's host layout (bool as 0/1 in a Uint8Array,
   * float16 as IEEE half-precision bit patterns in a Uint16Array: `toArray` and
   * `item` give their values, `K.float16Value` decodes one).
   */
  readonly data: HostArray;

  constructor(data: HostArray, shape: readonly number[], dtype: DType) {
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

  /** The elements as nested arrays (booleans for bool, values for float16); a scalar gives a plain value. */
  toArray(): NestedArray {
    const conv =
      this.dtype === 'bool' ? (v: number) => v !== 0 : this.dtype === 'float16' ? (v: number) => float16Value(v) : (v: number) => v;
    const data = this.data;
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

  /** The single element of a one-element array, as a number (bool as 0/1, float16 as its value). */
  item(): number {
    if (this.data.length !== 1) throw new RangeError(`NDArray.item: the array has ${this.data.length} elements, not 1`);
    return this.dtype === 'float16' ? float16Value(this.data[0]) : this.data[0];
  }

  /** A short description, for logs. */
  toString(): string {
    return `NDArray(${this.dtype}, [${this.shape.join(', ')}], ${JSON.stringify(this.toArray())})`;
  }
}
