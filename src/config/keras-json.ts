/**
 * keras.json: where it is, reading it, and creating it with the defaults, the
 * way Keras does (`keras/src/backend/config.py`):
 *
 * - the folder is `$KERAS_HOME`, else `~/.keras`; when that folder cannot be
 *   created or written, `/tmp/.keras` is used instead;
 * - a missing keras.json is created with the defaults (atomically, never
 *   replacing a file another process created meanwhile); when no folder can be
 *   written the defaults are kept in memory;
 * - a present keras.json is read and never rewritten; missing fields take the
 *   defaults and unknown fields are kept;
 * - `KERAS_BACKEND` overrides the file's backend.
 *
 * Unlike Keras, which silently ignores a malformed file, every bad field is a
 * `ConfigError` naming the file (or variable) and the field.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError } from '../errors';
import { createFileAtomically, errorCode } from './atomic-write';
import { show } from '../format';
import { DEFAULT_ONNX_SETTINGS, OnnxSettings, parseOnnxSettings } from './onnx-options';
import { DEFAULT_TFJS_SETTINGS, parseTfjsSettings, TfjsSettings } from './tfjs-options';
import {
  BACKEND_ALIASES,
  BUILTIN_BACKENDS,
  DEFAULT_KERAS_JSON_TEXT,
  kerasJsonText,
  DEFAULT_SETTINGS,
  FLOATX_VALUES,
  Floatx,
  IMAGE_DATA_FORMATS,
  ImageDataFormat,
  KerasSettings,
  isFloatx,
  isImageDataFormat,
  isValidEpsilon,
} from './values';

/** Environment variables, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The file name inside the Keras folder. */
export const KERAS_JSON_NAME = 'keras.json';

/** The folder used when the Keras folder cannot be written (Keras's `/tmp/.keras`). */
export const FALLBACK_KERAS_DIR: string = process.platform === 'win32' ? path.join(os.tmpdir(), '.keras') : '/tmp/.keras';

/** How backend names from keras.json / KERAS_BACKEND are checked. The backend registry supplies these. */
export interface BackendNameOptions {
  /**
   * The backend names that exist (built in and registered); listed in the error
   * for an unknown name. Default: the built-in backends.
   */
  readonly knownBackends?: () => readonly string[];
  /** Accepts further names as known backends (e.g. registered after `knownBackends` was listed). */
  readonly isKnownBackend?: (name: string) => boolean;
  /** Accepts any name that resolves as a loadable npm module (e.g. via `require.resolve`). */
  readonly isLoadableModule?: (name: string) => boolean;
  /**
   * Whether a name that looks like an npm module path (starts with `@` or
   * contains `/`) passes as a module to load even when `isLoadableModule` does not
   * say so. Default: true.
   */
  readonly allowModuleNames?: boolean;
  /**
   * The backend used when neither keras.json nor KERAS_BACKEND names one, and
   * written into a new keras.json. Default: `DEFAULT_SETTINGS.backend` (tfjs); the
   * package root passes `reference` when the tfjs engine's packages are not installed.
   */
  readonly defaultBackend?: () => string;
}

/** Options of `loadKerasJson`. */
export interface LoadKerasJsonOptions extends BackendNameOptions {
  /** The environment to read KERAS_HOME, HOME and KERAS_BACKEND from. Default: `process.env`. */
  readonly env?: Env;
  /** The folder to fall back to when the Keras folder cannot be written. Default: `FALLBACK_KERAS_DIR`. */
  readonly fallbackDir?: string;
}

/** Whether the backend name is one the registry knows, or an npm module to load. */
export type BackendKind = 'known' | 'module';

/** Where the backend name came from. */
export type BackendOrigin = 'KERAS_BACKEND' | 'file' | 'default';

/** The backend keras.json / KERAS_BACKEND selects. */
export interface ResolvedBackend {
  /** The name to look up (aliases replaced: `"tensorflow"` becomes `"tfjs"`). */
  readonly name: string;
  /** The name as written. */
  readonly raw: string;
  readonly kind: BackendKind;
  readonly origin: BackendOrigin;
}

