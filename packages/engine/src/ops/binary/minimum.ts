import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { selectExtremum } from './select-extremum.js';

/** Elementwise min of two tensors (or a tensor and a number), with broadcasting. */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return selectExtremum('minimum', a, b);
}
