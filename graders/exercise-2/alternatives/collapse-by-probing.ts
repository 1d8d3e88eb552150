// A valid alternative: collapseLinear finds the one layer by running the two on probe inputs —
// on the rows of the identity (each gives e_d·W + b) and on zero (which gives b) — as one would
// measure an unknown affine map. Everything else is the reference solution.
import { eye, zeros, type Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';

export function collapseLinear(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): { w: Tensor; b: Tensor } {
  const layers = (x: Tensor) => x.matmul(w1).add(b1).matmul(w2).add(b2);
  const d = w1.shape[0];
  const b = layers(zeros([1, d], { dtype: w1.dtype })); // [1, M]
  const w = layers(eye(d, { dtype: w1.dtype })).sub(b); // [D, M]: row d is e_d·W + b − b
  return { w, b: b.reshape([w2.shape[1]]) };
}
