// Mistake: mean and std measured on train and test together (the test set leaks into the scaling).
import { cat, noGrad, type Tensor } from '@dlcourse/engine';
import type { Standardized } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

export function standardize(xTrain: Tensor, xTest: Tensor): Standardized {
  return noGrad(() => {
    const all = cat([xTrain, xTest], 0);
    const mean = all.mean(0);
    const spread = all.sub(mean).square().mean(0).sqrt();
    const std = spread.add(spread.eq(0));
    return { xTrain: xTrain.sub(mean).div(std), xTest: xTest.sub(mean).div(std), mean, std };
  });
}
