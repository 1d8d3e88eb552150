import type { Tensor } from '../../tensor/tensor.js';
import { div } from '../binary/div.js';
import { cast } from '../convert.js';
import { toFloatDType } from '../../tensor/dtype.js';
import { sum } from './sum.js';
import { reductionShapes } from './reduce-shape.js';

/** Mean over dim (all dims when omitted); int32 input gives float32. */
export function mean(x: Tensor, dim?: number | readonly number[], keepdim = false): Tensor {
  const { axes } = reductionShapes(x, dim, 'mean');
  const count = axes.reduce((n, a) => n * x.shape[a], 1);
  if (count === 0) throw new RangeError('mean: cannot take the mean of an empty tensor (0 elements along the reduced dims).');
  return div(sum(cast(x, toFloatDType(x.dtype)), dim, keepdim), count);
}
