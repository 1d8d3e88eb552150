import type { TypedArray } from '../../tensor/dtype.js';
import { contiguousStrides, type Shape } from '../../tensor/shape.js';

/**
 * The flat position in the target of every position of `index` (torch.gather's addressing along
 * `dim`: the position's own coordinates elsewhere), walked as an odometer over index's shape so
 * that no position pays a division per axis.
 */
function targetPositions(indexShape: Shape, dim: number, targetShape: Shape, index: TypedArray, op: string): Int32Array {
  const rank = indexShape.length;
  const tgtStrides = contiguousStrides(targetShape);
  const limit = targetShape[dim];
  const total = index.length;
  const targets = new Int32Array(total);
  if (total === 0) return targets;
  if (rank === 0) return targets; // a 0-d index names the one value
  const coord = new Array<number>(rank).fill(0);
  let base = 0; // Σ coord[d]·tgtStrides[d] over d ≠ dim
  const last = rank - 1;
  const lastStride = last === dim ? 0 : tgtStrides[last];
  const lastSize = indexShape[last];
  for (let pos = 0; pos < total; ) {
    // the innermost axis in one run
    for (let c = 0; c < lastSize; c++, pos++) {
      const v = index[pos];
      if (!(v >= 0 && v < limit)) {
        throw new RangeError(`${op}: index ${v} is out of bounds for dim ${dim} of size ${limit} (at flat position ${pos} of the index).`);
      }
      targets[pos] = base + c * lastStride + v * tgtStrides[dim];
    }
    // carry into the outer axes
    for (let d = last - 1; d >= 0; d--) {
      const stride = d === dim ? 0 : tgtStrides[d];
      if (++coord[d] < indexShape[d]) {
        base += stride;
        break;
      }
      base -= (coord[d] - 1) * stride;
      coord[d] = 0;
    }
  }
  return targets;
}

/** torch.gather along `dim`: out[pos] = x[target(pos)], out shaped like index. */
export function gatherKernel(x: TypedArray, xShape: Shape, dim: number, index: TypedArray, indexShape: Shape, out: TypedArray): void {
  const targets = targetPositions(indexShape, dim, xShape, index, 'gather');
  for (let pos = 0; pos < targets.length; pos++) out[pos] = x[targets[pos]];
}

/** torch.scatter_add, gather's adjoint: out[target(pos)] += src[pos]. */
export function scatterAddKernel(outShape: Shape, dim: number, index: TypedArray, src: TypedArray, srcShape: Shape, out: TypedArray): void {
  const targets = targetPositions(srcShape, dim, outShape, index, 'scatterAdd');
  for (let pos = 0; pos < targets.length; pos++) out[targets[pos]] += src[pos];
}
