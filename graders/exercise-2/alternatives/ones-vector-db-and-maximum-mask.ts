// A valid alternative: db as a matmul with a row of ones (1ᵀ·dY), dX and dW through transposed
// products ((W·dYᵀ)ᵀ, (dYᵀ·X)ᵀ), the MSE through sum/numel and its gradient with the 2/n taken
// first, and the ReLU's 0/1 mask made from maximum (ReLU(T) > 0) rather than from T > 0.
import { ones, zeros, type Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';

export function linearForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return b.reshape([1, b.shape[0]]).add(x.matmul(w));
}

export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  const batch = ones([1, dY.shape[0]], { dtype: dY.dtype });
  return {
    dX: w.matmul(dY.T).T,
    dW: dY.T.matmul(x).T,
    db: batch.matmul(dY).reshape([dY.shape[1]]),
  };
}

export function mseLoss(pred: Tensor, target: Tensor): number {
  return pred.sub(target).pow(2).sum().item() / pred.numel();
}

export function mseBackward(pred: Tensor, target: Tensor): Tensor {
  return pred.mul(2 / pred.numel()).sub(target.mul(2 / pred.numel()));
}

export function twoLayerForward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { t: Tensor; h: Tensor; yPred: Tensor; loss: number } {
  const t = linearForward(x, w1, zeros([w1.shape[1]], { dtype: x.dtype }));
  const h = t.relu();
  const yPred = h.matmul(w2);
  return { t, h, yPred, loss: mseLoss(yPred, y) };
}

export function twoLayerBackward(x: Tensor, w1: Tensor, w2: Tensor, y: Tensor): { dW1: Tensor; dW2: Tensor } {
  const { t, h, yPred } = twoLayerForward(x, w1, w2, y);
  const second = linearBackward(h, w2, mseBackward(yPred, y));
  const mask = t.maximum(0).gt(0);
  const first = linearBackward(x, w1, second.dX.mul(mask));
  return { dW1: first.dW, dW2: second.dW };
}
