import type { TypedArray } from '../../tensor/dtype.js';
import type { Shape } from '../../tensor/shape.js';
import { forEachBroadcast } from './broadcast-iter.js';

/** Materialises a strided view (transpose, permute, expand, slice) as a dense array. */
export function stridedKernel(x: TypedArray, outShape: Shape, strides: readonly number[], offset: number, out: TypedArray): void {
  forEachBroadcast(outShape, strides, strides, (o, xi, _unused, len, step) => {
    xi += offset;
    for (let j = 0; j < len; j++, xi += step) out[o + j] = x[xi];
  });
}
