import type { UnaryOp } from '../backend.js';
import type { TypedArray } from '../../tensor/dtype.js';

type Kernel = (x: TypedArray, out: TypedArray) => void;

/**
 * One loop per op with the function written inline (a shared loop calling `f(x)` per element
 * could not be inlined by the JIT). `out` may be `x` itself.
 */
const KERNELS: Record<UnaryOp, Kernel> = {
  neg: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = -x[i];
  },
  exp: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(x[i]);
  },
  log: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.log(x[i]);
  },
  sqrt: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(x[i]);
  },
  abs: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(x[i]);
  },
  // NaN passes through, as torch.relu (a bare `x > 0 ? x : 0` turned NaN into 0 and hid divergence).
  relu: (x, out) => {
    for (let i = 0; i < out.length; i++) {
      const v = x[i];
      out[i] = v > 0 || v !== v ? v : 0;
    }
  },
  // Split at 0 so that exp never overflows.
  sigmoid: (x, out) => {
    for (let i = 0; i < out.length; i++) {
      const v = x[i];
      if (v >= 0) {
        out[i] = 1 / (1 + Math.exp(-v));
      } else {
        const e = Math.exp(v);
        out[i] = e / (1 + e);
      }
    }
  },
  tanh: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.tanh(x[i]);
  },
  sign: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.sign(x[i]);
  },
  square: (x, out) => {
    for (let i = 0; i < out.length; i++) {
      const v = x[i];
      out[i] = v * v;
    }
  },
  reciprocal: (x, out) => {
    for (let i = 0; i < out.length; i++) out[i] = 1 / x[i];
  },
};

export function unaryKernel(op: UnaryOp, x: TypedArray, out: TypedArray): void {
  KERNELS[op](x, out);
}
