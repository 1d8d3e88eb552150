// Mistake: dW = dYᵀ·X, the transpose of Xᵀ·dY: shape [M, D] instead of [D, M] (and, when D = M, wrong values).
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  return { dX: dY.matmul(w.T), dW: dY.T.matmul(x), db: dY.sum(0) };
}
