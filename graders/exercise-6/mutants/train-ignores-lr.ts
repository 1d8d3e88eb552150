// Mistake: the lr option is ignored: Adam runs with its default lr = 1e-3.
import { Adam, mseLoss, type Module, type Tensor } from '@dlcourse/engine';
import type { TrainOptions } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

export function trainRegression(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions): number[] {
  const optimizer = new Adam(model.parameters());
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    optimizer.zeroGrad();
    const loss = mseLoss(model.forward(xTrain).squeeze(1), yTrain);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return losses;
}
