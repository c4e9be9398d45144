import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError } from '../../src/errors';
import { DEFAULT_KERAS_JSON_TEXT, DEFAULT_SETTINGS } from '../../src/config/values';
import {
  FALLBACK_KERAS_DIR,
  LoadKerasJsonOptions,
  kerasDir,
  loadKerasJson,
  looksLikeModuleName,
} from '../../src/config/keras-json';
import { ageFile, makeTempDir, removeTempDirs, snapshot, thrown } from './helpers';

let root: string;
let home: string;
let fallback: string;

beforeEach(() => {
  root = makeTempDir();
  home = path.join(root, 'keras-home');
  fallback = path.join(root, 'fallback', '.keras');
});
afterEach(removeTempDirs);

/** loadKerasJson with KERAS_HOME, HOME and the fallback all inside the test's temp folder. */
function load(extraEnv: Record<string, string> = {}, options: Omit<LoadKerasJsonOptions, 'env'> = {}) {
  return loadKerasJson({
    env: { HOME: path.join(root, 'home'), KERAS_HOME: home, ...extraEnv },
    fallbackDir: fallback,
    ...options,
  });
}

function writeConfig(content: string, dir = home): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'keras.json');
  fs.writeFileSync(file, content);
  ageFile(file);
  return file;
}

