// Mistake: the old average is never multiplied by β: E ← E + (1 − β)g², a sum like AdaGrad's.
import type { Tensor } from '@dlcourse/engine';
import type { RMSPropOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class RMSProp {
  private E: Tensor | null = null;
  constructor(readonly options: RMSPropOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta, eps } = this.options;
    const fresh = grad.square().mul(1 - beta);
    this.E = this.E === null ? fresh : this.E.add(fresh);
    return params.sub(grad.mul(lr).div(this.E.add(eps).sqrt()));
  }
}
