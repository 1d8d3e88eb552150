// Mistake: the lecture's Adam, w ← w − η m/(√v + ε), where PyTorch's (the exercise's) divides
// m by 1 − β1ᵗ and v by 1 − β2ᵗ.
import type { Tensor } from '@dlcourse/engine';
import type { AdamOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class Adam {
  private m: Tensor | null = null;
  private v: Tensor | null = null;
  constructor(readonly options: AdamOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta1, beta2, eps } = this.options;
    this.m = (this.m === null ? grad.mul(0) : this.m.mul(beta1)).add(grad.mul(1 - beta1));
    this.v = (this.v === null ? grad.mul(0) : this.v.mul(beta2)).add(grad.square().mul(1 - beta2));
    return params.sub(this.m.mul(lr).div(this.v.sqrt().add(eps)));
  }
}
