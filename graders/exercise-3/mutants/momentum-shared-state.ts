// Mistake: the velocity lives in a variable of the module, shared by every Momentum object.
import type { Tensor } from '@dlcourse/engine';
import type { MomentumOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

let velocity: Tensor | null = null;

export class Momentum {
  constructor(readonly options: MomentumOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, momentum } = this.options;
    velocity = velocity === null ? grad.mul(lr) : velocity.mul(momentum).add(grad.mul(lr));
    return params.sub(velocity);
  }
}
