import { describe } from 'vitest';
import { tensor } from '@dlcourse/engine';
import { expectClose, formatNumber, graded, GradingFailure, type Tolerance } from '@dlcourse/grading';
import * as student from '@submission/exercise-6';
import { rubric } from '../rubric.js';
import { currentLoss, graderModel, lossList, parameterValues, referenceTrain, syntheticProblem } from './helpers.js';

/*
 * trainRegression is graded on the grader's own model (helpers.ts), so these items depend only
 * on the training loop (README §6.5), not on the submission's buildModel.
 */

const { items } = rubric;
/**
 * The same float32 operations in the same order give the same numbers: both alternatives (the
 * loss as mean((ŷ − y)²) by hand, model.zeroGrad(), reshape instead of squeeze) agree with the
 * reference bit for bit (measured). 1e-4 leaves room for a reordered sum; the known mistakes
 * are off by far more (no zeroGrad, step before backward, lr ignored).
 */
const trajectory: Tolerance = { relative: 1e-4, absolute: 1e-6 };
const FEATURES = 4;
const HIDDEN = 8;
const MODEL = `Linear(${FEATURES} → ${HIDDEN}) → ReLU → Linear(${HIDDEN} → 1)`;

describe('trainRegression', () => {
  graded(items.trainLosses, () => {
    const problem = syntheticProblem(40, FEATURES, 1);
    for (const epochs of [1, 3, 20]) {
      const model = graderModel(FEATURES, HIDDEN, 5);
      const untrained = currentLoss(model, problem.x, problem.y);
      const inputs = { model: `${MODEL}, untrained`, data: problem.description, options: { lr: 0.01, epochs } };
      const losses = lossList(student.trainRegression(model, problem.x, problem.y, { lr: 0.01, epochs }), 'trainRegression', inputs);
      if (losses.length !== epochs) {
        throw new GradingFailure({ fn: 'trainRegression', problem: `it returned ${losses.length} losses for ${epochs} epochs; it should return one per epoch.`, inputs, got: losses });
      }
      expectClose(losses[0], untrained, {
        fn: 'trainRegression',
        what: 'losses[0] (the MSE of the first forward pass, before any step: the untrained model’s loss)',
        inputs,
        tolerance: { relative: 1e-5, absolute: 1e-6 },
      });
    }
  });

  graded(items.trainDecreases, () => {
    const problem = syntheticProblem(64, FEATURES, 2);
    const model = graderModel(FEATURES, HIDDEN, 6);
    const options = { lr: 0.05, epochs: 150 };
    const inputs = { model: MODEL, data: problem.description, options };
    const losses = lossList(student.trainRegression(model, problem.x, problem.y, options), 'trainRegression', inputs);
    const first = losses[0];
    const last = currentLoss(model, problem.x, problem.y);
    // The reference ends at 0.0014·first (measured); a model that never moves stays at first.
    if (!(last < 0.1 * first)) {
      throw new GradingFailure({
        fn: 'trainRegression',
        problem: `after ${options.epochs} epochs the model's training MSE is ${formatNumber(last)}; it started at ${formatNumber(first)} and should fall below a tenth of that.`,
        inputs,
        detail: `the returned losses: ${losses.filter((_, i) => i % 15 === 0).map(formatNumber).join(', ')}, … (every 15th)`,
      });
    }
  });

  graded(items.trainAdam, () => {
    const problem = syntheticProblem(48, FEATURES, 3);
    for (const lr of [0.02, 0.003]) {
      const epochs = 30;
      const inputs = { model: MODEL, data: problem.description, options: { lr, epochs } };
      const model = graderModel(FEATURES, HIDDEN, 9);
      const before = parameterValues(model);
      const losses = lossList(student.trainRegression(model, problem.x, problem.y, { lr, epochs }), 'trainRegression', inputs);
      const after = parameterValues(model);
      if (after.every((v, i) => v === before[i])) {
        throw new GradingFailure({
          fn: 'trainRegression',
          problem: `no parameter of the model changed in ${epochs} epochs: call optimizer.step() after loss.backward(), on an Adam made from model.parameters().`,
          inputs,
        });
      }
      // The same model, the same data, the reference loop of README §6.5.
      const twin = graderModel(FEATURES, HIDDEN, 9);
      const expected = referenceTrain(twin, problem.x, problem.y, lr, epochs);
      expectClose(losses, expected, {
        fn: 'trainRegression',
        what: `the losses of the ${epochs} epochs (full-batch Adam with lr = ${lr}: zeroGrad, forward, loss, backward, step)`,
        inputs,
        tolerance: trajectory,
      });
      expectClose(tensor(Float64Array.from(after)), tensor(Float64Array.from(parameterValues(twin))), {
        fn: 'trainRegression',
        what: `the model's parameters after ${epochs} epochs`,
        inputs,
        tolerance: trajectory,
      });
      // Deterministic: the same start gives the same run.
      const again = lossList(student.trainRegression(graderModel(FEATURES, HIDDEN, 9), problem.x, problem.y, { lr, epochs }), 'trainRegression', inputs);
      expectClose(again, losses, { fn: 'trainRegression', what: 'the losses of a second run from the same model (training must be deterministic)', inputs, tolerance: { relative: 0, absolute: 0 } });
    }
  });
});
