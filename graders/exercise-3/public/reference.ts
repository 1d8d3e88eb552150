/**
 * The grader's own reference: the README's update rules on plain number arrays, written from
 * the formulas and independent of the engine and of the solution. The suites compare the
 * submission's optimizers with these, step by step.
 *
 * Where the README allows a choice, the reference takes one and the suites use inputs on which
 * the choices agree far inside the tolerance (README §3.9): ε inside the root here (AdaGrad,
 * RMSProp, the lecture's form) and outside it (Adam, PyTorch's form); Momentum in the lecture's
 * form v ← γv + ηg, w ← w − v.
 */

export type Vec = number[];

/** One optimizer's update on plain numbers; returns the new parameters, keeps its own state. */
export interface RefOptimizer {
  step(w: Vec, g: Vec): Vec;
}

// The hyper-parameters are the exercise's contract: the same option shapes the student's classes take.
import type { SGDOptions, MomentumOptions, AdaGradOptions, RMSPropOptions, AdamOptions } from '@submission/exercise-3';

/** w ← w − η g. */
export function refSGD({ lr }: SGDOptions): RefOptimizer {
  return { step: (w, g) => w.map((wi, i) => wi - lr * g[i]) };
}

/** v ← γ v + η g (v₀ = 0);  w ← w − v. */
export function refMomentum({ lr, momentum }: MomentumOptions): RefOptimizer {
  let v: Vec | null = null;
  return {
    step(w, g) {
      const prev = v ?? w.map(() => 0);
      v = prev.map((vi, i) => momentum * vi + lr * g[i]);
      const vel = v;
      return w.map((wi, i) => wi - vel[i]);
    },
  };
}

/** G ← G + g² (G₀ = 0);  w ← w − η g / √(G + ε). */
export function refAdaGrad({ lr, eps }: AdaGradOptions): RefOptimizer {
  let G: Vec | null = null;
  return {
    step(w, g) {
      const prev = G ?? w.map(() => 0);
      G = prev.map((Gi, i) => Gi + g[i] * g[i]);
      const acc = G;
      return w.map((wi, i) => wi - (lr * g[i]) / Math.sqrt(acc[i] + eps));
    },
  };
}

/** E ← β E + (1 − β) g² (E₀ = 0);  w ← w − η g / √(E + ε). */
export function refRMSProp({ lr, beta, eps }: RMSPropOptions): RefOptimizer {
  let E: Vec | null = null;
  return {
    step(w, g) {
      const prev = E ?? w.map(() => 0);
      E = prev.map((Ei, i) => beta * Ei + (1 - beta) * g[i] * g[i]);
      const avg = E;
      return w.map((wi, i) => wi - (lr * g[i]) / Math.sqrt(avg[i] + eps));
    },
  };
}

/** t ← t + 1; m, v moving averages of g, g²; m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ); w ← w − η m̂/(√v̂ + ε). */
export function refAdam({ lr, beta1, beta2, eps }: AdamOptions): RefOptimizer {
  let t = 0;
  let m: Vec | null = null;
  let v: Vec | null = null;
  return {
    step(w, g) {
      t += 1;
      const m0 = m ?? w.map(() => 0);
      const v0 = v ?? w.map(() => 0);
      const m1 = m0.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]);
      const v1 = v0.map((vi, i) => beta2 * vi + (1 - beta2) * g[i] * g[i]);
      m = m1;
      v = v1;
      return w.map((wi, i) => {
        const mHat = m1[i] / (1 - beta1 ** t);
        const vHat = v1[i] / (1 - beta2 ** t);
        return wi - (lr * mHat) / (Math.sqrt(vHat) + eps);
      });
    },
  };
}

/**
 * A small seeded generator (mulberry32), so that a sequence of 50 gradients is drawn from one
 * integer: fast-check then shrinks the seed, not 50 tensors, and a failure replays exactly.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `steps` gradients of n values each, every value in ±[min, max] (so never near 0). */
export function gradientSequence(seed: number, n: number, steps: number, min = 0.5, max = 3): Vec[] {
  const random = seededRandom(seed);
  return Array.from({ length: steps }, () =>
    Array.from({ length: n }, () => {
      const magnitude = min + (max - min) * random();
      return random() < 0.5 ? -magnitude : magnitude;
    }),
  );
}
