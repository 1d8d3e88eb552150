// Mistake: the ReLU forgotten on the way back, dT = dH (as if the network were linear).
import type { Tensor } from '@dlcourse/engine';
import { mseBackward, twoLayerForward } from '../../../solutions/exercise-2/src/index.js';
export * from '../../../solutions/exercise-2/src/index.js';
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { h, yPred } = twoLayerForward(x, w1, w2, y);
  const dYPred = mseBackward(yPred, y);
  const dH = dYPred.matmul(w2.T);
  return { dW1: x.T.matmul(dH), dW2: h.T.matmul(dYPred) };
}
