import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The module a grader imports as the implementation under test. Accepts the exercise's src
 * folder, the exercise folder, a whole repository (exercises/<name>/src inside), or a file.
 */
export function resolveSubmissionEntry(submission: string, exercise: string): string {
  const path = resolve(submission);
  if (!existsSync(path)) throw new Error(`The submission '${submission}' does not exist.`);
  if (statSync(path).isFile()) return path;
  const candidates = ['index.ts', 'src/index.ts', `exercises/${exercise}/src/index.ts`, `${exercise}/src/index.ts`].map((c) => join(path, c));
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      `No index.ts found for ${exercise} in '${submission}'. Expected one of: ${candidates.map((c) => c.slice(path.length + 1)).join(', ')}.`,
    );
  }
  return found;
}
