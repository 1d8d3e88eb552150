// Mistake: the upstream gradient passed through everywhere, also where x < 0.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-1/src/index.js';
export function reluBackward(_x: Tensor, dY: Tensor): Tensor {
  return dY;
}
