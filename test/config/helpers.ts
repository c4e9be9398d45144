/** Temporary folders for the config tests: nothing here touches the real ~/.keras or /tmp/.keras. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

/** A fresh empty folder under the system temp folder, removed by `removeTempDirs`. */
export function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-config-test-'));
  made.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Sets the mtime (and atime) of `file` far in the past, so any rewrite shows. */
export function ageFile(file: string): void {
  const past = new Date('2001-02-03T04:05:06Z');
  fs.utimesSync(file, past, past);
}

/** The bytes and mtime of `file`. */
export function snapshot(file: string): { bytes: Buffer; mtimeMs: number; ino: number } {
  const st = fs.statSync(file);
  return { bytes: fs.readFileSync(file), mtimeMs: st.mtimeMs, ino: st.ino };
}

/** Runs `fn` and returns the error it throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`threw a non-Error: ${String(err)}`);
  }
  throw new Error('expected the call to throw');
}
