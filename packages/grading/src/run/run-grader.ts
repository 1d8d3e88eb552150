import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startVitest, type Reporter, type TestModule } from 'vitest/node';
import type { Rubric } from '../rubric.js';
import { currentLanguage, type Language } from '../i18n.js';
import { collectGrade } from '../report/collect.js';
import { renderSummary } from '../report/console-summary.js';
import { toGradescope } from '../report/gradescope.js';
import type { GradeResult } from '../report/types.js';
import { DEFAULT_SEED, SEED_SETUP_FILE, SUITE_PATTERNS, graderDir, hasHiddenSuites } from './paths.js';
import { resolveSubmissionEntry } from './submission.js';
import { bundleAliases } from './prebuilt-modules.js';
import { useGradingHeapGrowth } from './heap-growth.js';

export interface RunGraderOptions {
  /** e.g. 'exercise-3'. */
  exercise: string;
  /** The student's code: a folder or an index.ts (see resolveSubmissionEntry). */
  submission: string;
  /** Write Gradescope's results.json here. */
  json?: string;
  /** Write the GradeResult (with rubric keys) here. */
  resultFile?: string;
  /** Print the student summary (default true). */
  print?: boolean;
  /** Rerun on every save. */
  watch?: boolean;
  /** Include the hidden tests' lines in the printed summary. */
  showHidden?: boolean;
  /** Also show vitest's own report (for grader authors). */
  verbose?: boolean;
  seed?: number;
  language?: Language;
  /** Where the grader lives (default graders/<exercise>). */
  graderRoot?: string;
}

export async function loadRubric(exercise: string, root = graderDir(exercise)): Promise<Rubric> {
  const file = join(root, 'rubric.ts');
  if (!existsSync(file)) throw new Error(`No grader for '${exercise}': ${file} does not exist.`);
  const module = (await import(pathToFileURL(file).href)) as { rubric?: Rubric };
  if (!module.rubric) throw new Error(`${file} must export 'rubric' (made with defineRubric).`);
  return module.rubric;
}

/**
 * Runs one exercise's grader against one submission and returns the grade. The grader's
 * imports of '@submission/<exercise>' resolve to the submission, so the same suites grade
 * the stub, the reference solution, every mutant and every student.
 */
export async function runGrader(options: RunGraderOptions): Promise<GradeResult> {
  const root = options.graderRoot ?? graderDir(options.exercise);
  const rubric = await loadRubric(options.exercise, root);
  const entry = resolveSubmissionEntry(options.submission, options.exercise);
  const seed = options.seed ?? (Number.isInteger(Number(process.env.DLCOURSE_SEED)) && process.env.DLCOURSE_SEED ? Number(process.env.DLCOURSE_SEED) : DEFAULT_SEED);
  process.env.DLCOURSE_SEED = String(seed);
  const language = options.language ?? currentLanguage();
  process.env.DLCOURSE_LANG = language; // the test workers write their failure messages in it
  const exerciseNumber = options.exercise.replace(/^\D*/, '') || options.exercise;
  let latest: GradeResult | null = null;
  let started = performance.now();

  const gradeReporter: Reporter = {
    onTestRunStart() {
      started = performance.now();
    },
    async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled) {
      latest = collectGrade(rubric, modules, unhandled, { executionTime: (performance.now() - started) / 1000, seed, language, exerciseNumber, hiddenSuitesPresent: hasHiddenSuites(root) });
      if (options.print ?? true) {
        process.stdout.write(`\n${renderSummary(latest, { colour: process.stdout.isTTY && !process.env.NO_COLOR, includeHidden: options.showHidden, language })}\n`);
      }
      if (options.json) await writeJson(options.json, toGradescope(latest));
      if (options.resultFile) await writeJson(options.resultFile, latest);
    },
  };

  useGradingHeapGrowth();
  const vitest = await startVitest(
    'test',
    [],
    {
      root,
      config: false,
      watch: options.watch ?? false,
      reporters: options.verbose ? ['default', gradeReporter] : [gradeReporter],
      include: [...SUITE_PATTERNS],
      setupFiles: [SEED_SETUP_FILE],
      // Threads start faster than forks; a student's stuck loop is stopped by graded()'s time
      // limit either way. Untrusted batch grading isolates each submission in its own process.
      pool: 'threads',
      // One worker runs every suite file, so the engine, the kit and the student's module load
      // once per run rather than once per file (−0.4 s of a ~2 s run on 2 cores). The suites
      // share only the submission's module, as the student's own program would.
      isolate: false,
      maxWorkers: 1,
      passWithNoTests: false,
      // Transformed TypeScript (the engine, the grader) is kept on disk between runs, so a
      // student's second run starts in a fraction of the first one's time.
      experimental: { fsModuleCache: true },
    },
    {
      resolve: { alias: [{ find: `@submission/${options.exercise}`, replacement: entry }, ...(await bundleAliases())] },
      server: { watch: options.watch ? {} : null },
      cacheDir: join(root, 'node_modules', '.vite'),
    },
  );
  if (options.watch) return new Promise<GradeResult>(() => {});
  await vitest.close();
  if (!latest) throw new Error(`The grader for ${options.exercise} did not run.`);
  return latest;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
