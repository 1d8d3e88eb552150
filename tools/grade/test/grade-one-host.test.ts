import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@dlcourse/grading/runner';
import { GradeOneHost, JOBS_PER_GRADE_ONE } from '../src/sandbox/grade-one-host.js';
import { kernelIsolation } from '../src/sandbox/kernel-isolation.js';
import type { GradeEvent, GradeJob } from '../src/sandbox/protocol.js';
import { fresh } from './support/temp-dirs.js';

/*
 * The job slot's process model, driven through a stand-in grade-one (support/fake-grade-one.mjs)
 * that does what each job says: one process serves job after job, and every way a run can end
 * badly leaves the slot with a fresh process for the next submission.
 */
const FAKE = fileURLToPath(new URL('./support/fake-grade-one.mjs', import.meta.url));
const LIMITS = { timeoutMs: 20_000, memoryMb: 2048 };
const hosts: GradeOneHost[] = [];

function host(): GradeOneHost {
  const home = fresh('grade-one-home');
  const h = new GradeOneHost(FAKE, { PATH: process.env.PATH, HOME: home }, home, home);
  hosts.push(h);
  return h;
}

/** A job whose only meaningful field is what the stand-in should do. */
function job(what: 'ok' | 'stale' | 'taint' | 'hang' | 'exit' | 'memory' | 'dlopen', entries: Record<string, string> = {}): GradeJob {
  return { submissionDir: what, entries } as GradeJob;
}

/** The pid of the grade-one that served a run (the stand-in reports it as its test's key). */
function servedBy(events: GradeEvent[]): string | undefined {
  return events.flatMap((e) => (e.type === 'test' && e.key.startsWith('pid-') ? [e.key] : []))[0];
}

afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
});

describe('a job slot of the grading pool', () => {
  it('grades job after job in one grade-one', async () => {
    const h = host();
    const runs = [await h.run(job('ok'), LIMITS), await h.run(job('ok'), LIMITS), await h.run(job('ok'), LIMITS)];
    for (const run of runs) expect(run.ending).toEqual({ kind: 'finished' });
    expect(new Set(runs.map((r) => servedBy(r.events))).size).toBe(1);
    expect(h.starts).toBe(1);
  });

  it("counts no event of another job toward this one's", async () => {
    const h = host();
    await h.run(job('ok'), LIMITS);
    const run = await h.run(job('stale'), LIMITS);
    expect(run.events.map((e) => (e.type === 'test' ? e.key : e.type))).toEqual([servedBy(run.events), 'done']);
  });

  it('starts a fresh grade-one after one that found its built-ins changed', async () => {
    const h = host();
    const tainted = await h.run(job('taint'), LIMITS);
    expect(tainted.ending).toEqual({ kind: 'finished' }); // its own results stand
    const next = await h.run(job('ok'), LIMITS);
    expect(servedBy(next.events)).not.toBe(servedBy(tainted.events));
    expect(h.starts).toBe(2);
  });

  it('stops a run at the time limit and serves the next job with a fresh process', async () => {
    const h = host();
    const first = await h.run(job('ok'), LIMITS);
    const hung = await h.run(job('hang'), { ...LIMITS, timeoutMs: 500 });
    expect(hung.ending).toEqual({ kind: 'timeout', limitMs: 500 });
    const next = await h.run(job('ok'), LIMITS);
    expect(next.ending).toEqual({ kind: 'finished' });
    expect(servedBy(next.events)).not.toBe(servedBy(first.events));
  });

  it('stops a run at the memory limit of the whole process group', async () => {
    const h = host();
    const run = await h.run(job('memory'), { ...LIMITS, memoryMb: 200 });
    expect(run.ending).toEqual({ kind: 'memory', limitMb: 200 });
    expect((await h.run(job('ok'), LIMITS)).ending).toEqual({ kind: 'finished' });
  });

  it('reports a grade-one that ended mid-job as crashed, keeping what it sent, and starts another', async () => {
    const h = host();
    const run = await h.run(job('exit'), LIMITS);
    expect(run.ending).toEqual({ kind: 'crashed', code: 3, signal: null });
    expect(servedBy(run.events)).toBeDefined();
    expect((await h.run(job('ok'), LIMITS)).ending).toEqual({ kind: 'finished' });
    expect(h.starts).toBe(2);
  });

  it('keeps an addon that a submission wrote into its folder from loading (noexec mount), where the machine permits namespaces', async () => {
    // Exercise 5's worker may load addons (sharp); the engine's own addon stands in for one a student brings.
    const addon = join(REPO_ROOT, 'packages/engine/native/build/matmul.node');
    expect(existsSync(addon), 'npm ci builds the engine\'s native addon').toBe(true);
    const run = await host().run(job('dlopen', { addon }), LIMITS);
    const outcome = run.events.flatMap((e) => (e.type === 'test' && !e.key.startsWith('pid-') ? [e.key] : []))[0];
    // CI runs as root, where the mount namespace is permitted: there the copy must be refused.
    expect(kernelIsolation('/tmp').noexec || process.getuid?.() !== 0).toBe(true);
    if (kernelIsolation('/tmp').noexec) expect(outcome).toMatch(/^refused: .*failed to map segment/);
    else expect(outcome).toBe('loaded'); // documented residual risk (tools/grade/README.md)
  });

  it(`replaces its grade-one after ${JOBS_PER_GRADE_ONE} jobs`, async () => {
    const h = host();
    const served = [];
    for (let i = 0; i <= JOBS_PER_GRADE_ONE; i++) served.push(servedBy((await h.run(job('ok'), LIMITS)).events));
    expect(new Set(served.slice(0, JOBS_PER_GRADE_ONE)).size).toBe(1);
    expect(served[JOBS_PER_GRADE_ONE]).not.toBe(served[0]);
  });
});
