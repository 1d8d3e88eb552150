import type { Shape } from '../../tensor/shape.js';

/** A shape and two operands' strides over it, after `collapseDims`. */
export interface Collapsed {
  shape: number[];
  aStrides: number[];
  bStrides: number[];
}

/**
 * The same walk with fewer dims: size-1 dims are dropped and neighbours that both operands read
 * contiguously are merged, so a same-shape pair becomes one flat row and a [B, N] + [N] bias add
 * becomes B rows of N, whatever the number of dims written.
 */
export function collapseDims(shape: Shape, aStrides: readonly number[], bStrides: readonly number[]): Collapsed {
  const out: Collapsed = { shape: [], aStrides: [], bStrides: [] };
  for (let d = 0; d < shape.length; d++) {
    const size = shape[d];
    if (size === 1) continue;
    const last = out.shape.length - 1;
    if (last >= 0 && out.aStrides[last] === aStrides[d] * size && out.bStrides[last] === bStrides[d] * size) {
      out.shape[last] *= size;
      out.aStrides[last] = aStrides[d];
      out.bStrides[last] = bStrides[d];
    } else {
      out.shape.push(size);
      out.aStrides.push(aStrides[d]);
      out.bStrides.push(bStrides[d]);
    }
  }
  return out;
}

/**
 * Walks outShape in row-major order, one innermost row at a time: `visitRow(outStart, aStart,
 * bStart, len, aStep, bStep)` where a and b are read through (possibly zero) strides. The dims
 * are collapsed first, and the outer dims advance an odometer, so there is no per-element
 * division and the visitor is called once per row, not per element.
 */
export function forEachBroadcast(
  outShape: Shape,
  aStrides: readonly number[],
  bStrides: readonly number[],
  visitRow: (outStart: number, aStart: number, bStart: number, len: number, aStep: number, bStep: number) => void,
): void {
  for (const d of outShape) if (d === 0) return;
  const { shape, aStrides: as, bStrides: bs } = collapseDims(outShape, aStrides, bStrides);
  const ndim = shape.length;
  if (ndim === 0) {
    visitRow(0, 0, 0, 1, 0, 0);
    return;
  }
  const inner = shape[ndim - 1];
  const aStep = as[ndim - 1];
  const bStep = bs[ndim - 1];
  if (ndim === 1) {
    visitRow(0, 0, 0, inner, aStep, bStep);
    return;
  }
  if (ndim === 2) {
    // The common case (a bias row, a reduced axis): no odometer at all.
    for (let r = 0, aOff = 0, bOff = 0; r < shape[0]; r++, aOff += as[0], bOff += bs[0]) visitRow(r * inner, aOff, bOff, inner, aStep, bStep);
    return;
  }
  let rows = 1;
  for (let d = 0; d < ndim - 1; d++) rows *= shape[d];
  const counter = new Array<number>(ndim - 1).fill(0);
  let aOff = 0;
  let bOff = 0;
  for (let r = 0; r < rows; r++) {
    visitRow(r * inner, aOff, bOff, inner, aStep, bStep);
    for (let d = ndim - 2; d >= 0; d--) {
      counter[d]++;
      aOff += as[d];
      bOff += bs[d];
      if (counter[d] < shape[d]) break;
      aOff -= as[d] * shape[d];
      bOff -= bs[d] * shape[d];
      counter[d] = 0;
    }
  }
}
