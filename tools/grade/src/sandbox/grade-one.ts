/**
 * The trusted half of grading, run by the parent as one long-lived process per job slot
 * (grade-one-host.ts). It is vitest's main process: it loads the rubrics and the graders but never
 * the student's code, which runs only in vitest's forked test worker under Node's permission
 * model — a fresh worker for every job. It takes jobs from the parent and streams each test's
 * outcome back on file descriptor 3, which the worker does not inherit. Kept up between
 * submissions, it pays Node's start and vitest's import (~1 s of CPU) once, not per submission.
 */
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BaseSequencer, startVitest, type Reporter, type TestCase, type TestModule, type TestSpecification } from 'vitest/node';
import type { GradingMeta } from '@dlcourse/grading';
import { HELD_OUT_META, SEAL_KEY_ENV, SEAL_META, SUITE_PATTERNS, TEST_TIMEOUT_CAP_ENV, aliasesFor, graderDir, isSealedPass, itemSuites, type HeldOutJudge } from '@dlcourse/grading/runner';
import { confineImports } from './confine-imports.js';
import { resolveFromCourse } from './resolve-from-course.js';
import { RESULT_FD, type GradeEvent, type GradeJob, type JobMessage } from './protocol.js';
import { snapshotRealm } from './realm-snapshot.js';
import { SANDBOX_MESSAGES, say } from './worker-setup/messages.js';

const GRADERS = dirname(graderDir('exercise-1'));

/** The exercise a grader file belongs to: graders/<exercise>/… */
function exerciseOf(moduleId: string): string {
  return relative(GRADERS, moduleId).split(sep)[0] ?? moduleId;
}

