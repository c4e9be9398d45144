/**
 * `exportOnnx(inputs, outputs, file)`: a Keras function written as a standalone
 * ONNX model, whichever backend is in use. The graph is built on the active
 * backend, its constants and variables are read back to the host, and the ONNX
 * exporter registered by the package root (src/backends/export.ts) encodes it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Backend } from '../backends/backend';
import { ExportedModel, ExportedValue, HostTensor, onnxExporter } from '../backends/export';
import { Graph, GraphNode } from '../backends/types';
import { KerasTypeError, KerasValueError, UnsupportedError } from '../errors';
import { activeBackend, currentBackendName } from './engine';
import { buildGraph } from './graph';
import { NDArray } from './ndarray';
import { KTensor, variableValue } from './tensor';
import { checkArity } from '../arity';
import { optionsArg } from './options';

/** Options of `exportOnnx`. */
export interface OnnxExportOptions {
  /** The graph's name in the model (default `'keras_function'`). */
  readonly name?: string;
  /** Free text recorded as the model's doc_string. */
  readonly docString?: string;
  /**
   * For a function with updates, how the updated variables are stored:
   * `'inputs'` (default): required inputs named after the variables (their current
   * values are in `OnnxExportInfo.updates`), so a runtime repeats the step by feeding
   * each run's `<variable>_updated` outputs back; `'initializers'`: their current
   * values are stored and the inputs are optional (ONNX's overridable initializers),
   * so the file runs one step on its own. onnxruntime-node ignores feeds of such
   * inputs: repeat steps there with `'inputs'`.
   */
  readonly updatedWeights?: 'inputs' | 'initializers';
}

/** What `exportOnnx` wrote. */
export interface OnnxExportInfo extends Omit<ExportedModel, 'bytes'> {
  /** The file written (as given). */
  readonly file: string;
  /** Its size in bytes. */
  readonly byteLength: number;
  /**
   * For each updated variable: its name (also the model input of its value), the
   * model output holding its new value, and its value at export time.
   */
  readonly updates: readonly { readonly variable: string; readonly output: string; readonly value: NDArray }[];
}

export type { ExportedValue };

let version: string | undefined;

/** This package's version, read from its package.json (found upwards from this file). */
function packageVersion(): string {
  if (version !== undefined) return version;
  version = 'unknown';
  let dir = __dirname;
  for (let up = 0; up < 6; up++) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'keras-backend-ts' && typeof pkg.version === 'string') {
        version = pkg.version;
        break;
      }
    } catch {
      // no package.json here
    }
    dir = path.dirname(dir);
  }
  return version;
}

/** `names` made unique (a suffix `_1`, `_2`, ... on repeats), avoiding `taken`. */
function uniqueNames(names: readonly string[], taken: Set<string>): string[] {
  return names.map((base) => {
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  });
}

function hostOf(backend: Backend, value: unknown, node: { dtype: HostTensor['dtype'] }): HostTensor {
  return { data: backend.toHost(value), shape: backend.shapeOf(value), dtype: node.dtype };
}

/**
 * Writes the graph computing `outputs` from `inputs` (and the `updates`) as an ONNX
 * model to `file`. Shared by `exportOnnx` and `KFunction.exportOnnx`; `fn` names the caller.
 */
