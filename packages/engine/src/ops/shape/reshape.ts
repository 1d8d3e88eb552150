import { makeTensor, record } from '../../autograd/record.js';
import { checkShape, formatShape, normalizeDim, numel } from '../../tensor/shape.js';
import type { Tensor } from '../../tensor/tensor.js';

/**
 * The same values in another shape (one size may be −1, inferred). Storage is dense, so this
 * never copies; the result shares the storage (in-place ops swap storage, so they never write
 * through into the other tensor).
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, x.numel(), x.shape);
  if (target.length === x.shape.length && target.every((d, i) => d === x.shape[i])) return x;
  const out = makeTensor(x.storage, target, x.dtype, x.device);
  return record(out, 'reshape', [x], (g) => [reshape(g, x.shape)]);
}

function inferShape(shape: readonly number[], size: number, from: readonly number[]): number[] {
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new RangeError(`reshape: only one dimension can be -1, got ${formatShape(shape)}.`);
  const known = checkShape(shape.map((d) => (d === -1 ? 1 : d)), 'reshape');
  const knownSize = numel(known);
  const out = [...shape];
  if (unknown === 1) {
    if (knownSize === 0 || size % knownSize !== 0) {
      throw new RangeError(`reshape: cannot reshape a tensor of shape ${formatShape(from)} (${size} elements) into ${formatShape(shape)}.`);
    }
    out[out.indexOf(-1)] = size / knownSize;
  } else if (knownSize !== size) {
    throw new RangeError(
      `reshape: shape ${formatShape(shape)} holds ${knownSize} elements but the tensor of shape ${formatShape(from)} has ${size}.`,
    );
  }
  return out;
}

/** Merges dims startDim..endDim into one. */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const start = normalizeDim(startDim, x.ndim, 'flatten');
  const end = normalizeDim(endDim, x.ndim, 'flatten');
  if (start > end) throw new RangeError(`flatten: startDim ${startDim} comes after endDim ${endDim}.`);
  const merged = x.shape.slice(start, end + 1).reduce((a, b) => a * b, 1);
  return reshape(x, [...x.shape.slice(0, start), merged, ...x.shape.slice(end + 1)]);
}
