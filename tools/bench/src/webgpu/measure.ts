import { median } from '../stats.js';

/** Median wall time in ms of `run` over `repeats` timed runs, after one untimed warm-up run. */
export function medianMs(run: () => void, repeats: number): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}
