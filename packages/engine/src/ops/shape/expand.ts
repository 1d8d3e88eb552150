import { makeTensor, record } from '../../autograd/record.js';
import { broadcastShapes, broadcastStrides, formatShape, shapesEqual } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { sumToShape } from '../binary/sum-to-shape.js';

/** Broadcasts x to shape (−1 keeps a size), materialising the copy. */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  const lead = shape.length - x.ndim;
  if (lead < 0) throw new RangeError(`expand: cannot expand shape ${formatShape(x.shape)} to fewer dims ${formatShape(shape)}.`);
  const target = shape.map((d, i) => (d === -1 ? x.shape[i - lead] : d));
  if (!shapesEqual(broadcastShapes(x.shape, target, 'expand'), target)) {
    throw new RangeError(`expand: shape ${formatShape(x.shape)} cannot be expanded to ${formatShape(shape)}; only size-1 dims can grow.`);
  }
  if (shapesEqual(x.shape, target)) return x;
  const storage = x.backend.strided(x.storage, target, broadcastStrides(x.shape, target), 0, x.dtype);
  const out = makeTensor(storage, target, x.dtype, x.device);
  return record(out, 'expand', [x], (g) => [sumToShape(g, x.shape)]);
}
