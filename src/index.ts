/**
 * Package root: registers the built-in backends (loaded lazily, so an unused
 * engine is never loaded) and exports the K namespace, both as `K` and as named exports.
 */
import { registerBackend, registeredBackends } from './backends/backend';
import { registerOnnxExporter } from './backends/export';
import { isResolvableModule } from './backends/load-module';
import { BUILTIN_BACKENDS, configureBackendNames } from './config';
import * as K from './api/index';

registerBackend('reference', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./backends/reference') as typeof import('./backends/reference')).createReferenceBackend(),
);
registerBackend('tfjs', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./backends/tfjs') as typeof import('./backends/tfjs')).createTfjsBackend(),
);
registerBackend('onnx', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./backends/onnx') as typeof import('./backends/onnx')).createOnnxBackend(),
);
registerOnnxExporter(() =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./backends/onnx') as typeof import('./backends/onnx')).exportOnnxModel,
);
configureBackendNames({
  knownBackends: () => [...new Set([...BUILTIN_BACKENDS, ...registeredBackends()])],
  isLoadableModule: isResolvableModule,
});

export * from './api/index';
export { K };
export default K;
