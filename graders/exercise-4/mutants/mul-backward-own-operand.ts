// Mistake: mul's backward gives each operand its OWN value as the local derivative
// (a.grad += a · out.grad) instead of the other operand's: right only for x·x.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.mul = function mul(this: Value, other: Value | number): Value {
  const o = other instanceof Value ? other : new Value(other);
  const out = new Value(this.data * o.data, [this, o], '*');
  out.backwardStep = () => {
    this.grad += this.data * out.grad;
    o.grad += o.data * out.grad;
  };
  return out;
};
