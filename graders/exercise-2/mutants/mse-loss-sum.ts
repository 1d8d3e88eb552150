// Mistake: the sum of squared errors instead of their mean.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function mseLoss(pred: Tensor, target: Tensor): number {
  const diff = pred.sub(target);
  return diff.mul(diff).sum().item();
}
