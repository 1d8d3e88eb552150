import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PYTHON } from '../src/frameworks/python.js';
import { HUGE_PAGES_TUNABLE, hugePagesOn, NO_HUGE_PAGES_FLAG, withHugePages } from '../src/huge-pages.js';
import { tinyRows } from '../src/workloads.js';

const run = promisify(execFile);
const CLI = new URL('../src/cli.ts', import.meta.url).pathname;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `npm run bench` on the tiny sizes, one timed run, and returns its output and JSON. */
async function bench(args: string[]): Promise<{ stdout: string; json: Record<string, unknown> }> {
  const file = join(dir, `${args.join('_').replace(/\W+/g, '_')}.json`);
  const env = { ...process.env, DLCOURSE_BENCH_PYTHON: '' };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, '--tiny', '--runs', '1', '--warmup', '0', '--json', file, ...args], { env });
  return { stdout, json: JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> };
}

const ROWS = tinyRows();

describe('npm run bench (tiny sizes)', () => {
  it('without a usable Python: notes that torch and numpy were skipped, and still measures the JS frameworks', async () => {
    const { stdout, json } = await bench(['--python', join(dir, 'no-such-python'), '--breakdown']);
    expect(stdout).toMatch(/note: torch skipped: .*no-such-python could not run.*--python PATH/);
    expect(stdout).toMatch(/note: numpy skipped/);
    expect(json.notes).toHaveLength(2);
    for (const row of ROWS) {
      const unit = row.task.kind === 'matmul' ? 'gflops' : 'ms';
      for (const framework of ['engine', 'tfjs_cpu', 'tfjs_wasm']) expect(json[`${row.key}_${unit}_${framework}`]).toBeGreaterThan(0);
      expect(json).not.toHaveProperty(`${row.key}_${unit}_torch`);
      expect(json).not.toHaveProperty(`${row.key}_ratio_vs_torch`);
      expect(stdout).toContain(`| ${row.label} |`);
    }
    expect(json).toMatchObject({ machine_cpus: expect.any(Number), node_version: process.version, sizes: 'tiny', runs: 1 });
    // On Linux the run is redone with glibc's malloc on huge pages, for every framework.
    expect(json.glibc_huge_pages).toBe(process.platform === 'linux');
    if (process.platform === 'linux') expect(stdout).toContain('glibc malloc on huge pages (glibc.malloc.hugetlb=1) in every framework.');
    expect(Date.parse(String(json.date))).not.toBeNaN();
    // --breakdown: the engine epoch's time per backend primitive
    expect(stdout).toMatch(/engine MLP epoch: \d+ ms[\s\S]*matmul[\s\S]*outside the backend/);
    expect(json.mlp_epoch_engine_breakdown_matmul_ms).toBeGreaterThan(0);
  });

  it("with Debian's Python: torch and numpy columns, the ratio vs torch, and the same epoch loss everywhere", async () => {
    const torchThere = spawnSync(DEFAULT_PYTHON, ['-c', 'import torch, numpy']).status === 0;
    const { stdout, json } = await bench(['--frameworks', 'engine,torch,numpy', '--python', DEFAULT_PYTHON]);
    if (!torchThere) {
      expect(stdout).toMatch(/note: torch skipped: .*(could not run|cannot import)/);
      return;
    }
    for (const row of ROWS) {
      const unit = row.task.kind === 'matmul' ? 'gflops' : 'ms';
      for (const framework of ['engine', 'torch', 'numpy']) expect(json[`${row.key}_${unit}_${framework}`]).toBeGreaterThan(0);
      expect(json[`${row.key}_ratio_vs_torch`]).toBeGreaterThan(0);
    }
    // Same synthetic data and initial weights in every framework: the runs must agree.
    const loss = json.mlp_epoch_loss_engine as number;
    expect(json.mlp_epoch_loss_torch).toBeCloseTo(loss, 4);
    expect(json.mlp_epoch_loss_numpy).toBeCloseTo(loss, 4);
    expect(stdout).toMatch(/\| MLP epoch .* \| [\d.]+× \|/);
  });

  it("--no-huge-pages keeps glibc's default pages, and says so", async () => {
    const { stdout, json } = await bench(['--frameworks', 'engine', NO_HUGE_PAGES_FLAG]);
    expect(json.glibc_huge_pages).toBe(false);
    expect(stdout).toContain("glibc's default 4 KiB pages.");
    expect(json.mlp_epoch_ms_engine).toBeGreaterThan(0);
  });

  it('adds the huge-pages setting to GLIBC_TUNABLES without dropping what it held', () => {
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=1' }).GLIBC_TUNABLES).toBe(`glibc.malloc.trim_threshold=1:${HUGE_PAGES_TUNABLE}`);
    expect(withHugePages({}).GLIBC_TUNABLES).toBe(HUGE_PAGES_TUNABLE);
    expect(hugePagesOn({ GLIBC_TUNABLES: `a=1:${HUGE_PAGES_TUNABLE}` })).toBe(true);
    expect(hugePagesOn({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toBe(false);
  });

  it('rejects a bad option with the usage and exit status 2', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', CLI, '--runs', 'zero']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/--runs must be an integer ≥ 1, got 'zero'[\s\S]*usage: npm run bench/) });
  });
});
