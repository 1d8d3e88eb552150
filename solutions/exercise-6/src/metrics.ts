import type { Tensor } from '@dlcourse/engine';

/*
 * Exercise 6 — the coefficient of determination (README §6.6). Reference solution.
 */

/** R² = 1 − SS_res / SS_tot, SS_res = Σ(y − ŷ)², SS_tot = Σ(y − ȳ)². */
export function r2Score(yTrue: Tensor, yPred: Tensor): number {
  const ssRes = yTrue.sub(yPred).square().sum().item();
  const ssTot = yTrue.sub(yTrue.mean()).square().sum().item();
  return 1 - ssRes / ssTot;
}
