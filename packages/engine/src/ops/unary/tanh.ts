import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { mul } from '../binary/mul.js';
import { sub } from '../binary/sub.js';

/** tanh' = 1 − tanh². */
export function tanh(x: Tensor): Tensor {
  const [input, out] = applyUnary('tanh', x, true);
  return record(out, 'tanh', [input], (g) => [mul(g, sub(1, mul(out, out)))], [out]);
}
