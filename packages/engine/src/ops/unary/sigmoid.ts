import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';
import { sub } from '../binary/sub.js';

/** σ(x) = 1/(1+e⁻ˣ), computed without overflow for large |x|; σ' = σ(1−σ). */
export function sigmoid(x: Tensor): Tensor {
  const [input, out] = applyUnary('sigmoid', x, true);
  return record(out, 'sigmoid', [input], (g) => [mul(g, mul(out, sub(1, out)))], [out]);
}
