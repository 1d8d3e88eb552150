// Mistake: no ε: where G = 0 (a zero gradient so far) the step is 0/0 = NaN.
import type { Tensor } from '@dlcourse/engine';
import type { AdaGradOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class AdaGrad {
  private G: Tensor | null = null;
  constructor(readonly options: AdaGradOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    this.G = this.G === null ? grad.square() : this.G.add(grad.square());
    return params.sub(grad.mul(this.options.lr).div(this.G.sqrt()));
  }
}
