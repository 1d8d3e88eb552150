/**
 * Convergence within a step budget on two known problems, in float64:
 *
 * - an ill-conditioned quadratic ½ (w − w*)ᵀ A (w − w*), A with eigenvalues 1 and 100
 *   (condition number 100) along axes rotated by 30°, from (−3, 2) to w* = (1, −2); done when
 *   ‖w − w*‖ < 1e-6;
 * - Rosenbrock's function (1 − x)² + 100 (y − x²)² from (−1.2, 1) to (1, 1); done when
 *   ‖w − (1, 1)‖ < 1e-4.
 *
 * Budgets: the steps measured with this implementation (in the comment), times about 1.3–1.5,
 * rounded up. Plain gradient descent is not run on Rosenbrock: with a step small enough to be
 * stable in the valley (1e-3) it is still 3e-4 away after 30000 steps.
 */
import { describe, it, expect } from 'vitest';
import { tensor, type Tensor } from '../../src/index.js';
import { SGD, AdaGrad, RMSProp, Adam, type Optimizer } from '../../src/optim/index.js';

interface Problem {
  params: Tensor[];
  loss: () => Tensor;
  distance: () => number;
  tol: number;
}

function illConditionedQuadratic(): Problem {
  const th = Math.PI / 6;
  const [c, s] = [Math.cos(th), Math.sin(th)];
  const [l1, l2] = [1, 100];
  const A = tensor(
    [
      [c * c * l1 + s * s * l2, c * s * (l1 - l2)],
      [c * s * (l1 - l2), s * s * l1 + c * c * l2],
    ],
    { dtype: 'float64' },
  );
  const target = tensor([[1, -2]], { dtype: 'float64' });
  const p = tensor([[-3, 2]], { dtype: 'float64', requiresGrad: true });
  return {
    params: [p],
    loss: () => {
      const d = p.sub(target);
      return d.matmul(A).mul(d).sum().mul(0.5);
    },
    distance: () => {
      const [x, y] = p.toArray();
      return Math.hypot(x - 1, y + 2);
    },
    tol: 1e-6,
  };
}

function rosenbrock(): Problem {
  const p = tensor([-1.2, 1], { dtype: 'float64', requiresGrad: true });
  return {
    params: [p],
    loss: () => {
      const x = p.narrow(0, 0, 1);
      const y = p.narrow(0, 1, 1);
      return x.neg().add(1).square().add(y.sub(x.square()).square().mul(100)).sum();
    },
    distance: () => {
      const [x, y] = p.toArray();
      return Math.hypot(x - 1, y - 1);
    },
    tol: 1e-4,
  };
}

/** Steps until distance < tol, or Infinity if the budget runs out. */
function stepsToConverge(problem: Problem, opt: Optimizer<{ lr: number }, object>, budget: number): number {
  for (let k = 0; k <= budget; k++) {
    if (problem.distance() < problem.tol) return k;
    opt.zeroGrad();
    problem.loss().backward();
    opt.step();
  }
  return Infinity;
}

type Make = (params: Tensor[]) => Optimizer<{ lr: number }, object>;

const quadraticCases: [string, Make, number][] = [
  // measured steps: 771 (the theory: rate (κ−1)/(κ+1) ≈ 0.980 from a distance of 5.7 → 780)
  ['SGD lr=0.0198 (≈ 2/(λmin+λmax))', (ps) => new SGD(ps, { lr: 0.0198 }), 1000],
  ['SGD lr=0.01 momentum=0.9', (ps) => new SGD(ps, { lr: 0.01, momentum: 0.9 }), 400], // 278
  ['SGD lr=0.01 momentum=0.9 nesterov', (ps) => new SGD(ps, { lr: 0.01, momentum: 0.9, nesterov: true }), 300], // 208
  ['AdaGrad lr=0.5', (ps) => new AdaGrad(ps, { lr: 0.5 }), 450], // 316
  ['RMSProp lr=0.01 momentum=0.9', (ps) => new RMSProp(ps, { lr: 0.01, momentum: 0.9 }), 350], // 244
  ['RMSProp lr=0.001 momentum=0.9 centered', (ps) => new RMSProp(ps, { lr: 0.001, momentum: 0.9, centered: true }), 800], // 589
  ['Adam lr=0.1', (ps) => new Adam(ps, { lr: 0.1 }), 400], // 260
  ['Adam lr=0.1 amsgrad', (ps) => new Adam(ps, { lr: 0.1, amsgrad: true }), 350], // 232
];

const rosenbrockCases: [string, Make, number][] = [
  ['SGD lr=1e-3 momentum=0.9', (ps) => new SGD(ps, { lr: 1e-3, momentum: 0.9 }), 3000], // 2133
  ['SGD lr=1e-3 momentum=0.9 nesterov', (ps) => new SGD(ps, { lr: 1e-3, momentum: 0.9, nesterov: true }), 3000], // 2176
  ['AdaGrad lr=0.5', (ps) => new AdaGrad(ps, { lr: 0.5 }), 15000], // 11856
  ['RMSProp lr=1e-3 momentum=0.9', (ps) => new RMSProp(ps, { lr: 1e-3, momentum: 0.9 }), 1800], // 1237
  ['RMSProp lr=1e-3 momentum=0.9 centered', (ps) => new RMSProp(ps, { lr: 1e-3, momentum: 0.9, centered: true }), 1600], // 1151
  ['Adam lr=0.1', (ps) => new Adam(ps, { lr: 0.1 }), 2000], // 1426
  ['Adam lr=0.1 amsgrad', (ps) => new Adam(ps, { lr: 0.1, amsgrad: true }), 2800], // 1986
];

describe('convergence on a quadratic with condition number 100 (‖w − w*‖ < 1e-6)', () => {
  for (const [name, make, budget] of quadraticCases) {
    it(`${name} within ${budget} steps`, () => {
      const problem = illConditionedQuadratic();
      expect(stepsToConverge(problem, make(problem.params), budget)).toBeLessThanOrEqual(budget);
    });
  }
  it('plain SGD needs many more steps than momentum (sanity check of the problem)', () => {
    const a = illConditionedQuadratic();
    const b = illConditionedQuadratic();
    const plain = stepsToConverge(a, new SGD(a.params, { lr: 0.01 }), 3000);
    const heavy = stepsToConverge(b, new SGD(b.params, { lr: 0.01, momentum: 0.9 }), 3000);
    expect(plain).toBeGreaterThan(3 * heavy);
  });
});

describe('convergence on Rosenbrock from (−1.2, 1) (‖w − (1, 1)‖ < 1e-4)', () => {
  for (const [name, make, budget] of rosenbrockCases) {
    it(`${name} within ${budget} steps`, { timeout: 30_000 }, () => {
      const problem = rosenbrock();
      expect(stepsToConverge(problem, make(problem.params), budget)).toBeLessThanOrEqual(budget);
    });
  }
});
