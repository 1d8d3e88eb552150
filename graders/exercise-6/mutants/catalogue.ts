import type { Mutant } from '@dlcourse/grading/proof';

/** Known-wrong implementations of exercise 6 and the rubric items that must catch each. */
export const mutants: Mutant[] = [
  { file: 'predict-no-squeeze.ts', mistake: 'predict returns the [N, 1] output unsqueezed', caughtBy: ['predictShape'] },
  { file: 'predict-squeeze-all-dims.ts', mistake: 'predict uses squeeze() without a dim: one row becomes a scalar', caughtBy: ['predictShape'] },
  { file: 'standardize-test-statistics.ts', mistake: 'standardize scales the test split with its own mean and std', caughtBy: ['standardize', 'standardizeConstant'] },
  { file: 'standardize-whole-data.ts', mistake: 'standardize measures mean and std on train and test together', caughtBy: ['standardize', 'standardizeConstant'] },
  { file: 'standardize-no-zero-guard.ts', mistake: 'standardize divides by σ = 0 for a constant column (NaN, ±Infinity)', caughtBy: ['standardizeConstant'] },
  { file: 'standardize-divides-by-variance.ts', mistake: 'standardize divides by the variance σ² instead of σ', caughtBy: ['standardize', 'standardizeConstant'] },
  // A linear model does as well on this data as the net (test R² 0.481 vs 0.443: the diabetes
  // target is nearly linear in the features), so only the structural check can catch it.
  { file: 'build-model-no-relu.ts', mistake: 'buildModel leaves out the ReLU (a linear model)', caughtBy: ['buildModel'] },
  { file: 'build-model-ignores-generator.ts', mistake: 'buildModel does not pass the generator to the layers', caughtBy: ['buildModel'] },
  { file: 'train-no-zero-grad.ts', mistake: 'trainRegression never calls zeroGrad (gradients of all epochs add up)', caughtBy: ['trainAdam', 'trainDecreases', 'endToEnd'] },
  { file: 'train-step-before-backward.ts', mistake: 'trainRegression calls optimizer.step() before loss.backward()', caughtBy: ['trainAdam', 'trainDecreases', 'endToEnd'] },
  { file: 'train-returns-last-loss.ts', mistake: 'trainRegression returns only the last epoch’s loss', caughtBy: ['trainLosses', 'trainDecreases', 'trainAdam'] },
  { file: 'train-ignores-lr.ts', mistake: 'trainRegression ignores lr (Adam’s default 1e-3)', caughtBy: ['trainAdam', 'trainDecreases', 'endToEnd'] },
  { file: 'r2-inverted.ts', mistake: 'r2Score computes 1 + SS_res/SS_tot', caughtBy: ['r2Score'] },
  { file: 'r2-ssres-over-n.ts', mistake: 'r2Score divides the mean squared residual (SS_res/N) by SS_tot', caughtBy: ['r2Score'] },
];
