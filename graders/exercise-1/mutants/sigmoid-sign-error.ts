// Mistake: 1/(1 + e^x) — the sign of the exponent lost, which is σ(−x).
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-1/src/index.js';
export function sigmoid(x: Tensor): Tensor {
  return x.exp().add(1).pow(-1);
}
