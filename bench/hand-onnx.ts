/**
 * The reference points of the benchmark on ONNX Runtime: each training step
 * written by hand as ONE ONNX model (forward, backward and the SGD update as ONNX
 * nodes: Gemm, Conv, ConvTranspose, MaxPool with indices, ScatterElements),
 * channels-first, run through the same synchronous binding the onnx backend uses,
 * with ONNX Runtime's default threads. The new parameters come back as outputs and
 * are fed to the next step as they are (no host copy), as the backend does.
 */
import '../src/backends/onnx/ort-env'; // before onnxruntime-node loads: telemetry off unless the user chose
import * as ort from 'onnxruntime-node';
import { ModelBuilder } from '../src/backends/onnx/model';
import { SyncSession } from '../src/backends/onnx/ort-binding';
import { CNN, MLP, normalInit } from './shapes';

/** A hand-written training step: call it once per step. */
export type Step = () => void;

/** Small helper over ModelBuilder: one node, one fresh output. */
class G {
  readonly b = new ModelBuilder();
  node(op: string, inputs: readonly string[], attrs: Record<string, number | number[] | string | { float: number }> = {}): string {
    const out = this.b.fresh('val_');
    this.b.addNode(op, inputs, [out], attrs);
    return out;
  }
  node2(op: string, inputs: readonly string[], attrs: Record<string, number | number[]> = {}): [string, string] {
    const a = this.b.fresh('val_');
    const c = this.b.fresh('val_');
    this.b.addNode(op, inputs, [a, c], attrs);
    return [a, c];
  }
  f32(values: readonly number[], dims: readonly number[] = []): string {
    const name = this.b.fresh('const_');
    this.b.addInitializer(name, 'float32', dims, Float32Array.from(values));
    return name;
  }
  i64(values: readonly number[]): string {
    const name = this.b.fresh('const_');
    this.b.addInitializer(name, 'int64', [values.length], BigInt64Array.from(values, (v) => BigInt(v)));
    return name;
  }
  /** p - lr * g */
  sgd(p: string, g: string, lr: string): string {
    return this.node('Sub', [p, this.node('Mul', [g, lr])]);
  }
}

function runner(g: G, params: { name: string; value: ort.Tensor }[], fixed: Record<string, ort.Tensor>, outputs: string[]): Step {
  const session = SyncSession.create(g.b.toBytes('hand'), { graphOptimizationLevel: 'all', intraOpNumThreads: 0 });
  let values = params.map((p) => p.value);
  return () => {
    const feeds: Record<string, ort.Tensor> = { ...fixed };
    params.forEach((p, k) => (feeds[p.name] = values[k]));
    const res = session.run(feeds);
    (res[outputs[0]].data as Float32Array)[0]; // the loss, read on the host
    values = outputs.slice(1).map((o) => res[o]);
  };
}

/** MLP 784-256-10 (relu, softmax, mean squared error against one-hot), SGD: one model. */
export function handOnnxMlp(x: Float32Array, y: Float32Array): Step {
  const { batch: B, input: I, hidden: H, classes: C, lr } = MLP;
  const g = new G();
  g.b.addInput('x', 'float32', [B, I]);
  g.b.addInput('y', 'float32', [B, C]);
  const shapes: [string, number[]][] = [
    ['w1', [I, H]],
    ['b1', [H]],
    ['w2', [H, C]],
    ['b2', [C]],
  ];
  for (const [n, s] of shapes) g.b.addInput(n, 'float32', s);
  const lrC = g.f32([lr]);
  const a1 = g.node('Gemm', ['x', 'w1', 'b1']);
  const h = g.node('Relu', [a1]);
  const z = g.node('Gemm', [h, 'w2', 'b2']);
  const p = g.node('Softmax', [z], { axis: -1 });
  const d = g.node('Sub', [p, 'y']);
  const loss = g.node('ReduceMean', [g.node('Mul', [d, d])], { keepdims: 0 });
  // dL/dp = 2 d / (B C); softmax backward: dz = p * (dp - sum(dp * p, -1)).
  const dp = g.node('Mul', [d, g.f32([2 / (B * C)])]);
  const s = g.node('ReduceSum', [g.node('Mul', [dp, p]), g.i64([-1])], { keepdims: 1 });
  const dz = g.node('Mul', [p, g.node('Sub', [dp, s])]);
  const dw2 = g.node('Gemm', [h, dz], { transA: 1 });
  const db2 = g.node('ReduceSum', [dz, g.i64([0])], { keepdims: 0 });
  const dh = g.node('Gemm', [dz, 'w2'], { transB: 1 });
  const da1 = g.node('Where', [g.node('Greater', [a1, g.f32([0])]), dh, g.f32([0])]);
  const dw1 = g.node('Gemm', ['x', da1], { transA: 1 });
  const db1 = g.node('ReduceSum', [da1, g.i64([0])], { keepdims: 0 });
  const outs = [loss, g.sgd('w1', dw1, lrC), g.sgd('b1', db1, lrC), g.sgd('w2', dw2, lrC), g.sgd('b2', db2, lrC)];
  for (const o of outs) g.b.addOutput(o, 'float32');
  const params = shapes.map(([name, dims], k) => ({
    name,
    value: new ort.Tensor('float32', name.startsWith('w') ? normalInit(dims, k + 1) : new Float32Array(dims[0]), dims),
  }));
  return runner(g, params, { x: new ort.Tensor('float32', x, [B, I]), y: new ort.Tensor('float32', y, [B, C]) }, outs);
}

