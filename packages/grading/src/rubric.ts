import type { Text } from './i18n.js';

/** One graded test: its points and what a student reads about it. */
export interface RubricItem {
  /** Points for passing this test. */
  points: number;
  /** The test's title, as the student sees it. */
  title: Text;
  /** The function under test, as the student named it in their file. */
  fn: string;
  /** The file the student edits for this function, relative to the exercise folder. */
  file: string;
  /** Where to look when it fails: the formula and the README section. */
  hint: Text;
  /** Hidden tests run when the instructor grades, not in the student's repository. */
  hidden?: boolean;
  /** Time limit of the test in ms (default DEFAULT_TEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

export interface Rubric<K extends string = string> {
  /** The nx project / folder name, e.g. 'exercise-3'. */
  exercise: string;
  title: Text;
  /** Each item with its key and its exercise (a seal names both, see seal.ts). */
  items: Record<K, RubricItem & { key: K; exercise: string }>;
  /** Sum of all points, known before any test runs. */
  maxScore: number;
}

export const DEFAULT_TEST_TIMEOUT_MS = 10_000;

/**
 * Set (in ms) by batch grading's `--test-timeout`: no graded test may run longer, whatever its
 * rubric says. A submission that raises it gains nothing: a test never gets more than its own limit.
 */
export const TEST_TIMEOUT_CAP_ENV = 'DLCOURSE_TEST_TIMEOUT_CAP_MS';

/**
 * The single place where an exercise's tests, points and hints are listed. A grader's tests
 * refer to these items by key, so the total is fixed before anything runs and a test that
 * crashes or never runs still counts against its points.
 */
export function defineRubric<K extends string>(spec: { exercise: string; title: Text; items: Record<K, RubricItem> }): Rubric<K> {
  const items = {} as Record<K, RubricItem & { key: K; exercise: string }>;
  let maxScore = 0;
  for (const key of Object.keys(spec.items) as K[]) {
    const item = spec.items[key];
    if (!(item.points > 0)) throw new RangeError(`defineRubric(${spec.exercise}): item '${key}' must have positive points.`);
    items[key] = { ...item, key, exercise: spec.exercise };
    maxScore += item.points;
  }
  return { exercise: spec.exercise, title: spec.title, items, maxScore };
}
