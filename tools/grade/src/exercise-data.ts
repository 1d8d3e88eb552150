import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { graderDir } from '@dlcourse/grading/runner';

/** What a grader needs beyond its own files: data to read, and whether sharp (a native addon) runs. */
export interface ExerciseNeeds {
  readable: string[];
  addons: boolean;
}

/**
 * Exercise 5 trains on the real notMNIST archive: its test worker must read the archive and the
 * engine's packed cache of it, and may decode PNGs with sharp. The paths come from the grader
 * itself (real-data.ts), and the cache is built here, by trusted code, because the sandbox may
 * not write it. Other exercises need nothing extra.
 */
export async function prepareExercise(exercise: string): Promise<ExerciseNeeds> {
  if (exercise !== 'exercise-5') return { readable: [], addons: false };
  const realData = join(graderDir(exercise), 'public', 'real-data.ts');
  const { ARCHIVE, CACHE_DIR } = (await import(pathToFileURL(realData).href)) as { ARCHIVE: string; CACHE_DIR: string };
  if (!existsSync(ARCHIVE)) {
    throw new Error(`exercise-5 needs the notMNIST archive, which is not at ${ARCHIVE}: run \`npm run data:notmnist\` or set NOTMNIST_ARCHIVE, or leave exercise 5 out (--exercises 1,2,3,4,6).`);
  }
  const { loadNotMNIST } = await import('@dlcourse/engine');
  await loadNotMNIST({ archive: ARCHIVE, cacheDir: CACHE_DIR, onWarning: () => {} });
  return { readable: [ARCHIVE, CACHE_DIR], addons: true };
}
