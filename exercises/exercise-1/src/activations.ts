import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 1 — activations. Formulas and hints: ../README.md.
 * Use tensor operations (exp, add, mul, div, sub, maximum, gt, sum, max, …), not the engine's
 * own sigmoid/tanh/relu/softmax of the same name, and no autograd (no backward()).
 *
 * Each *Backward function gets the input x and the upstream gradient dY = dL/dY of the
 * activation's output Y, and returns dL/dX (same shape as x).
 */

/** σ(x) = 1 / (1 + e^(−x)), elementwise. */
export function sigmoid(x: Tensor): Tensor {
  return notImplemented('sigmoid');
}

/** dL/dX = dY ⊙ σ(x) ⊙ (1 − σ(x)). */
export function sigmoidBackward(x: Tensor, dY: Tensor): Tensor {
  return notImplemented('sigmoidBackward');
}

/** tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), elementwise, finite for any x. */
export function tanh(x: Tensor): Tensor {
  return notImplemented('tanh');
}

/** dL/dX = dY ⊙ (1 − tanh²(x)). */
export function tanhBackward(x: Tensor, dY: Tensor): Tensor {
  return notImplemented('tanhBackward');
}

/** ReLU(x) = max(x, 0), elementwise. */
export function relu(x: Tensor): Tensor {
  return notImplemented('relu');
}

/** dL/dX = dY where x > 0, else 0. */
export function reluBackward(x: Tensor, dY: Tensor): Tensor {
  return notImplemented('reluBackward');
}

/** softmax over the last dim: s_i = e^(x_i − max x) / Σ_j e^(x_j − max x). */
export function softmax(x: Tensor): Tensor {
  return notImplemented('softmax');
}

/** dL/dX = s ⊙ (dY − Σ_j dY_j s_j), row by row (the sum over the last dim, kept). */
export function softmaxBackward(x: Tensor, dY: Tensor): Tensor {
  return notImplemented('softmaxBackward');
}
