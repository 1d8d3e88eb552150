import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';

/** d/dx |x| = sign(x) (0 at 0, as torch). */
export function abs(x: Tensor): Tensor {
  const [input, out] = applyUnary('abs', x, false);
  return record(out, 'abs', [input], (g) => [mul(g, applyUnary('sign', input, false)[1])], [input]);
}
