import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { Language, Rubric } from '@dlcourse/grading';
import { REPO_ROOT, loadRubric, prebuiltModules } from '@dlcourse/grading/runner';
import { selectExercises } from './exercises.js';
import { prepareExercise, type ExerciseNeeds } from './exercise-data.js';
import { graderVersion } from './grader-version.js';
import { gradeSubmission, sandboxEnv, type SubmissionOutcome } from './grade-submission.js';
import { createProgress } from './progress.js';
import { kernelIsolation } from './sandbox/kernel-isolation.js';
import { gradeOneBundle } from './sandbox/grade-one-bundle.js';
import { GradeOneHost } from './sandbox/grade-one-host.js';
import { writeScoreboard } from './scoreboard-outputs.js';
import { discoverSubmissions, selectShard, type Shard } from './submissions.js';

export interface GradeClassOptions {
  submissions: string;
  out: string;
  /** Exercise names or numbers; default every exercise with a grader. */
  exercises?: string[];
  jobs: number;
  shard?: Shard;
  timeoutMs: number;
  /** Time limit of a test without one of its own. */
  testTimeoutMs: number;
  /** When set, no test may take longer, whatever its rubric says (--test-timeout). */
  testTimeoutCapMs?: number;
  memoryMb: number;
  seed: number;
  language: Language;
  force?: boolean;
  /** No progress lines (tests, benchmarks). */
  quiet?: boolean;
  title?: string;
}

export interface ClassSummary {
  outcomes: SubmissionOutcome[];
  ignored: string[];
  outputs: string[];
  /** The whole run. */
  seconds: number;
  /** The part spent grading submissions; the rest (rubrics, exercise data, bundles, scoreboard) is paid once per run. */
  gradingSeconds: number;
  /** grade-one processes started: one per job slot, plus one after each run a limit or a crash ended (grade-one-host.ts). */
  gradeOneStarts: number;
}

/** Grades every submission in a folder (or one shard of them), then writes the scoreboard. */
export async function gradeClass(options: GradeClassOptions, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<ClassSummary> {
  const started = performance.now();
  const out = resolve(options.out);
  const submissionsDir = resolve(options.submissions);
  if (!relative(submissionsDir, out).startsWith('..') && relative(submissionsDir, out) !== '') {
    throw new Error(`--out ${options.out} lies inside --submissions ${options.submissions}: it would be graded as a submission. Choose an output folder elsewhere.`);
  }
  const exercises = selectExercises(options.exercises);
  const { submissions: all, ignored } = discoverSubmissions(submissionsDir);
  const submissions = selectShard(all, options.shard);
  const rubrics = new Map<string, Rubric>();
  const needs = new Map<string, ExerciseNeeds>();
  const workRoot = await mkdtemp(join(tmpdir(), 'dlgrade-'));
  try {
    for (const exercise of exercises) {
      rubrics.set(exercise, await loadRubric(exercise));
      needs.set(exercise, await prepareExercise(exercise, join(workRoot, 'graders', exercise)));
    }
  } catch (error) {
    await rm(workRoot, { recursive: true, force: true });
    throw error;
  }
  // The submission and memory limits are left out: raising one should not regrade a whole class
  // (--force does that); what changes a passing run's outcome is in.
  const version = await graderVersion(exercises, { seed: options.seed, language: options.language, testTimeoutMs: options.testTimeoutMs, testTimeoutCapMs: options.testTimeoutCapMs ?? null });
  await mkdir(out, { recursive: true });
  const shardNote = options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${all.length})` : '';
  if (!options.quiet) {
    log(`grading ${submissions.length} submission(s)${shardNote} × ${exercises.join(', ')} with ${options.jobs} at a time; grader version ${version.slice(0, 12)}`);
    log(kernelIsolation(workRoot).description);
    if (ignored.length) log(`ignored (not a folder, .zip, .tar.gz or .tgz): ${ignored.join(', ')}`);
  }
  const progress = createProgress(submissions.length, options.quiet ?? false);
  const limit = pLimit(options.jobs);
  const context = {
    out,
    exercises,
    rubrics,
    needs,
    graderVersion: version,
    seed: options.seed,
    language: options.language,
    limits: { timeoutMs: options.timeoutMs, memoryMb: options.memoryMb, testTimeoutMs: options.testTimeoutMs, testTimeoutCapMs: options.testTimeoutCapMs },
    workRoot,
    cacheDir: join(REPO_ROOT, 'node_modules', '.cache', 'dlgrade-vite'),
    prebuilt: await prebuiltModules(),
    gradeOne: await gradeOneBundle(),
    force: options.force ?? false,
  };
  // One grade-one per job slot, reused from submission to submission; a slot is taken by one
  // submission at a time (pLimit never runs more than `jobs` at once).
  const hosts: GradeOneHost[] = [];
  for (let slot = 0; slot < options.jobs; slot++) {
    const home = join(workRoot, `grade-one-${slot}`);
    await mkdir(home);
    hosts.push(new GradeOneHost(context.gradeOne.entry, sandboxEnv(home, options.language), home, workRoot));
  }
  const idle = [...hosts];
  let outcomes: SubmissionOutcome[];
  const gradingStarted = performance.now();
  let gradingSeconds = 0;
  try {
    outcomes = await Promise.all(
      submissions.map((submission) =>
        limit(async () => {
          const host = idle.pop()!;
          const outcome = await gradeSubmission(submission, context, host)
            .catch((error: unknown): SubmissionOutcome => ({ id: submission.id, status: 'failed', reason: (error as Error).stack ?? String(error) }))
            .finally(() => idle.push(host));
          progress.tick(submission.id, describe(outcome));
          return outcome;
        }),
      ),
    );
    gradingSeconds = (performance.now() - gradingStarted) / 1000;
  } finally {
    for (const host of hosts) host.close();
    progress.stop();
    await rm(workRoot, { recursive: true, force: true });
  }
  const outputs = await writeScoreboard(out, { title: options.title });
  const summary: ClassSummary = { outcomes, ignored, outputs, seconds: (performance.now() - started) / 1000, gradingSeconds, gradeOneStarts: hosts.reduce((n, h) => n + h.starts, 0) };
  if (!options.quiet) for (const line of summaryLines(summary)) log(line);
  return summary;
}

export function describe(outcome: SubmissionOutcome): string {
  switch (outcome.status) {
    case 'graded':
      return `${outcome.score}/${outcome.maxScore}${outcome.ending.kind === 'finished' ? '' : ` (stopped: ${outcome.ending.kind})`}`;
    case 'skipped':
      return `${outcome.score}/${outcome.maxScore} (up to date, skipped)`;
    case 'failed':
      return `failed to grade: ${outcome.reason.split('\n')[0]}`;
  }
}

export function summaryLines(summary: ClassSummary): string[] {
  const count = (status: SubmissionOutcome['status']) => summary.outcomes.filter((o) => o.status === status).length;
  const lines = [`graded ${count('graded')}, skipped ${count('skipped')} (already graded), failed to grade ${count('failed')} — ${summary.seconds.toFixed(1)} s`];
  const stopped = summary.outcomes.filter((o) => o.status === 'graded' && o.ending.kind !== 'finished');
  if (stopped.length) lines.push(`stopped by a limit: ${stopped.map((o) => `${o.id} (${o.status === 'graded' ? o.ending.kind : ''})`).join(', ')}`);
  for (const o of summary.outcomes) if (o.status === 'failed') lines.push(`  ${o.id}: ${o.reason}`);
  if (summary.outputs.length) lines.push(`scoreboard: ${summary.outputs.join(', ')}`);
  return lines;
}
