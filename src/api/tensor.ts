/**
 * KTensor: the symbolic tensor of the API. It has a static shape (`null` for a
 * dimension unknown until run time), a dtype and a node: a constant (a
 * materialised backend value), a variable (a mutable backend value), a
 * placeholder (fed at call time) or an op (a primitive applied to tensors).
 */
import type { Backend } from '../backends/backend';
import { DType, PrimitiveApplication, Shape } from '../backends/types';
import type { HostRandom } from './host-random';
import { valuesOf } from './values';
import { KerasTypeError, KerasValueError, UnsupportedError } from '../errors';

/** A backend-native value together with the backend that owns it. */
interface Owned {
  readonly backend: Backend;
  readonly value: unknown;
}

/** Frees native values of tensors the program no longer references. */
const finalizer = new FinalizationRegistry<Owned[]>((held) => {
  for (const { backend, value } of held) {
    try {
      backend.dispose(value);
    } catch {
      // a backend that was torn down
    }
  }
});

/** A constant: one native value per backend it has been used on. */
export interface ConstantNode {
  readonly kind: 'constant';
  readonly values: Owned[];
}

/** A variable: its current value lives on one backend at a time. */
export interface VariableNode {
  readonly kind: 'variable';
  readonly state: Owned[]; // exactly one entry
  readonly constraint?: (x: KTensor) => KTensor;
}

/** A placeholder, fed when a compiled function is called. */
export interface PlaceholderNode {
  readonly kind: 'placeholder';
  readonly sparse: boolean;
  /** A constant used when the placeholder is not fed (TF's placeholder_with_default). */
  readonly defaultValue?: KTensor;
}

/** Distributions a random node draws from. */
export type RandomDistribution = 'uniform' | 'normal' | 'truncatedNormal' | 'binomial';

/**
 * Random values, drawn anew each time the tensor is evaluated (a compiled function
 * call, an eval). They are drawn on the host by a seeded generator and fed to the
 * engine, so every backend sees the same values for the same seed.
 */
export interface RandomNode {
  readonly kind: 'random';
  readonly distribution: RandomDistribution;
  /** uniform: [low, high); normal and truncatedNormal: mean, stddev; binomial: p, unused. */
  readonly a: number;
  readonly b: number;
  /** The generator; its state advances with every draw. */
  readonly rng: HostRandom;
  /** Empty, or one tensor whose run-time shape is the shape drawn (its values are not read). */
  readonly inputs: readonly KTensor[];
  /**
   * Drawn for every step of a loop (src/api/scan.ts): the shape is [steps, ...the run-time
   * shape of the body tensor `like`], inferred from the loop's inputs (`outer`, which
   * are then this node's `inputs`) bound to the body's `params` (`sliced`: a sequence,
   * whose slice drops axis 0).
   */
  readonly stepOf?: {
    readonly params: readonly KTensor[];
    readonly outer: readonly KTensor[];
    readonly sliced: readonly boolean[];
    readonly like: KTensor;
  };
}

/** An op node: a primitive applied to tensors. */
export type OpTensorNode = PrimitiveApplication<KTensor> & {
  /** `stopGradient`: no gradient flows through this node. */
  readonly noGrad: boolean;
};

/** What a tensor is. */
export type TensorNode = ConstantNode | VariableNode | PlaceholderNode | RandomNode | OpTensorNode;

/** The tensors a tensor is computed from (ops and shape-following random nodes). */
export function inputsOf(t: KTensor): readonly KTensor[] {
  const n = t.node;
  return n.kind === 'op' || n.kind === 'random' ? n.inputs : [];
}

/**
 * The one walk over tensor graphs: calls `done` once on each tensor reachable from
 * `roots` through `next` (by default a tensor's inputs), inputs before users.
 * Iterative, so deep graphs are fine. Walks that share `seen` skip what an earlier
 * one reached (`done` may start such a walk itself).
 */
export function walkGraph(
  roots: readonly KTensor[],
  done: (t: KTensor) => void,
  next: (t: KTensor) => readonly KTensor[] = inputsOf,
  seen: Set<number> = new Set(),
): void {
  // Each frame: a tensor, the tensors `next` gave for it, and how many of those were entered.
  const stack: { readonly t: KTensor; readonly ins: readonly KTensor[]; k: number }[] = [];
  const enter = (t: KTensor): void => {
    seen.add(t.id);
    stack.push({ t, ins: next(t), k: 0 });
  };
  for (const r of roots) {
    if (seen.has(r.id)) continue;
    enter(r);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.k < top.ins.length) {
        const c = top.ins[top.k++];
        if (!seen.has(c.id)) enter(c);
      } else {
        stack.pop();
        done(top.t);
      }
    }
  }
}

/** The tensors reachable from `roots`, inputs before users, not going past the tensors in `stop`. */
export function topoSort(roots: readonly KTensor[], stop?: ReadonlySet<number>): KTensor[] {
  const order: KTensor[] = [];
  walkGraph(roots, (t) => order.push(t), stop === undefined ? inputsOf : (t) => (stop.has(t.id) ? [] : inputsOf(t)));
  return order;
}

