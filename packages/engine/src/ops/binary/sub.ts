import { record } from '../../autograd/record.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';
import { neg } from '../unary/neg.js';

export function sub(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, out] = applyBinary('sub', a, b);
  return record(out, 'sub', [ta, tb], (g) => [sumToShape(g, ta.shape), tb.requiresGrad ? sumToShape(neg(g), tb.shape) : null]);
}
