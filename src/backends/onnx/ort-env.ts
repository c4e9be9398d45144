/**
 * Imported before onnxruntime-node loads (first import of the adapter's modules that
 * import it): turns ONNX Runtime's telemetry off unless the user has set
 * `ORT_DISABLE_TELEMETRY` themselves (to `0`, say, to keep it on). onnxruntime-node
 * 1.30 on Linux otherwise keeps a SQLite store under ~/.cache/Microsoft/DeveloperTools,
 * writes a /tmp/mat-debug-<pid>.log for every process that loads it, and tries an
 * upload when the process exits (about 0.5 s of exit time, and network traffic a
 * library's user did not ask for).
 */
if (process.env.ORT_DISABLE_TELEMETRY === undefined) process.env.ORT_DISABLE_TELEMETRY = '1';

export {};
