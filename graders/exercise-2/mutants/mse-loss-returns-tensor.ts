// Mistake: the loss returned as a 0-d Tensor instead of a number (.item() forgotten).
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function mseLoss(pred: Tensor, target: Tensor): number {
  const diff = pred.sub(target);
  return diff.mul(diff).mean() as unknown as number;
}
