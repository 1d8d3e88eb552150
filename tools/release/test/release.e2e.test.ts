/**
 * The whole path a student takes: write the release with the real command, install it with
 * `npm ci` as a student would, grade the untouched stub (0 points, "Next step: write sigmoid"),
 * then drop the reference solution of exercise 1 in and grade again (full points). Slow (about
 * 30 s here: npm ci from the warm cache, a typecheck, two grader runs).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../src/child-env.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'tools', 'release', 'src', 'cli.ts');
const scratch = mkdtempSync(join(tmpdir(), 'release-e2e-'));
const out = join(scratch, 'student');
const env = childEnv({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true', CI: 'true', DLCOURSE_LANG: 'en', NO_COLOR: '1' });

function run(command: string, args: string[], cwd: string, timeout = 180_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
}
const output = (r: SpawnSyncReturns<string>) => `${r.stdout ?? ''}${r.stderr ?? ''}`;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === '.nx') return [];
    return statSync(path).isDirectory() ? walk(path) : [relative(out, path)];
  });
}

let shipped: string[] = [];
beforeAll(() => {
  const release = run(TSX, [CLI, '--out', out], REPO_ROOT);
  if (release.status !== 0) throw new Error(`release failed:\n${output(release)}`);
  shipped = walk(out).sort();
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

describe('the student release', () => {
  it('holds no solution, mutant, alternative, hidden test, proof or instructor tool', () => {
    // (the grading kit's own test fixtures have a demo grader with a hidden suite: no course secret)
    const bad = shipped.filter((f) => /(^|\/)(solutions|mutants|alternatives)\/|^graders\/[^/]+\/hidden\/|proof\.test\.ts$|calibration\.test\.ts$|^tools\/(golden|release|scoreboard|grade|bench)\/|^\.ci\/|^\.github\/|^deploy\//.test(f));
    expect(bad).toEqual([]);
    const mentions = shipped.filter((f) => /\.(ts|mts|cts|tsx)$/.test(f) && readFileSync(join(out, f), 'utf8').includes('solutions/'));
    expect(mentions).toEqual([]);
    expect(readFileSync(join(out, 'package-lock.json'), 'utf8')).not.toMatch(/"(solutions\/|node_modules\/solution-|tools\/(release|scoreboard))/);
    expect(readFileSync(join(out, 'tsconfig.json'), 'utf8')).not.toContain('solutions');
  });

  it('holds every exercise stub and every public grader', () => {
    for (let n = 1; n <= 6; n++) {
      for (const file of [`exercises/exercise-${n}/README.md`, `exercises/exercise-${n}/package.json`, `exercises/exercise-${n}/src/index.ts`, `graders/exercise-${n}/rubric.ts`, `graders/exercise-${n}/package.json`]) {
        expect(shipped, file).toContain(file);
      }
      expect(shipped.some((f) => f.startsWith(`graders/exercise-${n}/public/`) && f.endsWith('.test.ts'))).toBe(true);
      const grader = JSON.parse(readFileSync(join(out, `graders/exercise-${n}/package.json`), 'utf8')) as Record<string, unknown>;
      expect(grader.scripts).toBeUndefined();
      expect(grader.devDependencies).toBeUndefined();
    }
    expect(shipped).toEqual(expect.arrayContaining(['README.md', 'nx.json', '.env', 'tools/datasets/src/prepare-notmnist.ts', 'packages/engine/src/index.ts', 'packages/grading/bin/dlgrade.js']));
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('npx nx test exercise-1');
    expect(readme).toContain('npm run data:notmnist');
    expect(readme).not.toMatch(/solution-\d|For instructors/);
  });

  it('refuses to write over it without --force', () => {
    const again = run(TSX, [CLI, '--out', out], REPO_ROOT);
    expect(again.status).toBe(2);
    expect(output(again)).toMatch(/is not empty/);
  });

  it('installs with npm ci, typechecks, grades the stub 0 and the solution full', () => {
    let install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], out, 300_000);
    if (install.status !== 0) install = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], out, 300_000);
    expect(install.status, output(install)).toBe(0);

    const typecheck = run('npm', ['run', 'typecheck'], out);
    expect(typecheck.status, output(typecheck)).toBe(0);

    // As a student runs it: in a terminal (a pseudo-terminal from util-linux's script), not in
    // CI mode. A prompt (nx asks about analytics unless nx.json answers) would hang here and
    // time out; the TUI would swallow the summary.
    const { CI: _ci, NX_NO_CLOUD: _noCloud, ...inTerminal } = env;
    const stub = spawnSync('script', ['-qec', 'npx nx test exercise-1 --skip-nx-cache', '/dev/null'], { cwd: out, env: inTerminal, encoding: 'utf8', timeout: 180_000, input: '' });
    const stubOutput = output(stub).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(stub.error, stubOutput).toBeUndefined();
    expect(stub.status, stubOutput).not.toBe(0);
    expect(stubOutput).toMatch(/Score: 0\/\d+/);
    expect(stubOutput).toContain('Next step: write sigmoid');
    expect(stubOutput).not.toMatch(/usage data/i);

    const solution = join(REPO_ROOT, 'solutions', 'exercise-1', 'src');
    expect(existsSync(solution)).toBe(true);
    cpSync(solution, join(out, 'exercises', 'exercise-1', 'src'), { recursive: true });
    const solved = run('npx', ['nx', 'test', 'exercise-1', '--skip-nx-cache'], out);
    expect(solved.status, output(solved)).toBe(0);
    const score = /Score: (\d+)\/(\d+)/.exec(output(solved));
    expect(score, output(solved)).not.toBeNull();
    expect(Number(score![1])).toBeGreaterThan(0);
    expect(score![1]).toBe(score![2]);
  }, 420_000);
});
