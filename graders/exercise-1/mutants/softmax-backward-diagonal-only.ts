// Mistake: only the diagonal of the Jacobian, dY ⊙ s(1 − s), as if each output depended on its own input alone.
import type { Tensor } from '@dlcourse/engine';
import { softmax } from '../../../solutions/exercise-1/src/index.js';
export * from '../../../solutions/exercise-1/src/index.js';
export function softmaxBackward(x: Tensor, dY: Tensor): Tensor {
  const s = softmax(x);
  return dY.mul(s).mul(s.neg().add(1));
}
