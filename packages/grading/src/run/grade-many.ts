import { join } from 'node:path';
import { startVitest, type Reporter, type TestModule } from 'vitest/node';
import { currentLanguage, type Language } from '../i18n.js';
import { collectGrade } from '../report/collect.js';
import type { GradeResult } from '../report/types.js';
import { DEFAULT_SEED, SEED_SETUP_FILE, SUITE_PATTERNS, graderDir, hasHiddenSuites } from './paths.js';
import { loadRubric } from './run-grader.js';
import { resolveSubmissionEntry } from './submission.js';
import { bundleAliases } from './prebuilt-modules.js';
import { useGradingHeapGrowth } from './heap-growth.js';

export interface NamedSubmission {
  /** Unique name of the submission in this run (a student id, 'solution', a mutant's file). */
  id: string;
  path: string;
}

export interface GradeManyOptions {
  exercise: string;
  submissions: NamedSubmission[];
  seed?: number;
  language?: Language;
  graderRoot?: string;
}

/**
 * Grades several submissions of one exercise in a single vitest run: each submission is a
 * vitest project with its own '@submission/<exercise>' alias, so vitest and the engine start
 * once and the submissions' test files run side by side in separate worker processes.
 * Trusted code only (solutions, mutants): untrusted submissions are graded one per sandboxed
 * process.
 */
export async function gradeSubmissions(options: GradeManyOptions): Promise<Map<string, GradeResult>> {
  const { exercise, submissions } = options;
  const ids = new Set<string>();
  for (const s of submissions) {
    if (ids.has(s.id)) throw new Error(`Two submissions are named '${s.id}'; give each a unique id.`);
    if (!/^[\w.:-]+$/.test(s.id)) throw new Error(`Submission id '${s.id}' may contain only letters, digits, '.', '_', ':' and '-'.`);
    ids.add(s.id);
  }
  const root = options.graderRoot ?? graderDir(exercise);
  const rubric = await loadRubric(exercise, root);
  const hiddenSuitesPresent = hasHiddenSuites(root);
  const seed = options.seed ?? DEFAULT_SEED;
  process.env.DLCOURSE_SEED = String(seed);
  const language = options.language ?? currentLanguage();
  process.env.DLCOURSE_LANG = language; // the test workers write their failure messages in it
  const exerciseNumber = exercise.replace(/^\D*/, '') || exercise;
  const results = new Map<string, GradeResult>();
  let started = performance.now();

  const reporter: Reporter = {
    onTestRunStart() {
      started = performance.now();
    },
    onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled) {
      const executionTime = (performance.now() - started) / 1000;
      for (const { id } of submissions) {
        const own = modules.filter((m) => m.project.name === id);
        results.set(id, collectGrade(rubric, own, unhandled, { executionTime, seed, language, exerciseNumber, hiddenSuitesPresent }));
      }
    },
  };

  const prebuilt = await bundleAliases();
  const projects = submissions.map(({ id, path }) => ({
    resolve: { alias: [{ find: `@submission/${exercise}`, replacement: resolveSubmissionEntry(path, exercise) }, ...prebuilt] },
    test: {
      name: id,
      root,
      include: [...SUITE_PATTERNS],
      setupFiles: [SEED_SETUP_FILE],
    },
  }));
  useGradingHeapGrowth();
  const vitest = await startVitest(
    'test',
    [],
    {
      root,
      config: false,
      watch: false,
      reporters: [reporter],
      projects,
      pool: 'threads',
      passWithNoTests: false,
      experimental: { fsModuleCache: true },
    },
    { server: { watch: null }, cacheDir: join(root, 'node_modules', '.vite') },
  );
  await vitest.close();
  if (results.size !== submissions.length) throw new Error(`The grader for ${exercise} did not run.`);
  return results;
}
