import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Language, Rubric } from '@dlcourse/grading';
import { hashTree, resolveSubmissionEntry, type GradeResult } from '@dlcourse/grading/runner';
import { ExtractionError, extractSubmission } from './extract.js';
import { endingReason, gradeFromEvents } from './grade-from-events.js';
import { isUpToDate, writeSubmissionResults, type GradingMeta } from './results-store.js';
import { forkExecArgv, loadableForWorker, readableByWorker } from './sandbox/permissions.js';
import type { Ending, GradeOneHost, SandboxLimits } from './sandbox/grade-one-host.js';
import type { GradeOneBundle } from './sandbox/grade-one-bundle.js';
import type { GradeEvent } from './sandbox/protocol.js';
import { SANDBOX_MESSAGES, say } from './sandbox/worker-setup/messages.js';
import type { ExerciseNeeds } from './exercise-data.js';
import type { Submission } from './submissions.js';
import { MAIN_PROCESS_RESERVE_MB } from './limits.js';

export interface RunContext {
  out: string;
  exercises: string[];
  rubrics: Map<string, Rubric>;
  needs: Map<string, ExerciseNeeds>;
  graderVersion: string;
  seed: number;
  language: Language;
  limits: SandboxLimits & { testTimeoutMs: number; testTimeoutCapMs?: number };
  /** Where each submission's private copy and temp folder are made (removed afterwards). */
  workRoot: string;
  /** vite's transform cache, shared by all submissions. */
  cacheDir: string;
  /** The engine and kit pre-built for the test worker (package specifier → module file), built once per run. */
  prebuilt: Record<string, string>;
  /** grade-one and the held-out judges pre-built for Node, built once per run. */
  gradeOne: GradeOneBundle;
  /** Grade again even when a result for this content and grader version exists. */
  force: boolean;
}

export type SubmissionOutcome =
  | { id: string; status: 'graded'; score: number; maxScore: number; ending: Ending; durationMs: number }
  | { id: string; status: 'skipped'; score: number; maxScore: number }
  | { id: string; status: 'failed'; reason: string };

/**
 * Grades one submission: a private copy, a resume check, the sandboxed run of every selected
 * exercise, and the results written atomically. A submission that cannot be unpacked or has no
 * code for an exercise still gets results that say why; only a failure of the grading machinery
 * itself is 'failed' (nothing written, so the next run tries again). `host` is the job slot's
 * grade-one, which grades this submission's exercises in fresh test workers.
 */