export function exportGraphToOnnx(
  fn: string,
  inputs: readonly KTensor[],
  outputs: readonly KTensor[],
  updates: readonly (readonly [KTensor, KTensor])[],
  file: unknown,
  options: OnnxExportOptions = {},
): OnnxExportInfo {
  if (typeof file !== 'string' || file.length === 0) {
    throw new KerasTypeError(`${fn}: argument 'file' must be a non-empty path string, got ${file === null ? 'null' : typeof file}`);
  }
  if (options === null || typeof options !== 'object') throw new KerasTypeError(`${fn}: argument 'options' must be an object`);
  optionsArg(options, ['name', 'docString', 'updatedWeights'], fn);
  for (const key of ['name', 'docString'] as const) {
    const v = options[key];
    if (v !== undefined && typeof v !== 'string') throw new KerasTypeError(`${fn}: options.${key} must be a string`);
  }
  const updatedWeights = options.updatedWeights ?? 'inputs';
  if (updatedWeights !== 'inputs' && updatedWeights !== 'initializers') {
    throw new KerasValueError(`${fn}: options.updatedWeights must be 'inputs' or 'initializers', got ${String(updatedWeights)}`);
  }
  const exporter = onnxExporter();
  if (exporter === undefined) {
    throw new UnsupportedError(`${fn}: no ONNX exporter is registered (import the package root, which registers it)`, currentBackendName(), 'ONNX export');
  }
  const backend = activeBackend();
  // Composites become ONNX's Conv, MaxPool, ... in float32 (the onnx lowering's rule); others are expanded.
  const built = buildGraph(backend, outputs, updates, inputs, fn, (n) => n.inputs.every((t) => t.dtype === 'float32'));
  if (built.randoms.length > 0) {
    throw new UnsupportedError(
      `${fn}: the graph draws random values (${built.randoms.map((t) => `'${t.name}'`).join(', ')}); ONNX export of random tensors (dropout, random_* ops) is not supported`,
      backend.name,
      'ONNX export of random tensors',
    );
  }
  const g = built.graph;
  // Constants to the host; printTensor outputs are left out.
  const nodes = g.nodes.map((node): GraphNode<HostTensor> => (node.kind === 'constant' ? { ...node, value: hostOf(backend, node.value, node) } : node));
  const graph: Graph<HostTensor> = { ...g, nodes, outputs: g.outputs.slice(0, outputs.length) };

  const taken = new Set<string>();
  const inputNames = uniqueNames(built.inputs.map((t) => t.name), taken);
  const variableNames = uniqueNames(built.variables.map((t) => t.name), taken);
  const outputNames = uniqueNames(outputs.map((_t, k) => (outputs.length === 1 ? 'output' : `output${k}`)), taken);
  const updateNames = uniqueNames(g.updates.map((u) => `${variableNames[u.variable]}_updated`), taken);
  const variableValues = built.variables.map((v, k) => hostOf(backend, variableValue(v, backend), g.nodes[g.variables[k]]));

  const model = exporter({
    graph,
    inputNames,
    variableNames,
    variableValues,
    updatedWeights,
    outputNames,
    updateNames,
    graphName: options.name ?? 'keras_function',
    producerVersion: packageVersion(),
    docString: options.docString,
    metadata: { keras_backend: backend.name },
  });
  try {
    fs.writeFileSync(file, model.bytes);
  } catch (e) {
    throw new KerasValueError(`${fn}: cannot write '${file}': ${e instanceof Error ? e.message : String(e)}`);
  }
  const { bytes, ...rest } = model;
  return {
    ...rest,
    file,
    byteLength: bytes.byteLength,
    updates: g.updates.map((u, k) => {
      const v = variableValues[u.variable];
      return { variable: variableNames[u.variable], output: updateNames[k], value: new NDArray(v.data, [...v.shape], v.dtype) };
    }),
  };
}

function checkTensors(fn: string, arg: string, list: unknown): KTensor[] {
  const arr = Array.isArray(list) ? list : [list];
  arr.forEach((t, i) => {
    if (!(t instanceof KTensor)) throw new KerasTypeError(`${fn}: ${arg}[${i}] must be a tensor`);
  });
  return arr as KTensor[];
}

/**
 * Writes the computation of `outputs` from the placeholders `inputs` to `file` as a
 * standalone ONNX model: variables and constants are stored as initializers (their
 * current values), dimensions unknown at graph-building time (the batch) stay
 * symbolic, and the opset and producer (keras-backend-ts and its version) are
 * recorded. Works whichever backend is in use; the model runs in any ONNX Runtime.
 * Model inputs are named after the placeholders, outputs `output` (one) or
 * `output0`, `output1`, ... For a function with updates, see `KFunction.exportOnnx`.
 *
 * Not in Keras 2 (an addition of this library).
 */
export function exportOnnx(inputs: readonly KTensor[], outputs: KTensor | readonly KTensor[], file: string, options?: OnnxExportOptions, ...extra: []): OnnxExportInfo {
  checkArity('exportOnnx', 4, extra);
  if (!Array.isArray(inputs)) throw new KerasTypeError(`exportOnnx: argument 'inputs' must be an array of placeholders`);
  inputs.forEach((t, i) => {
    if (!(t instanceof KTensor) || t.node.kind !== 'placeholder') throw new KerasTypeError(`exportOnnx: inputs[${i}] must be a placeholder`);
  });
  const outs = checkTensors('exportOnnx', 'outputs', outputs);
  return exportGraphToOnnx('exportOnnx', inputs, outs, [], file, options);
}
