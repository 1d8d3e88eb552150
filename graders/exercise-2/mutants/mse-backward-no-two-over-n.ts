// Mistake: dL/dpred = pred − target, the factor 2/n dropped.
import type { Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-2/src/index.js';
export function mseBackward(pred: Tensor, target: Tensor): Tensor {
  return pred.sub(target);
}
