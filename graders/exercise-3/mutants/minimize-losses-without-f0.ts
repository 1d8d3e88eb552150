// Mistake: losses records only the losses after the steps, without f(x0) first.
import type { Tensor } from '@dlcourse/engine';
import type { MinimizeResult, Optimizer, StoppingCriteria } from '../../../solutions/exercise-3/src/index.js';
export * from '../../../solutions/exercise-3/src/index.js';

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
  const losses: number[] = [];
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
