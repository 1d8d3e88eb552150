import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';
import { gt } from '../binary/compare.js';

/** max(x, 0); the gradient passes where x > 0 (0 at x = 0, as torch). */
export function relu(x: Tensor): Tensor {
  const [input, out] = applyUnary('relu', x, false);
  return record(out, 'relu', [input], (g) => [mul(g, gt(input, 0))], [input]);
}
