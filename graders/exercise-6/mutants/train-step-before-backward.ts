// Mistake: optimizer.step() before loss.backward(): right after zeroGrad every .grad is null, so
// the step does nothing and the model never moves.
import { Adam, mseLoss, type Module, type Tensor } from '@dlcourse/engine';
import type { TrainOptions } from '../../../solutions/exercise-6/src/index.js';
export * from '../../../solutions/exercise-6/src/index.js';

export function trainRegression(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions): number[] {
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    optimizer.zeroGrad();
    const loss = mseLoss(model.forward(xTrain).squeeze(1), yTrain);
    optimizer.step();
    loss.backward();
    losses.push(loss.item());
  }
  return losses;
}
