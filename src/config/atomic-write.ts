/**
 * Creating a file atomically and without ever replacing an existing one.
 *
 * The text goes to a temporary file in the same folder, is flushed to disk, and
 * is then hard-linked to its final name: `link` fails when the name already
 * exists, so a file another process created in the meantime is never
 * overwritten, and readers never see a half-written file. The temporary file is
 * removed in every case.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** What `createFileAtomically` did. */
export type AtomicCreateOutcome =
  /** The file did not exist and now holds the text. */
  | 'created'
  /** The file already existed (possibly created meanwhile by another process); it was left alone. */
  | 'exists';

/**
 * Creates `filePath` holding `text`, atomically, unless it already exists.
 *
 * Throws the underlying file-system error (EACCES, ENOTDIR, EROFS, ENOSPC, ...)
 * when the folder cannot be written; no temporary file is left behind.
 */
export function createFileAtomically(filePath: string, text: string): AtomicCreateOutcome {
  const dir = path.dirname(filePath);
  const tmp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return publish(tmp, filePath);
  } finally {
    removeQuietly(tmp);
  }
}

/** Gives `tmp` the name `filePath` unless that name is taken. */
function publish(tmp: string, filePath: string): AtomicCreateOutcome {
  try {
    fs.linkSync(tmp, filePath);
    return 'created';
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EEXIST') return 'exists';
    // File systems without hard links: rename, after checking the name is free.
    // (A narrow race remains there; the link path above has none.)
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EMLINK') {
      if (fs.existsSync(filePath)) return 'exists';
      fs.renameSync(tmp, filePath);
      return 'created';
    }
    throw err;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already renamed away, or never created.
  }
}

/** The `code` of a Node.js system error, if any. */
export function errorCode(err: unknown): string | undefined {
  if (err !== null && typeof err === 'object' && 'code' in err) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
