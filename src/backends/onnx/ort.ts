/**
 * onnxruntime-node for this adapter's files, loaded only after ort-env.ts has set
 * the environment it reads at load time (telemetry). Every file here imports ORT
 * from this module, so no file can load it first by importing it directly.
 */
import './ort-env';
export * as ort from 'onnxruntime-node';
