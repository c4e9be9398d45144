/**
 * The plain data types a backend sees: dtypes, host arrays, the primitives and
 * their attributes, and the graph handed to `compile`. Nothing here depends on
 * `src/api`; adapters import only this folder's shared files and their engine.
 */

/** Element types. A backend declares which of them it supports. */
export type DType = 'float16' | 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

/** Every dtype name, for validation. */
export const DTYPES: readonly DType[] = ['float16', 'float32', 'float64', 'int32', 'int64', 'bool'];

/**
 * Host storage of a tensor's elements, row-major:
 * float32 -> Float32Array, float64 -> Float64Array, int32 -> Int32Array, bool -> Uint8Array (0/1).
 * float16 and int64 have no host layout yet; no built-in backend declares them.
 */
export type HostArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** A static shape: `null` for a dimension unknown until run time. */
export type Shape = readonly (number | null)[];

/** The typed-array constructor that holds `dtype` on the host. */
export function hostArrayFor(dtype: DType, size: number): HostArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'float64':
      return new Float64Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'bool':
      return new Uint8Array(size);
    default:
      throw new Error(`no host layout for dtype ${dtype}`);
  }
}

/** Whether `dtype` is a floating-point type. */
export function isFloatDType(dtype: DType): boolean {
  return dtype === 'float16' || dtype === 'float32' || dtype === 'float64';
}

/** Whether `dtype` is an integer type. */
export function isIntDType(dtype: DType): boolean {
  return dtype === 'int32' || dtype === 'int64';
}

/** Number of elements of a concrete shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/* ------------------------------------------------------------------------ */
/* Primitives                                                               */
/* ------------------------------------------------------------------------ */

/**
 * Elementwise unary primitives, one input, output of the input's dtype except
 * `logicalNot` (bool in, bool out).
 * - neg, abs, sign (sign(0) = 0), sqrt, exp, log, tanh, sin, cos, floor, ceil
 * - sigmoid: 1 / (1 + exp(-x)), computed without overflow for large |x|
 * - relu: max(x, 0)
 * - round: half to even (banker's rounding), as TF, NumPy and ONNX do
 * - logicalNot: bool -> bool
 */
export const UNARY_PRIMITIVES = [
  'neg',
  'abs',
  'sign',
  'sqrt',
  'exp',
  'log',
  'tanh',
  'sigmoid',
  'relu',
  'sin',
  'cos',
  'round',
  'floor',
  'ceil',
  'logicalNot',
] as const;
export type UnaryPrimitive = (typeof UNARY_PRIMITIVES)[number];

/**
 * Elementwise binary primitives with NumPy broadcasting (shapes aligned on the
 * right; a dim of 1 stretches). Both inputs have the same dtype.
 * - add, sub, mul, div, pow, maximum, minimum: output of the input dtype.
 *   `div` is only given floats (src/api casts integers first).
 *   `pow` on int32 is integer power with a non-negative exponent.
 * - equal, notEqual, greater, greaterEqual, less, lessEqual: bool output.
 * - logicalAnd, logicalOr: bool in, bool out.
 */
export const BINARY_PRIMITIVES = [
  'add',
  'sub',
  'mul',
  'div',
  'pow',
  'maximum',
  'minimum',
  'equal',
  'notEqual',
  'greater',
  'greaterEqual',
  'less',
  'lessEqual',
  'logicalAnd',
  'logicalOr',
] as const;
export type BinaryPrimitive = (typeof BINARY_PRIMITIVES)[number];

/** Binary primitives whose output is bool. */
export const COMPARISON_PRIMITIVES: ReadonlySet<BinaryPrimitive> = new Set<BinaryPrimitive>([
  'equal',
  'notEqual',
  'greater',
  'greaterEqual',
  'less',
  'lessEqual',
  'logicalAnd',
  'logicalOr',
]);

/**
 * Reductions over `axes` (non-negative, ascending, unique, never empty).
 * `keepDims` keeps reduced axes with length 1. Output dtype = input dtype.
 * reduceAny / reduceAll take and give bool. A reduction over a length-0 axis
 * gives the identity (0, -inf, +inf, 1, false, true). reduceMax / reduceMin give NaN
 * where a reduced cell is NaN; int32 sums and products wrap (two's complement).
 */
export const REDUCE_PRIMITIVES = [
  'reduceSum',
  'reduceMax',
  'reduceMin',
  'reduceProd',
  'reduceAny',
  'reduceAll',
] as const;
export type ReducePrimitive = (typeof REDUCE_PRIMITIVES)[number];

/** Attributes of a reduction. */
export interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}

