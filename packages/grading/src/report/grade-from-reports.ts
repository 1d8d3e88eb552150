import type { Rubric, RubricItem } from '../rubric.js';
import { say, type Language } from '../i18n.js';
import type { GradeResult, TestOutcome } from './types.js';

/** What a test run said about one rubric item's test (vitest's state and first error). */
export interface ItemReport {
  state: string;
  message?: string;
  kind?: string;
  stub?: string;
}

export interface GradeOptions {
  executionTime: number;
  seed: number;
  language: Language;
  exerciseNumber: string;
  /** Problems that are not one test's; they appear in the grade as they are. */
  errors: string[];
  /**
   * Whether this grader has its hidden suites (the instructor's repository) or not (the students'
   * copy). Decided by the files, never by the reports: a run that crashed before a hidden suite
   * reported still owes its points.
   */
  hiddenSuitesPresent: boolean;
  /** Whether a reported pass counts (the kit counts none after a run error). */
  countsAsPassed?: (key: string) => boolean;
  /** The student's reason for an item that did not pass and said nothing itself. */
  notPassedReason: (item: RubricItem & { key: string }, report: ItemReport | undefined) => string;
  /** A failure message as the student should read it (paths, colours). */
  readable?: (message: string) => string;
}

/**
 * The one way a grade is made from a rubric and per-item reports, for dlgrade (vitest in this
 * process) and for batch grading (events from a sandbox). Scores come from the rubric, not from
 * the tests: an item scores only if its test reported a pass, so a crash can never raise a score.
 * Hidden suites are left out of the students' repository: their items are not part of that run's
 * total, so a complete solution there still reaches full points and exit 0.
 */
export function gradeFromReports(rubric: Rubric, reports: ReadonlyMap<string, ItemReport>, options: GradeOptions): GradeResult {
  const readable = options.readable ?? ((m: string) => m);
  const items = Object.values(rubric.items);
  const absentHidden = options.hiddenSuitesPresent ? [] : items.filter((item) => item.hidden);
  const tests: TestOutcome[] = items.flatMap((item, index) => {
    if (absentHidden.includes(item)) return [];
    const report = reports.get(item.key);
    const passed = report?.state === 'passed' && (options.countsAsPassed?.(item.key) ?? true);
    const outcome: TestOutcome = {
      key: item.key,
      number: `${options.exerciseNumber}.${index + 1}`,
      title: say(item.title, options.language),
      fn: item.fn,
      file: item.file,
      points: item.points,
      score: passed ? item.points : 0,
      status: passed ? 'passed' : report?.state === 'failed' ? 'failed' : 'not-run',
      hidden: item.hidden ?? false,
    };
    if (!passed) {
      outcome.message = report?.message !== undefined ? readable(report.message) : options.notPassedReason(item, report);
      if (report?.kind) outcome.kind = report.kind;
      if (report?.stub) outcome.stub = report.stub;
    }
    return [outcome];
  });
  const score = tests.reduce((s, t) => s + t.score, 0);
  const maxScore = tests.reduce((s, t) => s + t.points, 0);
  return {
    exercise: rubric.exercise,
    score,
    maxScore,
    executionTime: options.executionTime,
    tests,
    errors: options.errors.map(readable),
    seed: options.seed,
    hiddenNotRun: absentHidden.length,
  };
}
