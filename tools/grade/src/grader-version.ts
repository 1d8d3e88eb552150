import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, graderDir, hashTree } from '@dlcourse/grading/runner';

/**
 * Identifies everything that decides a grade besides the submission: the graders being run, the
 * grading kit, the engine, this tool, and the settings that change outcomes. A result made with
 * another version is graded again on resume.
 */
export async function graderVersion(exercises: string[], settings: Record<string, unknown>): Promise<string> {
  const paths = [join(REPO_ROOT, 'packages/grading/src'), join(REPO_ROOT, 'packages/engine/src'), join(REPO_ROOT, 'tools/grade/src'), join(REPO_ROOT, 'tools/grade/bin')];
  for (const exercise of exercises) {
    const dir = graderDir(exercise);
    for (const entry of readdirSync(dir)) if (entry !== 'node_modules' && entry !== 'mutants' && entry !== 'alternatives') paths.push(join(dir, entry));
  }
  const code = await hashTree(REPO_ROOT, paths);
  return createHash('sha256').update(code).update(JSON.stringify({ exercises, ...settings })).digest('hex').slice(0, 32);
}
