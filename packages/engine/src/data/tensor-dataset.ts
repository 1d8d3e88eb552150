import type { Tensor } from '../tensor/tensor.js';
import { formatShape } from '../tensor/shape.js';

/** Tensors that share their first dim, sample i being row i of each (torch's TensorDataset). */
export class TensorDataset {
  readonly tensors: readonly Tensor[];

  constructor(...tensors: Tensor[]) {
    if (tensors.length === 0) throw new TypeError('TensorDataset: give at least one tensor, e.g. new TensorDataset(X, y).');
    const n = tensors[0].ndim > 0 ? tensors[0].shape[0] : -1;
    for (const t of tensors) {
      if (t.ndim === 0 || t.shape[0] !== n) {
        throw new RangeError(
          `TensorDataset: every tensor needs the same number of rows (first dim); got ${tensors.map((x) => formatShape(x.shape)).join(' and ')}.`,
        );
      }
    }
    this.tensors = tensors;
  }

  get length(): number {
    return this.tensors[0].shape[0];
  }

  /** The rows at the given indices of every tensor. */
  rows(indices: ArrayLike<number>): Tensor[] {
    return this.tensors.map((t) => t.indexSelect(0, indices));
  }
}
