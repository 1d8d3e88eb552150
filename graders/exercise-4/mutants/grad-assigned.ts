// Mistake: every backward step assigns the gradient (child.grad = …) instead of adding to it
// (child.grad += …): a value used twice keeps only the contribution of its last use.
import { Value } from '../../../solutions/exercise-4/src/index.js';
export * from '../../../solutions/exercise-4/src/index.js';

const asValue = (x: Value | number) => (x instanceof Value ? x : new Value(x));
const unary = (a: Value, data: number, op: string, local: () => number): Value => {
  const out = new Value(data, [a], op);
  out.backwardStep = () => {
    a.grad = local() * out.grad;
  };
  return out;
};

Value.prototype.add = function add(this: Value, other: Value | number): Value {
  const o = asValue(other);
  const out = new Value(this.data + o.data, [this, o], '+');
  out.backwardStep = () => {
    this.grad = out.grad;
    o.grad = out.grad;
  };
  return out;
};
Value.prototype.mul = function mul(this: Value, other: Value | number): Value {
  const o = asValue(other);
  const out = new Value(this.data * o.data, [this, o], '*');
  out.backwardStep = () => {
    this.grad = o.data * out.grad;
    o.grad = this.data * out.grad;
  };
  return out;
};
Value.prototype.pow = function pow(this: Value, n: number): Value {
  return unary(this, this.data ** n, `^${n}`, () => n * this.data ** (n - 1));
};
Value.prototype.exp = function exp(this: Value): Value {
  return unary(this, Math.exp(this.data), 'exp', () => Math.exp(this.data));
};
Value.prototype.log = function log(this: Value): Value {
  return unary(this, Math.log(this.data), 'log', () => 1 / this.data);
};
Value.prototype.tanh = function tanh(this: Value): Value {
  const t = Math.tanh(this.data);
  return unary(this, t, 'tanh', () => 1 - t * t);
};
Value.prototype.sigmoid = function sigmoid(this: Value): Value {
  const s = 1 / (1 + Math.exp(-this.data));
  return unary(this, s, 'sigmoid', () => s * (1 - s));
};
Value.prototype.relu = function relu(this: Value): Value {
  return unary(this, Math.max(this.data, 0), 'relu', () => (this.data > 0 ? 1 : 0));
};
