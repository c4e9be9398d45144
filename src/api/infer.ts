/**
 * Static shape and dtype inference, as src/api uses it. The rules live with the
 * primitives' definitions (src/backends/primitives); this module names them for src/api.
 */
export type { StaticInfo } from '../backends/primitives';
export { broadcastShapes, fmt, inferPrimitive } from '../backends/primitives';
