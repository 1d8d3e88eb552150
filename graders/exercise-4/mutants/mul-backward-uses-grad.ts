// Mistake: mul's backward multiplies by the other operand's grad instead of its data
// (a.grad += b.grad · out.grad).
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.mul = function mul(this: Value, other: Value | number): Value {
  const o = other instanceof Value ? other : new Value(other);
  const out = new Value(this.data * o.data, [this, o], '*');
  out.backwardStep = () => {
    this.grad += o.grad * out.grad;
    o.grad += this.grad * out.grad;
  };
  return out;
};
