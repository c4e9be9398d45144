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
export class ModelEmitter implements Emitter {
  /** Names of the model inputs made for params, in the order `param` was called. */
  readonly paramInputs: string[] = [];
  /** The values passed to `param`, in call order. */
  readonly paramValues: ParamValue[] = [];

  constructor(
    private readonly builder: ModelBuilder,
    private readonly params: 'initializers' | 'inputs',
  ) {}

  /** Appends a node with one fresh output name. */
  node(opType: string, inputs: readonly string[], attrs: Readonly<Record<string, AttrValue>> = {}): string {
    const out = this.builder.fresh('t');
    this.builder.addNode(opType, inputs, [out], attrs);
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
    this.paramValues.push({ dtype, dims, values });
    if (this.params === 'initializers') return this.constant(dtype, dims, values);
    const name = this.builder.fresh('p');
    this.builder.addInput(name, dtype, dims);
    this.paramInputs.push(name);
    return name;
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
}
