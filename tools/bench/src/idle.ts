import { readdirSync, readFileSync } from 'node:fs';

/**
 * Nanoseconds of CPU the process `pid` has used so far, all its threads together, from Linux's
 * per-thread schedstat (nanosecond resolution; /proc/PID/stat counts 10 ms ticks). null where
 * /proc is missing (not Linux) or the process is gone.
 */
export function processCpuNs(pid: number): number | null {
  try {
    let total = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // a thread that ended between the listing and the read used no more CPU
      }
    }
    return total;
  } catch {
    return null;
  }
}

export interface IdleOptions {
  /** The window over which a process must have used (almost) no CPU. */
  windowMs: number;
  /** CPU a process may use in one window and still count as idle. */
  toleranceMs: number;
  /** Give up waiting after this long (a peer that never goes quiet must not hang the bench). */
  maxWaitMs: number;
}

export const DEFAULT_IDLE: IdleOptions = { windowMs: 20, toleranceMs: 1, maxWaitMs: 2000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until none of `pids` uses the CPU any more: after a call returns, OpenBLAS's threads spin
 * (sched_yield) for up to ~0.1 s before they sleep, and on two cores the next framework's timed run
 * would share the cores with them. Returns how long it waited, or null when it gave up.
 */
export async function waitUntilIdle(pids: readonly number[], options: IdleOptions = DEFAULT_IDLE): Promise<number | null> {
  if (pids.length === 0) return 0;
  const start = performance.now();
  let before = pids.map(processCpuNs);
  for (;;) {
    await sleep(options.windowMs);
    const after = pids.map(processCpuNs);
    const busy = after.some((ns, i) => ns !== null && before[i] !== null && ns - before[i]! > options.toleranceMs * 1e6);
    const waited = performance.now() - start;
    if (!busy) return waited;
    if (waited >= options.maxWaitMs) return null;
    before = after;
  }
}
