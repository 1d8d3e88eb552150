import { expect, test } from 'vitest';
import { graderVersion } from '../src/grader-version.js';

test('the grader version is stable for the same graders and settings, and changes with them', async () => {
  const settings = { seed: 1, language: 'en', testTimeoutMs: 30_000 };
  const [one, again, otherSeed, otherExercise] = await Promise.all([
    graderVersion(['exercise-1'], settings),
    graderVersion(['exercise-1'], settings),
    graderVersion(['exercise-1'], { ...settings, seed: 2 }),
    graderVersion(['exercise-2'], settings),
  ]);
  expect(again).toBe(one);
  expect(new Set([one, otherSeed, otherExercise]).size).toBe(3);
});
