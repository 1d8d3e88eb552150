// Mistake: σ′ written as e^(−x)/(1 + e^(−x))², exact on paper, ∞/∞ = NaN once e^(−x) overflows.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-1/src/index.js';
export function sigmoidBackward(x: Tensor, dY: Tensor): Tensor {
  const e = x.neg().exp();
  return dY.mul(e.div(e.add(1).square()));
}
