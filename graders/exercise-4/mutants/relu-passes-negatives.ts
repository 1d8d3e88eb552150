// Mistake: ReLU's backward passes the gradient everywhere, also where a < 0.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.relu = function relu(this: Value): Value {
  const out = new Value(Math.max(this.data, 0), [this], 'relu');
  out.backwardStep = () => {
    this.grad += out.grad;
  };
  return out;
};
