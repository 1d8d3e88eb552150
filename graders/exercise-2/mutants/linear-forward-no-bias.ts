// Mistake: the bias forgotten, Y = X·W.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function linearForward(x: Tensor, w: Tensor, _b: Tensor): Tensor {
  return x.matmul(w);
}
