// Mistake: one 60/20/20 split (testSize 0.4, then half of it for validation) instead of 0.2 twice.
import { trainTestSplit, type Tensor } from '@dlcourse/engine';
import type { Splits } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  const [xTrain, xHeld, yTrain, yHeld] = trainTestSplit([x, y], { testSize: 0.4, seed });
  const [xVal, xTest, yVal, yTest] = trainTestSplit([xHeld, yHeld], { testSize: 0.5, seed });
  return { xTrain, yTrain, xVal, yVal, xTest, yTest };
}
