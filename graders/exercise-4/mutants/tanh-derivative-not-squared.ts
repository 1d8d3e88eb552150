// Mistake: tanh′ written as 1 − tanh instead of 1 − tanh².
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.tanh = function tanh(this: Value): Value {
  const t = Math.tanh(this.data);
  const out = new Value(t, [this], 'tanh');
  out.backwardStep = () => {
    this.grad += (1 - t) * out.grad;
  };
  return out;
};