let nextId = 1;

/** Tensors made by printTensor on lazy tensors: printed with their message whenever evaluated. */
const printMessages = new WeakMap<KTensor, string>();

/** Marks `t` to be printed, after `message`, each time a graph computing it runs. */
export function markPrint(t: KTensor, message: string): void {
  printMessages.set(t, message);
}

/** The message of a tensor marked by `markPrint`, if any. */
export function printMessageOf(t: KTensor): string | undefined {
  return printMessages.get(t);
}

/** Constants made inside each open `tidy` scope, innermost last. */
const scopes: KTensor[][] = [];

/**
 * Frees the native memory of a constant tensor now, instead of when it is
 * garbage-collected. Using it afterwards is an error. Variables, placeholders and
 * lazy tensors hold no memory of their own and are left alone.
 */
export function disposeTensor(t: KTensor): void {
  const node = t.node;
  if (node.kind !== 'constant') return;
  for (const { backend, value } of node.values) backend.dispose(value);
  node.values.length = 0;
  finalizer.unregister(t);
}

/** Constants a compiled function holds on to: never freed by a scope. */
const pinned = new WeakSet<KTensor>();

/** Keeps constant `t` alive past the scope it was made in (a compiled graph uses it). */
export function pinConstant(t: KTensor): void {
  pinned.add(t);
}

