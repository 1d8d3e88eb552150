import type { Tensor } from '@dlcourse/engine';

/*
 * Reference solution of exercise 1, built only from elementary tensor operations, as the
 * exercise asks.
 */

/** σ(x) = 1/(1+e^(−x)); e^(−x) overflows to ∞ for x ≪ 0, which still gives the right 0. */
export function sigmoid(x: Tensor): Tensor {
  return x.neg().exp().add(1).pow(-1);
}

export function sigmoidBackward(x: Tensor, dY: Tensor): Tensor {
  const s = sigmoid(x);
  return dY.mul(s).mul(s.neg().add(1));
}

/** tanh(x) = 2σ(2x) − 1: the same function, but without e^x/e^x = ∞/∞ for large |x|. */
export function tanh(x: Tensor): Tensor {
  return sigmoid(x.mul(2)).mul(2).sub(1);
}

export function tanhBackward(x: Tensor, dY: Tensor): Tensor {
  const t = tanh(x);
  return dY.mul(t.mul(t).neg().add(1));
}

export function relu(x: Tensor): Tensor {
  return x.maximum(0);
}

export function reluBackward(x: Tensor, dY: Tensor): Tensor {
  return dY.mul(x.gt(0));
}

/** Subtracting the row max first keeps every exponent ≤ 0, so nothing overflows. */
export function softmax(x: Tensor): Tensor {
  const e = x.sub(x.max(-1, true)).exp();
  return e.div(e.sum(-1, true));
}

export function softmaxBackward(x: Tensor, dY: Tensor): Tensor {
  const s = softmax(x);
  return s.mul(dY.sub(dY.mul(s).sum(-1, true)));
}
