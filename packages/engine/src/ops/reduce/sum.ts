import { makeTensor, record } from '../../autograd/record.js';
import { toFloatDType } from '../../tensor/dtype.js';
import type { Tensor } from '../../tensor/tensor.js';
import { expand } from '../shape/expand.js';
import { reshape } from '../shape/reshape.js';
import { reductionShapes } from './reduce-shape.js';

/** Sum over dim (a number, a list, or all dims when omitted). Accumulates in float64. */
export function sum(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  const { axes, keptShape, droppedShape } = reductionShapes(x, dim, 'sum');
  const dtype = x.dtype === 'int32' ? 'int32' : toFloatDType(x.dtype);
  const storage = x.backend.reduce('sum', x.storage, x.shape, axes, dtype);
  const out = makeTensor(storage, keepdim ? keptShape : droppedShape, dtype, x.device);
  return record(out, 'sum', [x], (g) => [expand(reshape(g, keptShape), x.shape)]);
}
