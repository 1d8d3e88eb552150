// Mistake: returns the local derivative σ(1 − σ) without multiplying by the upstream gradient.
import type { Tensor } from '@dlcourse/engine';
import { sigmoid } from '../../../solutions/exercise-1/src/index.js';
export * from '../../../solutions/exercise-1/src/index.js';
export function sigmoidBackward(x: Tensor, _dY: Tensor): Tensor {
  const s = sigmoid(x);
  return s.mul(s.neg().add(1));
}
