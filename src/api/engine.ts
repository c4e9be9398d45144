/**
 * The active backend: which one, starting it (`ready`), switching (`setBackend`),
 * and loading a third-party backend from an npm module.
 */
import { Backend, backendFactory, checkBackend, registeredBackends } from '../backends/backend';
import { loadBackendModule } from '../backends/load-module';
import { BACKEND_ALIASES, configuredBackendName } from '../config';
import { ConfigError, KerasError, KerasRuntimeError, KerasValueError } from '../errors';
import { checkArity } from '../arity';
import { optionsArg } from './options';

const instances = new Map<string, Backend>();
const starting = new Map<string, Promise<Backend>>();
let active: Backend | null = null;
let chosenName: string | null = null;

/** The backend name in force: the one set at run time, else the configured one. */
export function currentBackendName(): string {
  return chosenName ?? configuredBackendName();
}

/** Options of `ready` and `setBackend`. */
export interface StartOptions {
  /** Give up (a ConfigError) when the backend has not started after this many milliseconds; default 60,000. */
  readonly timeoutMs?: number;
}

/** How long `ready` and `setBackend` wait for a backend to start, by default. */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

function timeoutOf(options: StartOptions | undefined, fn: string): number {
  // (a number here, say a timeout passed on its own, would otherwise be ignored)
  optionsArg(options, ['timeoutMs'], fn, (m) => new ConfigError(m));
  const t = options?.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  if (typeof t !== 'number' || !(t > 0) || !Number.isFinite(t)) {
    throw new ConfigError(`${fn}: option 'timeoutMs' must be a positive number of milliseconds, got ${String(t)}`);
  }
  return t;
}

/** `p`, or a ConfigError naming the backend when it has not settled after `ms`. */
function withTimeout<T>(p: Promise<T>, ms: number, fn: string, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Not unref'd: a factory that never settles must end in this error, not a silent
    // exit. Cleared as soon as the start-up settles, so it never holds the process after
    // (test/api/start-timeout.test.ts); a start-up given up on cannot be cancelled, holds
    // no timer or handle of this library's, and if it finishes later it is kept for the
    // next `ready()`.
    const timer = setTimeout(() => {
      reject(new ConfigError(`${fn}: the backend '${name}' did not start within ${ms} ms (its factory or init never finished); pass { timeoutMs } to wait longer`, name, 'backend'));
    }, ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

async function instantiate(name: string, fn: string, ms: number): Promise<Backend> {
  const existing = instances.get(name);
  if (existing) return existing;
  const pending = starting.get(name);
  if (pending) return withTimeout(pending, ms, fn, name);
  const p = (async () => {
    const factory = backendFactory(name);
    let made: unknown;
    let origin: string;
    if (factory) {
      origin = `the backend '${name}'`;
      try {
        made = await factory();
      } catch (e) {
        throw startFailure(origin, 'its factory', e);
      }
    } else {
      made = await loadBackendModule(name, registeredBackends());
      origin = `the backend module '${name}'`;
    }
    const backend = checkBackend(made, origin);
    if (backend.init) {
      try {
        await backend.init();
      } catch (e) {
        throw startFailure(origin, 'init()', e);
      }
    }
    instances.set(name, backend);
    return backend;
  })();
  starting.set(name, p);
  p.then(
    () => starting.delete(name),
    () => starting.delete(name),
  );
  return withTimeout(p, ms, fn, name);
}

/** A backend's start-up failure: the library's own errors as they are, anything else a ConfigError naming it. */
function startFailure(origin: string, what: string, e: unknown): KerasError {
  if (e instanceof KerasError) return e;
  return new ConfigError(`${origin} failed to start: ${what} threw ${messageOf(e)}`);
}

/** `name`, or the built-in backend it is an alias of (`tensorflow` is `tfjs`, as in keras.json). */
function unalias(name: string): string {
  if (backendFactory(name) || instances.has(name)) return name;
  const alias = BACKEND_ALIASES[name];
  return alias !== undefined && backendFactory(alias) ? alias : name;
}

/**
 * Starts the configured backend (keras.json or KERAS_BACKEND, or the last `setBackend`).
 * Await it once before using the API; afterwards every call is synchronous. Gives up
 * with a ConfigError after `options.timeoutMs` (default 60 s).
 */
export async function ready(options?: StartOptions, ...extra: []): Promise<void> {
  checkArity('ready', 1, extra);
  const ms = timeoutOf(options, 'ready');
  const name = currentBackendName();
  active = await instantiate(name, 'ready', ms);
}

/**
 * Switches the active backend at run time. Constants and variables made under
 * another backend are moved over (through host memory) the first time they are used.
 */
export async function setBackend(name: string, options?: StartOptions, ...extra: []): Promise<void> {
  checkArity('setBackend', 2, extra);
  if (typeof name !== 'string' || name.length === 0) {
    throw new ConfigError(`setBackend: argument 'name' must be a non-empty backend name, got ${String(name)}`);
  }
  const ms = timeoutOf(options, 'setBackend');
  name = unalias(name);
  const backend = await instantiate(name, 'setBackend', ms);
  chosenName = name;
  active = backend;
}

/** The active backend; throws if it has not been started with `await ready()`. */
export function activeBackend(): Backend {
  if (active) return active;
  const name = currentBackendName();
  const made = instances.get(name);
  if (made) {
    active = made;
    return made;
  }
  // A backend with no asynchronous start-up can be made on first use.
  const factory = backendFactory(name);
  if (factory) {
    const candidate = factory();
    if (!(candidate instanceof Promise)) {
      const backend = checkBackend(candidate, `the backend '${name}'`);
      if (!backend.init) {
        instances.set(name, backend);
        active = backend;
        return backend;
      }
    }
  }
  throw new KerasError(`The '${name}' backend is not started: call \`await K.ready()\` once before using the API.`);
}

/** A started backend instance by name, or undefined. */
export function startedBackend(name: string): Backend | undefined {
  return instances.get(name);
}

/** A thrown value's message, whatever was thrown (never throws itself). */
function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    // an Error from another realm (a native binding under a VM sandbox) is not `instanceof Error`
    const m = (e as { message?: unknown } | null)?.message;
    if (typeof e === 'object' && typeof m === 'string') return m;
    return typeof e === 'string' ? e : `a thrown ${e === null ? 'null' : typeof e} (${String(e)})`;
  } catch {
    return `a thrown ${typeof e}`;
  }
}

