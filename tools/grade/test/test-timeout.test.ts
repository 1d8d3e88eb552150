import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT } from '@dlcourse/grading/runner';
import { gradeClass } from '../src/grade-class.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';

test('--test-timeout caps the rubric’s own limits: an endless relu is stopped at 2 s, not at its item’s 10 s', async () => {
  const classDir = fresh('cap-class');
  const out = fresh('cap-out');
  cpSync(fileURLToPath(new URL('./fixtures/class/infinite-loop', import.meta.url)), join(classDir, 'loops'), { recursive: true });
  cpSync(join(REPO_ROOT, 'solutions', 'exercise-1', 'src', 'activations.ts'), join(classDir, 'loops', 'exercises', 'exercise-1', 'src', 'reference.ts'));
  await gradeClass({ submissions: classDir, out, exercises: ['1'], jobs: 1, timeoutMs: 60_000, testTimeoutMs: 2_000, testTimeoutCapMs: 2_000, memoryMb: 1024, seed: DEFAULT_SEED, language: 'en', quiet: true });
  const relu = readResults(out, 'loops', 'exercise-1').tests.find((t) => t.status === 'failed')!;
  expect(relu.output).toMatch(/within 2 s/);
}, 120_000);
