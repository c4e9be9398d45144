/**
 * Package root: registers the built-in backends (loaded lazily, so an unused
 * engine is never loaded, and its packages, optional peer dependencies, need not be
 * installed) and exports the K namespace, both as `K` and as named exports.
 */
import { registerBackend, registeredBackends } from './backends/backend';
import { registerOnnxExporter } from './backends/export';
import { isEngineInstalled, requireEnginePackages } from './backends/engine-packages';
import { isResolvableModule } from './backends/load-module';
import { BUILTIN_BACKENDS, configureBackendNames, onnxSettings } from './config';
import * as K from './api/index';

registerBackend('reference', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./backends/reference') as typeof import('./backends/reference')).createReferenceBackend(),
);
registerBackend('tfjs', () => {
  requireEnginePackages('tfjs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./backends/tfjs') as typeof import('./backends/tfjs')).createTfjsBackend();
});
registerBackend('onnx', () => {
  requireEnginePackages('onnx');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./backends/onnx') as typeof import('./backends/onnx')).createOnnxBackend(onnxSettings());
});
registerOnnxExporter(() => {
  // Export needs the onnx adapter's lowering, hence its packages, whatever backend runs.
  requireEnginePackages('onnx', 'ONNX export (exportOnnx)');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./backends/onnx') as typeof import('./backends/onnx')).exportOnnxModel;
});
configureBackendNames({
  knownBackends: () => [...new Set([...BUILTIN_BACKENDS, ...registeredBackends()])],
  isLoadableModule: isResolvableModule,
  // Without the tfjs engine's packages (optional peer dependencies), the pure-TypeScript backend.
  defaultBackend: () => (isEngineInstalled('tfjs') ? 'tfjs' : 'reference'),
});

export * from './api/index';
export { K };
export default K;
