// Mistake: db taken from the first sample only, dY[0], instead of summed over the batch.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  return { dX: dY.matmul(w.T), dW: x.T.matmul(dY), db: dY.narrow(0, 0, 1).reshape([dY.shape[1]]) };
}