/** Attributes of each primitive. One key per primitive: the kernel table is typed from it. */
export type PrimitiveAttrs = { readonly [P in UnaryPrimitive]: Record<string, never> } & {
  readonly [P in BinaryPrimitive]: Record<string, never>;
} & { readonly [P in ReducePrimitive]: ReduceAttrs } & {
  /** Returns its input unchanged (a new tensor holding the same values). */
  readonly identity: Record<string, never>;
  /**
   * Elementwise conversion. float -> int truncates toward zero and saturates (NaN gives 0,
   * values beyond the range its nearest end); x -> bool is x != 0; bool -> number is 0/1.
   */
  readonly cast: { readonly dtype: DType };
  /** inputs [cond (bool), a, b], all broadcast together; output dtype of a (a and b share a dtype). */
  readonly where: Record<string, never>;
  /**
   * Index of the largest (smallest) element along `axis` (non-negative); first one on ties,
   * the first NaN if any; int32 output; the axis is removed. An empty axis is a KerasValueError.
   */
  readonly argMax: { readonly axis: number };
  readonly argMin: { readonly axis: number };
  /** Cumulative sum/product along `axis` (non-negative). `exclusive`: shift by one (first element is 0 / 1). `reverse`: from the end. */
  readonly cumsum: { readonly axis: number; readonly exclusive: boolean; readonly reverse: boolean };
  readonly cumprod: { readonly axis: number; readonly exclusive: boolean; readonly reverse: boolean };
  /**
   * Batched matrix product. Inputs have the same rank r >= 2: a [..., m, k], b [..., k, n]
   * (after the optional transposes of the last two axes); the leading r-2 dims broadcast
   * (equal, or 1). Float dtypes only.
   */
  readonly matMul: { readonly transposeA: boolean; readonly transposeB: boolean };
  /** New shape with the same element count; at most one entry is -1 (inferred). */
  readonly reshape: { readonly shape: readonly number[] };
  /** Output axis i is input axis perm[i]. */
  readonly transpose: { readonly perm: readonly number[] };
  /** Contiguous block: begin[i] >= 0; size[i] >= 0, or -1 for "to the end". One entry per axis. */
  readonly slice: { readonly begin: readonly number[]; readonly size: readonly number[] };
  /** Joins N >= 1 inputs of one dtype along `axis` (non-negative); other dims equal. */
  readonly concat: { readonly axis: number };
  /**
   * The piece of a concatenation that came from one of its parts: inputs [x, ...parts],
   * where x is (shaped like) concat(parts, axis); returns the slice of x along `axis`
   * from the sum of parts[0..index-1]'s run-time lengths on `axis`, of parts[index]'s
   * length (the parts' values are not read). The gradient of concat when lengths are
   * known only at run time.
   */
  readonly concatPart: { readonly axis: number; readonly index: number };
  /** Constant padding: pads[i] = [before, after] (both >= 0) for every axis; fill with `value`. */
  readonly pad: { readonly pads: readonly (readonly [number, number])[]; readonly value: number };
  /** Repeats the whole tensor reps[i] times along axis i (reps.length = rank, reps[i] >= 0). */
  readonly tile: { readonly reps: readonly number[] };
  /** Reverses the order of elements along each of `axes` (non-negative, unique). */
  readonly reverse: { readonly axes: readonly number[] };
  /**
   * inputs [x, indices (int32)]; output shape x.shape[:axis] + indices.shape + x.shape[axis+1:],
   * out[..., j..., ...] = x[..., indices[j...], ...]. Indices are in [0, x.shape[axis]).
   */
  readonly gather: { readonly axis: number };
  /**
   * The adjoint of gather. inputs [updates, indices (int32)], where updates has shape
   * pre + indices.shape + post with pre of length `axis`; output shape pre + [size] + post,
   * zeros then out[pre, indices[j...], post] += updates[pre, j..., post].
   * With a third input `like` (values not read), size is like's run-time length on
   * `axis` and `attrs.size` is -1 (the gradient of gather along an unknown dim).
   */
  readonly scatterAdd: { readonly axis: number; readonly size: number };
  /** Broadcasts the input (NumPy rules) to the concrete `shape`. */
  readonly broadcastTo: { readonly shape: readonly number[] };
  /** inputs [x, like]: broadcasts x to like's run-time shape (like's values are not read). */
  readonly broadcastLike: Record<string, never>;
  /**
   * inputs [g, like] of one rank: g summed, keeping dims, over every axis where like's
   * run-time length is 1 (like's values are not read). The gradient of a broadcast whose
   * operand's dims are known only at run time (TensorFlow's BroadcastGradientArgs).
   */
  readonly sumLike: Record<string, never>;
  /** The run-time shape of the input, as an int32 vector of length rank (the values are not read). */
  readonly shapeOf: Record<string, never>;
  /**
   * Inserts length-1 axes: `axes` are their positions in the output (non-negative,
   * ascending, unique, < output rank); the data is unchanged.
   */
  readonly expandDims: { readonly axes: readonly number[] };
  /** inputs [x, like]: x reshaped to like's run-time shape (same element count; like's values are not read). */
  readonly reshapeLike: Record<string, never>;
};

