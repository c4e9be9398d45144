/**
 * `function(inputs, outputs, updates)`: a compiled graph called with a list of
 * values, returning a list of NDArrays, applying updates after the outputs.
 */
import type { Backend } from '../../../backends/backend';
import { interpretGraph } from '../../../backends/interpret';
import { CompiledGraph, DType, isFloatDType, isIntDType } from '../../../backends/types';
import { KerasShapeError, KerasTypeError, KerasValueError } from '../../../errors';
import { activeBackend, engineFailure, onEngine } from '../../engine';
import { BuiltGraph, buildGraph, drawRandomFeeds, takePrints, variableValues } from '../../graph';
import { fmt } from '../../infer';
import { NDArray } from '../../ndarray';
import { checkBackendNode, KTensor, storeVariable } from '../../tensor';
import { isHostData, toHostValue } from '../../values';
import { show } from '../../validate';
import { checkRunTimeShapes } from '../../run-shapes';
import { floatx } from '../../../config';
import { exportGraphToOnnx, OnnxExportInfo, OnnxExportOptions } from '../../export';
import type { TensorInput } from '../../tensor-input';
import { checkArity } from '../../../arity';

/** A variable update: `variable` takes the value of `value` when a function runs. */
export class KUpdate {
  constructor(
    /** The variable to update. */
    readonly variable: KTensor,
    /** Its new value. */
    readonly value: KTensor,
  ) {}
}

/** An update in a `function`'s list: a KUpdate or a `[variable, newValue]` pair. */
export type UpdateSpec = KUpdate | readonly [KTensor, KTensor];

/** The values a `function` is fed: one per input placeholder (a tuple when the inputs were). */
export type FeedValues<I extends readonly KTensor[]> = { readonly [K in keyof I]: TensorInput };

/** What a `function` returns: one NDArray per output (a tuple when the outputs were; one output gives a one-element tuple). */
export type FunctionResults<O extends KTensor | readonly KTensor[]> = O extends readonly KTensor[] ? { -readonly [K in keyof O]: NDArray } : [NDArray];

/**
 * A compiled Keras function: call it with one value per input. Typed by what it was
 * built from: `K.function([x, y], [loss, acc])` takes two values and returns two
 * NDArrays (`const [l, a] = f([xs, ys])` needs no `!`).
 */
export type KFunction<I extends readonly KTensor[] = readonly KTensor[], O extends KTensor | readonly KTensor[] = readonly KTensor[]> = FunctionCall<I, O> &
  FunctionMembers;

/**
 * The call of a `KFunction`. (Declared as a method and taken out, so that a function
 * of two inputs is still a `KFunction` of any inputs: method parameters are compared
 * both ways.)
 */
export type FunctionCall<I extends readonly KTensor[], O extends KTensor | readonly KTensor[]> = {
  call(values: FeedValues<I>): FunctionResults<O>;
}['call'];

/** The members of a `KFunction` besides its call. */
export interface FunctionMembers {
  /** The placeholders, in feed order. */
  readonly inputs: readonly KTensor[];
  /** The output tensors. */
  readonly outputs: readonly KTensor[];
  /** Frees what compiling made (an ONNX session, say) now rather than at garbage collection; calling it afterwards is an error. */
  dispose(): void;
  /**
   * Writes this function as a standalone ONNX model (see `exportOnnx`). With updates,
   * the model's extra outputs are the updated variables' new values (named
   * `<variable>_updated`) and each updated variable is an input named after it
   * (see `OnnxExportOptions.updatedWeights`), so a training step runs in any ONNX
   * Runtime and repeats by feeding the new values back.
   */
  exportOnnx(file: string, options?: OnnxExportOptions): OnnxExportInfo;
}

type Compiled = Map<Backend, { built: BuiltGraph; run: CompiledGraph<unknown> }>;

/** Frees the compiled graphs of functions the program no longer references. */
const compiledFinalizer = new FinalizationRegistry<Compiled>((compiled) => disposeCompiled(compiled));

function disposeCompiled(compiled: Compiled): void {
  for (const { run } of compiled.values()) {
    try {
      run.dispose?.();
    } catch {
      // a backend already torn down
    }
  }
  compiled.clear();
}

/** Host copy of a native value, then disposed. */
export function toNDArray(backend: Backend, value: unknown, dtype: DType): NDArray {
  const data = backend.toHost(value);
  const shape = backend.shapeOf(value);
  return new NDArray(data, shape, dtype);
}

/** Whether a feed carries its own dtype (typed array, NDArray, or data with a typed array or dtype). */
function isTyped(value: unknown): boolean {
  if (isHostData(value) || value instanceof NDArray) return true;
  if (value !== null && typeof value === 'object' && 'data' in value) {
    const v = value as { data: unknown; dtype?: unknown };
    return v.dtype !== undefined || isHostData(v.data);
  }
  return false;
}