export async function gradeSubmission(submission: Submission, context: RunContext, host: GradeOneHost): Promise<SubmissionOutcome> {
  const work = await mkdtemp(join(context.workRoot, `${submission.id}-`));
  try {
    const copy = join(work, 'submission');
    const tempDir = join(work, 'tmp');
    // vitest's main process writes the transformed modules here for its worker to read: the
    // worker may read this folder but never write it, or it could rewrite the suites.
    const harnessDir = join(work, 'harness');
    await mkdir(tempDir);
    await mkdir(harnessDir);
    let unpackError: string | undefined;
    let log = '';
    try {
      const skipped = await extractSubmission(submission, copy);
      if (skipped.length) log += `left out (links and special files are never copied): ${skipped.join(', ')}\n`;
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      unpackError = say(context.language, SANDBOX_MESSAGES.cannotUnpack, error.message);
    }
    const contentHash = unpackError ? await hashFile(submission.path) : await hashTree(copy);
    if (!context.force && (await isUpToDate(context.out, submission.id, contentHash, context.graderVersion))) {
      const meta = JSON.parse(await readFile(join(context.out, submission.id, 'grading.json'), 'utf8')) as GradingMeta;
      return { id: submission.id, status: 'skipped', score: meta.score, maxScore: meta.maxScore };
    }

    const root = unpackError ? copy : await submissionRoot(copy);
    const entries: Record<string, string> = {};
    const missing = new Map<string, string>();
    for (const exercise of context.exercises) {
      if (unpackError) {
        missing.set(exercise, unpackError);
        continue;
      }
      try {
        entries[exercise] = resolveSubmissionEntry(root, exercise);
      } catch (error) {
        missing.set(exercise, say(context.language, SANDBOX_MESSAGES.noCode, exercise, (error as Error).message));
      }
    }

    const started = performance.now();
    const runs = new Map<string, ExerciseRun>();
    if (Object.keys(entries).length > 0) {
      const outcome = await runRounds(entries, copy, tempDir, harnessDir, context, host);
      if ('failed' in outcome) return { id: submission.id, status: 'failed', reason: outcome.failed };
      for (const [exercise, run] of outcome.runs) runs.set(exercise, run);
      log += outcome.log;
    }
    const ending: Ending = [...runs.values()].find((r) => r.ending.kind !== 'finished')?.ending ?? { kind: 'finished' };
    const durationMs = performance.now() - started;
    const results: GradeResult[] = context.exercises.map((exercise) =>
      gradeFromEvents(exercise, { rubric: context.rubrics.get(exercise)!, missing: missing.get(exercise), copyDir: copy }, runs.get(exercise)?.events ?? [], runs.get(exercise)?.ending ?? { kind: 'finished' }, durationMs / 1000 / context.exercises.length, context.seed, context.language),
    );
    const score = results.reduce((s, r) => s + r.score, 0);
    const maxScore = results.reduce((s, r) => s + r.maxScore, 0);
    const meta: GradingMeta = {
      id: submission.id,
      contentHash,
      graderVersion: context.graderVersion,
      exercises: context.exercises,
      score,
      maxScore,
      ending: ending.kind === 'finished' ? 'finished' : endingReason(ending, context.language),
      durationMs: Math.round(durationMs),
      gradedAt: new Date().toISOString(),
    };
    await writeSubmissionResults(context.out, meta, results, log);
    return { id: submission.id, status: 'graded', score, maxScore, ending, durationMs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** What one exercise's grade is built from: the events and the ending of the run that graded it. */
interface ExerciseRun {
  events: GradeEvent[];
  ending: Ending;
}

/**
 * Grades the exercises in one sandboxed run (one test worker for all of them). When something
 * ends that run early — process.exit, a crash, the memory limit — the exercises it never reached
 * are graded again in a fresh run, so that one exercise's crash costs no other exercise's points;
 * the exercise that was running keeps what it had reported. The submission's time limit covers
 * all runs together. `failed` when grade-one itself ended without any result (the machinery, not
 * the student: nothing is written, the next run tries again).
 */
async function runRounds(entries: Record<string, string>, copy: string, tempDir: string, harnessDir: string, context: RunContext, host: GradeOneHost): Promise<{ runs: Map<string, ExerciseRun>; log: string } | { failed: string }> {
  const runs = new Map<string, ExerciseRun>();
  let log = '';
  // The worker's heap gets the budget less what vitest's main process needs (~300 MB), so a
  // heap bomb ends in V8's own limit; memory outside the heap is left to the parent's watch.
  const heapMb = Math.max(256, context.limits.memoryMb - MAIN_PROCESS_RESERVE_MB);
  const deadline = performance.now() + context.limits.timeoutMs;
  let pending = Object.keys(entries);
  while (pending.length > 0) {
    const exercises = pending;
    const { loadable, execArgv } = workerGrants(exercises, copy, tempDir, harnessDir, heapMb, context);
    const needs = exercises.map((e) => [e, context.needs.get(e)] as const);
    const workerEnv = Object.assign({}, ...needs.map(([, n]) => n?.workerEnv ?? {})) as Record<string, string>;
    // grade-one imports each judge built, not its TypeScript source (no tsx in grade-one).
    const heldOut = Object.fromEntries(needs.flatMap(([e, n]) => (n?.heldOut ? [[e, { ...n.heldOut, module: builtJudge(context.gradeOne, e) }]] : [])));
    const job = { submissionDir: copy, entries: Object.fromEntries(exercises.map((e) => [e, entries[e]!])), tempDir, harnessDir, cacheDir: context.cacheDir, prebuilt: context.prebuilt, seed: context.seed, language: context.language, testTimeoutMs: context.limits.testTimeoutMs, testTimeoutCapMs: context.limits.testTimeoutCapMs, heapMb, loadable, execArgv, workerEnv, heldOut };
    const run = await host.run(job, { ...context.limits, timeoutMs: Math.max(1, deadline - performance.now()) });
    log += run.logTail;
    const reached = (exercise: string) => run.events.some((e) => (e.type === 'test' || e.type === 'module-error') && e.exercise === exercise);
    if (run.ending.kind === 'crashed' && !exercises.some(reached)) {
      return { failed: `grade-one ended without a result (${endingReason(run.ending, context.language)}); last output:\n${run.logTail.slice(-1500)}` };
    }
    const endedEarly = run.ending.kind !== 'finished' || run.events.some((e) => e.type === 'run-error');
    const lastReached = exercises.findLastIndex(reached);
    // A run that ended early is done with every exercise up to the last one it reached (the files
    // run in path order); one that reached none is done with the first, which it was running.
    const done = !endedEarly || run.ending.kind === 'timeout' ? exercises.length : Math.max(1, lastReached + 1);
    for (const exercise of exercises.slice(0, done)) runs.set(exercise, { events: run.events, ending: run.ending });
    pending = exercises.slice(done);
    if (pending.length > 0) log += `\n[grading ${pending.join(', ')} again in a fresh process: the run above ended before reaching them]\n`;
  }
  return { runs, log };
}

function builtJudge(bundle: GradeOneBundle, exercise: string): string {
  const judge = bundle.judges[exercise];
  if (!judge) throw new Error(`${exercise} has a held-out judge that the grade-one bundle does not hold: rebuild it (remove node_modules/.cache/dlgrade-grade-one).`);
  return judge;
}

/** What the test worker may read and vite may load for these exercises, and the worker's Node flags. */
function workerGrants(exercises: string[], copy: string, tempDir: string, harnessDir: string, heapMb: number, context: RunContext): { loadable: string[]; execArgv: string[] } {
  // The engine and the kit, pre-built: the worker loads them natively instead of evaluating
  // ~170 TypeScript files per exercise (they hold nothing a student may not read).
  const prebuilt = dirname(context.prebuilt['@dlcourse/engine']!);
  const readable = new Set<string>();
  const loadable = new Set<string>();
  let addons = false;
  for (const exercise of exercises) {
    const needs = context.needs.get(exercise) ?? { readable: [], addons: false, workerEnv: {} };
    addons ||= needs.addons;
    const forExercise = readableByWorker(exercise, copy, [...needs.readable, tempDir, harnessDir, prebuilt]);
    for (const p of forExercise) readable.add(p);
    for (const p of loadableForWorker(exercise, forExercise)) loadable.add(p);
  }
  return { loadable: [...loadable], execArgv: forkExecArgv({ readable: [...readable], tempDir, heapMb, addons }) };
}

/**
 * glibc gives large freed blocks back to the kernel (above 128 KiB, and the heap's top beyond
 * twice that), so the next typed array of that size faults in fresh pages, ~10 µs each on this VM:
 * a training allocates ~170 MB of them per epoch. Keeping freed memory for reuse cut the worker's
 * CPU per sample of the matmul kernel by ~7% (3.46/3.79/4.20 → 3.36/3.59/3.70, alternated, perf)
 * and its page faults by ~18%; the peak resident memory of a complete submission, which the watch
 * limits, stayed within a few percent (511-529 MB against 506-509 MB). Other C libraries ignore
 * the variable.
 */
const KEEP_FREED_MEMORY = 'glibc.malloc.trim_threshold=536870912:glibc.malloc.mmap_threshold=33554432';

/**
 * grade-one's environment: only what grading needs reaches the sandbox, no tokens or credentials
 * from the instructor's shell. Its HOME and TMPDIR are `home` until its first job, then each
 * job's harness folder; the worker's are set to the submission's temp folder by grade-one (the
 * one place the student's code may write).
 */
export function sandboxEnv(home: string, language: Language): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, TMPDIR: home, NODE_ENV: 'test', DLCOURSE_LANG: language, CI: '1', NO_COLOR: '1', GLIBC_TUNABLES: KEEP_FREED_MEMORY };
  for (const name of ['NOTMNIST_ARCHIVE', 'DLCOURSE_CACHE_DIR', 'XDG_CACHE_HOME']) if (process.env[name]) env[name] = process.env[name];
  return env;
}

/** An archive often wraps the repository in one folder (student-repo/exercises/…): step into it. */
async function submissionRoot(dir: string): Promise<string> {
  let current = dir;
  for (let depth = 0; depth < 3; depth++) {
    const entries = (await readdir(current, { withFileTypes: true })).filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX');
    if (entries.length !== 1 || !entries[0].isDirectory() || /^exercise-\d+$|^exercises$|^src$/.test(entries[0].name)) break;
    current = join(current, entries[0].name);
  }
  return current;
}

async function hashFile(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}
