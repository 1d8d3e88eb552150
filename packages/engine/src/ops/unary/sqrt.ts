import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { div } from '../binary/div.js';
import { mul } from '../binary/mul.js';

/** d/dx √x = 1/(2√x). */
export function sqrt(x: Tensor): Tensor {
  const [input, out] = applyUnary('sqrt', x, true);
  return record(out, 'sqrt', [input], (g) => [div(g, mul(out, 2))], [out]);
}
