import { record } from '../../autograd/record.js';
import { toFloatDType } from '../../tensor/dtype.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { log } from '../unary/log.js';
import { cast } from '../convert.js';
import { binaryOperands } from '../operands.js';

/**
 * aᵇ, elementwise. d/da = b·aᵇ⁻¹; d/db = aᵇ·ln a (only computed when b needs a gradient, so a
 * negative base with a constant exponent is fine).
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const [pa, pb, dtype] = binaryOperands(a, b, 'pow');
  const floatType = typeof b === 'number' && Number.isInteger(b) && b >= 0 ? dtype : toFloatDType(dtype);
  const [ta, tb, out] = applyBinary('pow', cast(pa, floatType), cast(pb, floatType));
  return record(
    out,
    'pow',
    [ta, tb],
    (g) => [
      ta.requiresGrad ? sumToShape(mul(g, mul(tb, pow(ta, sub(tb, 1)))), ta.shape) : null,
      tb.requiresGrad ? sumToShape(mul(g, mul(out, log(ta))), tb.shape) : null,
    ],
    [ta, tb, out],
  );
}
