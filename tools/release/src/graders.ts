import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/**
 * The public part of one grader: rubric.ts, public/**, and every file those import (relative
 * imports, followed transitively) inside the grader folder — e.g. exercise-5's thresholds.ts.
 * A relative import that leaves the grader folder, or a bare import of a solution, stops the
 * release: the grader would not run in the student repository, or would leak a solution.
 */
export interface GraderPart {
  /** e.g. 'graders/exercise-1' */
  dir: string;
  /** Repository-relative files to copy (package.json excluded: it is generated). */
  files: string[];
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;

export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[2]!);
}

/** Graders are the folders graders/<name>/ that have a tracked rubric.ts. */
export function graderDirs(tracked: readonly string[]): string[] {
  return tracked
    .filter((p) => /^graders\/[^/]+\/rubric\.ts$/.test(p))
    .map((p) => posix.dirname(p))
    .sort();
}

function resolveRelative(fromFile: string, specifier: string, trackedSet: ReadonlySet<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => trackedSet.has(c));
}

export function graderPublicPart(repoRoot: string, dir: string, tracked: readonly string[]): GraderPart {
  const trackedSet = new Set(tracked);
  const seeds = tracked.filter((p) => p === `${dir}/rubric.ts` || p.startsWith(`${dir}/public/`));
  const files = new Set<string>();
  const queue = [...seeds];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|mts|tsx|js|mjs)$/.test(file)) continue;
    const source = readFileSync(join(repoRoot, file), 'utf8');
    for (const specifier of importSpecifiers(source)) {
      if (/^solution-\d|(^|\/)solutions\//.test(specifier)) {
        throw new Error(`release: ${file} imports '${specifier}', a reference solution; a public grader must import the code under test through '@submission/…'.`);
      }
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier, trackedSet);
      if (!target) {
        const onDisk = existsSync(join(repoRoot, dirname(file), specifier));
        throw new Error(`release: ${file} imports '${specifier}', which is not a tracked file${onDisk ? ' (it exists but git does not track it)' : ''}.`);
      }
      if (!target.startsWith(`${dir}/`)) {
        throw new Error(`release: ${file} imports '${specifier}' (${target}), outside ${dir}/; a grader may import only its own files and packages.`);
      }
      queue.push(target);
    }
  }
  return { dir, files: [...files].sort() };
}
