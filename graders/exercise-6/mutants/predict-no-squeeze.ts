// Mistake: predict returns the model's output as it is, [N, 1] instead of [N].
import { noGrad, type Module, type Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-6/src/index.js';

export function predict(model: Module, x: Tensor): Tensor {
  return noGrad(() => model.forward(x));
}
