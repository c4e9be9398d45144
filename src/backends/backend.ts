/**
 * The Backend interface every engine adapter implements, and the registry that
 * finds backends by name (built in, registered at run time, or an npm module).
 */
import { ConfigError } from '../errors';
import {
  CompiledGraph,
  COMPOSITES,
  CompositeAttrs,
  CompositeKernelTable,
  CompositeName,
  DType,
  DTYPES,
  Graph,
  HostData,
  KernelTable,
  PRIMITIVES,
  Shape,
} from './types';
import { checkArity } from '../arity';

export * from './types';

/**
 * Handing native tensors to and from the engine's own library without copying
 * (`K.toTf` / `K.fromTf` for the tfjs backend).
 */
export interface NativeInterop<T> {
  /** The library whose tensors the native ones are (e.g. `'tfjs'`). */
  readonly library: string;
  /** Whether `v` is a tensor of that library whose data this backend can use as it is. */
  accepts(v: unknown): boolean;
  /**
   * A new handle on the data of `x`, without copying: the receiver owns it, and
   * disposing either handle leaves the other valid (the engine counts references).
   */
  share(x: T): T;
}

/**
 * What a backend declares it lacks besides dtypes (`Backend.unsupported`), and why.
 *
 * - A feature that names a primitive (`'cumprod'`, `'gather'`) is refused by the library
 *   before any kernel runs: every op on it raises an `UnsupportedError` naming the
 *   backend, the primitive and `reason` (its kernel is never called).
 * - Any other feature is a name the backend's own kernels use: a kernel that meets it
 *   raises `new UnsupportedError(message, backendName, feature)` with that name as the
 *   `feature` (say `'conv3d'` from a native conv kernel given 3-D data).
 *
 * The conformance suite counts runs that raise an `UnsupportedError` for a declared
 * feature as `unsupported`; an `UnsupportedError` for anything not declared fails the run.
 */
export interface DeclaredLacks {
  /** Primitive names, or the feature names the backend's kernels raise. */
  readonly features: readonly string[];
  /** Why, in a few words (`'no 3-D convolution in this engine'`): every refusal carries it. */
  readonly reason: string;
}

/**
 * An engine adapter. `T` is the engine's native tensor type.
 *
 * Contract:
 * - `fromHost`/`toHost` convert between host typed arrays (see `HostData`: int64 is a BigInt64Array) and native tensors;
 *   `toHost` returns a fresh array the caller may keep.
 * - kernels never dispose their inputs; the caller disposes what it no longer needs with `dispose`.
 * - only dtypes in `dtypes` ever reach the kernels: src/api refuses the others with an
 *   `UnsupportedError` naming the backend.
 */
export interface Backend<T = unknown> {
  /** The name used in keras.json and KERAS_BACKEND. */
  readonly name: string;
  /** The dtypes this backend computes in. */
  readonly dtypes: ReadonlySet<DType>;
  /** Optional: the features this backend declares it lacks, and why (see `DeclaredLacks`). */
  readonly unsupported?: DeclaredLacks;
  /** Engine start-up (compiling wasm, loading a native library). Called once by `ready()`. */
  init?(): Promise<void>;
  /** Host data (row-major) to a native tensor of `shape` and `dtype`. */
  fromHost(data: HostData, shape: readonly number[], dtype: DType): T;
  /** A native tensor's elements, as a new host array of its dtype's layout. */
  toHost(x: T): HostData;
  /**
   * Optional: a native tensor over host data that may use `data`'s memory (no copy);
   * the caller leaves `data` unchanged until it disposes the tensor, and uses the
   * tensor within one synchronous call. Default: `fromHost`.
   */
  borrowHost?(data: HostData, shape: readonly number[], dtype: DType): T;
  /**
   * Optional: a native tensor's elements when the caller disposes it right after and
   * never reads it again: may hand out the tensor's own storage (no copy).
   * Default: `toHost`.
   */
  takeHost?(x: T): HostData;
  /** The concrete shape of a native tensor. */
  shapeOf(x: T): number[];
  /** Frees a native tensor. Must accept a tensor twice without harm. */
  dispose(x: T): void;
  /** One kernel per primitive. */
  readonly kernels: KernelTable<T>;
  /**
   * Optional: the composite ops this engine runs with kernels of its own (graph
   * nodes of these reach `compile` and the interpreter as such); src/api expands
   * every other composite into its decomposition first.
   */
  readonly composites?: CompositeKernelTable<T>;
  /**
   * Optional: whether this engine's kernel takes a composite with these attributes
   * and input shapes (default: yes, for every composite in `composites`).
   */
  acceptsComposite?<C extends CompositeName>(op: C, attrs: CompositeAttrs[C], inputs: readonly TensorInfo[]): boolean;
  /** Optional whole-graph execution; without it src/api interprets the graph kernel by kernel. */
  compile?(graph: Graph<T>): CompiledGraph<T>;
  /** Optional: wraps a variable's initial value in the engine's mutable holder (tf.Variable). */
  createVariable?(initial: T): T;
  /** Optional: stores `value` into variable `v`, returns the handle to keep (default: `value`, `v` disposed). */
  assign?(v: T, value: T): T;
  /** Optional: sharing native tensors with the engine's library without copies. */
  readonly interop?: NativeInterop<T>;
  /**
   * Optional: the largest tensor, in bytes, the engine can hold now (tfjs: what its
   * 4 GB wasm heap has left). src/api refuses a bigger one with a KerasValueError
   * naming the element count and bytes before it allocates any host memory for it.
   * Default: no limit besides the machine's memory.
   */
  maxTensorBytes?(): number;
}

