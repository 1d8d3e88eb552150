// Mistake: divides by the variance σ² instead of the standard deviation σ.
import { noGrad, type Tensor } from '@dlcourse/engine';
import type { Standardized } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  return noGrad(() => {
    const mean = xTrain.mean(0);
    const variance = xTrain.sub(mean).square().mean(0);
    const std = variance.add(variance.eq(0));
    return { xTrain: xTrain.sub(mean).div(std), xTest: xTest.sub(mean).div(std), mean, std };
  });
}
