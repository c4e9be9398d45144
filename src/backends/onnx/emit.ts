/**
 * The two `Emitter`s of lower.ts: one that writes nodes into a `ModelBuilder`,
 * and one that only collects the values passed to `param` (for an eager call that
 * reuses a cached session).
 */
import type { Emitter } from './lower';
import { AttrValue, ConstantData, ModelBuilder, OnnxDType } from './model';
import { float16Bits, hostArrayFor } from '../types';

/** A typed array holding `values` as `dtype` (int64 as BigInt64Array, bool as 0/1 bytes). */
export function constantData(dtype: OnnxDType, values: readonly number[]): ConstantData {
  switch (dtype) {
    case 'float32':
      return Float32Array.from(values);
    case 'float64':
      return Float64Array.from(values);
    case 'int32':
      return Int32Array.from(values);
    case 'int64':
      return BigInt64Array.from(values, (v) => BigInt(v));
    case 'bool':
      return Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
    case 'float16':
      return Uint16Array.from(values, float16Bits);
    default: {
      const out = hostArrayFor(dtype, values.length);
      out.set(values);
      return out;
    }
  }
}

/** A value passed to `Emitter.param`. */
export interface ParamValue {
  readonly dtype: OnnxDType;
  readonly dims: readonly number[];
  readonly values: readonly number[];
}

/**
 * Writes nodes into a ModelBuilder. `params: 'initializers'` stores param values
 * in the model (compile: ORT may constant-fold them); `params: 'inputs'` declares
 * each param as a model input (eager: one session serves every value), recorded
 * in `paramInputs` in call order.
 */
/** The names `make` gives for `key`, made the first time only (Emitter.shared). */
function sharedIn(memo: Map<string, readonly string[]>, key: string, make: () => readonly string[]): readonly string[] {
  let names = memo.get(key);
  if (names === undefined) {
    names = make();
    memo.set(key, names);
  }
  return names;
}

export class ModelEmitter implements Emitter {
  /** Names of the model inputs made for params, in the order `param` was called. */
  readonly paramInputs: string[] = [];
  /** The values passed to `param`, in call order. */
  readonly paramValues: ParamValue[] = [];
  private readonly sharedNames = new Map<string, readonly string[]>();

  /**
   * `root`: the emitter of the enclosing model, for the emitter of a branch body (its
   * params go there, so they stay in call order and model inputs stay top-level).
   */
  constructor(
    private readonly builder: ModelBuilder,
    private readonly params: 'initializers' | 'inputs',
    private readonly root?: ModelEmitter,
  ) {}

  /** Appends a node with one fresh output name. */
  node(opType: string, inputs: readonly string[], attrs: Readonly<Record<string, AttrValue>> = {}, what?: string): string {
    const out = this.builder.fresh('t');
    this.builder.addNode(opType, inputs, [out], attrs, what);
    return out;
  }

  /** Appends a node with `count` fresh output names. */
  nodes(opType: string, inputs: readonly string[], count: number, attrs: Readonly<Record<string, AttrValue>> = {}): string[] {
    const outs = Array.from({ length: count }, () => this.builder.fresh('t'));
    this.builder.addNode(opType, inputs, outs, attrs);
    return outs;
  }

  /** An initializer. */
  constant(dtype: OnnxDType, dims: readonly number[], values: readonly number[]): string {
    const name = this.builder.fresh('c');
    this.builder.addInitializer(name, dtype, dims, constantData(dtype, values));
    return name;
  }

  /** An initializer or a model input (see the class comment). */
  param(dtype: OnnxDType, dims: readonly number[], values: readonly number[]): string {
    if (this.root !== undefined) return this.root.param(dtype, dims, values);
    this.paramValues.push({ dtype, dims, values });
    if (this.params === 'initializers') return this.constant(dtype, dims, values);
    const name = this.builder.fresh('p');
    this.builder.addInput(name, dtype, dims);
    this.paramInputs.push(name);
    return name;
  }

  /** See `Emitter.shared`. */
  shared(key: string, make: () => readonly string[]): readonly string[] {
    return sharedIn(this.sharedNames, key, make);
  }

  /** An If whose branches are subgraphs of this model (see `Emitter.branch`). */
  branch(
    cond: string,
    thenBody: (em: Emitter) => readonly string[],
    elseBody: (em: Emitter) => readonly string[],
    outputs: readonly { readonly dtype: OnnxDType; readonly rank: number }[],
  ): string[] {
    const subgraph = (body: (em: Emitter) => readonly string[], label: string): { graph: ReturnType<ModelBuilder['toGraph']> } => {
      const sub = this.builder.child();
      const em = new ModelEmitter(sub, this.params, this.root ?? this);
      const names = body(em);
      if (names.length !== outputs.length) throw new Error(`onnx emit: a branch gave ${names.length} values for ${outputs.length} outputs`);
      // a branch output must be a value made in the branch, once
      const made = sub.producedNames();
      const used = new Set<string>();
      names.forEach((name, k) => {
        const out = made.has(name) && !used.has(name) ? name : em.node('Identity', [name]);
        used.add(out);
        sub.addOutput(out, outputs[k].dtype, new Array<null>(outputs[k].rank).fill(null));
      });
      return { graph: sub.toGraph(this.builder.fresh(label)) };
    };
    const thenBranch = subgraph(thenBody, 'then');
    const elseBranch = subgraph(elseBody, 'else');
    const outs = outputs.map(() => this.builder.fresh('t'));
    this.builder.addNode('If', [cond], outs, { then_branch: thenBranch, else_branch: elseBranch });
    return outs;
  }
}

/** An Emitter that builds nothing and records the `param` values, in call order. */
export class ParamRecorder implements Emitter {
  /** The values passed to `param`, in call order. */
  readonly paramValues: ParamValue[] = [];

  /** Builds nothing. */
  node(): string {
    return '';
  }

  /** Builds nothing. */
  nodes(_op: string, _inputs: readonly string[], count: number): string[] {
    return new Array<string>(count).fill('');
  }

  /** Builds nothing. */
  constant(): string {
    return '';
  }

  /** Records the value. */
  param(dtype: OnnxDType, dims: readonly number[], values: readonly number[]): string {
    this.paramValues.push({ dtype, dims, values });
    return '';
  }

  private readonly sharedNames = new Map<string, readonly string[]>();

  /** As ModelEmitter's: `make` runs the first time only, so params are recorded as there. */
  shared(key: string, make: () => readonly string[]): readonly string[] {
    return sharedIn(this.sharedNames, key, make);
  }

  /** Runs both bodies (then, else: the order ModelEmitter builds them in) to record their params. */
  branch(
    _cond: string,
    thenBody: (em: Emitter) => readonly string[],
    elseBody: (em: Emitter) => readonly string[],
    outputs: readonly { readonly dtype: OnnxDType; readonly rank: number }[],
  ): string[] {
    thenBody(this);
    elseBody(this);
    return new Array<string>(outputs.length).fill('');
  }
}