/** Makes a backend; may be async when the engine must be loaded. */
export type BackendFactory<T = unknown> = () => Backend<T> | Promise<Backend<T>>;

const factories = new Map<string, BackendFactory>();

/**
 * Registers a backend under `name` (`K.registerBackend`).
 * A later registration under the same name replaces the earlier one.
 */
export function registerBackend<T>(name: string, factory: BackendFactory<T>, ...extra: []): void {
  checkArity('registerBackend', 2, extra);
  if (typeof name !== 'string' || name.length === 0) {
    throw new ConfigError(`registerBackend: argument 'name' must be a non-empty string, got ${String(name)}`);
  }
  if (typeof factory !== 'function') {
    throw new ConfigError(`registerBackend: argument 'factory' must be a function returning a Backend`);
  }
  // Stored type-erased: the engine only ever hands a backend its own tensors.
  factories.set(name, factory as unknown as BackendFactory);
}

/** Names of the registered backends. */
export function registeredBackends(): string[] {
  return [...factories.keys()];
}

/** The factory registered under `name`, if any. */
export function backendFactory(name: string): BackendFactory | undefined {
  return factories.get(name);
}

/**
 * Checks that `candidate` implements the Backend interface; throws a ConfigError
 * naming `origin` and every missing piece otherwise.
 */
export function checkBackend(candidate: unknown, origin: string): Backend {
  const problems: string[] = [];
  if (candidate === null || typeof candidate !== 'object') {
    throw new ConfigError(`${origin} is not a Backend object (got ${candidate === null ? 'null' : typeof candidate})`);
  }
  const b = candidate as Record<string, unknown>;
  if (typeof b.name !== 'string' || b.name.length === 0) problems.push("'name' (a non-empty string)");
  const dtypes = b.dtypes;
  if (!(dtypes instanceof Set) || [...dtypes].some((d) => !DTYPES.includes(d as DType))) {
    problems.push(`'dtypes' (a Set of ${DTYPES.join(', ')})`);
  }
  for (const fn of ['fromHost', 'toHost', 'shapeOf', 'dispose']) {
    if (typeof b[fn] !== 'function') problems.push(`'${fn}' (a function)`);
  }
  const kernels = b.kernels as Record<string, unknown> | undefined;
  if (kernels === null || typeof kernels !== 'object') {
    problems.push("'kernels' (an object with one function per primitive)");
  } else {
    const missing = PRIMITIVES.filter((p) => typeof kernels[p] !== 'function');
    if (missing.length > 0) problems.push(`kernels for the primitives ${missing.join(', ')}`);
  }
  const composites = b.composites as Record<string, unknown> | undefined;
  if (composites !== undefined) {
    if (composites === null || typeof composites !== 'object') problems.push("'composites' (an object of composite kernels) when present");
    else {
      const bad = Object.keys(composites).filter((c) => !(COMPOSITES as readonly string[]).includes(c) || typeof composites[c] !== 'function');
      if (bad.length > 0) problems.push(`composite kernels ${bad.join(', ')} (unknown composites or not functions)`);
    }
  }
  for (const fn of ['init', 'compile', 'createVariable', 'assign', 'borrowHost', 'takeHost', 'acceptsComposite']) {
    if (b[fn] !== undefined && typeof b[fn] !== 'function') problems.push(`'${fn}' must be a function when present`);
  }
  const lacks = b.unsupported as Record<string, unknown> | undefined;
  if (
    lacks !== undefined &&
    (lacks === null ||
      typeof lacks !== 'object' ||
      !Array.isArray(lacks.features) ||
      lacks.features.some((f) => typeof f !== 'string' || f.length === 0) ||
      typeof lacks.reason !== 'string' ||
      lacks.reason.length === 0)
  ) {
    problems.push("'unsupported' must be { features: non-empty strings, reason: a non-empty string } when present");
  }
  const interop = b.interop as Record<string, unknown> | undefined;
  if (interop !== undefined && (interop === null || typeof interop !== 'object' || typeof interop.library !== 'string' || typeof interop.accepts !== 'function' || typeof interop.share !== 'function')) {
    problems.push("'interop' must be { library, accepts, share } when present");
  }
  if (problems.length > 0) {
    throw new ConfigError(`${origin} does not implement the Backend interface: missing or wrong ${problems.join('; ')}`);
  }
  return candidate as Backend;
}

/** Whether `backend` runs composite `op` with these attributes and input shapes natively. */
export function runsComposite<C extends CompositeName>(
  backend: Backend,
  op: C,
  attrs: CompositeAttrs[C],
  inputs: readonly TensorInfo[],
): boolean {
  if (backend.composites?.[op] === undefined) return false;
  return backend.acceptsComposite ? backend.acceptsComposite(op, attrs, inputs) : true;
}

/** The static shape and dtype of a tensor. */
export interface TensorInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}