function checkFeedDType(value: unknown, host: { dtype: DType; data: ArrayLike<number | bigint> }, want: DType, i: number, name: string): void {
  const from = host.dtype;
  if (from === want) return;
  const ok =
    (isFloatDType(want) && (isFloatDType(from) || isIntDType(from))) ||
    (isIntDType(want) && isIntDType(from)) ||
    // untyped values (numbers, nested arrays) of whole numbers are fine for integer placeholders
    (isIntDType(want) && !isTyped(value) && Array.from(host.data).every((e) => typeof e === 'bigint' || Number.isInteger(e)));
  if (!ok) {
    throw new KerasTypeError(`function: input ${i} ('${name}') expects dtype ${want}, got ${from} data`);
  }
}

function normaliseUpdates(updates: readonly UpdateSpec[]): [KTensor, KTensor][] {
  if (!Array.isArray(updates)) throw new KerasTypeError(`function: argument 'updates' must be an array of updates, got ${show(updates)}`);
  return updates.map((u, i) => {
    const pair: readonly unknown[] = u instanceof KUpdate ? [u.variable, u.value] : (u as readonly unknown[]);
    if (!Array.isArray(pair) || pair.length !== 2 || !(pair[0] instanceof KTensor) || !(pair[1] instanceof KTensor)) {
      throw new KerasTypeError(`function: argument 'updates[${i}]' must be K.update(...) or a [variable, newValue] pair of tensors, got ${show(u)}`);
    }
    const [v, value] = pair as [KTensor, KTensor];
    if (v.node.kind !== 'variable') throw new KerasTypeError(`function: argument 'updates[${i}]' targets '${v.name}', which is not a variable`);
    if (value.dtype !== v.dtype) {
      throw new KerasTypeError(`function: argument 'updates[${i}]' gives variable '${v.name}' (dtype ${v.dtype}) a value of dtype ${value.dtype} (use K.cast)`);
    }
    if (value.shape.length !== v.shape.length || value.shape.some((d, k) => d !== null && v.shape[k] !== null && d !== v.shape[k])) {
      throw new KerasShapeError(`function: argument 'updates[${i}]' gives variable '${v.name}' (shape [${fmt(v.shape)}]) a value of shape [${fmt(value.shape)}]`);
    }
    return [v, value];
  });
}

/**
 * Instantiates a Keras function: `f(values)` feeds one value per input placeholder,
 * computes the outputs, then applies the updates, and returns the outputs as NDArrays.
 *
 * Mirrors `keras.backend.function(inputs, outputs, updates=[])`.
 */
