/** Shape arithmetic shared by ops and backends: sizes, strides, broadcasting, dim checks. */

export type Shape = readonly number[];

export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** NumPy broadcasting: align from the right; each pair of dims must be equal or contain a 1. */
export function broadcastShapes(a: Shape, b: Shape, op: string): number[] {
  const ndim = Math.max(a.length, b.length);
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const da = a[a.length - ndim + i] ?? 1;
    const db = b[b.length - ndim + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together ` +
          `(dim ${i - ndim} is ${da} vs ${db}). Broadcasting aligns shapes from the right; each pair ` +
          `of sizes must be equal or one of them 1. Reshape or transpose one operand.`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides to read `shape` as if it were `outShape` (0 where a dim is broadcast). */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const strides = contiguousStrides(shape);
  const out = new Array<number>(outShape.length).fill(0);
  const offset = outShape.length - shape.length;
  for (let i = 0; i < shape.length; i++) {
    out[offset + i] = shape[i] === 1 ? 0 : strides[i];
  }
  return out;
}

/** A dim index that may be negative, checked against ndim (PyTorch's wrapping rules). */
export function normalizeDim(dim: number, ndim: number, op: string): number {
  const rank = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -rank || dim >= rank) {
    throw new RangeError(
      `${op}: dim ${dim} is out of range for a tensor with ${ndim} dimension(s) ` +
        `(expected an integer in [${-rank}, ${rank - 1}]).`,
    );
  }
  return dim < 0 ? dim + rank : dim;
}

/** dims given as a number, a list, or undefined (= all), normalised, sorted and de-duplicated. */
export function normalizeDims(dim: number | readonly number[] | undefined | null, ndim: number, op: string): number[] {
  if (dim === undefined || dim === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof dim === 'number' ? [dim] : [...dim];
  const out = list.map((d) => normalizeDim(d, ndim, op));
  if (new Set(out).size !== out.length) {
    throw new RangeError(`${op}: dim ${JSON.stringify(dim)} names the same dimension twice.`);
  }
  return out.sort((x, y) => x - y);
}

export function checkShape(shape: readonly number[], op: string): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`${op}: invalid shape ${formatShape(shape)}: every size must be a non-negative integer.`);
    }
  }
  return [...shape];
}

export class ShapeError extends Error {
  override name = 'ShapeError';
}
