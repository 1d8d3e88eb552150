import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The repository root: packages/grading/src/run → four levels up. Same layout in the student release. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function graderDir(exercise: string): string {
  return join(REPO_ROOT, 'graders', exercise);
}

/** The suites a grader runs: public ones everywhere, hidden ones only in the instructor's repository. */
export const SUITE_PATTERNS: readonly string[] = ['public/**/*.test.ts', 'hidden/**/*.test.ts'];

/** Whether this copy of a grader has its hidden suites (the students' copy has none). */
export function hasHiddenSuites(root: string): boolean {
  const dir = join(root, 'hidden');
  return existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

export const SEED_SETUP_FILE = fileURLToPath(new URL('../setup/fast-check-seed.ts', import.meta.url));

/** Fixed by default so every student meets the same generated cases; DLCOURSE_SEED overrides. */
export const DEFAULT_SEED = 20_261_127;
