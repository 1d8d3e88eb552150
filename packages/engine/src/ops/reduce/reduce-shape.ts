import { normalizeDims } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';

/** The axes a reduction removes and the shapes with and without keepdim. */
export function reductionShapes(x: Tensor, dim: number | readonly number[] | undefined, op: string) {
  const axes = normalizeDims(dim, x.ndim, op);
  const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const droppedShape = x.shape.filter((_, i) => !axes.includes(i));
  return { axes, keptShape, droppedShape };
}
