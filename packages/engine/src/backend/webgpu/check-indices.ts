import type { Shape } from '../../tensor/shape.js';

/**
 * A GPU kernel cannot throw, so gather/scatterAdd indices are checked on the calling thread
 * first, with the CPU backend's message: an out-of-range index is an error, not a silent read.
 */
export function checkIndices(op: string, index: Int32Array, indexShape: Shape, dim: number, limit: number): void {
  for (let pos = 0; pos < index.length; pos++) {
    const v = index[pos];
    if (!(v >= 0 && v < limit)) {
      throw new RangeError(`${op}: index ${v} is out of bounds for dim ${dim} of size ${limit} (at flat position ${pos} of the index of shape [${indexShape.join(', ')}]).`);
    }
  }
}
