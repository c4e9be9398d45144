import fs = require('fs'); // the module object itself, so jest.spyOn reaches the code under test
import * as path from 'path';
import { createFileAtomically } from '../../src/config/atomic-write';
import { ageFile, makeTempDir, removeTempDirs, snapshot } from './helpers';

afterEach(() => {
  jest.restoreAllMocks();
  removeTempDirs();
});

describe('createFileAtomically', () => {
  test('creates the file with the text and leaves no temporary file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'keras.json');
    expect(createFileAtomically(file, '{"a": 1}')).toBe('created');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a": 1}');
    expect(fs.readdirSync(dir)).toEqual(['keras.json']);
  });

  test('never replaces an existing file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'keras.json');
    fs.writeFileSync(file, 'theirs');
    ageFile(file);
    const before = snapshot(file);
    expect(createFileAtomically(file, 'ours')).toBe('exists');
    expect(snapshot(file)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual(['keras.json']);
  });

  test('another process creating the file meanwhile wins, and nothing is left behind', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'keras.json');
    const realLink = fs.linkSync;
    // The other process writes its file between our temporary write and our link.
    jest.spyOn(fs, 'linkSync').mockImplementation((from, to) => {
      fs.writeFileSync(file, 'theirs');
      realLink(from, to);
    });
    expect(createFileAtomically(file, 'ours')).toBe('exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['keras.json']);
  });

  test('on a file system without hard links it renames, still without replacing', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'keras.json');
    jest.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
    expect(createFileAtomically(file, 'ours')).toBe('created');
    expect(fs.readFileSync(file, 'utf8')).toBe('ours');
    expect(fs.readdirSync(dir)).toEqual(['keras.json']);
    expect(createFileAtomically(file, 'again')).toBe('exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('ours');
    expect(fs.readdirSync(dir)).toEqual(['keras.json']);
  });

  test('a failed write throws and leaves no temporary file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'keras.json');
    jest.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => createFileAtomically(file, 'ours')).toThrow('ENOSPC');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a folder whose parent is a regular file throws ENOTDIR', () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'blocker'), 'x');
    expect(() => createFileAtomically(path.join(dir, 'blocker', 'keras.json'), 'ours')).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
    expect(fs.readdirSync(dir)).toEqual(['blocker']);
  });
});
