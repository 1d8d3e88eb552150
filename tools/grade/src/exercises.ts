import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@dlcourse/grading/runner';

/** The exercises that have a grader (graders/exercise-N/rubric.ts), in course order. */
export function gradedExercises(): string[] {
  return readdirSync(join(REPO_ROOT, 'graders'))
    .filter((name) => /^exercise-\d+$/.test(name) && existsSync(join(REPO_ROOT, 'graders', name, 'rubric.ts')))
    .sort((a, b) => Number(a.slice(9)) - Number(b.slice(9)));
}

/** Checks a --exercises list against the graders; the error names what exists. */
export function selectExercises(requested: string[] | undefined): string[] {
  const known = gradedExercises();
  if (!requested || requested.length === 0) return known;
  const normalised = requested.map((e) => (/^\d+$/.test(e) ? `exercise-${e}` : e));
  const unknown = normalised.filter((e) => !known.includes(e));
  if (unknown.length) throw new Error(`Unknown exercise ${unknown.map((e) => `'${e}'`).join(', ')}: choose from ${known.join(', ')} (or their numbers, e.g. --exercises 1,2).`);
  return known.filter((e) => normalised.includes(e));
}
