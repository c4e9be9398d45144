/**
 * What defining a primitive means: the generic types of the definition table
 * (arity, shape and dtype rule, sub-graphs) and the checks the rules share.
 * Every table over the primitives (definitions here, gradient rules in src/api,
 * each adapter's kernels, ONNX lowerings) is a mapped type over the keys of an
 * attributes map `A`, so a primitive missing from any of them does not compile.
 */
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../errors';
import { DType, Shape, isFloatDType } from '../dtypes';
import type { BodyGraph } from './higher-order';

/** Attributes of a primitive that has none. */
export type NoAttrs = Record<string, never>;

/** Shape and dtype of a tensor, statically (`null` dims are known only at run time). */
export interface StaticInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

/** How many inputs a primitive takes: exactly `n`, or from `min` to `max` (unbounded when absent). */
export type Arity = number | { readonly min: number; readonly max?: number };

/**
 * A primitive's shape and dtype rule. It receives inputs whose count already
 * satisfies the arity, checks what the primitive's contract asks of them and of
 * `attrs` (axis ranges, dtypes, ranks), and returns the output's static shape and
 * dtype. Violations throw KerasShapeError / KerasTypeError / KerasValueError naming
 * the primitive: they mean a caller broke the contract (public functions check
 * user arguments first, with messages naming the function and the argument).
 */
export type ShapeRule<A> = (inputs: readonly StaticInfo[], attrs: A) => StaticInfo;

/** Everything the shared backend layer knows about one primitive with attributes `A`. */
export interface PrimitiveDef<A> {
  /** Number of inputs. */
  readonly arity: Arity;
  /** Output shape and dtype; asserts the contract. */
  readonly infer: ShapeRule<A>;
  /**
   * For higher-order primitives: the graphs held in `attrs` (a scan's body), so
   * that generic passes (graph walks, printing, structural keys) can reach them.
   * Absent for first-order primitives.
   */
  readonly bodies?: (attrs: A) => readonly BodyGraph[];
}

/** One definition per primitive of the attributes map `A`. */
export type PrimitiveDefs<A> = { readonly [P in keyof A]: PrimitiveDef<A[P]> };

/* ------------------------------------------------------------------------ */
/* Checks shared by the rules                                               */
/* ------------------------------------------------------------------------ */

/** Formats a static shape, `null` as None (the one shape formatter, src/format.ts). */
import { formatShape as fmt } from '../../format';

export { fmt };

/** Broadcasts two static shapes (NumPy rules); `fn` names the caller in errors. */
export function broadcastShapes(a: Shape, b: Shape, fn: string): (number | null)[] {
  const r = Math.max(a.length, b.length);
  const out: (number | null)[] = new Array(r);
  for (let i = 0; i < r; i++) {
    const da = i < r - a.length ? 1 : a[i - (r - a.length)];
    const db = i < r - b.length ? 1 : b[i - (r - b.length)];
    if (da === 1) out[i] = db;
    else if (db === 1) out[i] = da;
    else if (da === null) out[i] = db;
    else if (db === null) out[i] = da;
    else if (da === db) out[i] = da;
    else throw new KerasShapeError(`${fn}: shapes [${fmt(a)}] and [${fmt(b)}] cannot be broadcast together`);
  }
  return out;
}

/** Throws unless `n` inputs fit `arity`. */
export function checkArity(op: string, arity: Arity, n: number): void {
  if (typeof arity === 'number') {
    if (n !== arity) throw new KerasValueError(`${op}: takes ${arity} input(s), got ${n}`);
    return;
  }
  if (n < arity.min || (arity.max !== undefined && n > arity.max)) {
    const range = arity.max === undefined ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
    throw new KerasValueError(`${op}: takes ${range} inputs, got ${n}`);
  }
}

/** Throws unless `axis` is an integer in [0, rank). */
export function checkAxis(op: string, axis: number, rank: number, what = 'axis'): void {
  if (!Number.isInteger(axis) || axis < 0 || axis >= rank) {
    throw new KerasValueError(`${op}: ${what} ${axis} is out of range for rank ${rank} (expected 0..${rank - 1})`);
  }
}

/** Throws unless `axes` are integers in [0, rank), strictly ascending (so unique). */
export function checkAscendingAxes(op: string, axes: readonly number[], rank: number, what = 'axes'): void {
  axes.forEach((a, i) => {
    checkAxis(op, a, rank, what === 'axes' ? 'axis' : what);
    if (i > 0 && a <= axes[i - 1]) throw new KerasValueError(`${op}: ${what} [${axes.join(', ')}] must be ascending and unique`);
  });
}

/** Throws unless `axes` are unique integers in [0, rank) (any order). */
export function checkUniqueAxes(op: string, axes: readonly number[], rank: number): void {
  for (const a of axes) checkAxis(op, a, rank);
  if (new Set(axes).size !== axes.length) throw new KerasValueError(`${op}: axes [${axes.join(', ')}] must be unique`);
}

/** Throws unless an attribute holding one entry per axis has `rank` entries. */
export function checkPerAxis(op: string, what: string, length: number, rank: number): void {
  if (length !== rank) throw new KerasValueError(`${op}: '${what}' has ${length} entries for an input of rank ${rank}`);
}

/** Throws unless `x` is of one of `allowed` (described as `what`). */
export function checkDType(op: string, x: StaticInfo, allowed: (d: DType) => boolean, what: string, input = 'input'): void {
  if (!allowed(x.dtype)) throw new KerasTypeError(`${op}: ${input} must be ${what}, got ${x.dtype}`);
}

/** Throws unless every input has the dtype of the first. */
export function checkSameDType(op: string, inputs: readonly StaticInfo[]): void {
  const d = inputs[0].dtype;
  const other = inputs.find((t) => t.dtype !== d);
  if (other !== undefined) throw new KerasTypeError(`${op}: inputs must share one dtype, got ${d} and ${other.dtype}`);
}

/** Whether `d` is a floating-point dtype (for `checkDType`). */
export const float = isFloatDType;
/** Whether `d` is bool (for `checkDType`). */
export const bool = (d: DType): boolean => d === 'bool';
/** Whether `d` is int32 (for `checkDType`). */
export const int32 = (d: DType): boolean => d === 'int32';
