/**
 * The channel between the parent and the trusted grade-one process: a socket on file descriptor
 * 3, one JSON object per line each way. The parent writes jobs ({@link JobMessage}); grade-one
 * answers each with its events ({@link TaggedEvent}), the last one `done`. Only grade-one holds
 * that descriptor: vitest's test worker (where the student's code runs) is forked without it, so
 * the student can print anything but can neither write results here nor read another job.
 */
export type GradeEvent =
  | { type: 'test'; exercise: string; key: string; state: 'passed' | 'failed' | 'skipped' | 'pending'; message?: string; kind?: string }
  | { type: 'module-error'; exercise: string; message: string }
  | { type: 'run-error'; message: string }
  /** The job is over. `intact`: grade-one's realm is as it was (realm-snapshot.ts), so it may take the next job. */
  | { type: 'done'; intact: boolean };

/** One line from grade-one: an event of the job numbered `job`. */
export interface TaggedEvent {
  job: number;
  event: GradeEvent;
}

/** One line from the parent: a submission (or part of one) to grade, numbered per grade-one process. */
export interface JobMessage {
  job: number;
  task: GradeJob;
}

/** What the parent asks grade-one to grade (see JobMessage). */
export interface GradeJob {
  /** The submission's extracted copy (the folder holding exercises/ or a single exercise). */
  submissionDir: string;
  /** exercise → the index.ts the grader imports as '@submission/<exercise>'; all run in one test worker, in this order. */
  entries: Record<string, string>;
  /** The only folder the student's code may write to (its HOME and TMPDIR, and the worker's working directory). */
  tempDir: string;
  /** grade-one's own HOME and TMPDIR for this job: vitest writes the modules it transforms for the worker there. */
  harnessDir: string;
  /** vite's cache of transformed graders and engine, shared by every submission (written by trusted code only). */
  cacheDir: string;
  /** The engine and kit pre-built by the parent (package specifier → module file). */
  prebuilt: Record<string, string>;
  seed: number;
  language: 'en' | 'ru';
  /** Applied to tests that do not set their own limit. */
  testTimeoutMs: number;
  /** When set, graded() tests too are stopped at it (--test-timeout). */
  testTimeoutCapMs?: number;
  /** V8 heap limit of the test worker; the parent watches the whole tree's memory too. */
  heapMb: number;
  /** Where vite may load modules from for the worker (see permissions.ts). */
  loadable: string[];
  /** Node flags of the test worker (see permissions.ts). */
  execArgv: string[];
  /** Environment variables of the test worker (e.g. where exercise 5's split without test labels lies). */
  workerEnv: Record<string, string>;
  /** exercise → its grader's trusted judge (held-out.ts) and answer key folder, for graders that have one. */
  heldOut: Record<string, { module: string; keyDir: string; items: readonly string[] }>;
}

export const RESULT_FD = 3;

export function parseEvent(line: string): TaggedEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { job, event } = value as { job?: unknown; event?: unknown };
  if (typeof job !== 'number' || typeof event !== 'object' || event === null) return null;
  const checked = checkEvent(event as Record<string, unknown>);
  return checked ? { job, event: checked } : null;
}

function checkEvent(event: Record<string, unknown>): GradeEvent | null {
  const str = (k: string) => typeof event[k] === 'string';
  switch (event.type) {
    case 'test':
      return str('exercise') && str('key') && ['passed', 'failed', 'skipped', 'pending'].includes(event.state as string) ? (event as GradeEvent) : null;
    case 'module-error':
      return str('exercise') && str('message') ? (event as GradeEvent) : null;
    case 'run-error':
      return str('message') ? (event as GradeEvent) : null;
    case 'done':
      return { type: 'done', intact: event.intact === true };
    default:
      return null;
  }
}
