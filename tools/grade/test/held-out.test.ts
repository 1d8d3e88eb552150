import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SEED, REPO_ROOT, loadRubric } from '@dlcourse/grading/runner';
import type { Rubric } from '@dlcourse/grading';
import { gradeClass } from '../src/grade-class.js';
import { readResults } from './support/read-results.js';
import { fresh } from './support/temp-dirs.js';

/*
 * Exercise 5's accuracy items in batch grading: the student's process gets the training split
 * and the test images but never the test labels; it sends its predictions and grade-one, which
 * holds the labels, judges (graders/exercise-5/held-out.ts). Three students: the reference, a
 * model too small for full credit (judged from its predictions), and one whose train() looks
 * for the labels first.
 */
const SOLUTION = join(REPO_ROOT, 'solutions', 'exercise-5', 'src');
let out: string;
let rubric: Rubric;

/** train() of the reference, after trying every way to the labels a student might find. */
const PEEKS = `
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { train as honestTrain } from './model.js';
export { readImages, encodeLabels, splitData } from './data.js';
export { buildModel, accuracy } from './model.js';
export function train(...args) {
  const split = process.env.DLCOURSE_HELD_OUT_DIR;
  const repo = process.execArgv.find((a) => a.endsWith('/packages/engine')).split('=')[1].replace(/\\/packages\\/engine$/, '');
  for (const read of [() => readdirSync(join(split, '..', 'key')), () => readFileSync(join(split, '..', 'key', 'y-test.i32')), () => readdirSync(join(repo, 'node_modules', '.cache', 'dlcourse-test'))]) {
    let got;
    try {
      got = read();
    } catch (error) {
      continue; // denied, as it must be
    }
    throw new Error('read the held-out labels: ' + String(got).slice(0, 40));
  }
  return honestTrain(...args);
}
`;

beforeAll(async () => {
  const classDir = fresh('held-out-class');
  out = fresh('held-out-out');
  rubric = await loadRubric('exercise-5');
  const src = (id: string) => join(classDir, id, 'exercises', 'exercise-5', 'src');
  for (const id of ['right', 'small-model', 'peeks']) cpSync(SOLUTION, src(id), { recursive: true });
  writeFileSync(
    join(src('small-model'), 'index.ts'),
    `export { readImages, encodeLabels, splitData } from './data.js';
export { train, accuracy } from './model.js';
import { Linear, ReLU, Sequential, type Generator } from '@dlcourse/engine';
// 8 hidden units: about 0.88 on the test split, partial credit only
export const buildModel = (generator: Generator) => new Sequential(new Linear(784, 8, { generator }), new ReLU(), new Linear(8, 10, { generator }));
`,
  );
  writeFileSync(join(src('peeks'), 'index.ts'), `// @ts-nocheck\n${PEEKS}`);
  await gradeClass({ submissions: classDir, out, exercises: ['5'], jobs: 2, timeoutMs: 300_000, testTimeoutMs: 200_000, memoryMb: 2048, seed: DEFAULT_SEED, language: 'en', quiet: true });
}, 600_000);

const item = (id: string, key: string) => {
  const title = rubric.items[key]!.title;
  return readResults(out, id, 'exercise-5').tests.find((t) => t.name === (typeof title === 'string' ? title : title.en))!;
};

describe('exercise 5 judged with labels the student never sees', () => {
  test('the reference earns every point, its accuracy judged in the trusted process', () => {
    expect(readResults(out, 'right', 'exercise-5').score).toBe(rubric.maxScore);
  });

  test('a model too small is judged from its predictions: partial credit, and the accuracy it reached', () => {
    expect(item('small-model', 'testAccuracyPartial').status).toBe('passed');
    const full = item('small-model', 'testAccuracyFull');
    expect(full.status).toBe('failed');
    expect(full.output).toMatch(/test accuracy 0\.8\d+ on 3745 held-out images .*below 0\.9/);
  });

  test('the labels cannot be read from the student’s process: the key folder and the engine’s cache are denied', () => {
    for (const key of ['testAccuracyPartial', 'testAccuracyFull']) {
      const result = item('peeks', key);
      expect(result.status).toBe('passed'); // every read failed, so it trained honestly
    }
  });
});
