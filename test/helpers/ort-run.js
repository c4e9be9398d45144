// Runs an .onnx file in a plain onnxruntime-node session, in its own process, with no
// library code: the independent side of the ONNX export tests.
// stdin: {"file": path, "runs": [{name: {type, dims, data}}...], "feedback": {output: input}}
// (int64 data as decimal strings, both ways)
// stdout: {"inputNames": [...], "outputNames": [...], "runs": [{name: {dims, data}}...]}
// "feedback" feeds each run's named outputs to the next run as the named inputs.
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

const ARRAYS = { float32: Float32Array, float64: Float64Array, int32: Int32Array, bool: Uint8Array, int64: BigInt64Array };

async function main() {
  const req = JSON.parse(fs.readFileSync(0, 'utf8'));
  const session = await ort.InferenceSession.create(req.file, { logSeverityLevel: 3 });
  const runs = [];
  let carried = {};
  for (const feeds of req.runs) {
    const inputs = { ...carried };
    for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor(t.type, t.type === 'int64' ? BigInt64Array.from(t.data, BigInt) : ARRAYS[t.type].from(t.data), t.dims);
    const out = await session.run(inputs);
    const res = {};
    for (const [name, t] of Object.entries(out)) res[name] = { dims: [...t.dims], data: Array.from(t.data, (v) => (typeof v === 'bigint' ? String(v) : v)) };
    runs.push(res);
    carried = {};
    for (const [o, i] of Object.entries(req.feedback || {})) carried[i] = out[o];
  }
  await session.release();
  process.stdout.write(JSON.stringify({ inputNames: session.inputNames, outputNames: session.outputNames, runs }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
