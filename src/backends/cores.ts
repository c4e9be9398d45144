/**
 * How many cores this process may use, for the engines' thread pools.
 */
import * as os from 'os';

/** `os.availableParallelism()` (Node >= 18.14: the CPU affinity mask), else the CPU count; at least 1. */
export function coreCount(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n);
}
