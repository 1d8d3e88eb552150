/**
 * Plain-JS float64 implementations of PyTorch 1.13's documented algorithms (the pseudo-code on
 * the torch.optim.SGD / Adagrad / RMSprop / Adam pages), on number arrays, written from the
 * documentation and independent of the engine: the tests compare the engine's optimizers with
 * these step by step.
 */

export interface RefOptimizer {
  /** Updates p in place with gradient g (one call per step). */
  step(p: number[], g: number[]): void;
}

export interface SGDConfig {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
}

export function refSGD(cfg: SGDConfig): RefOptimizer {
  const { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false } = cfg;
  let b: number[] | null = null;
  return {
    step(p, grad) {
      const n = p.length;
      const g = grad.map((gi, i) => (weightDecay !== 0 ? gi + weightDecay * p[i] : gi));
      let d = g;
      if (momentum !== 0) {
        if (b === null) b = [...g];
        else for (let i = 0; i < n; i++) b[i] = momentum * b[i] + (1 - dampening) * g[i];
        const buf = b;
        d = nesterov ? g.map((gi, i) => gi + momentum * buf[i]) : [...buf];
      }
      for (let i = 0; i < n; i++) p[i] -= lr * d[i];
    },
  };
}

export interface AdaGradConfig {
  lr?: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
}

export function refAdaGrad(cfg: AdaGradConfig): RefOptimizer {
  const { lr = 0.01, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10 } = cfg;
  let sum: number[] | null = null;
  let t = 0;
  return {
    step(p, grad) {
      sum ??= p.map(() => initialAccumulatorValue);
      t += 1;
      const clr = lr / (1 + (t - 1) * lrDecay);
      for (let i = 0; i < p.length; i++) {
        const g = weightDecay !== 0 ? grad[i] + weightDecay * p[i] : grad[i];
        sum[i] += g * g;
        p[i] -= (clr * g) / (Math.sqrt(sum[i]) + eps);
      }
    },
  };
}

export interface RMSPropConfig {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
}

export function refRMSProp(cfg: RMSPropConfig): RefOptimizer {
  const { lr = 0.01, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false } = cfg;
  let v: number[] | null = null;
  let gAvg: number[] | null = null;
  let b: number[] | null = null;
  return {
    step(p, grad) {
      v ??= p.map(() => 0);
      gAvg ??= p.map(() => 0);
      b ??= p.map(() => 0);
      for (let i = 0; i < p.length; i++) {
        const g = weightDecay !== 0 ? grad[i] + weightDecay * p[i] : grad[i];
        v[i] = alpha * v[i] + (1 - alpha) * g * g;
        let vTilde = v[i];
        if (centered) {
          gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
          vTilde = v[i] - gAvg[i] * gAvg[i];
        }
        const s = Math.sqrt(vTilde) + eps;
        if (momentum > 0) {
          b[i] = momentum * b[i] + g / s;
          p[i] -= lr * b[i];
        } else {
          p[i] -= (lr * g) / s;
        }
      }
    },
  };
}

export interface AdamConfig {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
}

export function refAdam(cfg: AdamConfig): RefOptimizer {
  const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0, amsgrad = false } = cfg;
  const [b1, b2] = betas;
  let m: number[] | null = null;
  let v: number[] | null = null;
  let vMax: number[] | null = null;
  let t = 0;
  return {
    step(p, grad) {
      m ??= p.map(() => 0);
      v ??= p.map(() => 0);
      vMax ??= p.map(() => 0);
      t += 1;
      for (let i = 0; i < p.length; i++) {
        const g = weightDecay !== 0 ? grad[i] + weightDecay * p[i] : grad[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        const mHat = m[i] / (1 - Math.pow(b1, t));
        let vHat: number;
        if (amsgrad) {
          vMax[i] = Math.max(vMax[i], v[i]);
          vHat = vMax[i] / (1 - Math.pow(b2, t));
        } else {
          vHat = v[i] / (1 - Math.pow(b2, t));
        }
        p[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
      }
    },
  };
}
