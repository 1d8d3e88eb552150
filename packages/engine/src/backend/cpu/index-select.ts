import type { TypedArray } from '../../tensor/dtype.js';
import type { Shape } from '../../tensor/shape.js';

/** Below this many values per slice a plain loop beats subarray + set (two views per slice). */
const COPY_SLICE_MIN = 16;

/**
 * torch.index_select on a contiguous x: out is x with its `dim` axis replaced by the rows that
 * `index` names, in that order (repeats allowed). Each picked slice is contiguous in x and in
 * out, so it is one block copy: a DataLoader batch of 128 images is 128 copies of 784 values.
 */
export function indexSelectKernel(x: TypedArray, xShape: Shape, dim: number, index: TypedArray, count: number, out: TypedArray): void {
  const size = xShape[dim];
  let outer = 1;
  for (let d = 0; d < dim; d++) outer *= xShape[d];
  let inner = 1;
  for (let d = dim + 1; d < xShape.length; d++) inner *= xShape[d];
  for (let i = 0; i < count; i++) {
    const v = index[i];
    if (!(v >= 0 && v < size)) {
      throw new RangeError(`indexSelect: index ${v} is out of bounds for dim ${dim} of size ${size} (at position ${i} of the index).`);
    }
  }
  for (let o = 0; o < outer; o++) {
    const from = o * size * inner;
    const to = o * count * inner;
    for (let i = 0; i < count; i++) {
      const src = from + index[i] * inner;
      const dst = to + i * inner;
      if (inner >= COPY_SLICE_MIN) {
        out.set(x.subarray(src, src + inner), dst);
      } else {
        for (let j = 0; j < inner; j++) out[dst + j] = x[src + j];
      }
    }
  }
}
