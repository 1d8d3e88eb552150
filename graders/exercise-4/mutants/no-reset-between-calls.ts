// Mistake (micrograd's own backward): the output's grad is set to 1 but the other non-leaf
// grads are not reset, so a second backward() adds to stale intermediate gradients and the
// leaves get 3× instead of 2× through a chain.
import { Value, topologicalOrder } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.backward = function backward(this: Value): void {
  const order = topologicalOrder(this);
  this.grad = 1;
  for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
};
