import { describe, expect, test } from 'vitest';
import { Generator } from '@dlcourse/engine';
import * as reference from '../../solutions/exercise-6/src/index.js';
import { leastSquares, linearPredict, r2 } from './public/closed-form.js';
import { CLOSED_FORM_TEST_R2, EPOCHS, HIDDEN, LR, MARGIN, MODEL_SEED, R2_THRESHOLD, REFERENCE_TEST_R2 } from './public/constants.js';
import { diabetesSplit } from './public/diabetes-split.js';

/*
 * The figures the end-to-end threshold is set from (public/constants.ts), measured again: if
 * the data, the split, the engine or the reference solution change, this fails and says what
 * to write into constants.ts and README §6.7.
 */
describe('exercise-6 end-to-end threshold', () => {
  const split = diabetesSplit();

  test('the split has 353 training and 89 test rows', () => {
    expect([split.xTrain.shape[0], split.xTest.shape[0]]).toEqual([353, 89]);
  });

  test(`least squares (normal equations, float64) gets test R² ${CLOSED_FORM_TEST_R2}`, () => {
    const beta = leastSquares(split.xTrain.double(), split.yTrain.double());
    const score = r2(split.yTest.toArray(), linearPredict(beta, split.xTest.double()));
    expect(score).toBeCloseTo(CLOSED_FORM_TEST_R2, 4);
    // Sanity of the solver: on the training rows, the residuals are orthogonal to every column.
    const residual = linearPredict(beta, split.xTrain.double()).map((p, i) => split.yTrain.toArray()[i] - p);
    expect(Math.abs(residual.reduce((a, b) => a + b, 0))).toBeLessThan(1e-6);
  });

  test(`the reference solution gets test R² ${REFERENCE_TEST_R2}, well above the threshold ${R2_THRESHOLD}`, () => {
    const scaled = reference.standardize(split.xTrain, split.xTest);
    const model = reference.buildModel(10, HIDDEN, new Generator(MODEL_SEED));
    reference.trainRegression(model, scaled.xTrain, split.yTrain, { lr: LR, epochs: EPOCHS });
    const score = r2(split.yTest.toArray(), reference.predict(model, scaled.xTest).toArray());
    expect(score).toBeCloseTo(REFERENCE_TEST_R2, 3);
    expect(R2_THRESHOLD).toBe(Math.floor((Math.min(REFERENCE_TEST_R2, CLOSED_FORM_TEST_R2) - MARGIN) * 100) / 100);
    expect(R2_THRESHOLD).toBe(0.39);
  });
});
