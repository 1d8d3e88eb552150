import fc from 'fast-check';
import { describe } from 'vitest';
import { tensor, type Tensor } from '@dlcourse/engine';
import { arb, checkProperty, expectClose, graded, type Tolerance } from '@dlcourse/grading';
import * as student from '@submission/exercise-6';
import { rubric } from '../rubric.js';
import { r2 } from './closed-form.js';

const { items } = rubric;
/** float64 inputs and the same sums in another order: only rounding differs. */
const tolerance: Tolerance = { relative: 1e-9, absolute: 1e-9 };

function vector(values: number[]): Tensor {
  return arb.printable(tensor(Float64Array.from(values)));
}

function expectR2(yTrue: number[], yPred: number[], expected: number, what: string): void {
  const got = student.r2Score(vector(yTrue), vector(yPred)) as unknown;
  expectClose(got, expected, { fn: 'r2Score', what, inputs: { yTrue: vector(yTrue), yPred: vector(yPred) }, tolerance });
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** yTrue of 2–30 values, not all equal (so SS_tot > 0), and a yPred of the same length. */
const pairs = fc.integer({ min: 2, max: 30 }).chain((n) =>
  fc
    .record({
      yTrue: fc.array(arb.value({ min: -50, max: 50, step: 1 / 16 }), { minLength: n, maxLength: n }),
      yPred: fc.array(arb.value({ min: -50, max: 50, step: 1 / 16 }), { minLength: n, maxLength: n }),
    })
    .map(({ yTrue, yPred }) => ({ yTrue: yTrue[0] === yTrue[1] ? [yTrue[0] + 1, ...yTrue.slice(1)] : yTrue, yPred })),
);

describe('r2Score', () => {
  graded(items.r2Score, () => {
    expectR2([1, 2, 3, 4], [1, 2, 3, 4], 1, 'R² of a perfect prediction');
    expectR2([1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5], 0, 'R² of predicting the mean ȳ every time');
    expectR2([1, 2, 3, 4], [1, 2, 3, 5], 0.8, 'R² (SS_res = 1, SS_tot = 5)');
    expectR2([1, 2, 3, 4], [4, 3, 2, 1], -3, 'R² of a prediction worse than the mean (SS_res = 20, SS_tot = 5)');
    checkProperty(pairs, ({ yTrue, yPred }) => {
      expectR2(yTrue, yPred, r2(yTrue, yPred), 'R² = 1 − SS_res/SS_tot');
      expectR2(yTrue, yTrue, 1, 'R² of a perfect prediction (yPred = yTrue)');
      const m = mean(yTrue);
      expectR2(yTrue, yTrue.map(() => m), r2(yTrue, yTrue.map(() => m)), 'R² of predicting the mean ȳ every time (0)');
    });
  });
});
