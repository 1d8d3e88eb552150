/**
 * What batch grading's trusted process needs to judge items whose answer key the student's
 * process must not see (see held-out.ts); kept free of imports, so that grade-one loads it cheaply.
 */

/** The test's meta field the measurement travels in (vitest sends a test's meta with its result). */
export const HELD_OUT_META = 'heldOut';

/** What a grader's held-out.ts exports as `heldOut` for batch grading. */
export interface HeldOutJudge {
  /** Rubric keys the trusted process judges: a pass reported from the worker alone never counts for them. */
  items: readonly string[];
  /**
   * Trusted, before grading: writes what the worker may read to `workerDir` and the answer key
   * to `keyDir` (which the worker may not read). Returns environment variables for the worker.
   */
  prepare(workerDir: string, keyDir: string): Promise<Record<string, string>>;
  /** Trusted, per item: null when `measured` earns the item, else the failure the student reads. */
  judge(key: string, measured: unknown, keyDir: string): Error | null;
}
