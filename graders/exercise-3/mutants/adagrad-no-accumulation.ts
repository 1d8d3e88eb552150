// Mistake: G = g² of this step only, not the sum over all steps: the step never shrinks.
import type { Tensor } from '@dlcourse/engine';
import type { AdaGradOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class AdaGrad {
  constructor(readonly options: AdaGradOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, eps } = this.options;
    const G = grad.square();
    return params.sub(grad.mul(lr).div(G.add(eps).sqrt()));
  }
}
