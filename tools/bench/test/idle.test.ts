import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { processCpuNs, waitUntilIdle } from '../src/idle.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A process that burns one core for `busyMs`, then sleeps until killed. */
async function burner(busyMs: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', `const end = Date.now() + ${busyMs}; while (Date.now() < end); setInterval(() => {}, 1e6); console.log('idle');`], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

describe.runIf(processCpuNs(process.pid) !== null)('waitUntilIdle (Linux /proc)', () => {
  it('counts the CPU a process uses', async () => {
    const pid = await burner(300);
    const before = processCpuNs(pid)!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processCpuNs(pid)! - before).toBeGreaterThan(50e6);
  });

  it('waits while a process is busy and returns once it has gone quiet', async () => {
    const pid = await burner(400);
    const start = performance.now();
    const waited = await waitUntilIdle([pid], { windowMs: 20, toleranceMs: 1, maxWaitMs: 5000 });
    expect(waited).not.toBeNull();
    // node's start-up plus the 400 ms loop: it cannot have been idle before
    expect(performance.now() - start).toBeGreaterThan(350);
  });

  it('gives up after maxWaitMs on a process that never goes quiet', async () => {
    const pid = await burner(60_000);
    expect(await waitUntilIdle([pid], { windowMs: 20, toleranceMs: 1, maxWaitMs: 200 })).toBeNull();
  });

  it('a process that is gone, or none at all, counts as idle', async () => {
    expect(await waitUntilIdle([])).toBe(0);
    expect(processCpuNs(2 ** 22 + 12345)).toBeNull();
    expect(await waitUntilIdle([2 ** 22 + 12345])).not.toBeNull();
  });
});
