// Mistake: the mean of the squared residuals (SS_res/N) over the sum SS_tot.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-6/src/index.js';

export function r2Score(yTrue: Tensor, yPred: Tensor): number {
  const mse = yTrue.sub(yPred).square().mean().item();
  const ssTot = yTrue.sub(yTrue.mean()).square().sum().item();
  return 1 - mse / ssTot;
}
