import type { Shape } from '../../tensor/shape.js';

/**
 * Walks outShape in row-major order and calls `visit(outIndex, aIndex, bIndex)` where a and b
 * are read through (possibly zero) strides. The innermost dim is a tight loop; the outer dims
 * advance an odometer, so no per-element division is needed.
 */
export function forEachBroadcast(
  outShape: Shape,
  aStrides: readonly number[],
  bStrides: readonly number[],
  visitRow: (outStart: number, aStart: number, bStart: number, len: number, aStep: number, bStep: number) => void,
): void {
  const ndim = outShape.length;
  if (ndim === 0) {
    visitRow(0, 0, 0, 1, 0, 0);
    return;
  }
  const inner = outShape[ndim - 1];
  const aStep = aStrides[ndim - 1];
  const bStep = bStrides[ndim - 1];
  let rows = 1;
  for (let d = 0; d < ndim - 1; d++) rows *= outShape[d];
  if (inner === 0 || rows === 0) return;
  const counter = new Array<number>(Math.max(ndim - 1, 0)).fill(0);
  let aOff = 0;
  let bOff = 0;
  for (let r = 0; r < rows; r++) {
    visitRow(r * inner, aOff, bOff, inner, aStep, bStep);
    for (let d = ndim - 2; d >= 0; d--) {
      counter[d]++;
      aOff += aStrides[d];
      bOff += bStrides[d];
      if (counter[d] < outShape[d]) break;
      aOff -= aStrides[d] * outShape[d];
      bOff -= bStrides[d] * outShape[d];
      counter[d] = 0;
    }
  }
}