/**
 * The library's error for a failure inside an engine while running library function
 * `fn`: one of the library's errors as it is, anything else a KerasRuntimeError whose
 * message is the same on every backend (`fn` and a generic sentence). The engine's
 * error is its `cause`, its text in `engineMessage`, the backend's name in `backend`.
 */
export function engineFailure(fn: string, backend: Backend, e: unknown): KerasError {
  if (e instanceof KerasError) return e;
  const err = new KerasRuntimeError(`${fn}: the engine failed at run time (its own message is in the error's cause)`);
  for (const [key, value] of [['cause', e], ['engineMessage', messageOf(e)], ['backend', backend.name]] as const) {
    Object.defineProperty(err, key, { value, enumerable: false, configurable: true, writable: true });
  }
  return err;
}

/**
 * Hands host data of `n` elements to the engine for library function `fn`: an
 * engine that cannot hold that many (tfjs's wasm heap stops at 4 GB) raises a
 * KerasValueError naming the element count and bytes; other failures as `onEngine`.
 */
export function fromHostChecked<T>(fn: string, backend: Backend, n: number, bytes: number, dtype: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === 'RangeError' || /out of memory|allocation failed/i.test(messageOf(e))) {
      throw new KerasValueError(`${fn}: a tensor of ${n} elements of ${dtype} (${bytes} bytes) cannot be allocated on the '${backend.name}' backend: ${messageOf(e)}`);
    }
    throw engineFailure(fn, backend, e);
  }
}

/** Runs engine work for library function `fn`, raising its failures as `engineFailure` does. */
export function onEngine<R>(fn: string, backend: Backend, work: () => R): R {
  try {
    return work();
  } catch (e) {
    throw engineFailure(fn, backend, e);
  }
}
