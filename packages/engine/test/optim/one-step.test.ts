/**
 * The first two updates of each optimizer against its formula written out by hand (closed form
 * in float64), on random parameters, gradients and options (fast-check). The gradients are set
 * directly (p.grad = …), as PyTorch allows.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { Tensor } from '../../src/index.js';
import { SGD, AdaGrad, RMSProp, Adam } from '../../src/optim/index.js';
import { expectClose, f64, setGrad } from './helpers.js';

const TOL = 1e-12;
const value = fc.double({ min: -5, max: 5, noNaN: true });
/** p, and the gradients of step 1 and step 2, all of one random length. */
const problem = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    p: fc.array(value, { minLength: n, maxLength: n }),
    g1: fc.array(value, { minLength: n, maxLength: n }),
    g2: fc.array(value, { minLength: n, maxLength: n }),
  }),
);
const lr = fc.double({ min: 1e-4, max: 1, noNaN: true });
const decay = fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.1, noNaN: true }));
const unit = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const RUNS = { numRuns: 200 };

/** Runs two steps with the given gradients; returns p after each. */
function twoSteps(make: (p: Tensor) => { step(): unknown }, p0: number[], g1: number[], g2: number[]): [number[], number[]] {
  const p = f64(p0, true);
  const opt = make(p);
  setGrad(p, g1);
  opt.step();
  const after1 = p.toArray();
  setGrad(p, g2);
  opt.step();
  return [after1, p.toArray()];
}

const zip = <T>(xs: number[], f: (x: number, i: number) => T): T[] => xs.map(f);

