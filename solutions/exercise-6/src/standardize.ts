import { noGrad, type Tensor } from '@dlcourse/engine';

/*
 * Exercise 6 — standardising the features (README §6.2). Reference solution.
 */

export interface Standardized {
  /** (xTrain − mean) / std: [N_train, D]. */
  xTrain: Tensor;
  /** (xTest − mean) / std with the TRAINING mean and std: [N_test, D]. */
  xTest: Tensor;
  /** The mean of each column of xTrain: [D]. */
  mean: Tensor;
  /** The standard deviation of each column of xTrain (population, divide by N), 0 replaced by 1: [D]. */
  std: Tensor;
}

/** z = (x − μ) / σ per column, with μ and σ measured on the training split only. */
export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  return noGrad(() => {
    const mean = xTrain.mean(0);
    const spread = xTrain.sub(mean).square().mean(0).sqrt();
    // A column that is constant in the training split has σ = 0: divide by 1 there (as scikit-learn).
    const std = spread.add(spread.eq(0));
    return { xTrain: xTrain.sub(mean).div(std), xTest: xTest.sub(mean).div(std), mean, std };
  });
}
