/**
 * Shape and stride helpers: row-major strides, NumPy broadcasting of shapes,
 * broadcast strides, dimension coalescing, and a row-by-row walk over strided
 * operands that the kernels use to keep their inner loops flat.
 */
import { formatShape } from '../../format';

/** Row-major strides of `shape` (the last axis has stride 1). */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/**
 * The NumPy broadcast of `shapes`: aligned on the right, a dim of 1 stretches.
 * Throws when two dims differ and neither is 1.
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const lead = rank - s.length;
    for (let d = 0; d < s.length; d++) {
      const dim = s[d];
      const cur = out[lead + d];
      if (dim === cur || dim === 1) continue;
      if (cur === 1) out[lead + d] = dim;
      else throw new Error(`reference backend: shapes ${shapes.map((s) => `[${formatShape(s)}]`).join(' and ')} do not broadcast`);
    }
  }
  return out;
}

/**
 * Strides that read a row-major tensor of `inShape` as if it had the larger
 * `outShape`: one per output axis, 0 on stretched or missing axes.
 * Throws when `inShape` does not broadcast to `outShape`.
 */
export function broadcastStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const lead = outShape.length - inShape.length;
  if (lead < 0) throw new Error(`reference backend: cannot broadcast [${formatShape(inShape)}] to [${formatShape(outShape)}]`);
  const own = stridesOf(inShape);
  const strides = new Array<number>(outShape.length).fill(0);
  for (let d = 0; d < inShape.length; d++) {
    const dim = inShape[d];
    if (dim === outShape[lead + d]) strides[lead + d] = dim === 1 ? 0 : own[d];
    else if (dim !== 1) throw new Error(`reference backend: cannot broadcast [${formatShape(inShape)}] to [${formatShape(outShape)}]`);
  }
  return strides;
}

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}


/** A walk over `shape` with one set of strides per operand, after coalescing. */
export interface Coalesced {
  /** Non-empty; dims of 1 dropped and mergeable neighbours merged. */
  readonly shape: number[];
  /** `strides[k][d]`: operand k's stride along coalesced axis d. */
  readonly strides: number[][];
}

/**
 * Simplifies a strided walk without changing the visiting order: drops axes of
 * length 1 and merges axis d into d + 1 wherever every operand steps over axis
 * d exactly as a run of axis d + 1 would. The result has rank >= 1.
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): Coalesced {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    const dim = shape[d];
    if (dim === 1) continue;
    const last = outShape.length - 1;
    let merge = last >= 0;
    for (let k = 0; merge && k < strides.length; k++) {
      if (outStrides[k][last] !== strides[k][d] * dim) merge = false;
    }
    if (merge) {
      outShape[last] *= dim;
      for (let k = 0; k < strides.length; k++) outStrides[k][last] = strides[k][d];
    } else {
      outShape.push(dim);
      for (let k = 0; k < strides.length; k++) outStrides[k].push(strides[k][d]);
    }
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (const s of outStrides) s.push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/**
 * Steps through the rows (all axes but the last) of a coalesced walk, keeping
 * each operand's offset of the current row's first element in `offsets`.
 * Make it with `rowWalk`, read `offsets`, call `next()` after each row.
 */
export class RowWalk {
  /** Current row start of each operand. */
  readonly offsets: number[];
  /** Number of rows. */
  readonly rows: number;
  /** Elements per row (the last coalesced axis). */
  readonly rowLength: number;
  /** Each operand's stride along a row. */
  readonly rowStrides: number[];
  private readonly outer: number[];
  private readonly outerStrides: number[][];
  private readonly counters: Int32Array;

  /** Prefer `rowWalk`. */
  constructor(c: Coalesced, start: readonly number[]) {
    const r = c.shape.length - 1;
    this.rowLength = c.shape[r];
    this.rowStrides = c.strides.map((s) => s[r]);
    this.outer = c.shape.slice(0, r);
    this.outerStrides = c.strides.map((s) => s.slice(0, r));
    this.counters = new Int32Array(r);
    this.offsets = start.slice();
    let rows = 1;
    for (const d of this.outer) rows *= d;
    this.rows = rows;
  }

  /** Moves every operand's offset to the next row. */
  next(): void {
    const { counters, outer, outerStrides, offsets } = this;
    const nOps = offsets.length;
    for (let d = outer.length - 1; d >= 0; d--) {
      const c = ++counters[d];
      if (c < outer[d]) {
        for (let k = 0; k < nOps; k++) offsets[k] += outerStrides[k][d];
        return;
      }
      counters[d] = 0;
      for (let k = 0; k < nOps; k++) offsets[k] -= outerStrides[k][d] * (outer[d] - 1);
    }
  }
}

/**
 * A row walk over `shape` for operands with the given strides and start
 * offsets (coalesced first). Only for non-empty shapes.
 */
export function rowWalk(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  start: readonly number[] = strides.map(() => 0),
): RowWalk {
  return new RowWalk(coalesce(shape, strides), start);
}
