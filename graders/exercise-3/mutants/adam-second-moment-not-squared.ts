// Mistake: v averages g instead of g², so √v̂ is NaN wherever the average turns negative.
import type { Tensor } from '@dlcourse/engine';
import type { AdamOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class Adam {
  private t = 0;
  private m: Tensor | null = null;
  private v: Tensor | null = null;
  constructor(readonly options: AdamOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta1, beta2, eps } = this.options;
    this.t += 1;
    this.m = (this.m === null ? grad.mul(0) : this.m.mul(beta1)).add(grad.mul(1 - beta1));
    this.v = (this.v === null ? grad.mul(0) : this.v.mul(beta2)).add(grad.mul(1 - beta2));
    const mHat = this.m.div(1 - beta1 ** this.t);
    const vHat = this.v.div(1 - beta2 ** this.t);
    return params.sub(mHat.mul(lr).div(vHat.sqrt().add(eps)));
  }
}
