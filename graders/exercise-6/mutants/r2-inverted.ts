// Mistake: R² = 1 + SS_res/SS_tot (the sign flipped).
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-6/src/index.js';

export function r2Score(yTrue: Tensor, yPred: Tensor): number {
  const ssRes = yTrue.sub(yPred).square().sum().item();
  const ssTot = yTrue.sub(yTrue.mean()).square().sum().item();
  return 1 + ssRes / ssTot;
}
