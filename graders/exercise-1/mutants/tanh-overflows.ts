// Mistake: the textbook quotient (e^x − e^−x)/(e^x + e^−x), which is ∞/∞ = NaN for |x| ≳ 710.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-1/src/index.js';
export function tanh(x: Tensor): Tensor {
  const a = x.exp();
  const b = x.neg().exp();
  return a.sub(b).div(a.add(b));
}
