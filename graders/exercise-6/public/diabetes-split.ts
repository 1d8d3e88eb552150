import { loadDiabetes, trainTestSplit, type Tensor } from '@dlcourse/engine';
import { SPLIT_SEED, TEST_SIZE } from './constants.js';

export interface Split {
  xTrain: Tensor;
  xTest: Tensor;
  yTrain: Tensor;
  yTest: Tensor;
}

/** The diabetes split every submission is graded on (the grader makes it, not the student). */
export function diabetesSplit(): Split {
  const { x, y } = loadDiabetes();
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit([x, y], { testSize: TEST_SIZE, seed: SPLIT_SEED });
  return { xTrain, xTest, yTrain, yTest };
}