/** What `loadKerasJson` found. */
export interface KerasJsonResult {
  /** The keras.json path in use (the one read or created; when none could be created, where Keras looks first). */
  readonly path: string;
  /** The settings, defaults filled in, the backend overridden by KERAS_BACKEND and aliases resolved. */
  readonly settings: KerasSettings;
  /** Whether this call created the file. */
  readonly created: boolean;
  /** Whether a file exists at `path`; false when the defaults are kept in memory only. */
  readonly persisted: boolean;
  /** The file's fields other than the four settings, `onnx` and `tfjs`, kept as they are. */
  readonly extra: Record<string, unknown>;
  /** The onnx backend's session settings (the file's `onnx` object, defaults filled in). */
  readonly onnx: OnnxSettings;
  /** The tfjs backend's engine settings (the file's `tfjs` object, defaults filled in). */
  readonly tfjs: TfjsSettings;
  /** The backend selected, with where its name came from. */
  readonly backend: ResolvedBackend;
  /** Why a fallback was taken (an unwritable folder), for diagnostics. */
  readonly warnings: readonly string[];
}

/** The Keras folder: `$KERAS_HOME` if set, else `$HOME/.keras`. */
export function kerasDir(env: Env = process.env): string {
  const home = homeDir(env);
  const kerasHome = env.KERAS_HOME;
  if (kerasHome !== undefined && kerasHome !== '') return path.resolve(expandTilde(kerasHome, home));
  return path.join(home, '.keras');
}

/** Whether `name` looks like an npm module specifier rather than a backend name: `@scope/pkg`, `pkg/sub`, `./file`. */
export function looksLikeModuleName(name: string): boolean {
  return name.startsWith('@') || name.includes('/');
}

/**
 * Checks a backend name from keras.json or KERAS_BACKEND and resolves aliases.
 * `where.label` starts the messages (`/path/keras.json: field 'backend'` or
 * `environment variable KERAS_BACKEND`); `where.source` becomes the error's `source`.
 * Throws a `ConfigError` listing the known backends when the name is unknown.
 */
export function resolveBackendName(
  raw: unknown,
  where: { readonly label: string; readonly source: string },
  options: BackendNameOptions = {},
): { name: string; kind: BackendKind } {
  if (typeof raw !== 'string' || raw.length === 0) {
    throw new ConfigError(
      `${where.label} must be a non-empty string naming a backend, got ${show(raw)}`,
      where.source,
      'backend',
    );
  }
  const known = knownNames(options);
  const isKnown = (name: string): boolean => known.includes(name) || (options.isKnownBackend?.(name) ?? false);
  if (isKnown(raw)) return { name: raw, kind: 'known' };
  const alias = BACKEND_ALIASES[raw];
  if (alias !== undefined && isKnown(alias)) return { name: alias, kind: 'known' };
  if (options.isLoadableModule?.(raw) === true) return { name: raw, kind: 'module' };
  if ((options.allowModuleNames ?? true) && looksLikeModuleName(raw)) return { name: raw, kind: 'module' };
  const aliases = Object.entries(BACKEND_ALIASES)
    .filter(([, target]) => isKnown(target))
    .map(([a, target]) => `"${a}" is accepted as an alias of "${target}"`);
  throw new ConfigError(
    `${where.label} names an unknown backend ${show(raw)}. ` +
      `Known backends: ${known.join(', ')}` +
      (aliases.length > 0 ? ` (${aliases.join('; ')})` : '') +
      `; a backend published as an npm module is named by its module name (e.g. "@scope/keras-backend-x").`,
    where.source,
    'backend',
  );
}

/**
 * Finds, reads or creates keras.json and returns its settings.
 * A present file is never rewritten. Throws a `ConfigError` for a malformed file,
 * a bad field or a bad KERAS_BACKEND.
 */
