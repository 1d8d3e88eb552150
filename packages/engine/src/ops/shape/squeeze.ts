import { normalizeDim } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { reshape } from './reshape.js';

/** Removes dim if its size is 1 (all size-1 dims when dim is omitted), as torch. */
export function squeeze(x: Tensor, dim?: number): Tensor {
  if (dim === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const axis = normalizeDim(dim, x.ndim, 'squeeze');
  if (x.ndim === 0 || x.shape[axis] !== 1) return x;
  return reshape(x, x.shape.filter((_, i) => i !== axis));
}

/** Inserts a size-1 dim at position dim (which may be ndim, or negative). */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  const axis = normalizeDim(dim, x.ndim + 1, 'unsqueeze');
  const shape = [...x.shape];
  shape.splice(axis, 0, 1);
  return reshape(x, shape);
}
