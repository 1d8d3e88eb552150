import { describe } from 'vitest';
import { Generator, Tensor } from '@dlcourse/engine';
import { formatNumber, graded, GradingFailure } from '@dlcourse/grading';
import * as student from '@submission/exercise-6';
import { rubric } from '../rubric.js';
import { r2 } from './closed-form.js';
import { CLOSED_FORM_TEST_R2, EPOCHS, HIDDEN, LR, MODEL_SEED, R2_THRESHOLD, REFERENCE_TEST_R2, SPLIT_SEED, TEST_SIZE } from './constants.js';
import { diabetesSplit } from './diabetes-split.js';

const { items } = rubric;

describe('the whole pipeline on the diabetes data', () => {
  graded(items.endToEnd, () => {
    const { xTrain, xTest, yTrain, yTest } = diabetesSplit();
    const inputs = {
      data: `diabetes, trainTestSplit testSize ${TEST_SIZE}, seed ${SPLIT_SEED}: ${xTrain.shape[0]} training rows, ${xTest.shape[0]} test rows`,
      pipeline: `standardize → buildModel(10, ${HIDDEN}, new Generator(${MODEL_SEED})) → trainRegression({ lr: ${LR}, epochs: ${EPOCHS} }) → predict(test rows)`,
    };
    const scaled = student.standardize(xTrain, xTest);
    const model = student.buildModel(10, HIDDEN, new Generator(MODEL_SEED));
    const started = performance.now();
    student.trainRegression(model, scaled.xTrain, yTrain, { lr: LR, epochs: EPOCHS });
    const seconds = (performance.now() - started) / 1000;
    const prediction = student.predict(model, scaled.xTest) as unknown;
    if (!(prediction instanceof Tensor) || prediction.numel() !== yTest.numel()) {
      throw new GradingFailure({ fn: 'predict', problem: `it should return ${yTest.numel()} predictions for the ${yTest.numel()} test rows.`, inputs, got: prediction });
    }
    const score = r2(yTest.toArray(), prediction.toArray());
    if (!(score > R2_THRESHOLD)) {
      throw new GradingFailure({
        fn: 'trainRegression',
        problem: `the test R² is ${Number.isNaN(score) ? 'NaN' : formatNumber(score)}; it should be above ${R2_THRESHOLD}.`,
        inputs,
        detail:
          `for comparison: the reference solution gets ${REFERENCE_TEST_R2}, least squares (closed form) ${CLOSED_FORM_TEST_R2}; ` +
          `training took ${formatNumber(seconds)} s. A negative R² usually means the model barely moved (lr ignored, step before backward).`,
      });
    }
  });
});
