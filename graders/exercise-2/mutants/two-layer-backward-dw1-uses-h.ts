// Mistake: dW1 = Hᵀ·dT, the hidden layer's activations in place of the layer's input X.
import type { Tensor } from '@dlcourse/engine';
import { mseBackward, twoLayerForward } from '../../../solutions/exercise-2/src/index.js';
export * from '../../../solutions/exercise-2/src/index.js';
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { t, h, yPred } = twoLayerForward(x, w1, w2, y);
  const dYPred = mseBackward(yPred, y);
  const dT = dYPred.matmul(w2.T).mul(t.gt(0));
  return { dW1: h.T.matmul(dT), dW2: h.T.matmul(dYPred) };
}
