// Mistake: the derivative of σ taken as σ itself, forgetting the (1 − σ) factor.
import type { Tensor } from '@dlcourse/engine';
import { sigmoid } from '../../../solutions/exercise-1/src/index.js';
export * from '../../../solutions/exercise-1/src/index.js';
export function sigmoidBackward(x: Tensor, dY: Tensor): Tensor {
  return dY.mul(sigmoid(x));
}
