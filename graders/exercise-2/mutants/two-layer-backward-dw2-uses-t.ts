// Mistake: dW2 = Tᵀ·dŶ, the pre-activation T in place of H = ReLU(T), the input of the second layer.
import type { Tensor } from '@dlcourse/engine';
import { mseBackward, twoLayerForward } from '../../../solutions/exercise-2/src/index.js';
export * from '../../../solutions/exercise-2/src/index.js';
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { t, yPred } = twoLayerForward(x, w1, w2, y);
  const dYPred = mseBackward(yPred, y);
  const dT = dYPred.matmul(w2.T).mul(t.gt(0));
  return { dW1: x.T.matmul(dT), dW2: t.T.matmul(dYPred) };
}
