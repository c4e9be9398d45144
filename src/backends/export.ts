/**
 * Exporting a graph to a standalone ONNX model, independently of the backend that
 * runs it: the plain data an exporter receives (host values, no native tensors)
 * and the registry of the one ONNX exporter (registered like the backends, loaded
 * lazily, so `src/api` never imports an adapter).
 */
import type { DType, Graph, HostData, Shape } from './types';

/** A tensor's elements on the host, with its concrete shape and dtype. */
export interface HostTensor {
  readonly data: HostData;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/** What to export: a graph whose constants are host values, and the names to give. */
export interface ExportRequest {
  /** The computation; constants hold host values. Its inputs are fed by the model's user. */
  readonly graph: Graph<HostTensor>;
  /** Model input name of each graph input (`graph.inputs` order); every one is declared. */
  readonly inputNames: readonly string[];
  /** Initializer name of each variable (`graph.variables` order). */
  readonly variableNames: readonly string[];
  /** Current value of each variable (`graph.variables` order): stored as initializers. */
  readonly variableValues: readonly HostTensor[];
  /**
   * How updated variables are stored: `'inputs'`, required model inputs (their values
   * not stored, so a runtime can feed each step's new values to the next); or
   * `'initializers'`, stored values also declared as inputs, which ONNX lets a
   * runtime override (onnxruntime-node cannot: it ignores such feeds).
   */
  readonly updatedWeights: 'inputs' | 'initializers';
  /** Model output name of each graph output. */
  readonly outputNames: readonly string[];
  /** Model output name of each update's new value (`graph.updates` order). */
  readonly updateNames: readonly string[];
  /** The graph's name in the model. */
  readonly graphName: string;
  /** Recorded as the model's producer_version. */
  readonly producerVersion: string;
  /** Recorded as the model's doc_string (optional). */
  readonly docString?: string;
  /** Recorded in the model's metadata_props. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** One input or output of an exported model. */
export interface ExportedValue {
  readonly name: string;
  readonly dtype: DType;
  /** `null` for a symbolic dimension (any size at run time). */
  readonly shape: Shape;
}

/** The encoded model and a description of it. */
export interface ExportedModel {
  /** The ONNX ModelProto, encoded. */
  readonly bytes: Uint8Array;
  /** The opset of the default domain the model imports. */
  readonly opset: number;
  /** The ONNX IR version recorded. */
  readonly irVersion: number;
  /** The model's inputs, in order (the updated weights last). */
  readonly inputs: readonly ExportedValue[];
  /** The model's outputs, in order (the function's outputs, then the updated weights). */
  readonly outputs: readonly ExportedValue[];
}

/** Turns an `ExportRequest` into a model. Throws an Error for a graph it cannot express. */
export type OnnxExporter = (request: ExportRequest) => ExportedModel;

let loader: (() => OnnxExporter) | undefined;
let loaded: OnnxExporter | undefined;

/** Registers the function that loads the ONNX exporter (done by the package root). */
export function registerOnnxExporter(load: () => OnnxExporter): void {
  if (typeof load !== 'function') throw new TypeError('registerOnnxExporter: argument must be a function');
  loader = load;
  loaded = undefined;
}

/** The registered ONNX exporter, loaded on first use; `undefined` when none is registered. */
export function onnxExporter(): OnnxExporter | undefined {
  if (loaded === undefined && loader !== undefined) loaded = loader();
  return loaded;
}
