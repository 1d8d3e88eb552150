// Mistake: ∂(aⁿ)/∂a written as n·aⁿ, the exponent not lowered by one.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.pow = function pow(this: Value, exponent: number): Value {
  const out = new Value(this.data ** exponent, [this], `^${exponent}`);
  out.backwardStep = () => {
    this.grad += exponent * this.data ** exponent * out.grad;
  };
  return out;
};
