/**
 * keras.json and backend modules under hostile conditions (issue 7, item 6): the
 * shared temporary folder trusted only when it is the user's own, keras.json read
 * bounded and only as a regular file, backend modules loaded only through an explicit
 * `createBackend`, resolved from the working directory, with a bounded start-up.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../../src/errors';
import { loadKerasJson } from '../../src/config/keras-json';
import { makeTempDir, removeTempDirs, thrown } from './helpers';

let root: string;
let fallback: string;
let blocked: string;
let stderrWrite: jest.SpyInstance;

beforeEach(() => {
  root = makeTempDir();
  fallback = path.join(root, 'tmp', '.keras');
  // KERAS_HOME under a regular file: the Keras folder cannot be made, even by root
  blocked = path.join(root, 'a-file');
  fs.writeFileSync(blocked, '');
  stderrWrite = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  stderrWrite.mockRestore();
  removeTempDirs();
});

function loadWithFallback() {
  return loadKerasJson({ env: { HOME: path.join(root, 'home'), KERAS_HOME: path.join(blocked, 'keras') }, fallbackDir: fallback });
}

function plant(dirMode: number, fileMode: number, owner?: number): void {
  fs.mkdirSync(fallback, { recursive: true });
  fs.chmodSync(fallback, dirMode);
  const file = path.join(fallback, 'keras.json');
  fs.writeFileSync(file, JSON.stringify({ backend: '/some/path/evil.js' }));
  fs.chmodSync(file, fileMode);
  if (owner !== undefined) fs.chownSync(file, owner, owner);
}

const posix = typeof process.getuid === 'function';
const root0 = posix && process.getuid!() === 0;

(posix ? describe : describe.skip)('the temporary-folder fallback', () => {
  test('a folder others can write is not used: defaults in memory, one warning line', () => {
    plant(0o777, 0o644);
    const r = loadWithFallback();
    expect(r.persisted).toBe(false);
    expect(r.settings.backend).not.toBe('/some/path/evil.js');
    expect(r.warnings.join(' ')).toMatch(/other users can write the folder/);
    expect(stderrWrite).toHaveBeenCalledTimes(1);
    expect(String(stderrWrite.mock.calls[0][0])).toMatch(/^keras-backend-ts: .*default settings in memory\n$/);
  });

  test('a file others can write is not used', () => {
    plant(0o700, 0o666);
    const r = loadWithFallback();
    expect(r.persisted).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/other users can write the file/);
  });

  (root0 ? test : test.skip)('a file that belongs to another user is not used', () => {
    plant(0o700, 0o644, 65534);
    const r = loadWithFallback();
    expect(r.persisted).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/belongs to another user \(uid 65534\)/);
  });

  test('a folder that is a link is not used', () => {
    const real = path.join(root, 'real');
    fs.mkdirSync(real, { mode: 0o700 });
    fs.mkdirSync(path.dirname(fallback), { recursive: true });
    fs.symlinkSync(real, fallback);
    const r = loadWithFallback();
    expect(r.persisted).toBe(false);
    expect(r.warnings.join(' ')).toMatch(/not a folder/);
  });

  test('the user\'s own private folder and file are used; a new folder is made private', () => {
    const r = loadWithFallback();
    expect(r.persisted).toBe(true);
    expect(r.path).toBe(path.join(fallback, 'keras.json'));
    expect(fs.statSync(fallback).mode & 0o077).toBe(0);
    expect(loadWithFallback().persisted).toBe(true);
  });
});

describe('reading keras.json', () => {
  const home = (): string => path.join(root, 'keras-home');
  const load = () => loadKerasJson({ env: { HOME: path.join(root, 'home'), KERAS_HOME: home() }, fallbackDir: fallback });

  (posix ? test : test.skip)('a link to /dev/zero is refused as not a regular file (no endless read)', () => {
    fs.mkdirSync(home(), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(home(), 'keras.json'));
    const err = thrown(load);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/keras\.json: the Keras configuration file must be a regular file/);
  });

  (posix ? test : test.skip)('a FIFO is refused without waiting for a writer', () => {
    fs.mkdirSync(home(), { recursive: true });
    execFileSync('mkfifo', [path.join(home(), 'keras.json')]);
    expect(thrown(load)).toBeInstanceOf(ConfigError);
  });

  test('a file larger than 1 MB is refused, naming its size', () => {
    fs.mkdirSync(home(), { recursive: true });
    fs.writeFileSync(path.join(home(), 'keras.json'), `{"backend": "reference", "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    const err = thrown(load);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/is \d+ bytes, more than the 1048576 allowed/);
  });
});
