import type { ReduceOp } from '../../backend/backend.js';
import { makeTensor, record } from '../../autograd/record.js';
import type { Tensor } from '../../tensor/tensor.js';
import { div } from '../binary/div.js';
import { mul } from '../binary/mul.js';
import { eq } from '../binary/compare.js';
import { expand } from '../shape/expand.js';
import { reshape } from '../shape/reshape.js';
import { sum } from './sum.js';
import { reductionShapes } from './reduce-shape.js';

function extremum(op: 'max' | 'min', x: Tensor, dim: number | undefined, keepdim: boolean): Tensor {
  const { axes, keptShape, droppedShape } = reductionShapes(x, dim, op);
  if (x.numel() === 0) throw new RangeError(`${op}: the tensor is empty; there is no ${op} of zero elements.`);
  const storage = x.backend.reduce(op as ReduceOp, x.storage, x.shape, axes, x.dtype);
  const kept = makeTensor(storage, keptShape, x.dtype, x.device);
  const out = keepdim ? kept : reshape(kept, droppedShape);
  // The gradient goes to the positions holding the extremum, split evenly on ties (torch's amax rule).
  return record(
    out,
    op,
    [x],
    (g) => {
      const mask = eq(x, kept);
      const share = div(mask, sum(mask, axes, true));
      return [mul(expand(reshape(g, keptShape), x.shape), share)];
    },
    [x],
  );
}

/** Largest value over dim, or over everything when dim is omitted (values only; see argmax). */
export function max(x: Tensor, dim?: number, keepdim = false): Tensor {
  return extremum('max', x, dim, keepdim);
}

export function min(x: Tensor, dim?: number, keepdim = false): Tensor {
  return extremum('min', x, dim, keepdim);
}
