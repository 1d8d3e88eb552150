import type { TestModule, TestCase } from 'vitest/node';
import type { Rubric } from '../rubric.js';
import { say, type Language } from '../i18n.js';
import type { GradingMeta } from '../graded-test.js';
import type { GradeResult, TestOutcome } from './types.js';

/**
 * Builds the grade from what vitest ran. Scores come from the rubric, not from the tests: a
 * rubric item whose test never ran (the student's file did not load, the suite crashed) is
 * 'not-run' with 0 points, so a crash can never raise a score.
 */
export function collectGrade(
  rubric: Rubric,
  modules: ReadonlyArray<TestModule>,
  unhandled: ReadonlyArray<{ message?: string; name?: string }>,
  options: { executionTime: number; seed: number; language: Language; exerciseNumber: string },
): GradeResult {
  const byKey = new Map<string, TestCase>();
  const errors: string[] = [];
  for (const module of modules) {
    for (const e of module.errors()) errors.push(`${relative(module.moduleId)}: ${e.message}`);
    for (const testCase of module.children.allTests()) {
      const meta = testCase.meta().grading as GradingMeta | undefined;
      if (!meta) {
        errors.push(`grader bug: test '${testCase.fullName}' has no rubric item (declare it with graded()).`);
        continue;
      }
      if (byKey.has(meta.key)) errors.push(`grader bug: rubric item '${meta.key}' is graded by two tests.`);
      byKey.set(meta.key, testCase);
    }
  }
  for (const e of unhandled) errors.push(`${e.name ?? 'Error'}: ${e.message ?? String(e)}`);

  // Hidden suites are left out of the students' repository: their items are not part of
  // that run's total, so a complete solution there still reaches full points and exit 0.
  const absentHidden = Object.values(rubric.items).filter((item) => item.hidden && !byKey.has(item.key));
  const tests: TestOutcome[] = Object.values(rubric.items).flatMap((item, index) => {
    if (absentHidden.includes(item)) return [];
    const testCase = byKey.get(item.key);
    const state = testCase?.result().state;
    const passed = state === 'passed' && errors.length === 0;
    const error = testCase?.result().errors?.[0];
    const outcome: TestOutcome = {
      key: item.key,
      number: `${options.exerciseNumber}.${index + 1}`,
      title: say(item.title, options.language),
      fn: item.fn,
      file: item.file,
      points: item.points,
      score: passed ? item.points : 0,
      status: passed ? 'passed' : state === 'failed' ? 'failed' : 'not-run',
      hidden: item.hidden ?? false,
    };
    if (error) {
      outcome.message = error.message;
      outcome.kind = error.name;
      const stub = (error as { stub?: unknown }).stub;
      if (typeof stub === 'string') outcome.stub = stub;
    } else if (!passed) {
      outcome.message = testCase
        ? errors.length
          ? 'not counted: the grading run had errors (see above).'
          : `not run (${state}).`
        : errors.length
            ? `not run: ${errors[0]}`
            : 'not run: the test is missing from the grader.';
    }
    return [outcome];
  });
  const score = tests.reduce((s, t) => s + t.score, 0);
  const maxScore = tests.reduce((s, t) => s + t.points, 0);
  return { exercise: rubric.exercise, score, maxScore, executionTime: options.executionTime, tests, errors, seed: options.seed, hiddenNotRun: absentHidden.length };
}

function relative(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
}
