import { record } from '../../autograd/record.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';

export function mul(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, out] = applyBinary('mul', a, b);
  return record(
    out,
    'mul',
    [ta, tb],
    (g) => [ta.requiresGrad ? sumToShape(mul(g, tb), ta.shape) : null, tb.requiresGrad ? sumToShape(mul(g, ta), tb.shape) : null],
    [ta, tb],
  );
}
