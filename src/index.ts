/**
 * Package root: registers the built-in backends (loaded lazily, so an unused
 * engine is never loaded, and its packages, optional peer dependencies, need not be
 * installed) and exports the K namespace, both as `K` and as named exports.
 */
import { registerBackend, registeredBackends } from './backends/backend';
import { registerOnnxExporter } from './backends/export';
import { isEngineInstalled, requireEnginePackages } from './backends/engine-packages';
import { isResolvableModule } from './backends/load-module';
import { BUILTIN_BACKENDS, configureBackendNames, onnxSettings, tfjsSettings } from './config';
import type { BuiltinBackendName } from './config';
import * as K from './api/index';

/**
 * How each built-in backend is made, keyed by the one list of built-in names
 * (BUILTIN_BACKENDS in src/config/values.ts): a name without a loader, or a loader
 * without a name, is a compile error.
 */
const BUILTIN_LOADERS: Readonly<Record<BuiltinBackendName, (name: BuiltinBackendName) => void>> = {
  reference: (name) =>
    registerBackend(name, () =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./backends/reference') as typeof import('./backends/reference')).createReferenceBackend(),
    ),
  tfjs: (name) =>
    registerBackend(name, () => {
      requireEnginePackages('tfjs');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./backends/tfjs') as typeof import('./backends/tfjs')).createTfjsBackend(tfjsSettings());
    }),
  onnx: (name) =>
    registerBackend(name, () => {
      requireEnginePackages('onnx');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./backends/onnx') as typeof import('./backends/onnx')).createOnnxBackend(onnxSettings());
    }),
};
for (const name of BUILTIN_BACKENDS) BUILTIN_LOADERS[name](name);
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
/** The built-in backends, in their order of preference for reports (the one list). */
export { BUILTIN_BACKENDS } from './config';
export type { BuiltinBackendName } from './config';
export { K };
export default K;
