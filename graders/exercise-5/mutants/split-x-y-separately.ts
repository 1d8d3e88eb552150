// Mistake: x and y are split in separate calls with different seeds, so their rows no longer pair up.
import { trainTestSplit, type Tensor } from '@dlcourse/engine';
import type { Splits } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function splitData(x: Tensor, y: Tensor, seed: number): Splits {
  const [xRest, xTest] = trainTestSplit([x], { testSize: 0.2, seed });
  const [xTrain, xVal] = trainTestSplit([xRest], { testSize: 0.2, seed });
  const [yRest, yTest] = trainTestSplit([y], { testSize: 0.2, seed: seed + 1 });
  const [yTrain, yVal] = trainTestSplit([yRest], { testSize: 0.2, seed: seed + 1 });
  return { xTrain, yTrain, xVal, yVal, xTest, yTest };
}
