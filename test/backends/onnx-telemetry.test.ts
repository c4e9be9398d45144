/**
 * The onnx backend turns ONNX Runtime's telemetry off unless the user chose otherwise
 * (src/backends/onnx/ort-env.ts): run in child processes over the built files, without
 * the ORT_DISABLE_TELEMETRY that jest.config.ts sets for the tests themselves.
 * onnxruntime-node 1.30 on Linux writes /tmp/mat-debug-<pid>.log when its telemetry is
 * on, on some machines only (CI's did not write it): where a run with telemetry on
 * writes that log, a run with it off must not; elsewhere only the variable is checked.
 */
import * as fs from 'fs';
import * as path from 'path';
import { requireBuilt, runBuilt } from '../helpers/built-child';

/** Runs one compiled function on onnx in a fresh process; its pid, the variable as ORT saw it, and whether its telemetry log exists. */
function run(value: string | undefined): { pid: number; seen: string; log: boolean } {
  const env: NodeJS.ProcessEnv = { ...process.env, KERAS_BACKEND: 'onnx' };
  delete env.ORT_DISABLE_TELEMETRY;
  if (value !== undefined) env.ORT_DISABLE_TELEMETRY = value;
  const r = runBuilt(
    `K.ready().then(() => {
  const x = K.placeholder({ shape: [2] });
  K.function([x], [K.add(x, 1)])([[1, 2]]);
  console.log(process.pid + ' ' + process.env.ORT_DISABLE_TELEMETRY);
});`,
    env,
  );
  expect(r.status).toBe(0);
  const [pid, seen] = r.stdout.trim().split(' ');
  const log = path.join('/tmp', `mat-debug-${pid}.log`);
  const exists = fs.existsSync(log);
  fs.rmSync(log, { force: true });
  return { pid: Number(pid), seen, log: exists };
}

describe('ONNX Runtime telemetry', () => {
  beforeAll(requireBuilt);

  it("stays the user's choice when they set it (0: on), and is off when they have not", () => {
    const on = run('0');
    expect(on.seen).toBe('0');
    const off = run(undefined);
    expect(off.seen).toBe('1');
    // The log is the trace of telemetry where ORT writes it: only meaningful when the run with it on left one.
    if (on.log) expect(off.log).toBe(false);
  });
});
