import { join, sep } from 'node:path';
import { REPO_ROOT } from '@dlcourse/grading/runner';

interface ResolveContext {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<{ id: string } | null>;
}

/**
 * A vite plugin for grade-one. The submission is graded from a private copy outside the course
 * repository, where `import { tensor } from '@dlcourse/engine'` (or any package the course
 * installs) would find no node_modules. Bare imports from the copy are resolved as if they were
 * made from the repository, as in the student's own clone.
 */
export function resolveFromCourse(submissionDir: string) {
  const inside = submissionDir + sep;
  const anchor = join(REPO_ROOT, 'package.json');
  return {
    name: 'dlgrade:resolve-from-course',
    enforce: 'pre' as const,
    async resolveId(this: ResolveContext, source: string, importer: string | undefined) {
      if (!importer?.startsWith(inside) || source.startsWith('.') || source.startsWith('/') || source.startsWith('\0') || source.includes(':')) return null;
      return this.resolve(source, anchor, { skipSelf: true });
    },
  };
}
