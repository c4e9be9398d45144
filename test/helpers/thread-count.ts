/** The threads of this process (Linux: /proc/self/status), or null where that cannot be read. */
import * as fs from 'fs';

export function threadCount(): number | null {
  try {
    const m = /^Threads:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
