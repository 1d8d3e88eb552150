import type { Tensor, TensorLike } from '../../tensor/tensor.js';
import { selectExtremum } from './select-extremum.js';

/** Elementwise max of two tensors (or a tensor and a number), with broadcasting. */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return selectExtremum('maximum', a, b);
}
