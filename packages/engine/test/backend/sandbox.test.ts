/**
 * The WebAssembly matmul in the places it must not break: a sandbox where worker threads are
 * denied (as tools/grade runs student code), and a script that ends right after a threaded product.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(import.meta.dirname, '../..');
const BIN = join(ENGINE, '../../node_modules/.bin');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));

describe('the WebAssembly matmul outside a plain process', () => {
  it('falls back to one thread, silently and correctly, under the permission model without --allow-worker', () => {
    const run = spawnSync(join(BIN, 'vitest'), ['run', '--config', join(FIXTURES, 'sandbox.vitest.config.ts')], { cwd: ENGINE, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/1 passed/);
  }, 130_000);

  it('lets the process exit after a threaded product', () => {
    const run = spawnSync(join(BIN, 'tsx'), [join(FIXTURES, 'threaded-matmul-then-exit.ts')], { cwd: ENGINE, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.error, 'the process did not exit within 60 s').toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('threads=2 c00=128');
  }, 70_000);
});
