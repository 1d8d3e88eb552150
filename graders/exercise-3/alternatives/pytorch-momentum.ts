// A valid alternative: PyTorch's form of momentum, b ← μ·b + g (b₁ = g), w ← w − η·b. With a
// constant η it is the lecture's form with v = η·b, so every step is the same.
import type { Tensor } from '@dlcourse/engine';
import type { MomentumOptions } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

export class Momentum {
  private buffer: Tensor | null = null;
  constructor(readonly options: MomentumOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    this.buffer = this.buffer === null ? grad : this.buffer.mul(this.options.momentum).add(grad);
    return params.sub(this.buffer.mul(this.options.lr));
  }
}
