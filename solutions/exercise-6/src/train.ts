import { Adam, mseLoss, type Module, type Tensor } from '@dlcourse/engine';

/*
 * Exercise 6 — full-batch training with Adam (README §6.5). Reference solution.
 */

export interface TrainOptions {
  /** Adam's learning rate η. */
  lr: number;
  /** Passes over the training data; each is one step on the whole training set. */
  epochs: number;
}

/** Trains the model in place on (xTrain, yTrain); returns the training loss (MSE) of every epoch. */
export function trainRegression(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions): number[] {
  const optimizer = new Adam(model.parameters(), { lr: options.lr });
  const losses: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    optimizer.zeroGrad();
    const prediction = model.forward(xTrain).squeeze(1);
    const loss = mseLoss(prediction, yTrain);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return losses;
}
