import { DataLoader, Generator, crossEntropy, noGrad, progressBar, type Module, type ProgressBar, type Tensor } from '../../src/index.js';
import type { Recipe } from './recipes.js';
import type { NotMNISTSplits } from './dataset.js';

export interface TrainResult {
  model: Module;
  /** Mean training loss of each epoch (or of each step, full batch). */
  losses: number[];
  /** Validation loss after each epoch (or step), in eval mode; only with the `valLoss` option. */
  valLosses?: number[];
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

export interface TrainOptions {
  seed?: number;
  onEpoch?: (epoch: number, loss: number) => void;
  /**
   * Show a progress bar (engine's `progressBar`): one per epoch over its batches, or one over all
   * steps when full batch. On a TTY outside CI it draws; elsewhere it prints nothing (onEpoch's lines
   * are the log). It only reads the losses, so results are the same with or without it.
   */
  progress?: boolean;
  /** Also compute the validation loss after every epoch (eval mode, no graph; uses no randomness). */
  valLoss?: boolean;
}

/** The lesson's loop: zeroGrad, forward, loss, backward, step — then accuracy on every split. */
export function trainRecipe(recipe: Recipe, data: NotMNISTSplits, options: TrainOptions = {}): TrainResult {
  const generator = new Generator(options.seed ?? 0);
  const model = recipe.model(generator);
  const optimizer = recipe.optimizer(model.parameters());
  const started = performance.now();
  const losses: number[] = [];
  const valLosses: number[] = [];
  const loader =
    recipe.batchSize === null
      ? null
      : new DataLoader([data.xTrain, data.yTrain], { batchSize: recipe.batchSize, shuffle: true, generator: generator.fork() });
  const batches: Iterable<Tensor[]> = loader ?? [[data.xTrain, data.yTrain]];
  // Full batch: one bar over all steps; with batches: one bar per epoch (quiet when not a TTY).
  const stepsBar = options.progress && loader === null ? progressBar({ total: recipe.epochs, label: 'steps', quietSteps: 0, quietSummary: false }) : null;
  for (let epoch = 0; epoch < recipe.epochs; epoch++) {
    let total = 0;
    let count = 0;
    let bar: ProgressBar | null = null;
    if (options.progress && loader !== null) {
      bar = progressBar({ total: loader.length, label: `epoch ${epoch + 1}/${recipe.epochs}`, quietSteps: 0, quietSummary: false });
    }
    let batch = 0;
    for (const [xb, yb] of batches) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item() * xb.shape[0];
      count += xb.shape[0];
      bar?.update(++batch, { loss: total / count });
    }
    bar?.stop();
    losses.push(total / count);
    if (options.valLoss) {
      model.eval();
      valLosses.push(noGrad(() => crossEntropy(model.forward(data.xVal), data.yVal).item()));
      model.train();
    }
    stepsBar?.update(epoch + 1, { loss: total / count });
    options.onEpoch?.(epoch, total / count);
  }
  stepsBar?.stop();
  const seconds = (performance.now() - started) / 1000;
  return {
    model,
    losses,
    ...(options.valLoss ? { valLosses } : {}),
    trainAccuracy: accuracy(model, data.xTrain, data.yTrain),
    valAccuracy: accuracy(model, data.xVal, data.yVal),
    testAccuracy: accuracy(model, data.xTest, data.yTest),
    seconds,
  };
}