export function kerasFunction<const I extends readonly KTensor[], const O extends KTensor | readonly KTensor[]>(
  inputs: I,
  outputs: O,
  updates: readonly UpdateSpec[] = [],
  ...extra: []
): KFunction<I, O> {
  checkArity('function', 3, extra);
  if (!Array.isArray(inputs)) throw new KerasTypeError(`function: argument 'inputs' must be an array of placeholders, got ${show(inputs)}`);
  inputs.forEach((t, i) => {
    if (!(t instanceof KTensor) || t.node.kind !== 'placeholder') {
      throw new KerasTypeError(`function: argument 'inputs[${i}]' must be a placeholder, got ${t instanceof KTensor ? `the ${t.node.kind} '${t.name}'` : show(t)}`);
    }
  });
  inputs.forEach((t, i) => {
    const j = inputs.indexOf(t);
    if (j !== i) throw new KerasValueError(`function: argument 'inputs[${i}]' is the placeholder '${t.name}', already listed as 'inputs[${j}]'; list each placeholder once`);
  });
  const outs: KTensor[] = Array.isArray(outputs) ? [...(outputs as KTensor[])] : [outputs as KTensor];
  outs.forEach((t, i) => {
    if (!(t instanceof KTensor)) throw new KerasTypeError(`function: argument 'outputs[${i}]' must be a tensor, got ${show(t)}`);
  });
  const ups = normaliseUpdates(updates);
  const seen = new Set<number>();
  for (const [i, [v]] of ups.entries()) {
    if (seen.has(v.id)) throw new KerasValueError(`function: argument 'updates[${i}]' updates variable '${v.name}' a second time; update each variable once`);
    seen.add(v.id);
  }
  // Compiled once per backend (compiling checks the graph now, as Keras does).
  const compiled: Compiled = new Map();
  let disposed = false;
  const compileFor = (backend: Backend) => {
    let c = compiled.get(backend);
    if (!c) {
      const built = buildGraph(backend, outs, ups, inputs, 'function');
      for (const n of built.graph.nodes) checkBackendNode(backend, n);
      const run = onEngine('function', backend, () => (backend.compile ? backend.compile(built.graph) : interpretGraph(backend, built.graph)));
      c = { built, run };
      compiled.set(backend, c);
    }
    return c;
  };
  compileFor(activeBackend());

  // Shapes unknown when the graph was built are checked again against the fed values.
  const unknownDims = inputs.some((p) => p.shape.some((d) => d === null));
  const checkedShapes = new Set<string>();
  const f = (values: readonly unknown[]): NDArray[] => {
    if (!Array.isArray(values)) throw new KerasTypeError(`function: the returned function takes an array of ${inputs.length} input value(s), got ${show(values)}`);
    if (disposed) throw new KerasValueError(`function: this function was disposed`);
    if (values.length !== inputs.length) {
      throw new KerasValueError(`function: the returned function takes an array of ${inputs.length} input value(s), got ${values.length}`);
    }
    const backend = activeBackend();
    const { built, run } = compileFor(backend);
    const feeds: unknown[] = [];
    try {
      inputs.forEach((p, i) => {
        const v = values[i];
        // Typed arrays of the placeholder's dtype are not copied here: the engine gets them as they are.
        // Untyped numbers for an integer placeholder are read as float64 (exact for every int32, and
        // int64 refuses what is not exact); for a float placeholder, in its own dtype (not through floatx).
        const untyped = isIntDType(p.dtype) ? 'float64' : isFloatDType(p.dtype) ? p.dtype : floatx();
        const host = toHostValue(v, 'function', `values[${i}]`, undefined, untyped, true);
        checkFeedDType(v, host, p.dtype, i, p.name);
        if (host.shape.length !== p.shape.length || host.shape.some((d, k) => p.shape[k] !== null && p.shape[k] !== d)) {
          throw new KerasShapeError(
            `function: input ${i} ('${p.name}') expects shape [${fmt(p.shape)}], got [${host.shape.join(', ')}]`,
          );
        }
        const data = host.dtype === p.dtype ? host.data : toHostValue(host, 'function', `values[${i}]`, p.dtype, floatx()).data;
        feeds.push(backend.borrowHost ? backend.borrowHost(data, host.shape, p.dtype) : backend.fromHost(data, host.shape, p.dtype));
      });
      const feedShapes = feeds.map((x) => backend.shapeOf(x));
      feeds.push(...drawRandomFeeds(backend, built, feedShapes));
      if (unknownDims) {
        // Once per set of fed shapes: a training loop with one batch size checks once.
        const allShapes = feeds.map((x) => backend.shapeOf(x));
        const key = JSON.stringify(allShapes);
        if (!checkedShapes.has(key)) {
          checkRunTimeShapes(built.graph, allShapes);
          checkedShapes.add(key);
        }
      }
      const current = variableValues(backend, built.variables);
      const result = run.run(feeds, current);
      // frees what this call computed, never a variable's own value (an update may hand it back)
      const discard = (): void => {
        for (const x of [...result.outputs, ...result.updates]) if (!current.includes(x)) backend.dispose(x);
      };
      // Every update's value must have its variable's shape (a dim unknown at build
      // time may differ at run time): checked for all before any is stored, so a
      // call changes all of its variables or none.
      const bad = result.updates.findIndex((value, k) => {
        const v = built.variables[built.graph.updates[k].variable];
        const got = backend.shapeOf(value);
        return got.length !== v.shape.length || got.some((d, i) => d !== v.shape[i]);
      });
      if (bad >= 0) {
        const v = built.variables[built.graph.updates[bad].variable];
        const got = backend.shapeOf(result.updates[bad]);
        discard();
        throw new KerasShapeError(
          `function: the update of variable '${v.name}' (shape [${fmt(v.shape)}], dtype ${v.dtype}) computed a value of shape [${got.join(', ')}]; no variable was updated`,
        );
      }
      let out: NDArray[];
      try {
        out = takePrints(backend, built, result.outputs).map((o, k) => {
          // A fresh output's storage may be taken as it is; a variable's own value is copied.
          const shape = backend.shapeOf(o);
          const data = backend.takeHost && !current.includes(o) && !feeds.includes(o) ? backend.takeHost(o) : backend.toHost(o);
          backend.dispose(o);
          return new NDArray(data, shape, outs[k].dtype);
        });
      } catch (e) {
        discard();
        throw e;
      }
      result.updates.forEach((value, k) => {
        const v = built.variables[built.graph.updates[k].variable];
        storeVariable(v, backend, value);
      });
      return out;
    } catch (e) {
      throw engineFailure('function', backend, e);
    } finally {
      for (const x of feeds) backend.dispose(x);
    }
  };
  const dispose = (): void => {
    disposed = true;
    disposeCompiled(compiled);
  };
  const exportOnnx = (file: string, options?: OnnxExportOptions): OnnxExportInfo => {
    if (disposed) throw new KerasValueError(`function: this function was disposed`);
    return exportGraphToOnnx('KFunction.exportOnnx', inputs, outs, ups, file, options);
  };
  // The call returns one NDArray per output, in order: the tuple types promise no more.
  const kf = Object.assign(f, { inputs: [...inputs], outputs: outs, dispose, exportOnnx }) as unknown as KFunction<I, O>;
  compiledFinalizer.register(kf, compiled, kf);
  return kf;
}
