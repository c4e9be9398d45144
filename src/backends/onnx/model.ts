/**
 * Building ONNX models in memory (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto) with onnx-proto, and encoding them to bytes. Nothing here runs
 * a model: see ort-binding.ts for that.
 */
import { onnx } from 'onnx-proto';
import type { DType } from '../types';

/**
 * The one opset every model of this backend imports (the default ONNX domain).
 * 26 is the first with CumProd; ORT 1.30 has CPU kernels for every op used here at it.
 */
export const ONNX_OPSET = 26;

/**
 * The IR version written into models (10, from ONNX 1.16). ORT only checks that a
 * model's IR version is not newer than it supports; opset 26 loads with it.
 */
export const ONNX_IR_VERSION = 10;

/** The dtypes a model of this backend may hold (int64 only for shapes, indices and axes). */
export type OnnxDType = DType | 'int64';

const ONNX_ELEM_TYPE: Readonly<Record<OnnxDType, number>> = {
  float16: onnx.TensorProto.DataType.FLOAT16,
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  int8: onnx.TensorProto.DataType.INT8,
  int16: onnx.TensorProto.DataType.INT16,
  int32: onnx.TensorProto.DataType.INT32,
  uint8: onnx.TensorProto.DataType.UINT8,
  uint16: onnx.TensorProto.DataType.UINT16,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** The ONNX `TensorProto.DataType` number of `dtype`. */
export function onnxElemType(dtype: OnnxDType): number {
  return ONNX_ELEM_TYPE[dtype];
}

/** Typed arrays a constant of this module may be built from. */
export type ConstantData = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | BigInt64Array;

/**
 * A node attribute value: `number` is an INT, `number[]` INTS, `string` STRING,
 * `{ float }` FLOAT, `{ tensor }` a TENSOR (e.g. ConstantOfShape's value).
 */
export type AttrValue =
  | number
  | readonly number[]
  | string
  | { readonly float: number }
  | { readonly tensor: { readonly dtype: OnnxDType; readonly dims: readonly number[]; readonly data: ConstantData } }
  | { readonly graph: onnx.IGraphProto };

/** One dimension of a model input: a size, or the name of a symbolic dimension. */
export type ModelDim = number | string;

function bytesOf(data: ConstantData): Uint8Array {
  // A copy, so the proto never aliases a buffer someone may write to later.
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/** A TensorProto holding `data` (row-major, little-endian raw bytes) with `dims`. */
export function tensorProto(
  name: string,
  dtype: OnnxDType,
  dims: readonly number[],
  data: ConstantData,
): onnx.ITensorProto {
  return { name, dataType: onnxElemType(dtype), dims: [...dims], rawData: bytesOf(data) };
}

function attribute(name: string, value: AttrValue): onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}: INT attribute got ${value}`);
    return { name, type: T.INT, i: value };
  }
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: [...(value as readonly number[])] };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  if ('tensor' in value) {
    return { name, type: T.TENSOR, t: tensorProto('', value.tensor.dtype, value.tensor.dims, value.tensor.data) };
  }
  if ('graph' in value) return { name, type: T.GRAPH, g: value.graph };
  throw new Error(`attribute ${name}: unsupported value`);
}

function valueInfo(name: string, dtype: OnnxDType, dims: readonly ModelDim[] | null): onnx.IValueInfoProto {
  const tensorType: onnx.TypeProto.ITensor = { elemType: onnxElemType(dtype) };
  if (dims !== null) {
    tensorType.shape = {
      dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
    };
  }
  return { name, type: { tensorType } };
}

/** Adds to `read` every value name the nodes of `graph` (and of its subgraphs) read. */
function readsOf(graph: onnx.IGraphProto, read: Set<string>): void {
  for (const node of graph.node ?? []) {
    for (const name of node.input ?? []) read.add(name);
    for (const a of node.attribute ?? []) if (a.g) readsOf(a.g, read);
  }
}

/** Separates a node's own name from the `what` it carries (see `nodeName`). */
const WHAT_MARK = '|';

/**
 * A node's name: `<opType>_<index>`, then, for a node given `what` (whose values it
 * reads, for the library's run-time error: "fn: argument 'x'"), a mark and `what`
 * URI-encoded (no quotes, which ORT's error messages use around the name).
 */
export function nodeName(opType: string, index: number, what?: string): string {
  return what === undefined ? `${opType}_${index}` : `${opType}_${index}${WHAT_MARK}${encodeURIComponent(what).replace(/'/g, '%27')}`;
}

/** The `what` a node name carries (see `nodeName`), or undefined. */
export function whatOfNodeName(name: string): string | undefined {
  const at = name.indexOf(WHAT_MARK);
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(name.slice(at + 1));
  } catch {
    return undefined;
  }
}

/**
 * Accumulates the pieces of one ONNX graph and encodes them as a model.
 * Names are the caller's business, but `fresh` hands out unique ones.
 */
export class ModelBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  /** Counters shared with the builders of subgraphs, so names stay unique in the whole model. */
  private readonly counters: { names: number; symbols: number };

  constructor(parent?: ModelBuilder) {
    this.counters = parent === undefined ? { names: 0, symbols: 0 } : parent.counters;
  }

  /** A builder for a subgraph (a loop body) of this model: names stay unique across both. */
  child(): ModelBuilder {
    return new ModelBuilder(this);
  }

  /** A name not handed out before by this builder (or its parent and children): `prefix` + a number. */
  fresh(prefix = 't'): string {
    return `${prefix}${this.counters.names++}`;
  }

  /**
   * Declares a graph input. `null` dims become symbolic (`dim_param`) with a name
   * unique in this model, so one session serves every size there.
   */
  addInput(name: string, dtype: OnnxDType, shape: readonly (number | null)[]): void {
    const dims = shape.map((d) => (d === null ? `d${this.counters.symbols++}` : d));
    this.inputs.push(valueInfo(name, dtype, dims));
  }

  /**
   * Declares a graph output: its element type, and its shape when given (`null` dims
   * symbolic; loop bodies need at least the rank); otherwise the shape is left to the engine.
   */
  addOutput(name: string, dtype: OnnxDType, shape?: readonly (number | null)[]): void {
    const dims = shape === undefined ? null : shape.map((d) => (d === null ? `d${this.counters.symbols++}` : d));
    this.outputs.push(valueInfo(name, dtype, dims));
  }

  /** A constant tensor stored in the model (an initializer). */
  addInitializer(name: string, dtype: OnnxDType, dims: readonly number[], data: ConstantData): void {
    this.initializers.push(tensorProto(name, dtype, dims, data));
  }

  /**
   * Appends a node of the default domain. Nodes must be added in topological order.
   * `what`: see `nodeName`.
   */
  addNode(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attrs: Readonly<Record<string, AttrValue>> = {},
    what?: string,
  ): void {
    const attribute_ = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    this.nodes.push({
      opType,
      input: [...inputs],
      output: [...outputs],
      name: nodeName(opType, this.nodes.length, what),
      attribute: attribute_,
    });
  }

  /**
   * Removes the nodes none of whose outputs is read: by a later node, by a subgraph
   * (a loop body reads outer values by name) or as a graph output. ONNX Runtime runs
   * such nodes anyway; a lowering that finds an operand it does not need (see
   * `LowerInput.plusZeroFill`) leaves its producer here.
   */
  pruneUnused(): void {
    const read = new Set<string>(this.outputs.map((o) => o.name ?? ''));
    const keep = new Array<boolean>(this.nodes.length).fill(false);
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const node = this.nodes[i];
      if (!(node.output ?? []).some((o) => read.has(o))) continue;
      keep[i] = true;
      for (const name of node.input ?? []) read.add(name);
      for (const a of node.attribute ?? []) if (a.g) readsOf(a.g, read);
    }
    const kept = this.nodes.filter((_, i) => keep[i]);
    this.nodes.length = 0;
    this.nodes.push(...kept);
  }

  /** The names of the values this graph's nodes produce. */
  producedNames(): Set<string> {
    const out = new Set<string>();
    for (const node of this.nodes) for (const o of node.output ?? []) out.add(o);
    return out;
  }

  /** Number of nodes added so far. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** The GraphProto of everything added (a subgraph's, or the model's). */
  toGraph(graphName = 'g'): onnx.IGraphProto {
    return { name: graphName, node: this.nodes, input: this.inputs, output: this.outputs, initializer: this.initializers };
  }

  /** The ModelProto of everything added, at `ONNX_OPSET`. */
  toProto(graphName = 'g'): onnx.IModelProto {
    return {
      irVersion: ONNX_IR_VERSION,
      producerName: 'keras-backend-ts',
      opsetImport: [{ domain: '', version: ONNX_OPSET }],
      graph: {
        name: graphName,
        node: this.nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    };
  }

  /** The encoded model, ready for `SyncSession.create`. */
  toBytes(graphName = 'g'): Uint8Array {
    return onnx.ModelProto.encode(onnx.ModelProto.create(this.toProto(graphName))).finish();
  }
}