function configErrorOf(fn: () => unknown): ConfigError {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('where keras.json is', () => {
  test('KERAS_HOME when set, else $HOME/.keras', () => {
    expect(kerasDir({ KERAS_HOME: '/some/where', HOME: '/home/u' })).toBe(path.resolve('/some/where'));
    expect(kerasDir({ HOME: '/home/u' })).toBe(path.join('/home/u', '.keras'));
    expect(kerasDir({ KERAS_HOME: '', HOME: '/home/u' })).toBe(path.join('/home/u', '.keras'));
    expect(kerasDir({ KERAS_HOME: '~/k', HOME: '/home/u' })).toBe(path.join('/home/u', 'k'));
    expect(kerasDir({})).toBe(path.join(os.homedir(), '.keras'));
  });

  test('the fallback folder is /tmp/.keras, as in Keras', () => {
    if (process.platform !== 'win32') expect(FALLBACK_KERAS_DIR).toBe('/tmp/.keras');
  });

  test('without KERAS_HOME the file is created in $HOME/.keras', () => {
    const fakeHome = path.join(root, 'home');
    fs.mkdirSync(fakeHome);
    const r = loadKerasJson({ env: { HOME: fakeHome }, fallbackDir: fallback });
    expect(r.path).toBe(path.join(fakeHome, '.keras', 'keras.json'));
    expect(r.created).toBe(true);
    expect(fs.existsSync(r.path)).toBe(true);
  });
});

describe('a missing keras.json', () => {
  test('is created with the defaults, as valid pretty-printed JSON', () => {
    const r = load();
    const file = path.join(home, 'keras.json');
    expect(r.path).toBe(file);
    expect(r.created).toBe(true);
    expect(r.persisted).toBe(true);
    expect(r.settings).toEqual({
      floatx: 'float32',
      epsilon: 1e-7,
      backend: 'tfjs',
      image_data_format: 'channels_last',
    });
    expect(r.extra).toEqual({});
    expect(r.backend).toEqual({ name: 'tfjs', raw: 'tfjs', kind: 'known', origin: 'file' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toBe(DEFAULT_KERAS_JSON_TEXT);
    expect(JSON.parse(text)).toEqual(DEFAULT_SETTINGS);
    // Keras's json.dumps(indent=4) layout.
    expect(text).toBe(
      '{\n    "floatx": "float32",\n    "epsilon": 1e-07,\n    "backend": "tfjs",\n    "image_data_format": "channels_last"\n}',
    );
    expect(Object.keys(JSON.parse(text))).toEqual(['floatx', 'epsilon', 'backend', 'image_data_format']);
  });

  test('creates the missing folders on the way', () => {
    home = path.join(root, 'a', 'b', 'c');
    const r = load();
    expect(r.created).toBe(true);
    expect(fs.statSync(path.join(root, 'a', 'b', 'c', 'keras.json')).isFile()).toBe(true);
  });

  test('the atomic write leaves no temporary file behind', () => {
    load();
    expect(fs.readdirSync(home)).toEqual(['keras.json']);
    load();
    expect(fs.readdirSync(home)).toEqual(['keras.json']);
  });

  test('is created with the default backend even when KERAS_BACKEND is set (as Keras)', () => {
    const r = load({ KERAS_BACKEND: 'onnx' });
    expect(r.settings.backend).toBe('onnx');
    expect(JSON.parse(fs.readFileSync(r.path, 'utf8')).backend).toBe('tfjs');
  });

  test('a second load reads the file it created without rewriting it', () => {
    const first = load();
    ageFile(first.path);
    const before = snapshot(first.path);
    const second = load();
    expect(second.created).toBe(false);
    expect(second.settings).toEqual(first.settings);
    expect(snapshot(first.path)).toEqual(before);
  });
});

describe('a present keras.json', () => {
  test('is read and never rewritten', () => {
    const file = writeConfig(
      JSON.stringify({ floatx: 'float64', epsilon: 1e-5, backend: 'onnx', image_data_format: 'channels_first' }),
    );
    const before = snapshot(file);
    const r = load();
    expect(r.created).toBe(false);
    expect(r.persisted).toBe(true);
    expect(r.settings).toEqual({ floatx: 'float64', epsilon: 1e-5, backend: 'onnx', image_data_format: 'channels_first' });
    expect(snapshot(file)).toEqual(before);
    expect(fs.readdirSync(home)).toEqual(['keras.json']);
  });

  test('with unknown and missing fields: defaults fill in, extras are kept, the file is untouched', () => {
    const content = '{\n  "floatx": "float16",\n  "nnx_enabled": false,\n  "my_tool": {"a": [1, 2]}\n}\n';
    const file = writeConfig(content);
    const before = snapshot(file);
    const r = load();
    expect(r.created).toBe(false);
    expect(r.settings).toEqual({ floatx: 'float16', epsilon: 1e-7, backend: 'tfjs', image_data_format: 'channels_last' });
    expect(r.backend.origin).toBe('default');
    expect(r.extra).toEqual({ nnx_enabled: false, my_tool: { a: [1, 2] } });
    expect(snapshot(file)).toEqual(before);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  test('an empty object gives every default and is not rewritten', () => {
    const file = writeConfig('{}');
    const before = snapshot(file);
    const r = load();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(snapshot(file)).toEqual(before);
  });

  test('an integer epsilon is accepted', () => {
    writeConfig('{"epsilon": 1}');
    expect(load().settings.epsilon).toBe(1);
  });

  test('a byte-order mark is tolerated', () => {
    writeConfig('\ufeff{"floatx": "float64"}');
    expect(load().settings.floatx).toBe('float64');
  });
});

describe('KERAS_BACKEND', () => {
  test('wins over the file', () => {
    const file = writeConfig('{"backend": "reference"}');
    const before = snapshot(file);
    const r = load({ KERAS_BACKEND: 'onnx' });
    expect(r.settings.backend).toBe('onnx');
    expect(r.backend).toEqual({ name: 'onnx', raw: 'onnx', kind: 'known', origin: 'KERAS_BACKEND' });
    expect(snapshot(file)).toEqual(before);
  });

  test("wins over a file written by Python Keras for a backend we do not have (e.g. 'jax')", () => {
    writeConfig('{"backend": "jax"}');
    expect(load({ KERAS_BACKEND: 'reference' }).settings.backend).toBe('reference');
  });

  test('an empty KERAS_BACKEND is ignored (as Keras)', () => {
    writeConfig('{"backend": "reference"}');
    expect(load({ KERAS_BACKEND: '' }).settings.backend).toBe('reference');
  });

  test('is validated, the error naming the variable and the known backends', () => {
    writeConfig('{"backend": "reference"}');
    const err = configErrorOf(() => load({ KERAS_BACKEND: 'jax' }));
    expect(err.message).toContain('KERAS_BACKEND');
    expect(err.message).toContain('"jax"');
    expect(err.message).toContain('reference, tfjs, onnx');
    expect(err.source).toBe('KERAS_BACKEND');
    expect(err.field).toBe('backend');
  });

  test("'tensorflow' is an alias of tfjs there too", () => {
    const r = load({ KERAS_BACKEND: 'tensorflow' });
    expect(r.settings.backend).toBe('tfjs');
    expect(r.backend).toEqual({ name: 'tfjs', raw: 'tensorflow', kind: 'known', origin: 'KERAS_BACKEND' });
  });
});

describe("the 'tensorflow' alias", () => {
  test("a Python Keras keras.json with backend 'tensorflow' selects tfjs", () => {
    const file = writeConfig(
      JSON.stringify({ floatx: 'float32', epsilon: 1e-7, backend: 'tensorflow', image_data_format: 'channels_last' }, null, 4),
    );
    const before = snapshot(file);
    const r = load();
    expect(r.settings.backend).toBe('tfjs');
    expect(r.backend.raw).toBe('tensorflow');
    expect(snapshot(file)).toEqual(before);
  });
});

describe('bad keras.json fields are clear ConfigErrors naming the file and the field', () => {
  test('malformed JSON includes the parser message', () => {
    const text = '{"floatx": "float32",, }';
    const file = writeConfig(text);
    let parserMessage = '';
    try {
      JSON.parse(text);
    } catch (e) {
      parserMessage = (e as Error).message;
    }
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain('malformed JSON');
    expect(err.message).toContain(parserMessage);
    expect(err.source).toBe(file);
  });

  test('an empty file is malformed JSON', () => {
    const file = writeConfig('');
    const before = snapshot(file);
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain('malformed JSON');
    expect(snapshot(file)).toEqual(before);
  });

  test.each([['[1, 2]', 'an array'], ['null', 'null'], ['42', 'number'], ['"x"', 'string']])(
    'top level %s is not an object',
    (text, what) => {
      const file = writeConfig(text);
      const err = configErrorOf(() => load());
      expect(err.message).toContain(file);
      expect(err.message).toContain('JSON object');
      expect(err.message).toContain(what);
    },
  );

  test('an unknown backend lists the known ones', () => {
    const file = writeConfig('{"backend": "jax"}');
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain("field 'backend'");
    expect(err.message).toContain('"jax"');
    expect(err.message).toContain('Known backends: reference, tfjs, onnx');
    expect(err.message).toContain('"tensorflow" is accepted as an alias of "tfjs"');
    expect(err.source).toBe(file);
    expect(err.field).toBe('backend');
  });

  test.each([[42], [''], [null], [['tfjs']]])('backend %p is not a non-empty string', (value) => {
    const file = writeConfig(JSON.stringify({ backend: value }));
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain("field 'backend'");
    expect(err.message).toContain('non-empty string');
    expect(err.field).toBe('backend');
  });

  test('a backend of the wrong type is refused even when KERAS_BACKEND overrides it', () => {
    writeConfig('{"backend": 42}');
    expect(configErrorOf(() => load({ KERAS_BACKEND: 'tfjs' })).field).toBe('backend');
  });

  test.each([['"float8"'], ['"int32"'], ['32'], ['null']])('floatx %s', (value) => {
    const file = writeConfig(`{"floatx": ${value}}`);
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain("field 'floatx'");
    expect(err.message).toContain('float16, float32, float64');
    expect(err.message).toContain(value);
    expect(err.source).toBe(file);
    expect(err.field).toBe('floatx');
  });

  test.each([['"channels_middle"'], ['"NHWC"'], ['1']])('image_data_format %s', (value) => {
    const file = writeConfig(`{"image_data_format": ${value}}`);
    const err = configErrorOf(() => load());
    expect(err.message).toContain(file);
    expect(err.message).toContain("field 'image_data_format'");
    expect(err.message).toContain('channels_last, channels_first');
    expect(err.field).toBe('image_data_format');
  });

  test.each([['-1e-7', '-1e-7'], ['0', '0'], ['"1e-07"', '"1e-07"'], ['null', 'null'], ['true', 'true'], ['1e999', 'Infinity']])(
    'epsilon %s',
    (value, shown) => {
      const file = writeConfig(`{"epsilon": ${value}}`);
      const err = configErrorOf(() => load());
      expect(err.message).toContain(file);
      expect(err.message).toContain("field 'epsilon'");
      expect(err.message).toContain('positive finite number');
      expect(err.message).toContain(`got ${shown}`);
      expect(err.field).toBe('epsilon');
    },
  );

  test('a bad file is left exactly as it was', () => {
    const file = writeConfig('{"floatx": "float8", "epsilon": -1}');
    const before = snapshot(file);
    configErrorOf(() => load());
    expect(snapshot(file)).toEqual(before);
  });
});

describe('backend names the registry decides about', () => {
  test('knownBackends adds names, and the error lists them', () => {
    writeConfig('{"backend": "mine"}');
    const r = load({}, { knownBackends: () => ['reference', 'tfjs', 'onnx', 'mine'] });
    expect(r.backend).toMatchObject({ name: 'mine', kind: 'known' });
    writeConfig('{"backend": "other"}');
    const err = configErrorOf(() => load({}, { knownBackends: () => ['reference', 'tfjs', 'onnx', 'mine'] }));
    expect(err.message).toContain('reference, tfjs, onnx, mine');
  });

  test('isKnownBackend accepts further names', () => {
    writeConfig('{"backend": "late"}');
    expect(load({}, { isKnownBackend: (n) => n === 'late' }).settings.backend).toBe('late');
    expect(() => load({}, { isKnownBackend: () => false })).toThrow(ConfigError);
  });

  test('isLoadableModule accepts any name that resolves', () => {
    writeConfig('{"backend": "keras-backend-x"}');
    const r = load({}, { isLoadableModule: (n) => n === 'keras-backend-x' });
    expect(r.backend).toMatchObject({ name: 'keras-backend-x', kind: 'module' });
  });

  test.each([['@scope/keras-backend'], ['pkg/sub'], ['./local/backend.js']])(
    'a module-like name %s passes through as a module',
    (name) => {
      writeConfig(JSON.stringify({ backend: name }));
      expect(load().backend).toMatchObject({ name, kind: 'module', origin: 'file' });
      expect(load({ KERAS_BACKEND: name }).backend).toMatchObject({ name, kind: 'module', origin: 'KERAS_BACKEND' });
      expect(() => load({}, { allowModuleNames: false })).toThrow(ConfigError);
    },
  );

  test('looksLikeModuleName', () => {
    expect(looksLikeModuleName('@a/b')).toBe(true);
    expect(looksLikeModuleName('a/b')).toBe(true);
    expect(looksLikeModuleName('tfjs')).toBe(false);
  });
});

describe('an unwritable Keras folder', () => {
  test('KERAS_HOME under a regular file: falls back to the fallback folder', () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    home = path.join(blocker, 'keras');
    const r = load();
    expect(r.path).toBe(path.join(fallback, 'keras.json'));
    expect(r.created).toBe(true);
    expect(r.persisted).toBe(true);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(fs.readFileSync(r.path, 'utf8')).toBe(DEFAULT_KERAS_JSON_TEXT);
    expect(r.warnings.join('\n')).toContain(path.join(home, 'keras.json'));
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });

  test('KERAS_HOME that is itself a regular file: falls back', () => {
    home = path.join(root, 'file-home');
    fs.writeFileSync(home, 'x');
    const r = load();
    expect(r.path).toBe(path.join(fallback, 'keras.json'));
    expect(r.created).toBe(true);
  });

  test('the fallback keras.json, when present, is read and not rewritten', () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    home = path.join(blocker, 'keras');
    const file = writeConfig('{"floatx": "float64"}', fallback);
    const before = snapshot(file);
    const r = load();
    expect(r.path).toBe(file);
    expect(r.created).toBe(false);
    expect(r.settings.floatx).toBe('float64');
    expect(snapshot(file)).toEqual(before);
  });

  test('when no folder can be written, the defaults are used in memory', () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    home = path.join(blocker, 'keras');
    fallback = path.join(blocker, 'fallback');
    // The one stderr line that says so, captured (and checked) rather than printed in the test run.
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let r: ReturnType<typeof load>;
    try {
      r = load({ KERAS_BACKEND: 'reference' });
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([
      `keras-backend-ts: cannot create ${path.join(home, 'keras.json')} (ENOTDIR); cannot create ${path.join(fallback, 'keras.json')} (ENOTDIR); using the default settings in memory\n`,
    ]);
    expect(r.created).toBe(false);
    expect(r.persisted).toBe(false);
    expect(r.path).toBe(path.join(home, 'keras.json'));
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, backend: 'reference' });
    expect(r.extra).toEqual({});
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(fs.readdirSync(root)).toEqual(['not-a-folder']);
  });

  test('a keras.json present in a folder we cannot write is still read', () => {
    // Simulated by a present file: reading never needs write access.
    const file = writeConfig('{"image_data_format": "channels_first"}');
    fs.chmodSync(home, 0o555);
    try {
      const r = load();
      expect(r.path).toBe(file);
      expect(r.settings.image_data_format).toBe('channels_first');
    } finally {
      fs.chmodSync(home, 0o755);
    }
  });
});

describe("keras.json's onnx object", () => {
  test('absent: the defaults (threads per core, full optimisation, cpu); not kept among the extras', () => {
    writeConfig('{"floatx": "float32"}');
    const r = load();
    expect(r.onnx).toEqual({
      intraOpNumThreads: 0,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      executionProviders: ['cpu'],
      threadedSessions: 4,
    });
  });

  test('present: each field read, the missing ones defaulted', () => {
    writeConfig('{"onnx": {"intraOpNumThreads": 2, "graphOptimizationLevel": "basic", "executionProviders": ["cuda", "cpu"]}}');
    const r = load();
    expect(r.onnx).toEqual({
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'basic',
      executionProviders: ['cuda', 'cpu'],
      threadedSessions: 4,
    });
    expect(r.extra).toEqual({});
  });

  test.each([
    ['"onnx": 3', 'onnx'],
    ['"onnx": {"intraOpNumThreads": -1}', 'onnx.intraOpNumThreads'],
    ['"onnx": {"intraOpNumThreads": 1.5}', 'onnx.intraOpNumThreads'],
    ['"onnx": {"interOpNumThreads": 0}', 'onnx.interOpNumThreads'],
    ['"onnx": {"graphOptimizationLevel": "max"}', 'onnx.graphOptimizationLevel'],
    ['"onnx": {"executionProviders": "cuda"}', 'onnx.executionProviders'],
    ['"onnx": {"executionProviders": []}', 'onnx.executionProviders'],
    ['"onnx": {"threadedSessions": "4"}', 'onnx.threadedSessions'],
    ['"onnx": {"threads": 4}', 'onnx.threads'],
  ])('a bad field (%s) is a ConfigError naming the file and the field', (text, field) => {
    const file = writeConfig(`{${text}}`);
    const err = configErrorOf(() => load());
    expect(err.source).toBe(file);
    expect(err.field).toBe(field);
    expect(err.message).toContain(file);
    expect(err.message).toContain(`'${field}'`);
  });
});

describe("keras.json's tfjs object", () => {
  test('absent: threads 0 (one per core)', () => {
    writeConfig('{"floatx": "float32"}');
    expect(load().tfjs).toEqual({ threads: 0 });
  });

  test('present: read, and not kept among the extras', () => {
    writeConfig('{"tfjs": {"threads": 1}, "other": 5}');
    const r = load();
    expect(r.tfjs).toEqual({ threads: 1 });
    expect(r.extra).toEqual({ other: 5 });
  });

  test.each([
    ['"tfjs": [1]', 'tfjs', "must be an object {threads}"],
    ['"tfjs": {"threads": -1}', 'tfjs.threads', 'must be an integer from 0 to 64'],
    ['"tfjs": {"threads": 2.5}', 'tfjs.threads', 'must be an integer from 0 to 64'],
    ['"tfjs": {"threads": 65}', 'tfjs.threads', 'must be an integer from 0 to 64'],
    ['"tfjs": {"threads": "2"}', 'tfjs.threads', 'must be an integer from 0 to 64'],
    ['"tfjs": {"intraOpNumThreads": 2}', 'tfjs.intraOpNumThreads', 'is not a tfjs setting (known: threads)'],
  ])('a bad field (%s) is a ConfigError naming the file and the field', (text, field, what) => {
    const file = writeConfig(`{${text}}`);
    const err = configErrorOf(() => load());
    expect(err.source).toBe(file);
    expect(err.field).toBe(field);
    expect(err.message).toContain(`${file}: field '${field}' ${what}`);
  });
});
