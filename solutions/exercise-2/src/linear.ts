import type { Tensor } from '@dlcourse/engine';

/*
 * Reference solution of exercise 2, the linear layer: Y = X·W + b with X [N, D], W [D, M],
 * b [M], Y [N, M]. Only elementary tensor operations, no autograd.
 */

/** b [M] broadcasts over the N rows of X·W [N, M]. */
export function linearForward(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return x.matmul(w).add(b);
}

/**
 * Y_nm = Σ_d X_nd W_dm + b_m, so ∂L/∂X_nd = Σ_m dY_nm W_dm, ∂L/∂W_dm = Σ_n X_nd dY_nm and
 * ∂L/∂b_m = Σ_n dY_nm: the shapes [N, M]·[M, D], [D, N]·[N, M] and a sum over the batch.
 */
export function linearBackward(x: Tensor, w: Tensor, dY: Tensor): { dX: Tensor; dW: Tensor; db: Tensor } {
  return { dX: dY.matmul(w.T), dW: x.T.matmul(dY), db: dY.sum(0) };
}

/** (X·W1 + b1)·W2 + b2 = X·(W1·W2) + (b1·W2 + b2). */
export function collapseLinear(w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor): { w: Tensor; b: Tensor } {
  return { w: w1.matmul(w2), b: b1.matmul(w2).add(b2) };
}
