// Mistake: v ← γv + ηg is right, but the update adds it: w ← w + v.
import type { Tensor } from '@dlcourse/engine';
import type { MomentumOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class Momentum {
  private velocity: Tensor | null = null;
  constructor(readonly options: MomentumOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, momentum } = this.options;
    this.velocity = this.velocity === null ? grad.mul(lr) : this.velocity.mul(momentum).add(grad.mul(lr));
    return params.add(this.velocity);
  }
}
