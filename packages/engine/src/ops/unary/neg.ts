import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';

export function neg(x: Tensor): Tensor {
  const [input, out] = applyUnary('neg', x, false);
  return record(out, 'neg', [input], (g) => [neg(g)]);
}
