import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The repository root: packages/grading/src/run → four levels up. Same layout in the student release. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function graderDir(exercise: string): string {
  return join(REPO_ROOT, 'graders', exercise);
}

export const SEED_SETUP_FILE = fileURLToPath(new URL('../setup/fast-check-seed.ts', import.meta.url));

/** Fixed by default so every student meets the same generated cases; DLCOURSE_SEED overrides. */
export const DEFAULT_SEED = 20_261_127;
