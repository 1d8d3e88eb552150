import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT, loadRubric } from '@dlcourse/grading/runner';
import { gradeClass } from '../src/grade-class.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';

/*
 * All of a submission's exercises run in one test worker; a worker that dies must not take the
 * exercises it had not reached with it. Two students, exercises 1 and 2, both right on exercise 2:
 * one ends the process in the middle of exercise 1 (the fixture class's exit-mid-suite).
 */
const EXIT_MID_SUITE = fileURLToPath(new URL('./fixtures/class/exit-mid-suite/exercises/exercise-1/src/index.ts', import.meta.url));
let classDir: string;
let out: string;

beforeAll(async () => {
  classDir = fresh('crash-class');
  out = fresh('crash-out');
  for (const id of ['steady', 'exits']) {
    for (const exercise of ['exercise-1', 'exercise-2']) cpSync(join(REPO_ROOT, 'solutions', exercise, 'src'), join(classDir, id, 'exercises', exercise, 'src'), { recursive: true });
  }
  const exercise1 = join(classDir, 'exits', 'exercises', 'exercise-1', 'src');
  cpSync(join(exercise1, 'activations.ts'), join(exercise1, 'reference.ts'));
  cpSync(EXIT_MID_SUITE, join(exercise1, 'index.ts'));
  await gradeClass({ submissions: classDir, out, exercises: ['1', '2'], jobs: 2, timeoutMs: 120_000, testTimeoutMs: 30_000, memoryMb: 2048, seed: DEFAULT_SEED, language: 'en', quiet: true });
}, 240_000);

test('a crash in exercise 1 costs exercise 1 only: exercise 2 is graded again in a fresh process', async () => {
  const [max1, max2] = [(await loadRubric('exercise-1')).maxScore, (await loadRubric('exercise-2')).maxScore];
  expect(readResults(out, 'steady', 'exercise-1').score).toBe(max1);
  expect(readResults(out, 'steady', 'exercise-2').score).toBe(max2);
  const crashed = readResults(out, 'exits', 'exercise-1');
  expect(crashed.score).toBeGreaterThan(0); // what ran before process.exit still counts
  expect(crashed.score).toBeLessThan(max1);
  expect(crashed.tests.filter((t) => t.status === 'failed').map((t) => t.output).join('\n')).toMatch(/process\.exit|ended before/);
  expect(readResults(out, 'exits', 'exercise-2').score).toBe(max2);
  expect(readFileSync(join(out, 'exits', 'log.txt'), 'utf8')).toContain('grading exercise-2 again in a fresh process');
  expect(readFileSync(join(out, 'steady', 'log.txt'), 'utf8')).not.toContain('again in a fresh process');
});
