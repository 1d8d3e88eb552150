import type { TestModule, TestCase } from 'vitest/node';
import type { Rubric } from '../rubric.js';
import type { Language } from '../i18n.js';
import type { GradingMeta } from '../graded-test.js';
import type { GradeResult } from './types.js';
import { gradeFromReports, type ItemReport } from './grade-from-reports.js';

/**
 * Builds the grade from what vitest ran in this process. A run with errors that are not one
 * test's (a suite that did not load, an unhandled rejection) counts no test as passed.
 */
export function collectGrade(
  rubric: Rubric,
  modules: ReadonlyArray<TestModule>,
  unhandled: ReadonlyArray<{ message?: string; name?: string }>,
  options: { executionTime: number; seed: number; language: Language; exerciseNumber: string; hiddenSuitesPresent: boolean },
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

  const reports = new Map<string, ItemReport>();
  for (const [key, testCase] of byKey) {
    const result = testCase.result();
    const error = result.errors?.[0];
    const stub = (error as { stub?: unknown } | undefined)?.stub;
    reports.set(key, { state: result.state, message: error?.message, kind: error?.name, stub: typeof stub === 'string' ? stub : undefined });
  }
  return gradeFromReports(rubric, reports, {
    ...options,
    errors,
    countsAsPassed: () => errors.length === 0,
    notPassedReason: (_item, report) =>
      report
        ? errors.length
          ? 'not counted: the grading run had errors (see above).'
          : `not run (${report.state}).`
        : errors.length
          ? `not run: ${errors[0]}`
          : 'not run: the test is missing from the grader.',
  });
}

function relative(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
}
