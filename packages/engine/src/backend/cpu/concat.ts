import type { TypedArray } from '../../tensor/dtype.js';
import type { Shape } from '../../tensor/shape.js';

export function concatKernel(xs: readonly TypedArray[], shapes: readonly Shape[], axis: number, out: TypedArray): void {
  // Each input contributes a contiguous block of (its size along axis × inner) per outer index.
  const first = shapes[0];
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= first[d];
  let inner = 1;
  for (let d = axis + 1; d < first.length; d++) inner *= first[d];
  const blocks = shapes.map((s) => s[axis] * inner);
  const rowLength = blocks.reduce((x, y) => x + y, 0);
  for (let o = 0; o < outer; o++) {
    let dst = o * rowLength;
    for (let t = 0; t < xs.length; t++) {
      const len = blocks[t];
      out.set(xs[t].subarray(o * len, (o + 1) * len), dst);
      dst += len;
    }
  }
}
