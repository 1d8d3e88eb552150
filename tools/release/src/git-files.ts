import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files git tracks in the repository (relative paths, '/'-separated), so untracked junk
 * (node_modules, caches, scratch files, a colleague's unfinished tool) never ships. Files that
 * are tracked but deleted in the working tree are left out.
 */
export function trackedFiles(repoRoot: string): string[] {
  let out: string;
  try {
    out = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`release: cannot list the tracked files with 'git ls-files' in ${repoRoot}: ${(error as Error).message}`);
  }
  return out
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(repoRoot, path)))
    .sort();
}
