import { Adam, DataLoader, Generator, Linear, ReLU, Sequential, crossEntropy, noGrad, type Module, type Tensor } from '@dlcourse/engine';

/*
 * Exercise 5 — the notMNIST classifier, part 2 (reference solution). README §5.4–§5.6.
 */

export interface TrainOptions {
  epochs?: number;
  batchSize?: number;
  lr?: number;
  generator?: Generator;
  onEpoch?: (epoch: number, loss: number) => void;
}

export function buildModel(generator: Generator): Module {
  return new Sequential(new Linear(784, 256, { generator }), new ReLU(), new Linear(256, 10, { generator }));
}

export function train(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions = {}): number[] {
  const { epochs = 10, batchSize = 128, lr = 1e-3, generator = new Generator(0) } = options;
  const optimizer = new Adam(model.parameters(), { lr });
  const loader = new DataLoader([xTrain, yTrain], { batchSize, shuffle: true, generator });
  model.train();
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    for (const [xb, yb] of loader) {
      optimizer.zeroGrad();
      const loss = crossEntropy(model.forward(xb), yb);
      loss.backward();
      optimizer.step();
      total += loss.item() * xb.shape[0];
    }
    losses.push(total / xTrain.shape[0]);
    options.onEpoch?.(epoch, losses[epoch]);
  }
  return losses;
}

export function accuracy(model: Module, x: Tensor, y: Tensor): number {
  model.eval();
  const correct = noGrad(() => model.forward(x).argmax(1).eq(y).mean().item());
  model.train();
  return correct;
}
