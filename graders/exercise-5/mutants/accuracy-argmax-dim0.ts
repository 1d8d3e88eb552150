// Mistake: argmax over dim 0 (over the rows) instead of dim 1 (over the classes).
import { noGrad, type Module, type Tensor } from '@dlcourse/engine';
export * from '../../../solutions/exercise-5/src/index.js';

export function accuracy(model: Module, x: Tensor, y: Tensor): number {
  model.eval();
  const scores = noGrad(() => model.forward(x));
  const predicted = scores.argmax(0).toTypedArray();
  const truth = y.toTypedArray();
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (predicted[i] === truth[i]) correct++;
  return correct / truth.length;
}