export function loadKerasJson(options: LoadKerasJsonOptions = {}): KerasJsonResult {
  const env = options.env ?? process.env;
  const primaryDir = kerasDir(env);
  const fallbackDir = path.resolve(options.fallbackDir ?? FALLBACK_KERAS_DIR);
  const primaryPath = path.join(primaryDir, KERAS_JSON_NAME);
  const warnings: string[] = [];

  const dirs = primaryDir === fallbackDir ? [primaryDir] : [primaryDir, fallbackDir];
  for (const dir of dirs) {
    const file = path.join(dir, KERAS_JSON_NAME);
    // The shared temporary folder is trusted only when it and the file are the user's
    // own and nobody else can write them: another local user could plant a backend module.
    const shared = dir === fallbackDir && dir !== primaryDir;
    if (shared) {
      const distrust = untrustedFallback(dir, file);
      if (distrust !== null) {
        warnings.push(distrust);
        break;
      }
    }
    if (isPresent(file)) return fromFile(file, false, env, options, warnings);
    const failure = tryCreate(dir, file, defaultBackendName(options), shared);
    // checked again: another user may have made the folder between the check and mkdir
    const raced = shared && (failure === 'created' || failure === 'exists') ? untrustedFallback(dir, file) : null;
    if (raced !== null) {
      warnings.push(raced);
      break;
    }
    if (failure === 'created') return fromFile(file, true, env, options, warnings);
    if (failure === 'exists') return fromFile(file, false, env, options, warnings);
    warnings.push(`cannot create ${file} (${failure})`);
  }
  warnings.push('using the default settings in memory');
  // one line on stderr: the settings in force are not the file's
  process.stderr.write(`keras-backend-ts: ${warnings.join('; ')}\n`);
  return build(primaryPath, {}, false, false, env, options, warnings);
}

/**
 * Why the shared fallback folder (or the keras.json in it) must not be used, or null:
 * it must be a real folder (not a link), and it and the file (when present) must be
 * owned by the current user and writable by nobody else. A missing folder is fine
 * (it is created private).
 */
function untrustedFallback(dir: string, file: string): string | null {
  if (typeof process.getuid !== 'function') return null; // no owners to check (Windows)
  const uid = process.getuid();
  const check = (p: string, what: string, kind: 'dir' | 'file'): string | null => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return null; // absent
    }
    if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) return `not using ${p}: it is not a ${kind === 'dir' ? 'folder' : 'regular file'}`;
    if (st.uid !== uid) return `not using ${p}: the ${what} belongs to another user (uid ${st.uid})`;
    if ((st.mode & 0o022) !== 0) return `not using ${p}: other users can write the ${what}`;
    return null;
  };
  return check(dir, 'folder', 'dir') ?? check(file, 'file', 'file');
}

/* ------------------------------------------------------------------ */

function fromFile(
  file: string,
  created: boolean,
  env: Env,
  options: BackendNameOptions,
  warnings: string[],
): KerasJsonResult {
  return build(file, parseObject(readBounded(file), file), created, true, env, options, warnings);
}

/** The largest keras.json read (a real one is a few hundred bytes). */
export const MAX_KERAS_JSON_BYTES = 1024 * 1024;

/**
 * The text of `file`, which must be a regular file of at most MAX_KERAS_JSON_BYTES
 * (checked on the opened file, so a link to /dev/zero or a FIFO is refused, not read).
 */
function readBounded(file: string): string {
  let fd: number;
  try {
    // non-blocking: opening a FIFO does not wait for a writer
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the Keras configuration file (${messageOf(err)})`, file);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new ConfigError(`${file}: the Keras configuration file must be a regular file`, file);
    if (st.size > MAX_KERAS_JSON_BYTES) {
      throw new ConfigError(`${file}: the Keras configuration file is ${st.size} bytes, more than the ${MAX_KERAS_JSON_BYTES} allowed`, file);
    }
    const buf = Buffer.alloc(MAX_KERAS_JSON_BYTES + 1);
    let n = 0;
    for (;;) {
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > MAX_KERAS_JSON_BYTES) {
        throw new ConfigError(`${file}: the Keras configuration file is more than the ${MAX_KERAS_JSON_BYTES} bytes allowed`, file);
      }
    }
    return buf.toString('utf8', 0, n);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${file}: cannot read the Keras configuration file (${messageOf(err)})`, file);
  } finally {
    fs.closeSync(fd);
  }
}

/** Parses the file's text into its top-level object. */
function parseObject(text: string, file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new ConfigError(`${file}: malformed JSON in the Keras configuration file: ${messageOf(err)}`, file);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(
      `${file}: the Keras configuration file must hold a JSON object at the top level, got ${
        parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed
      }`,
      file,
    );
  }
  return parsed as Record<string, unknown>;
}

