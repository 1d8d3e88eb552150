// Mistake: tanh′ written as 1 − tanh instead of 1 − tanh².
import type { Tensor } from '@dlcourse/engine';
import { tanh } from '../../../solutions/exercise-1/src/index.js';
export * from '../../../solutions/exercise-1/src/index.js';
export function tanhBackward(x: Tensor, dY: Tensor): Tensor {
  return dY.mul(tanh(x).neg().add(1));
}