const SETUP_FILES = ['./worker-setup/seal-key.ts', './worker-setup/seed.ts', './worker-setup/block-network.ts', './worker-setup/harden-realm.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/**
 * Files run in the order of their paths (hidden/ before public/), not in vitest's default order
 * by cached duration: a submission that crashes its worker loses the same tests on every run.
 */
class InPathOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

const channel = new Socket({ fd: RESULT_FD, readable: true, writable: true });
/** The job being graded: every event carries its number, so none can count for another job. */
let currentJob = -1;
function send(event: GradeEvent, job = currentJob): void {
  channel.write(`${JSON.stringify({ job, event })}\n`);
}
/**
 * Results still being judged (a held-out item waits for its judge to load): the job's `done`
 * waits for them, so that none can arrive after it, when the parent already waits on the next job.
 */
const judging = new Set<Promise<void>>();

function firstLine(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The key of this job's seals (the kit's seal.ts), new for every job: the worker gets it in its
 * environment only, never this process's own (which the worker would inherit), and a pass
 * without its seal does not count.
 */
let sealKey = '';
let language: GradeJob['language'] = 'en';
/** exercise → rubric item → the grader's suite file that declares it (read here, from the graders' sources). */
const declaringSuites = new Map<string, Map<string, string>>();

/**
 * A reported pass counts if graded() sealed it (and no other test declared the item) and it
 * comes from the suite file that declares the item: the student's code cannot make a seal, and
 * a test it declares itself lives in another file or makes a second declaration.
 */
function isGradersPass(exercise: string, itemKey: string, moduleId: string, seal: unknown): boolean {
  return isSealedPass(sealKey, exercise, itemKey, seal) && declaringSuites.get(exercise)?.get(itemKey) === moduleId;
}

/** exercise → its grader's trusted judge (held-out.ts) and answer key, from the job (set in grade()). */
let heldOut: GradeJob['heldOut'] = {};
/** Judge module file → the judge: trusted code, the same for every job, so loaded once. */
const judges = new Map<string, Promise<HeldOutJudge>>();

/**
 * Loaded when its first item arrives, not at start: it brings the grading kit and the engine,
 * which a submission that never reaches those items should not pay for. `module` is the judge
 * built for Node (grade-one-bundle.ts), as grade-one itself is.
 */
function judgeOf(module: string): Promise<HeldOutJudge> {
  let judge = judges.get(module);
  if (!judge) {
    judge = import(pathToFileURL(module).href).then((m: { heldOut: HeldOutJudge }) => m.heldOut);
    judges.set(module, judge);
  }
  return judge;
}

/** One test's outcome, checked (seal, declaring file) and judged (held-out items), sent as job `job`'s. */
async function reportTestCase(testCase: TestCase, job: number): Promise<void> {
  const meta = testCase.meta() as Record<string, unknown>;
  const grading = meta.grading as GradingMeta | undefined;
  if (!grading) return; // not a rubric item: worth nothing, reported by the grader's own proof
  const exercise = exerciseOf(testCase.module.moduleId);
  const result = testCase.result();
  let error: { message: string; name?: string } | undefined = result.errors?.[0];
  let state = result.state;
  if (state === 'passed' && !isGradersPass(exercise, grading.key, testCase.module.moduleId, meta[SEAL_META])) {
    // Reported passed on the worker's channel, but not by graded(): the student's code forged it.
    [state, error] = ['failed', { message: say(language, SANDBOX_MESSAGES.unsealed), name: 'Unsealed' }];
  }
  const held = heldOut[exercise];
  if (state === 'passed' && held?.items.includes(grading.key)) {
    // The worker measured; only the judge, which holds the answer key, can pass the item.
    const judge = await judgeOf(held.module);
    const failure = judge.judge(grading.key, meta[HELD_OUT_META], held.keyDir);
    if (failure) [state, error] = ['failed', failure];
  }
  send({ type: 'test', exercise, key: grading.key, state, message: error ? firstLine(error.message) : undefined, kind: error?.name }, job);
}

const reporter: Reporter = {
  onTestCaseResult(testCase: TestCase) {
    const job = currentJob;
    const reported = reportTestCase(testCase, job).finally(() => judging.delete(reported));
    judging.add(reported);
    return reported;
  },
  onTestModuleEnd(module: TestModule) {
    for (const e of module.errors()) {
      send({ type: 'module-error', exercise: exerciseOf(module.moduleId), message: firstLine(e.message) });
      console.error(e);
    }
  },
  onTestRunEnd(_modules, unhandled) {
    for (const e of unhandled) {
      send({ type: 'run-error', message: firstLine(`${e.name ?? 'Error'}: ${e.message ?? String(e)}`) });
      // The whole error (with the path a denied access named) goes to the instructor's log.
      console.error(e);
    }
  },
};

/** Grades one job: a fresh vitest (and so a fresh test worker) with this job's paths, grants and seal key. */
async function grade(job: GradeJob): Promise<void> {
  sealKey = randomBytes(32).toString('hex');
  // The worker inherits this process's environment and working directory when vitest forks it.
  process.chdir(job.tempDir);
  Object.assign(process.env, { DLCOURSE_SEED: String(job.seed), DLCOURSE_LANG: job.language, HOME: job.harnessDir, TMPDIR: job.harnessDir });
  const prebuilt = aliasesFor(job.prebuilt);
  const exercises = Object.keys(job.entries);
  heldOut = job.heldOut;
  language = job.language;
  declaringSuites.clear();
  for (const exercise of exercises) declaringSuites.set(exercise, itemSuites(exercise));
  const project = {
    resolve: { alias: [...Object.entries(job.entries).map(([exercise, entry]) => ({ find: `@submission/${exercise}`, replacement: entry })), ...prebuilt] },
    plugins: [resolveFromCourse(job.submissionDir), confineImports(job.loadable, job.language)],
    test: {
      name: 'submission',
      root: GRADERS,
      include: exercises.flatMap((exercise) => SUITE_PATTERNS.map((pattern) => `${exercise}/${pattern}`)),
      setupFiles: SETUP_FILES,
      pool: 'forks' as const,
      // One worker runs every file of every exercise (public, hidden): it is the same student's
      // code, and a process start per exercise cost ~0.5 s, more than most exercises' tests. A
      // worker that dies takes the exercises after it along; the parent grades those again.
      isolate: false,
      execArgv: job.execArgv,
      // The student's code sees its own writable folder as home and temp.
      env: { ...job.workerEnv, [SEAL_KEY_ENV]: sealKey, ...(job.testTimeoutCapMs ? { [TEST_TIMEOUT_CAP_ENV]: String(job.testTimeoutCapMs) } : {}), HOME: job.tempDir, TMPDIR: job.tempDir, TMP: job.tempDir, TEMP: job.tempDir },
      testTimeout: job.testTimeoutMs,
      hookTimeout: job.testTimeoutMs,
    },
  };
  const vitest = await startVitest(
    'test',
    [],
    {
      config: false,
      watch: false,
      reporters: [reporter],
      projects: [project],
      maxWorkers: 1,
      sequence: { sequencer: InPathOrder },
      fileParallelism: false,
      passWithNoTests: true,
      // No fsModuleCache: the worker would read transformed modules from a cache on disk that
      // also holds the hidden suites and, from other runs in the repository, the solutions.
      experimental: { fsModuleCache: false },
    },
    { server: { watch: null }, cacheDir: job.cacheDir, logLevel: 'silent' },
  );
  // Closing ends the pool, so the next job's worker is a new process.
  await vitest.close();
}

const realm = snapshotRealm();

/** Jobs arrive one at a time: the parent sends the next only after this one's `done`. */
async function serve(message: JobMessage): Promise<void> {
  currentJob = message.job;
  try {
    await grade(message.task);
  } catch (error) {
    // vitest itself failed (not a test): the machinery's fault, so no `done`. The parent sees a
    // process that ended without a result and grades nothing, and the next run tries again.
    send({ type: 'run-error', message: firstLine(error instanceof Error ? error.message : String(error)) });
    console.error(error);
    channel.end(() => process.exit(1));
    return;
  }
  await Promise.allSettled([...judging]);
  const changes = realm.changes();
  if (changes.length) console.error(`grade-one: its built-ins changed during this job (${changes.join('; ')}); ending, the next job gets a fresh process`);
  send({ type: 'done', intact: changes.length === 0 });
  if (changes.length) channel.end(() => process.exit(0));
  process.chdir('/');
}

let queue = Promise.resolve();
createInterface({ input: channel, crlfDelay: Infinity }).on('line', (line) => {
  const message = JSON.parse(line) as JobMessage;
  queue = queue.then(() => serve(message));
});
// The parent closed the channel (done with this slot) or is gone: nothing more will come.
channel.on('end', () => void queue.then(() => process.exit(0)));
channel.on('error', () => process.exit(1));
