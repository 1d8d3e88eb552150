import { getBackend } from '@dlcourse/engine';
import { EngineFramework } from './frameworks/engine.js';
import type { MlpEpochTask } from './workloads.js';

export interface Breakdown {
  totalMs: number;
  /** Milliseconds inside each backend primitive ("matmul", "binary add", "reduce sum", …). */
  primitivesMs: Record<string, number>;
  /** The rest: autograd bookkeeping, checks, allocation of tensors, the optimizer's loop. */
  outsideMs: number;
}

type Method = (...args: unknown[]) => unknown;

/**
 * Times one engine epoch with every CPU-backend primitive wrapped in a timer, to show where an
 * epoch's time goes. The wrapper itself costs a little per call, so the total is a bit above
 * the plain epoch's; the bench's table has the unwrapped time.
 */
export async function engineEpochBreakdown(task: MlpEpochTask): Promise<Breakdown> {
  const backend = getBackend('cpu') as unknown as Record<string, Method>;
  const originals = new Map<string, Method>();
  const spent: Record<string, number> = {};
  for (const [name, value] of Object.entries(backend)) {
    if (typeof value !== 'function') continue;
    originals.set(name, value);
    backend[name] = (...args: unknown[]) => {
      const label = typeof args[0] === 'string' ? `${name} ${args[0]}` : name;
      const start = performance.now();
      try {
        return value.apply(backend, args);
      } finally {
        spent[label] = (spent[label] ?? 0) + performance.now() - start;
      }
    };
  }
  const engine = new EngineFramework();
  try {
    await engine.run(task, 0); // warm-up: JIT, and the prepared batches
    for (const key of Object.keys(spent)) delete spent[key];
    const { seconds } = await engine.run(task, 0);
    const totalMs = seconds * 1000;
    const inside = Object.values(spent).reduce((a, b) => a + b, 0);
    return { totalMs, primitivesMs: { ...spent }, outsideMs: totalMs - inside };
  } finally {
    for (const [name, fn] of originals) backend[name] = fn;
    await engine.close();
  }
}

export function formatBreakdown(b: Breakdown): string {
  const lines = [`engine MLP epoch: ${b.totalMs.toFixed(0)} ms (with a timer around every backend call)`];
  const entries = Object.entries(b.primitivesMs).sort((x, y) => y[1] - x[1]);
  for (const [name, ms] of [...entries, ['outside the backend (autograd, ops, optimizer)', b.outsideMs] as [string, number]]) {
    lines.push(`  ${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / b.totalMs).toFixed(1).padStart(5)} %`);
  }
  return lines.join('\n');
}
