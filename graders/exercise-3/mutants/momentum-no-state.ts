// Mistake: the velocity is a local variable, so it starts at 0 at every call: v = ηg, plain SGD.
import type { Tensor } from '@dlcourse/engine';
import { zerosLike } from '@dlcourse/engine';
import type { MomentumOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class Momentum {
  constructor(readonly options: MomentumOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, momentum } = this.options;
    let velocity = zerosLike(params);
    velocity = velocity.mul(momentum).add(grad.mul(lr));
    return params.sub(velocity);
  }
}
