/**
 * Recycled storage for the reference backend's large tensors.
 *
 * A new large typed array costs more than the loop that fills it: the pages of
 * a fresh 800 KB array fault in one by one, and every few steps of a training
 * loop V8 runs a full garbage collection to free the dead ones (the bench MLP's
 * step makes three such arrays for one weight update, and its steps of 16 ms
 * took 25-30 ms whenever that collection ran).
 *
 * So an array of at least MIN_BYTES made by `allocate` is counted: `hold` adds
 * one for each tensor handed out over its buffer (a kernel's output, a host copy;
 * reshape and identity hand out a second tensor over the same buffer, a bitcast
 * a view of it), `release` (the backend's `dispose`) takes one off, once per
 * tensor. When the count comes back to zero no tensor over the buffer is live,
 * and the array waits in a free list for the next `allocate` of the same type
 * and length, which zeroes it. A buffer that is never counted (a kernel's
 * scratch, borrowed host data, a small array) is never recycled: the garbage
 * collector frees it as before. So a tensor's storage is reused only after
 * every tensor over it was disposed; the api never reads a disposed tensor (it
 * keeps a compiled graph's constants and variables alive and refuses disposed
 * ones), as on tfjs, where a disposed tensor's memory is reused too.
 */
import type { HostArray } from '../types';

/** Arrays from this many bytes are recycled (a smaller one is cheap to make). */
const MIN_BYTES = 1 << 16;
let minBytes = MIN_BYTES;
/**
 * At most this many bytes wait in the free lists; past it, the arrays freed longest ago
 * are left to the collector (a training step's arrays come back every step; the bench
 * MLP's step frees about 3 MB).
 */
const MAX_FREE_BYTES = 1 << 25;

type ArrayCtor = new (n: number) => HostArray;

/** A counted buffer: the array `allocate` made over it, and how many live tensors use it. */
interface Counted {
  readonly array: HostArray;
  live: number;
}

const counted = new WeakMap<ArrayBufferLike, Counted>();
/** Tensors released already: a second dispose of one tensor takes nothing off. */
const released = new WeakSet<object>();
/** Free arrays, by constructor, then length (the last freed on top). */
const free = new Map<ArrayCtor, Map<number, HostArray[]>>();
/** Each free array's turn (when it was freed). */
const freedAt = new Map<HostArray, number>();
/** Arrays in the order they were freed, with their turn; an entry is current while its array's turn is the same. Evicted from the front. */
let freedOrder: { readonly array: HostArray; readonly turn: number }[] = [];
let turns = 0;
let freeBytes = 0;

function listFor(a: HostArray): HostArray[] {
  const ctor = a.constructor as ArrayCtor;
  let byLength = free.get(ctor);
  if (byLength === undefined) free.set(ctor, (byLength = new Map()));
  let list = byLength.get(a.length);
  if (list === undefined) byLength.set(a.length, (list = []));
  return list;
}

/** A zeroed array of `n` elements of type `ctor`, recycled when one is free (see the file comment). */
export function allocate(ctor: ArrayCtor, n: number): HostArray {
  const bytes = n * (ctor as unknown as { readonly BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  if (!(bytes >= minBytes)) return new ctor(n);
  let a = free.get(ctor)?.get(n)?.pop();
  if (a === undefined) {
    a = new ctor(n);
  } else {
    freedAt.delete(a);
    freeBytes -= bytes;
    a.fill(0);
  }
  counted.set(a.buffer, { array: a, live: 0 });
  return a;
}

/** Counts tensor `t` as a live user of its storage; returns it. */
export function hold<T extends { readonly data: HostArray | BigInt64Array }>(t: T): T {
  const c = counted.get(t.data.buffer);
  if (c !== undefined) c.live++;
  return t;
}

/** Tensor `t` is disposed: its storage goes back to the free list when no live tensor uses it. */
export function release(t: { readonly data: HostArray | BigInt64Array }): void {
  if (released.has(t)) return;
  released.add(t);
  const c = counted.get(t.data.buffer);
  if (c === undefined || c.live === 0) return;
  if (--c.live > 0) return;
  const a = c.array;
  counted.delete(a.buffer);
  if (a.byteLength > MAX_FREE_BYTES) return;
  listFor(a).push(a);
  freedAt.set(a, ++turns);
  freedOrder.push({ array: a, turn: turns });
  freeBytes += a.byteLength;
  // Over the budget: the arrays freed longest ago go to the collector.
  let at = 0;
  while (freeBytes > MAX_FREE_BYTES) {
    const { array, turn } = freedOrder[at++];
    if (freedAt.get(array) !== turn) continue; // taken since (and maybe freed again later)
    const list = listFor(array);
    list.splice(list.indexOf(array), 1);
    freedAt.delete(array);
    freeBytes -= array.byteLength;
  }
  // Entries of arrays taken since stay until the order is compacted, now and then.
  if (at > 0 || freedOrder.length > 2 * freedAt.size + 16) freedOrder = freedOrder.slice(at).filter((e) => freedAt.get(e.array) === e.turn);
}

/**
 * Recycles arrays from `bytes` on (default 64 KiB); for tests, which set 0 to
 * recycle every array and so catch any tensor disposed while still in use.
 */
export function setRecycleMinBytes(bytes: number = MIN_BYTES): void {
  if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`setRecycleMinBytes: bytes must be a non-negative integer, got ${bytes}`);
  minBytes = bytes;
}

/** Bytes waiting in the free lists (for tests). */
export function recycledBytes(): number {
  return freeBytes;
}
