import { makeTensor, record } from '../../autograd/record.js';
import { formatShape, normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';

export function checkIndex(index: Tensor, op: string): void {
  if (index.dtype !== 'int32') {
    throw new TypeError(`${op}: the index must be an int32 tensor, got ${index.dtype}. Convert it with .int() or create it with { dtype: 'int32' }.`);
  }
}

/** out[i][j] = x[i][index[i][j]] for dim 1 (torch.gather); out has index's shape. */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  checkIndex(index, 'gather');
  const axis = normalizeDim(dim, x.ndim, 'gather');
  if (index.ndim !== x.ndim || index.shape.some((d, i) => i !== axis && d > x.shape[i])) {
    throw new RangeError(
      `gather: index of shape ${formatShape(index.shape)} does not fit input of shape ${formatShape(x.shape)} along dim ${dim} ` +
        `(same number of dims, and no larger than the input outside dim).`,
    );
  }
  const storage = x.backend.gather(x.storage, x.shape, axis, index.storage, index.shape, x.dtype);
  const out = makeTensor(storage, index.shape, x.dtype, x.device);
  return record(out, 'gather', [x], (g) => [scatterAdd(x.shape, axis, index, g)], [index]);
}

/** Zeros of `shape` with src added at the positions index names along dim (torch.scatter_add). */
export function scatterAdd(shape: readonly number[], dim: number, index: Tensor, src: Tensor): Tensor {
  checkIndex(index, 'scatterAdd');
  const storage = src.backend.scatterAdd(shape, dim, index.storage, src.storage, src.shape, src.dtype);
  const out = makeTensor(storage, shape, src.dtype, src.device);
  return record(out, 'scatterAdd', [src], (g) => [gather(g, dim, index)], [index]);
}
