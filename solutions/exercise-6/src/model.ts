import { Linear, noGrad, ReLU, Sequential, type Generator, type Module, type Tensor } from '@dlcourse/engine';

/*
 * Exercise 6 — the network and its predictions (README §6.3, §6.4). Reference solution.
 */

/** Linear(inFeatures, hidden) → ReLU → Linear(hidden, 1), initialised from `generator`. */
export function buildModel(inFeatures: number, hidden: number, generator: Generator): Module {
  return new Sequential(new Linear(inFeatures, hidden, { generator }), new ReLU(), new Linear(hidden, 1, { generator }));
}

/** The model's predictions for the rows of x, as a vector: [N, 1] squeezed to [N]. */
export function predict(model: Module, x: Tensor): Tensor {
  return noGrad(() => model.forward(x).squeeze(1));
}
