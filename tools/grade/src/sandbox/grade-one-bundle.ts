import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ENTRIES, PACKAGE_SOURCES, REPO_ROOT, cachedBundle } from '@dlcourse/grading/runner';
import { heldOutJudgeSource } from '../exercise-data.js';
import { gradedExercises } from '../exercises.js';

const SANDBOX_DIR = dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'dlgrade-grade-one');

export interface GradeOneBundle {
  /** grade-one as one plain ES module (its npm dependencies stay external). */
  entry: string;
  /** exercise → its grader's held-out judge, built alike (only graders with a held-out.ts). */
  judges: Record<string, string>;
}

/**
 * grade-one and the graders' held-out judges pre-built for Node, once per source version. Run
 * through tsx, every submission's grade-one spent ~0.4 s of CPU starting tsx's loader thread and
 * compiling its TypeScript graph (the kit's runner, the engine for the judge) before vitest even
 * started; a class pays that once now. grade-one's own setup files and the graders stay
 * TypeScript: vitest transforms them as before.
 */
export async function gradeOneBundle(): Promise<GradeOneBundle> {
  const judges: Record<string, string> = {};
  for (const exercise of gradedExercises()) {
    const source = heldOutJudgeSource(exercise);
    if (source) judges[exercise] = source;
  }
  const built = await cachedBundle({
    cacheDir: CACHE_DIR,
    entries: { 'grade-one': join(SANDBOX_DIR, 'grade-one.ts'), ...Object.fromEntries(Object.entries(judges).map(([exercise, file]) => [`held-out-${exercise}`, file])) },
    sourceDirs: [SANDBOX_DIR, ...PACKAGE_SOURCES, ...Object.values(judges).map((file) => dirname(file))],
    inside: PACKAGE_ENTRIES,
  });
  return { entry: built['grade-one']!, judges: Object.fromEntries(Object.keys(judges).map((exercise) => [exercise, built[`held-out-${exercise}`]!])) };
}
