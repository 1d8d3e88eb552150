// Mistake: β and 1 − β swapped: E ← (1 − β)E + βg², so E is mostly the latest g².
import type { Tensor } from '@dlcourse/engine';
import type { RMSPropOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class RMSProp {
  private E: Tensor | null = null;
  constructor(readonly options: RMSPropOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta, eps } = this.options;
    const fresh = grad.square().mul(beta);
    this.E = this.E === null ? fresh : this.E.mul(1 - beta).add(fresh);
    return params.sub(grad.mul(lr).div(this.E.add(eps).sqrt()));
  }
}
