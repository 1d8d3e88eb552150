import { Adam, Generator, Linear, ReLU, Sequential, loadDiabetes, mseLoss, noGrad, trainTestSplit, type Module, type Tensor } from '../../src/index.js';

export interface RegressionOptions {
  hidden?: number;
  lr?: number;
  epochs?: number;
  seed?: number;
}

export interface RegressionResult {
  model: Module;
  trainLosses: number[];
  testLosses: number[];
  trainR2: number;
  testR2: number;
}

/** Scales every column to mean 0 and std 1 with the training rows' statistics (never the test rows'). */
export function standardize(xTrain: Tensor, xTest: Tensor): [Tensor, Tensor] {
  const mean = xTrain.mean(0, true);
  const std = xTrain.sub(mean).square().mean(0, true).sqrt();
  return [xTrain.sub(mean).div(std), xTest.sub(mean).div(std)];
}

/** R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is perfect, 0 is no better than predicting the mean. */
export function r2Score(y: Tensor, prediction: Tensor): number {
  const residual = y.sub(prediction).square().sum().item();
  const total = y.sub(y.mean()).square().sum().item();
  return 1 - residual / total;
}

/**
 * The lesson's regression: the diabetes data standardised, Linear(10, H) → ReLU → Linear(H, 1),
 * the output squeezed from [N, 1] to [N] (else MSE would broadcast it against every target),
 * full-batch Adam on MSE.
 */
export function trainDiabetesRegression(options: RegressionOptions = {}): RegressionResult {
  const { hidden = 16, lr = 0.1, epochs = 300, seed = 0 } = options;
  const { x, y } = loadDiabetes();
  const [xTrainRaw, xTestRaw, yTrain, yTest] = trainTestSplit([x, y], { testSize: 0.2, seed: 42 });
  const [xTrain, xTest] = standardize(xTrainRaw, xTestRaw);
  const g = new Generator(seed);
  const model = new Sequential(new Linear(10, hidden, { generator: g }), new ReLU(), new Linear(hidden, 1, { generator: g }));
  const optimizer = new Adam(model.parameters(), { lr });
  const predict = (input: Tensor) => model.forward(input).squeeze(1);
  const trainLosses: number[] = [];
  const testLosses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.zeroGrad();
    const loss = mseLoss(predict(xTrain), yTrain);
    loss.backward();
    optimizer.step();
    trainLosses.push(loss.item());
    testLosses.push(noGrad(() => mseLoss(predict(xTest), yTest).item()));
  }
  return {
    model,
    trainLosses,
    testLosses,
    trainR2: noGrad(() => r2Score(yTrain, predict(xTrain))),
    testR2: noGrad(() => r2Score(yTest, predict(xTest))),
  };
}
