import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';

/** x², d/dx = 2x. */
export function square(x: Tensor): Tensor {
  const [input, out] = applyUnary('square', x, false);
  return record(out, 'square', [input], (g) => [mul(g, mul(input, 2))], [input]);
}
