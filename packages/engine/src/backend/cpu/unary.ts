import type { UnaryOp } from '../backend.js';
import type { TypedArray } from '../../tensor/dtype.js';

type Fn = (x: number) => number;

const sigmoid: Fn = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

const FUNCTIONS: Record<UnaryOp, Fn> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  // NaN passes through, as torch.relu (a bare `x > 0 ? x : 0` turned NaN into 0 and hid divergence).
  relu: (x) => (x > 0 || Number.isNaN(x) ? x : 0),
  sigmoid,
  tanh: Math.tanh,
  sign: Math.sign,
  square: (x) => x * x,
  reciprocal: (x) => 1 / x,
};

export function unaryKernel(op: UnaryOp, x: TypedArray, out: TypedArray): void {
  const f = FUNCTIONS[op];
  for (let i = 0; i < out.length; i++) out[i] = f(x[i]);
}