describe('one step against the formula by hand', () => {
  it('SGD: w ← w − η g, with weight decay, momentum (no dampening at step 1), dampening, nesterov', () => {
    fc.assert(
      fc.property(
        problem,
        lr,
        decay,
        fc.constantFrom(0, 0.5, 0.9),
        fc.constantFrom(0, 0.1),
        fc.boolean(),
        ({ p, g1, g2 }, eta, wd, mu, tau, nesterovWanted) => {
          const nesterov = nesterovWanted && mu > 0 && tau === 0;
          const [got1, got2] = twoSteps(
            (t) => new SGD([t], { lr: eta, weightDecay: wd, momentum: mu, dampening: tau, nesterov }),
            p,
            g1,
            g2,
          );
          // step 1: d = g + λw; b = d (a copy, undamped); step = d + μ b (nesterov) or b
          const d1 = zip(p, (w, i) => g1[i] + wd * w);
          const b1 = [...d1];
          const s1 = mu === 0 ? d1 : nesterov ? zip(d1, (d, i) => d + mu * b1[i]) : b1;
          const want1 = zip(p, (w, i) => w - eta * s1[i]);
          expectClose(got1, want1, TOL, 'after step 1');
          // step 2: b = μ b + (1 − τ) d
          const d2 = zip(want1, (w, i) => g2[i] + wd * w);
          const b2 = zip(d2, (d, i) => mu * b1[i] + (1 - tau) * d);
          const s2 = mu === 0 ? d2 : nesterov ? zip(d2, (d, i) => d + mu * b2[i]) : b2;
          const want2 = zip(want1, (w, i) => w - eta * s2[i]);
          expectClose(got2, want2, TOL, 'after step 2');
        },
      ),
      RUNS,
    );
  });

  it('AdaGrad: G ← G₀ + g², w ← w − η/(1 + (t−1)δ) · g/(√G + ε)', () => {
    fc.assert(
      fc.property(
        problem,
        lr,
        decay,
        decay,
        fc.constantFrom(0, 0.1, 1),
        fc.constantFrom(1e-10, 1e-6, 0.1),
        ({ p, g1, g2 }, eta, lrDecay, wd, g0, eps) => {
          const [got1, got2] = twoSteps(
            (t) => new AdaGrad([t], { lr: eta, lrDecay, weightDecay: wd, initialAccumulatorValue: g0, eps }),
            p,
            g1,
            g2,
          );
          const d1 = zip(p, (w, i) => g1[i] + wd * w);
          const G1 = d1.map((d) => g0 + d * d);
          const want1 = zip(p, (w, i) => w - (eta * d1[i]) / (Math.sqrt(G1[i]) + eps));
          expectClose(got1, want1, TOL, 'after step 1');
          const d2 = zip(want1, (w, i) => g2[i] + wd * w);
          const G2 = d2.map((d, i) => G1[i] + d * d);
          const eta2 = eta / (1 + lrDecay);
          const want2 = zip(want1, (w, i) => w - (eta2 * d2[i]) / (Math.sqrt(G2[i]) + eps));
          expectClose(got2, want2, TOL, 'after step 2');
        },
      ),
      RUNS,
    );
  });

  it('RMSProp: v ← αv + (1−α)g², w ← w − η g/(√v + ε); centered; momentum', () => {
    fc.assert(
      fc.property(
        problem,
        lr,
        unit,
        decay,
        fc.constantFrom(0, 0.5, 0.9),
        fc.boolean(),
        fc.constantFrom(1e-8, 1e-3),
        ({ p, g1, g2 }, eta, alpha, wd, mu, centered, eps) => {
          const [got1, got2] = twoSteps(
            (t) => new RMSProp([t], { lr: eta, alpha, weightDecay: wd, momentum: mu, centered, eps }),
            p,
            g1,
            g2,
          );
          const d1 = zip(p, (w, i) => g1[i] + wd * w);
          const v1 = d1.map((d) => (1 - alpha) * d * d);
          const a1 = d1.map((d) => (1 - alpha) * d);
          const s1 = v1.map((v, i) => Math.sqrt(centered ? v - a1[i] * a1[i] : v) + eps);
          const b1 = d1.map((d, i) => d / s1[i]); // momentum buffer: 0·μ + g/s
          const want1 = zip(p, (w, i) => w - eta * b1[i]);
          expectClose(got1, want1, TOL, 'after step 1');
          const d2 = zip(want1, (w, i) => g2[i] + wd * w);
          const v2 = d2.map((d, i) => alpha * v1[i] + (1 - alpha) * d * d);
          const a2 = d2.map((d, i) => alpha * a1[i] + (1 - alpha) * d);
          const s2 = v2.map((v, i) => Math.sqrt(centered ? v - a2[i] * a2[i] : v) + eps);
          const step2 = d2.map((d, i) => (mu > 0 ? mu * b1[i] + d / s2[i] : d / s2[i]));
          const want2 = zip(want1, (w, i) => w - eta * step2[i]);
          expectClose(got2, want2, TOL, 'after step 2');
        },
      ),
      RUNS,
    );
  });

  it('Adam: bias-corrected m̂/(√v̂ + ε), with weight decay and amsgrad', () => {
    fc.assert(
      fc.property(
        problem,
        lr,
        unit,
        unit,
        decay,
        fc.boolean(),
        fc.constantFrom(1e-8, 1e-3),
        ({ p, g1, g2 }, eta, beta1, beta2, wd, amsgrad, eps) => {
          const [got1, got2] = twoSteps((t) => new Adam([t], { lr: eta, betas: [beta1, beta2], weightDecay: wd, amsgrad, eps }), p, g1, g2);
          const d1 = zip(p, (w, i) => g1[i] + wd * w);
          const m1 = d1.map((d) => (1 - beta1) * d);
          const v1 = d1.map((d) => (1 - beta2) * d * d);
          // t = 1: m̂ = m/(1 − β1) = g, v̂ = v/(1 − β2) = g²
          const want1 = zip(p, (w, i) => w - (eta * (m1[i] / (1 - beta1))) / (Math.sqrt(v1[i] / (1 - beta2)) + eps));
          expectClose(got1, want1, TOL, 'after step 1');
          const d2 = zip(want1, (w, i) => g2[i] + wd * w);
          const m2 = d2.map((d, i) => beta1 * m1[i] + (1 - beta1) * d);
          const v2 = d2.map((d, i) => beta2 * v1[i] + (1 - beta2) * d * d);
          const vUsed = amsgrad ? v2.map((v, i) => Math.max(v, v1[i])) : v2;
          const want2 = zip(want1, (w, i) => w - (eta * (m2[i] / (1 - beta1 ** 2))) / (Math.sqrt(vUsed[i] / (1 - beta2 ** 2)) + eps));
          expectClose(got2, want2, TOL, 'after step 2');
        },
      ),
      RUNS,
    );
  });

  it("Adam's first step moves each coordinate by about lr (the bias correction; the lecture's form moves it (1−β1)/√(1−β2) ≈ 3.16 lr)", () => {
    const p = f64([1, -2, 3], true);
    const opt = new Adam([p], { lr: 0.01 });
    setGrad(p, [0.5, -7, 1e-3]);
    opt.step();
    // g/(|g| + ε) with ε ≪ |g|: each coordinate moves by lr·sign(g), up to ε/|g|
    expectClose(p.toArray(), [1 - 0.01, -2 + 0.01, 3 - 0.01], 1e-7, 'after step 1');
  });
});
