import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 2 — a linear layer by hand. Formulas, shapes and hints: ../README.md.
 * The lecture's convention: one sample per row, Y = X·W + b with
 *   X [N, D] (N samples, D input features), W [D, M], b [M], Y [N, M].
 * Use tensor operations (matmul, T, add, mul, sum, …) and no autograd (no backward()):
 * the gradients are yours to write.
 */

/** Y = X·W + b: x [N, D], w [D, M], b [M] → Y [N, M] (b is added to every row). */
export function linearForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return notImplemented('linearForward');
}

/**
 * Given dY = dL/dY [N, M], returns the gradients of L with respect to the layer's inputs:
 *   dX = dY·Wᵀ [N, D],  dW = Xᵀ·dY [D, M],  db = Σ over the batch (dim 0) of dY [M].
 * Each gradient has the shape of its variable.
 */
export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  return notImplemented('linearBackward');
}

/**
 * Two linear layers with no activation between them, (X·W1 + b1)·W2 + b2, are one linear layer
 * X·W + b. Return that W = W1·W2 [D, M] and b = b1·W2 + b2 [M].
 * w1 [D, K], b1 [K], w2 [K, M], b2 [M].
 */
export function collapseLinear(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): { w: Tensor; b: Tensor } {
  return notImplemented('collapseLinear');
}
