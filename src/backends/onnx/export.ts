/**
 * Standalone ONNX models from a graph (`K.exportOnnx`): the graph is lowered as for
 * a compiled session (compile.ts), then the model is made self-contained and given
 * the caller's names. Variables become initializers, except updated ones, which
 * are inputs (required, or optional with their initializer as default, see
 * `ExportRequest.updatedWeights`); their new values are extra outputs, so a training
 * step is repeated by feeding each run's outputs back.
 */
import { ort } from './ort'; // after ort-env.ts: telemetry off unless the user chose
import { onnx } from 'onnx-proto';
import type { ExportedModel, ExportedValue, ExportRequest, HostTensor } from '../export';
import type { Graph, GraphNode } from '../types';
import { lowerGraph } from './compile';
import { ONNX_IR_VERSION, ONNX_OPSET, onnxElemType, tensorProto } from './model';
import { tensorFromHost } from './tensors';

function checkNames(request: ExportRequest): void {
  const { graph } = request;
  const lists: [string, readonly unknown[], number][] = [
    ['inputNames', request.inputNames, graph.inputs.length],
    ['variableNames', request.variableNames, graph.variables.length],
    ['variableValues', request.variableValues, graph.variables.length],
    ['outputNames', request.outputNames, graph.outputs.length],
    ['updateNames', request.updateNames, graph.updates.length],
  ];
  for (const [what, list, n] of lists) {
    if (list.length !== n) throw new Error(`onnx export: ${what} has ${list.length} entries for ${n} graph entries`);
  }
  const all = [...request.inputNames, ...request.variableNames, ...request.outputNames, ...request.updateNames];
  const seen = new Set<string>();
  for (const name of all) {
    if (typeof name !== 'string' || name.length === 0) throw new Error('onnx export: every name must be a non-empty string');
    if (seen.has(name)) throw new Error(`onnx export: the name '${name}' is given twice`);
    seen.add(name);
  }
}

function valueInfo(v: ExportedValue): onnx.IValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: onnxElemType(v.dtype),
        shape: { dim: v.shape.map((d, axis) => (d === null ? { dimParam: `${v.name}_dim${axis}` } : { dimValue: d })) },
      },
    },
  };
}

/** Lowers `request.graph` to a standalone model (see the file comment). */
export function exportOnnxModel(request: ExportRequest): ExportedModel {
  checkNames(request);
  const hostGraph = request.graph;
  // The lowering takes ort tensors as constants: wrap the host values (copied once).
  const graph: Graph<ort.Tensor> = {
    ...hostGraph,
    nodes: hostGraph.nodes.map((node): GraphNode<ort.Tensor> => {
      if (node.kind !== 'constant') return node;
      const v: HostTensor = node.value;
      return { ...node, value: tensorFromHost(v.data, v.shape, v.dtype) };
    }),
  };
  const lowered = lowerGraph(graph);
  const model = onnx.ModelProto.decode(lowered.model);
  const g = model.graph as onnx.GraphProto;

  // Names of the lowered model -> the caller's names.
  const rename = new Map<string, string>();
  lowered.inputNames.forEach((name, k) => name !== null && rename.set(name, request.inputNames[k]));
  lowered.variableNames.forEach((name, k) => name !== null && rename.set(name, request.variableNames[k]));
  lowered.outputNames.forEach((name, k) => rename.set(name, request.outputNames[k]));
  lowered.updateNames.forEach((name, k) => rename.set(name, request.updateNames[k]));
  // Internal names that happen to equal one of the caller's names move aside.
  const taken = new Set<string>([...rename.values()]);
  let counter = 0;
  const nameOf = (name: string): string => {
    if (name === '') return name; // an omitted optional input
    const r = rename.get(name);
    if (r !== undefined) return r;
    if (!taken.has(name)) return name;
    let fresh: string;
    do fresh = `${name}__${counter++}`;
    while (taken.has(fresh));
    rename.set(name, fresh);
    taken.add(fresh);
    return fresh;
  };
  // Names are unique in the whole model (subgraphs share the counters), and a loop body
  // reads outer values by name: one renaming everywhere, subgraphs included.
  const renameIn = (graph: onnx.IGraphProto, top: boolean): void => {
    for (const node of graph.node ?? []) {
      node.input = (node.input ?? []).map(nameOf);
      node.output = (node.output ?? []).map(nameOf);
      for (const attr of node.attribute ?? []) {
        if (attr.g) renameIn(attr.g, false);
        for (const sub of attr.graphs ?? []) renameIn(sub, false);
      }
    }
    for (const init of graph.initializer ?? []) init.name = nameOf(init.name as string);
    if (!top) for (const v of [...(graph.input ?? []), ...(graph.output ?? []), ...(graph.valueInfo ?? [])]) v.name = nameOf(v.name as string);
  };
  renameIn(g, true);

  // Inputs: every placeholder (used or not), then the updated variables.
  const nodeValue = (i: number, name: string): ExportedValue => {
    const node = hostGraph.nodes[i];
    return { name, dtype: node.dtype, shape: node.shape };
  };
  const inputs: ExportedValue[] = hostGraph.inputs.map((i, k) => nodeValue(i, request.inputNames[k]));
  const updated = new Set(hostGraph.updates.map((u) => u.variable));
  const initializers: onnx.ITensorProto[] = [];
  hostGraph.variables.forEach((i, k) => {
    if (lowered.variableNames[k] === null) return;
    const value = request.variableValues[k];
    const node = hostGraph.nodes[i];
    if (value.dtype !== node.dtype || value.shape.length !== node.shape.length || value.shape.some((d, a) => node.shape[a] !== null && node.shape[a] !== d)) {
      throw new Error(`onnx export: the value of variable '${request.variableNames[k]}' does not match its node's shape or dtype`);
    }
    if (updated.has(k)) inputs.push({ name: request.variableNames[k], dtype: value.dtype, shape: value.shape });
    if (!updated.has(k) || request.updatedWeights === 'initializers') {
      initializers.push(tensorProto(request.variableNames[k], value.dtype, value.shape, value.data));
    }
  });
  const outputs: ExportedValue[] = [
    ...hostGraph.outputs.map((i, k) => nodeValue(i, request.outputNames[k])),
    ...hostGraph.updates.map((u, k) => nodeValue(u.value, request.updateNames[k])),
  ];
  g.input = inputs.map((v) => onnx.ValueInfoProto.create(valueInfo(v)));
  g.output = outputs.map((v) => onnx.ValueInfoProto.create(valueInfo(v)));
  g.initializer = [...initializers.map((t) => onnx.TensorProto.create(t)), ...g.initializer];
  g.name = request.graphName;

  model.producerName = 'keras-backend-ts';
  model.producerVersion = request.producerVersion;
  if (request.docString !== undefined) model.docString = request.docString;
  model.metadataProps = Object.entries(request.metadata ?? {}).map(([key, value]) => onnx.StringStringEntryProto.create({ key, value }));
  const bytes = onnx.ModelProto.encode(model).finish();
  return { bytes, opset: ONNX_OPSET, irVersion: ONNX_IR_VERSION, inputs, outputs };
}
