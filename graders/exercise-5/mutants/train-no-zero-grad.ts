// Mistake: optimizer.zeroGrad() is never called, so every step uses the sum of all gradients so far.
import { Adam, DataLoader, Generator, crossEntropy, type Module, type Tensor } from '@dlcourse/engine';
import type { TrainOptions } from '../../../solutions/exercise-5/src/index.js';
export * from '../../../solutions/exercise-5/src/index.js';

export function train(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions = {}): number[] {
  const { epochs = 10, batchSize = 128, lr = 1e-3, generator = new Generator(0) } = options;
  const optimizer = new Adam(model.parameters(), { lr });
  const loader = new DataLoader([xTrain, yTrain], { batchSize, shuffle: true, generator });
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const [xb, yb] of loader) {
      const loss = crossEntropy(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item() * xb.shape[0];
    }
    losses.push(total / xTrain.shape[0]);
  }
  return losses;
}
