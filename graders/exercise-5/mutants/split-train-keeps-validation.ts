// Mistake: the training part is everything left after the test split, validation rows included.
import { trainTestSplit, type Tensor } from '@dlcourse/engine';
import type { Splits } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed });
  const [, xVal, , yVal] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed });
  return { xTrain: xRest, yTrain: yRest, xVal, yVal, xTest, yTest };
}
