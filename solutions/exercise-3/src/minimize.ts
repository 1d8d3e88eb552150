import type { Tensor } from '@dlcourse/engine';
import type { Optimizer } from './optimizers.js';

/*
 * Reference solution of exercise 3: the descent loop of README §3.6, checks in its order.
 */

/** The lecture's four stopping criteria; one that is not given never fires. */
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
  reason: StopReason;
}

export function minimize(
  f: (x: Tensor) => number,
  grad: (x: Tensor) => Tensor,
  x0: Tensor,
  optimizer: Optimizer,
  criteria: StoppingCriteria,
): MinimizeResult {
  const { maxIterations, tolerance, targetLoss, divergenceFactor } = criteria;
  let x = x0;
  const f0 = f(x0);
  const losses = [f0];
  for (let k = 0; ; ) {
    if (k >= maxIterations) return { x, iterations: k, losses, reason: 'maxIterations' };
    const next = optimizer.step(x, grad(x));
    k += 1;
    const loss = f(next);
    losses.push(loss);
    if (divergenceFactor !== undefined && (!Number.isFinite(loss) || loss > divergenceFactor * f0)) {
      return { x: next, iterations: k, losses, reason: 'divergence' };
    }
    if (targetLoss !== undefined && loss < targetLoss) return { x: next, iterations: k, losses, reason: 'targetLoss' };
    if (tolerance !== undefined && next.sub(x).square().sum().sqrt().item() < tolerance) {
      return { x: next, iterations: k, losses, reason: 'tolerance' };
    }
    x = next;
  }
}
