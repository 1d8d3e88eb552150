import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT, loadRubric } from '@dlcourse/grading/runner';
import { gradeClass, type ClassSummary } from '../src/grade-class.js';
import { selectExercises } from '../src/exercises.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';

/*
 * Every exercise at once, as a class is graded: the reference solutions must score full marks in
 * the sandbox (one worker for all six exercises, seals checked) and the stubs nothing. The
 * fixture class covers exercise 1 only; this caught exercise 6's buildModel losing its seal to
 * exercise 5's item of the same name.
 */
const exercises = selectExercises(undefined);
let out: string;
let summary: ClassSummary;

beforeAll(async () => {
  const classDir = fresh('reference-class');
  for (const [id, from] of [['reference', 'solutions'], ['stub', 'exercises']] as const) {
    for (const exercise of exercises) cpSync(join(REPO_ROOT, from, exercise, 'src'), join(classDir, id, 'exercises', exercise, 'src'), { recursive: true });
  }
  out = fresh('reference-out');
  summary = await gradeClass({ submissions: classDir, out, exercises, jobs: 2, timeoutMs: DEFAULT_LIMITS.submissionTimeoutMs, testTimeoutMs: DEFAULT_LIMITS.testTimeoutMs, memoryMb: DEFAULT_LIMITS.memoryMb, seed: DEFAULT_SEED, language: 'en', quiet: true });
}, 300_000);

describe('the reference solutions and the stubs, every exercise in one sandbox', () => {
  test('both are graded', () => {
    expect(summary.outcomes.map((o) => [o.id, o.status]).sort()).toEqual([['reference', 'graded'], ['stub', 'graded']]);
  });

  test.each(exercises)('%s: the reference scores full marks, the stub 0', async (exercise) => {
    const rubric = await loadRubric(exercise);
    const reference = readResults(out, 'reference', exercise);
    const failed = reference.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output.slice(0, 300)}`);
    expect(failed).toEqual([]);
    expect(reference.score).toBe(rubric.maxScore);
    expect(readResults(out, 'stub', exercise).score).toBe(0);
  });
});
