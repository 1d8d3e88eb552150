/**
 * LossBelow(target): stop when the loss is below a target.
 *
 * Fires at exactly the calls whose loss < target (strictly; a loss equal to the target does
 * not fire, and NaN never does). In the loop of criterion.ts the loss passed with iteration t
 * is L(w_{t−1}), so it fires at the first t with L(w_{t−1}) < target: the parameters w_t are
 * then one update past the point that met the target. Stateless: it fires again at any later
 * call whose loss is below the target, and reset() does nothing. At iteration 0 the loss may
 * be omitted (no decision); from iteration 1 on it is required.
 */
import { CONTINUE, fmt, requiredLoss, type StopDecision, type StoppingCriterion, type StoppingInfo } from './criterion.js';

export class LossBelow implements StoppingCriterion {
  constructor(readonly target: number) {
    if (typeof target !== 'number' || Number.isNaN(target)) throw new RangeError(`LossBelow: target must be a number, got ${String(target)}.`);
  }

  update(info: StoppingInfo): StopDecision {
    const loss = requiredLoss('LossBelow', info);
    if (loss !== undefined && loss < this.target) {
      return { stop: true, reason: `LossBelow: loss ${fmt(loss)} < ${fmt(this.target)} at iteration ${info.iteration}` };
    }
    return CONTINUE;
  }

  reset(): void {}
}
