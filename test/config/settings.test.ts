import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, KerasValueError } from '../../src/errors';
import {
  configPath,
  configureBackendNames,
  configuredBackendName,
  epsilon,
  floatx,
  imageDataFormat,
  initConfig,
  learningPhase,
  resetConfigForTests,
  setEpsilon,
  setFloatx,
  setImageDataFormat,
  setLearningPhase,
} from '../../src/config/settings';
import { DEFAULT_KERAS_JSON_TEXT, Floatx, ImageDataFormat, LearningPhase } from '../../src/config';
import { ageFile, makeTempDir, removeTempDirs, snapshot } from './helpers';

const saved = { KERAS_HOME: process.env.KERAS_HOME, KERAS_BACKEND: process.env.KERAS_BACKEND };
let home: string;
let file: string;

beforeEach(() => {
  home = path.join(makeTempDir(), 'keras');
  file = path.join(home, 'keras.json');
  process.env.KERAS_HOME = home;
  delete process.env.KERAS_BACKEND;
  resetConfigForTests();
});

afterEach(() => {
  resetConfigForTests();
  configureBackendNames({});
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  removeTempDirs();
});

function writeConfig(content: string): void {
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(file, content);
  ageFile(file);
}

describe('initialisation', () => {
  test('is lazy: keras.json is created on first use, with the defaults', () => {
    expect(fs.existsSync(file)).toBe(false);
    expect(epsilon()).toBe(1e-7);
    expect(fs.readFileSync(file, 'utf8')).toBe(DEFAULT_KERAS_JSON_TEXT);
    expect(floatx()).toBe('float32');
    expect(imageDataFormat()).toBe('channels_last');
    expect(learningPhase()).toBe(0);
    expect(configuredBackendName()).toBe('tfjs');
    expect(configPath()).toBe(file);
  });

  test('reads the values of a present file', () => {
    writeConfig('{"floatx": "float64", "epsilon": 0.001, "backend": "reference", "image_data_format": "channels_first"}');
    expect(floatx()).toBe('float64');
    expect(epsilon()).toBe(0.001);
    expect(imageDataFormat()).toBe('channels_first');
    expect(configuredBackendName()).toBe('reference');
  });

  test('initConfig is idempotent: it loads once and returns the same result', () => {
    writeConfig('{"floatx": "float16"}');
    const first = initConfig();
    expect(first.settings.floatx).toBe('float16');
    fs.writeFileSync(file, '{"floatx": "float64"}');
    expect(initConfig()).toBe(first);
    expect(floatx()).toBe('float16');
    resetConfigForTests();
    expect(floatx()).toBe('float64');
  });

  test('initConfig accepts an explicit environment', () => {
    const other = path.join(makeTempDir(), 'k');
    const r = initConfig({ env: { KERAS_HOME: other, KERAS_BACKEND: 'onnx' } });
    expect(r.path).toBe(path.join(other, 'keras.json'));
    expect(configPath()).toBe(path.join(other, 'keras.json'));
    expect(configuredBackendName()).toBe('onnx');
    expect(fs.existsSync(file)).toBe(false);
  });

  test('a bad file throws a ConfigError on first use, and the next use tries again', () => {
    writeConfig('{"epsilon": 0}');
    expect(() => epsilon()).toThrow(ConfigError);
    expect(() => floatx()).toThrow("field 'epsilon'");
    fs.writeFileSync(file, '{"epsilon": 0.5}');
    expect(epsilon()).toBe(0.5);
  });

  test('KERAS_BACKEND wins over the file', () => {
    writeConfig('{"backend": "reference"}');
    process.env.KERAS_BACKEND = 'onnx';
    expect(configuredBackendName()).toBe('onnx');
  });

  test("'tensorflow' in the file means tfjs", () => {
    writeConfig('{"backend": "tensorflow"}');
    expect(configuredBackendName()).toBe('tfjs');
  });

  test('configureBackendNames lets the registry accept its names', () => {
    writeConfig('{"backend": "mine"}');
    expect(() => configuredBackendName()).toThrow(ConfigError);
    configureBackendNames({ knownBackends: () => ['reference', 'tfjs', 'onnx', 'mine'] });
    expect(configuredBackendName()).toBe('mine');
  });
});

describe('setters change the process state only, never the file', () => {
  test('all setters', () => {
    writeConfig('{"floatx": "float32", "extra_field": 1}');
    const before = snapshot(file);
    setEpsilon(1e-3);
    setFloatx('float64');
    setImageDataFormat('channels_first');
    setLearningPhase(1);
    expect(epsilon()).toBe(1e-3);
    expect(floatx()).toBe('float64');
    expect(imageDataFormat()).toBe('channels_first');
    expect(learningPhase()).toBe(1);
    setLearningPhase(0);
    expect(learningPhase()).toBe(0);
    expect(snapshot(file)).toEqual(before);
  });

  test('a setter before any getter is kept (the file is read first, not after)', () => {
    writeConfig('{"floatx": "float16"}');
    setFloatx('float64');
    expect(floatx()).toBe('float64');
    expect(epsilon()).toBe(1e-7);
  });

  test('resetConfigForTests forgets the setters', () => {
    setEpsilon(0.5);
    setLearningPhase(1);
    resetConfigForTests();
    expect(epsilon()).toBe(1e-7);
    expect(learningPhase()).toBe(0);
  });
});

describe('setters validate', () => {
  test.each([
    [-1, '-1'],
    [0, '0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    ['1e-7', '"1e-7"'],
    [null, 'null'],
  ])('setEpsilon(%p)', (value, shown) => {
    expect(() => setEpsilon(value as unknown as number)).toThrow(KerasValueError);
    expect(() => setEpsilon(value as unknown as number)).toThrow(
      `setEpsilon: argument 'e' must be a positive finite number, got ${shown}`,
    );
    expect(epsilon()).toBe(1e-7);
  });

  test.each([['float8'], ['int32'], ['bfloat16'], [32]])('setFloatx(%p)', (value) => {
    expect(() => setFloatx(value as unknown as Floatx)).toThrow(KerasValueError);
    expect(() => setFloatx(value as unknown as Floatx)).toThrow(
      "setFloatx: argument 'value' must be one of float16, float32, float64",
    );
    expect(floatx()).toBe('float32');
  });

  test.each([['channels_middle'], ['NHWC'], [undefined]])('setImageDataFormat(%p)', (value) => {
    expect(() => setImageDataFormat(value as unknown as ImageDataFormat)).toThrow(
      "setImageDataFormat: argument 'dataFormat' must be one of channels_last, channels_first",
    );
    expect(imageDataFormat()).toBe('channels_last');
  });

  test.each([[2], [-1], [0.5], [true], ['1']])('setLearningPhase(%p)', (value) => {
    expect(() => setLearningPhase(value as unknown as LearningPhase)).toThrow(KerasValueError);
    expect(() => setLearningPhase(value as unknown as LearningPhase)).toThrow(
      "setLearningPhase: argument 'value' must be 0 or 1",
    );
    expect(learningPhase()).toBe(0);
  });
});
