import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 2 — the lecture's two-layer network, forward and backward by hand (no biases).
 * Formulas and shapes: ../README.md §2.4–2.5.
 *   x [N, D], w1 [D, K], w2 [K, M], y [N, M] (the targets).
 * You may call your own linearForward/linearBackward/mseLoss/mseBackward:
 *   import { … } from './linear.js';  import { … } from './mse.js';
 */

/** T = X·W1 [N, K], H = ReLU(T) [N, K], Ŷ = H·W2 [N, M], L = MSE(Ŷ, Y) (a number). */
export function twoLayerForward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { t: Tensor; h: Tensor; yPred: Tensor; loss: number } {
  return notImplemented('twoLayerForward');
}

/**
 * dL/dW1 [D, K] and dL/dW2 [K, M], by the chain rule backwards through the forward pass:
 *   dŶ = 2(Ŷ − Y)/n,  dW2 = Hᵀ·dŶ,  dH = dŶ·W2ᵀ,  dT = dH ⊙ [T > 0],  dW1 = Xᵀ·dT.
 */
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  return notImplemented('twoLayerBackward');
}
