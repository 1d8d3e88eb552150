import { record } from '../../autograd/record.js';
import { toFloatDType } from '../../tensor/dtype.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { mul } from './mul.js';
import { neg } from '../unary/neg.js';
import { cast } from '../convert.js';
import { binaryOperands } from '../operands.js';

/** True division (int32 / int32 gives float32, as torch). d(a/b) = da/b − a·db/b². */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const [pa, pb, dtype] = binaryOperands(a, b, 'div');
  const floatType = toFloatDType(dtype);
  const [ta, tb, out] = applyBinary('div', cast(pa, floatType), cast(pb, floatType));
  return record(
    out,
    'div',
    [ta, tb],
    (g) => [
      ta.requiresGrad ? sumToShape(div(g, tb), ta.shape) : null,
      tb.requiresGrad ? sumToShape(neg(div(mul(g, out), tb)), tb.shape) : null,
    ],
    [tb, out],
  );
}
