// Mistake: the lecture notes' typo w ← w + η∇L: every step climbs uphill.
import type { Tensor } from '@dlcourse/engine';
import type { SGDOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class SGD {
  constructor(readonly options: SGDOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    return params.add(grad.mul(this.options.lr));
  }
}
