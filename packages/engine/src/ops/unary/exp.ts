import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';

/** d/dx eˣ = eˣ: the backward reuses the output. */
export function exp(x: Tensor): Tensor {
  const [input, out] = applyUnary('exp', x, true);
  return record(out, 'exp', [input], (g) => [mul(g, out)], [out]);
}
