// Mistake: backward() never seeds the output with ∂out/∂out = 1, so every gradient stays 0.
import { Value, topologicalOrder } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.backward = function backward(this: Value): void {
  const order = topologicalOrder(this);
  for (const v of order) if (!v.isLeaf) v.grad = 0;
  for (let i = order.length - 1; i >= 0; i--) order[i].backwardStep();
};
