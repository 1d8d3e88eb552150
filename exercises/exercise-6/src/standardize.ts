import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 6 — standardising the features. Formulas and hints: ../README.md §6.2.
 *
 * Measure the mean and the standard deviation of every column on the TRAINING split only, and
 * apply those same numbers to both splits. Use tensor methods (sub, div, mean(0), square, sqrt,
 * eq, add); they make new tensors and keep the input's dtype.
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

/** §6.2 — z = (x − μ) / σ per column, with μ and σ measured on the training split only. */
export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  return notImplemented('standardize');
}