/** Runs `fn`, then frees every constant it made except those in its result. */
export function withScope<R>(fn: () => R): R {
  const scope: KTensor[] = [];
  scopes.push(scope);
  let result: R;
  try {
    result = fn();
  } finally {
    scopes.pop();
  }
  if (result instanceof Promise) {
    throw new KerasTypeError('tidy: argument \'fn\' must be synchronous (it returned a Promise)');
  }
  const keep = new Set<KTensor>();
  const visit = (v: unknown, depth: number): void => {
    if (v instanceof KTensor) {
      keepReachable(v, keep);
    } else if (depth < 3 && Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (depth < 3 && v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      // plain objects only: NDArrays, typed arrays and class instances hold no tensors
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  visit(result, 0);
  const outer = scopes[scopes.length - 1];
  for (const t of scope) {
    if (keep.has(t)) outer?.push(t);
    else if (!pinned.has(t)) disposeTensor(t);
  }
  return result;
}

/** Marks `t` and the constants a lazy `t` is built on as kept. */
function keepReachable(t: KTensor, keep: Set<KTensor>): void {
  walkGraph([t], (x) => keep.add(x), (x) => (keep.has(x) ? [] : inputsOf(x)));
}

/** Methods added to KTensor by the math module (set at start-up to avoid an import cycle). */
export interface TensorMethodImpl {
  add(x: KTensor, y: unknown): KTensor;
  subtract(x: KTensor, y: unknown): KTensor;
  multiply(x: KTensor, y: unknown): KTensor;
  divide(x: KTensor, y: unknown): KTensor;
  negative(x: KTensor): KTensor;
  slice(x: KTensor, start: readonly number[], size: readonly number[]): KTensor;
}
let methodImpl: TensorMethodImpl | null = null;

/** Installs the implementations behind the tensor methods. */
export function installTensorMethods(impl: TensorMethodImpl): void {
  methodImpl = impl;
}

function methods(): TensorMethodImpl {
  if (!methodImpl) throw new Error('tensor methods are not installed');
  return methodImpl;
}

/** A symbolic tensor: static shape, dtype and the node that makes it. */
export class KTensor {
  /** Unique, increasing id (creation order). */
  readonly id: number;
  /** Static shape; `null` entries are unknown until run time. */
  readonly shape: Shape;
  /** Element type. */
  readonly dtype: DType;
  /** What makes the tensor. */
  readonly node: TensorNode;
  /** A name (from the `name` arguments or made up). */
  readonly name: string;

  constructor(node: TensorNode, shape: Shape, dtype: DType, name?: string) {
    this.id = nextId++;
    this.node = node;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.name = name ?? `${node.kind === 'op' ? node.op : node.kind}_${this.id}`;
    if (node.kind === 'constant') {
      finalizer.register(this, node.values, this);
      const scope = scopes[scopes.length - 1];
      if (scope) scope.push(this);
    }
    if (node.kind === 'variable') finalizer.register(this, node.state, this);
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** Whether the tensor's value is known now (a constant). */
  get isConstant(): boolean {
    return this.node.kind === 'constant';
  }

  /** `x + y` (Keras `x + y`), broadcasting. */
  add(y: unknown): KTensor {
    return methods().add(this, y);
  }

  /** `x - y`, broadcasting. */
  subtract(y: unknown): KTensor {
    return methods().subtract(this, y);
  }

  /** `x * y`, broadcasting. */
  multiply(y: unknown): KTensor {
    return methods().multiply(this, y);
  }

  /** `x / y`, broadcasting. */
  divide(y: unknown): KTensor {
    return methods().divide(this, y);
  }

  /** `-x`. */
  negative(): KTensor {
    return methods().negative(this);
  }

  /** A contiguous block: `start` per axis, `size` per axis (-1: to the end). */
  slice(start: readonly number[], size: readonly number[]): KTensor {
    return methods().slice(this, start, size);
  }

  /** A short description. */
  toString(): string {
    const dims = this.shape.map((d) => (d === null ? 'None' : String(d))).join(', ');
    return `KTensor(${this.name}, shape=[${dims}], dtype=${this.dtype}, ${this.node.kind})`;
  }
}

/** Makes a constant tensor from a native value owned by `backend`. */
export function constantTensor(backend: Backend, value: unknown, shape: readonly number[], dtype: DType, name?: string): KTensor {
  return new KTensor({ kind: 'constant', values: [{ backend, value }] }, shape, dtype, name);
}

/**
 * Refuses op `op` when the backend declares it lacks that primitive
 * (`Backend.unsupported`): an UnsupportedError naming the backend, the primitive and
 * the backend's reason, whose `feature` is the primitive's name.
 */
export function checkBackendPrimitive(backend: Backend, op: string): void {
  const lacks = backend.unsupported;
  if (lacks !== undefined && lacks.features.includes(op)) {
    throw new UnsupportedError(`The '${backend.name}' backend does not support the primitive '${op}' (${lacks.reason})`, backend.name, op);
  }
}

/** Refuses a graph node the backend cannot run: a dtype outside its `dtypes`, or a primitive it declares it lacks. */
export function checkBackendNode(backend: Backend, node: { readonly kind: string; readonly dtype: DType; readonly op?: string }): void {
  requireDType(backend, node.dtype);
  if (node.kind === 'op' && node.op !== undefined) checkBackendPrimitive(backend, node.op);
}

function requireDType(backend: Backend, dtype: DType): void {
  if (!backend.dtypes.has(dtype)) {
    throw new UnsupportedError(
      `The '${backend.name}' backend does not support dtype ${dtype} (it supports ${[...backend.dtypes].join(', ')})`,
      backend.name,
      `dtype ${dtype}`,
    );
  }
}

/** Moves a native value from one backend to another through host memory. */
function move(from: Owned, to: Backend, dtype: DType): unknown {
  requireDType(to, dtype);
  const host = from.backend.toHost(from.value);
  return to.fromHost(host, from.backend.shapeOf(from.value), dtype);
}

/** A constant's native value on `backend` (moved over and cached if it was made elsewhere). */
export function constantValue(t: KTensor, backend: Backend): unknown {
  const node = t.node as ConstantNode;
  if (node.values.length === 0) {
    throw new KerasValueError(`the tensor '${t.name}' was disposed (by K.dispose or at the end of K.tidy) and cannot be used`);
  }
  for (const o of node.values) if (o.backend === backend) return o.value;
  const value = move(node.values[0], backend, t.dtype);
  node.values.push({ backend, value });
  return value;
}

/** A variable's current native value on `backend` (moved over if it lived elsewhere). */
export function variableValue(t: KTensor, backend: Backend): unknown {
  const node = t.node as VariableNode;
  const cur = node.state[0];
  if (cur.backend === backend) return cur.value;
  const moved = move(cur, backend, t.dtype);
  const value = backend.createVariable ? backend.createVariable(moved) : moved;
  cur.backend.dispose(cur.value);
  node.state[0] = { backend, value };
  return value;
}

/** Stores a new native value (made by `backend`) into variable `t`; disposes the old one. */
export function storeVariable(t: KTensor, backend: Backend, value: unknown): void {
  const node = t.node as VariableNode;
  const cur = node.state[0];
  if (cur.backend === backend) {
    node.state[0] = { backend, value: backend.assign ? backend.assign(cur.value, value) : value };
    if (!backend.assign && cur.value !== value) backend.dispose(cur.value);
  } else {
    cur.backend.dispose(cur.value);
    node.state[0] = { backend, value: backend.createVariable ? backend.createVariable(value) : value };
  }
}

/** Makes a variable tensor from a native value made by `backend`. */
export function variableTensor(
  backend: Backend,
  value: unknown,
  shape: readonly number[],
  dtype: DType,
  name?: string,
  constraint?: (x: KTensor) => KTensor,
): KTensor {
  const held = backend.createVariable ? backend.createVariable(value) : value;
  return new KTensor({ kind: 'variable', state: [{ backend, value: held }], constraint }, shape, dtype, name);
}

/** Checks that the backend supports `dtype`, else an UnsupportedError naming both. */
export function checkBackendDType(backend: Backend, dtype: DType): void {
  requireDType(backend, dtype);
}

/**
 * The elements of a constant tensor, read on the host (for argument checks that
 * need values); null when `t` is not a constant (a variable, placeholder or lazy op)
 * or was disposed.
 */
export function constantHostData(t: KTensor): ArrayLike<number> | null {
  if (t.node.kind !== 'constant') return null;
  const owned = (t.node as ConstantNode).values[0];
  if (owned === undefined) return null;
  return valuesOf(owned.backend.toHost(owned.value), t.dtype);
}
