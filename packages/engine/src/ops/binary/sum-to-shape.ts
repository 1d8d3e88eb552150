import { shapesEqual, type Shape } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';
import { sum } from '../reduce/sum.js';
import { reshape } from '../shape/reshape.js';

/**
 * The adjoint of broadcasting: sums a gradient over the dims that broadcasting stretched, so
 * it has the shape of the operand it belongs to.
 */
export function sumToShape(g: Tensor, shape: Shape): Tensor {
  if (shapesEqual(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  }
  return reshape(axes.length ? sum(g, axes, true) : g, shape);
}
