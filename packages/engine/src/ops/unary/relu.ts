import { record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { applyUnary } from './apply-unary.js';
import { gt } from '../binary/compare.js';
import { writeBinary } from '../write-in-place.js';

/**
 * max(x, 0); the gradient passes where x > 0 (0 at x = 0, as torch). The backward multiplies
 * into the mask it just made (nothing else holds it), one allocation instead of two.
 */
export function relu(x: Tensor): Tensor {
  const [input, out] = applyUnary('relu', x, false);
  return record(
    out,
    'relu',
    [input],
    (g) => {
      const mask = gt(input, 0);
      return [writeBinary(mask, 'mul', g, mask)];
    },
    [input],
  );
}
