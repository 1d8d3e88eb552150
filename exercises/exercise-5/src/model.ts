import type { Generator, Module, Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 5 — the notMNIST classifier, part 2: the model, the training loop and the accuracy.
 * README §5.4–§5.6.
 */

/** Options of train; each has a default (README §5.5), so train(model, x, y) works as it is. */
export interface TrainOptions {
  /** Passes over the training set (default 10). */
  epochs?: number;
  /** Rows per optimizer step (default 128). */
  batchSize?: number;
  /** Adam's learning rate (default 1e-3). */
  lr?: number;
  /** Shuffles the rows at every epoch (default: a Generator of your own, seeded). */
  generator?: Generator;
  /** Called after every epoch with its index (0, 1, …) and its mean loss, e.g. to print progress. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * The classifier: 784 pixels in, 10 scores (logits) out — the baseline is
 * Linear(784, 256) → ReLU → Linear(256, 10), every layer initialised from `generator`.
 * No Softmax at the end: crossEntropy takes logits. README §5.4.
 */
export function buildModel(generator: Generator): Module {
  return notImplemented('buildModel');
}

/**
 * The lesson's loop, for every epoch and every batch: optimizer.zeroGrad(), forward,
 * crossEntropy, backward, optimizer.step(). Returns the mean loss of each epoch. README §5.5.
 */
export function train(model: Module, xTrain: Tensor, yTrain: Tensor, options: TrainOptions = {}): number[] {
  return notImplemented('train');
}

/** Share of the rows of x whose highest score is the true class y (a number in [0, 1]). README §5.6. */
export function accuracy(model: Module, x: Tensor, y: Tensor): number {
  return notImplemented('accuracy');
}
