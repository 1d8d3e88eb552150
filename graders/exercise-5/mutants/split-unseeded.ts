// Mistake: the seed argument is ignored; every call draws its own from Math.random.
import { trainTestSplit, type Tensor } from '@dlcourse/engine';
import type { Splits } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function splitData(x: Tensor, y: Tensor, _seed: number): Splits {
  const seed = Math.floor(Math.random() * 1e9);
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed });
  return { xTrain, yTrain, xVal, yVal, xTest, yTest };
}
