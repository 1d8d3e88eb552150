// Mistake: ∂(aⁿ)/∂a written as a^(n−1), without the factor n.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.pow = function pow(this: Value, exponent: number): Value {
  const out = new Value(this.data ** exponent, [this], `^${exponent}`);
  out.backwardStep = () => {
    this.grad += this.data ** (exponent - 1) * out.grad;
  };
  return out;
};
