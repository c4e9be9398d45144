/**
 * Loading a third-party backend from an npm module named in keras.json or KERAS_BACKEND.
 *
 * The module may export (in this order of preference) `createBackend()` (sync or
 * async), `default` (a Backend or a factory), `backend` (a Backend), or be a Backend
 * itself. The result is checked against the interface by the caller.
 */
import { createRequire } from 'module';
import * as path from 'path';
import { ConfigError } from '../errors';

function resolveFrom(name: string): string | undefined {
  const bases = [path.join(process.cwd(), 'noop.js'), __filename];
  for (const base of bases) {
    try {
      return createRequire(base).resolve(name);
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** Whether `name` resolves to an installed module (from the working directory or this package). */
export function isResolvableModule(name: string): boolean {
  return resolveFrom(name) !== undefined;
}

/** Loads module `name` and returns what it offers as a backend (not yet checked). */
export async function loadBackendModule(name: string, known: readonly string[]): Promise<unknown> {
  const resolved = resolveFrom(name);
  if (resolved === undefined) {
    throw new ConfigError(
      `Unknown backend '${name}': it is not a built-in or registered backend (${known.join(', ')}) and no npm module of that name can be found from ${process.cwd()}`,
      name,
      'backend',
    );
  }
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(resolved) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`The backend module '${name}' (${resolved}) failed to load: ${(e as Error).message}`, name, 'backend');
  }
  const pick = mod.createBackend ?? mod.default ?? mod.backend ?? mod;
  return typeof pick === 'function' ? await (pick as () => unknown)() : pick;
}
