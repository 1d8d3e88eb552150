import { makeTensor, record } from '../../autograd/record.js';
import { contiguousStrides, normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';

/** Reorders dims: out.shape[i] = x.shape[dims[i]]. Copies into the new layout. */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim) {
    throw new RangeError(`permute: got ${dims.length} dims [${dims.join(', ')}] for a tensor with ${x.ndim} dims; name every dim once.`);
  }
  const order = dims.map((d) => normalizeDim(d, x.ndim, 'permute'));
  if (new Set(order).size !== order.length) throw new RangeError(`permute: dims [${dims.join(', ')}] repeat a dim.`);
  if (order.every((d, i) => d === i)) return x;
  const strides = contiguousStrides(x.shape);
  const outShape = order.map((d) => x.shape[d]);
  const storage = x.backend.strided(x.storage, outShape, order.map((d) => strides[d]), 0, x.dtype);
  const out = makeTensor(storage, outShape, x.dtype, x.device);
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  return record(out, 'permute', [x], (g) => [permute(g, inverse)]);
}

/** Swaps two dims. */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const a = normalizeDim(dim0, x.ndim, 'transpose');
  const b = normalizeDim(dim1, x.ndim, 'transpose');
  const order = x.shape.map((_, i) => i);
  order[a] = b;
  order[b] = a;
  return permute(x, order);
}
