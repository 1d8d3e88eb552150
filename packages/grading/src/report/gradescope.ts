import type { GradeResult } from './types.js';
import { renderSummary } from './console-summary.js';

/** Gradescope's autograder results.json (https://gradescope-autograders.readthedocs.io). */
export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
  stdout_visibility: 'visible' | 'hidden';
  tests: {
    name: string;
    number: string;
    score: number;
    max_score: number;
    status: 'passed' | 'failed';
    output: string;
    visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
  }[];
}

export function toGradescope(result: GradeResult): GradescopeResults {
  return {
    score: result.score,
    max_score: result.maxScore,
    execution_time: Math.round(result.executionTime * 1000) / 1000,
    output: renderSummary(result, { colour: false, includeHidden: false }),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: result.tests.map((t) => ({
      name: t.title,
      number: t.number,
      score: t.score,
      max_score: t.points,
      status: t.status === 'passed' ? 'passed' : 'failed',
      output: t.status === 'passed' ? '' : (t.message ?? ''),
      // hidden tests: the student sees neither the test nor its output, as on Gradescope
      visibility: t.hidden ? 'hidden' : 'visible',
    })),
  };
}
