import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupMemory } from '../src/sandbox/process-tree-memory.js';

/*
 * The memory watch's reading of a sandbox's process group (src/sandbox/process-tree-memory.ts):
 * real process groups, each process holding a known amount of touched memory.
 */
const MB = 1024 * 1024;
const groups: number[] = [];

/** Node code that holds `mb` MB of touched memory and then `then` (code) runs. */
const holding = (mb: number, then = '') => `const held = Buffer.alloc(${mb} * 1024 * 1024, 1); ${then}; setInterval(() => held[0]++, 1000);`;
const spawnHolding = (mb: number, then = '') => `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(holding(mb, then))}], { stdio: 'ignore' })`;

/** Starts `code` as the leader of a new process group; resolves once the group holds `mb` MB. */
async function group(code: string, mb: number): Promise<number> {
  const leader = spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' });
  groups.push(leader.pid!);
  const memory = new GroupMemory(leader.pid!);
  for (let tries = 0; tries < 100 && (memory.read() ?? 0) < mb * MB; tries++) await sleep(50);
  return leader.pid!;
}

afterEach(() => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe("the memory watch's reading of a process group", () => {
  it('counts the leader and its descendants, on a full scan and on a walk down the tree alike', async () => {
    const pid = await group(holding(100, spawnHolding(80, spawnHolding(60))), 240);
    const memory = new GroupMemory(pid);
    const readings = Array.from({ length: 3 }, () => memory.read()!);
    for (const bytes of readings) expect(bytes).toBeGreaterThan(240 * MB);
    expect(Math.max(...readings) - Math.min(...readings)).toBeLessThan(20 * MB); // both ways see the same processes
  }, 20_000);

  it('finds what is left of a group whose leader ended, on every reading', async () => {
    const pid = await group(`${spawnHolding(120)}; setTimeout(() => process.exit(0), 1500)`, 120);
    await sleep(2000);
    const memory = new GroupMemory(pid);
    for (let i = 0; i < 3; i++) expect(memory.read()).toBeGreaterThan(120 * MB);
  }, 20_000);

  it('finds a member that left the tree but not the group within ten readings', async () => {
    // the leader's child starts a grandchild and ends: the grandchild is reparented, still in the group
    const pid = await group(holding(10, `${spawnHolding(1, `${spawnHolding(120)}; setTimeout(() => process.exit(0), 1000)`)}`), 130);
    await sleep(1500);
    const memory = new GroupMemory(pid);
    const readings = Array.from({ length: 11 }, () => memory.read()!);
    expect(readings[0]).toBeGreaterThan(120 * MB);
    expect(readings[10]).toBeGreaterThan(120 * MB);
    expect(Math.min(...readings)).toBeLessThan(60 * MB); // the walks between scans miss it: the bound is ten readings, 1 s
  }, 20_000);
});
