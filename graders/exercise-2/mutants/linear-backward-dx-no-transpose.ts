// Mistake: dX = dY·W without transposing W (a shape error unless D = M, and wrong values when D = M).
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  return { dX: dY.matmul(w), dW: x.T.matmul(dY), db: dY.sum(0) };
}
