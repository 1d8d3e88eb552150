// Mistake: tanh's backward adds its local derivative 1 − tanh² but forgets to multiply it by
// the gradient that arrived from above (out.grad): right only when tanh is the output.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

Value.prototype.tanh = function tanh(this: Value): Value {
  const t = Math.tanh(this.data);
  const out = new Value(t, [this], 'tanh');
  out.backwardStep = () => {
    this.grad += 1 - t * t;
  };
  return out;
};
