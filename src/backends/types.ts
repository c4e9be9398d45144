/**
 * The plain data types a backend sees: dtypes, host arrays, the primitives and
 * their attributes, kernels, and the graph handed to `compile`. Nothing here
 * depends on `src/api`; adapters import only this folder's shared files and their engine.
 */
import type { DType, Shape } from './dtypes';
import type { OpAttrs, OpName, PrimitiveAttrs, PrimitiveName } from './primitives';

export * from './dtypes';
export * from './primitives';

/* ------------------------------------------------------------------------ */
/* Kernels                                                                  */
/* ------------------------------------------------------------------------ */

/** What a kernel is told about the output it must produce. */
export interface OutputInfo {
  /** The output dtype (already inferred by src/api). */
  readonly dtype: DType;
  /** The static output shape; `null` where unknown until run time. */
  readonly shape: Shape;
}

/** A kernel for a primitive with attributes `A`: native inputs and attributes in, one native output. Inputs are never disposed by a kernel. */
export type KernelOf<T, A> = (inputs: readonly T[], attrs: A, out: OutputInfo) => T;

/**
 * The kernel of primitive `P`. Kernels of primitives with the same attributes are one
 * type: `Kernel<T, 'neg'>` is a `Kernel<T, 'abs'>`, so one helper fills several slots
 * of a table. (The `P extends unknown ? unknown : unknown` part is `unknown` for every
 * P; it makes the compiler compare two kernels by their signatures, not their names.)
 */
export type Kernel<T, P extends PrimitiveName> = KernelOf<T, PrimitiveAttrs[P]> & (P extends unknown ? unknown : unknown);

/**
 * One kernel per primitive of the attributes map `A` (by default every primitive):
 * an adapter that misses one does not compile.
 */
export type KernelTable<T, A = PrimitiveAttrs> = { readonly [P in keyof A]: KernelOf<T, A[P]> };

/* ------------------------------------------------------------------------ */
/* Graphs handed to compile                                                 */
/* ------------------------------------------------------------------------ */

/**
 * A primitive `op` with its attributes, applied to inputs of type `I` (a union over
 * the primitives, so `op` narrows `attrs`). Tables of cases are typed with it.
 */
export type Application<I> = {
  readonly [P in PrimitiveName]: {
    readonly op: P;
    readonly attrs: PrimitiveAttrs[P];
    readonly inputs: readonly I[];
  };
}[PrimitiveName];

/**
 * An op (a primitive, or a higher-order one: scan, pick) applied to inputs of type
 * `I`, as a node of a graph (`kind: 'op'`; a union over the ops, so `op` narrows `attrs`).
 */
export type PrimitiveApplication<I> = {
  readonly [P in OpName]: {
    readonly kind: 'op';
    readonly op: P;
    readonly attrs: OpAttrs[P];
    readonly inputs: readonly I[];
  };
}[OpName];

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
