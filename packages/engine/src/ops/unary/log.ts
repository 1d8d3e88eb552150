import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { div } from '../binary/div.js';

/** Natural logarithm; d/dx ln x = 1/x. */
export function log(x: Tensor): Tensor {
  const [input, out] = applyUnary('log', x, true);
  return record(out, 'log', [input], (g) => [div(g, input)], [input]);
}
