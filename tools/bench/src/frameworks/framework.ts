import type { Task } from '../workloads.js';

/** One measured run: seconds per matmul product or per epoch; an epoch also reports its mean loss. */
export interface Sample {
  seconds: number;
  loss?: number;
}

/** A framework under test. Inputs are prepared on a task's first run (the warm-up), outside any timing. */
export interface Framework {
  /** The suffix of its JSON keys (engine, tfjs_cpu, tfjs_wasm, torch, numpy). */
  readonly key: string;
  /** Its column heading, with what matters for reading the numbers (threads, SIMD). */
  readonly label: string;
  /** The process that runs its work when that is not this one (the Python worker), else undefined. */
  readonly pid?: number;
  run(task: Task, minSeconds: number): Promise<Sample>;
  /** Frees what was prepared for the current row. */
  endRow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Seconds per call of `fn`, calling it until `minSeconds` have passed, so that a product that
 * takes a fraction of a millisecond is not drowned by the timer's resolution.
 */
export function timePerCall(fn: () => void, minSeconds: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return elapsed / calls;
}
