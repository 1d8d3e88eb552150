// Mistake: σ = 0 is not guarded: a constant column gives 0/0 = NaN (and ±Infinity in the test split).
import { noGrad, type Tensor } from '@dlcourse/engine';
import type { Standardized } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  return noGrad(() => {
    const mean = xTrain.mean(0);
    const std = xTrain.sub(mean).square().mean(0).sqrt();
    return { xTrain: xTrain.sub(mean).div(std), xTest: xTest.sub(mean).div(std), mean, std };
  });
}
