import type { Tensor } from '@dlcourse/engine';

/*
 * Reference solution of exercise 3: the lecture's update rules (Adam with PyTorch's bias
 * correction), written with out-of-place tensor operations only, so that step() never changes
 * its inputs. Each instance keeps the state of the one tensor it optimizes in its own fields.
 */

/** What minimize() needs from an optimizer. */
export interface Optimizer {
  /** One update: returns the new parameters and changes neither `params` nor `grad`. */
  step(params: Tensor, grad: Tensor): Tensor;
}

export interface SGDOptions {
  lr: number;
}

export interface MomentumOptions {
  lr: number;
  momentum: number;
}

export interface AdaGradOptions {
  lr: number;
  eps: number;
}

export interface RMSPropOptions {
  lr: number;
  beta: number;
  eps: number;
}

export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** w ← w − η g. */
export class SGD implements Optimizer {
  constructor(readonly options: SGDOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    return params.sub(grad.mul(this.options.lr));
  }
}

/** v ← γ v + η g (v starts at 0);  w ← w − v. */
export class Momentum implements Optimizer {
  private velocity: Tensor | null = null;

  constructor(readonly options: MomentumOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, momentum } = this.options;
    const push = grad.mul(lr);
    this.velocity = this.velocity === null ? push : this.velocity.mul(momentum).add(push);
    return params.sub(this.velocity);
  }
}

/** G ← G + g² (G starts at 0);  w ← w − η g / √(G + ε). */
export class AdaGrad implements Optimizer {
  private sumSquares: Tensor | null = null;

  constructor(readonly options: AdaGradOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, eps } = this.options;
    const squared = grad.square();
    this.sumSquares = this.sumSquares === null ? squared : this.sumSquares.add(squared);
    return params.sub(grad.mul(lr).div(this.sumSquares.add(eps).sqrt()));
  }
}

/** E ← β E + (1 − β) g² (E starts at 0);  w ← w − η g / √(E + ε). */
export class RMSProp implements Optimizer {
  private meanSquare: Tensor | null = null;

  constructor(readonly options: RMSPropOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta, eps } = this.options;
    const fresh = grad.square().mul(1 - beta);
    this.meanSquare = this.meanSquare === null ? fresh : this.meanSquare.mul(beta).add(fresh);
    return params.sub(grad.mul(lr).div(this.meanSquare.add(eps).sqrt()));
  }
}

/**
 * t ← t + 1;  m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²  (m, v start at 0);
 * m̂ = m / (1 − β1ᵗ);  v̂ = v / (1 − β2ᵗ);  w ← w − η m̂ / (√v̂ + ε).
 */
export class Adam implements Optimizer {
  private t = 0;
  private m: Tensor | null = null;
  private v: Tensor | null = null;

  constructor(readonly options: AdamOptions) {}

  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta1, beta2, eps } = this.options;
    this.t += 1;
    const firstMoment = grad.mul(1 - beta1);
    const secondMoment = grad.square().mul(1 - beta2);
    this.m = this.m === null ? firstMoment : this.m.mul(beta1).add(firstMoment);
    this.v = this.v === null ? secondMoment : this.v.mul(beta2).add(secondMoment);
    const mHat = this.m.div(1 - beta1 ** this.t);
    const vHat = this.v.div(1 - beta2 ** this.t);
    return params.sub(mHat.mul(lr).div(vHat.sqrt().add(eps)));
  }
}
