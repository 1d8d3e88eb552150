// A valid alternative written without tensor arithmetic: every optimizer reads the values with
// toArray(), keeps its state in Float64Arrays and builds the result with tensor(); Adam in the
// paper's "efficient" order, α_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ), w ← w − α_t·m/(√v + ε); minimize
// as a while loop that compares squared lengths, ‖Δ‖² < tolerance².
import { tensor, type Tensor } from '@dlcourse/engine';
import type {
  AdaGradOptions,
  AdamOptions,
  MinimizeResult,
  MomentumOptions,
  Optimizer,
  RMSPropOptions,
  SGDOptions,
  StoppingCriteria,
} from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

function result(params: Tensor, values: Float64Array): Tensor {
  return tensor(values, { shape: params.shape });
}

export class SGD {
  constructor(readonly options: SGDOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const w = params.toArray();
    const g = grad.toArray();
    return result(params, Float64Array.from(w, (wi, i) => wi - this.options.lr * g[i]));
  }
}

export class Momentum {
  private v: Float64Array | null = null;
  constructor(readonly options: MomentumOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const w = params.toArray();
    const g = grad.toArray();
    const v = (this.v ??= new Float64Array(w.length));
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      v[i] = this.options.momentum * v[i] + this.options.lr * g[i];
      out[i] = w[i] - v[i];
    }
    return result(params, out);
  }
}

export class AdaGrad {
  private G: Float64Array | null = null;
  constructor(readonly options: AdaGradOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const w = params.toArray();
    const g = grad.toArray();
    const G = (this.G ??= new Float64Array(w.length));
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      G[i] += g[i] * g[i];
      out[i] = w[i] - (this.options.lr * g[i]) / Math.sqrt(G[i] + this.options.eps);
    }
    return result(params, out);
  }
}

export class RMSProp {
  private E: Float64Array | null = null;
  constructor(readonly options: RMSPropOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta, eps } = this.options;
    const w = params.toArray();
    const g = grad.toArray();
    const E = (this.E ??= new Float64Array(w.length));
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      E[i] = beta * E[i] + (1 - beta) * g[i] * g[i];
      out[i] = w[i] - (lr * g[i]) / Math.sqrt(E[i] + eps);
    }
    return result(params, out);
  }
}

export class Adam {
  private t = 0;
  private m: Float64Array | null = null;
  private v: Float64Array | null = null;
  constructor(readonly options: AdamOptions) {}
  step(params: Tensor, grad: Tensor): Tensor {
    const { lr, beta1, beta2, eps } = this.options;
    const w = params.toArray();
    const g = grad.toArray();
    const m = (this.m ??= new Float64Array(w.length));
    const v = (this.v ??= new Float64Array(w.length));
    this.t += 1;
    const alpha = (lr * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
    const out = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      out[i] = w[i] - (alpha * m[i]) / (Math.sqrt(v[i]) + eps);
    }
    return result(params, out);
  }
}

export function minimize(
  f: (x: Tensor) => number,
  grad: (x: Tensor) => Tensor,
  x0: Tensor,
  optimizer: Optimizer,
  criteria: StoppingCriteria,
): MinimizeResult {
  const losses = [f(x0)];
  let x = x0;
  let iterations = 0;
  while (iterations < criteria.maxIterations) {
    const next = optimizer.step(x, grad(x));
    iterations += 1;
    const loss = f(next);
    losses.push(loss);
    const before = x.toArray();
    const squaredStep = next.toArray().reduce((s, v, i) => s + (v - before[i]) ** 2, 0);
    x = next;
    if (criteria.divergenceFactor !== undefined && !(loss <= criteria.divergenceFactor * losses[0])) return { x, iterations, losses, reason: 'divergence' };
    if (criteria.targetLoss !== undefined && loss < criteria.targetLoss) return { x, iterations, losses, reason: 'targetLoss' };
    if (criteria.tolerance !== undefined && squaredStep < criteria.tolerance ** 2) return { x, iterations, losses, reason: 'tolerance' };
  }
  return { x, iterations, losses, reason: 'maxIterations' };
}
