import { DataLoader, Generator, crossEntropy, noGrad, type Module, type Tensor } from '../../src/index.js';
import type { Recipe } from './recipes.js';
import type { NotMNISTSplits } from './dataset.js';

export interface TrainResult {
  model: Module;
  /** Mean training loss of each epoch (or of each step, full batch). */
  losses: number[];
  trainAccuracy: number;
  valAccuracy: number;
  testAccuracy: number;
  seconds: number;
}

/** Share of rows whose highest score is the true class. */
export function accuracy(model: Module, x: Tensor, y: Tensor): number {
  model.eval();
  const correct = noGrad(() => model.forward(x).argmax(1).eq(y).mean().item());
  model.train();
  return correct;
}

/** The lesson's loop: zeroGrad, forward, loss, backward, step — then accuracy on every split. */
export function trainRecipe(recipe: Recipe, data: NotMNISTSplits, options: { seed?: number; onEpoch?: (epoch: number, loss: number) => void } = {}): TrainResult {
  const generator = new Generator(options.seed ?? 0);
  const model = recipe.model(generator);
  const optimizer = recipe.optimizer(model.parameters());
  const started = performance.now();
  const losses: number[] = [];
  const batches: Iterable<Tensor[]> =
    recipe.batchSize === null
      ? [[data.xTrain, data.yTrain]]
      : new DataLoader([data.xTrain, data.yTrain], { batchSize: recipe.batchSize, shuffle: true, generator: generator.fork() });
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    let total = 0;
    let count = 0;
    for (const [xb, yb] of batches) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item() * xb.shape[0];
      count += xb.shape[0];
    }
    losses.push(total / count);
    options.onEpoch?.(epoch, total / count);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    model,
    losses,
    trainAccuracy: accuracy(model, data.xTrain, data.yTrain),
    valAccuracy: accuracy(model, data.xVal, data.yVal),
    testAccuracy: accuracy(model, data.xTest, data.yTest),
    seconds,
  };
}