/** The name of a primitive. */
export type PrimitiveName = keyof PrimitiveAttrs;

/** Every primitive name, at run time: a backend's kernel table must have each. */
export const PRIMITIVES: readonly PrimitiveName[] = [
  ...UNARY_PRIMITIVES,
  ...BINARY_PRIMITIVES,
  ...REDUCE_PRIMITIVES,
  'identity',
  'cast',
  'where',
  'argMax',
  'argMin',
  'cumsum',
  'cumprod',
  'matMul',
  'reshape',
  'transpose',
  'slice',
  'concat',
  'concatPart',
  'pad',
  'tile',
  'reverse',
  'gather',
  'scatterAdd',
  'broadcastTo',
  'broadcastLike',
  'sumLike',
  'shapeOf',
  'expandDims',
  'reshapeLike',
];

/** What a kernel is told about the output it must produce. */
export interface OutputInfo {
  /** The output dtype (already inferred by src/api). */
  readonly dtype: DType;
  /** The static output shape; `null` where unknown until run time. */
  readonly shape: Shape;
}

/** A kernel: native inputs and attributes in, one native output. Inputs are never disposed by a kernel. */
export type Kernel<T, P extends PrimitiveName> = (inputs: readonly T[], attrs: PrimitiveAttrs[P], out: OutputInfo) => T;

/** One kernel per primitive: an adapter that misses one does not compile. */
export type KernelTable<T> = { readonly [P in PrimitiveName]: Kernel<T, P> };

/* ------------------------------------------------------------------------ */
/* Graphs handed to compile                                                 */
/* ------------------------------------------------------------------------ */

/**
 * A primitive applied to inputs of type `I`, with the attributes of that primitive
 * (a union over the primitives, so `op` narrows `attrs`).
 */
export type PrimitiveApplication<I> = {
  readonly [P in PrimitiveName]: {
    readonly kind: 'op';
    readonly op: P;
    readonly attrs: PrimitiveAttrs[P];
    readonly inputs: readonly I[];
  };
}[PrimitiveName];

/** An op node of a graph: a primitive applied to earlier nodes (their indices). */
export type OpNode = PrimitiveApplication<number> & { readonly shape: Shape; readonly dtype: DType };

/** A node of a graph; `T` is the backend's native tensor. */
export type GraphNode<T> =
  | { readonly kind: 'input'; readonly shape: Shape; readonly dtype: DType; readonly name: string }
  | { readonly kind: 'variable'; readonly shape: Shape; readonly dtype: DType; readonly name: string }
  | { readonly kind: 'constant'; readonly shape: Shape; readonly dtype: DType; readonly value: T }
  | OpNode;

/**
 * A whole computation, as `function(inputs, outputs, updates)` hands it to a backend.
 * Nodes are in topological order: an op's inputs come before it.
 */
export interface Graph<T> {
  readonly nodes: readonly GraphNode<T>[];
  /** Node indices of the `input` nodes, in feed order. */
  readonly inputs: readonly number[];
  /** Node indices of the `variable` nodes, in the order their values are passed to `run`. */
  readonly variables: readonly number[];
  /** Node indices of the outputs, in order (a node may appear twice). */
  readonly outputs: readonly number[];
  /** Updates: `variables[variable]` gets the value of node `value` once the outputs are computed. */
  readonly updates: readonly { readonly variable: number; readonly value: number }[];
}

/** What a compiled graph returns for one call. */
export interface GraphResult<T> {
  /** One per graph output. The caller owns (and disposes) them. */
  readonly outputs: T[];
  /** One per graph update, in order: the new value of that variable. The caller owns them. */
  readonly updates: T[];
}

/** A graph made ready to run many times. */
export interface CompiledGraph<T> {
  /** Runs the graph; feeds follow `graph.inputs`, variable values follow `graph.variables`. */
  run(feeds: readonly T[], variables: readonly T[]): GraphResult<T>;
  /** Frees what compiling made (sessions, cached buffers). */
  dispose?(): void;
}
