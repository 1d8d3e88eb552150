import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SEED, loadRubric } from '@dlcourse/grading/runner';
import type { Rubric } from '@dlcourse/grading';
import { gradeClass, type ClassSummary } from '../src/grade-class.js';
import { EXPECTED } from './fixtures/class/expected.js';
import { buildFixtureClass } from './support/build-class.js';
import { readResults } from './support/read-results.js';

/*
 * The CI check of the sandbox: the fixture class (ordinary and hostile submissions, see
 * fixtures/class/README.md) is graded on exercise 1 and every score and reason is compared with
 * fixtures/class/expected.ts.
 */

let classDir: string;
let out: string;
let summary: ClassSummary;
let rubric: Rubric;

beforeAll(async () => {
  classDir = await buildFixtureClass();
  out = mkdtempSync(join(tmpdir(), 'dlgrade-out-'));
  rubric = await loadRubric('exercise-1');
  summary = await gradeClass({
    submissions: classDir,
    out,
    exercises: ['exercise-1'],
    jobs: 2,
    timeoutMs: 40_000,
    testTimeoutMs: 30_000,
    memoryMb: 1024,
    seed: DEFAULT_SEED,
    language: 'en',
    quiet: true,
  });
}, 400_000);

afterAll(() => {
  for (const dir of [classDir, out]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('grading the fixture class', () => {
  test('grades every submission, and the grader itself never fails', () => {
    const failed = summary.outcomes.filter((o) => o.status === 'failed');
    expect(failed).toEqual([]);
    expect(summary.outcomes.map((o) => o.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s is scored for what it really passed, with a reason', (id, expectation) => {
    const results = readResults(out, id, 'exercise-1');
    const items = Object.values(rubric.items);
    expect(results.tests.map((t) => t.name)).toEqual(items.map((i) => (typeof i.title === 'string' ? i.title : i.title.en)));
    const failing = new Set(expectation.fails === 'all' ? items.map((i) => i.key) : expectation.fails);
    const undecided = new Set(expectation.mayFail ?? []);
    items.forEach((item, index) => {
      const test = results.tests[index];
      if (undecided.has(item.key) && test.status === 'failed') failing.add(item.key);
      const shouldFail = failing.has(item.key);
      expect({ item: item.key, status: test.status }).toEqual({ item: item.key, status: shouldFail ? 'failed' : 'passed' });
      if (shouldFail) {
        expect(test.output.length, `${item.key} must say why it failed`).toBeGreaterThan(10);
        if (expectation.reason) expect(test.output).toMatch(expectation.reason);
      }
    });
    const expectedScore = items.filter((i) => !failing.has(i.key)).reduce((s, i) => s + i.points, 0);
    expect(results.score).toBe(expectedScore);
    expect(results.max_score).toBe(rubric.maxScore);
  });

  test('each job slot keeps its grade-one from submission to submission, and gets a fresh one after a run a limit or a crash ended', () => {
    // Two slots, and at most one start more for each submission stopped by a limit (the slot's
    // next submission starts it; the other hostile ones, process.exit included, end in their test
    // worker and leave grade-one serving). The scores above were graded that way.
    const stopped = summary.outcomes.filter((o) => o.status === 'graded' && o.ending.kind !== 'finished');
    expect(stopped.length).toBeGreaterThan(0);
    expect(summary.gradeOneStarts).toBeGreaterThanOrEqual(2);
    expect(summary.gradeOneStarts).toBeLessThanOrEqual(2 + stopped.length);
    expect(summary.gradeOneStarts).toBeLessThan(summary.outcomes.length / 2);
  });

  test("results.json is Gradescope's format, and hidden tests are hidden from the student", () => {
    const results = readResults(out, 'right');
    expect(Object.keys(results).sort()).toEqual(['execution_time', 'max_score', 'output', 'score', 'stdout_visibility', 'tests', 'visibility']);
    for (const t of results.tests) expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'visibility']);
    const hidden = Object.values(rubric.items).filter((i) => i.hidden).map((i) => (typeof i.title === 'string' ? i.title : i.title.en));
    for (const t of results.tests) expect(t.visibility).toBe(hidden.includes(t.name) ? 'hidden' : 'visible');
  });

  test('a fake results file written by a submission reaches no output', () => {
    expect(readResults(out, 'fake-results').score).toBe(0);
    expect(readFileSync(join(out, 'grades.csv'), 'utf8')).not.toMatch(/999/);
    expect(existsSync(join(classDir, 'results.json'))).toBe(false);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });

  test('passes forged on the worker\'s channel to vitest are reported but do not count (no seal)', () => {
    // The forgery took place (without the seal check this submission scores 26/26) and was caught.
    const unsealed = readResults(out, 'forge-results').tests.filter((t) => /no valid seal/.test(t.output));
    expect(unsealed.length).toBeGreaterThanOrEqual(Object.keys(rubric.items).length / 2);
  });

  test('the scoreboard lists every student, and messages show no sandbox paths', () => {
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8');
    for (const id of Object.keys(EXPECTED)) expect(csv).toContain(id);
    for (const name of ['scoreboard.json', 'scoreboard.md', 'index.html']) expect(existsSync(join(out, name))).toBe(true);
    for (const id of readdirSync(out).filter((n) => n in EXPECTED)) expect(readFileSync(join(out, id, 'results.json'), 'utf8')).not.toMatch(/dlgrade-[A-Za-z0-9]{6}\//);
  });
});
