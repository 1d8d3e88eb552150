import { record } from '../../autograd/record.js';
import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { applyBinary } from './apply-binary.js';
import { sumToShape } from './sum-to-shape.js';

export function add(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb, out] = applyBinary('add', a, b);
  return record(out, 'add', [ta, tb], (g) => [sumToShape(g, ta.shape), sumToShape(g, tb.shape)]);
}
