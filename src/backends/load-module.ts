/**
 * Loading a third-party backend from an npm module named in keras.json or KERAS_BACKEND.
 *
 * The name is resolved from the user's project (the current working directory), never
 * from this library's own folder, and must not be a Node.js built-in. The module must
 * export a function `createBackend()` (sync or async) returning the Backend; nothing
 * else it exports is called. Every failure is a ConfigError naming the module.
 */
import * as Module from 'module';
import * as path from 'path';
import { ConfigError } from '../errors';

function resolveFrom(name: string): string | undefined {
  try {
    return Module.createRequire(path.join(process.cwd(), 'noop.js')).resolve(name);
  } catch {
    return undefined;
  }
}

/** Whether `name` is one of Node's own modules (`fs`, `node:events`, ...). */
function isBuiltin(name: string): boolean {
  const m = Module as unknown as { isBuiltin?: (n: string) => boolean; builtinModules: readonly string[] };
  if (typeof m.isBuiltin === 'function') return m.isBuiltin(name);
  return name.startsWith('node:') || m.builtinModules.includes(name);
}

/** Whether `name` resolves, from the working directory, to an installed module that is not a Node built-in. */
export function isResolvableModule(name: string): boolean {
  return !isBuiltin(name) && resolveFrom(name) !== undefined;
}

/** What was thrown, for a message (never throws itself). */
function describeThrown(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  if (typeof m === 'string' && typeof e === 'object') return m;
  try {
    return `a thrown ${e === null ? 'null' : typeof e} (${String(e)}), not an Error`;
  } catch {
    return `a thrown ${typeof e}, not an Error`;
  }
}

/** Loads module `name` and returns what its `createBackend()` gives (not yet checked). */
export async function loadBackendModule(name: string, known: readonly string[]): Promise<unknown> {
  if (isBuiltin(name)) {
    throw new ConfigError(`The backend '${name}' names a Node.js built-in module, not a backend (known backends: ${known.join(', ')})`, name, 'backend');
  }
  const resolved = resolveFrom(name);
  if (resolved === undefined) {
    throw new ConfigError(
      `Unknown backend '${name}': it is not a built-in or registered backend (${known.join(', ')}) and no npm module of that name can be found from ${process.cwd()}`,
      name,
      'backend',
    );
  }
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(resolved);
  } catch (e) {
    throw new ConfigError(`The backend module '${name}' (${resolved}) failed to load: ${describeThrown(e)}`, name, 'backend');
  }
  const create = mod !== null && (typeof mod === 'object' || typeof mod === 'function') ? (mod as { createBackend?: unknown }).createBackend : undefined;
  if (typeof create !== 'function') {
    throw new ConfigError(
      `The backend module '${name}' (${resolved}) does not export a function 'createBackend'; a backend module must (see the README, "Writing a backend")`,
      name,
      'backend',
    );
  }
  try {
    return await (create as () => unknown).call(mod);
  } catch (e) {
    throw new ConfigError(`The backend module '${name}': createBackend() failed: ${describeThrown(e)}`, name, 'backend');
  }
}
