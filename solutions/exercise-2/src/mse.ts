import type { Tensor } from '@dlcourse/engine';

/* Reference solution of exercise 2, the mean squared error over all n elements. */

export function mseLoss(pred: Tensor, target: Tensor): number {
  const diff = pred.sub(target);
  return diff.mul(diff).mean().item();
}

/** ∂/∂pred_i of (1/n) Σ_j (pred_j − target_j)² = 2(pred_i − target_i)/n. */
export function mseBackward(pred: Tensor, target: Tensor): Tensor {
  return pred.sub(target).mul(2 / pred.numel());
}
