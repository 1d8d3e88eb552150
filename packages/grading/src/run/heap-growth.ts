import { setFlagsFromString } from 'node:v8';

/**
 * V8's heap growing factor while grading. The suites keep ~15 MB of heap alive (vitest, the
 * modules, the data) and V8's own dynamic factor left so little room above it that a training's
 * steady stream of typed arrays started a full mark-compact every ~100 ms: 58 in one
 * `dlgrade exercise-5`, 13% of the worker's CPU in batch grading (perf). A fixed factor of 4, what
 * V8 chooses by itself for large heaps: 6 mark-compacts, 3% (tools/grade/README.md "Speed").
 */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=300';

/** For vitest's worker threads, which share this process's V8 flags: call before they start. */
export function useGradingHeapGrowth(): void {
  setFlagsFromString(HEAP_GROWTH_FLAG);
}
