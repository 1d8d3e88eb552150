import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { gradeInChild, proveGrader } from '@dlcourse/grading/proof';
import { mutants } from './mutants/catalogue.js';

const graderDir = dirname(fileURLToPath(import.meta.url));

proveGrader({
  exercise: 'exercise-2',
  graderDir,
  mutants,
  alternatives: [
    { file: 'ones-vector-db-and-maximum-mask.ts', approach: 'db as 1ᵀ·dY, gradients through transposed products, the ReLU mask from maximum' },
    { file: 'collapse-by-probing.ts', approach: 'the collapsed layer measured by running the two layers on the identity and on zero' },
  ],
});

describe('exercise-2 grader messages', () => {
  test('a transposed dW is told its shape where D ≠ M, and its values where D = M', { timeout: 180_000 }, async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'proof-exercise-2-messages-'));
    try {
      const run = await gradeInChild('exercise-2', join(graderDir, 'mutants', 'linear-backward-dw-transposed.ts'), workDir, 'dw-transposed');
      const message = (key: string) => run.result.tests.find((t) => t.key === key)?.message ?? '';
      expect(message('linearBackwardShapes'), run.stdout).toMatch(/dW \(the shape of W\) has shape \[(\d+), (\d+)\] but should have shape \[\2, \1\]/);
      expect(message('linearBackwardDW'), run.stdout).toMatch(/dW does not match the numerical gradient[\s\S]*shape \[(\d+), \1\]/);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
