// Mistake: dT = dH ⊙ H, multiplying by the ReLU's output instead of its derivative [T > 0].
import type { Tensor } from '@dlcourse/engine';
import { mseBackward, twoLayerForward } from '../../../solutions/exercise-2/src/index.js';
export * from '../../../solutions/exercise-2/src/index.js';
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { h, yPred } = twoLayerForward(x, w1, w2, y);
  const dYPred = mseBackward(yPred, y);
  const dT = dYPred.matmul(w2.T).mul(h);
  return { dW1: x.T.matmul(dT), dW2: h.T.matmul(dYPred) };
}
