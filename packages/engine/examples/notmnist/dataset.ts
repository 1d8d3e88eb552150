import { loadNotMNIST, trainTestSplit, tensor, type LoadNotMNISTOptions, type Tensor } from '../../src/index.js';

export interface NotMNISTSplits {
  classes: string[];
  xTrain: Tensor;
  yTrain: Tensor;
  xVal: Tensor;
  yVal: Tensor;
  xTest: Tensor;
  yTest: Tensor;
}

/**
 * The lesson's data pipeline: images as rows of 784 values in [0, 1], letters A–J as 0–9,
 * then train_test_split(test_size=0.2) twice — first the test part, then validation out of
 * what is left — so 18,724 readable images give 11,983 / 2,996 / 3,745.
 */
export async function loadNotMNISTSplits(options: LoadNotMNISTOptions & { seed?: number } = {}): Promise<NotMNISTSplits> {
  const seed = options.seed ?? 42;
  const data = await loadNotMNIST(options);
  const x = tensor(data.images, { shape: [data.n, data.height * data.width] });
  const y = tensor(data.labels, { shape: [data.n] });
  const [xRest, xTest, yRest, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed });
  const [xTrain, xVal, yTrain, yVal] = trainTestSplit([xRest, yRest], { testSize: 0.2, seed });
  return { classes: data.classes, xTrain, yTrain, xVal, yVal, xTest, yTest };
}
