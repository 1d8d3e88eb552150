import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResults, readResultsDir, ResultsError } from '../src/read-results.js';
import { FIXTURE_CLASS, gradescope, tempDir, writeTree } from './helpers.js';

describe('reading results', () => {
  it('reads the fixture class: <student>/<exercise>/results.json and <student>/results.json with "exercise"', async () => {
    const { records, warnings } = await readResultsDir(FIXTURE_CLASS);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(18);
    expect(records.find((r) => r.student === 'edsger')).toMatchObject({ exercise: 'exercise-2', score: 7, maxScore: 10 });
    expect(records.find((r) => r.student === 's1042' && r.exercise === 'exercise-10')).toMatchObject({ score: 12.25, maxScore: 20 });
  });

  it('names a single-layout exercise by --exercise, else by the results folder', async () => {
    const root = join(await tempDir(), 'exercise-7');
    await writeTree(root, { 'ann/results.json': gradescope(3, 4), 'ben/results.json': gradescope(4, 4) });
    expect((await readResultsDir(root)).records.map((r) => r.exercise)).toEqual(['exercise-7', 'exercise-7']);
    expect((await readResultsDir(root, { defaultExercise: 'ex7' })).records.map((r) => r.exercise)).toEqual(['ex7', 'ex7']);
  });

  it('as on Gradescope, sums tests[] when score / max_score are left out', () => {
    const r = parseResults(JSON.stringify({ tests: [{ name: 'a', score: 1, max_score: 2 }, { name: 'b', score: 0.5, max_score: 1 }] }), 'f.json');
    expect(r).toEqual({ score: 1.5, maxScore: 3, exercise: undefined });
  });

  it('warns about an exercise folder without results.json and a student with nothing', async () => {
    const root = await tempDir();
    await writeTree(root, { 'ann/exercise-1/results.json': gradescope(1, 1), 'ann/exercise-2/log.txt': 'x', 'ben/notes.txt': 'x' });
    const { records, warnings } = await readResultsDir(root);
    expect(records).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/exercise-2: no results\.json/);
    expect(warnings.join('\n')).toMatch(/ben: no results\.json found/);
  });

  const malformed: [string, string, RegExp][] = [
    ['not JSON', '{"score": 1,', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['score a string', JSON.stringify({ score: '5', max_score: 10 }), /"score" must be a finite number, got "5"/],
    ['max_score missing, no tests', JSON.stringify({ score: 5 }), /missing "max_score"/],
    ['score missing, no tests', JSON.stringify({ max_score: 5, tests: [] }), /missing "score"/],
    ['negative max', JSON.stringify({ score: 0, max_score: -1 }), /"max_score" must not be negative/],
    ['tests not an array', JSON.stringify({ score: 1, max_score: 1, tests: {} }), /"tests" must be an array/],
    ['a test score null', JSON.stringify({ score: 1, max_score: 1, tests: [{ name: 'a', score: null }] }), /"tests\[0\]\.score" must be a finite number, got null/],
    ['a bad status', JSON.stringify({ score: 1, max_score: 1, tests: [{ status: 'ok' }] }), /tests\[0\]\.status must be "passed" or "failed"/],
    ['exercise not a string', JSON.stringify({ score: 1, max_score: 1, exercise: 3 }), /"exercise" must be a non-empty string/],
  ];
  for (const [what, text, message] of malformed) {
    it(`rejects a results.json with ${what}, naming the file`, async () => {
      const root = await tempDir();
      await writeTree(root, { 'ok/exercise-1/results.json': gradescope(1, 1), 'zed/exercise-1/results.json': text });
      const file = join(root, 'zed', 'exercise-1', 'results.json');
      const error = await readResultsDir(root).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(ResultsError);
      expect((error as ResultsError).file).toBe(file);
      expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('rejects two results for one student and exercise, naming both files', async () => {
    const root = await tempDir();
    await writeTree(root, { 'ann/results.json': { ...gradescope(1, 1), exercise: 'exercise-1' }, 'ann/exercise-1/results.json': gradescope(1, 1) });
    await expect(readResultsDir(root)).rejects.toThrow(/a second result for student "ann", exercise "exercise-1" \(the first is .*ann\/exercise-1\/results\.json\)/);
  });

  it('rejects a missing results folder', async () => {
    await expect(readResultsDir('/nonexistent/results')).rejects.toThrow(/\/nonexistent\/results: not a folder/);
  });
});
