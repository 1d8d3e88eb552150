// Mistake: shuffle: false — the test part is the last 20 % of the rows (all I and J in notMNIST).
import { trainTestSplit, type Tensor } from '@dlcourse/engine';
import type { Splits } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function splitData(x: Tensor, y: Tensor, _seed: number): Splits {
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, shuffle: false });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit([xRest, yRest], { testSize: 0.2, shuffle: false });
  return { xTrain, yTrain, xVal, yVal, xTest, yTest };
}
