/**
 * Eager kernels: each primitive call runs a small cached session holding just that
 * primitive's lowered nodes. Sessions are keyed by (primitive, structural attrs,
 * input dtypes, input ranks, output dtype); every input dim is symbolic, and
 * attribute values such as slice begins are fed as inputs (see lower.ts), so one
 * session serves every shape of those ranks and every such value.
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import type { CompositeAttrs, CompositeName, OutputInfo, PrimitiveAttrs, PrimitiveName } from '../types';
import { lowerComposite } from './lower-composites';
import { ModelEmitter, ParamRecorder, ParamValue } from './emit';
import { LowerInput, lowerPrimitive, structuralKey } from './lower';
import { ModelBuilder } from './model';
import { SyncSession, SyncSessionOptions } from './ort-binding';
import { dtypeOfTensor, tensorOfParam } from './tensors';

/** Options of eager sessions: one thread each, so that creating many is cheap. */
export const EAGER_SESSION_OPTIONS: SyncSessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
};

/**
 * How many eager sessions are kept; the least recently used beyond this are
 * disposed. Measured: a live session keeps native memory about the size of the
 * largest output it has produced, so the cache is bounded.
 */
export const EAGER_CACHE_LIMIT = 256;

interface CacheEntry {
  readonly session: SyncSession;
  readonly inputNames: readonly string[];
  readonly paramNames: readonly string[];
  readonly outputName: string;
  /** The param values of the last call and their tensors: loops often repeat them. */
  lastParamKey: string;
  lastParamTensors: ort.Tensor[];
}

const cache = new Map<string, CacheEntry>();

/** Number of eager sessions currently cached. */
export function eagerCacheSize(): number {
  return cache.size;
}

/** Disposes every cached eager session. */
export function clearEagerCache(): void {
  for (const e of cache.values()) e.session.dispose();
  cache.clear();
  for (const e of compositeCache.values()) e.session.dispose();
  compositeCache.clear();
}

function buildEntry<P extends PrimitiveName>(
  op: P,
  attrs: PrimitiveAttrs[P],
  inputs: readonly LowerInput[],
  out: OutputInfo,
): { entry: CacheEntry; emitter: ModelEmitter } {
  const builder = new ModelBuilder();
  for (const x of inputs) builder.addInput(x.name, x.dtype, new Array<null>(x.rank).fill(null));
  const emitter = new ModelEmitter(builder, 'inputs');
  const result = lowerPrimitive(emitter, op, attrs, inputs, { dtype: out.dtype, rank: out.shape.length });
  builder.addOutput(result, out.dtype);
  const session = SyncSession.create(builder.toBytes(op), EAGER_SESSION_OPTIONS);
  return {
    entry: {
      session,
      inputNames: inputs.map((x) => x.name),
      paramNames: emitter.paramInputs,
      outputName: result,
      lastParamKey: '',
      lastParamTensors: [],
    },
    emitter,
  };
}

/**
 * Runs primitive `op` on eager tensors and returns a new tensor (inputs are not
 * disposed). Creates and caches a session on the first call of its kind.
 */
export function runEager<P extends PrimitiveName>(
  op: P,
  attrs: PrimitiveAttrs[P],
  tensors: readonly ort.Tensor[],
  out: OutputInfo,
): ort.Tensor {
  const inputs: LowerInput[] = tensors.map((t, i) => ({ name: `x${i}`, dtype: dtypeOfTensor(t), rank: t.dims.length }));
  let key = `${op}|${structuralKey(op, attrs)}|${out.dtype}`;
  for (const x of inputs) key += `|${x.dtype}:${x.rank}`;

  let entry = cache.get(key);
  let params: readonly ParamValue[] | undefined;
  if (entry === undefined) {
    const built = buildEntry(op, attrs, inputs, out);
    entry = built.entry;
    params = built.emitter.paramValues;
    cache.set(key, entry);
    if (cache.size > EAGER_CACHE_LIMIT) {
      const [oldKey, old] = cache.entries().next().value as [string, CacheEntry];
      cache.delete(oldKey);
      old.session.dispose();
    }
  } else {
    // Most recently used goes last.
    cache.delete(key);
    cache.set(key, entry);
    if (entry.paramNames.length > 0) {
      const rec = new ParamRecorder();
      lowerPrimitive(rec, op, attrs, inputs, { dtype: out.dtype, rank: out.shape.length });
      params = rec.paramValues;
    }
  }

  const feeds: Record<string, ort.Tensor> = {};
  for (let i = 0; i < tensors.length; i++) feeds[entry.inputNames[i]] = tensors[i];
  if (entry.paramNames.length > 0) {
    if (params === undefined || params.length !== entry.paramNames.length) {
      throw new Error(`onnx backend: internal error, '${op}' lowered to a different number of params`);
    }
    let paramKey = '';
    for (const p of params) paramKey += `${p.values.join(',')};`;
    if (paramKey !== entry.lastParamKey) {
      entry.lastParamTensors = params.map(tensorOfParam);
      entry.lastParamKey = paramKey;
    }
    for (let i = 0; i < params.length; i++) feeds[entry.paramNames[i]] = entry.lastParamTensors[i];
  }
  const result = entry.session.run(feeds)[entry.outputName];
  if (result.type !== out.dtype) {
    throw new Error(`onnx backend: internal error, '${op}' produced ${result.type}, expected ${out.dtype}`);
  }
  return result;
}

const compositeCache = new Map<string, { session: SyncSession; output: string }>();

/**
 * Runs composite `op` on eager tensors (all-constant inputs: rare) through a small
 * session made for these attributes and input shapes, cached like the primitives'.
 */
export function runEagerComposite<C extends CompositeName>(op: C, attrs: CompositeAttrs[C], tensors: readonly ort.Tensor[], out: OutputInfo): ort.Tensor {
  const inputs = tensors.map((t, i) => ({ name: `x${i}`, dtype: dtypeOfTensor(t), shape: [...t.dims], rank: t.dims.length }));
  const key = `${op}|${JSON.stringify(attrs)}|${inputs.map((x) => `${x.dtype}:${x.shape.join('x')}`).join('|')}`;
  let entry = compositeCache.get(key);
  if (entry === undefined) {
    const builder = new ModelBuilder();
    for (const x of inputs) builder.addInput(x.name, x.dtype, x.shape);
    const emitter = new ModelEmitter(builder, 'initializers');
    const output = lowerComposite(emitter, op, attrs, inputs, out);
    builder.addOutput(output, out.dtype);
    entry = { session: SyncSession.create(builder.toBytes(op), EAGER_SESSION_OPTIONS), output };
    compositeCache.set(key, entry);
    if (compositeCache.size > EAGER_CACHE_LIMIT) {
      const [oldKey, old] = compositeCache.entries().next().value as [string, { session: SyncSession }];
      compositeCache.delete(oldKey);
      old.session.dispose();
    }
  }
  const feeds: Record<string, ort.Tensor> = {};
  tensors.forEach((t, i) => (feeds[`x${i}`] = t));
  return entry.session.run(feeds)[entry.output];
}
