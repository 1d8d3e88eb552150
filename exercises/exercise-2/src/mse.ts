import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 2 — the mean squared error and its gradient. Formulas: ../README.md §2.3.
 * pred and target have the same shape (any shape); n is their number of elements.
 */

/** L = (1/n) Σ (pred − target)², the mean over all n elements, as a plain number (use .item()). */
export function mseLoss(pred: Tensor, target: Tensor): number {
  return notImplemented('mseLoss');
}

/** dL/dpred = 2(pred − target)/n, the shape of pred. */
export function mseBackward(pred: Tensor, target: Tensor): Tensor {
  return notImplemented('mseBackward');
}
