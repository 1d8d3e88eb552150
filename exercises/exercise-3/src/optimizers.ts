import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';

/*
 * Exercise 3 — optimizers. Formulas and hints: ../README.md (§3.1–§3.6).
 *
 * Each optimizer updates ONE tensor of parameters. step(params, grad) gets the parameters w
 * and the gradient g = ∇L(w), both float64 tensors of the same shape, and RETURNS the new
 * parameters. It must not change params or grad: use add, sub, mul, div, sqrt, square (they make
 * new tensors), not add_, sub_, mul_ (those change a tensor in place).
 *
 * Whatever an optimizer must remember between calls (the velocity v, the sums G and E, the
 * moments m and v, the step count t) lives in fields of the object (this.v = …), so two
 * objects never share it. It starts at 0: a field that is null until the first step works well.
 */

/** What minimize() needs from an optimizer. */
export interface Optimizer {
  /** One update: returns the new parameters and changes neither `params` nor `grad`. */
  step(params: Tensor, grad: Tensor): Tensor;
}

export interface SGDOptions {
  /** η, the learning rate. */
  lr: number;
}

export interface MomentumOptions {
  lr: number;
  /** γ, how much of the previous velocity is kept (e.g. 0.9). */
  momentum: number;
}

export interface AdaGradOptions {
  lr: number;
  /** ε, keeps 0/0 away where G = 0 (e.g. 1e-10). */
  eps: number;
}

export interface RMSPropOptions {
  lr: number;
  /** β, the decay of the moving average of g² (e.g. 0.9 or 0.99). */
  beta: number;
  eps: number;
}

export interface AdamOptions {
  lr: number;
  /** β1, the decay of the first moment m (e.g. 0.9). */
  beta1: number;
  /** β2, the decay of the second moment v (e.g. 0.999). */
  beta2: number;
  eps: number;
}

/** §3.2 — w ← w − η·g. */
export class SGD implements Optimizer {
  constructor(readonly options: SGDOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return notImplemented('SGD.step');
  }
}

/** §3.3 — v ← γ·v + η·g (v starts at 0);  w ← w − v. */
export class Momentum implements Optimizer {
  constructor(readonly options: MomentumOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return notImplemented('Momentum.step');
  }
}

/** §3.4 — G ← G + g² (G starts at 0);  w ← w − η·g / √(G + ε). */
export class AdaGrad implements Optimizer {
  constructor(readonly options: AdaGradOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return notImplemented('AdaGrad.step');
  }
}

/** §3.5 — E ← β·E + (1 − β)·g² (E starts at 0);  w ← w − η·g / √(E + ε). */
export class RMSProp implements Optimizer {
  constructor(readonly options: RMSPropOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return notImplemented('RMSProp.step');
  }
}

/**
 * §3.6 — t ← t + 1;  m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²  (m, v, t start at 0);
 * m̂ = m / (1 − β1ᵗ);  v̂ = v / (1 − β2ᵗ);  w ← w − η·m̂ / (√v̂ + ε).
 */
export class Adam implements Optimizer {
  constructor(readonly options: AdamOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return notImplemented('Adam.step');
  }
}
