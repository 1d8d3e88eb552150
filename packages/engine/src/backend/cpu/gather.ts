import type { TypedArray } from '../../tensor/dtype.js';
import { contiguousStrides, type Shape } from '../../tensor/shape.js';

/**
 * torch.gather and its adjoint torch.scatter_add along `dim`: every position of `index` names
 * a coordinate along dim; the other coordinates are the position's own.
 */
function forEachIndexed(indexShape: Shape, dim: number, targetShape: Shape, index: TypedArray, visit: (pos: number, target: number) => void): void {
  const idxStrides = contiguousStrides(indexShape);
  const tgtStrides = contiguousStrides(targetShape);
  const limit = targetShape[dim];
  for (let pos = 0; pos < index.length; pos++) {
    let rest = pos;
    let target = 0;
    for (let d = 0; d < indexShape.length; d++) {
      const c = Math.floor(rest / idxStrides[d]);
      rest -= c * idxStrides[d];
      if (d === dim) {
        const v = index[pos];
        if (!(v >= 0 && v < limit)) {
          throw new RangeError(`gather: index ${v} is out of bounds for dim ${dim} of size ${limit} (at flat position ${pos} of the index).`);
        }
        target += v * tgtStrides[d];
      } else {
        target += c * tgtStrides[d];
      }
    }
    visit(pos, target);
  }
}

export function gatherKernel(x: TypedArray, xShape: Shape, dim: number, index: TypedArray, indexShape: Shape, out: TypedArray): void {
  forEachIndexed(indexShape, dim, xShape, index, (pos, target) => {
    out[pos] = x[target];
  });
}

export function scatterAddKernel(outShape: Shape, dim: number, index: TypedArray, src: TypedArray, srcShape: Shape, out: TypedArray): void {
  forEachIndexed(srcShape, dim, outShape, index, (pos, target) => {
    out[target] += src[pos];
  });
}
