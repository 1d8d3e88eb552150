import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 6 — the coefficient of determination. Formula: ../README.md §6.6.
 */

/** §6.6 — R² = 1 − SS_res / SS_tot, SS_res = Σ(y − ŷ)², SS_tot = Σ(y − ȳ)²; returns a number. */
export function r2Score(yTrue: Tensor, yPred: Tensor): number {
  return notImplemented('r2Score');
}
