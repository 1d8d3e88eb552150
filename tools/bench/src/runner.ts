import type { Framework, Sample } from './frameworks/framework.js';
import { waitUntilIdle } from './idle.js';
import type { Row } from './workloads.js';

export interface RunOptions {
  runs: number;
  warmup: number;
  /** The least time one matmul sample takes (it repeats the product until then). */
  minSeconds: number;
  /** The least time of a warm-up matmul sample: long enough for JIT tiers and thread pools to settle. */
  warmupSeconds: number;
  log: (line: string) => void;
}

/** A row's timed samples per framework (warm-ups left out), and why a framework has none. */
export interface RowMeasurement {
  row: Row;
  samples: Map<string, Sample[]>;
  errors: Map<string, string>;
}

/**
 * Measures the rows one after another. Within a row the frameworks take turns, one run each per
 * round, and the order rotates every round, so that a burst of load on this shared machine hits
 * every framework alike instead of one framework's whole series. Before each run the other
 * frameworks' processes must have gone idle (see waitUntilIdle: OpenBLAS threads spin on after a call).
 */
export async function measure(rows: readonly Row[], frameworks: readonly Framework[], options: RunOptions): Promise<RowMeasurement[]> {
  const results: RowMeasurement[] = [];
  for (const row of rows) {
    const samples = new Map<string, Sample[]>(frameworks.map((f) => [f.key, []]));
    const errors = new Map<string, string>();
    const rounds = options.warmup + options.runs;
    for (let round = 0; round < rounds; round++) {
      options.log(`${row.label}: ${round < options.warmup ? 'warm-up' : `run ${round - options.warmup + 1}/${options.runs}`}`);
      const order = frameworks.map((_, i) => frameworks[(i + round) % frameworks.length]);
      for (const framework of order) {
        if (errors.has(framework.key)) continue;
        const others = frameworks.filter((f) => f !== framework && f.pid !== undefined).map((f) => f.pid!);
        if ((await waitUntilIdle(others)) === null) options.log(`  the other frameworks' processes stayed busy for 2 s before ${framework.key}'s run`);
        try {
          const sample = await framework.run(row.task, round < options.warmup ? options.warmupSeconds : options.minSeconds);
          if (round >= options.warmup) samples.get(framework.key)!.push(sample);
        } catch (e) {
          errors.set(framework.key, (e as Error).message);
          options.log(`  ${framework.key} failed on ${row.label}: ${(e as Error).message}`);
        }
      }
    }
    for (const framework of frameworks) await framework.endRow();
    results.push({ row, samples, errors });
  }
  return results;
}
