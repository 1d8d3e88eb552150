/**
 * What the trusted grade-one process tells the parent, one JSON object per line on file
 * descriptor 3. Only grade-one holds that descriptor: vitest's test worker (where the student's
 * code runs) is forked without it, so the student can print anything but cannot write here.
 */
export type GradeEvent =
  | { type: 'test'; exercise: string; key: string; state: 'passed' | 'failed' | 'skipped' | 'pending'; message?: string; kind?: string }
  | { type: 'module-error'; exercise: string; message: string }
  | { type: 'run-error'; message: string }
  | { type: 'done' };

/** What the parent passes to grade-one (as JSON in the DLGRADE_JOB environment variable). */
export interface GradeJob {
  /** The submission's extracted copy (the folder holding exercises/ or a single exercise). */
  submissionDir: string;
  /** exercise → the index.ts the grader imports as '@submission/<exercise>'; all run in one test worker, in this order. */
  entries: Record<string, string>;
  /** The only folder the student's code may write to (its HOME and TMPDIR). */
  tempDir: string;
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

export function parseEvent(line: string): GradeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  const str = (k: string) => typeof event[k] === 'string';
  switch (event.type) {
    case 'test':
      return str('exercise') && str('key') && ['passed', 'failed', 'skipped', 'pending'].includes(event.state as string) ? (event as GradeEvent) : null;
    case 'module-error':
      return str('exercise') && str('message') ? (event as GradeEvent) : null;
    case 'run-error':
      return str('message') ? (event as GradeEvent) : null;
    case 'done':
      return { type: 'done' };
    default:
      return null;
  }
}
