import { makeTensor } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { normalizeDim } from '../../tensor/shape.js';
import { reshape } from '../shape/reshape.js';

function argExtremum(op: 'argmax' | 'argmin', x: Tensor, dim: number | undefined, keepdim: boolean): Tensor {
  if (x.numel() === 0) throw new RangeError(`${op}: the tensor is empty.`);
  if (dim === undefined) {
    // over the flattened tensor, as torch.argmax(x)
    const flat = reshape(x, [x.numel()]);
    const storage = x.backend.reduce(op, flat.storage, flat.shape, [0], x.dtype);
    return makeTensor(storage, keepdim ? x.shape.map(() => 1) : [], 'int32', x.device);
  }
  const axis = normalizeDim(dim, x.ndim, op);
  const storage = x.backend.reduce(op, x.storage, x.shape, [axis], x.dtype);
  const shape = keepdim ? x.shape.map((d, i) => (i === axis ? 1 : d)) : x.shape.filter((_, i) => i !== axis);
  return makeTensor(storage, shape, 'int32', x.device);
}

/** Index of the largest value along dim (first one on ties), as int32. Not differentiable. */
export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtremum('argmax', x, dim, keepdim);
}

export function argmin(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtremum('argmin', x, dim, keepdim);
}
