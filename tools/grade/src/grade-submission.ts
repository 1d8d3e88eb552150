import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Language, Rubric } from '@dlcourse/grading';
import { hashTree, resolveSubmissionEntry, type GradeResult } from '@dlcourse/grading/runner';
import { ExtractionError, extractSubmission } from './extract.js';
import { endingReason, gradeFromEvents } from './grade-from-events.js';
import { isUpToDate, writeSubmissionResults, type GradingMeta } from './results-store.js';
import { forkExecArgv, loadableForWorker, readableByWorker } from './sandbox/permissions.js';
import { runSandboxed, type Ending, type SandboxLimits } from './sandbox/run-sandboxed.js';
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
  limits: SandboxLimits & { testTimeoutMs: number };
  /** Where each submission's private copy and temp folder are made (removed afterwards). */
  workRoot: string;
  /** vite's transform cache, shared by all submissions. */
  cacheDir: string;
  /** The engine and kit pre-built for the test worker (package specifier → module file), built once per run. */
  prebuilt: Record<string, string>;
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
 * itself is 'failed' (nothing written, so the next run tries again).
 */
export async function gradeSubmission(submission: Submission, context: RunContext): Promise<SubmissionOutcome> {
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
      unpackError = `your submission could not be unpacked: ${error.message}`;
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
        missing.set(exercise, `your submission has no code for ${exercise}: ${(error as Error).message}`);
      }
    }

    const started = performance.now();
    let ending: Ending = { kind: 'finished' };
    let events: Awaited<ReturnType<typeof runSandboxed>>['events'] = [];
    if (Object.keys(entries).length > 0) {
      // The worker's heap gets the budget less what vitest's main process needs (~300 MB), so a
      // heap bomb ends in V8's own limit; memory outside the heap is left to the parent's watch.
      const heapMb = Math.max(256, context.limits.memoryMb - MAIN_PROCESS_RESERVE_MB);
      const loadable: Record<string, string[]> = {};
      const execArgv: Record<string, string[]> = {};
      // The engine and the kit, pre-built: the worker loads them natively instead of evaluating
      // ~170 TypeScript files per exercise (they hold nothing a student may not read).
      const prebuilt = dirname(context.prebuilt['@dlcourse/engine']);
      for (const exercise of Object.keys(entries)) {
        const needs = context.needs.get(exercise) ?? { readable: [], addons: false };
        const readable = readableByWorker(exercise, copy, [...needs.readable, tempDir, harnessDir, prebuilt]);
        loadable[exercise] = loadableForWorker(exercise, readable);
        execArgv[exercise] = forkExecArgv({ readable, tempDir, heapMb, addons: needs.addons });
      }
      const run = await runSandboxed(
        { submissionDir: copy, entries, tempDir, cacheDir: context.cacheDir, prebuilt: context.prebuilt, seed: context.seed, language: context.language, testTimeoutMs: context.limits.testTimeoutMs, heapMb, loadable, execArgv },
        context.limits,
        sandboxEnv(harnessDir, context),
      );
      ending = run.ending;
      events = run.events;
      log += run.logTail;
      if (ending.kind === 'crashed' && !events.some((e) => e.type === 'test' || e.type === 'module-error')) {
        return { id: submission.id, status: 'failed', reason: `grade-one ended without a result (${endingReason(ending)}); last output:\n${run.logTail.slice(-1500)}` };
      }
    }
    const durationMs = performance.now() - started;
    const results: GradeResult[] = context.exercises.map((exercise) =>
      gradeFromEvents(exercise, { rubric: context.rubrics.get(exercise)!, missing: missing.get(exercise), copyDir: copy }, events, ending, durationMs / 1000 / context.exercises.length, context.seed, context.language),
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
      ending: ending.kind === 'finished' ? 'finished' : endingReason(ending),
      durationMs: Math.round(durationMs),
      gradedAt: new Date().toISOString(),
    };
    await writeSubmissionResults(context.out, meta, results, log);
    return { id: submission.id, status: 'graded', score, maxScore, ending, durationMs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Only what grading needs reaches the sandbox: no tokens or credentials from the instructor's
 * shell. grade-one's HOME and TMPDIR are its own folder; the worker's are set to the
 * submission's temp folder by grade-one (the one place the student's code may write).
 */
function sandboxEnv(harnessDir: string, context: RunContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: harnessDir, TMPDIR: harnessDir, NODE_ENV: 'test', DLCOURSE_LANG: context.language, CI: '1', NO_COLOR: '1' };
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
