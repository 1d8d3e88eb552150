import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { graderDir, type HeldOutJudge } from '@dlcourse/grading/runner';

/** The grader's trusted judge of held-out items (its held-out.ts), where it has one. */
export function heldOutJudgeSource(exercise: string): string | undefined {
  const module = join(graderDir(exercise), 'held-out.ts');
  return existsSync(module) ? module : undefined;
}

/** What a grader needs beyond its own files, prepared once per class run by trusted code. */
export interface ExerciseNeeds {
  /** Extra paths the test worker may read. */
  readable: string[];
  /** Whether native addons may load in the worker (sharp decodes exercise 5's PNGs). */
  addons: boolean;
  /** Environment variables of the test worker. */
  workerEnv: Record<string, string>;
  /** The grader's trusted judge (its held-out.ts) and the folder of its answer key, which the worker may not read. */
  heldOut?: { module: string; keyDir: string; items: readonly string[] };
}

/**
 * A grader with a held-out.ts (exercise 5) keeps an answer key from the student's process: its
 * `prepare` writes what the worker may read (the training split and the test images) and the
 * key (the test labels) into two folders under `dir`, and its `judge` decides those items in
 * grade-one. Other graders need nothing extra.
 */
export async function prepareExercise(exercise: string, dir: string): Promise<ExerciseNeeds> {
  const addons = exercise === 'exercise-5';
  const module = heldOutJudgeSource(exercise);
  if (!module) return { readable: [], addons, workerEnv: {} };
  const { heldOut } = (await import(pathToFileURL(module).href)) as { heldOut: HeldOutJudge };
  const workerDir = join(dir, 'worker');
  const keyDir = join(dir, 'key');
  let workerEnv: Record<string, string>;
  try {
    workerEnv = await heldOut.prepare(workerDir, keyDir);
  } catch (error) {
    throw new Error(`${exercise} cannot be graded here: ${(error as Error).message} Or leave ${exercise} out (--exercises).`);
  }
  return { readable: [workerDir], addons, workerEnv, heldOut: { module, keyDir, items: heldOut.items } };
}
