import { fileURLToPath } from 'node:url';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGrader } from '../src/run/run-grader.js';
import { renderSummary } from '../src/report/console-summary.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const graderRoot = join(here, 'fixtures/demo-grader');
const submission = (name: string) => join(here, 'fixtures/submissions', name);
const grade = (name: string, extra: Partial<Parameters<typeof runGrader>[0]> = {}) =>
  runGrader({ exercise: 'demo', submission: submission(name), graderRoot, print: false, language: 'en', ...extra });

describe('runGrader on a demo grader', () => {
  it('gives full points to a correct submission and writes Gradescope results.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grading-'));
    const result = await grade('correct', { json: join(dir, 'results.json') });
    expect(result.score).toBe(6);
    expect(result.maxScore).toBe(6);
    expect(result.errors).toEqual([]);
    const gradescope = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    expect(gradescope).toMatchObject({ score: 6, max_score: 6, visibility: 'visible' });
    expect(gradescope.execution_time).toBeGreaterThan(0);
    expect(gradescope.tests).toHaveLength(3);
    expect(gradescope.tests[0]).toMatchObject({ name: 'double: values', number: 'demo.1', score: 2, max_score: 2, status: 'passed', visibility: 'visible' });
    expect(gradescope.tests[2]).toMatchObject({ visibility: 'hidden', max_score: 1 });
  });

  it("grades the students' copy, which has no hidden suites, out of the visible points", async () => {
    // Same depth as demo-grader, so the suites' relative imports still resolve.
    const publicOnly = join(here, 'fixtures/demo-grader-public-only');
    await cp(join(graderRoot, 'public'), join(publicOnly, 'public'), { recursive: true });
    await cp(join(graderRoot, 'rubric.ts'), join(publicOnly, 'rubric.ts'));
    try {
      const result = await runGrader({ exercise: 'demo', submission: submission('correct'), graderRoot: publicOnly, print: false, language: 'en' });
      expect(result).toMatchObject({ score: 5, maxScore: 5, hiddenNotRun: 1, errors: [] });
      expect(result.tests.map((t) => t.key)).toEqual(['double', 'square']);
      expect(renderSummary(result, { language: 'en' })).toMatch(/Score: 5\/5 {2}\(1 hidden test\(s\) are graded by the instructor\.\)/);
    } finally {
      await rm(publicOnly, { recursive: true, force: true });
    }
  });

  it('stops a hanging function after its time limit and still grades the other tests', async () => {
    const started = performance.now();
    const result = await grade('hangs');
    const square = result.tests.find((t) => t.key === 'square')!;
    expect(square.status).toBe('failed');
    expect(square.kind).toBe('Timeout');
    expect(square.message).toMatch(/did not finish within 1 s/);
    expect(result.score).toBe(3);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('explains a thrown non-Error value', async () => {
    const result = await grade('throws-string');
    const square = result.tests.find((t) => t.key === 'square')!;
    expect(square.message).toMatch(/threw a value that is not an Error: .*not done/);
    expect(result.score).toBe(3);
  });

  it('scores 0 with a readable reason when the submission does not load', async () => {
    const result = await grade('syntax-error');
    expect(result.score).toBe(0);
    // the hidden suite never reported either, and its point is still owed: absence is decided by
    // the grader's files, not by what a crashed run managed to report
    expect(result).toMatchObject({ maxScore: 6, hiddenNotRun: 0 });
    expect(result.tests.every((t) => t.status !== 'passed')).toBe(true);
    expect(result.errors.join('\n')).toMatch(/demo\.test\.ts/);
  });

  it('reports wrong values and wrong shapes with function, input, expected and got', async () => {
    const result = await grade('wrong');
    const double = result.tests.find((t) => t.key === 'double')!;
    expect(double.status).toBe('failed');
    expect(double.message).toMatch(/^double: the result is wrong\./);
    expect(double.message).toMatch(/input: {4}x = /);
    expect(double.message).toMatch(/expected: /);
    expect(double.message).toMatch(/got: {6}/);
    expect(double.message).toMatch(/hint: return 2x — §1/);
    const square = result.tests.find((t) => t.key === 'square')!;
    expect(square.message).toMatch(/has shape \[3, 1\] but should have shape \[3\]/);
  });

  it('names the missing index.ts when the submission folder is empty', async () => {
    await expect(grade('.')).rejects.toThrow(/No index\.ts found for demo/);
  });
});