/** Validates the fields, fills in defaults and applies KERAS_BACKEND. */
function build(
  file: string,
  json: Record<string, unknown>,
  created: boolean,
  persisted: boolean,
  env: Env,
  options: BackendNameOptions,
  warnings: string[],
): KerasJsonResult {
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(json, key);
  const fieldError = (field: string, expected: string): ConfigError =>
    new ConfigError(`${file}: field '${field}' must be ${expected}, got ${show(json[field])}`, file, field);

  let floatx: Floatx = DEFAULT_SETTINGS.floatx;
  if (has('floatx')) {
    if (!isFloatx(json.floatx)) throw fieldError('floatx', `one of ${FLOATX_VALUES.join(', ')}`);
    floatx = json.floatx;
  }
  let epsilon = DEFAULT_SETTINGS.epsilon;
  if (has('epsilon')) {
    if (!isValidEpsilon(json.epsilon)) throw fieldError('epsilon', 'a positive finite number');
    epsilon = json.epsilon;
  }
  let imageDataFormat: ImageDataFormat = DEFAULT_SETTINGS.image_data_format;
  if (has('image_data_format')) {
    if (!isImageDataFormat(json.image_data_format)) {
      throw fieldError('image_data_format', `one of ${IMAGE_DATA_FORMATS.join(', ')}`);
    }
    imageDataFormat = json.image_data_format;
  }

  const fileLabel = { label: `${file}: field 'backend'`, source: file };
  const envBackend = env.KERAS_BACKEND;
  let backend: ResolvedBackend;
  if (envBackend !== undefined && envBackend !== '') {
    // The file's backend is not used: only its type is checked, so a Python
    // Keras user's "jax" does not stop KERAS_BACKEND from choosing.
    if (has('backend') && (typeof json.backend !== 'string' || json.backend.length === 0)) {
      throw fieldError('backend', 'a non-empty string naming a backend');
    }
    const r = resolveBackendName(envBackend, { label: 'environment variable KERAS_BACKEND', source: 'KERAS_BACKEND' }, options);
    backend = { ...r, raw: envBackend, origin: 'KERAS_BACKEND' };
  } else if (has('backend')) {
    const r = resolveBackendName(json.backend, fileLabel, options);
    backend = { ...r, raw: json.backend as string, origin: 'file' };
  } else {
    const name = defaultBackendName(options);
    backend = { name, raw: name, kind: 'known', origin: 'default' };
  }

  const onnx = has('onnx') ? parseOnnxSettings(json.onnx, file) : DEFAULT_ONNX_SETTINGS;
  const tfjs = has('tfjs') ? parseTfjsSettings(json.tfjs, file) : DEFAULT_TFJS_SETTINGS;

  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(json)) {
    if (key !== 'floatx' && key !== 'epsilon' && key !== 'backend' && key !== 'image_data_format' && key !== 'onnx' && key !== 'tfjs') {
      extra[key] = json[key];
    }
  }

  return {
    path: file,
    settings: Object.freeze({ floatx, epsilon, backend: backend.name, image_data_format: imageDataFormat }),
    created,
    persisted,
    extra,
    onnx,
    tfjs,
    backend: Object.freeze(backend),
    warnings: Object.freeze([...warnings]),
  };
}

/** Whether something exists at `file` (a stat error of any kind counts as absent). */
function isPresent(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Creates `dir` and `file` in it with the defaults; returns the outcome or why it failed. */
function tryCreate(dir: string, file: string, backend: string, shared = false): 'created' | 'exists' | string {
  try {
    // the shared fallback folder is made private to the user
    fs.mkdirSync(dir, { recursive: true, ...(shared ? { mode: 0o700 } : {}) });
    if (!fs.statSync(dir).isDirectory()) return `${dir} is not a folder`;
    return createFileAtomically(file, backend === DEFAULT_SETTINGS.backend ? DEFAULT_KERAS_JSON_TEXT : kerasJsonText(backend));
  } catch (err) {
    return errorCode(err) ?? messageOf(err);
  }
}

function defaultBackendName(options: BackendNameOptions): string {
  return options.defaultBackend ? options.defaultBackend() : DEFAULT_SETTINGS.backend;
}

function knownNames(options: BackendNameOptions): string[] {
  const names = options.knownBackends ? options.knownBackends() : BUILTIN_BACKENDS;
  return [...new Set(names)];
}

function homeDir(env: Env): string {
  const home = env.HOME || (process.platform === 'win32' ? env.USERPROFILE : undefined);
  return home || os.homedir();
}

function expandTilde(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith(`~${path.sep}`)) return path.join(home, p.slice(2));
  return p;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
