import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT, loadRubric } from '@dlcourse/grading/runner';
import { gradeClass, type GradeClassOptions } from '../src/grade-class.js';
import { mergeShards } from '../src/merge.js';
import { parseShard } from '../src/submissions.js';
import { META_FILE, type GradingMeta } from '../src/results-store.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';


/** Three students on exercise 1: the reference, the stub, the reference again under another name. */
let classDir: string;
let fullScore: number;

beforeAll(async () => {
  classDir = fresh('small');
  for (const [id, from] of [['ada', 'solutions'], ['bob', 'exercises'], ['cyd', 'solutions']]) {
    cpSync(join(REPO_ROOT, from, 'exercise-1', 'src'), join(classDir, id, 'exercises', 'exercise-1', 'src'), { recursive: true });
  }
  fullScore = (await loadRubric('exercise-1')).maxScore;
});

function options(out: string, extra: Partial<GradeClassOptions> = {}): GradeClassOptions {
  return { submissions: classDir, out, exercises: ['1'], jobs: 2, timeoutMs: 120_000, testTimeoutMs: 30_000, memoryMb: 2048, seed: DEFAULT_SEED, language: 'en', quiet: true, ...extra };
}

test('shards split the class, merge joins them into one scoreboard, and a rerun skips what is graded', async () => {
  const base = fresh('shards');
  const [a, b, all] = ['shard-1', 'shard-2', 'all'].map((n) => join(base, n));
  const first = await gradeClass(options(a, { shard: parseShard('1/2') }));
  const second = await gradeClass(options(b, { shard: parseShard('2/2') }));
  expect(first.outcomes.map((o) => o.id)).toEqual(['ada', 'cyd']);
  expect(second.outcomes.map((o) => o.id)).toEqual(['bob']);

  const merged = await mergeShards([a, b], all);
  expect(merged.submissions).toBe(3);
  // One version unless the graders, kit or engine changed between the two shard runs.
  const shardVersions = [a, b].flatMap((dir) => readdirSync(dir).filter((id) => existsSync(join(dir, id, META_FILE))).map((id) => (JSON.parse(readFileSync(join(dir, id, META_FILE), 'utf8')) as GradingMeta).graderVersion));
  expect(merged.versions.sort()).toEqual([...new Set(shardVersions)].sort());
  const csv = readFileSync(join(all, 'grades.csv'), 'utf8');
  for (const id of ['ada', 'bob', 'cyd']) expect(csv).toContain(id);
  expect(readResults(all, 'ada').score).toBe(fullScore);
  expect(readResults(all, 'bob').score).toBe(0);

  // Unchanged work is skipped; changed work is graded again.
  appendFileSync(join(classDir, 'cyd', 'exercises', 'exercise-1', 'src', 'index.ts'), '\n// a late change\n');
  const again = await gradeClass(options(a, { shard: parseShard('1/2') }));
  expect(again.outcomes.map((o) => [o.id, o.status])).toEqual([
    ['ada', 'skipped'],
    ['cyd', 'graded'],
  ]);
}, 300_000);

test('merge refuses two different versions of one student', async () => {
  const base = fresh('clash');
  for (const [shard, contentHash] of [['one', 'aaa'], ['two', 'bbb']]) {
    mkdirSync(join(base, shard, 'eve'), { recursive: true });
    const meta: GradingMeta = { id: 'eve', contentHash, graderVersion: 'v', exercises: [], score: 0, maxScore: 0, ending: 'finished', durationMs: 0, gradedAt: '' };
    writeFileSync(join(base, shard, 'eve', META_FILE), JSON.stringify(meta));
  }
  await expect(mergeShards([join(base, 'one'), join(base, 'two')], join(base, 'all'))).rejects.toThrow(/'eve' was graded in .* with different content/);
});

test('a run killed in the middle resumes where it stopped', async () => {
  const out = fresh('killed');
  const cli = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tools/grade/src/cli.ts'), '--submissions', classDir, '--out', out, '--exercises', '1', '--jobs', '1', '--test-timeout', '30', '--lang', 'en', '--force'], {
    cwd: REPO_ROOT,
    // A killed run cannot remove its work folder: keep it where the tests clean up.
    env: { ...process.env, TMPDIR: fresh('killed-tmp') },
    stdio: 'ignore',
    detached: true,
  });
  // Wait for the first complete result, then kill the whole run at once.
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (readdirSync(out).some((id) => existsSync(join(out, id, 'grading.json')))) {
        clearInterval(poll);
        process.kill(-cli.pid!, 'SIGKILL');
        resolve();
      }
    }, 100);
    cli.on('exit', () => {
      clearInterval(poll);
      reject(new Error('the run ended before it could be killed'));
    });
  });
  const graded = readdirSync(out).filter((id) => existsSync(join(out, id, 'grading.json')));
  expect(graded.length).toBeGreaterThanOrEqual(1);
  // The same settings as the killed run's flags (--test-timeout 30 caps the rubric's limits too).
  const resumed = await gradeClass(options(out, { testTimeoutCapMs: 30_000 }));
  for (const outcome of resumed.outcomes) expect(outcome.status).toBe(graded.includes(outcome.id) ? 'skipped' : 'graded');
  expect(resumed.outcomes.filter((o) => o.status === 'graded').length).toBeGreaterThanOrEqual(1);
  expect(readResults(out, 'bob').score).toBe(0);
  expect(readResults(out, 'ada').score).toBe(fullScore);
}, 300_000);
