import type { Generator, Module, Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 6 — the network and its predictions. Hints: ../README.md §6.3 and §6.4.
 *
 * Use the engine's layers: Sequential, Linear, ReLU from '@dlcourse/engine'.
 */

/** §6.3 — Linear(inFeatures, hidden) → ReLU → Linear(hidden, 1); every Linear gets { generator }. */
export function buildModel(inFeatures: number, hidden: number, generator: Generator): Module {
  return notImplemented('buildModel');
}

/** §6.4 — the model's predictions for the rows of x as a vector: its [N, 1] output squeezed to [N]. */
export function predict(model: Module, x: Tensor): Tensor {
  return notImplemented('predict');
}
