import { makeTensor, record } from '../../autograd/record.js';
import { contiguousStrides, normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { zeros } from '../creation.js';
import { cat } from './cat.js';

/** length elements along dim starting at start (like x[:, start:start+length]). */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const axis = normalizeDim(dim, x.ndim, 'narrow');
  const size = x.shape[axis];
  if (start < 0) start += size;
  if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length < 0 || start + length > size) {
    throw new RangeError(`narrow: elements ${start}..${start + length - 1} do not fit in dim ${dim} of size ${size}.`);
  }
  if (start === 0 && length === size) return x;
  const strides = contiguousStrides(x.shape);
  const outShape = x.shape.map((d, i) => (i === axis ? length : d));
  const storage = x.backend.strided(x.storage, outShape, strides, start * strides[axis], x.dtype);
  const out = makeTensor(storage, outShape, x.dtype, x.device);
  return record(out, 'narrow', [x], (g) => {
    const pad = (n: number) => zeros(x.shape.map((d, i) => (i === axis ? n : d)), { dtype: g.dtype, device: g.device });
    return [cat([pad(start), g, pad(size - start - length)], axis)];
  });
}
