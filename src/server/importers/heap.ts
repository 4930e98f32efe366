import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The JavaScript heap an import lets itself reach before it collects garbage. Every chunk's rows
 * outlive a young-generation collection (they wait for their write), so they die in the old
 * generation, which V8 lets grow to several hundred megabytes of garbage on a large machine
 * before collecting it: measured on the full history, 647 MB of heap (164 MB live) on top of the
 * embedded database's memory, a 1,095 MB peak. Collecting whenever the heap passes this bound
 * keeps the peak near the live set.
 */
export const HEAP_BOUND_BYTES = 256 * 1024 ** 2;

/**
 * The bound when the database is a server, whose memory is not this process's: the importing
 * process peaked at 555–630 MiB under the bound above, and its forced collections (40–45 of a
 * full import, ~5 s of its thread, measured) were a seventh of that thread's work (ADR 0032).
 */
export const SERVER_HEAP_BOUND_BYTES = 512 * 1024 ** 2;

let fullCollection: (() => void) | null | undefined;

/**
 * Runs a full garbage collection when this thread's heap is over the bound (when V8 allows one).
 * Each thread has its own heap: the normalizing thread passes a lower bound, as what it keeps
 * between chunks is small.
 */
export function boundHeap(bound = HEAP_BOUND_BYTES): void {
  if (fullCollection === undefined) {
    try {
      // the documented `--expose-gc` flag, set for this process once it imports
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      fullCollection = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      fullCollection = null;
    }
  }
  if (fullCollection && v8.getHeapStatistics().used_heap_size > bound) {
    fullCollection();
  }
}
