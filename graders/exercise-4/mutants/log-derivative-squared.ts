// Mistake: ∂ln a/∂a written as 1/a² instead of 1/a.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.log = function log(this: Value): Value {
  const out = new Value(Math.log(this.data), [this], 'log');
  out.backwardStep = () => {
    this.grad += (1 / (this.data * this.data)) * out.grad;
  };
  return out;
};
