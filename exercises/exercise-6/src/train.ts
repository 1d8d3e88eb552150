import type { Module, Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 6 — full-batch training with Adam. The loop and its order: ../README.md §6.5.
 *
 * Use Adam and mseLoss from '@dlcourse/engine': new Adam(model.parameters(), { lr }).
 */

export interface TrainOptions {
  /** Adam's learning rate η. */
  lr: number;
  /** Passes over the training data; each is one step on the whole training set. */
  epochs: number;
}

/**
 * §6.5 — trains the model in place on (xTrain, yTrain) with Adam, one full-batch step per epoch
 * (zeroGrad, forward, loss, backward, step), and returns the training loss (MSE) of every epoch.
 */
export function trainRegression(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions): number[] {
  return notImplemented('trainRegression');
}
