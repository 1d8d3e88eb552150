import type { Tensor } from '@dlcourse/engine';
import { mseBackward, mseLoss } from './mse.js';

/*
 * Reference solution of exercise 2, the lecture's two-layer network without biases:
 * T = X·W1, H = ReLU(T), Ŷ = H·W2, L = MSE(Ŷ, Y), with X [N, D], W1 [D, K], W2 [K, M], Y [N, M].
 */

export function twoLayerForward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { t: Tensor; h: Tensor; yPred: Tensor; loss: number } {
  const t = x.matmul(w1);
  const h = t.maximum(0);
  const yPred = h.matmul(w2);
  return { t, h, yPred, loss: mseLoss(yPred, y) };
}

/** The forward pass read backwards, one chain-rule step per line. */
export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { t, h, yPred } = twoLayerForward(x, w1, w2, y);
  const dYPred = mseBackward(yPred, y); // [N, M]
  const dW2 = h.T.matmul(dYPred); // [K, N]·[N, M] = [K, M]
  const dH = dYPred.matmul(w2.T); // [N, M]·[M, K] = [N, K]
  const dT = dH.mul(t.gt(0)); // ReLU passes the gradient only where T > 0
  const dW1 = x.T.matmul(dT); // [D, N]·[N, K] = [D, K]
  return { dW1, dW2 };
}
