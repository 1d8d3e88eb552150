import type { Tensor } from '@dlcourse/engine';
import { notImplemented } from '@dlcourse/grading/stub';
import type { Optimizer } from './optimizers.js';

/*
 * Exercise 3 — gradient descent with the lecture's four stopping criteria. The loop, the order
 * of the checks and what each result field holds: ../README.md §3.8.
 */

/** The lecture's four stopping criteria; one that is not given (undefined) never fires. */
export interface StoppingCriteria {
  /** At most this many steps. */
  maxIterations: number;
  /** Stop when a step moved x by less than this: ‖x_k − x_{k−1}‖₂ < tolerance. */
  tolerance?: number;
  /** Stop when f(x_k) < targetLoss. */
  targetLoss?: number;
  /** Stop when f(x_k) is not finite or f(x_k) > divergenceFactor · f(x_0). */
  divergenceFactor?: number;
}

export type StopReason = 'maxIterations' | 'tolerance' | 'targetLoss' | 'divergence';

export interface MinimizeResult {
  /** The last point, x_k with k = iterations. */
  x: Tensor;
  /** Steps taken. */
  iterations: number;
  /** f(x_0), f(x_1), …, f(x_k): iterations + 1 values. */
  losses: number[];
  /** Which criterion stopped the loop. */
  reason: StopReason;
}

/**
 * Minimizes f from x0: x_k = optimizer.step(x_{k−1}, grad(x_{k−1})), until a criterion fires
 * (checked in the order of README §3.8). Changes neither x0 nor anything else it is given.
 */
export function minimize(
  f: (x: Tensor) => number,
  grad: (x: Tensor) => Tensor,
  x0: Tensor,
  optimizer: Optimizer,
  criteria: StoppingCriteria,
): MinimizeResult {
  return notImplemented('minimize');
}
