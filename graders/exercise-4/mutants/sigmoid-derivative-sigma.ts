// Mistake: σ′ written as σ instead of σ(1 − σ).
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.sigmoid = function sigmoid(this: Value): Value {
  const s = 1 / (1 + Math.exp(-this.data));
  const out = new Value(s, [this], 'sigmoid');
  out.backwardStep = () => {
    this.grad += s * out.grad;
  };
  return out;
};
