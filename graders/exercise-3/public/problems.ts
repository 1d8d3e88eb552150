/**
 * The two test problems of README §3.7, on plain numbers (the grader computes f and ∇f itself,
 * so only the submission's optimizer is under test).
 */
import type { Vec } from './reference.js';

export interface Problem {
  name: { en: string; ru: string };
  f: (x: Vec) => number;
  grad: (x: Vec) => Vec;
  x0: Vec;
  /** Done when f(x) < target. */
  target: number;
}

/**
 * f(x) = ½ xᵀ A x with A = Rᵀ diag(1, 100) R, R a rotation by 30°: eigenvalues 1 and 100
 * (condition number 100) along axes that are not the coordinate axes, so per-coordinate
 * step sizes (AdaGrad, RMSProp, Adam) cannot simply undo the conditioning. Minimum 0 at x = 0.
 */
const th = Math.PI / 6;
const [c, s] = [Math.cos(th), Math.sin(th)];
const [l1, l2] = [1, 100];
export const A: [[number, number], [number, number]] = [
  [c * c * l1 + s * s * l2, c * s * (l1 - l2)],
  [c * s * (l1 - l2), s * s * l1 + c * c * l2],
];

export const quadratic: Problem = {
  name: { en: '½·xᵀAx, condition number 100', ru: '½·xᵀAx, число обусловленности 100' },
  f: ([x, y]) => 0.5 * (x * (A[0][0] * x + A[0][1] * y) + y * (A[1][0] * x + A[1][1] * y)),
  grad: ([x, y]) => [A[0][0] * x + A[0][1] * y, A[1][0] * x + A[1][1] * y],
  x0: [1, 1],
  target: 1e-8,
};

/** Rosenbrock's banana (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1), from the classic (−1.2, 1). */
export const rosenbrock: Problem = {
  name: { en: 'Rosenbrock (1 − x)² + 100·(y − x²)²', ru: 'функция Розенброка (1 − x)² + 100·(y − x²)²' },
  f: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  x0: [-1.2, 1],
  target: 1e-6,
};
