// Mistake: ∂eᵃ/∂a written as a (the input) instead of eᵃ (the output).
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.exp = function exp(this: Value): Value {
  const out = new Value(Math.exp(this.data), [this], 'exp');
  out.backwardStep = () => {
    this.grad += this.data * out.grad;
  };
  return out;
};
