import { record } from '../../autograd/record.js';
import { toFloatDType } from '../../tensor/dtype.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { add } from './add.js';
import { eq, ge } from './compare.js';
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
      // As torch: d/da is 0 where b = 0 (b·a^(b−1) was 0·∞ = NaN at a = 0; the exponent b−1 is
      // bumped to 0 there, so the product is b·1 = 0), and d/db is 0 where a = 0 and b ≥ 0 (it was
      // aᵇ·ln 0 = NaN or −∞; ln's argument is bumped to 1 there).
      ta.requiresGrad ? sumToShape(mul(g, mul(tb, pow(ta, add(sub(tb, 1), eq(tb, 0))))), ta.shape) : null,
      tb.requiresGrad ? sumToShape(mul(g, mul(out, log(add(ta, mul(eq(ta, 0), ge(tb, 0)))))), tb.shape) : null,
    ],
    [ta, tb, out],
  );
}
