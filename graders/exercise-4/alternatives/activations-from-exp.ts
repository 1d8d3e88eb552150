// A valid alternative: sigmoid is not an op of its own but built from neg, exp, add and pow,
// σ(a) = (1 + e^(−a))⁻¹, so its derivative comes from the chain rule through those nodes; and
// neg is an op of its own (grad −= out.grad) instead of a·(−1).
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.sigmoid = function sigmoid(this: Value): Value {
  return this.neg().exp().add(1).pow(-1);
};
Value.prototype.neg = function neg(this: Value): Value {
  const out = new Value(-this.data, [this], 'neg');
  out.backwardStep = () => {
    this.grad -= out.grad;
  };
  return out;
};