/**
 * The gradient of MaxPool (kernel 2, stride 2) for NCHW `x` of `dims`: the output
 * gradient `dy` scattered (added) to the flattened positions MaxPool's `indices` name.
 */
function maxPoolGrad(g: G, dims: readonly number[], indices: string, dy: string): string {
  const size = dims.reduce((a, b) => a * b, 1);
  const zeros = g.node('ConstantOfShape', [g.i64([size])], {});
  const flat = g.node('ScatterElements', [zeros, g.node('Reshape', [indices, g.i64([-1])]), g.node('Reshape', [dy, g.i64([-1])])], {
    axis: 0,
    reduction: 'add',
  });
  return g.node('Reshape', [flat, g.i64(dims)]);
}

/** The filter gradient of a stride-1 'valid' Conv: a Conv over transposed operands. */
function convFilterGrad(g: G, x: string, dy: string): string {
  const xt = g.node('Transpose', [x], { perm: [1, 0, 2, 3] }); // [Cin, B, H, W]
  const dyt = g.node('Transpose', [dy], { perm: [1, 0, 2, 3] }); // [Cout, B, OH, OW]
  const w = g.node('Conv', [xt, dyt]); // [Cin, Cout, KH, KW]
  return g.node('Transpose', [w], { perm: [1, 0, 2, 3] });
}

/**
 * The CNN step: 28x28x1 -> conv 3x3 16 relu -> max-pool 2 -> conv 3x3 32 relu ->
 * max-pool 2 -> dense 10 softmax, categorical crossentropy, SGD; batch 32; one model.
 * `x` is fed channels-first ([B, 1, 28, 28]).
 */
export function handOnnxCnn(xNchw: Float32Array, y: Float32Array): Step {
  const { batch: B, size: S, f1, f2, classes: C, lr } = CNN;
  const g = new G();
  g.b.addInput('x', 'float32', [B, 1, S, S]);
  g.b.addInput('y', 'float32', [B, C]);
  const flat = f2 * 5 * 5;
  const shapes: [string, number[]][] = [
    ['k1', [f1, 1, 3, 3]],
    ['c1', [f1]],
    ['k2', [f2, f1, 3, 3]],
    ['c2', [f2]],
    ['w3', [flat, C]],
    ['b3', [C]],
  ];
  for (const [n, s] of shapes) g.b.addInput(n, 'float32', s);
  const lrC = g.f32([lr]);
  const zero = g.f32([0]);
  const pool = { kernel_shape: [2, 2], strides: [2, 2] };
  const a1 = g.node('Conv', ['x', 'k1', 'c1']); // [B, 16, 26, 26]
  const r1 = g.node('Relu', [a1]);
  const [p1, i1] = g.node2('MaxPool', [r1], pool); // [B, 16, 13, 13]
  const a2 = g.node('Conv', [p1, 'k2', 'c2']); // [B, 32, 11, 11]
  const r2 = g.node('Relu', [a2]);
  const [p2, i2] = g.node2('MaxPool', [r2], pool); // [B, 32, 5, 5]
  const f = g.node('Reshape', [p2, g.i64([B, flat])]);
  const z = g.node('Gemm', [f, 'w3', 'b3']);
  const lp = g.node('LogSoftmax', [z], { axis: -1 });
  const loss = g.node('ReduceMean', [g.node('Neg', [g.node('ReduceSum', [g.node('Mul', ['y', lp]), g.i64([-1])], { keepdims: 0 })])], {
    keepdims: 0,
  });
  // Backward.
  const dz = g.node('Div', [g.node('Sub', [g.node('Exp', [lp]), 'y']), g.f32([B])]);
  const dw3 = g.node('Gemm', [f, dz], { transA: 1 });
  const db3 = g.node('ReduceSum', [dz, g.i64([0])], { keepdims: 0 });
  const dp2 = g.node('Reshape', [g.node('Gemm', [dz, 'w3'], { transB: 1 }), g.i64([B, f2, 5, 5])]);
  const dr2 = maxPoolGrad(g, [B, f2, 11, 11], i2, dp2);
  const da2 = g.node('Where', [g.node('Greater', [a2, zero]), dr2, zero]);
  const dk2 = convFilterGrad(g, p1, da2);
  const dc2 = g.node('ReduceSum', [da2, g.i64([0, 2, 3])], { keepdims: 0 });
  const dp1 = g.node('ConvTranspose', [da2, 'k2']); // [B, 16, 13, 13]
  const dr1 = maxPoolGrad(g, [B, f1, 26, 26], i1, dp1);
  const da1 = g.node('Where', [g.node('Greater', [a1, zero]), dr1, zero]);
  const dk1 = convFilterGrad(g, 'x', da1);
  const dc1 = g.node('ReduceSum', [da1, g.i64([0, 2, 3])], { keepdims: 0 });
  const grads = [dk1, dc1, dk2, dc2, dw3, db3];
  const outs = [loss, ...shapes.map(([n], k) => g.sgd(n, grads[k], lrC))];
  for (const o of outs) g.b.addOutput(o, 'float32');
  const fanIn = [9, 9, 9 * f1, 9 * f1, flat, flat];
  const params = shapes.map(([name, dims], k) => ({
    name,
    value: new ort.Tensor('float32', dims.length > 1 ? normalInit(dims, k + 11, Math.sqrt(2 / fanIn[k])) : new Float32Array(dims[0]), dims),
  }));
  return runner(g, params, { x: new ort.Tensor('float32', xNchw, [B, 1, S, S]), y: new ort.Tensor('float32', y, [B, C]) }, outs);
}
